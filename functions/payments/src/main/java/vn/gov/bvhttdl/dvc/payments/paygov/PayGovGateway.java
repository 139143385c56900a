package vn.gov.bvhttdl.dvc.payments.paygov;

import vn.gov.bvhttdl.dvc.application.PaymentGateway;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.payments.Hmac;
import vn.gov.bvhttdl.dvc.payments.HttpJson;
import vn.gov.bvhttdl.dvc.payments.ProviderSettings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A PayGov-style national payment platform. Its merchant API is not public: what shared/domain/RULES.md quotes from
 * OpenCPS' integration is kept (a bill per dossier; a callback whose checksum is HMAC-SHA256 over
 * {@code addition_fee|client_id|command|trans_amount|transaction_id|version}); everything else is <b>assumed</b>:
 * the redirect's fields and checksum, {@code status} "00" for paid, the JSON answer {@code {"code","message"}} with
 * VNPay-like codes, and the query and refund calls, signed over their pipe-joined fields in alphabetical order.
 * Note: the quoted checksum does not cover {@code bill_code}; a transaction id is claimed by the first payment it
 * credits (the ledger), and reconciliation asks the platform about the bill itself.
 */
public final class PayGovGateway implements PaymentGateway {
    public static final String PROVIDER = "paygov";
    private static final String VERSION = "1.0";

    private final ProviderSettings settings;
    private final Clock clock;

