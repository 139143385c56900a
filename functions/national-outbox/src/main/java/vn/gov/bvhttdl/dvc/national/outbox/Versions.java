package vn.gov.bvhttdl.dvc.national.outbox;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import vn.gov.bvhttdl.dvc.adapters.StreamItems;
import vn.gov.bvhttdl.dvc.adapters.national.NationalOutbox;
import vn.gov.bvhttdl.dvc.domain.DomainException;

import java.util.Objects;
import java.util.Optional;

/**
 * The dossier event a stream record is, read by the table's own layout ({@link StreamItems}), and the outbox it goes
 * to ({@link NationalOutbox}): the handler sees neither.
 */
final class Versions {
    /** Where an event goes. */
    interface Outbox {
        void put(String dossierId, long version);

        static Outbox fromSettings() {
            NationalOutbox queue = NationalOutbox.fromSettings();
            return (id, v) -> queue.put(new NationalOutbox.Event(id, v));
        }
    }

    /** A dossier's new version. */
    record Event(String dossierId, long version) {}

    private Versions() {}

    /**
     * The new version a record brings, if it brings one (a dossier's own item whose version changed).
     *
     * @throws DomainException {@code unreadable-message} for a dossier item with no version
     */
    static Optional<Event> of(DynamodbEvent.DynamodbStreamRecord r) {
        var ddb = r.getDynamodb();
        var now = StreamItems.dossier(ddb.getNewImage()).orElse(null);
        if (now == null) return Optional.empty();
        if (now.version() == null) {
            throw DomainException.of("unreadable-message", "why", "no version on the item of dossier " + now.dossierId());
        }
        var before = StreamItems.dossier(ddb.getOldImage()).orElse(null);
        if (before != null && Objects.equals(before.version(), now.version())) return Optional.empty();
        return Optional.of(new Event(now.dossierId(), now.version()));
    }
}
