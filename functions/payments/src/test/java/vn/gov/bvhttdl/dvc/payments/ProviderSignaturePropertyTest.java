package vn.gov.bvhttdl.dvc.payments;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.PaymentGateway;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.payments.momo.MoMoGateway;
import vn.gov.bvhttdl.dvc.payments.paygov.PayGovGateway;
import vn.gov.bvhttdl.dvc.payments.vnpay.VnPayGateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The adapters' reading of what providers send: a callback signed with the merchant's secret is read as what it says;
 * changing any one signed field, or signing with another secret, is BAD_SIGNATURE; the answers are the providers'
 * codes. The sample IPN of events/ (signed by a script, not by this code) verifies: the two implementations agree.
 */
class ProviderSignaturePropertyTest {
    static final ProviderSettings SANDBOX = new ProviderSettings(() -> {
        try {
            return Files.readString(root().resolve("local/sandbox/payments.json"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    });

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.exists(p.resolve("template.yaml"))) p = p.getParent();
        return p;
    }

    final VnPayGateway vnpay = new VnPayGateway(SANDBOX, Clock.systemUTC());
    final MoMoGateway momo = new MoMoGateway(SANDBOX);
    final PayGovGateway paygov = new PayGovGateway(SANDBOX, Clock.systemUTC());

    static String secret(String provider, String key) { return (String) SANDBOX.of(provider).values().get(key); }

    Map<String, String> vnpayIpn(String ref, long vnd, String response, String status, String txn) {
        Map<String, String> p = new TreeMap<>();
        p.put("vnp_Amount", Long.toString(vnd * 100));
        p.put("vnp_BankCode", "NCB");
        p.put("vnp_OrderInfo", "Thanh toan phi ho so " + ref);
        p.put("vnp_PayDate", "20261201093000");
        p.put("vnp_ResponseCode", response);
        p.put("vnp_TmnCode", secret("vnpay", "tmnCode"));
        p.put("vnp_TransactionNo", txn);
        p.put("vnp_TransactionStatus", status);
        p.put("vnp_TxnRef", ref);
        p.put("vnp_SecureHash", VnPayGateway.sign(secret("vnpay", "hashSecret"), p));
        return p;
    }

    @Provide
    Arbitrary<String> refs() { return Arbitraries.strings().withChars("ABCDEFGHJKLMNPQRSTUVWXYZ23456789").ofLength(10).map(s -> "TT261201" + s); }

    @Property(tries = 200)
    void vnpayReadsWhatIsSignedAndRefusesAnyChange(@ForAll("refs") String ref, @ForAll @LongRange(min = 1, max = 500_000_000) long vnd,
                                                   @ForAll("codes") String response, @ForAll("codes") String status,
                                                   @ForAll("fieldIndex") int changed) {
        Map<String, String> ipn = vnpayIpn(ref, vnd, response, status, "1450" + (vnd % 10000));
        var read = vnpay.read(new PaymentGateway.Request("GET", ipn, null));
        Payment.Notice n = assertInstanceOf(PaymentGateway.Callback.Verified.class, read).notice();
        assertEquals(ref, n.reference());
        assertEquals(vnd, n.amountVnd());
        assertEquals(response.equals("00") && status.equals("00") ? Payment.Outcome.SUCCESS
                : status.equals("07") || response.equals("07") ? Payment.Outcome.FRAUD_REVIEW
                : status.equals("01") ? Payment.Outcome.PENDING : Payment.Outcome.FAILED, n.outcome());
        List<String> keys = ipn.keySet().stream().filter(k -> !k.equals("vnp_SecureHash")).toList();
        Map<String, String> tampered = new LinkedHashMap<>(ipn);
        String k = keys.get(changed % keys.size());
        tampered.put(k, tampered.get(k) + "9");
        var refused = assertInstanceOf(PaymentGateway.Callback.Rejected.class, vnpay.read(new PaymentGateway.Request("GET", tampered, null)));
        assertEquals(PaymentGateway.Verdict.BAD_SIGNATURE, refused.verdict());
    }

    @Provide
    Arbitrary<String> codes() { return Arbitraries.of("00", "01", "02", "07", "24", "51"); }

    @Provide
    Arbitrary<Integer> fieldIndex() { return Arbitraries.integers().between(0, 50); }

    @Property(tries = 200)
    void momoReadsWhatIsSignedAndRefusesAnyChange(@ForAll("refs") String ref, @ForAll @LongRange(min = 1000, max = 50_000_000) long vnd,
                                                  @ForAll("momoCodes") int resultCode, @ForAll("fieldIndex") int changed) {
        Map<String, Object> ipn = new LinkedHashMap<>();
        ipn.put("partnerCode", secret("momo", "partnerCode"));
        ipn.put("orderId", ref);
        ipn.put("requestId", ref);
        ipn.put("amount", vnd);
        ipn.put("orderInfo", "Thanh toán phí hồ sơ");
        ipn.put("orderType", "momo_wallet");
        ipn.put("transId", 4088878653L);
        ipn.put("resultCode", resultCode);
        ipn.put("message", "Thành công.");
        ipn.put("payType", "qr");
        ipn.put("responseTime", 1796005801000L);
        ipn.put("extraData", "");
        StringBuilder raw = new StringBuilder("accessKey=" + secret("momo", "accessKey"));
        for (String f : List.of("amount", "extraData", "message", "orderId", "orderInfo", "orderType", "partnerCode", "payType", "requestId", "responseTime", "resultCode", "transId")) {
            raw.append('&').append(f).append('=').append(ipn.get(f));
        }
        ipn.put("signature", Hmac.sha256(secret("momo", "secretKey"), raw.toString()));
        Payment.Notice n = assertInstanceOf(PaymentGateway.Callback.Verified.class,
                momo.read(new PaymentGateway.Request("POST", null, Json.write(ipn)))).notice();
        assertEquals(vnd, n.amountVnd());
        assertEquals(resultCode == 0 ? Payment.Outcome.SUCCESS : List.of(9000, 7000, 1000).contains(resultCode) ? Payment.Outcome.PENDING : Payment.Outcome.FAILED, n.outcome());
        List<String> keys = List.of("amount", "message", "orderId", "orderInfo", "orderType", "partnerCode", "payType", "requestId", "responseTime", "resultCode", "transId");
        Map<String, Object> tampered = new LinkedHashMap<>(ipn);
        String k = keys.get(changed % keys.size());
        tampered.put(k, tampered.get(k) + "1");
        assertEquals(PaymentGateway.Verdict.BAD_SIGNATURE, assertInstanceOf(PaymentGateway.Callback.Rejected.class,
                momo.read(new PaymentGateway.Request("POST", null, Json.write(tampered)))).verdict());
    }

    @Provide
    Arbitrary<Integer> momoCodes() { return Arbitraries.of(0, 9000, 7000, 1000, 1001, 1006, 49); }

    @Test
    void theSampleEventSignedByAnotherImplementationVerifies() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> event = (Map<String, Object>) Json.parse(Files.readString(root().resolve("events/payment-callback-vnpay-ipn.json")));
        @SuppressWarnings("unchecked")
        Map<String, String> q = (Map<String, String>) event.get("queryStringParameters");
        Payment.Notice n = assertInstanceOf(PaymentGateway.Callback.Verified.class, vnpay.read(new PaymentGateway.Request("GET", q, null))).notice();
        assertEquals(1_000_000, n.amountVnd());
        assertEquals(Payment.Outcome.SUCCESS, n.outcome());
    }

