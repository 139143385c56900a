package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.IssuedResult;

import java.util.List;
import java.util.Optional;

/** Port: where the signed results and their records are kept (the results bucket and the table on AWS and offline). */
public interface Results {
    /** Stores a new signed result: its file (never overwritten) and its record. */
    void store(IssuedResult result, byte[] signedPdf);

    /**
     * Stores a signed document that is not a result of the dossier (an e-receipt of a payment): its file, written once,
     * and its verification record; it is not listed among the dossier's results.
     *
     * @throws vn.gov.bvhttdl.dvc.domain.ConcurrentChange when a document with this id exists
     */
    void storeDocument(IssuedResult document, byte[] signedPdf);

    /**
     * Stores the structured data (XML) of document {@code id} beside its signed file, written once (an existing copy
     * is kept: the data are drawn from the same record each time).
     */
    void storeDocumentData(String id, byte[] xml);

    Optional<IssuedResult> find(String id);

    /** The results of a dossier, by number. */
    List<IssuedResult> ofDossier(String dossierId);

    /** The signed file as stored. */
    byte[] file(String id);

    /**
     * Changes the record's status (replaced, revoked), only if it is still {@code expected}.
     *
     * @throws vn.gov.bvhttdl.dvc.domain.ConcurrentChange when another change came first
     */
    void update(IssuedResult changed, IssuedResult.Status expected);
}
