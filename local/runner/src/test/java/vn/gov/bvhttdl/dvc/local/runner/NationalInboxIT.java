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
 * A dossier submitted on the national portal's sandbox, on the whole offline stack (issue #20, inbound): the runner
 * plays NationalInboxFunction on template.yaml's schedule (fired here at once), which creates it once, fetches its
 * file into the uploads (the scan judges it) and submits it; validation receives it at the tourism authority's desk;
 * the desk walks it to a result, which the applicant — signed in with VNeID through the sandbox SSO, and so owner of
 * the dossier once their list opens — downloads; its synchronisation goes back to the sandbox portal as a dossier
 * submitted there (NoiNopHoSo 1), under the portal's own code, one record and one progress entry per event.
 */
class NationalInboxIT {
    static LocalRunner runner;

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start(new LocalRunner.Options(0, null, 0, Map.of(
                "NATIONAL_SYNC_RETRY_BASE_SECONDS", "1", "NATIONAL_SYNC_RETRY_MAX_SECONDS", "2", "NATIONAL_PORTAL_TIMEOUT_SECONDS", "5")));
        NationalSignInIT.runner = runner; // its sign-in helpers, on this stack
    }

    @AfterAll
    static void stop() { if (runner != null) runner.close(); }

    static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return LocalRunnerIT.call(runner.baseUrl(), method, path, token, body);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(String key) {
        return ((List<Object>) runner.nationalInbox().get(key)).stream().map(Json::obj).toList();
    }

    /** Fires the inbox's schedule until the sandbox says {@code code} was taken (the scan judges its file in between). */
    static String awaitTaken(String code, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            List<String> answers = runner.fireSchedule("NationalInboxFunction");
            assertEquals(1, answers.size(), "the inbox is on template.yaml's schedule");
            for (Map<String, Object> t : list("taken")) if (code.equals(t.get("MaHoSo"))) return (String) t.get("dossierId");
            runner.flushS3Notifications();
            Thread.sleep(500);
        }
        return fail("not taken: " + runner.nationalInbox());
    }

    /** The official's view of the dossier, once it is in {@code status}. */
    static Map<String, Object> awaitOfficial(String id, String token, String status, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        Map<String, Object> d = Map.of();
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> r = call("GET", "/api/official/dossiers/" + id, token, null);
            if (r.statusCode() == 200) {
                d = LocalRunnerIT.json(r);
                Object dossier = d.get("dossier") instanceof Map<?, ?> m ? m : d;
                if (status.equals(((Map<?, ?>) dossier).get("status"))) return d;
            }
            Thread.sleep(200);
        }
        return fail("not " + status + ": " + d);
    }

    @Test
    void aDossierSubmittedOnTheNationalPortalIsReceivedAtTheDeskWalkedToItsResultAndSyncedBackAsSuch() throws Exception {
        // submitted on the sandbox portal by the sandbox SSO's citizen (Nguyễn Văn An, 001099012345)
        HttpResponse<String> submitted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + NationalInboxSandbox.SUBMIT))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"procedureCode\":\"BVHTTDL-DL-003\",\"applicant\":{\"name\":\"Nguyễn Văn An\",\"idNumber\":\"001099012345\",\"kind\":\"citizen\"},"
                                + LocalRunnerIT.REISSUE_FORM + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, submitted.statusCode(), submitted.body());
        String national = (String) LocalRunnerIT.json(submitted).get("MaHoSo");
        assertTrue(list("waiting").stream().anyMatch(r -> national.equals(r.get("MaHoSo"))));

        String id = awaitTaken(national, 60);
        assertTrue(list("waiting").stream().noneMatch(r -> national.equals(r.get("MaHoSo"))), "acknowledged: no longer waiting");
        // another run takes nothing again
        runner.fireSchedule("NationalInboxFunction");
        assertEquals(1, list("taken").stream().filter(t -> national.equals(t.get("MaHoSo"))).count());

        // a development sign-in with the same ID (an account, not VNeID) does not get it
        String dev = runner.devToken("Nguyễn Văn An", "001099012345", "an.nguyen@example.vn", "citizens");
        assertFalse(call("GET", "/api/dossiers", dev, null).body().contains(id));
        assertEquals(404, call("GET", "/api/dossiers/" + id, dev, null).statusCode());

        // the applicant signs in with VNeID: their list claims it
        String verifier = Pkce.random();
        Map<String, String> back = NationalSignInIT.signInAt("citizen", Pkce.random(), verifier);
        String token = (String) NationalSignInIT.exchange(back.get("code"), verifier, 200).get("id_token");
        HttpResponse<String> mine = call("GET", "/api/dossiers", token, null);
        assertEquals(200, mine.statusCode(), mine.body());
        assertTrue(mine.body().contains(id), "claimed into the VNeID account: " + mine.body());
        // DL-003's fee is paid online at reception (rules/payments.json), here as for a dossier submitted here
        LocalRunnerIT.paidAtReception(runner.baseUrl(), id, token);

        // reception: in the one-stop desk's queue of received dossiers
        String desk = runner.devToken("Cán bộ Một cửa", "001080000511", "mc@example.vn", "officials", "CDLQG", "MOTCUA", "ONE_STOP");
        Map<String, Object> page = awaitOfficial(id, desk, "RECEIVED", 60);
        HttpResponse<String> queue = call("GET", "/api/official/dossiers/queue?status=RECEIVED&size=100", desk, null);
        assertEquals(200, queue.statusCode(), queue.body());
        assertTrue(queue.body().contains(id), "in the desk's reception queue: " + queue.body());
        String code = (String) (page.get("dossier") instanceof Map<?, ?> m ? m : page).get("code");
        assertNotNull(code, page.toString());

        // the desk walks it to a result
        HttpResponse<String> started = call("POST", "/api/official/dossiers/" + id + "/start-processing", desk, "{}");
        assertEquals(200, started.statusCode(), started.body());
        String unit = (String) ((Map<?, ?>) LocalRunnerIT.json(started).get("processing")).get("unit");
        String specialist = runner.devToken("Chuyên viên", "001080000512", "cv@example.vn", "officials", "CDLQG", unit, "SPECIALIST");
        String leader = runner.devToken("Lãnh đạo", "001080000513", "ld@example.vn", "officials", "CDLQG", unit, "LEADER");
        assertEquals(200, call("POST", "/api/official/dossiers/" + id + "/assign", specialist, "{}").statusCode());
        assertEquals(200, call("POST", "/api/official/dossiers/" + id + "/forward", specialist, "{}").statusCode());
        HttpResponse<String> approved = call("POST", "/api/official/dossiers/" + id + "/approve", leader, "{\"note\":\"Đủ điều kiện\"}");
        assertEquals(200, approved.statusCode(), approved.body());

        // they download the result (returned online)
        @SuppressWarnings("unchecked") List<Object> results = (List<Object>) Json.parse(call("GET", "/api/dossiers/" + id + "/results", token, null).body());
        String number = (String) Json.obj(results.getFirst()).get("number");
        assertEquals(303, call("GET", "/api/dossiers/" + id + "/results/" + number, token, null).statusCode());
        LocalRunnerIT.awaitStatus(runner.baseUrl(), id, token, "RESULT_RETURNED", 30);

        // its synchronisation goes back to the portal under the portal's code: submitted there (NoiNopHoSo 1), online, each event once in order
        NationalPortalIT.runner = runner;
        // under the portal's own code (it is the portal's dossier), not ours
        NationalPortalIT.awaitProgress(national, "10", 60);
        assertTrue(NationalPortalIT.sent(code).isEmpty(), "nothing under our receipt's code");
        List<Map<String, Object>> entries = NationalPortalIT.sent(national);
        @SuppressWarnings("unchecked") Map<String, Object> record = (Map<String, Object>) entries.stream()
                .filter(e -> !e.get("kind").equals("progress")).reduce((a, b) -> b).orElseThrow().get("body");
        assertEquals("1", record.get("NoiNopHoSo"), "submitted on the national portal");
        assertEquals("2", record.get("KenhThucHien"), "online");
        assertEquals("1", record.get("TaiKhoanDuocXacThucVoiVNeID"));
        assertEquals("001099012345", record.get("SoGiayToChuHoSo"));
        assertEquals("10", record.get("TrangThaiHoSo"));
        List<String> keys = entries.stream().filter(e -> e.get("kind").equals("progress")).map(e -> (String) e.get("key")).toList();
        List<Long> versions = keys.stream().map(k -> Long.parseLong(k.substring(k.indexOf('#') + 1))).toList();
        assertEquals(versions.stream().sorted().distinct().toList(), versions, "each event once, in order: " + keys);
        assertTrue(entries.stream().filter(e -> e.get("kind").equals("progress")).noneMatch(e -> String.valueOf(e.get("body")).contains("claim")),
                "the claim sends no progress entry");

        // the dev page shows what was taken, escaped, and submits a sample from its form
        HttpClient plain = HttpClient.newHttpClient();
        String html = plain.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + NationalInboxSandbox.PAGE)).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(html.contains(national) && html.contains(id), html);
        HttpResponse<String> form = plain.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + NationalInboxSandbox.SUBMIT))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("procedureCode=%3Cb%3EX%3C%2Fb%3E&name=Tr%E1%BA%A7n&idNumber=001099000001")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, form.statusCode(), form.body());
        String after = plain.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + NationalInboxSandbox.PAGE)).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(after.contains("&lt;b&gt;X&lt;/b&gt;") && !after.contains("<b>X</b>"), "escaped");
        // an unknown procedure is counted, not taken, and stays waiting
        runner.fireSchedule("NationalInboxFunction");
        assertTrue(list("waiting").stream().anyMatch(r -> "<b>X</b>".equals(r.get("MaTTHC"))));
    }
}
