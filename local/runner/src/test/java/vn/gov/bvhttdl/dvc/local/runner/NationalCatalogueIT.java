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
 * The procedure codes' report on the offline stack (issue #20, part 4): AdminApiFunction asks the runner's sandbox of
 * the national procedure database, seeded from the catalogue with three differences, and shows exactly them; with the
 * sandbox down the route answers 502 problem+json, and a citizen may not read it.
 */
class NationalCatalogueIT {
    static LocalRunner runner;

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start(new LocalRunner.Options(0, null, 0, Map.of()));
    }

    @AfterAll
    static void stop() { if (runner != null) runner.close(); }

    static void mode(String mode) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + NationalCatalogueSandbox.BASE + "/control"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("mode=" + mode)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReportShowsTheSandboxsDifferences() throws Exception {
        String admin = runner.devToken("Quản trị Đối chiếu", "001080000999", "doichieu@example.vn", "admins");
        HttpResponse<String> r = LocalRunnerIT.call(runner.baseUrl(), "GET", "/api/admin/national/procedure-codes", admin, null);
        assertEquals(200, r.statusCode(), r.body());
        Map<String, Object> report = Json.obj(Json.parse(r.body()));
        Map<String, Object> counts = Json.obj(report.get("counts"));
        assertEquals(1, ((Number) counts.get("missing-nationally")).intValue(), r.body());
        assertEquals(1, ((Number) counts.get("missing-here")).intValue(), r.body());
        assertEquals(1, ((Number) counts.get("different")).intValue(), r.body());
        assertTrue(((Number) counts.get("matching")).intValue() > 5, r.body());
        List<Map<String, Object>> lines = ((List<Object>) report.get("lines")).stream().map(Json::obj).toList();
        Map<String, Object> missing = lines.stream().filter(l -> l.get("code").equals(NationalCatalogueSandbox.MISSING_THERE)).findFirst().orElseThrow();
        assertEquals("missing-nationally", missing.get("kind"));
        Map<String, Object> renamed = lines.stream().filter(l -> l.get("code").equals(NationalCatalogueSandbox.RENAMED)).findFirst().orElseThrow();
        assertEquals("different", renamed.get("kind"));
        assertEquals(List.of("name"), renamed.get("differences"));
        assertTrue(String.valueOf(Json.obj(renamed.get("national")).get("name")).contains("quyết định công bố mới"));
        Map<String, Object> only = lines.stream().filter(l -> l.get("code").equals(NationalCatalogueSandbox.ONLY_THERE)).findFirst().orElseThrow();
        assertEquals("missing-here", only.get("kind"));

        String citizen = runner.devToken("Công dân", "001088000998", "cd@example.vn", "citizens");
        assertEquals(403, LocalRunnerIT.call(runner.baseUrl(), "GET", "/api/admin/national/procedure-codes", citizen, null).statusCode());

        mode("down");
        try {
            HttpResponse<String> down = LocalRunnerIT.call(runner.baseUrl(), "GET", "/api/admin/national/procedure-codes", admin, null);
            assertEquals(502, down.statusCode(), down.body());
            assertTrue(down.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            Map<String, Object> p = Json.obj(Json.parse(down.body()));
            assertTrue(String.valueOf(p.get("type")).endsWith("/national-catalogue-unavailable"), down.body());
            assertFalse(String.valueOf(Json.obj(p.get("message")).get("vi")).isBlank());
        } finally {
            mode("up");
        }
    }
}
