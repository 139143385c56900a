package vn.gov.bvhttdl.dvc.notify;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import io.micronaut.context.annotation.Factory;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.application.NotifyApplicant;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Status notifications from the table's stream (template.yaml filters it to the audit entries of the moves that
 * matter to the applicant): each new audit entry is one event, turned into the messages its kind calls for on the
 * applicant's channels, exactly once per event and channel. A record that fails is reported
 * (ReportBatchItemFailures): the stream retries from it, bisecting, then the batch's description goes to the
 * on-failure queue.
 */
public class StatusNotifyHandler extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(StatusNotifyHandler.class);

    @Inject
    NotifyApplicant notify;

    private static String s(Map<String, AttributeValue> image, String name) { return StreamRecords.s(image, name); }

    static AuditEvent audit(Map<String, AttributeValue> img) { return StreamRecords.audit(img); }

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        if (event == null || event.getRecords() == null) return new StreamsEventResponse(failures);
        for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
            var ddb = r.getDynamodb();
            try {
                AuditEvent e = audit(ddb.getNewImage());
                if (e == null || !"INSERT".equals(r.getEventName())) continue;
                // the audit entry's key: the same however often the stream delivers it
                String key = e.dossierId() + "/" + s(ddb.getNewImage(), "SK");
                NotifyApplicant.Result res = notify.handle(e, key);
                if (!res.sent().isEmpty()) LOG.info("dossier {} {}: {} sent on {}", e.dossierId(), e.action(), res.kind(), res.sent());
            } catch (RuntimeException ex) {
                LOG.warn("record {} failed: {}", ddb.getSequenceNumber(), ex.toString());
                failures.add(new StreamsEventResponse.BatchItemFailure(ddb.getSequenceNumber()));
                break; // the stream retries from here, in order
            }
        }
        return new StreamsEventResponse(failures);
    }

    @Factory
    static final class Beans {
        @Singleton
        NotifyApplicant notifyApplicant() {
            return vn.gov.bvhttdl.dvc.notifications.Notifier.fromSettings(DossierStore.primedFromSettings("status-notify", null));
        }
    }
}
