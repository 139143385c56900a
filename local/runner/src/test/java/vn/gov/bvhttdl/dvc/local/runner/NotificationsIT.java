package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Status notifications on the whole offline stack: the runner plays the table's stream to StatusNotifyFunction with
 * the template's filter; email goes over SMTP to GreenMail and is read back at /dev/outbox.json; the inbox is in the
 * table. One message per step and channel; a replay of the whole stream sends nothing new.
 */
class NotificationsIT {
    static LocalRunner runner;

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start(new LocalRunner.Options(0, null, 0));
    }

    @AfterAll
    static void stop() { runner.close(); }

    static List<Map<String, Object>> outbox(String code) {
        return runner.outboxMessages().stream().filter(m -> code.equals(m.get("dossierCode"))).toList();
    }

    static List<Map<String, Object>> awaitOutbox(String code, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        List<Map<String, Object>> got;
        do {
            got = outbox(code);
            if (got.size() >= n) return got;
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        fail("outbox for " + code + " has " + got.size() + " messages, expected " + n + ": " + got);
        return got;
    }

    @Test
    void aDossierWalkedThroughItsStepsLeavesOneMessagePerStepAndChannelAndAReplaySendsNothing() throws Exception {
        String token = runner.devToken("Hoàng Thị Lan", "001088000999", "lan.hoang@example.vn", "citizens");
        String id = (String) LocalRunnerIT.json(LocalRunnerIT.call(runner.baseUrl(), "POST", "/api/dossiers", token,
                "{\"procedureCode\":\"BVHTTDL-DL-003\",\"applicant\":{\"phone\":\"0912000333\",\"email\":\"lan.hoang@example.vn\"}," + LocalRunnerIT.REISSUE_FORM + "}")).get("id");
        byte[] bytes = LocalRunnerIT.pdf("Don de nghi cap lai");
        HttpResponse<String> r = LocalRunnerIT.call(runner.baseUrl(), "POST", "/api/dossiers/" + id + "/attachments", token,
                "{\"componentCode\":\"DON\",\"fileName\":\"don.pdf\",\"size\":" + bytes.length + "}");
        assertEquals(201, r.statusCode(), r.body());
        Map<String, Object> up = LocalRunnerIT.json(r);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create((String) up.get("uploadUrl")));
        @SuppressWarnings("unchecked") Map<String, String> headers = (Map<String, String>) up.get("headers");
        headers.forEach(b::header);
        assertEquals(200, HttpClient.newHttpClient().send(b.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        runner.flushS3Notifications();
        assertEquals(202, LocalRunnerIT.call(runner.baseUrl(), "POST", "/api/dossiers/" + id + "/submit", token, null).statusCode());
        String code = null;
        for (int i = 0; i < 100 && code == null; i++) {
            code = (String) LocalRunnerIT.json(LocalRunnerIT.call(runner.baseUrl(), "GET", "/api/dossiers/" + id, token, null)).get("code");
            if (code == null) Thread.sleep(200);
        }
        assertNotNull(code, "received");
        // DL-003 is level 4 with a fee: received, it waits for its fee, paid online (issue 22)
        LocalRunnerIT.paidAtReception(runner.baseUrl(), id, token);

        // received, the fee asked, the fee received: one email each (SMS is off by default), in Vietnamese with every
        // diacritic, with the dossier's link
        List<Map<String, Object>> first = awaitOutbox(code, 3);
        assertEquals(3, first.size(), first.toString());
        final String dossierCode = code;
        assertEquals(java.util.Set.of("Đã tiếp nhận hồ sơ " + code, "Nộp phí, lệ phí hồ sơ " + code, "Đã nhận phí, lệ phí hồ sơ " + code),
                first.stream().map(m -> m.get("subject")).collect(java.util.stream.Collectors.toSet()), first.toString());
        Map<String, Object> mail = first.stream().filter(m -> ("Đã tiếp nhận hồ sơ " + dossierCode).equals(m.get("subject"))).findFirst().orElseThrow();
        assertEquals("email", mail.get("channel"));
        assertEquals("lan.hoang@example.vn", mail.get("to"));
        assertEquals("Đã tiếp nhận hồ sơ " + code, mail.get("subject"));
        assertTrue(((String) mail.get("text")).contains("Kính gửi Hoàng Thị Lan"), (String) mail.get("text"));
        assertTrue(((String) mail.get("text")).contains("/#/dossier/" + id), (String) mail.get("text"));

        // the desk asks for a supplement (a required notice): one more email
        String official = runner.devToken("Cán bộ Một cửa", "001080000911", "mc@example.vn", "officials", "CDLQG");
        HttpResponse<String> sup = LocalRunnerIT.call(runner.baseUrl(), "POST", "/api/official/dossiers/" + id + "/request-supplement", official,
                "{\"items\":[\"Đơn chưa có chữ ký của người đại diện theo pháp luật\"]}");
        assertEquals(200, sup.statusCode(), sup.body());
        List<Map<String, Object>> second = awaitOutbox(code, 4);
        assertEquals("Yêu cầu bổ sung, hoàn thiện hồ sơ " + code, second.get(3).get("subject"));
        assertTrue(((String) second.get(3).get("text")).contains("Đơn chưa có chữ ký của người đại diện theo pháp luật"));

        // replay the whole stream: nothing new is sent
        long before = runner.streamDeliveries("StatusNotifyFunction");
        runner.replayStream("StatusNotifyFunction");
        long deadline = System.currentTimeMillis() + 15_000;
        while (runner.streamDeliveries("StatusNotifyFunction") < 2 * before && System.currentTimeMillis() < deadline) Thread.sleep(200);
        assertTrue(runner.streamDeliveries("StatusNotifyFunction") >= 2 * before, "the stream was not replayed");
        Thread.sleep(500);
        assertEquals(4, outbox(code).size(), "a replay sent again: " + outbox(code));
        // the two messages are also in the citizen's inbox, and the officials see what was sent
        HttpResponse<String> deliveries = LocalRunnerIT.call(runner.baseUrl(), "GET", "/api/official/dossiers/" + id + "/notifications", official, null);
        assertEquals(200, deliveries.statusCode(), deliveries.body());
        @SuppressWarnings("unchecked") List<Object> sent = (List<Object>) Json.parse(deliveries.body());
        assertEquals(8, sent.size(), "four events, inbox and email each: " + sent);
        assertTrue(sent.stream().map(Json::obj).allMatch(d -> "SENT".equals(d.get("state"))), sent.toString());
        HttpResponse<String> inbox = LocalRunnerIT.call(runner.baseUrl(), "GET", "/api/me/inbox", token, null);
        assertEquals(200, inbox.statusCode(), inbox.body());
        Map<String, Object> box = LocalRunnerIT.json(inbox);
        assertEquals(4, ((Number) box.get("unread")).intValue(), box.toString());
        // bad choices and unknown messages are problems, never a 5xx, and change nothing
        HttpResponse<String> badChannel = LocalRunnerIT.call(runner.baseUrl(), "PUT", "/api/me/preferences", token, "{\"channels\":{\"fax\":true}}");
        assertEquals(422, badChannel.statusCode(), badChannel.body());
        assertTrue(badChannel.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(badChannel.body().contains("unknown-channel"));
        HttpResponse<String> badLanguage = LocalRunnerIT.call(runner.baseUrl(), "PUT", "/api/me/preferences", token, "{\"language\":\"fr\"}");
        assertEquals(422, badLanguage.statusCode(), badLanguage.body());
        assertEquals(400, LocalRunnerIT.call(runner.baseUrl(), "PUT", "/api/me/preferences", token, "{not json").statusCode());
        HttpResponse<String> noMessage = LocalRunnerIT.call(runner.baseUrl(), "POST", "/api/me/inbox/2026-01-01T00:00:00Z_none/read", token, null);
        assertEquals(404, noMessage.statusCode(), noMessage.body());
        assertEquals(401, LocalRunnerIT.call(runner.baseUrl(), "GET", "/api/me/inbox", null, null).statusCode());
        Map<String, Object> prefs = LocalRunnerIT.json(LocalRunnerIT.call(runner.baseUrl(), "GET", "/api/me/preferences", token, null));
        assertEquals("vi", prefs.get("language"), "the refused choices changed nothing");
        assertEquals(4, ((Number) LocalRunnerIT.json(LocalRunnerIT.call(runner.baseUrl(), "GET", "/api/me/inbox", token, null)).get("unread")).intValue());
        // a choice that is allowed is kept
        HttpResponse<String> ok = LocalRunnerIT.call(runner.baseUrl(), "PUT", "/api/me/preferences", token, "{\"channels\":{\"sms\":true},\"language\":\"en\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(Boolean.TRUE, ((Map<?, ?>) LocalRunnerIT.json(ok).get("channels")).get("sms"));
        // the outbox page lists them for anyone looking on this machine
        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/dev/outbox")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page.contains("Yêu cầu bổ sung, hoàn thiện hồ sơ " + code), page);
    }
}
