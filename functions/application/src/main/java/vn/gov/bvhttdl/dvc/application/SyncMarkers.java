package vn.gov.bvhttdl.dvc.application;

/**
 * Port: per dossier, the last version whose event was handled for the national portal (sent or skipped). Its only
 * write is conditional, so that two consumers of one event cannot both move it, and it never goes back.
 */
public interface SyncMarkers {
    /** The last version handled for {@code dossierId}; 0 when none. */
    long last(String dossierId);

    /**
     * Moves the marker from {@code expected} to {@code version} ({@code version > expected}), recording
     * {@code outcome} ({@code SENT} or {@code SKIPPED}); false (and nothing written) when it is no longer at
     * {@code expected}.
     */
    boolean advance(String dossierId, long expected, long version, String outcome);
}
