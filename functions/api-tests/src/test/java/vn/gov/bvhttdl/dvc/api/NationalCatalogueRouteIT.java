package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;
import static vn.gov.bvhttdl.dvc.api.CitizenApiHandlerIT.*;

/**
 * {@code GET /api/admin/national/procedure-codes} through the handler, with the national procedure database played by
 * a local HTTP server: not configured → 503 problem+json, the report with each group, the database failing → 502
 * problem+json (no stack trace), and no one but an administrator reads it.
 */
class NationalCatalogueRouteIT {
    static final String ROUTE = "/api/admin/national/procedure-codes";
    static ApiHandler handler;
    static HttpServer server;
    static final AtomicReference<Object[]> reply = new AtomicReference<>();

    @BeforeAll
    static void start() throws Exception {
        TestStack.get();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            Object[] r = reply.get();
            byte[] out = ((String) r[1]).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders((Integer) r[0], out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        System.setProperty("NATIONAL_PORTAL_SECRETS_FILE", Emulators.repoRoot().resolve("local/sandbox/national-portal.json").toString());
        handler = new ApiHandler();
    }

    @AfterAll
    static void stop() {
        handler.close();
        server.stop(0);
        System.clearProperty("NATIONAL_CATALOGUE_URL");
    }

    static APIGatewayV2HTTPResponse get(Map<String, String> claims) {
        return handler.handleRequest(request("GET", ROUTE, null, claims), null);
    }

    static Map<String, Object> problem(APIGatewayV2HTTPResponse r, int status, String slug) {
        assertEquals(status, r.getStatusCode(), r.getBody());
        assertTrue(contentType(r).startsWith("application/problem+json"), contentType(r));
        Map<String, Object> p = json(r);
        assertEquals(Problem.BASE + slug, p.get("type"));
        Map<String, Object> message = Json.obj(p.get("message"));
        assertFalse(String.valueOf(message.get("vi")).isBlank());
        assertFalse(String.valueOf(message.get("en")).isBlank());
        assertFalse(r.getBody().contains("Exception"), "no stack trace: " + r.getBody());
        return p;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReportItsProblemsAndWhoMayReadIt() {
        Map<String, String> admin = AccessMatrixIT.admin();
        System.clearProperty("NATIONAL_CATALOGUE_URL");
        problem(get(admin), 503, "national-catalogue-not-configured");

        // the catalogue as the function sees it (other tests of this module publish versions into the same table):
        // asked with an empty national list, every procedure of ours is missing nationally, with its own values
        System.setProperty("NATIONAL_CATALOGUE_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/csdl");
        reply.set(new Object[]{200, Json.write(Map.of("error_code", "0", "message", "Thành công", "result", List.of()))});
        APIGatewayV2HTTPResponse alone = get(admin);
        assertEquals(200, alone.getStatusCode(), alone.getBody());
        List<Map<String, Object>> ours = new ArrayList<>();
        for (Object l : (List<Object>) json(alone).get("lines")) {
            Map<String, Object> line = Json.obj(l);
            assertEquals("missing-nationally", line.get("kind"));
            ours.add(Json.obj(line.get("catalogue")));
        }
        assertTrue(ours.size() > 10, "the catalogue's procedures: " + ours.size());
        List<Map<String, Object>> national = new ArrayList<>();
        for (Map<String, Object> p : ours.subList(1, ours.size())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("MATTHC", p.get("code"));
            m.put("TENTTHC", p.get("code").equals(ours.get(1).get("code")) ? "Tên khác" : p.get("name"));
            m.put("MUCDO", p.get("level"));
            m.put("COQUANTHUCHIEN", p.get("agency"));
            national.add(m);
        }
        national.add(Map.of("MATTHC", "1.000009", "TENTTHC", "Chỉ có ở quốc gia <b>", "MUCDO", "3", "COQUANTHUCHIEN", "Bộ"));
        reply.set(new Object[]{200, Json.write(Map.of("error_code", "0", "message", "Thành công", "result", national))});

        APIGatewayV2HTTPResponse ok = get(admin);
        assertEquals(200, ok.getStatusCode(), ok.getBody());
        Map<String, Object> report = json(ok);
        Map<String, Integer> counts = new LinkedHashMap<>();
        Json.obj(report.get("counts")).forEach((k, v) -> counts.put(k, ((Number) v).intValue()));
        assertEquals(Map.of("missing-nationally", 1, "missing-here", 1, "different", 1, "matching", ours.size() - 2), counts);
        List<Map<String, Object>> lines = (List<Map<String, Object>>) report.get("lines");
        assertEquals(ours.size() + 1, lines.size());
        Map<String, Object> first = lines.getFirst();
        assertEquals("missing-nationally", first.get("kind"));
        assertEquals(ours.getFirst().get("code"), first.get("code"));
        assertEquals(ours.getFirst().get("name"), Json.obj(first.get("catalogue")).get("name"));
        Map<String, Object> renamed = lines.stream().filter(l -> "different".equals(l.get("kind"))).findFirst().orElseThrow();
        assertEquals(List.of("name"), renamed.get("differences"));
        assertEquals("Tên khác", Json.obj(renamed.get("national")).get("name"));
        Map<String, Object> there = lines.stream().filter(l -> "1.000009".equals(l.get("code"))).findFirst().orElseThrow();
        assertEquals("missing-here", there.get("kind"));
        assertEquals("Chỉ có ở quốc gia <b>", Json.obj(there.get("national")).get("name"), "data as sent: the page escapes it");

        reply.set(new Object[]{500, "<html>Internal error</html>"});
        problem(get(admin), 502, "national-catalogue-unavailable");
        reply.set(new Object[]{200, "{\"error_code\": \"-1\", \"message\": \"Sai mã đơn vị\"}"});
        problem(get(admin), 502, "national-catalogue-unavailable");

        // no one else, whatever the database says
        reply.set(new Object[]{200, Json.write(Map.of("error_code", "0", "result", national))});
        for (AccessMatrixIT.Who who : AccessMatrixIT.ACTORS) {
            if (who.name().equals("admin")) continue;
            assertEquals(403, get(who.claims()).getStatusCode(), who.name());
        }
        assertEquals(401, get(null).getStatusCode());
    }
}
