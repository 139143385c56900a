package vn.gov.bvhttdl.dvc.local.runner;

import com.sun.net.httpserver.HttpExchange;
import vn.gov.bvhttdl.dvc.domain.Json;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The offline sandboxes of the payment providers (development only), written from the providers' documents and
 * independent of the portal's adapters (their own signing code), so that a mismatch between the two shows:
 * <ul>
 *   <li><b>VNPay</b> {@code /sandbox/vnpay/paymentv2/vpcpay.html} (checks the merchant's signature, shows the pay page),
 *       {@code /sandbox/vnpay/merchant_webapi/api/transaction} (querydr, refund);</li>
 *   <li><b>MoMo</b> {@code /sandbox/momo/v2/gateway/api/create|query|refund}, the pay page {@code /sandbox/momo/pay};</li>
 *   <li><b>PayGov-style</b> {@code /sandbox/paygov/pay}, {@code /sandbox/paygov/api/query|refund}.</li>
 * </ul>
 * The pay page offers pay / cancel / card declined; the decision is sent as the signed server-to-server callback
 * <b>with retries</b> (1, 2, 4, 8 s until the merchant acknowledges it) and the citizen is redirected to the return
 * address. The page's "unreliable network" switch (or {@code chaos=1}) also sends two extra copies at once and, after a
 * success, a late signed failure: what the ledger must survive. {@code /sandbox/log.json} lists every delivery.
 */
final class PaymentSandboxes {
    private static final ZoneId GMT7 = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(GMT7);
    private static final long[] RETRY_SECONDS = {1, 2, 4, 8};

    /** One order as the provider sees it. */
    static final class Order {
        final String provider, reference;
        final long amountVnd;
        final Map<String, String> fields;
        volatile String status = "PENDING"; // PENDING, PAID, CANCELLED, DECLINED
        volatile String transaction;
        volatile String payDate;
        volatile Instant refundAskedAt;
        volatile boolean refunded;

        Order(String provider, String reference, long amountVnd, Map<String, String> fields) {
            this.provider = provider;
            this.reference = reference;
            this.amountVnd = amountVnd;
            this.fields = fields;
        }
    }

    private final Path settingsFile;
    private final java.util.function.Supplier<String> baseUrl;
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> log = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService deliveries = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "payment-sandbox");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong transactions = new AtomicLong(14_000_000L + (System.currentTimeMillis() / 1000) % 1_000_000);

    PaymentSandboxes(Path settingsFile, java.util.function.Supplier<String> baseUrl) {
        this.settingsFile = settingsFile;
        this.baseUrl = baseUrl; // known once the server is bound
    }

    void stop() { deliveries.shutdownNow(); }

    private Map<String, Object> settings(String provider) {
        try {
            String text = Files.readString(settingsFile).replace("{sandbox}", baseUrl.get());
            return Json.obj(Json.obj(Json.parse(text)).get(provider));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + settingsFile, e);
        }
    }

    private static String hmac(String algorithm, String secret, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean handles(String path) { return path.startsWith("/sandbox/"); }

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        Map<String, String> query = form(ex.getRequestURI().getRawQuery());
        String body = new String(ex.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
        try {
            switch (path) {
                case "/sandbox/log.json" -> LocalRunner.send(ex, 200, "application/json", Json.write(log));
                case "/sandbox/vnpay/paymentv2/vpcpay.html" -> vnpayPage(ex, query);
                case "/sandbox/vnpay/merchant_webapi/api/transaction" -> vnpayApi(ex, Json.obj(Json.parse(body)));
                case "/sandbox/momo/v2/gateway/api/create" -> momoCreate(ex, Json.obj(Json.parse(body)));
                case "/sandbox/momo/v2/gateway/api/query" -> momoQuery(ex, Json.obj(Json.parse(body)));
                case "/sandbox/momo/v2/gateway/api/refund" -> momoRefund(ex, Json.obj(Json.parse(body)));
                case "/sandbox/momo/pay" -> page(ex, orders.get("momo:" + query.get("orderId")));
                case "/sandbox/paygov/pay" -> paygovPage(ex, query);
                case "/sandbox/paygov/api/query" -> paygovQuery(ex, Json.obj(Json.parse(body)));
                case "/sandbox/paygov/api/refund" -> paygovRefund(ex, Json.obj(Json.parse(body)));
                case "/sandbox/decide" -> {
                    if (!method.equals("POST")) {
                        LocalRunner.send(ex, 405, "text/plain; charset=utf-8", "POST only");
                        return;
                    }
                    decide(ex, form(body));
                }
                default -> LocalRunner.send(ex, 404, "text/plain; charset=utf-8", "no such sandbox page");
            }
        } catch (IllegalArgumentException | ClassCastException bad) {
            LocalRunner.send(ex, 400, "application/json", Json.write(Map.of("error", "malformed request: " + bad.getMessage())));
        }
    }

    // ------------------------------------------------------------------ VNPay

    static String vnpayCanonical(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        for (var e : new TreeMap<>(params).entrySet()) {
            if (!e.getKey().startsWith("vnp_") || e.getKey().equals("vnp_SecureHash") || e.getKey().equals("vnp_SecureHashType")) continue;
            if (e.getValue() == null || e.getValue().isEmpty()) continue;
            if (!b.isEmpty()) b.append('&');
            b.append(URLEncoder.encode(e.getKey(), StandardCharsets.US_ASCII)).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.US_ASCII));
        }
        return b.toString();
    }

    private void vnpayPage(HttpExchange ex, Map<String, String> q) throws IOException {
        var s = settings("vnpay");
        String expected = hmac("HmacSHA512", str(s, "hashSecret"), vnpayCanonical(q));
        if (!expected.equalsIgnoreCase(q.getOrDefault("vnp_SecureHash", "")) || !str(s, "tmnCode").equals(q.get("vnp_TmnCode"))) {
            errorPage(ex, "Sai chữ ký (code 70)", "Invalid signature (code 70)");
            return;
        }
        String ref = q.get("vnp_TxnRef");
        long amount = Long.parseLong(q.get("vnp_Amount")) / 100;
        Order o = orders.computeIfAbsent("vnpay:" + ref, k -> new Order("vnpay", ref, amount, new LinkedHashMap<>(q)));
        page(ex, o);
    }

    private Map<String, String> vnpayResult(Order o, String responseCode, String transactionStatus) {
        var s = settings("vnpay");
        Map<String, String> r = new TreeMap<>();
        r.put("vnp_Amount", Long.toString(o.amountVnd * 100));
        r.put("vnp_BankCode", "NCB");
        r.put("vnp_CardType", "ATM");
        r.put("vnp_OrderInfo", o.fields.getOrDefault("vnp_OrderInfo", ""));
        r.put("vnp_PayDate", o.payDate);
        r.put("vnp_ResponseCode", responseCode);
        r.put("vnp_TmnCode", str(s, "tmnCode"));
        r.put("vnp_TransactionNo", o.transaction);
        r.put("vnp_TransactionStatus", transactionStatus);
        r.put("vnp_TxnRef", o.reference);
        r.put("vnp_SecureHash", hmac("HmacSHA512", str(s, "hashSecret"), vnpayCanonical(r)));
        return r;
    }

    private static String pipe(Map<String, Object> m, String... keys) {
        StringBuilder b = new StringBuilder();
        for (String k : keys) {
            if (!b.isEmpty()) b.append('|');
            b.append(str(m, k));
        }
        return b.toString();
    }

    private void vnpayApi(HttpExchange ex, Map<String, Object> req) throws IOException {
        var s = settings("vnpay");
        String secret = str(s, "hashSecret");
        String command = str(req, "vnp_Command");
        String signed = command.equals("refund")
                ? pipe(req, "vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType", "vnp_TxnRef", "vnp_Amount",
                "vnp_TransactionNo", "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo")
                : pipe(req, "vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef", "vnp_TransactionDate", "vnp_CreateDate",
                "vnp_IpAddr", "vnp_OrderInfo");
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("vnp_ResponseId", java.util.UUID.randomUUID().toString().replace("-", ""));
        a.put("vnp_Command", command);
        a.put("vnp_TmnCode", str(s, "tmnCode"));
        a.put("vnp_TxnRef", str(req, "vnp_TxnRef"));
        Order o = orders.get("vnpay:" + str(req, "vnp_TxnRef"));
        if (!hmac("HmacSHA512", secret, signed).equalsIgnoreCase(str(req, "vnp_SecureHash"))) {
            a.put("vnp_ResponseCode", "97");
            a.put("vnp_Message", "Invalid Checksum");
        } else if (o == null) {
            a.put("vnp_ResponseCode", "91");
            a.put("vnp_Message", "Transaction not found");
        } else if (command.equals("querydr")) {
            a.put("vnp_ResponseCode", "00");
            a.put("vnp_Message", "QueryDR Success");
            a.put("vnp_Amount", Long.toString(o.amountVnd * 100));
            a.put("vnp_BankCode", "NCB");
            a.put("vnp_PayDate", o.payDate == null ? "" : o.payDate);
            a.put("vnp_TransactionNo", o.transaction == null ? "" : o.transaction);
            a.put("vnp_TransactionType", "01");
            a.put("vnp_TransactionStatus", switch (o.status) { case "PAID" -> "00"; case "PENDING" -> "01"; default -> "02"; });
            a.put("vnp_OrderInfo", o.fields.getOrDefault("vnp_OrderInfo", ""));
            a.put("vnp_PromotionCode", "");
            a.put("vnp_PromotionAmount", "");
        } else if (command.equals("refund")) {
            boolean first = o.refundAskedAt == null;
            if (!"PAID".equals(o.status)) {
                a.put("vnp_ResponseCode", "95");
                a.put("vnp_Message", "Transaction not paid: refund refused");
            } else if (Long.parseLong(str(req, "vnp_Amount")) != o.amountVnd * 100) {
                a.put("vnp_ResponseCode", "95");
                a.put("vnp_Message", "Refund amount differs from the transaction's");
            } else {
                if (first) o.refundAskedAt = Instant.now();
                boolean done = !first && Instant.now().isAfter(o.refundAskedAt.plusSeconds(1));
                if (done) o.refunded = true;
                a.put("vnp_ResponseCode", "00");
                a.put("vnp_Message", done ? "Refund success" : "Refund is being processed");
                a.put("vnp_Amount", str(req, "vnp_Amount"));
                a.put("vnp_BankCode", "NCB");
                a.put("vnp_PayDate", o.payDate);
                a.put("vnp_TransactionNo", o.transaction);
                a.put("vnp_TransactionType", "02");
                a.put("vnp_TransactionStatus", done ? "06" : "05");
                a.put("vnp_OrderInfo", str(req, "vnp_OrderInfo"));
            }
            record("vnpay", o.reference, "refund", a.get("vnp_ResponseCode") + "/" + a.getOrDefault("vnp_TransactionStatus", ""));
        } else {
            a.put("vnp_ResponseCode", "99");
            a.put("vnp_Message", "Unknown command");
        }
        String[] fields = command.equals("refund")
                ? new String[]{"vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount",
                "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo"}
                : new String[]{"vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount",
                "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo",
                "vnp_PromotionCode", "vnp_PromotionAmount"};
        a.put("vnp_SecureHash", hmac("HmacSHA512", secret, pipe(a, fields)));
        LocalRunner.send(ex, 200, "application/json", Json.write(a));
    }

    // ------------------------------------------------------------------ MoMo

    private static final String[] MOMO_IPN = {"accessKey", "amount", "extraData", "message", "orderId", "orderInfo", "orderType",
            "partnerCode", "payType", "requestId", "responseTime", "resultCode", "transId"};

    private static String momoRaw(String accessKey, Map<String, ?> m, String... fields) {
        StringBuilder b = new StringBuilder();
        for (String f : fields) {
            if (!b.isEmpty()) b.append('&');
            b.append(f).append('=').append(f.equals("accessKey") ? accessKey : str(m, f));
        }
        return b.toString();
    }

    private boolean momoSigned(Map<String, Object> req, String... fields) {
        var s = settings("momo");
        return hmac("HmacSHA256", str(s, "secretKey"), momoRaw(str(s, "accessKey"), req, fields)).equalsIgnoreCase(str(req, "signature"));
    }

    private void momoCreate(HttpExchange ex, Map<String, Object> req) throws IOException {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("partnerCode", str(req, "partnerCode"));
        a.put("orderId", str(req, "orderId"));
        a.put("requestId", str(req, "requestId"));
        a.put("responseTime", System.currentTimeMillis());
        if (!momoSigned(req, "accessKey", "amount", "extraData", "ipnUrl", "orderId", "orderInfo", "partnerCode", "redirectUrl", "requestId", "requestType")) {
            a.put("resultCode", 11);
            a.put("message", "Access denied: signature");
        } else if (orders.containsKey("momo:" + str(req, "orderId"))) {
            a.put("resultCode", 41);
            a.put("message", "Duplicated orderId");
        } else {
            Map<String, String> fields = new LinkedHashMap<>();
            req.forEach((k, v) -> fields.put(k, str(req, k)));
            orders.put("momo:" + str(req, "orderId"), new Order("momo", str(req, "orderId"), Long.parseLong(str(req, "amount")), fields));
            a.put("amount", Long.parseLong(str(req, "amount")));
            a.put("resultCode", 0);
            a.put("message", "Thành công.");
            a.put("payUrl", baseUrl.get() + "/sandbox/momo/pay?orderId=" + URLEncoder.encode(str(req, "orderId"), StandardCharsets.UTF_8));
        }
        LocalRunner.send(ex, 200, "application/json", Json.write(a));
    }

    private Map<String, Object> momoResult(Order o, int resultCode, String message) {
        var s = settings("momo");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("partnerCode", str(s, "partnerCode"));
        r.put("orderId", o.reference);
        r.put("requestId", o.fields.getOrDefault("requestId", o.reference));
        r.put("amount", o.amountVnd);
        r.put("orderInfo", o.fields.getOrDefault("orderInfo", ""));
        r.put("orderType", "momo_wallet");
        r.put("transId", o.transaction == null ? 0 : Long.parseLong(o.transaction));
        r.put("resultCode", resultCode);
        r.put("message", message);
        r.put("payType", "qr");
        r.put("responseTime", System.currentTimeMillis());
        r.put("extraData", o.fields.getOrDefault("extraData", ""));
        r.put("signature", hmac("HmacSHA256", str(s, "secretKey"), momoRaw(str(s, "accessKey"), r, MOMO_IPN)));
        return r;
    }

    private void momoQuery(HttpExchange ex, Map<String, Object> req) throws IOException {
        Order o = orders.get("momo:" + str(req, "orderId"));
        if (!momoSigned(req, "accessKey", "orderId", "partnerCode", "requestId")) {
            LocalRunner.send(ex, 200, "application/json", Json.write(Map.of("resultCode", 11, "message", "signature")));
        } else if (o == null) {
            LocalRunner.send(ex, 200, "application/json", Json.write(Map.of("resultCode", 42, "message", "orderId not found", "orderId", str(req, "orderId"))));
        } else {
            int code = switch (o.status) { case "PAID" -> 0; case "PENDING" -> 1000; case "CANCELLED" -> 1006; default -> 1001; };
            LocalRunner.send(ex, 200, "application/json", Json.write(momoResult(o, code, "query")));
        }
    }

    private void momoRefund(HttpExchange ex, Map<String, Object> req) throws IOException {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("orderId", str(req, "orderId"));
        Order paid = orders.values().stream().filter(x -> x.provider.equals("momo") && str(req, "transId").equals(x.transaction)).findFirst().orElse(null);
        if (!momoSigned(req, "accessKey", "amount", "description", "orderId", "partnerCode", "requestId", "transId")) {
            a.put("resultCode", 11);
        } else if (paid == null || !"PAID".equals(paid.status)) {
            a.put("resultCode", 1002);
            a.put("message", "transaction not found or not paid");
        } else if (Long.parseLong(str(req, "amount")) != paid.amountVnd || paid.amountVnd < 1000 || paid.amountVnd > 50_000_000) {
            a.put("resultCode", 1080);
            a.put("message", "refund amount invalid");
        } else {
            paid.refunded = true; // the same refund order id asked again answers the same
            a.put("resultCode", 0);
            a.put("message", "Thành công.");
            a.put("transId", Math.abs((str(req, "orderId")).hashCode()) + 1_000_000L);
        }
        record("momo", paid == null ? str(req, "orderId") : paid.reference, "refund", String.valueOf(a.get("resultCode")));
        LocalRunner.send(ex, 200, "application/json", Json.write(a));
    }

    // ------------------------------------------------------------------ PayGov-style

    private void paygovPage(HttpExchange ex, Map<String, String> q) throws IOException {
        var s = settings("paygov");
        String signed = String.join("|", q.getOrDefault("bill_code", ""), q.getOrDefault("client_id", ""), q.getOrDefault("command", ""),
                q.getOrDefault("return_url", ""), q.getOrDefault("trans_amount", ""), q.getOrDefault("version", ""));
        if (!hmac("HmacSHA256", str(s, "secret"), signed).equalsIgnoreCase(q.getOrDefault("checksum", ""))) {
            errorPage(ex, "Sai mã kiểm tra", "Invalid checksum");
            return;
        }
        String ref = q.get("bill_code");
        Order o = orders.computeIfAbsent("paygov:" + ref, k -> new Order("paygov", ref, Long.parseLong(q.get("trans_amount")), new LinkedHashMap<>(q)));
        page(ex, o);
    }

    private Map<String, Object> paygovResult(Order o, String status, String command) {
        var s = settings("paygov");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("version", "1.0");
        r.put("command", command);
        r.put("client_id", str(s, "clientId"));
        r.put("bill_code", o.reference);
        r.put("transaction_id", o.transaction == null ? "" : o.transaction);
        r.put("trans_amount", Long.toString(o.amountVnd));
        r.put("addition_fee", "0");
        r.put("status", status);
        r.put("checksum", hmac("HmacSHA256", str(s, "secret"), pipe(r, "addition_fee", "client_id", "command", "trans_amount", "transaction_id", "version")));
        return r;
    }

    private void paygovQuery(HttpExchange ex, Map<String, Object> req) throws IOException {
        var s = settings("paygov");
        Order o = orders.get("paygov:" + str(req, "bill_code"));
        if (!hmac("HmacSHA256", str(s, "secret"), pipe(req, "bill_code", "client_id", "command", "version")).equalsIgnoreCase(str(req, "checksum"))) {
            LocalRunner.send(ex, 200, "application/json", Json.write(Map.of("code", "97")));
        } else if (o == null) {
            LocalRunner.send(ex, 200, "application/json", Json.write(Map.of("code", "01")));
        } else {
            Map<String, Object> r = paygovResult(o, switch (o.status) { case "PAID" -> "00"; case "PENDING" -> "01"; default -> "02"; }, "query");
            r.put("code", "00");
            LocalRunner.send(ex, 200, "application/json", Json.write(r));
        }
    }

    private void paygovRefund(HttpExchange ex, Map<String, Object> req) throws IOException {
        var s = settings("paygov");
        Order o = orders.get("paygov:" + str(req, "bill_code"));
        String code;
        if (!hmac("HmacSHA256", str(s, "secret"), pipe(req, "bill_code", "client_id", "command", "refund_id", "trans_amount", "transaction_id", "version"))
                .equalsIgnoreCase(str(req, "checksum"))) code = "97";
        else if (o == null || !"PAID".equals(o.status)) code = "01";
        else if (Long.parseLong(str(req, "trans_amount")) != o.amountVnd) code = "04";
        else {
            o.refunded = true;
            code = "00";
        }
        record("paygov", str(req, "bill_code"), "refund", code);
        LocalRunner.send(ex, 200, "application/json", Json.write(Map.of("code", code, "refund_transaction_id", "RF" + str(req, "refund_id"))));
    }

    // ------------------------------------------------------------------ the pay page and the decision

    private static String esc(String s) { return vn.gov.bvhttdl.dvc.domain.Html.escape(s); }

    private void page(HttpExchange ex, Order o) throws IOException {
        if (o == null) {
            errorPage(ex, "Không tìm thấy đơn hàng", "No such order");
            return;
        }
        String name = switch (o.provider) { case "vnpay" -> "VNPay (sandbox)"; case "momo" -> "Ví MoMo (sandbox)"; default -> "Nền tảng thanh toán (sandbox)"; };
        String info = o.fields.getOrDefault("vnp_OrderInfo", o.fields.getOrDefault("orderInfo", o.fields.getOrDefault("dossier_code", "")));
        String amount = String.format(java.util.Locale.ROOT, "%,d", o.amountVnd).replace(',', '.');
        String done = o.status.equals("PENDING") ? "" : "<p class=\"warn\">Đơn hàng đã được xử lý: " + esc(o.status) + ".</p>";
        String html = """
                <!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s — thanh toán thử nghiệm</title>
                <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
                .box{border:2px solid #0b4ea2;border-radius:6px;padding:1rem}.amount{font-size:1.6rem;font-weight:700}
                button{font-size:1rem;padding:.6rem 1rem;margin:.3rem .3rem 0 0;cursor:pointer}.pay{background:#00703c;color:#fff;border:0}
                .warn{color:#a00}small{color:#555}</style></head><body>
                <p><small>MÔI TRƯỜNG THỬ NGHIỆM — không có tiền thật được chuyển / SANDBOX — no real money moves</small></p>
                <div class="box"><h1>%s</h1>
                <p>Đơn hàng / Order: <strong id="order">%s</strong></p><p>%s</p>
                <p class="amount" id="amount">%s ₫</p>%s
                <form method="post" action="/sandbox/decide">
                <input type="hidden" name="key" value="%s">
                <p><label><input type="checkbox" name="chaos" value="1"> Mạng không ổn định: gửi trùng, đảo thứ tự / unreliable network: duplicates, out of order</label></p>
                <button class="pay" name="choice" value="pay" id="pay">Thanh toán / Pay</button>
                <button name="choice" value="cancel" id="cancel">Hủy / Cancel</button>
                <button name="choice" value="decline" id="decline">Thẻ bị từ chối / Card declined</button>
                </form></div></body></html>
                """.formatted(esc(name), esc(name), esc(o.reference), esc(info), esc(amount), done, esc(o.provider + ":" + o.reference));
        ex.getResponseHeaders().add("Cache-Control", "no-store");
        LocalRunner.send(ex, 200, "text/html; charset=utf-8", html);
    }

    private void errorPage(HttpExchange ex, String vi, String en) throws IOException {
        LocalRunner.send(ex, 400, "text/html; charset=utf-8", "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Lỗi</title><h1>"
                + esc(vi) + "</h1><p>" + esc(en) + "</p></html>");
    }

    private void decide(HttpExchange ex, Map<String, String> f) throws IOException {
        Order o = orders.get(f.getOrDefault("key", ""));
        if (o == null) {
            errorPage(ex, "Không tìm thấy đơn hàng", "No such order");
            return;
        }
        String choice = f.getOrDefault("choice", "cancel");
        boolean chaos = "1".equals(f.get("chaos"));
        synchronized (o) {
            if (!o.status.equals("PENDING")) {
                errorPage(ex, "Đơn hàng đã được xử lý", "The order was already handled");
                return;
            }
            o.transaction = Long.toString(transactions.incrementAndGet());
            o.payDate = STAMP.format(Instant.now());
            o.status = switch (choice) { case "pay" -> "PAID"; case "decline" -> "DECLINED"; default -> "CANCELLED"; };
        }
        String returnTo;
        switch (o.provider) {
            case "vnpay" -> {
                Map<String, String> r = switch (o.status) {
                    case "PAID" -> vnpayResult(o, "00", "00");
                    case "DECLINED" -> vnpayResult(o, "51", "02");
                    default -> vnpayResult(o, "24", "02");
                };
                String ipn = str(settings("vnpay"), "ipnUrl") + "?" + query(r);
                deliver(o, "GET", ipn, null, chaos, () -> str(settings("vnpay"), "ipnUrl") + "?" + query(vnpayResult(o, "24", "02")));
                returnTo = o.fields.get("vnp_ReturnUrl") + (o.fields.get("vnp_ReturnUrl").contains("?") ? "&" : "?") + query(r);
            }
            case "momo" -> {
                Map<String, Object> r = switch (o.status) {
                    case "PAID" -> momoResult(o, 0, "Thành công.");
                    case "DECLINED" -> momoResult(o, 1001, "Giao dịch thất bại do tài khoản người dùng không đủ tiền.");
                    default -> momoResult(o, 1006, "Giao dịch thất bại do người dùng đã từ chối xác nhận thanh toán.");
                };
                deliver(o, "POST", o.fields.get("ipnUrl"), Json.write(r), chaos,
                        () -> Json.write(momoResult(o, 1006, "Giao dịch thất bại do người dùng đã từ chối xác nhận thanh toán.")));
                Map<String, String> back = new LinkedHashMap<>();
                r.forEach((k, v) -> back.put(k, str(r, k)));
                returnTo = o.fields.get("redirectUrl") + (o.fields.get("redirectUrl").contains("?") ? "&" : "?") + query(back);
            }
            default -> {
                Map<String, Object> r = paygovResult(o, o.status.equals("PAID") ? "00" : "02", "notify");
                deliver(o, "POST", str(settings("paygov"), "callbackUrl"), Json.write(r), chaos, () -> Json.write(paygovResult(o, "02", "notify")));
                Map<String, String> back = new LinkedHashMap<>();
                r.forEach((k, v) -> back.put(k, str(r, k)));
                returnTo = o.fields.get("return_url") + (o.fields.get("return_url").contains("?") ? "&" : "?") + query(back);
            }
        }
        ex.getResponseHeaders().add("Location", returnTo);
        Exchanges.sendHeaders(ex, 303, -1);
        ex.close();
    }

    /**
     * Sends the callback until the merchant acknowledges it (VNPay: RspCode 00 or 02; MoMo: 204; PayGov: code 00 or
     * 02), after 0, 1, 2, 4, 8 s. With {@code chaos}: two more copies at once, and after a success a late, signed
     * failure ({@code lateFailure} builds it: for VNPay the address, else the body).
     */
    private void deliver(Order o, String method, String url, String body, boolean chaos, java.util.function.Supplier<String> lateFailure) {
        Runnable once = () -> attempt(o, method, url, body, 0);
        deliveries.schedule(once, 200, TimeUnit.MILLISECONDS);
        if (chaos) {
            deliveries.schedule(() -> send(o, method, url, body, "duplicate"), 200, TimeUnit.MILLISECONDS);
            deliveries.schedule(() -> send(o, method, url, body, "duplicate"), 210, TimeUnit.MILLISECONDS);
            if (o.status.equals("PAID")) {
                String late = lateFailure.get();
                deliveries.schedule(() -> {
                    if (method.equals("GET")) send(o, method, late, null, "late-failure");
                    else send(o, method, url, late, "late-failure");
                }, 1500, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void attempt(Order o, String method, String url, String body, int n) {
        boolean acknowledged = send(o, method, url, body, "attempt " + (n + 1));
        if (!acknowledged && n < RETRY_SECONDS.length) {
            deliveries.schedule(() -> attempt(o, method, url, body, n + 1), RETRY_SECONDS[n], TimeUnit.SECONDS);
        }
    }

    private boolean send(Order o, String method, String url, String body, String what) {
        int status = -1;
        String answer = "";
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15));
            if (method.equals("POST")) b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            else b.GET();
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            status = r.statusCode();
            answer = r.body() == null ? "" : r.body();
        } catch (IOException e) {
            answer = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        boolean ack = switch (o.provider) {
            case "vnpay" -> status == 200 && (answer.contains("\"00\"") || answer.contains("\"02\""));
            case "momo" -> status == 204;
            default -> status == 200 && (answer.contains("\"code\":\"00\"") || answer.contains("\"code\":\"02\""));
        };
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", Instant.now().toString());
        entry.put("provider", o.provider);
        entry.put("reference", o.reference);
        entry.put("delivery", what);
        entry.put("status", status);
        entry.put("answer", answer.length() > 200 ? answer.substring(0, 200) : answer);
        entry.put("acknowledged", ack);
        log.add(entry);
        return ack;
    }

    private void record(String provider, String reference, String what, String code) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", Instant.now().toString());
        entry.put("provider", provider);
        entry.put("reference", reference);
        entry.put("delivery", what);
        entry.put("answer", code);
        log.add(entry);
    }

    // ------------------------------------------------------------------ helpers

    static String str(Map<String, ?> m, String k) {
        Object v = m.get(k);
        if (v == null) return "";
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return Long.toString(n.longValue());
        return String.valueOf(v);
    }

    static String query(Map<String, String> m) {
        List<String> parts = new ArrayList<>();
        // UTF-8: MoMo's message has Vietnamese letters (VNPay's fields are ASCII, the same either way)
        m.forEach((k, v) -> parts.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }

    static Map<String, String> form(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return m;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                m.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // a malformed escape: the field is left out
            }
        }
        return m;
    }
}
