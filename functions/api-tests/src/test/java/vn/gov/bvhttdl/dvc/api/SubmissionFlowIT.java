package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static vn.gov.bvhttdl.dvc.api.CitizenApiHandlerIT.*;

/** Issue #4's API: uploads, the checklist, idempotent creation, withdrawal, the receipt, a supplement request. */
@SuppressWarnings("unchecked")
class SubmissionFlowIT {
    static TestStack.Stack stack;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        stack = TestStack.get();
        if (handler == null) handler = new ApiHandler();
    }

    static APIGatewayV2HTTPResponse call(String method, String path, String body, Map<String, String> claims) {
        return handler.handleRequest(request(method, path, body, claims), null);
    }

    static String draft(Map<String, String> me, String procedure) {
        return (String) json(call("POST", "/api/dossiers", "{\"procedureCode\":\"" + procedure + "\",\"applicant\":{\"phone\":\"0900000001\"}}", me)).get("id");
    }

    @Test
    void theBrowserUploadsStraightToS3WithALinkBoundToSizeAndType() throws Exception {
        Map<String, String> me = citizen("sub-up-" + System.nanoTime(), "Đinh Thị Xuân", "001099111222");
        String id = draft(me, "BVHTTDL-BQ-001");
        byte[] pdf = "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes();
        APIGatewayV2HTTPResponse r = call("POST", "/api/dossiers/" + id + "/attachments",
                "{\"componentCode\":\"TOKHAI\",\"fileName\":\"C:\\\\Users\\\\x\\\\..\\\\thông báo.pdf\",\"size\":" + pdf.length + "}", me);
        assertEquals(201, r.getStatusCode(), r.getBody());
        Map<String, Object> up = json(r);
        Map<String, Object> attachment = (Map<String, Object>) up.get("attachment");
        assertEquals("thông báo.pdf", attachment.get("fileName"), "the path is dropped from the name");
        assertEquals("PENDING", attachment.get("status"));
        String url = (String) up.get("uploadUrl");

        // a different size than declared, or a tampered link, is refused by S3 itself
        assertNotEquals(200, put(url, "application/pdf", new byte[pdf.length + 1]).statusCode());
        assertNotEquals(200, put(url.replaceAll("X-Amz-Signature=[0-9a-f]{4}", "X-Amz-Signature=0000"), "application/pdf", pdf).statusCode());
        assertNotEquals(200, put(url, "image/png", pdf).statusCode(), "the content type is bound too");
        assertEquals("*", ((Map<String, String>) up.get("headers")).get("If-None-Match"));
        assertNotEquals(200, http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "the write-once condition is signed: leaving it out is refused");
        assertEquals(200, put(url, "application/pdf", pdf).statusCode());
        assertEquals(412, put(url, "application/pdf", pdf).statusCode(), "the link writes once");
        String key = (String) attachment.get("key");
        assertEquals(pdf.length, vn.gov.bvhttdl.dvc.adapters.AwsClients.s3()
                .headObject(b -> b.bucket(stack.resources().of("UploadsBucket")).key(key)).contentLength());

        Map<String, Object> checklist = json(call("GET", "/api/dossiers/" + id + "/checklist", null, me));
        assertEquals(false, checklist.get("complete"));
        List<Map<String, Object>> items = (List<Map<String, Object>>) checklist.get("items");
        assertEquals("PENDING", items.stream().filter(i -> "TOKHAI".equals(i.get("componentCode"))).findFirst().orElseThrow().get("state"));
        assertEquals("OPTIONAL", items.stream().filter(i -> "UYQUYEN".equals(i.get("componentCode"))).findFirst().orElseThrow().get("state"));
        APIGatewayV2HTTPResponse early = call("POST", "/api/dossiers/" + id + "/submit", null, me);
        assertEquals(422, early.getStatusCode(), "not while the file is still being checked");
    }

    static HttpResponse<String> put(String url, String type, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type).header("If-None-Match", "*")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void badUploadsGetClearProblems() {
        Map<String, String> me = citizen("sub-bad-up-" + System.nanoTime(), "Tạ Văn Yên", "001099111333");
        String id = draft(me, "BVHTTDL-BQ-001");
        record Case(String body, String type) {}
        for (Case c : List.of(
                new Case("{\"componentCode\":\"TOKHAI\",\"fileName\":\"virus.exe\",\"size\":100}", "format-not-accepted"),
                new Case("{\"componentCode\":\"TOKHAI\",\"fileName\":\"big.pdf\",\"size\":99999999999}", "file-too-large"),
                new Case("{\"componentCode\":\"TOKHAI\",\"fileName\":\"empty.pdf\",\"size\":0}", "file-too-large"),
                new Case("{\"componentCode\":\"NOPE\",\"fileName\":\"a.pdf\",\"size\":10}", "unknown-component"),
                new Case("{\"componentCode\":\"TOKHAI\",\"fileName\":\"../../\",\"size\":10}", "invalid-file-name"))) {
            APIGatewayV2HTTPResponse r = call("POST", "/api/dossiers/" + id + "/attachments", c.body(), me);
            assertEquals(422, r.getStatusCode(), c.body() + " -> " + r.getBody());
            assertEquals(Problem.BASE + c.type(), json(r).get("type"), r.getBody());
        }
        Map<String, String> other = citizen("sub-other-up-" + System.nanoTime(), "Khác", "001099111444");
        assertEquals(404, call("POST", "/api/dossiers/" + id + "/attachments",
                "{\"componentCode\":\"TOKHAI\",\"fileName\":\"a.pdf\",\"size\":10}", other).getStatusCode());
    }

    @Test
    void aRetriedCreateWithTheSameKeyMakesOneDossier() {
        Map<String, String> me = citizen("sub-idem-" + System.nanoTime(), "Lưu Văn Zung", "001099111555");
        APIGatewayV2HTTPEvent first = request("POST", "/api/dossiers", "{\"procedureCode\":\"BVHTTDL-DL-003\"}", me);
        first.getHeaders().put("idempotency-key", "click-0001-abcdef");
        APIGatewayV2HTTPResponse a = handler.handleRequest(first, null);
        APIGatewayV2HTTPEvent again = request("POST", "/api/dossiers", "{\"procedureCode\":\"BVHTTDL-DL-003\"}", me);
        again.getHeaders().put("idempotency-key", "click-0001-abcdef");
        APIGatewayV2HTTPResponse b = handler.handleRequest(again, null);
        assertEquals(201, a.getStatusCode(), a.getBody());
        assertEquals(200, b.getStatusCode(), b.getBody());
        assertEquals(json(a).get("id"), json(b).get("id"));
        assertEquals(1, ((List<?>) vn.gov.bvhttdl.dvc.domain.Json.parse(call("GET", "/api/dossiers", null, me).getBody())).size());
        APIGatewayV2HTTPEvent bad = request("POST", "/api/dossiers", "{\"procedureCode\":\"BVHTTDL-DL-003\"}", me);
        bad.getHeaders().put("idempotency-key", "x");
        assertEquals(400, handler.handleRequest(bad, null).getStatusCode());
    }

    @Test
    void aCitizenWithdrawsWithAReasonAndCannotSubmitAfterwards() {
        Map<String, String> me = citizen("sub-wd-" + System.nanoTime(), "Hà Văn An", "001099111666");
        String id = draft(me, "BVHTTDL-DL-003");
        assertEquals(422, call("POST", "/api/dossiers/" + id + "/withdraw", "{\"reason\":\"  \"}", me).getStatusCode());
        APIGatewayV2HTTPResponse ok = call("POST", "/api/dossiers/" + id + "/withdraw", "{\"reason\":\"Đã nộp nhầm thủ tục\"}", me);
        assertEquals(200, ok.getStatusCode(), ok.getBody());
        assertEquals("WITHDRAWN", json(ok).get("status"));
        assertEquals("Đã nộp nhầm thủ tục", json(ok).get("statusReason"));
        APIGatewayV2HTTPResponse submit = call("POST", "/api/dossiers/" + id + "/submit", null, me);
        assertEquals(409, submit.getStatusCode(), submit.getBody());
    }

    @Test
    void theReceiptIsALinkOnceReceivedAndAnOfficialCanAskForASupplement() {
        Map<String, String> me = citizen("sub-rc-" + System.nanoTime(), "Quách Thị Bình", "001099111777");
        String id = draft(me, "BVHTTDL-DL-003");
        APIGatewayV2HTTPResponse none = call("GET", "/api/dossiers/" + id + "/receipt", null, me);
        assertEquals(409, none.getStatusCode());
        DossierStore store = DossierStore.fromSettings();
        Dossier d = store.find(id).orElseThrow();
        Dossier.Change s = d.handle(new vn.gov.bvhttdl.dvc.domain.Command.Submit("{}", 0), vn.gov.bvhttdl.dvc.domain.Actor.citizen(me.get("sub")), Instant.now());
        store.save(s);
        String code = "000.00.12.G17-991231-" + String.format("%04d", (int) (Math.random() * 9000) + 1);
        store.save(s.dossier().handle(new vn.gov.bvhttdl.dvc.domain.Command.Receive(code, java.time.LocalDate.of(2030, 1, 2), "reception", "MOTCUA", null), vn.gov.bvhttdl.dvc.domain.Actor.system("validation"), Instant.now()));
        APIGatewayV2HTTPResponse link = call("GET", "/api/dossiers/" + id + "/receipt", null, me);
        assertEquals(303, link.getStatusCode(), link.getBody());
        String location = link.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("location"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        assertTrue(location.contains("receipts/" + code + ".pdf") && location.contains("X-Amz-Signature"), location);

        Map<String, String> official = citizen("sub-off-" + System.nanoTime(), "Cán bộ Một cửa", "001099111888");
        official.put("cognito:groups", "[officials]");
        official.put("custom:agency", "CDLQG"); // the tourism authority: its own procedure, at its one-stop desk
        official.put("custom:unit", "MOTCUA");
        official.put("custom:post", "ONE_STOP");
        Map<String, String> otherAgency = new java.util.HashMap<>(official);
        otherAgency.put("custom:agency", "CNTBD");
        assertEquals(404, call("GET", "/api/official/dossiers/by-code/" + code, null, otherAgency).getStatusCode(), "another agency's dossier");
        assertEquals(404, call("POST", "/api/official/dossiers/" + id + "/request-supplement", "{\"items\":[\"x\"]}", otherAgency).getStatusCode(),
                "nor can it act on it");
        assertEquals(403, call("POST", "/api/official/dossiers/" + id + "/request-supplement", "{\"items\":[\"x\"]}", me).getStatusCode());
        assertEquals(422, call("POST", "/api/official/dossiers/" + id + "/request-supplement", "{\"items\":[]}", official).getStatusCode());
        assertEquals(id, json(call("GET", "/api/official/dossiers/by-code/" + code, null, official)).get("id"));
        APIGatewayV2HTTPResponse asked = call("POST", "/api/official/dossiers/" + id + "/request-supplement",
                "{\"items\":[\"Đơn đề nghị chưa có chữ ký\",\"Thiếu bản sao giấy phép cũ\"]}", official);
        assertEquals(200, asked.getStatusCode(), asked.getBody());
        Map<String, Object> mine = json(call("GET", "/api/dossiers/" + id, null, me));
        assertEquals("AWAITING_SUPPLEMENT", mine.get("status"));
        assertEquals(code, mine.get("code"), "the code stays");
        assertTrue(((String) mine.get("statusReason")).contains("2. Thiếu bản sao giấy phép cũ"));
    }
}
