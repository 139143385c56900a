package vn.gov.bvhttdl.dvc.payments.momo;

import vn.gov.bvhttdl.dvc.application.PaymentGateway;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.payments.Hmac;
import vn.gov.bvhttdl.dvc.payments.HttpJson;
import vn.gov.bvhttdl.dvc.payments.ProviderSettings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MoMo payment gateway v2 (shared/domain/RULES.md, Payments; developers.momo.vn). An order is created by
 * {@code /v2/gateway/api/create} (signed HMAC-SHA256 over its documented fields) and the citizen sent to its
 * {@code payUrl}; the IPN is a POST JSON signed HMAC-SHA256 over
 * {@code accessKey&amount&extraData&message&orderId&orderInfo&orderType&partnerCode&payType&requestId&responseTime&resultCode&transId}
 * and is answered HTTP 204. {@code resultCode} 0 is paid; 9000, 7000 and 1000 are not final. {@code query} and
 * {@code refund} (a new order id, 1,000 to 50,000,000 VND) are signed the same way.
 * Assumed (not in what was read): the query's answer is signed over the IPN's field list.
 */
public final class MoMoGateway implements PaymentGateway {
    public static final String PROVIDER = "momo";
    static final String[] IPN_FIELDS = {"accessKey", "amount", "extraData", "message", "orderId", "orderInfo", "orderType",
            "partnerCode", "payType", "requestId", "responseTime", "resultCode", "transId"};
    private static final Set<String> NOT_FINAL = Set.of("9000", "7000", "1000");
    public static final long REFUND_MIN = 1_000, REFUND_MAX = 50_000_000;

    private final ProviderSettings settings;

    public MoMoGateway(ProviderSettings settings) { this.settings = settings; }

    @Override
    public String provider() { return PROVIDER; }

    private ProviderSettings.Provider s() { return settings.of(PROVIDER); }

    /** {@code k1=v1&k2=v2…} in the order given, the access key from the settings (MoMo's raw signature). */
    static String raw(String accessKey, Map<String, Object> m, String... fields) {
        StringBuilder b = new StringBuilder();
        for (String f : fields) {
            if (!b.isEmpty()) b.append('&');
            b.append(f).append('=').append(f.equals("accessKey") ? accessKey : HttpJson.str(m, f));
        }
        return b.toString();
    }

    @Override
    public String start(Payment p, String orderInfo, String returnUrl, String notifyUrl, String clientIp) {
        var s = s();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partnerCode", s.get("partnerCode"));
        body.put("requestId", p.reference());
        body.put("amount", p.amountVnd());
        body.put("orderId", p.reference());
        body.put("orderInfo", orderInfo);
        body.put("redirectUrl", returnUrl);
        body.put("ipnUrl", notifyUrl);
        body.put("requestType", "captureWallet");
        body.put("extraData", "");
        body.put("lang", "vi");
        body.put("signature", Hmac.sha256(s.get("secretKey"), raw(s.get("accessKey"), body, "accessKey", "amount", "extraData",
                "ipnUrl", "orderId", "orderInfo", "partnerCode", "redirectUrl", "requestId", "requestType")));
        Map<String, Object> a = HttpJson.post(s.get("endpoint") + "/v2/gateway/api/create", body);
        String code = HttpJson.str(a, "resultCode");
        String url = HttpJson.str(a, "payUrl");
        if (!"0".equals(code) || url.isEmpty()) throw new Unavailable("MoMo refused the order: " + code);
        return url;
    }

    @Override
    public Callback read(Request request) {
        Map<String, Object> m = HttpJson.fields(request); // the redirect back (GET) carries the same signed fields
        if (m == null) return new Callback.Rejected(Verdict.MALFORMED, null, "not a JSON object");
        String ref = m.get("orderId") == null ? null : HttpJson.str(m, "orderId");
        var s = s();
        String expected = Hmac.sha256(s.get("secretKey"), raw(s.get("accessKey"), m, IPN_FIELDS));
        if (!Hmac.matches(expected, m.get("signature") == null ? null : HttpJson.str(m, "signature"))) {
            return new Callback.Rejected(Verdict.BAD_SIGNATURE, ref, "signature does not verify");
        }
        if (ref == null || m.get("amount") == null || m.get("resultCode") == null) return new Callback.Rejected(Verdict.MALFORMED, ref, "a required field is missing");
        if (!s.get("partnerCode").equals(HttpJson.str(m, "partnerCode"))) return new Callback.Rejected(Verdict.NOT_FOUND, ref, "another partner's order");
        return new Callback.Verified(new Payment.Notice(PROVIDER, ref, HttpJson.str(m, "transId"), amount(HttpJson.str(m, "amount")), "VND",
                outcome(HttpJson.str(m, "resultCode")), HttpJson.str(m, "resultCode")));
    }

