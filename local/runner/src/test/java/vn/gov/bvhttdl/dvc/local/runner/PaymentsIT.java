package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Level 4 payment on the whole offline stack: the citizen-API's payment request signed by the real adapters, the
 * runner's provider sandboxes (their own signing code) deliver the signed callbacks with retries, duplicates and a
 * late failure to the payment-callback function, the ledger in dynoxide credits once, the reconciliation function on
 * its schedule refunds a refused dossier through the sandbox's refund API; the e-receipt is a signed PDF whose QR
 * address verifies.
 */
class PaymentsIT {
    static LocalRunner runner;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start(new LocalRunner.Options(0, null, 0));
    }

    @AfterAll
    static void stop() { runner.close(); }

    static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return LocalRunnerIT.call(runner.baseUrl(), method, path, token, body);
    }

    static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : runner.baseUrl() + url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A DL-002 dossier (its online payment is enabled) submitted with its three files; waits until it awaits payment. */
    @SuppressWarnings("unchecked")
    static String awaitingPayment(String token) throws Exception {
        HttpResponse<String> created = call("POST", "/api/dossiers", token, "{\"procedureCode\":\"BVHTTDL-DL-002\",\"applicant\":{\"phone\":\"0912000222\"},"
                + "\"form\":{\"licenceNumber\":\"01-456/2020/TCDL-GP\",\"reason\":\"registration-change\"}}");
        assertEquals(201, created.statusCode(), created.body());
        String id = (String) LocalRunnerIT.json(created).get("id");
        for (String component : List.of("DON", "GPCU", "THAYDOI")) {
            byte[] bytes = LocalRunnerIT.pdf(component);
            HttpResponse<String> r = call("POST", "/api/dossiers/" + id + "/attachments", token,
                    "{\"componentCode\":\"" + component + "\",\"fileName\":\"" + component.toLowerCase() + ".pdf\",\"size\":" + bytes.length + "}");
            assertEquals(201, r.statusCode(), r.body());
            Map<String, Object> up = LocalRunnerIT.json(r);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create((String) up.get("uploadUrl")));
            ((Map<String, String>) up.get("headers")).forEach(b::header);
            assertEquals(200, http.send(b.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        runner.flushS3Notifications();
        HttpResponse<String> submitted = call("POST", "/api/dossiers/" + id + "/submit", token, null);
        assertEquals(202, submitted.statusCode(), submitted.body());
        awaitStatus(id, token, "AWAITING_PAYMENT");
        return id;
    }

    static Map<String, Object> awaitStatus(String id, String token, String status) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        Map<String, Object> d;
        do {
            d = LocalRunnerIT.json(call("GET", "/api/dossiers/" + id, token, null));
            if (status.equals(d.get("status"))) return d;
            Thread.sleep(150);
        } while (System.currentTimeMillis() < deadline);
        fail("dossier " + id + " stayed " + d.get("status") + ", expected " + status);
        return d;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> payment(String id, String token, String ref) throws Exception {
        List<Map<String, Object>> ps = (List<Map<String, Object>>) LocalRunnerIT.json(call("GET", "/api/dossiers/" + id + "/payments", token, null)).get("payments");
        return ps.stream().filter(p -> ref.equals(p.get("reference"))).findFirst().orElseThrow();
    }

    static Map<String, Object> awaitPayment(String id, String token, String ref, String status) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        Map<String, Object> p;
        do {
            p = payment(id, token, ref);
            if (status.equals(p.get("status"))) return p;
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        fail("payment " + ref + " stayed " + p.get("status") + ", expected " + status);
        return p;
    }

    /** The citizen on the sandbox's page presses a button; answers where the browser is sent. */
    static String decide(String redirectUrl, String provider, String ref, String choice, boolean chaos) throws Exception {
        HttpResponse<String> page = get(redirectUrl);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains(ref), "the sandbox's page shows the order");
        String form = "key=" + URLEncoder.encode(provider + ":" + ref, StandardCharsets.UTF_8) + "&choice=" + choice + (chaos ? "&chaos=1" : "");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/sandbox/decide"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, r.statusCode(), r.body());
        String back = r.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> ret = get(back);
        assertEquals(303, ret.statusCode(), "the return address only sends the citizen on: " + ret.body());
        return ret.headers().firstValue("Location").orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCitizenPaysThroughVnPayOnAnUnreliableNetworkIsCreditedOnceAPaymentTwiceIsRefundedARefusalKeepsTheFee() throws Exception {
        String token = runner.devToken("Ngô Thị Thu", "001088000777", "thu@example.vn", "citizens");
        String id = awaitingPayment(token);
        Map<String, Object> summary = LocalRunnerIT.json(call("GET", "/api/dossiers/" + id + "/payments", token, null));
        assertEquals(Boolean.TRUE, summary.get("due"));
        long total = ((Number) summary.get("totalVnd")).longValue();
        List<Map<String, Object>> lines = (List<Map<String, Object>>) summary.get("lines");
        assertEquals(total, lines.stream().mapToLong(l -> ((Number) l.get("amountVnd")).longValue()).sum());
        assertNotNull(lines.get(0).get("basis"), "each fee line shows its legal basis");

        assertEquals(422, call("POST", "/api/dossiers/" + id + "/payments", token, "{\"provider\":\"bitcoin\"}").statusCode());
        HttpResponse<String> started = call("POST", "/api/dossiers/" + id + "/payments", token, "{\"provider\":\"vnpay\"}");
        assertEquals(201, started.statusCode(), started.body());
        String ref = (String) LocalRunnerIT.json(started).get("reference");
        String redirect = (String) LocalRunnerIT.json(started).get("redirectUrl");
        assertTrue(redirect.contains("vnp_Amount=" + total * 100), redirect);
        // a second tab: another payment request of the same dossier, paid after the first (below)
        HttpResponse<String> startedTwice = call("POST", "/api/dossiers/" + id + "/payments", token, "{\"provider\":\"vnpay\"}");
        assertEquals(201, startedTwice.statusCode(), startedTwice.body());
        String second = (String) LocalRunnerIT.json(startedTwice).get("reference");
        String secondRedirect = (String) LocalRunnerIT.json(startedTwice).get("redirectUrl");

        // forged and malformed IPNs are answered with VNPay's codes and change nothing
        assertEquals("97", Json.obj(Json.parse(get("/api/payments/vnpay/ipn?vnp_TxnRef=" + ref + "&vnp_Amount=" + total * 100
                + "&vnp_ResponseCode=00&vnp_TransactionStatus=00&vnp_SecureHash=abc").body())).get("RspCode"));
        assertEquals("97", Json.obj(Json.parse(get("/api/payments/vnpay/ipn").body())).get("RspCode"));
        assertEquals("AWAITING_PAYMENT", LocalRunnerIT.json(call("GET", "/api/dossiers/" + id, token, null)).get("status"));

        String landing = decide(redirect, "vnpay", ref, "pay", true);
        assertTrue(landing.endsWith("/#/dossier/" + id + "?payment=" + ref + "&outcome=success"), landing);
        awaitStatus(id, token, "RECEIVED");
        Map<String, Object> paid = awaitPayment(id, token, ref, "PAID");
        assertTrue(Boolean.TRUE.equals(paid.get("receipt")) || Boolean.TRUE.equals(paid.get("receiptIssuing")), paid.toString());
        // the e-receipt is offered once it is signed (the payment's function signs it as it credits)
        long issuing = System.currentTimeMillis() + 15_000;
        while (!Boolean.TRUE.equals(paid.get("receipt")) && System.currentTimeMillis() < issuing) {
            Thread.sleep(200);
            paid = payment(id, token, ref);
        }
        assertEquals(Boolean.TRUE, paid.get("receipt"), paid.toString());
        assertEquals(Boolean.FALSE, paid.get("receiptIssuing"));
        // numbered with the credit (Decree 254/2026 Art 23(2)): form symbol, receipt symbol (year, T, the collector's
        // letters: Circular 91/2026 Annex II), 8-digit number, the collector's tax code, the total in words
        Map<String, Object> eReceipt = Json.obj(paid.get("eReceipt"));
        assertEquals("EBL01", eReceipt.get("formSymbol"), eReceipt.toString());
        assertTrue(String.valueOf(eReceipt.get("receiptSymbol")).matches("\\d\\dTDL"), eReceipt.toString());
        assertTrue(String.valueOf(eReceipt.get("number")).matches("\\d{8}") && !"00000000".equals(eReceipt.get("number")), eReceipt.toString());
        assertEquals(vn.gov.bvhttdl.dvc.domain.AmountInWords.vnd(((Number) paid.get("amountVnd")).longValue()), eReceipt.get("totalInWords"));
        String designation = eReceipt.get("formSymbol") + "-" + eReceipt.get("receiptSymbol") + "-" + eReceipt.get("number");
        // every delivery of the sandbox was answered: the first 00, the duplicates and the late failure 02
        long deadline = System.currentTimeMillis() + 10_000;
        List<Map<String, Object>> log;
        do {
            log = ((List<Object>) Json.parse(get("/sandbox/log.json").body())).stream().map(Json::obj)
                    .filter(e -> ref.equals(e.get("reference"))).toList();
            Thread.sleep(200);
        } while (log.stream().noneMatch(e -> "late-failure".equals(e.get("delivery"))) && System.currentTimeMillis() < deadline);
        assertTrue(log.size() >= 4, log.toString());
        assertTrue(log.stream().allMatch(e -> Boolean.TRUE.equals(e.get("acknowledged"))), log.toString());
        assertEquals(1, log.stream().filter(e -> String.valueOf(e.get("answer")).contains("\"00\"")).count(), "confirmed once: " + log);
        List<Map<String, Object>> history = (List<Map<String, Object>>) LocalRunnerIT.json(call("GET", "/api/dossiers/" + id, token, null)).get("history");
        assertEquals(1, history.stream().filter(h -> "confirm-payment".equals(h.get("action"))).count());

        // the e-receipt: a signed PDF, its QR address a verification page
        HttpResponse<byte[]> receipt = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build().send(
                HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/api/dossiers/" + id + "/payments/" + ref + "/receipt"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, receipt.statusCode());
        try (var doc = org.apache.pdfbox.Loader.loadPDF(receipt.body())) {
            assertEquals(1, doc.getSignatureDictionaries().size(), "signed");
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("BIÊN LAI THU PHÍ, LỆ PHÍ"), text);
            assertTrue(text.contains(ref));
            for (String says : List.of("Ký hiệu mẫu biên lai: EBL01", "Ký hiệu biên lai: " + eReceipt.get("receiptSymbol"), "Số: " + eReceipt.get("number"),
                    String.valueOf(eReceipt.get("taxCode")), String.valueOf(eReceipt.get("totalInWords")))) {
                assertTrue(text.replaceAll("\\s+", " ").contains(says), says + " in " + text);
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("/verify/([a-z0-9]{26})").matcher(text.replaceAll("\\s+", ""));
            assertTrue(m.find(), text);
            HttpResponse<String> verify = get("/verify/" + m.group(1));
            assertEquals(200, verify.statusCode());
            assertTrue(verify.body().contains(designation), "the verification page names the receipt by its symbols and number");
            // issue #26: PAdES B-LT — timestamped by the runner's TSA sandbox, the validation data embedded; the page's check accepts it
            assertNotNull(doc.getDocumentCatalog().getCOSObject().getDictionaryObject(org.apache.pdfbox.cos.COSName.getPDFName("DSS")), "the validation data");
            assertTrue(runner.timestamps() > 0, "timestamped by /sandbox/tsa");
            HttpResponse<String> checked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/verify/" + m.group(1)))
                    .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(receipt.body())).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, checked.statusCode(), checked.body());
            assertEquals(Boolean.TRUE, LocalRunnerIT.json(checked).get("genuine"), checked.body());
        }

        // the second tab opened before paying: its payment arrives after the dossier was paid, so it is refunded
        // whole whatever the procedure's rule; reconciliation asks the sandbox for the refund and follows it to the end
        String landing2 = decide(secondRedirect, "vnpay", second, "pay", false);
        assertTrue(landing2.contains("payment=" + second), landing2);
        awaitPayment(id, token, second, "REFUND_DUE");
        for (int i = 0; i < 5 && !"REFUNDED".equals(payment(id, token, second).get("status")); i++) {
            runner.fireSchedule("PaymentReconcileFunction");
            Thread.sleep(1100);
        }
        Map<String, Object> refunded = payment(id, token, second);
        assertEquals("REFUNDED", refunded.get("status"), refunded.toString());
        assertEquals("DONE", refunded.get("refundStatus"));
        runner.fireSchedule("PaymentReconcileFunction");
        List<Map<String, Object>> refunds = ((List<Object>) Json.parse(get("/sandbox/log.json").body())).stream().map(Json::obj)
                .filter(e -> second.equals(e.get("reference")) && "refund".equals(e.get("delivery"))).toList();
        assertEquals(2, refunds.size(), "asked, then found done; nothing after: " + refunds);

        // refused after payment: DL-002's rule (rules/payments.json) keeps the appraisal fee; nothing is asked back
        String official = runner.devToken("Cán bộ Một cửa", "001080000901", "motcua@example.vn", "officials", "CDLQG");
        HttpResponse<String> refused = call("POST", "/api/official/dossiers/" + id + "/refuse", official, "{\"reason\":\"Giấy phép cũ đã bị thu hồi\"}");
        assertEquals(200, refused.statusCode(), refused.body());
        runner.fireSchedule("PaymentReconcileFunction");
        Thread.sleep(1100);
        runner.fireSchedule("PaymentReconcileFunction");
        assertEquals("PAID", payment(id, token, ref).get("status"));
        assertTrue(((List<Object>) Json.parse(get("/sandbox/log.json").body())).stream().map(Json::obj)
                .noneMatch(e -> ref.equals(e.get("reference")) && "refund".equals(e.get("delivery"))), "no refund asked for the kept fee");
    }

    @Test
    void aCitizenPaysThroughMoMoAndACancelledPaymentIsNotCredited() throws Exception {
        String token = runner.devToken("Vũ Minh Khoa", "001088000778", "khoa@example.vn", "citizens");
        String id = awaitingPayment(token);
        String first = (String) LocalRunnerIT.json(call("POST", "/api/dossiers/" + id + "/payments", token, "{\"provider\":\"momo\"}")).get("reference");
        String redirect1 = (String) LocalRunnerIT.json(call("GET", "/api/dossiers/" + id + "/payments", token, null)).get("due").toString();
        assertEquals("true", redirect1);
        HttpResponse<String> again = call("POST", "/api/dossiers/" + id + "/payments", token, "{\"provider\":\"momo\"}");
        assertEquals(201, again.statusCode(), again.body());
        String second = (String) LocalRunnerIT.json(again).get("reference");
        assertNotEquals(first, second);
        String landing = decide((String) LocalRunnerIT.json(again).get("redirectUrl"), "momo", second, "cancel", false);
        assertTrue(landing.contains("outcome=failed"), landing);
        awaitPayment(id, token, second, "FAILED");
        assertEquals("AWAITING_PAYMENT", LocalRunnerIT.json(call("GET", "/api/dossiers/" + id, token, null)).get("status"));

        HttpResponse<String> third = call("POST", "/api/dossiers/" + id + "/payments", token, "{\"provider\":\"momo\"}");
        String ref = (String) LocalRunnerIT.json(third).get("reference");
        decide((String) LocalRunnerIT.json(third).get("redirectUrl"), "momo", ref, "pay", false);
        awaitStatus(id, token, "RECEIVED");
        awaitPayment(id, token, ref, "PAID");
        // a forged MoMo IPN is refused with 400 and MoMo's code, never a 5xx
        HttpResponse<String> forged = call("POST", "/api/payments/momo/ipn", null, "{\"orderId\":\"" + ref + "\",\"amount\":1,\"resultCode\":0,\"signature\":\"00\"}");
        assertEquals(400, forged.statusCode(), forged.body());
        HttpResponse<String> garbage = call("POST", "/api/payments/momo/ipn", null, "{not json");
        assertEquals(400, garbage.statusCode(), garbage.body());
    }

    static String hmac256(String secret, String data) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theNationalPlatformLooksUpTheBillByDossierCodeAndItsCallbackCredits() throws Exception {
        String token = runner.devToken("Lý Thị Hằng", "001088000779", "hang@example.vn", "citizens");
        String id = awaitingPayment(token);
        String code = (String) LocalRunnerIT.json(call("GET", "/api/dossiers/" + id, token, null)).get("code");
        HttpResponse<String> started = call("POST", "/api/dossiers/" + id + "/payments", token, "{\"provider\":\"paygov\"}");
        assertEquals(201, started.statusCode(), started.body());
        String ref = (String) LocalRunnerIT.json(started).get("reference");

        Map<String, Object> sandbox = Json.obj(Json.obj(Json.parse(java.nio.file.Files.readString(
                vn.gov.bvhttdl.dvc.local.emulators.Emulators.repoRoot().resolve("local/sandbox/payments.json")))).get("paygov"));
        String client = (String) sandbox.get("clientId"), secret = (String) sandbox.get("secret");
        String q = "client_id=" + URLEncoder.encode(client, StandardCharsets.UTF_8) + "&dossier_code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
        Map<String, Object> bills = Json.obj(Json.parse(get("/api/payments/paygov/bill?" + q + "&checksum=" + hmac256(secret, client + "|" + code)).body()));
        assertEquals("00", bills.get("code"), bills.toString());
        List<Object> list = (List<Object>) bills.get("bills");
        assertEquals(ref, Json.obj(list.get(0)).get("bill_code"));
        assertEquals(hmac256(secret, client + "|" + code + "|" + list.size()), bills.get("checksum"), "the answer is signed");
        assertEquals("97", Json.obj(Json.parse(get("/api/payments/paygov/bill?" + q + "&checksum=00").body())).get("code"));
        String unknown = "client_id=" + URLEncoder.encode(client, StandardCharsets.UTF_8) + "&dossier_code=000.00.12.G17-990101-0001";
        assertEquals("01", Json.obj(Json.parse(get("/api/payments/paygov/bill?" + unknown + "&checksum="
                + hmac256(secret, client + "|000.00.12.G17-990101-0001")).body())).get("code"));

        String landing = decide((String) LocalRunnerIT.json(started).get("redirectUrl"), "paygov", ref, "pay", false);
        assertTrue(landing.contains("outcome=success"), landing);
        awaitStatus(id, token, "RECEIVED");
        awaitPayment(id, token, ref, "PAID");
        assertEquals("01", Json.obj(Json.parse(get("/api/payments/paygov/bill?" + q + "&checksum=" + hmac256(secret, client + "|" + code)).body())).get("code"),
                "paid: no open bill any more");
    }
}
