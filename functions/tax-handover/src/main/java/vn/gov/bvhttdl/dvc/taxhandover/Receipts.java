package vn.gov.bvhttdl.dvc.taxhandover;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.adapters.StreamItems;
import vn.gov.bvhttdl.dvc.adapters.tax.TaxHandOverQueue;

import java.util.Optional;

/**
 * What the two handlers need of the adapters, so that they see none: the e-receipt a stream record is (read by the
 * table's own layout, {@link StreamItems}), the queue it goes to, the receipt a message names, and the backoff of a
 * message that failed for now (made visible again after a delay that doubles with its receive count,
 * {@code TAX_HANDOVER_RETRY_BASE_SECONDS} at first, at most {@code TAX_HANDOVER_RETRY_MAX_SECONDS}).
 */
final class Receipts {
    private static final Logger LOG = LoggerFactory.getLogger(Receipts.class);

    private Receipts() {}

    /** The id of the e-receipt whose data the record's item is, else empty. */
    static Optional<String> of(DynamodbEvent.DynamodbStreamRecord r) {
        return r.getDynamodb() == null ? Optional.empty() : StreamItems.eReceipt(r.getDynamodb().getKeys());
    }

    /** @throws vn.gov.bvhttdl.dvc.domain.DomainException {@code unreadable-message} for a body that names no receipt */
    static String read(String body) { return TaxHandOverQueue.read(body); }

    /** Where a receipt recorded goes. */
    interface Outbox {
        void put(String receiptId);

        static Outbox fromSettings() { return TaxHandOverQueue.fromSettings()::put; }
    }

    /** Brings a message back later. */
    interface Retry {
        void later(SQSEvent.SQSMessage m);

        static Retry fromSettings() {
            TaxHandOverQueue queue = TaxHandOverQueue.fromSettings();
            return m -> {
                int count = 1;
                try {
                    count = Integer.parseInt(m.getAttributes().getOrDefault("ApproximateReceiveCount", "1"));
                } catch (RuntimeException ignored) {
                    // keep 1
                }
                int delay = TaxHandOverQueue.backoff(count, setting("TAX_HANDOVER_RETRY_BASE_SECONDS", 10), setting("TAX_HANDOVER_RETRY_MAX_SECONDS", 300));
                try {
                    queue.retryIn(m.getReceiptHandle(), delay);
                } catch (RuntimeException e) {
                    LOG.warn("message {}: the backoff could not be set ({}); the queue's visibility timeout applies",
                            m.getMessageId(), vn.gov.bvhttdl.dvc.domain.Limits.clip(e.toString()));
                }
            };
        }
    }

    private static int setting(String name, int otherwise) {
        return Settings.get(name).map(Integer::parseInt).orElse(otherwise);
    }
}