    static long amount(String v) {
        try {
            long a = Long.parseLong(v);
            return a > 0 ? a : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Payment.Outcome outcome(String resultCode) {
        if ("0".equals(resultCode)) return Payment.Outcome.SUCCESS;
        if (NOT_FINAL.contains(resultCode)) return Payment.Outcome.PENDING;
        return Payment.Outcome.FAILED;
    }

    @Override
    public Answer answer(Verdict verdict) {
        return switch (verdict) {
            case CONFIRMED, ALREADY -> new Answer(204, null, null);
            case ERROR -> new Answer(503, "application/json", Json.write(Map.of("resultCode", 99, "message", "retry later")));
            default -> new Answer(400, "application/json", Json.write(Map.of("resultCode", code(verdict), "message", verdict.name())));
        };
    }

    private static int code(Verdict v) {
        return switch (v) {
            case NOT_FOUND -> 42;
            case WRONG_AMOUNT -> 22;
            case BAD_SIGNATURE -> 11;
            default -> 20;
        };
    }

    @Override
    public Optional<Payment.Notice> query(Payment p) {
        var s = s();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partnerCode", s.get("partnerCode"));
        body.put("requestId", p.reference() + "Q" + System.currentTimeMillis());
        body.put("orderId", p.reference());
        body.put("lang", "vi");
        body.put("signature", Hmac.sha256(s.get("secretKey"), raw(s.get("accessKey"), body, "accessKey", "orderId", "partnerCode", "requestId")));
        Map<String, Object> a = HttpJson.post(s.get("endpoint") + "/v2/gateway/api/query", body);
        String code = HttpJson.str(a, "resultCode");
        if ("42".equals(code)) return Optional.empty(); // no such order
        String expected = Hmac.sha256(s.get("secretKey"), raw(s.get("accessKey"), a, IPN_FIELDS));
        if (!Hmac.matches(expected, HttpJson.str(a, "signature"))) throw new Unavailable("MoMo's answer is not signed by it");
        return Optional.of(new Payment.Notice(PROVIDER, HttpJson.str(a, "orderId"), HttpJson.str(a, "transId"), amount(HttpJson.str(a, "amount")),
                "VND", outcome(code), "query/" + code));
    }

    @Override
    public RefundAnswer refund(Payment p) {
        if (p.amountVnd() < REFUND_MIN || p.amountVnd() > REFUND_MAX) return new RefundAnswer(RefundState.REFUSED, null, "amount-out-of-range");
        var s = s();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partnerCode", s.get("partnerCode"));
        body.put("orderId", p.refund().id()); // a new order id: the refund's own, the same however often it is asked
        body.put("requestId", p.refund().id() + "Q" + System.currentTimeMillis());
        body.put("amount", p.amountVnd());
        body.put("transId", p.transaction());
        body.put("lang", "vi");
        body.put("description", "Hoan phi ho so " + p.dossierCode());
        body.put("signature", Hmac.sha256(s.get("secretKey"), raw(s.get("accessKey"), body, "accessKey", "amount", "description",
                "orderId", "partnerCode", "requestId", "transId")));
        Map<String, Object> a = HttpJson.post(s.get("endpoint") + "/v2/gateway/api/refund", body);
        String code = HttpJson.str(a, "resultCode");
        if ("0".equals(code)) return new RefundAnswer(RefundState.DONE, HttpJson.str(a, "transId"), code);
        if (NOT_FINAL.contains(code)) return new RefundAnswer(RefundState.PENDING, HttpJson.str(a, "transId"), code);
        return new RefundAnswer(RefundState.REFUSED, HttpJson.str(a, "transId"), code);
    }
}
