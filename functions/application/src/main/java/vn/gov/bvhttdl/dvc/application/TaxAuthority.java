package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.ElectronicReceipt;

/**
 * Port: the tax authority's receipt data intake (Decree 254/2026/NĐ-CP Art 29(3)(b): a fee collector sends the data
 * of the e-receipts it issued, as the summary table of form 01/TH-BLĐT, on the day of issue). One call hands over one
 * receipt's data; the adapter gives it the shape and the transport (docs/payments.md, "Hand-over to the tax
 * authority"). Every call carries an idempotency key (the receipt's id): a receiver that keeps it can drop the one
 * resend possible, a crash between sending and the marker's write.
 */
public interface TaxAuthority {

    /** What the tax authority answered. */
    enum Outcome {
        /** Taken. */
        DONE,
        /** Not now (a timeout, a 5xx, the service down): the same call may work later. */
        TRANSIENT,
        /** Refused for good (a 4xx, an error code): sending it again as it is cannot mend it. */
        REFUSED
    }

    /** An answer and what the tax authority said (for the log and the dead-letter queue; no personal data). */
    record Answer(Outcome outcome, String detail) {
        public static Answer done() { return new Answer(Outcome.DONE, null); }
    }

    /**
     * Whether an address to send to is configured. When it is not (a deployment before the connection is agreed),
     * nothing is sent and the hand-over says so; it is not a failure to retry.
     */
    boolean configured();

    /** Hands over the data of {@code receipt} (numbered). */
    Answer send(ElectronicReceipt receipt, String idempotencyKey);
}
