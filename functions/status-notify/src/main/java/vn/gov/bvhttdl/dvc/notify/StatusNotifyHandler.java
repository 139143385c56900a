package vn.gov.bvhttdl.dvc.notify;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.annotation.Factory;
import vn.gov.bvhttdl.dvc.lambda.EventFunction;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.application.NotifyApplicant;
import vn.gov.bvhttdl.dvc.application.ServiceMetrics;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.lambda.Batches;

import java.util.Map;

/**
 * Status notifications from the table's stream (template.yaml filters it to the audit entries of the moves that
 * matter to the applicant): each new audit entry is one event, turned into the messages its kind calls for on the
 * applicant's channels, exactly once per event and channel. The consumers' one loop ({@link Batches}): a record that
 * can never be handled (a {@code DomainException}: its dossier is gone, its entry unreadable) goes to the dead-letter
 * queue at once and the shard goes on; one that fails otherwise (SMTP down, a throttled table) is reported
 * (ReportBatchItemFailures): the stream retries from it, then the batch's description goes to the on-failure queue.
 */
public class StatusNotifyHandler extends EventFunction<DynamodbEvent, StreamsEventResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(StatusNotifyHandler.class);

    @Inject
    NotifyApplicant notify;

    @Inject
    Batches.DeadLetters deadLetters;

    @Inject
    ServiceMetrics metrics;

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        return Batches.stream(event, this::tell, () -> deadLetters);
    }

    private void tell(DynamodbEvent.DynamodbStreamRecord r) {
        var ddb = r.getDynamodb();
        StreamRecords.Entry entry = StreamRecords.entry(ddb.getNewImage());
        if (entry == null || !"INSERT".equals(r.getEventName())) return;
        AuditEvent e = entry.event();
        // the audit entry's key: the same however often the stream delivers it
        NotifyApplicant.Result res;
        try {
            res = notify.handle(e, entry.key());
        } catch (RuntimeException failed) {
            // each failed attempt (the stream tries the record again): no dimension, the agency is not read here
            metrics.count(new ServiceMetrics.Count(ServiceMetrics.NOTICE_FAILED, Map.of()));
            throw failed;
        }
        // once per channel actually sent: a redelivered event finds its notices sent and sends nothing
        metrics.count(res.sent().stream()
                .map(ch -> new ServiceMetrics.Count(ServiceMetrics.NOTICE_SENT, Map.of(ServiceMetrics.NOTICE_CHANNEL, ch))).toList());
        if (!res.sent().isEmpty()) LOG.info("dossier {} {}: {} sent on {}", e.dossierId(), e.action(), res.kind(), res.sent());
    }

    @Factory
    static final class Beans {
        /** This function's DLQ, for the records that can never be handled (STATUS_NOTIFY_DLQ_URL). */
        @Singleton
        Batches.DeadLetters deadLetters() { return vn.gov.bvhttdl.dvc.adapters.DeadLetterQueue.named("STATUS_NOTIFY_DLQ_URL")::send; }

        /** The notices' business metrics (issue 23), in EMF on standard output. */
        @Singleton
        ServiceMetrics metrics() { return vn.gov.bvhttdl.dvc.adapters.EmfServiceMetrics.lambda(); }

        @Singleton
        NotifyApplicant notifyApplicant() {
            return vn.gov.bvhttdl.dvc.notifications.Notifier.fromSettings(vn.gov.bvhttdl.dvc.adapters.Table.primedFromSettings("status-notify", null));
        }
    }
}
