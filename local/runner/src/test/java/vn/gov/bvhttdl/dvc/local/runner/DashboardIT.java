package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.Template;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /dev/dashboard} on the whole offline stack (issue 23): a dossier submitted and received makes the functions
 * print their EMF lines; the runner reads them and draws the template's two dashboards from them, with the AWS/Lambda
 * metrics of the invocations it saw and one cold start per function invoked.
 */
class DashboardIT {
    static LocalRunner runner;

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start(new LocalRunner.Options(0, null, 0));
    }

    @AfterAll
    static void stop() { runner.close(); }

    static Map<String, Object> data() throws Exception {
        HttpResponse<String> r = LocalRunnerIT.call(runner.baseUrl(), "GET", "/dev/dashboard/data", null, null);
        assertEquals(200, r.statusCode(), r.body());
        return LocalRunnerIT.json(r);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> dashboard(Map<String, Object> data, String id) {
        return ((List<Map<String, Object>>) data.get("dashboards")).stream().filter(d -> id.equals(d.get("id"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> widget(Map<String, Object> dashboard, String title) {
        return ((List<Map<String, Object>>) dashboard.get("widgets")).stream().filter(w -> title.equals(w.get("title"))).findFirst()
                .orElseThrow(() -> new AssertionError("no widget " + title));
    }

    /** Each line that has points: its label and the sum of its points. */
    @SuppressWarnings("unchecked")
    static Map<String, Double> totals(Map<String, Object> widget) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map<String, Object> l : (List<Map<String, Object>>) widget.get("lines")) {
            List<Object> points = (List<Object>) l.get("points");
            if (points.isEmpty()) continue;
            double s = 0;
            for (Object p : points) s += ((Number) ((List<Object>) p).get(1)).doubleValue();
            out.merge((String) l.get("label"), s, Double::sum);
        }
        return out;
    }

    /** The widget titles of a dashboard of template.yaml, read from the template itself. */
    @SuppressWarnings("unchecked")
    static List<Object> titles(Template t, String id) {
        Object body = t.resources("AWS::CloudWatch::Dashboard").get(id).get("DashboardBody");
        String json = body instanceof String s ? s : (String) ((Map<String, Object>) body).get("Fn::Sub");
        List<Object> out = new ArrayList<>();
        for (Object w : (List<Object>) Json.obj(Json.parse(json)).get("widgets")) out.add(Json.obj(Json.obj(w).get("properties")).get("title"));
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSubmittedDossierIsOnTheServiceDashboardAndEveryFunctionInvokedHasOneColdStart() throws Exception {
        String token = runner.devToken("Trần Thị Mai", "001088000777", "mai.tran@example.vn", "citizens");
        String id = (String) LocalRunnerIT.json(LocalRunnerIT.call(runner.baseUrl(), "POST", "/api/dossiers", token,
                "{\"procedureCode\":\"BVHTTDL-DL-003\",\"applicant\":{\"phone\":\"0912000777\",\"email\":\"mai.tran@example.vn\"}," + LocalRunnerIT.REISSUE_FORM + "}")).get("id");
        byte[] bytes = LocalRunnerIT.pdf("Don de nghi cap lai");
        HttpResponse<String> r = LocalRunnerIT.call(runner.baseUrl(), "POST", "/api/dossiers/" + id + "/attachments", token,
                "{\"componentCode\":\"DON\",\"fileName\":\"don.pdf\",\"size\":" + bytes.length + "}");
        assertEquals(201, r.statusCode(), r.body());
        Map<String, Object> up = LocalRunnerIT.json(r);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create((String) up.get("uploadUrl")));
        ((Map<String, String>) up.get("headers")).forEach(b::header);
        assertEquals(200, HttpClient.newHttpClient().send(b.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        runner.flushS3Notifications();
        assertEquals(202, LocalRunnerIT.call(runner.baseUrl(), "POST", "/api/dossiers/" + id + "/submit", token, null).statusCode());

        // the stream's status counts emit the submission and the receipt: wait for them on the dashboard
        Map<String, Double> lastDays = Map.of();
        long deadline = System.currentTimeMillis() + 40_000;
        while (System.currentTimeMillis() < deadline) {
            lastDays = totals(widget(dashboard(data(), "ServiceDashboard"), "Last 30 days"));
            if (lastDays.getOrDefault("DossierSubmitted", 0.0) >= 1 && lastDays.getOrDefault("DossierReceived", 0.0) >= 1) break;
            Thread.sleep(500);
        }
        assertTrue(lastDays.getOrDefault("DossierSubmitted", 0.0) >= 1, "submitted: " + lastDays);
        assertTrue(lastDays.getOrDefault("DossierReceived", 0.0) >= 1, "received: " + lastDays);

        Map<String, Object> data = data();
        // both dashboards of the template, every widget of each, in order
        Template t = Template.read(Emulators.repoRoot().resolve("template.yaml"));
        for (String dash : List.of("OperationsDashboard", "ServiceDashboard")) {
            List<Object> drawn = ((List<Map<String, Object>>) dashboard(data, dash).get("widgets")).stream().map(w -> w.get("title")).toList();
            assertEquals(titles(t, dash), drawn, dash);
        }
        Map<String, Object> service = dashboard(data, "ServiceDashboard");
        // per agency and channel: a SEARCH, one line per agency and channel found
        Map<String, Double> received = totals(widget(service, "Received per agency and channel, per day"));
        assertFalse(received.isEmpty(), "the SEARCH found the agency's line");
        assertTrue(received.keySet().stream().anyMatch(k -> k.contains("ONLINE")), received.toString());

        Map<String, Object> ops = dashboard(data, "OperationsDashboard");
        Map<String, Double> invoked = totals(widget(ops, "Duration p50 (ms)"));
        Map<String, Double> cold = totals(widget(ops, "Cold starts"));
        // an invocation still running (a stream consumer's) has printed its cold start but has no duration until it
        // ends: wait for the functions in flight to finish before comparing the two
        long settle = System.currentTimeMillis() + 30_000;
        while (!invoked.keySet().containsAll(cold.keySet()) && System.currentTimeMillis() < settle) {
            Thread.sleep(250);
            ops = dashboard(data(), "OperationsDashboard");
            invoked = totals(widget(ops, "Duration p50 (ms)"));
            cold = totals(widget(ops, "Cold starts"));
        }
        Map<String, Double> errors = totals(widget(ops, "Function errors"));
        for (String fn : List.of("CitizenApi", "Validation", "StatusCounts", "UploadScan")) {
            assertTrue(invoked.containsKey(fn), fn + " was invoked: " + invoked);
            assertEquals(1.0, cold.get(fn), fn + " started cold once: " + cold);
        }
        for (String fn : invoked.keySet()) assertEquals(1.0, cold.get(fn), fn + " was invoked, so it started cold once: " + cold);
        for (String fn : cold.keySet()) assertTrue(invoked.containsKey(fn), fn + " started cold without an invocation");
        assertEquals(0.0, errors.getOrDefault("CitizenApi", 0.0), errors.toString());
        // the share of cold starts: metric math over the cold starts and the invocations
        Map<String, Double> share = totals(widget(ops, "Cold-start share (% of invocations)"));
        assertTrue(share.getOrDefault("CitizenApi", 0.0) > 0 && share.get("CitizenApi") <= 100, share.toString());
        // the dead-letter queues' depth is sampled from the queue server
        assertNotNull(totals(widget(ops, "Dead-letter queues: messages waiting")).get("SubmissionDLQ"));

        // the page and the charting library it loads
        HttpResponse<String> page = LocalRunnerIT.call(runner.baseUrl(), "GET", "/dev/dashboard", null, null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/dev/dashboard/data") && page.body().contains("/dev/dashboard/echarts.min.js"));
        HttpResponse<String> lib = LocalRunnerIT.call(runner.baseUrl(), "GET", "/dev/dashboard/echarts.min.js", null, null);
        assertEquals(200, lib.statusCode());
        assertTrue(lib.body().length() > 100_000 && lib.body().contains("echarts"), "echarts from node_modules");
    }
}
