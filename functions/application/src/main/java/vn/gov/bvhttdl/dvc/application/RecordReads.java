package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;

import java.time.Clock;

/**
 * Records an official's read of a dossier before the data is answered. The law favours the record: when the
 * {@link ReadLog} cannot store it, the read is refused with a 503 {@code read-log-unavailable} (no read goes
 * unrecorded; the official retries). docs/security.md, "Officials' reads".
 */
public final class RecordReads {
    /** The dossier's page (also by code). */
    public static final String VIEW_DOSSIER = "view-dossier";
    /** An accepted file opened through its short-lived link (detail: the file's name and component). */
    public static final String DOWNLOAD_FILE = "download-file";
    /** A form or letter of the dossier (detail: its number). */
    public static final String DOWNLOAD_FORM = "download-form";
    /** What a consulted unit was sent. */
    public static final String VIEW_CONSULTATION = "view-consultation";
    /** The dossier's payments. */
    public static final String VIEW_PAYMENTS = "view-payments";
    /** The notices sent to the applicant (with their masked addresses). */
    public static final String VIEW_NOTICES = "view-notices";
    /** The dossier's issued results. */
    public static final String VIEW_RESULTS = "view-results";
    /** The draft apology and extension letter (form 04), addressed to the applicant. */
    public static final String VIEW_EXTENSION_DRAFT = "view-extension-draft";

    /** The longest detail kept (a file's name and component). */
    static final int MAX_DETAIL = 300;

    private final ReadLog log;
    private final Clock clock;

    public RecordReads(ReadLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** Records that {@code official} ({@code name} as the token gives it) read {@code action} of {@code d}; 503 when it cannot. */
    public void record(Actor official, String name, Dossier d, String action, String detail) {
        var read = new ReadLog.Read(d.id(), clock.instant(), official.subject(), blankToNull(name), official.agency(), official.unit(),
                official.post() == null ? null : official.post().name(), action, clip(detail));
        try {
            log.record(read);
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            throw DomainException.of("read-log-unavailable");
        }
    }

    private static String clip(String s) {
        if (s == null || s.isBlank()) return null;
        return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
