package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The whole offline stack through HTTP, as the browser and AWS would drive it: the runner's API Gateway, JWT
 * authorizer, SQS event source and S3 notifications around the real function jars and the real protocol servers.
 */
class LocalRunnerIT {
    static LocalRunner runner;
    static final HttpClient http = HttpClient.newHttpClient();
    static SqsClient sqs;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start(new LocalRunner.Options(0, null, 0));
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY));
        sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(creds).region(Region.of(Emulators.REGION))
                .endpointOverride(URI.create(runner.emulators().sqsEndpoint())).build();
        s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(creds).region(Region.of(Emulators.REGION))
                .endpointOverride(URI.create(runner.emulators().s3Endpoint())).forcePathStyle(true).build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        s3.close();
        runner.close();
    }

    static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return call(runner.baseUrl(), method, path, token, body);
    }

    /** A request to the runner at {@code base}, as the browser makes it (JSON, bearer token). */
    static HttpResponse<String> call(String base, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) b.header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> r) {
        return (Map<String, Object>) Json.parse(r.body());
    }

    static Map<String, Object> awaitStatus(String id, String token, String status) throws Exception {
        return awaitStatus(runner.baseUrl(), id, token, status, 20);
    }

    /**
     * A level-4 dossier with a fee waits for it at reception (rules/payments.json): the applicant pays it on the VNPay
     * sandbox's page and the dossier is back at the desk; answers the received dossier.
     */
    static Map<String, Object> paidAtReception(String base, String id, String token) throws Exception {
        awaitStatus(base, id, token, "AWAITING_PAYMENT", 30);
        HttpResponse<String> started = call(base, "POST", "/api/dossiers/" + id + "/payments", token, "{\"provider\":\"vnpay\"}");
        assertEquals(201, started.statusCode(), started.body());
        String ref = (String) json(started).get("reference");
        String redirect = (String) json(started).get("redirectUrl");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(redirect.startsWith("http") ? redirect : base + redirect)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        String form = "key=" + java.net.URLEncoder.encode("vnpay:" + ref, java.nio.charset.StandardCharsets.UTF_8) + "&choice=pay";
        HttpResponse<String> paid = http.send(HttpRequest.newBuilder(URI.create(base + "/sandbox/decide"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, paid.statusCode(), paid.body());
        return awaitStatus(base, id, token, "RECEIVED", 30);
    }

    /** Waits up to {@code seconds} until the dossier {@code id} of the stack at {@code base} is in {@code status}. */
    static Map<String, Object> awaitStatus(String base, String id, String token, String status, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        Map<String, Object> d;
        do {
            d = json(call(base, "GET", "/api/dossiers/" + id, token, null));
            if (status.equals(d.get("status"))) return d;
            Thread.sleep(100);
        } while (System.currentTimeMillis() < deadline);
        fail("dossier " + id + " stayed " + d.get("status") + ", expected " + status);
        return d;
    }

    /** A complete e-form of the re-issue BVHTTDL-DL-003 (form 05 of Circular 06/2017/TT-BVHTTDL), as a JSON member. */
    static final String REISSUE_FORM = "\"form\":{\"companyName\":\"Công ty TNHH Lữ hành Sen\",\"licenceNumber\":\"01-123/2019/TCDL-GP LHQT\","
            + "\"licenceIssuedOn\":\"2019-05-02\",\"reason\":\"lost\"}";

    @Test
    void aCitizenSubmitsAndFollowsTheDossierByItsCode() throws Exception {
        String token = runner.devToken("Trịnh Văn Nam", "001088000555", "nam@example.vn", "citizens");
        HttpResponse<String> created = call("POST", "/api/dossiers", token,
                "{\"procedureCode\":\"BVHTTDL-DL-001\",\"applicant\":{\"phone\":\"0912000111\"},\"form\":{\"companyName\":\"Công ty TNHH Lữ hành Nam\",\"scope\":\"inbound,outbound\",\"note\":\"Xin cấp phép\"}}");
        assertEquals(201, created.statusCode(), created.body());
        String id = (String) json(created).get("id");
        for (String component : List.of("DON", "DKDN", "KYQUY", "NGUOIPT")) upload(token, id, component, component.toLowerCase() + ".pdf", pdf(component));
        runner.flushS3Notifications();
        assertEquals(Boolean.TRUE, json(call("GET", "/api/dossiers/" + id + "/checklist", token, null)).get("complete"));
        assertEquals(202, call("POST", "/api/dossiers/" + id + "/submit", token, null).statusCode());

        // DL-001 is level 4 with a fee: received, it waits for its fee, paid online (issue 22)
        Map<String, Object> received = paidAtReception(runner.baseUrl(), id, token);
        String code = (String) received.get("code");
        assertTrue(code.matches("000\\.00\\.12\\.G17-\\d{6}-\\d{4}"), code);
        assertEquals(vn.gov.bvhttdl.dvc.domain.WorkingCalendar.standard()
                .appointment(java.time.Instant.parse((String) received.get("submittedAt")), vn.gov.bvhttdl.dvc.domain.Period.calendarDays(10), List.of()).dueDate().toString(),
                received.get("dueDate"), "the appointment is 10 (calendar) days after the submission (Tourism Law Art 33(2)(b))");
        HttpResponse<String> byCode = call("GET", "/api/dossiers/by-code/" + code, token, null);
        assertEquals(200, byCode.statusCode(), byCode.body());
        assertEquals(id, json(byCode).get("id"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) json(byCode).get("history");
        assertEquals(List.of("create", "submit", "receive", "request-payment", "confirm-payment"), history.stream().map(h -> (String) h.get("action"))
                .filter(a -> !a.startsWith("attachment-")).toList());
        assertEquals(4, history.stream().filter(h -> "attachment-accepted".equals(h.get("action"))).count());

        // the receipt: the API answers with a short-lived link, the browser follows it to the PDF
        HttpResponse<byte[]> receipt = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build().send(
                HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/api/dossiers/" + id + "/receipt"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, receipt.statusCode());
        assertEquals("%PDF-", new String(receipt.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII));

        // the table's stream reaches StatusCountsFunction through the runner's stream source: the counts move
        String official = runner.devToken("Cán bộ Đếm", "001080000321", "dem@example.vn", "officials", "CDLQG");
        long deadline = System.currentTimeMillis() + 15_000;
        long receivedHere = 0;
        while (System.currentTimeMillis() < deadline) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> counts = (Map<String, Map<String, Object>>) (Map<?, ?>) json(call("GET", "/api/official/dossiers/counts", official, null));
            Object n = counts.getOrDefault("CDLQG", Map.of()).get("RECEIVED");
            receivedHere = n == null ? 0 : ((Number) n).longValue();
            if (receivedHere >= 1) break;
            Thread.sleep(200);
        }
        assertTrue(receivedHere >= 1, "the stream consumer did not count the received dossier");
        assertEquals(403, call("GET", "/api/official/dossiers/counts", token, null).statusCode(), "counts are for officials");
        // an official of another agency sees neither the dossier nor the counts of this one
        String elsewhere = runner.devToken("Cán bộ Cục khác", "001080000322", "khac@example.vn", "officials", "CNTBD");
        assertEquals(404, call("GET", "/api/official/dossiers/by-code/" + code, elsewhere, null).statusCode());
        assertFalse(json(call("GET", "/api/official/dossiers/counts", elsewhere, null)).containsKey("CDLQG"));
        assertEquals(404, call("POST", "/api/official/dossiers/" + id + "/request-supplement", elsewhere, "{\"items\":[\"x\"]}").statusCode());
        assertEquals(200, call("GET", "/api/official/dossiers/by-code/" + code, official, null).statusCode());

        // another citizen cannot see it, by id or by code
        String other = runner.devToken("Mai Thị Oanh", "001088000666", "oanh@example.vn", "citizens");
        assertEquals(404, call("GET", "/api/dossiers/" + id, other, null).statusCode());
        assertEquals(404, call("GET", "/api/dossiers/by-code/" + code, other, null).statusCode());
    }

    @Test
    void theAuthorizerRejectsMissingForgedAndForeignTokens() throws Exception {
        assertEquals(401, call("GET", "/api/dossiers", null, null).statusCode());
        String token = runner.devToken("A", "001088000777", "a@example.vn", "citizens");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertEquals(401, call("GET", "/api/dossiers", forged, null).statusCode());
        DevIdentity foreign = new DevIdentity(null, runner.baseUrl() + "/dev");
        assertEquals(401, call("GET", "/api/dossiers", foreign.issue("A", "001088000777", "a@example.vn", "citizens"), null).statusCode());
        assertEquals(200, call("GET", "/api/dossiers", token, null).statusCode());
        // public routes need no token
        assertEquals(200, call("GET", "/api/procedures", null, null).statusCode());
    }

    /** A real one-page PDF with a correct cross-reference table. */
    static byte[] pdf(String text) {
        return pdf(text, 0);
    }

    /** The same, its page content padded with {@code padding} bytes of PDF comment (a large but valid file). */
    static byte[] pdf(String text, int padding) {
        String content = "BT 50 780 Td (" + text + ") Tj ET" + (padding > 0 ? "\n%" + "x".repeat(padding) : "");
        List<String> objs = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
        StringBuilder out = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new java.util.ArrayList<>();
        for (int i = 0; i < objs.size(); i++) {
            offsets.add(out.length());
            out.append(i + 1).append(" 0 obj\n").append(objs.get(i)).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objs.size() + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) out.append(String.format("%010d 00000 n \n", o));
        out.append("trailer\n<< /Size ").append(objs.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return out.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** What the browser does: ask the API for a presigned PUT, then send the bytes straight to S3. */
    @SuppressWarnings("unchecked")
    static String upload(String token, String dossierId, String component, String name, byte[] bytes) throws Exception {
        Map<String, Object> up = authorise(token, dossierId, component, name, bytes.length);
        HttpResponse<String> put = put(up, bytes);
        assertEquals(200, put.statusCode(), put.body());
        return (String) ((Map<String, Object>) up.get("attachment")).get("key");
    }

    /** {@link #upload} on the stack at {@code base}, followed by the upload's S3 notification. */
    @SuppressWarnings("unchecked")
    static String upload(String base, LocalRunner stack, String token, String dossierId, String component, String name, byte[] bytes) throws Exception {
        HttpResponse<String> r = call(base, "POST", "/api/dossiers/" + dossierId + "/attachments", token,
                "{\"componentCode\":\"" + component + "\",\"fileName\":\"" + name + "\",\"size\":" + bytes.length + "}");
        assertEquals(201, r.statusCode(), r.body());
        Map<String, Object> up = json(r);
        HttpResponse<String> put = put(up, bytes);
        assertEquals(200, put.statusCode(), put.body());
        stack.flushS3Notifications();
        return (String) ((Map<String, Object>) up.get("attachment")).get("key");
    }

    static Map<String, Object> authorise(String token, String dossierId, String component, String name, long size) throws Exception {
        HttpResponse<String> r = call("POST", "/api/dossiers/" + dossierId + "/attachments", token,
                "{\"componentCode\":\"" + component + "\",\"fileName\":\"" + name + "\",\"size\":" + size + "}");
        assertEquals(201, r.statusCode(), r.body());
        return json(r);
    }

    /** The PUT the browser makes with the link and every header the API said to send. */
    @SuppressWarnings("unchecked")
    static HttpResponse<String> put(Map<String, Object> up, byte[] bytes) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create((String) up.get("uploadUrl"))).timeout(Duration.ofSeconds(60));
        ((Map<String, String>) up.get("headers")).forEach(b::header);
        return http.send(b.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> attachment(String token, String dossierId, String key) throws Exception {
        List<Map<String, Object>> files = (List<Map<String, Object>>) json(call("GET", "/api/dossiers/" + dossierId, token, null)).get("attachments");
        return files.stream().filter(f -> key.equals(f.get("key"))).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPresignedLinkWritesOnceAndNeverReplacesAnAcceptedFile() throws Exception {
        String token = runner.devToken("Đỗ Văn Quý", "001088000901", "quy@example.vn", "citizens");
        String id = (String) json(call("POST", "/api/dossiers", token, "{\"procedureCode\":\"BVHTTDL-DL-003\"}")).get("id");
        byte[] good = pdf("Thong bao", 2000);
        Map<String, Object> up = authorise(token, id, "DON", "thong-bao.pdf", good.length);
        String key = (String) ((Map<String, Object>) up.get("attachment")).get("key");
        assertEquals(200, put(up, good).statusCode());
        runner.flushS3Notifications();
        Map<String, Object> accepted = attachment(token, id, key);
        assertEquals("ACCEPTED", accepted.get("status"));
        // the same link again, with an executable of the same size and type
        byte[] exe = java.util.Arrays.copyOf(new byte[]{'M', 'Z'}, good.length);
        HttpResponse<String> again = put(up, exe);
        assertEquals(412, again.statusCode(), "S3 refuses a second write through the link (If-None-Match: *): " + again.body());
        // and if bytes did land on the key (an older link without the condition), they are judged on their own
        String uploads = runner.resources().of("UploadsBucket");
        s3.putObject(b -> b.bucket(uploads).key(key), RequestBody.fromBytes(exe));
        runner.flushS3Notifications();
        Map<String, Object> after = attachment(token, id, key);
        assertEquals("ACCEPTED", after.get("status"));
        assertEquals(accepted.get("sha256"), after.get("sha256"));
        byte[] now = s3.getObjectAsBytes(b -> b.bucket(uploads).key(key)).asByteArray();
        assertArrayEquals(good, now, "the accepted version is the current one again; the overwrite is in quarantine");
        List<Map<String, Object>> history = (List<Map<String, Object>>) json(call("GET", "/api/dossiers/" + id, token, null)).get("history");
        assertTrue(history.stream().anyMatch(h -> "attachment-overwrite-refused".equals(h.get("action"))), history.toString());
        assertFalse(s3.listObjectVersions(b -> b.bucket(runner.resources().of("QuarantineBucket")).prefix(key)).versions().isEmpty());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLinkThatOutlivesTheEditableDossierAddsNothingAndAnUnsentUploadCanBeCancelled() throws Exception {
        String token = runner.devToken("Hà Thị Mơ", "001088000902", "mo@example.vn", "citizens");
        String id = (String) json(call("POST", "/api/dossiers", token, "{\"procedureCode\":\"BVHTTDL-DL-003\"}")).get("id");
        // authorised, never sent: the checklist waits for it, and the citizen cancels it
        Map<String, Object> lost = authorise(token, id, "DON", "mat.pdf", 100);
        String lostId = (String) ((Map<String, Object>) lost.get("attachment")).get("id");
        assertEquals("PENDING", firstState(token, id));
        assertEquals(200, call("DELETE", "/api/dossiers/" + id + "/attachments/" + lostId, token, null).statusCode());
        assertEquals("MISSING", firstState(token, id));
        // a link taken before withdrawal and used after it
        byte[] file = pdf("Muon");
        Map<String, Object> up = authorise(token, id, "DON", "muon.pdf", file.length);
        String key = (String) ((Map<String, Object>) up.get("attachment")).get("key");
        assertEquals(200, call("POST", "/api/dossiers/" + id + "/withdraw", token, "{\"reason\":\"Nộp nhầm\"}").statusCode());
        assertEquals(200, put(up, file).statusCode());
        runner.flushS3Notifications();
        Map<String, Object> a = attachment(token, id, key);
        assertEquals("REJECTED", a.get("status"));
        assertTrue(String.valueOf(a.get("reason")).contains("WITHDRAWN"), String.valueOf(a.get("reason")));
        assertNotNull(s3.headObject(b -> b.bucket(runner.resources().of("QuarantineBucket")).key(key)));
    }

    @SuppressWarnings("unchecked")
    static String firstState(String token, String id) throws Exception {
        List<Map<String, Object>> items = (List<Map<String, Object>>) json(call("GET", "/api/dossiers/" + id + "/checklist", token, null)).get("items");
        return (String) items.stream().filter(i -> "DON".equals(i.get("componentCode"))).findFirst().orElseThrow().get("state");
    }

    @Test
    void filesUpToTheLargestAllowedSizeArriveWhole() throws Exception {
        String token = runner.devToken("Lê Văn Tám", "001088000903", "tam@example.vn", "citizens");
        String id = (String) json(call("POST", "/api/dossiers", token, "{\"procedureCode\":\"BVHTTDL-DL-003\"}")).get("id");
        List<String> keys = new java.util.ArrayList<>();
        for (int mb : new int[]{2, 8, 10}) {
            byte[] big = pdf("Lon " + mb, mb * 1024 * 1024 - 2048);
            assertTrue(big.length <= 10 * 1024 * 1024, "within the component's 10 MB");
            keys.add(upload(token, id, "DON", "lon-" + mb + ".pdf", big));
        }
        runner.flushS3Notifications();
        for (String key : keys) assertEquals("ACCEPTED", attachment(token, id, key).get("status"), key);
    }

    @Test
    @SuppressWarnings("unchecked")
    void uploadsAreScannedThroughTheS3NotificationAndNothingIsLost() throws Exception {
        String token = runner.devToken("Lý Văn Phúc", "001088000888", "phuc@example.vn", "citizens");
        String id = (String) json(call("POST", "/api/dossiers", token, "{\"procedureCode\":\"BVHTTDL-DL-003\"}")).get("id");
        upload(token, id, "DON", "thông báo biểu diễn.pdf", pdf("Thong bao"));
        String bad = upload(token, id, "DON", "kich-ban.pdf", new byte[]{0x7F, 'E', 'L', 'F', 2, 1, 1, 0});
        runner.flushS3Notifications();
        List<Map<String, Object>> files = (List<Map<String, Object>>) json(call("GET", "/api/dossiers/" + id, token, null)).get("attachments");
        assertEquals(List.of("ACCEPTED", "REJECTED"), files.stream().map(f -> f.get("status")).toList());
        assertEquals("thông báo biểu diễn.pdf", files.get(0).get("fileName"));
        assertEquals(1, ((Number) files.get(0).get("pages")).intValue());
        assertNotNull(s3.headObject(b -> b.bucket(runner.resources().of("QuarantineBucket")).key(bad)), "the rejected file is kept in quarantine");

        // an object nobody authorised is quarantined; one that vanishes before the scan fails, is retried, and lands in the DLQ
        String stray = "dossiers/" + id + "/DON/" + java.util.UUID.randomUUID();
        s3.putObject(b -> b.bucket(runner.resources().of("UploadsBucket")).key(stray), RequestBody.fromString("x"));
        runner.flushS3Notifications();
        assertNotNull(s3.headObject(b -> b.bucket(runner.resources().of("QuarantineBucket")).key(stray)));
        // authorised, announced by S3, but gone when the scan reads it
        HttpResponse<String> auth = call("POST", "/api/dossiers/" + id + "/attachments", token,
                "{\"componentCode\":\"DON\",\"fileName\":\"mat.pdf\",\"size\":10}");
        String vanished = (String) ((Map<String, Object>) json(auth).get("attachment")).get("key");
        runner.notifyS3(runner.resources().of("UploadsBucket"), vanished, 10);
        List<Message> dead = sqs.receiveMessage(b -> b.queueUrl(runner.resources().of("UploadScanDLQ")).waitTimeSeconds(5)).messages();
        assertEquals(1, dead.size());
        assertTrue(dead.get(0).body().contains(vanished.substring(vanished.lastIndexOf('/') + 1)), dead.get(0).body());
    }

    @Test
    void aMessageTheValidatorCannotProcessEndsInTheDlqWithoutRetries() throws Exception {
        String queue = runner.resources().of("SubmissionQueue");
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("{\"dossierId\":\"00000000-0000-0000-0000-000000000000\"}"));
        List<Message> dead = List.of();
        long deadline = System.currentTimeMillis() + 30_000;
        while (dead.isEmpty() && System.currentTimeMillis() < deadline) {
            dead = sqs.receiveMessage(b -> b.queueUrl(runner.resources().of("SubmissionDLQ")).waitTimeSeconds(1).messageAttributeNames("All")).messages();
        }
        assertEquals(1, dead.size(), "the poison message must reach the DLQ, not vanish");
        assertTrue(dead.get(0).body().contains("00000000-0000-0000-0000-000000000000"));
        assertTrue(dead.get(0).messageAttributes().get("ErrorMessage").stringValue().contains("dossier-not-found"),
                "sent by the function with its reason at the first receive, not moved by the redrive after five");
    }

    @Test
    void servesTheWebSiteAndTheOpenApiDocumentButNothingOutsideWeb() throws Exception {
        HttpResponse<String> index = call("GET", "/", null, null);
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("Cổng Dịch vụ công"));
        HttpResponse<String> openapi = call("GET", "/openapi.yml", null, null);
        assertTrue(openapi.body().contains("/api/dossiers/{id}/submit"), openapi.body());
        assertEquals(400, call("GET", "/%2e%2e/template.yaml", null, null).statusCode(), "an encoded dot-segment is refused before any handler");
        assertEquals(404, call("GET", "/test/e2e.mjs", null, null).statusCode());
        HttpResponse<String> unknown = call("GET", "/api/nothing", null, null);
        assertEquals(404, unknown.statusCode());
    }

    /**
     * Issue #27: GuardDuty's second opinion comes after reception. A file accepted by the scan and part of a received
     * dossier is found infected later (the runner's /dev/guardduty plays the EventBridge event onto the queue): the
     * version is quarantined and the file shows REJECTED, with its trail entry, in the officials' view, once; a clean
     * verdict changes nothing.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aLateThreatFoundQuarantinesTheFileAndTellsTheDesk() throws Exception {
        String token = runner.devToken("Đỗ Văn Hải", "001088000777", "hai@example.vn", "citizens");
        HttpResponse<String> created = call("POST", "/api/dossiers", token,
                "{\"procedureCode\":\"BVHTTDL-DL-001\",\"applicant\":{\"phone\":\"0912000222\"},\"form\":{\"companyName\":\"Công ty TNHH Lữ hành Hải\",\"scope\":\"inbound\",\"note\":\"Xin cấp phép\"}}");
        assertEquals(201, created.statusCode(), created.body());
        String id = (String) json(created).get("id");
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        for (String component : List.of("DON", "DKDN", "KYQUY", "NGUOIPT")) keys.put(component, upload(token, id, component, component.toLowerCase() + ".pdf", pdf(component)));
        runner.flushS3Notifications();
        assertEquals(202, call("POST", "/api/dossiers/" + id + "/submit", token, null).statusCode());
        String code = (String) paidAtReception(runner.baseUrl(), id, token).get("code");
        String uploads = runner.resources().of("UploadsBucket");
        String infected = keys.get("DON");
        String version = s3.headObject(b -> b.bucket(uploads).key(infected)).versionId();

        // a clean verdict on another file, then the threat, then the same threat again (EventBridge delivers at least once)
        HttpResponse<String> clean = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/dev/guardduty"))
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("key", keys.get("DKDN"), "result", "NO_THREATS_FOUND")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, clean.statusCode(), clean.body());
        Map<String, Object> verdict = new java.util.HashMap<>(Map.of("key", infected, "result", "THREATS_FOUND", "threats", List.of("EICAR-Test-File (not a virus)")));
        if (version != null && !version.equals("null")) verdict.put("versionId", version);
        for (int i = 0; i < 2; i++) {
            assertEquals(202, http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/dev/guardduty"))
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(verdict))).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        assertEquals(400, http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/dev/guardduty"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"x\",\"result\":\"MAYBE\"}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());

        String official = runner.devToken("Cán bộ Một Cửa", "001080000323", "motcua@example.vn", "officials", "CDLQG");
        Map<String, Object> seen = null;
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            seen = json(call("GET", "/api/official/dossiers/by-code/" + code, official, null));
            List<Map<String, Object>> files = (List<Map<String, Object>>) seen.get("attachments");
            if (files != null && files.stream().anyMatch(f -> infected.equals(f.get("key")) && "REJECTED".equals(f.get("status")))) break;
            Thread.sleep(200);
        }
        List<Map<String, Object>> files = (List<Map<String, Object>>) seen.get("attachments");
        Map<String, Object> don = files.stream().filter(f -> infected.equals(f.get("key"))).findFirst().orElseThrow();
        assertEquals("REJECTED", don.get("status"), "the official sees the infected file refused: " + seen);
        assertTrue(String.valueOf(don.get("reason")).contains("EICAR"), String.valueOf(don.get("reason")));
        assertEquals("ACCEPTED", files.stream().filter(f -> keys.get("DKDN").equals(f.get("key"))).findFirst().orElseThrow().get("status"),
                "a clean verdict changes nothing");
        Thread.sleep(1_000); // the repeated delivery has had its turn
        List<Map<String, Object>> history = (List<Map<String, Object>>) json(call("GET", "/api/official/dossiers/by-code/" + code, official, null)).get("history");
        assertEquals(1, history.stream().filter(h -> "attachment-threat-found".equals(h.get("action"))).count(), "once, " + history);
        assertThrows(software.amazon.awssdk.services.s3.model.NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(uploads).key(infected)));
        assertNotNull(s3.headObject(b -> b.bucket(runner.resources().of("QuarantineBucket")).key(infected)), "kept in quarantine");
        assertTrue(sqs.receiveMessage(b -> b.queueUrl(runner.resources().of("MalwareVerdictDLQ")).waitTimeSeconds(1)).messages().isEmpty());
    }

    /**
     * Issue #27: the portal's answers carry CloudFront's security headers offline, as template.yaml's response headers
     * policy declares them (read here from the template, not from the runner): the page, a page module, an API answer.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSiteAndTheApiCarryTheTemplatesSecurityHeaders() throws Exception {
        var template = vn.gov.bvhttdl.dvc.local.emulators.Template.read(Emulators.repoRoot().resolve("template.yaml"));
        Map<String, Object> config = (Map<String, Object>) template.resources("AWS::CloudFront::ResponseHeadersPolicy")
                .get("WebSecurityHeadersPolicy").get("ResponseHeadersPolicyConfig");
        Map<String, Object> security = (Map<String, Object>) config.get("SecurityHeadersConfig");
        String templateCsp = (String) ((Map<String, Object>) ((Map<String, Object>) security.get("ContentSecurityPolicy"))
                .get("ContentSecurityPolicy")).get("Fn::Sub");
        Map<String, Object> hsts = (Map<String, Object>) security.get("StrictTransportSecurity");
        String frame = (String) ((Map<String, Object>) security.get("FrameOptions")).get("FrameOption");
        String referrer = (String) ((Map<String, Object>) security.get("ReferrerPolicy")).get("ReferrerPolicy");
        Map<String, Object> permissions = ((List<Map<String, Object>>) ((Map<String, Object>) config.get("CustomHeadersConfig")).get("Items"))
                .stream().filter(i -> "Permissions-Policy".equals(i.get("Header"))).findFirst().orElseThrow();

        for (String path : List.of("/", "/citizen/dossier.js", "/api/procedures", "/dev/sign-in")) {
            HttpResponse<String> r = call("GET", path, null, null);
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            var h = r.headers();
            assertEquals(frame, h.firstValue("X-Frame-Options").orElse(null), path);
            assertEquals("nosniff", h.firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals(referrer, h.firstValue("Referrer-Policy").orElse(null), path);
            assertEquals(permissions.get("Value"), h.firstValue("Permissions-Policy").orElse(null), path);
            assertEquals("max-age=" + hsts.get("AccessControlMaxAgeSec") + "; includeSubDomains", h.firstValue("Strict-Transport-Security").orElse(null), path);
            assertEquals(1, h.allValues("Content-Security-Policy").size(), path + ": one policy, not the origin's and the edge's");
            String csp = h.firstValue("Content-Security-Policy").orElseThrow();
            for (String directive : templateCsp.split(";\\s*")) {
                if (directive.contains("${")) {
                    // the AWS hosts: the buckets' presigned links are the S3 emulator's offline, Cognito is this origin
                    String name = directive.split(" ")[0];
                    assertTrue(csp.contains(name + " 'self' " + runner.emulators().s3Endpoint()), path + ": " + csp);
                } else if (!directive.equals("upgrade-insecure-requests")) {
                    assertTrue(csp.contains(directive), path + " lacks " + directive + ": " + csp);
                }
            }
            assertFalse(csp.contains("amazon"), csp);
            // the policy's RemoveHeadersConfig (Server) is not played: Jetty writes its own Server header after the handler
        }
        // the outside parties' sandboxes are not the portal (their pages have inline styles; on AWS they are elsewhere)
        assertTrue(call("GET", "/dev/outbox.json", null, null).headers().firstValue("Content-Security-Policy").isEmpty());
        assertEquals(runner.securityHeaders().get("Content-Security-Policy"),
                call("GET", "/api/nothing", null, null).headers().firstValue("Content-Security-Policy").orElse(null), "refusals too");
    }

    @Test
    void theDevSignInSendsTheTokenOnlyToAPathOfThisOrigin() throws Exception {
        for (String bad : List.of("//evil.example/steal", "/\\127.0.0.1:3299/steal", "/\t/evil.example", "https://evil.example/",
                "/ok\r\nSet-Cookie: x=1", "javascript:alert(1)", "/%0d%0aLocation:%20http://evil")) {
            String form = "name=A&idNumber=001088000999&email=a%40example.vn&role=citizen&redirect="
                    + java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/dev/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(303, r.statusCode(), bad);
            String location = r.headers().firstValue("Location").orElseThrow();
            String target = location.substring(0, location.indexOf('#'));
            assertEquals(bad.startsWith("/%0d") ? bad : "/", target, "redirect " + bad + " went to " + target);
            assertFalse(location.contains("\r") || location.contains("\n"));
        }
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/dev/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=A&idNumber=001088000999&redirect=%2F%23%2Fdossier%2Fabc")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(ok.headers().firstValue("Location").orElseThrow().startsWith("/#/dossier/abc#id_token="));
    }

    @Test
    void theRunnersOwnErrorsAreProblemDocuments() throws Exception {
        // what cannot be read as an address (a NUL, overlong UTF-8, encoded dot-segments, a malformed percent escape in
        // the path or the query) is a 400 problem from the server's error handler; what can but names nothing, a 404
        Map<String, Integer> cases = new java.util.LinkedHashMap<>();
        cases.put("/%00", 400);
        cases.put("/%c0%ae%c0%ae/template.yaml", 400);
        cases.put("/%2e%2e%2f%2e%2e%2fetc%2fpasswd", 400);
        cases.put("/%zz", 400);
        cases.put("/api/%zz", 400);
        cases.put("/api/procedures?q=%zz", 400);
        cases.put("/no-such-page.html", 404);
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            String path = c.getKey();
            Raw r = raw(path);
            assertEquals(c.getValue(), r.status(), path);
            assertTrue(r.contentType().startsWith("application/problem+json"), path + ": " + r.contentType());
            assertTrue(r.body().contains("\"vi\""), r.body());
        }
    }

    /**
     * Issue #24 item 7: the development sign-in offers the accounts administrators made (and the seeded ones), not a
     * free choice of unit and post; the token says what the account says; a deactivated account's token is refused at
     * its next request and the account is no longer offered.
     */
    @Test
    void theDevSignInOffersTheAccountsAdministratorsMake() throws Exception {
        String admin = runner.accountToken(vn.gov.bvhttdl.dvc.adapters.LocalDirectory.subjectOf("quantri@example.vn")).orElseThrow();
        String email = "ai." + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
        HttpResponse<String> created = call("POST", "/api/admin/officials", admin,
                "{\"name\":\"Đỗ Văn Ái\",\"email\":\"" + email + "\",\"agency\":\"CDLQG\",\"unit\":\"LUHANH\",\"role\":\"specialist\","
                        + "\"title\":\"Phó Trưởng phòng\",\"signMode\":\"TL\",\"signFor\":\"Nguyễn Văn Trưởng\"}");
        assertEquals(201, created.statusCode(), created.body());
        String subject = String.valueOf(vn.gov.bvhttdl.dvc.domain.Json.obj(vn.gov.bvhttdl.dvc.domain.Json.parse(created.body())).get("subject"));

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/dev/sign-in")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(page.body().contains("value=\"" + subject + "\""), "the new account is offered");
        assertTrue(page.body().contains("Đỗ Văn Ái"));
        assertFalse(page.body().contains("name=\"unit\"") || page.body().contains("name=\"post\""), "no free choice of unit or post");

        java.util.function.Function<String, HttpResponse<String>> signIn = (account) -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/dev/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("account=" + account + "&redirect=%2F")).build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        HttpResponse<String> in = signIn.apply(subject);
        assertEquals(303, in.statusCode(), in.body());
        String location = in.headers().firstValue("Location").orElseThrow();
        String token = java.net.URLDecoder.decode(location.substring(location.indexOf("id_token=") + 9), java.nio.charset.StandardCharsets.UTF_8);
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"custom:unit\":\"LUHANH\"") && claims.contains("\"custom:post\":\"SPECIALIST\"")
                && claims.contains("\"sub\":\"" + subject + "\""), claims);
        // the signing delegation the administrator set, as Cognito's custom attributes would carry it
        assertTrue(claims.contains("\"custom:sign_mode\":\"TL\"") && claims.contains("\"custom:sign_for\":\"Nguyễn Văn Trưởng\"")
                && claims.contains("\"custom:title\":\"Phó Trưởng phòng\""), claims);
        assertEquals(200, call("GET", "/api/official/dossiers/counts", token, null).statusCode());

        HttpResponse<String> off = call("POST", "/api/admin/officials/" + subject + "/deactivate", admin, "{\"version\":1}");
        assertEquals(200, off.statusCode(), off.body());
        HttpResponse<String> refused = call("GET", "/api/official/dossiers/counts", token, null);
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("account-deactivated") && refused.body().contains("\"vi\""), refused.body());
        assertEquals(403, signIn.apply(subject).statusCode(), "a deactivated account cannot sign in");
        assertFalse(http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/dev/sign-in")).build(), HttpResponse.BodyHandlers.ofString())
                .body().contains("value=\"" + subject + "\""), "nor is it offered");
    }

    record Raw(int status, String contentType, String body) {}

    /** A GET with the path exactly as given (java.net.URI would refuse a malformed escape before sending it). */
    static Raw raw(String path) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", runner.port())) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String all = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int end = all.indexOf("\r\n\r\n");
            String type = all.substring(0, end).lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            return new Raw(Integer.parseInt(all.substring(9, 12)), type, all.substring(end + 4));
        }
    }
}
