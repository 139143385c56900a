package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Dossier;

import java.util.List;
import java.util.Optional;

/** Port: where dossiers, their audit trail and their files are kept (DynamoDB on AWS and offline). */
public interface Dossiers {
    Optional<Dossier> find(String id);

    /** Stores a new dossier with its creation entry. */
    void create(Dossier.Change change);

    /**
     * Stores a new dossier once per {@code idempotencyKey} of its owner and returns the id of the dossier that key
     * created (this one, or the earlier one on a retry).
     *
     * @throws vn.gov.bvhttdl.dvc.domain.DomainException INVALID {@code idempotency-key-reused} when the key was used
     *                                                   for a request with another {@code fingerprint}
     */
    String createOnce(Dossier.Change change, String idempotencyKey, String fingerprint);

    /** The audit trail, oldest first. */
    List<AuditEvent> history(String id);

    List<Attachment> attachments(String id);

    /**
     * Stores the change and its audit entry together, only if the dossier is still at the version the change was
     * made from.
     *
     * @throws vn.gov.bvhttdl.dvc.domain.ConcurrentChange when another writer got there first
     */
    void save(Dossier.Change change);

    /** The next number of a unit's daily sequence: never the same twice. */
    long nextSequence(String unitCode, String dayKey);

    /** Records a PENDING attachment: an upload authorised, its bytes not yet judged. */
    void authoriseUpload(Attachment pending);

    /** The applicant withdraws a file (cancels an upload on its way or removes a judged one), with its audit entry. */
    void cancelAttachment(Attachment current, String actor, java.time.Instant at);

    /** What the public look-up by code needs: the dossier and the key printed on its receipt. */
    record Lookup(String dossierId, String key) {}

    /** The dossier received under {@code code} and the look-up key printed on its receipt, if one was given. */
    Optional<Lookup> lookup(String code);

    /** The look-up key printed on the receipt of {@code code}, if one was given. */
    default Optional<String> lookupKey(String code) { return lookup(code).map(Lookup::key); }

    void putLookupKey(String code, String dossierId, String key);

    /** A page of the dossiers one unit holds in one status, earliest due date first; {@code next} is null at the end. */
    record Held(List<Dossier> items, String next) {}

    /** The dossiers {@code unit} of {@code agency} holds in {@code status}, from {@code after} (a page's {@code next}). */
    Held held(String agency, String unit, vn.gov.bvhttdl.dvc.domain.DossierStatus status, int size, String after);
}
