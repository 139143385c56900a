package vn.gov.bvhttdl.dvc.national.sync;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.adapters.national.NationalOutbox;

/**
 * The outbox's messages as the handler needs them: the event one carries ({@link NationalOutbox#read}) and the
 * backoff of one that failed for now (made visible again after a delay that doubles with its receive count,
 * {@code NATIONAL_SYNC_RETRY_BASE_SECONDS} at first, at most {@code NATIONAL_SYNC_RETRY_MAX_SECONDS}).
 */
final class Messages {
    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);

    private Messages() {}

    /** A dossier event: the change that produced {@code version}. */
    record Event(String dossierId, long version) {}

    /** @throws vn.gov.bvhttdl.dvc.domain.DomainException {@code unreadable-message} for a body that is no event */
    static Event read(String body) {
        NationalOutbox.Event e = NationalOutbox.read(body);
        return new Event(e.dossierId(), e.version());
    }

    /** Brings a message back later. */
    interface Retry {
        void later(SQSEvent.SQSMessage m);

        static Retry fromSettings() {
            NationalOutbox outbox = NationalOutbox.fromSettings();
            return m -> {
                int count = 1;
                try {
                    count = Integer.parseInt(m.getAttributes().getOrDefault("ApproximateReceiveCount", "1"));
                } catch (RuntimeException ignored) {
                    // keep 1
                }
                int delay = NationalOutbox.backoff(count, setting("NATIONAL_SYNC_RETRY_BASE_SECONDS", 10), setting("NATIONAL_SYNC_RETRY_MAX_SECONDS", 300));
                try {
                    outbox.retryIn(m.getReceiptHandle(), delay);
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
