package vn.gov.bvhttdl.dvc.validation;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * SQS handler of the submission queue. Each message is handled on its own. A message that can never be processed
 * (not JSON, no dossier id, no such dossier) is a permanent failure: it goes straight to the dead-letter queue with
 * the reason, not through five receives of two minutes each. Any other failure (a conflict, a throttled table, S3
 * down) is transient and reported back (ReportBatchItemFailures), so only that message returns to the queue and,
 * after maxReceiveCount tries, moves to the dead-letter queue by the queue's redrive. Nothing is dropped: if the
 * dead-letter queue cannot be reached, the permanent failure is reported back like a transient one.
 */
public class ValidationHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(ValidationHandler.class);

    @Inject
    Validator validator;

    @Inject
    DeadLetters deadLetters;

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        if (event == null || event.getRecords() == null) return new SQSBatchResponse(failures);
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            try {
                Validator.Outcome o = validator.handle(m.getBody());
                LOG.info("message {}: {}", m.getMessageId(), o);
            } catch (IllegalArgumentException permanent) {
                try {
                    deadLetters.send(m.getBody(), m.getMessageId(), permanent.getMessage());
                    LOG.warn("message {} can never be processed ({}): sent to the dead-letter queue", m.getMessageId(), permanent.getMessage());
                } catch (RuntimeException dlqDown) {
                    LOG.error("message {} can never be processed and the dead-letter queue failed: {}", m.getMessageId(), dlqDown.toString());
                    failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
                }
            } catch (RuntimeException e) {
                LOG.warn("message {} failed (receive count {}): {}", m.getMessageId(),
                        m.getAttributes() == null ? "?" : m.getAttributes().get("ApproximateReceiveCount"), e.toString());
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
            }
        }
        return new SQSBatchResponse(failures);
    }
}
