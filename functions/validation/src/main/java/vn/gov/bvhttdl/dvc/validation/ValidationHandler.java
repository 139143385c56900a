package vn.gov.bvhttdl.dvc.validation;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import vn.gov.bvhttdl.dvc.lambda.EventFunction;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.lambda.Batches;

/**
 * SQS handler of the submission queue, in the consumers' one loop ({@link Batches}): each message on its own; one that
 * can never be processed (not JSON, no dossier id, no such dossier: a {@code DomainException}) goes straight to the
 * dead-letter queue with the reason, not through five receives of two minutes each; any other failure (a lost race,
 * a throttled table, S3 down) is reported (ReportBatchItemFailures), so only that message returns to the queue and,
 * after maxReceiveCount tries, moves to the dead-letter queue by the queue's redrive.
 */
public class ValidationHandler extends EventFunction<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(ValidationHandler.class);

    @Inject
    Validator validator;

    @Inject
    Batches.DeadLetters deadLetters;

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return Batches.sqs(event, m -> LOG.info("message {}: {}", m.getMessageId(), validator.handle(m.getBody())),
                () -> deadLetters);
    }
}
