package vn.gov.bvhttdl.dvc.payments.vnpay;

import vn.gov.bvhttdl.dvc.application.PaymentGateway;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.payments.Hmac;
import vn.gov.bvhttdl.dvc.payments.HttpJson;
import vn.gov.bvhttdl.dvc.payments.ProviderSettings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * VNPay payment gateway 2.1.0 (shared/domain/RULES.md, Payments). The payment URL and the IPN are signed with
 * HMAC-SHA512 over the non-empty {@code vnp_*} parameters but the hash itself, sorted by name, each
 * {@code name=URLEncoder(value, US-ASCII)} joined by {@code &}; {@code vnp_Amount} is VND × 100. Only the IPN
 * credits money; {@code vnp_ResponseCode} and {@code vnp_TransactionStatus} must both be {@code 00}, and status
 * {@code 07} (suspected fraud) is held. {@code querydr} and {@code refund} are POST JSON to the merchant web API,
 * signed over their pipe-joined fields; their answers are verified the same way.
 */
public final class VnPayGateway implements PaymentGateway {
    public static final String PROVIDER = "vnpay";
    static final ZoneId GMT7 = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(GMT7);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The answer's fields, in the order its signature joins them (the vendor's querydr documentation, public SDKs). */
    static final String[] QUERY_ANSWER = {"vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode",
            "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType",
            "vnp_TransactionStatus", "vnp_OrderInfo", "vnp_PromotionCode", "vnp_PromotionAmount"};
    static final String[] REFUND_ANSWER = {"vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode",
            "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType",
            "vnp_TransactionStatus", "vnp_OrderInfo"};

    private final ProviderSettings settings;
    private final Clock clock;

    public VnPayGateway(ProviderSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String provider() { return PROVIDER; }

    private ProviderSettings.Provider s() { return settings.of(PROVIDER); }

    /** The signature of a parameter set as VNPay computes it (the hash parameters themselves left out). */
    public static String sign(String secret, Map<String, String> params) {
        return Hmac.sha512(secret, canonical(params));
    }

    static String canonical(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        for (var e : new TreeMap<>(params).entrySet()) {
            String k = e.getKey();
            if (!k.startsWith("vnp_") || k.equals("vnp_SecureHash") || k.equals("vnp_SecureHashType")) continue;
            if (e.getValue() == null || e.getValue().isEmpty()) continue;
            if (!b.isEmpty()) b.append('&');
            b.append(URLEncoder.encode(k, StandardCharsets.US_ASCII)).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.US_ASCII));
        }
        return b.toString();
    }

    @Override
    public String start(Payment p, String orderInfo, String returnUrl, String notifyUrl, String clientIp) {
        var s = s();
        Map<String, String> v = new TreeMap<>();
        v.put("vnp_Version", "2.1.0");
        v.put("vnp_Command", "pay");
        v.put("vnp_TmnCode", s.get("tmnCode"));
        v.put("vnp_Amount", Long.toString(Math.multiplyExact(p.amountVnd(), 100L)));
        v.put("vnp_CurrCode", "VND");
        v.put("vnp_TxnRef", p.reference());
        v.put("vnp_OrderInfo", orderInfo);
        v.put("vnp_OrderType", "other");
        v.put("vnp_Locale", "vn");
        v.put("vnp_ReturnUrl", returnUrl);
        v.put("vnp_IpAddr", clientIp == null || clientIp.isBlank() ? "127.0.0.1" : clientIp);
        v.put("vnp_CreateDate", STAMP.format(p.createdAt()));
        v.put("vnp_ExpireDate", STAMP.format(p.expiresAt()));
        String query = canonical(v);
        return s.get("payUrl") + "?" + query + "&vnp_SecureHash=" + Hmac.sha512(s.get("hashSecret"), query);
    }

    @Override
    public Callback read(Request request) {
        Map<String, String> q = request.query();
        String ref = q.get("vnp_TxnRef");
        if (q.get("vnp_SecureHash") == null) return new Callback.Rejected(Verdict.BAD_SIGNATURE, ref, "no vnp_SecureHash");
        if (!Hmac.matches(sign(s().get("hashSecret"), q), q.get("vnp_SecureHash"))) {
            return new Callback.Rejected(Verdict.BAD_SIGNATURE, ref, "signature does not verify");
        }
        if (ref == null || q.get("vnp_Amount") == null || q.get("vnp_ResponseCode") == null || q.get("vnp_TransactionStatus") == null) {
            return new Callback.Rejected(Verdict.MALFORMED, ref, "a required field is missing");
        }
        if (!s().get("tmnCode").equals(q.get("vnp_TmnCode"))) return new Callback.Rejected(Verdict.NOT_FOUND, ref, "another merchant's order");
        long amount = vnd(q.get("vnp_Amount"));
        String currency = q.getOrDefault("vnp_CurrCode", "VND");
        return new Callback.Verified(new Payment.Notice(PROVIDER, ref, q.get("vnp_TransactionNo"), amount, currency,
                outcome(q.get("vnp_ResponseCode"), q.get("vnp_TransactionStatus")), q.get("vnp_ResponseCode") + "/" + q.get("vnp_TransactionStatus")));
    }

    /** VND from VNPay's amount × 100; -1 (never a requested amount) when it is not a whole number of đồng. */
    static long vnd(String amountTimes100) {
        try {
            long a = Long.parseLong(amountTimes100);
            return a <= 0 || a % 100 != 0 ? -1 : a / 100;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Payment.Outcome outcome(String responseCode, String transactionStatus) {
        if ("07".equals(transactionStatus) || "07".equals(responseCode)) return Payment.Outcome.FRAUD_REVIEW;
        if ("00".equals(responseCode) && "00".equals(transactionStatus)) return Payment.Outcome.SUCCESS;
        if ("01".equals(transactionStatus)) return Payment.Outcome.PENDING;
        return Payment.Outcome.FAILED;
    }

    @Override
    public Answer answer(Verdict verdict) {
        String[] codeMessage = switch (verdict) {
            case CONFIRMED -> new String[]{"00", "Confirm Success"};
            case NOT_FOUND -> new String[]{"01", "Order not found"};
            case ALREADY -> new String[]{"02", "Order already confirmed"};
            case WRONG_AMOUNT -> new String[]{"04", "invalid amount"};
            case BAD_SIGNATURE -> new String[]{"97", "Invalid signature"};
            case MALFORMED, ERROR -> new String[]{"99", "Unknown error"};
        };
        return new Answer(200, "application/json", Json.write(Map.of("RspCode", codeMessage[0], "Message", codeMessage[1])));
    }

    private static String requestId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b); // unique per day (and ever)
    }

    @Override
    public Optional<Payment.Notice> query(Payment p) {
        var s = s();
        Map<String, Object> body = new LinkedHashMap<>();
        String now = STAMP.format(clock.instant());
        body.put("vnp_RequestId", requestId());
        body.put("vnp_Version", "2.1.0");
        body.put("vnp_Command", "querydr");
        body.put("vnp_TmnCode", s.get("tmnCode"));
        body.put("vnp_TxnRef", p.reference());
        body.put("vnp_OrderInfo", "Truy van giao dich " + p.reference());
        body.put("vnp_TransactionDate", STAMP.format(p.createdAt()));
        body.put("vnp_CreateDate", now);
        body.put("vnp_IpAddr", "127.0.0.1");
        body.put("vnp_SecureHash", Hmac.sha512(s.get("hashSecret"), pipe(body, "vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode",
                "vnp_TxnRef", "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo")));
        Map<String, Object> a = HttpJson.post(s.get("apiUrl"), body);
        verifyAnswer(s, a, QUERY_ANSWER);
        String code = HttpJson.str(a, "vnp_ResponseCode");
        if ("91".equals(code)) return Optional.empty();
        if (!"00".equals(code)) throw new Unavailable("querydr answered " + code);
        String status = HttpJson.str(a, "vnp_TransactionStatus");
        return Optional.of(new Payment.Notice(PROVIDER, HttpJson.str(a, "vnp_TxnRef"),
                HttpJson.str(a, "vnp_TransactionNo"), vnd(HttpJson.str(a, "vnp_Amount")), "VND",
                outcome("00", status), "querydr/" + status));
    }

    @Override
    public RefundAnswer refund(Payment p) {
        var s = s();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vnp_RequestId", requestId());
        body.put("vnp_Version", "2.1.0");
        body.put("vnp_Command", "refund");
        body.put("vnp_TmnCode", s.get("tmnCode"));
        body.put("vnp_TransactionType", "02"); // the whole amount
        body.put("vnp_TxnRef", p.reference());
        body.put("vnp_Amount", Long.toString(Math.multiplyExact(p.amountVnd(), 100L)));
        body.put("vnp_TransactionNo", p.transaction() == null ? "" : p.transaction());
        body.put("vnp_TransactionDate", STAMP.format(p.createdAt()));
        body.put("vnp_CreateBy", "he-thong-mot-cua");
        body.put("vnp_CreateDate", STAMP.format(clock.instant()));
        body.put("vnp_IpAddr", "127.0.0.1");
        body.put("vnp_OrderInfo", "Hoan tien " + p.refund().id());
        body.put("vnp_SecureHash", Hmac.sha512(s.get("hashSecret"), pipe(body, "vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode",
                "vnp_TransactionType", "vnp_TxnRef", "vnp_Amount", "vnp_TransactionNo", "vnp_TransactionDate", "vnp_CreateBy",
                "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo")));
        Map<String, Object> a = HttpJson.post(s.get("apiUrl"), body);
        verifyAnswer(s, a, REFUND_ANSWER);
        String code = HttpJson.str(a, "vnp_ResponseCode");
        String status = HttpJson.str(a, "vnp_TransactionStatus");
        String no = HttpJson.str(a, "vnp_TransactionNo");
        if ("00".equals(code)) return new RefundAnswer("05".equals(status) ? RefundState.PENDING : RefundState.DONE, no, code + "/" + status);
        if ("94".equals(code)) return new RefundAnswer(RefundState.PENDING, no, code); // the same refund is under way
        return new RefundAnswer(RefundState.REFUSED, no, code);
    }

    static String pipe(Map<String, Object> m, String... keys) {
        StringBuilder b = new StringBuilder();
        for (String k : keys) {
            if (!b.isEmpty()) b.append('|');
            b.append(HttpJson.str(m, k));
        }
        return b.toString();
    }

    private static void verifyAnswer(ProviderSettings.Provider s, Map<String, Object> a, String[] fields) {
        String expected = Hmac.sha512(s.get("hashSecret"), pipe(a, fields));
        if (!Hmac.matches(expected, HttpJson.str(a, "vnp_SecureHash"))) {
            throw new Unavailable("VNPay's answer is not signed by it");
        }
    }

    /** For the tests: what the time now is. */
    Instant now() { return clock.instant(); }
}
