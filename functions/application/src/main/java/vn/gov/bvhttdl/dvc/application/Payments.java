package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.ElectronicReceipt;
import vn.gov.bvhttdl.dvc.domain.Payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the payment ledger and the raw callbacks kept for disputes (DynamoDB on AWS and offline). */
public interface Payments {
    /**
     * Stores a new payment request.
     *
     * @throws vn.gov.bvhttdl.dvc.domain.ConcurrentChange when the reference exists (a reference is never reused)
     */
    void create(Payment payment);

    Optional<Payment> find(String reference);

    /** The payments of a dossier, oldest first. */
    List<Payment> ofDossier(String dossierId);

    /**
     * Replaces the ledger entry by {@code next} only if it is still at {@code next.version() - 1}; a PAID entry
     * claims its provider transaction id (one transaction never credits two payments); {@code dossierMove}, when
     * given, is stored in the same transaction (the dossier's move to paid with its audit entry).
     *
     * @throws vn.gov.bvhttdl.dvc.domain.ConcurrentChange when another writer came
     *         first, DomainException REFUSED {@code transaction-used} when the provider's transaction already credited a payment
     */
    void save(Payment next, Dossier.Change dossierMove);

    /**
     * Credits: {@link #save} of the credited entry {@code paid} (with the dossier's move when given) and, in the same
     * transaction, the e-receipt {@code draft} numbered with the next number of its collector's year (from 1 each
     * 1 January, Vietnam time) and recorded under its id. A number is taken only together with the credit it belongs
     * to, so the numbers of a collector's year have no gap and no repeat, however many credits run at once (a credit
     * that loses the number to another one takes the next, inside this call). Returns the numbered receipt.
     *
     * @throws vn.gov.bvhttdl.dvc.domain.ConcurrentChange as {@link #save} (the payment or its dossier changed
     *         meanwhile; nothing is written and no number is taken), DomainException REFUSED {@code transaction-used} as
     *         {@link #save}
     */
    ElectronicReceipt credit(Payment paid, Dossier.Change dossierMove, ElectronicReceipt draft);

    /**
     * The e-receipt recorded with credit {@code receiptId} ({@link Payment#receiptId()}): its structured data, by
     * id (what the PDF is drawn from and what the tax authority is to receive).
     */
    Optional<ElectronicReceipt> receipt(String receiptId);

    /** Keeps a callback as received, before it is processed; returns its id. */
    String recordCallback(String provider, String reference, String raw, Instant at);

    /** What was done with callback {@code id} (the verdict answered to the provider). */
    void callbackVerdict(String provider, String reference, String id, String verdict);

    /** The payments in {@code status} (pending, paid and not yet settled, refund due or under way), oldest first. */
    List<Payment> inStatus(Payment.Status status, int limit);

    /** A paid payment whose dossier was decided: it leaves the reconciliation's list (the entry is unchanged). */
    void settle(Payment paid);
}
