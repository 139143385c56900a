package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Attachment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: a dossier's files — the uploads authorised, the scan's verdicts, the files withdrawn — each change with its
 * entry on the dossier's audit trail.
 */
public interface Attachments {
    /** The dossier's files, oldest first (cancelled ones included). */
    List<Attachment> attachments(String dossierId);

    /** One file by its object key. */
    Optional<Attachment> attachment(String dossierId, String key);

    /**
     * Records a PENDING attachment: an upload authorised, its bytes not yet judged.
     *
     * @throws vn.gov.bvhttdl.dvc.domain.DomainException NOT_FOUND when there is no such dossier
     */
    void authoriseUpload(Attachment pending);

    /** The applicant withdraws a file (cancels an upload on its way or removes a judged one), with its audit entry. */
    void cancelAttachment(Attachment current, String actor, Instant at);

    /**
     * Records the scan's verdict on a PENDING file, with its audit entry, once: a repeated notification for the same
     * object changes nothing and returns false.
     *
     * @throws vn.gov.bvhttdl.dvc.domain.DomainException NOT_FOUND {@code upload-not-authorised} when no upload was
     *                                                   authorised for that key
     */
    boolean recordVerdict(Attachment scanned);

    /** Records on the trail that a judged file's key was written again and the new bytes were quarantined. */
    void recordOverwriteRefused(Attachment judged, String versionId, Instant at);

    /** A judged file whose bytes were replaced where no older version is kept: it no longer counts as accepted. */
    void recordReplacedAfterCheck(Attachment judged, Instant at);

    /**
     * The late second opinion (GuardDuty Malware Protection, issue #27) found {@code threat} in the file on record:
     * it becomes REJECTED with the threat as its reason (the desk sees it on the dossier's files, the applicant is
     * asked for another in a supplement) and the trail gets an {@code attachment-threat-found} entry. Once per file:
     * a repeated delivery, or a file already rejected, changes nothing and returns false.
     */
    boolean recordThreatFound(Attachment judged, String threat, Instant at);

    /**
     * Records a component filled from a national database (ACCEPTED, its provenance on it: no file of the
     * applicant's), with an audit entry carrying {@code extract} (what the database said, for the official). Filling
     * the same component again replaces it.
     */
    void recordRetrieved(Attachment filled, java.util.Map<String, String> extract);

    /**
     * Records a document taken by reference from a warehouse (ACCEPTED at once: its file was judged when it entered
     * the warehouse; nothing is uploaded again), with an audit entry {@code attachment-from-warehouse} by {@code by}
     * naming the component, the warehouse and the document ({@link Attachment.Provenance}).
     *
     * @throws vn.gov.bvhttdl.dvc.domain.DomainException NOT_FOUND when there is no such dossier
     */
    void recordFromWarehouse(Attachment filled, vn.gov.bvhttdl.dvc.domain.Actor by);

    /** The audit entry of {@link #recordFromWarehouse}: what was taken, from where (the owner stays on the file's provenance). */
    static java.util.Map<String, String> fromWarehouseDetails(Attachment filled) {
        java.util.Map<String, String> details = new java.util.LinkedHashMap<>();
        details.put("key", filled.key());
        details.put("component", filled.componentCode());
        details.put("file", filled.fileName());
        details.put("warehouse", String.valueOf(filled.provenance().database()));
        details.put("document", String.valueOf(filled.provenance().reference()));
        if (filled.provenance().resultCode() != null) details.put("resultCode", filled.provenance().resultCode());
        return details;
    }
}