    @Test
    void answersAreTheProvidersOwn() {
        assertEquals("{\"RspCode\":\"97\",\"Message\":\"Invalid signature\"}".length(), vnpay.answer(PaymentGateway.Verdict.BAD_SIGNATURE).body().length());
        for (var v : PaymentGateway.Verdict.values()) {
            var a = vnpay.answer(v);
            assertEquals(200, a.status(), "VNPay is always answered 200 with its code");
            String code = (String) Json.obj(Json.parse(a.body())).get("RspCode");
            assertEquals(switch (v) {
                case CONFIRMED -> "00"; case NOT_FOUND -> "01"; case ALREADY -> "02"; case WRONG_AMOUNT -> "04";
                case BAD_SIGNATURE -> "97"; case MALFORMED, ERROR -> "99"; }, code);
            int momoStatus = momo.answer(v).status();
            assertTrue(momoStatus == 204 || momoStatus == 400 || (v == PaymentGateway.Verdict.ERROR && momoStatus == 503), v + " " + momoStatus);
            assertEquals(v == PaymentGateway.Verdict.CONFIRMED || v == PaymentGateway.Verdict.ALREADY, momoStatus == 204);
            assertEquals(200, paygov.answer(v).status());
        }
        // a refund outside MoMo's bounds is refused before any call
        Payment small = new Payment("TT261201AAAAAAAAAA", "d", "c", "o", "a", "momo",
                List.of(new Payment.Line(new vn.gov.bvhttdl.dvc.domain.Text("Phí", "Fee"), 500, null)), 500, Payment.Status.PAID,
                java.time.Instant.now(), java.time.Instant.now(), "1", java.time.Instant.now(), null, null, null, 2).refundDue("x", java.time.Instant.now());
        assertEquals(PaymentGateway.RefundState.REFUSED, momo.refund(small).state());
    }

    @Test
    void thePaymentUrlIsSignedOverItsOwnParameters() {
        Payment p = new Payment("TT261201BBBBBBBBBB", "d", "000.00.12.G17-261201-0001", "o", "CDLQG", "vnpay",
                List.of(new Payment.Line(new vn.gov.bvhttdl.dvc.domain.Text("Phí", "Fee"), 1_000_000, null)), 1_000_000, Payment.Status.PENDING,
                java.time.Instant.parse("2026-12-01T02:00:00Z"), java.time.Instant.parse("2026-12-01T02:15:00Z"), null, null, null, null, null, 1);
        String url = vnpay.start(p, "Thanh toan phi ho so 000.00.12.G17-261201-0001", "https://portal/api/payments/vnpay/return", null, "203.0.113.9");
        Map<String, String> q = new TreeMap<>();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            q.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals("100000000", q.get("vnp_Amount"), "VND x 100");
        assertEquals("20261201090000", q.get("vnp_CreateDate"), "GMT+7");
        assertEquals("20261201091500", q.get("vnp_ExpireDate"));
        assertTrue(Hmac.matches(VnPayGateway.sign(secret("vnpay", "hashSecret"), q), q.get("vnp_SecureHash")));
    }
}
