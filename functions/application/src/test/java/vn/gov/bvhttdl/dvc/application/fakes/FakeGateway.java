package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.PaymentGateway;
import vn.gov.bvhttdl.dvc.domain.Payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provider in memory for the use-case tests: a callback is the query string {@code ref, txn, amount, currency,
 * outcome, sig}; it verifies when {@code sig} is {@code "good"}. Answers are VNPay's codes. What the provider "knows"
 * (for reconciliation) and the refunds asked are set and recorded by the test.
 */
public final class FakeGateway implements PaymentGateway {
    private final String name;
    public final Map<String, Payment.Notice> known = new ConcurrentHashMap<>();
    public final List<String> refunds = java.util.Collections.synchronizedList(new ArrayList<>());
    public volatile RefundState refundState = RefundState.DONE;
    public volatile boolean down;

    public FakeGateway(String name) { this.name = name; }

    @Override
    public String provider() { return name; }

    @Override
    public String start(Payment p, String orderInfo, String returnUrl, String notifyUrl, String clientIp) {
        if (down) throw new Unavailable(name + " is down");
        return "https://" + name + ".example/pay?ref=" + p.reference() + "&amount=" + p.amountVnd();
    }

    /** The callback a provider would send. */
    public static Request callback(String ref, String txn, long amount, String currency, Payment.Outcome outcome, boolean goodSignature) {
        return new Request("GET", Map.of("ref", ref, "txn", txn, "amount", Long.toString(amount), "currency", currency,
                "outcome", outcome.name(), "sig", goodSignature ? "good" : "forged"), null);
    }

    @Override
    public Callback read(Request r) {
        Map<String, String> q = r.query();
        if (!"good".equals(q.get("sig"))) return new Callback.Rejected(Verdict.BAD_SIGNATURE, q.get("ref"), "forged");
        if (q.get("ref") == null || q.get("amount") == null) return new Callback.Rejected(Verdict.MALFORMED, q.get("ref"), "missing");
        long amount;
        try {
            amount = Long.parseLong(q.get("amount"));
        } catch (NumberFormatException e) {
            return new Callback.Rejected(Verdict.MALFORMED, q.get("ref"), "amount");
        }
        return new Callback.Verified(new Payment.Notice(name, q.get("ref"), q.get("txn"), amount, q.getOrDefault("currency", "VND"),
                Payment.Outcome.valueOf(q.get("outcome")), q.get("outcome")));
    }

    @Override
    public Answer answer(Verdict v) {
        String code = switch (v) {
            case CONFIRMED -> "00";
            case NOT_FOUND -> "01";
            case ALREADY -> "02";
            case WRONG_AMOUNT -> "04";
            case BAD_SIGNATURE -> "97";
            case MALFORMED, ERROR -> "99";
        };
        return new Answer(200, "application/json", "{\"RspCode\":\"" + code + "\"}");
    }

    @Override
    public Optional<Payment.Notice> query(Payment p) {
        if (down) throw new Unavailable(name + " is down");
        return Optional.ofNullable(known.get(p.reference()));
    }

    @Override
    public RefundAnswer refund(Payment p) {
        if (down) throw new Unavailable(name + " is down");
        refunds.add(p.refund().id());
        return new RefundAnswer(refundState, "RF-" + p.refund().id(), refundState.name());
    }
}
