package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The national portal's outbound synchronisation on the whole offline stack (issue #20): the runner plays the table's
 * stream to NationalOutboxFunction, the FIFO queue (ElasticMQ) to NationalSyncFunction, and the portal's sandbox. A
 * dossier walked from submission to its returned result, with the sandbox down and then slower than the client's
 * timeout in the middle of the walk, leaves in the sandbox exactly one record and one progress entry per event, in
 * order; a poison message ends in the FIFO dead-letter queue with its reason.
 *
 * <p>The test's settings shorten the waits (documented in docs/national-portal.md): the sync's backoff starts at 1 s
 * and stops growing at 2 s ({@code NATIONAL_SYNC_RETRY_BASE_SECONDS}, {@code NATIONAL_SYNC_RETRY_MAX_SECONDS}; 10 s
 * and 300 s on AWS), a call times out after 2 s ({@code NATIONAL_PORTAL_TIMEOUT_SECONDS}; 10 s).
 */
class NationalPortalIT {
    static LocalRunner runner;

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start(new LocalRunner.Options(0, null, 0, Map.of(
                "NATIONAL_SYNC_RETRY_BASE_SECONDS", "1", "NATIONAL_SYNC_RETRY_MAX_SECONDS", "2", "NATIONAL_PORTAL_TIMEOUT_SECONDS", "2")));
    }

    @AfterAll
    static void stop() { if (runner != null) runner.close(); }

    static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return LocalRunnerIT.call(runner.baseUrl(), method, path, token, body);
    }

    static Map<String, Object> awaitStatus(String id, String token, String status) throws Exception {
        return LocalRunnerIT.awaitStatus(runner.baseUrl(), id, token, status, 30);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> sent(String code) {
        Map<String, Object> dossiers = (Map<String, Object>) runner.nationalPortal().get("dossiers");
        Object entries = dossiers.get(code);
        return entries == null ? List.of() : ((List<Object>) entries).stream().map(Json::obj).toList();
    }

    static long progressCount(String code) {
        return sent(code).stream().filter(e -> e.get("kind").equals("progress")).count();
    }

    /** Waits until the sandbox holds a progress entry with national status {@code status} for {@code code}. */
    static void awaitProgress(String code, String status, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            if (sent(code).stream().anyMatch(e -> e.get("kind").equals("progress") && status.equals(e.get("status")))) return;
            Thread.sleep(200);
        }
        fail("no progress with status " + status + " for " + code + ": " + sent(code).stream().map(e -> e.get("kind") + " " + e.get("key") + " " + e.get("status")).toList());
    }

    static void awaitProgressCount(String code, long n, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline && progressCount(code) < n) Thread.sleep(200);
        assertTrue(progressCount(code) >= n, "expected " + n + " progress entries for " + code + ": "
                + sent(code).stream().map(e -> e.get("kind") + " " + e.get("key") + " " + e.get("status")).toList());
    }

    @Test
    void aWalkedDossierLeavesOneRecordAndOneProgressPerEventInOrderAcrossAnOutage() throws Exception {
        String token = runner.devToken("Lý Thị Quốc Gia", "001088000555", "quocgia@example.vn", "citizens");
        String id = (String) LocalRunnerIT.json(call("POST", "/api/dossiers", token,
                "{\"procedureCode\":\"BVHTTDL-DL-003\",\"applicant\":{\"phone\":\"0912000555\",\"email\":\"quocgia@example.vn\"}," + LocalRunnerIT.REISSUE_FORM + "}")).get("id");
        byte[] bytes = LocalRunnerIT.pdf("Don de nghi");
        LocalRunnerIT.upload(runner.baseUrl(), runner, token, id, "DON", "don.pdf", bytes);
        assertEquals(202, call("POST", "/api/dossiers/" + id + "/submit", token, null).statusCode());
        // DL-003 is level 4 with a fee: it waits for it at reception, paid online (issue 22)
        String code = (String) LocalRunnerIT.paidAtReception(runner.baseUrl(), id, token).get("code");
        assertNotNull(code);
        awaitProgress(code, "2", 30);

        // the portal goes down: the desk asks for a supplement and the applicant answers while it is down
        runner.nationalPortalMode("down", 0);
        String desk = runner.devToken("Cán bộ Một cửa", "001080000511", "mc@example.vn", "officials", "CDLQG", "MOTCUA", "ONE_STOP");
        HttpResponse<String> sup = call("POST", "/api/official/dossiers/" + id + "/request-supplement", desk, "{\"items\":[\"Đơn chưa ký\"]}");
        assertEquals(200, sup.statusCode(), sup.body());
        assertEquals(202, call("POST", "/api/dossiers/" + id + "/submit", token, null).statusCode());
        awaitStatus(id, token, "RECEIVED");
        long beforeOutage = progressCount(code);
        Thread.sleep(4000);
        assertEquals(beforeOutage, progressCount(code), "nothing reaches a portal that is down");
        assertTrue(((Number) runner.nationalPortal().get("refusedWhileDown")).intValue() > 0, "the sync kept trying");

        // timing out (each call held past the client's timeout), then back but slow: the three events of the outage
        // (the request, the resubmission, the new receipt) arrive once each, in order
        runner.nationalPortalMode("timeout", 2500);
        Thread.sleep(3000);
        assertEquals(beforeOutage, progressCount(code), "nothing is taken while the portal times out");
        runner.nationalPortalMode("slow", 800);
        awaitProgressCount(code, beforeOutage + 3, 60);
        runner.nationalPortalMode("up", 0);

        // processing, decision, the result downloaded (returned)
        String specialist = runner.devToken("Chuyên viên", "001080000512", "cv@example.vn", "officials", "CDLQG", "LUHANH", "SPECIALIST");
        String leader = runner.devToken("Lãnh đạo", "001080000513", "ld@example.vn", "officials", "CDLQG", "LUHANH", "LEADER");
        HttpResponse<String> started = call("POST", "/api/official/dossiers/" + id + "/start-processing", desk, "{}");
        assertEquals(200, started.statusCode(), started.body());
        String unit = (String) ((Map<?, ?>) LocalRunnerIT.json(started).get("processing")).get("unit");
        if (!"LUHANH".equals(unit)) {
            specialist = runner.devToken("Chuyên viên", "001080000512", "cv@example.vn", "officials", "CDLQG", unit, "SPECIALIST");
            leader = runner.devToken("Lãnh đạo", "001080000513", "ld@example.vn", "officials", "CDLQG", unit, "LEADER");
        }
        assertEquals(200, call("POST", "/api/official/dossiers/" + id + "/assign", specialist, "{}").statusCode());
        assertEquals(200, call("POST", "/api/official/dossiers/" + id + "/forward", specialist, "{}").statusCode());
        HttpResponse<String> approved = call("POST", "/api/official/dossiers/" + id + "/approve", leader, "{\"note\":\"Đủ điều kiện\"}");
        assertEquals(200, approved.statusCode(), approved.body());
        @SuppressWarnings("unchecked") List<Object> results = (List<Object>) Json.parse(call("GET", "/api/dossiers/" + id + "/results", token, null).body());
        String number = (String) Json.obj(results.getFirst()).get("number");
        assertEquals(303, call("GET", "/api/dossiers/" + id + "/results/" + number, token, null).statusCode());
        awaitStatus(id, token, "RESULT_RETURNED");
        awaitProgress(code, "10", 60);
        Thread.sleep(1500); // anything late would show now

        List<Map<String, Object>> entries = sent(code);
        List<String> progressKeys = entries.stream().filter(e -> e.get("kind").equals("progress")).map(e -> (String) e.get("key")).toList();
        List<String> recordKeys = entries.stream().filter(e -> !e.get("kind").equals("progress")).map(e -> (String) e.get("key")).toList();
        List<Long> versions = progressKeys.stream().map(k -> Long.parseLong(k.substring(k.indexOf('#') + 1))).toList();
        assertEquals(new ArrayList<>(new TreeSet<>(versions)), versions, "each event once, in order: " + progressKeys);
        assertEquals(progressKeys, recordKeys, "one record per event, each before its progress entry");
        long first = versions.getFirst(), last = versions.getLast();
        assertEquals(2, first, "the submission is the first event sent (the draft sends nothing)");
        assertEquals(last - first + 1, versions.size(), "no event lost: " + versions);
        List<Object> statuses = entries.stream().filter(e -> e.get("kind").equals("progress")).map(e -> e.get("status")).toList();
        assertEquals("1", statuses.getFirst());
        assertEquals("10", statuses.getLast());
        assertTrue(statuses.containsAll(List.of("2", "5", "4", "9")), statuses.toString());
        assertEquals("create", entries.getFirst().get("kind"));
        Map<String, Object> lastRecord = entries.get(entries.size() - 2);
        @SuppressWarnings("unchecked") Map<String, Object> body = (Map<String, Object>) lastRecord.get("body");
        assertEquals("10", body.get("TrangThaiHoSo"));
        assertEquals(1, ((List<?>) body.get("DanhSachHoSoBoSung")).size(), "the supplement request is in the record");
        assertEquals(number, Json.obj(((List<?>) body.get("DanhSachGiayToKetQua")).getFirst()).get("GiayToId"));
        assertFalse(String.valueOf(body.get("NgayTra")).isEmpty());
        // the result is in the person's document list there, under the owner's identifier
        @SuppressWarnings("unchecked") Map<String, Object> lists = (Map<String, Object>) runner.nationalPortal().get("documentLists");
        List<?> mine = (List<?>) lists.get(String.valueOf(body.get("SoGiayToChuHoSo")));
        assertNotNull(mine, "no document list for the owner: " + lists.keySet());
        assertTrue(mine.stream().anyMatch(o -> number.equals(Json.obj(o).get("GiayToId")) && code.equals(Json.obj(o).get("MaHoSo"))), mine.toString());

        // the page shows it, escaped (the applicant's answer to the supplement request is text, never markup)
        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/dev/national-portal")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page.contains(code) && page.contains(id + "#" + last), page);
        assertTrue(page.indexOf(code) < page.indexOf(id + "#" + last));

        // the control endpoint: an unknown mode is a problem, a known one is taken
        HttpClient plain = HttpClient.newHttpClient();
        HttpResponse<String> bad = plain.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/sandbox/national-portal/control"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("mode=<b>broken</b>")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertFalse(bad.body().contains("<b>"), bad.body());
        HttpResponse<String> slow = plain.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/sandbox/national-portal/control"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("mode=slow&delayMs=10")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, slow.statusCode(), slow.body());
        assertEquals("slow", runner.nationalPortal().get("mode"));
        runner.nationalPortalMode("up", 0);

        // a poison message on the outbox: the FIFO dead-letter queue at once, with its reason
        try (SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY)))
                .region(Region.of(Emulators.REGION)).endpointOverride(URI.create(runner.emulators().sqsEndpoint())).build()) {
            sqs.sendMessage(m -> m.queueUrl(runner.resources().of("NationalSyncQueue")).messageBody("{\"dossierId\": 42}")
                    .messageGroupId("poison").messageDeduplicationId("poison-1"));
            String dlq = runner.resources().of("NationalSyncDLQ");
            Message dead = null;
            long deadline = System.currentTimeMillis() + 20_000;
            while (dead == null && System.currentTimeMillis() < deadline) {
                for (Message m : sqs.receiveMessage(q -> q.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1).messageAttributeNames("All")).messages()) {
                    if (m.body().contains("\"dossierId\": 42")) dead = m;
                }
            }
            assertNotNull(dead, "the poison message is in the dead-letter queue");
            assertTrue(dead.messageAttributes().get("ErrorMessage").stringValue().contains("cannot be read"), dead.messageAttributes().toString());
        }
    }
}
