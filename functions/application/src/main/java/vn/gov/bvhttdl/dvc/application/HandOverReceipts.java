package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.ElectronicReceipt;
import vn.gov.bvhttdl.dvc.domain.ReceiptRules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One e-receipt's data handed over to the tax authority (Decree 254/2026/NĐ-CP Art 29(3)(b), Circular 91/2026/TT-BTC
 * Art 4(6)(d): form 01/TH-BLĐT, on the day of issue), as soon as the receipt is recorded with its credit.
 *
 * <p><b>Exactly once per receipt</b>: a marker per receipt ({@link HandOverMarkers}) is claimed by a conditional write
 * before sending and turned into "handed over" after the tax authority took the data; a redelivery finds it handed
 * over and sends nothing, a second consumer at the same time finds the claim and comes back later
 * ({@link Unavailable}). Only a consumer that dies between sending and recording leaves a claim that runs out
 * ({@code lease}) and is sent again, with the same idempotency key (the receipt's id), which the receiver can drop.
 *
 * <p>Failures: the tax authority unreachable or answering 5xx/timeouts → {@link Unavailable} (the queue delivers the
 * receipt again, with backoff); a refusal → {@code DomainException} {@code tax-authority-refused} (permanent: the
 * dead-letter queue, with the reason; the claim is released so that a redrive after the cause is mended sends it);
 * a receipt that does not exist → {@code e-receipt-not-found} (permanent). A hand-over after the day of issue
 * (Vietnam time) is recorded as late (Decree Art 27(3): the data go within 3 working days once an incident is over).
 */
public final class HandOverReceipts {
    private final Payments payments;
    private final TaxAuthority authority;
    private final HandOverMarkers markers;
    private final Clock clock;
    private final Duration lease;

    public HandOverReceipts(Payments payments, TaxAuthority authority, HandOverMarkers markers, Clock clock, Duration lease) {
        this.payments = payments;
        this.authority = authority;
        this.markers = markers;
        this.clock = clock;
        this.lease = lease;
    }

    /** The tax authority cannot be reached now, or another consumer is sending the receipt: deliver it again later. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) { super(message); }
    }

    /** What became of one receipt. */
    public enum Outcome {
        /** Handed over now. */
        SENT,
        /** Handed over already (a redelivery, a second consumer after the first finished). */
        ALREADY,
        /** No tax authority address is configured: nothing sent, nothing recorded. */
        NOT_CONFIGURED
    }

    /** @param designation form symbol, receipt symbol and number (no personal data) */
    public record Result(Outcome outcome, String designation, boolean late) {}

    /** The idempotency key of a receipt's hand-over: its id. */
    public static String key(String receiptId) { return receiptId; }

    public Result handle(String receiptId) {
        if (receiptId == null || receiptId.isBlank()) throw DomainException.of("unreadable-message", "why", "no receipt id");
        if (markers.handedOver(receiptId)) return new Result(Outcome.ALREADY, null, false);
        if (!authority.configured()) return new Result(Outcome.NOT_CONFIGURED, null, false);
        // the id is the receipt's verification address: only its first characters go into a reason (logged)
        String shown = receiptId.length() > 6 ? receiptId.substring(0, 6) + "…" : receiptId;
        ElectronicReceipt r = payments.receipt(receiptId)
                .orElseThrow(() -> DomainException.of("e-receipt-not-found", "ref", shown));
        if (!r.isNumbered()) throw DomainException.of("unreadable-message", "why", "receipt " + shown + " has no number");
        String owner = UUID.randomUUID().toString();
        Instant now = clock.instant();
        if (!markers.claim(receiptId, owner, now, now.plus(lease))) {
            if (markers.handedOver(receiptId)) return new Result(Outcome.ALREADY, r.designation(), false);
            throw new Unavailable("receipt " + r.designation() + " is being handed over by another consumer");
        }
        TaxAuthority.Answer a;
        try {
            a = authority.send(r, key(receiptId));
        } catch (RuntimeException e) {
            markers.release(receiptId, owner);
            throw e;
        }
        switch (a.outcome()) {
            case DONE -> {
                Instant at = clock.instant();
                boolean late = !LocalDate.ofInstant(at, ReceiptRules.VN).equals(r.date());
                markers.handedOver(receiptId, owner, at, late);
                return new Result(Outcome.SENT, r.designation(), late);
            }
            case TRANSIENT -> {
                markers.release(receiptId, owner);
                throw new Unavailable("receipt " + r.designation() + ": " + a.detail());
            }
            default -> {
                markers.release(receiptId, owner);
                throw DomainException.of("tax-authority-refused", "why", r.designation() + ": " + a.detail());
            }
        }
    }
}
