package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Payment;

import java.util.Map;
import java.util.Optional;

/**
 * Port: one payment provider (VNPay, MoMo, the national platform). Each adapter signs what it sends and verifies
 * what it receives with the merchant's secret; nothing here trusts a value whose signature did not verify.
 */
public interface PaymentGateway {
    /** The provider's code in rules/payments.json. */
    String provider();

    /**
     * Where the citizen is sent to pay {@code p}.
     *
     * @param returnUrl where the provider sends the citizen back (display only)
     * @param notifyUrl where the provider sends its server-to-server notice (when the provider takes it per order)
     * @throws Unavailable when the provider cannot be reached or refuses the order
     */
    String start(Payment p, String orderInfo, String returnUrl, String notifyUrl, String clientIp);

    /** A callback or a return as received over HTTP. */
    record Request(String method, Map<String, String> query, String body) {
        public Request {
            query = query == null ? Map.of() : Map.copyOf(query);
        }
    }

    /** A callback, read and checked. */
    sealed interface Callback {
        /** The signature verified: what the provider says. */
        record Verified(Payment.Notice notice) implements Callback {}

        /** Unsigned, badly signed or malformed; {@code reference} is what it claims to be about, if anything. */
        record Rejected(Verdict verdict, String reference, String why) implements Callback {}
    }

    /** What we answer a provider about its callback. */
    enum Verdict { CONFIRMED, NOT_FOUND, ALREADY, WRONG_AMOUNT, BAD_SIGNATURE, MALFORMED, ERROR }

    /** The HTTP answer a provider expects. */
    record Answer(int status, String contentType, String body) {}

    Callback read(Request request);

    Answer answer(Verdict verdict);

    /** What the provider knows of {@code p} (transaction query); empty when it has no such order. */
    Optional<Payment.Notice> query(Payment p);

    enum RefundState { DONE, PENDING, REFUSED }

    record RefundAnswer(RefundState state, String providerRef, String code) {}

    /** Asks the provider to return the whole amount of {@code p} under its refund id; asking again is safe. */
    RefundAnswer refund(Payment p);

    /** The provider could not be reached or refused a request: nothing was changed here; try again later. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message) { super(message); }

        public Unavailable(String message, Throwable cause) { super(message, cause); }
    }
}
