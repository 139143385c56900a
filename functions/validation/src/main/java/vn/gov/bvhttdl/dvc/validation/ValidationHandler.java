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
 * SQS handler of the submission queue. Each message is handled on its own; the ones that fail are reported back
 * (ReportBatchItemFailures) so that only they return to the queue, and after maxReceiveCount tries they move to
 * the dead-letter queue. Nothing is dropped.
 */
public class ValidationHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(ValidationHandler.class);

    @Inject
    Validator validator;

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        if (event == null || event.getRecords() == null) return new SQSBatchResponse(failures);
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            try {
                Validator.Outcome o = validator.handle(m.getBody());
                LOG.info("message {}: {}", m.getMessageId(), o);
            } catch (RuntimeException e) {
                LOG.warn("message {} failed (receive count {}): {}", m.getMessageId(),
                        m.getAttributes() == null ? "?" : m.getAttributes().get("ApproximateReceiveCount"), e.toString());
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
            }
        }
        return new SQSBatchResponse(failures);
    }
}