    public PayGovGateway(ProviderSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String provider() { return PROVIDER; }

    private ProviderSettings.Provider s() { return settings.of(PROVIDER); }

    static String pipe(Map<String, ?> m, String... keys) {
        StringBuilder b = new StringBuilder();
        for (String k : keys) {
            if (!b.isEmpty()) b.append('|');
            Object v = m.get(k);
            b.append(v == null ? "" : v instanceof Number ? HttpJson.str(Map.of(k, v), k) : String.valueOf(v));
        }
        return b.toString();
    }

    @Override
    public String start(Payment p, String orderInfo, String returnUrl, String notifyUrl, String clientIp) {
        var s = s();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("bill_code", p.reference());
        f.put("client_id", s.get("clientId"));
        f.put("command", "pay");
        f.put("dossier_code", p.dossierCode() == null ? "" : p.dossierCode());
        f.put("return_url", returnUrl);
        f.put("trans_amount", Long.toString(p.amountVnd()));
        f.put("version", VERSION);
        f.put("checksum", Hmac.sha256(s.get("secret"), pipe(f, "bill_code", "client_id", "command", "return_url", "trans_amount", "version")));
        StringBuilder q = new StringBuilder();
        f.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return s.get("payUrl") + "?" + q;
    }

    @Override
    public Callback read(Request request) {
        Map<String, Object> m = HttpJson.fields(request); // the redirect back (GET) carries the same signed fields
        if (m == null) return new Callback.Rejected(Verdict.MALFORMED, null, "not a JSON object");
        String ref = m.get("bill_code") == null ? null : String.valueOf(m.get("bill_code"));
        var s = s();
        String expected = Hmac.sha256(s.get("secret"), pipe(m, "addition_fee", "client_id", "command", "trans_amount", "transaction_id", "version"));
        if (!Hmac.matches(expected, m.get("checksum") == null ? null : String.valueOf(m.get("checksum")))) {
            return new Callback.Rejected(Verdict.BAD_SIGNATURE, ref, "checksum does not verify");
        }
        if (ref == null || m.get("trans_amount") == null || m.get("status") == null) return new Callback.Rejected(Verdict.MALFORMED, ref, "a required field is missing");
        if (!s.get("clientId").equals(String.valueOf(m.get("client_id")))) return new Callback.Rejected(Verdict.NOT_FOUND, ref, "another client's bill");
        return new Callback.Verified(notice(m, ref, "callback"));
    }

    private static Payment.Notice notice(Map<String, Object> m, String ref, String how) {
        long amount;
        try {
            amount = Long.parseLong(HttpJson.str(m, "trans_amount"));
        } catch (NumberFormatException e) {
            amount = -1;
        }
        String status = HttpJson.str(m, "status");
        Payment.Outcome o = "00".equals(status) ? Payment.Outcome.SUCCESS : "01".equals(status) ? Payment.Outcome.PENDING : Payment.Outcome.FAILED;
        return new Payment.Notice(PROVIDER, ref, HttpJson.str(m, "transaction_id"), amount, "VND", o, how + "/" + status);
    }

    @Override
    public Answer answer(Verdict verdict) {
        String code = switch (verdict) {
            case CONFIRMED -> "00";
            case NOT_FOUND -> "01";
            case ALREADY -> "02";
            case WRONG_AMOUNT -> "04";
            case BAD_SIGNATURE -> "97";
            case MALFORMED, ERROR -> "99";
        };
        return new Answer(200, "application/json", Json.write(Map.of("code", code, "message", verdict.name())));
    }

    @Override
    public Optional<Payment.Notice> query(Payment p) {
        var s = s();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bill_code", p.reference());
        body.put("client_id", s.get("clientId"));
        body.put("command", "query");
        body.put("version", VERSION);
        body.put("checksum", Hmac.sha256(s.get("secret"), pipe(body, "bill_code", "client_id", "command", "version")));
        Map<String, Object> a = HttpJson.post(s.get("apiUrl") + "/query", body);
        String code = HttpJson.str(a, "code");
        if ("01".equals(code)) return Optional.empty();
        if (!"00".equals(code)) throw new Unavailable("PayGov query answered " + code);
        String expected = Hmac.sha256(s.get("secret"), pipe(a, "addition_fee", "client_id", "command", "trans_amount", "transaction_id", "version"));
        if (!Hmac.matches(expected, HttpJson.str(a, "checksum"))) throw new Unavailable("PayGov's answer is not signed by it");
        return Optional.of(notice(a, p.reference(), "query"));
    }

    @Override
    public RefundAnswer refund(Payment p) {
        var s = s();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bill_code", p.reference());
        body.put("client_id", s.get("clientId"));
        body.put("command", "refund");
        body.put("refund_id", p.refund().id());
        body.put("trans_amount", Long.toString(p.amountVnd()));
        body.put("transaction_id", p.transaction());
        body.put("version", VERSION);
        body.put("checksum", Hmac.sha256(s.get("secret"), pipe(body, "bill_code", "client_id", "command", "refund_id", "trans_amount", "transaction_id", "version")));
        Map<String, Object> a = HttpJson.post(s.get("apiUrl") + "/refund", body);
        String code = HttpJson.str(a, "code");
        if ("00".equals(code)) return new RefundAnswer(RefundState.DONE, HttpJson.str(a, "refund_transaction_id"), code);
        if ("09".equals(code)) return new RefundAnswer(RefundState.PENDING, null, code);
        return new RefundAnswer(RefundState.REFUSED, null, code);
    }

    /**
     * The platform's bill look-up by dossier code (assumed API: {@code GET …/bill?client_id=&dossier_code=&checksum=},
     * the checksum HMAC-SHA256 over {@code client_id|dossier_code}): the dossier's open bills of this platform, signed
     * over {@code client_id|dossier_code|count}. "97" a bad checksum, "01" no such dossier or no open bill.
     */
    public Answer bills(Map<String, String> query, java.util.function.Function<String, java.util.List<Payment>> openBills) {
        var s = s();
        String client = query.getOrDefault("client_id", ""), code = query.getOrDefault("dossier_code", "");
        String expected = Hmac.sha256(s.get("secret"), client + "|" + code);
        if (!Hmac.matches(expected, query.get("checksum")) || !s.get("clientId").equals(client)) {
            return new Answer(200, "application/json", Json.write(Map.of("code", "97", "message", "BAD_SIGNATURE")));
        }
        java.util.List<Payment> open = openBills.apply(code);
        if (open.isEmpty()) return new Answer(200, "application/json", Json.write(Map.of("code", "01", "message", "NOT_FOUND")));
        java.util.List<Object> bills = new java.util.ArrayList<>();
        for (Payment p : open) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("bill_code", p.reference());
            b.put("trans_amount", Long.toString(p.amountVnd()));
            b.put("expires_at", p.expiresAt().toString());
            b.put("lines", p.lines().stream().map(l -> Map.of("name", l.name().vi(), "amount", Long.toString(l.amountVnd()))).toList());
            bills.add(b);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", "00");
        out.put("client_id", client);
        out.put("dossier_code", code);
        out.put("bills", bills);
        out.put("checksum", Hmac.sha256(s.get("secret"), client + "|" + code + "|" + bills.size()));
        return new Answer(200, "application/json", Json.write(out));
    }

    Clock clock() { return clock; }
}
