package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Dossier;

import java.util.List;
import java.util.Optional;

/**
 * Port: where dossiers and their audit trail are kept (DynamoDB on AWS and offline). Their files are
 * {@link Attachments}, the receipts' look-up keys {@link LookupKeys}, the numbers {@link Sequences}, the queues and
 * lists {@link WorkQueues}.
 */
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

    /**
     * Stores the change and its audit entry together, only if the dossier is still at the version the change was
     * made from.
     *
     * @throws vn.gov.bvhttdl.dvc.domain.ConcurrentChange when another writer got there first
     */
    void save(Dossier.Change change);
}
