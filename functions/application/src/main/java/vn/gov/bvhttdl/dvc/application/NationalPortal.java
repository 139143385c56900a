package vn.gov.bvhttdl.dvc.application;

import java.util.Map;

/**
 * Port: the National Public Service Portal (DVCQG), outbound: a dossier's record ({@code DongBoHoSoMC}) and its
 * progress entries ({@code CapNhatTienDoHoSoMC}). The bodies are already in the portal's field names
 * ({@code rules/national-portal.json}); the adapter adds the envelope, the credentials and the transport
 * (docs/national-portal.md). Every call carries an idempotency key (the dossier id and the version the event
 * produced): a receiver that keeps it can drop a resend made between a send and the marker's write.
 */
public interface NationalPortal {

    /** What the portal answered. */
    enum Outcome {
        /** Taken. */
        DONE,
        /** The record exists already: send it as an update. */
        EXISTS,
        /** Not now (a timeout, a 5xx, the portal down): the same call may work later. */
        TRANSIENT,
        /** Refused for good (a 4xx, an error code that is not a passing one): sending it again cannot mend it. */
        REFUSED
    }

    /** An answer and what the portal said (for the log and the dead-letter queue; no personal data). */
    record Answer(Outcome outcome, String detail) {
        public static Answer done() { return new Answer(Outcome.DONE, null); }
    }

    /** A dossier's record as it stood at {@code version}, in the portal's field names. */
    record DossierRecord(String dossierId, long version, Map<String, Object> body) {
        public DossierRecord { body = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(body)); }
    }

    /** The progress entry of the move that produced {@code version}, in the portal's field names. */
    record ProgressEntry(String dossierId, long version, Map<String, Object> body) {
        public ProgressEntry { body = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(body)); }
    }

    /** Creates the dossier's record (answer EXISTS when the portal has it: then {@link #update}). */
    Answer sync(DossierRecord record, String idempotencyKey);

    /** Replaces the portal's record of the dossier. */
    Answer update(DossierRecord record, String idempotencyKey);

    /** Adds one progress entry. */
    Answer progress(ProgressEntry entry, String idempotencyKey);
}
