package vn.gov.bvhttdl.dvc.application;

import java.time.Instant;
import java.util.List;

/**
 * The record of officials' reads of a dossier's personal data (Personal Data Protection Law 91/2025/QH15; docs/security.md,
 * "Officials' reads"): one entry per read, kept under the dossier, shown to its owner ("who looked at my dossier").
 */
public interface ReadLog {
    /**
     * One read: of dossier {@code dossierId} at {@code at} by the official {@code official} (the token's subject) named
     * {@code officialName} (the token's display name; null when the token carries none), of {@code agency} and
     * {@code unit} holding {@code post}; {@code action} what was read ({@link RecordReads}'s actions), {@code detail}
     * which file or form (a file's name and component, a form's number), null for the dossier's page.
     */
    record Read(String dossierId, Instant at, String official, String officialName, String agency, String unit, String post,
                String action, String detail) {}

    /** One page of a dossier's reads, newest first; {@code next} the cursor of the next page, null at the end. */
    record Page(List<Read> reads, String next) {
        public static final Page EMPTY = new Page(List.of(), null);
    }

    /** Stores {@code read}; throws when it could not be stored (the read is then refused, {@link RecordReads}). */
    void record(Read read);

    /** The reads of {@code dossierId}, newest first, {@code size} at most, after the cursor {@code after} (null: from the newest). */
    Page reads(String dossierId, int size, String after);

    /**
     * The reads of {@code dossierId} at or before {@code notAfter}, newest first, {@code size} at most: the owner's page
     * across all their dossiers merges these ({@link MyData#reads}). This default pages through {@link #reads}; a store
     * answers it with one query.
     */
    default java.util.List<Read> readsUpTo(String dossierId, Instant notAfter, int size) {
        java.util.List<Read> out = new java.util.ArrayList<>();
        String after = null;
        do {
            Page p = reads(dossierId, 50, after);
            for (Read r : p.reads()) {
                if (!r.at().isAfter(notAfter)) out.add(r);
                if (out.size() >= size) return out;
            }
            after = p.next();
        } while (after != null);
        return out;
    }
}
