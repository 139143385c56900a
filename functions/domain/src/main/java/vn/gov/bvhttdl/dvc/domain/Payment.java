package vn.gov.bvhttdl.dvc.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One payment request of a dossier's fees (level 4) and its entry in the payment ledger. Immutable; every change
 * goes through {@link #apply} (a provider's verified notice) or the reconciliation moves, and is stored with a
 * conditional write on {@code version}, so that whatever the provider sends, and however often, the money is
 * credited at most once and only for the amount requested.
 *
 * @param reference   our reference (vnp_TxnRef, MoMo orderId, the bill number): unique, never reused
 * @param lines       the fee lines paid, each with its amount on the day and its legal basis
 * @param amountVnd   the total in Vietnamese đồng (no minor unit)
 * @param transaction the provider's transaction id once it reported one
 * @param receiptId   the address of the e-receipt's verification page, given when the payment is credited
 * @param version     optimistic-locking version of the ledger entry
 */
public record Payment(String reference, String dossierId, String dossierCode, String ownerId, String agencyCode,
                      String provider, List<Line> lines, long amountVnd, Status status, Instant createdAt,
                      Instant expiresAt, String transaction, Instant settledAt, String receiptId, String note,
                      Refund refund, long version) {

    public enum Status {
        /** Sent to the provider, no final answer yet. */
        PENDING,
        /** Credited to the dossier. */
        PAID,
        /** The provider says the payment failed or was cancelled. */
        FAILED,
        /** The provider flags the transaction as suspected fraud (VNPay 07): held for review, not credited. */
        HELD,
        /** No final answer before the expiry, and the provider knows of no payment. */
        EXPIRED,
        /** Paid, but the money must go back (the dossier was refused or withdrawn, or it was paid twice). */
        REFUND_DUE,
        /** The refund was asked of the provider, not yet confirmed. */
        REFUNDING,
        /** The provider confirmed the refund. */
        REFUNDED;

        /** The money reached us (whatever happens to it later). */
        public boolean received() { return this == PAID || this == REFUND_DUE || this == REFUNDING || this == REFUNDED; }
    }

    /** A fee line: its name, amount on the day of the request and legal basis. */
    public record Line(Text name, long amountVnd, Citation basis) {}

    /** A refund: its own id at the provider (a new order id for MoMo), why, and where it stands. */
    public record Refund(String id, String reason, Instant requestedAt, Instant doneAt, String providerRef) {}

    /** What a provider said about a payment, once its signature was verified. */
    public record Notice(String provider, String reference, String transaction, long amountVnd, String currency,
                         Outcome outcome, String providerCode) {}

    public enum Outcome { SUCCESS, FAILED, FRAUD_REVIEW, PENDING }

    /** What a notice does to the ledger. */
    public enum Effect {
        /** First success: the money is credited now. */
        CREDIT,
        /** Failure, cancellation or fraud hold recorded (nothing credited). */
        RECORDED,
        /** The same final answer again, or a late contrary one after a final answer: nothing changes. */
        ALREADY,
        /** The amount or currency is not the one requested: nothing changes. */
        WRONG_AMOUNT,
        /** Not a final answer: nothing changes. */
        NOTHING
    }

    /** The effect of a notice and the ledger entry after it (the same entry when nothing changes). */
    public record Decision(Effect effect, Payment next) {
        public boolean changes() { return effect == Effect.CREDIT || effect == Effect.RECORDED; }
    }

    public Payment {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(status, "status");
        lines = lines == null ? List.of() : List.copyOf(lines);
        if (amountVnd <= 0) throw new IllegalArgumentException("a payment is for a positive amount");
        if (lines.stream().mapToLong(Line::amountVnd).sum() != amountVnd) throw new IllegalArgumentException("the lines add up to the amount");
    }

    /**
     * The ledger rule. A success credits only a PENDING, FAILED or EXPIRED entry (a success after a failure or the
     * expiry is money the provider really took; the caller refunds it when the dossier no longer waits), and only
     * for the exact amount in VND; after a success nothing a provider says changes the entry again.
     */
    public Decision apply(Notice n, Instant at) {
        if (!reference.equals(n.reference())) throw new IllegalArgumentException("notice for " + n.reference() + " applied to " + reference);
        if (n.amountVnd() != amountVnd || !"VND".equals(n.currency())) return new Decision(Effect.WRONG_AMOUNT, this);
        if (status.received()) return new Decision(Effect.ALREADY, this);
        return switch (n.outcome()) {
            case SUCCESS -> {
                if (status == Status.HELD) yield new Decision(Effect.ALREADY, this); // an official decides, not a callback
                yield new Decision(Effect.CREDIT, with(Status.PAID, n.transaction(), at, null, refund));
            }
            case FAILED -> status == Status.PENDING
                    ? new Decision(Effect.RECORDED, with(Status.FAILED, n.transaction(), at, n.providerCode(), refund))
                    : new Decision(Effect.ALREADY, this);
            case FRAUD_REVIEW -> status == Status.PENDING
                    ? new Decision(Effect.RECORDED, with(Status.HELD, n.transaction(), at, n.providerCode(), refund))
                    : new Decision(Effect.ALREADY, this);
            case PENDING -> new Decision(Effect.NOTHING, this);
        };
    }

    /** Credited: the receipt's address is given with it. */
    public Payment credited(String receipt) {
        if (status != Status.PAID) throw new IllegalStateException("only a paid entry has a receipt");
        return new Payment(reference, dossierId, dossierCode, ownerId, agencyCode, provider, lines, amountVnd, status,
                createdAt, expiresAt, transaction, settledAt, receipt, note, refund, version);
    }

    /** No final answer before the expiry and the provider knows of no payment. */
    public Payment expired(Instant at) {
        if (status != Status.PENDING) throw new IllegalStateException("only a pending payment expires");
        return with(Status.EXPIRED, transaction, at, "expired", refund);
    }

    /** The money must go back, for {@code reason}; the refund's own id is derived from the reference (never reused). */
    public Payment refundDue(String reason, Instant at) {
        if (status != Status.PAID) throw new IllegalStateException("only a paid entry is refunded");
        return with(Status.REFUND_DUE, transaction, settledAt, note, new Refund(reference + "R", reason, at, null, null));
    }

    public Payment refunding(String providerRef) {
        if (status != Status.REFUND_DUE) throw new IllegalStateException("refund not due");
        return with(Status.REFUNDING, transaction, settledAt, note, new Refund(refund.id(), refund.reason(), refund.requestedAt(), null, providerRef));
    }

    public Payment refunded(String providerRef, Instant at) {
        if (status != Status.REFUND_DUE && status != Status.REFUNDING) throw new IllegalStateException("refund not asked");
        return with(Status.REFUNDED, transaction, settledAt, note, new Refund(refund.id(), refund.reason(), refund.requestedAt(), at,
                providerRef == null ? refund.providerRef() : providerRef));
    }

    /** The same entry at version {@code v}: two changes made as one write (credited and at once due for refund). */
    public Payment atVersion(long v) {
        return new Payment(reference, dossierId, dossierCode, ownerId, agencyCode, provider, lines, amountVnd, status, createdAt,
                expiresAt, transaction, settledAt, receiptId, note, refund, v);
    }

    /** Still open for the citizen to pay (pending and not past its expiry). */
    public boolean open(Instant now) { return status == Status.PENDING && now.isBefore(expiresAt); }

    private Payment with(Status s, String txn, Instant at, String why, Refund r) {
        return new Payment(reference, dossierId, dossierCode, ownerId, agencyCode, provider, lines, amountVnd, s, createdAt,
                expiresAt, txn, at, receiptId, why, r, version + 1);
    }
}
