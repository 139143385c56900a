package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static vn.gov.bvhttdl.dvc.api.CitizenApiHandlerIT.*;
import static vn.gov.bvhttdl.dvc.api.PortalApiIT.official;
import static vn.gov.bvhttdl.dvc.api.PortalApiIT.randomCode;
import static vn.gov.bvhttdl.dvc.api.PortalApiIT.received;

/**
 * Finding work through the officials' API (issue 24): {@code GET /api/official/dossiers/search?q=} within the caller's
 * scope only, its bounds as problem+json in both languages; the queue without a tab lands on the post's work and
 * counts every tab in the same answer; the finished tab.
 */
class FindingWorkApiIT {
    static ApiHandler handler;

    @BeforeAll
    static void start() {
        TestStack.get();
        handler = new ApiHandler();
    }

    @AfterAll
    static void stop() { handler.close(); }

    static APIGatewayV2HTTPEvent get(String path, Map<String, String> query, Map<String, String> claims) {
        APIGatewayV2HTTPEvent e = request("GET", path, null, claims);
        StringBuilder raw = new StringBuilder();
        query.forEach((k, v) -> raw.append(raw.isEmpty() ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        e.setRawQueryString(raw.toString());
        e.setQueryStringParameters(query);
        return e;
    }

    @SuppressWarnings("unchecked")
    static List<String> codes(APIGatewayV2HTTPResponse r) {
        assertEquals(200, r.getStatusCode(), r.getBody());
        return ((List<Map<String, Object>>) json(r).get("items")).stream().map(x -> (String) x.get("code")).toList();
    }

    @Test
    void aSearchByCodeNameOrIdNumberAnswersOnlyWhatReachedTheCallersUnit() {
        String unique = "Tìm" + (100000 + (int) (Math.random() * 800000));
        String code = randomCode("261203");
        String idNumber = "0010990" + (10000 + (int) (Math.random() * 89999));
        received("owner-search", new Applicant("Trần " + unique + " Lan", idNumber, null, null, "0912000123", null), code, LocalDate.of(2026, 12, 30));
        Map<String, String> desk = official("sub-search-mc", "CDLQG", "MOTCUA", "ONE_STOP");
        Map<String, String> travel = official("sub-search-lh", "CDLQG", "LUHANH", "SPECIALIST");
        Map<String, String> foreign = official("sub-search-x", "CNTBD", "MOTCUA", "ONE_STOP");
        String path = "/api/official/dossiers/search";
        assertEquals(List.of(code), codes(handler.handleRequest(get(path, Map.of("q", code), desk), null)));
        assertEquals(List.of(code), codes(handler.handleRequest(get(path, Map.of("q", idNumber), desk), null)));
        assertEquals(List.of(code), codes(handler.handleRequest(get(path, Map.of("q", "tran " + unique.toLowerCase().replace("ì", "i")), desk), null)));
        // still at the desk: another unit of the agency and another agency find nothing, whatever they type
        for (Map<String, String> outsider : List.of(travel, foreign)) {
            for (String q : List.of(code, idNumber, unique)) {
                assertEquals(List.of(), codes(handler.handleRequest(get(path, Map.of("q", q), outsider), null)), outsider.get("custom:unit") + " " + q);
            }
        }
        // too short, too long, missing: 400 problem+json in both languages
        for (Map<String, String> q : List.of(Map.of("q", "ab"), Map.of("q", "x".repeat(65)), Map.<String, String>of())) {
            APIGatewayV2HTTPResponse bad = handler.handleRequest(get(path, q, desk), null);
            assertEquals(400, bad.getStatusCode(), bad.getBody());
            assertTrue(contentType(bad).startsWith("application/problem+json"), bad.getBody());
            Map<String, Object> p = json(bad);
            assertEquals(Problem.BASE + "invalid-search", p.get("type"));
            @SuppressWarnings("unchecked") Map<String, Object> message = (Map<String, Object>) p.get("message");
            assertFalse(String.valueOf(message.get("vi")).isBlank() || String.valueOf(message.get("en")).isBlank(), bad.getBody());
        }
        assertEquals(401, handler.handleRequest(get(path, Map.of("q", code), null), null).getStatusCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theQueueWithoutATabLandsOnThePostsWorkAndCountsEveryTab() {
        String code = randomCode("261204");
        received("owner-landing", new Applicant("Lý Thị Mai", "001099000321", null, null, "0912000321", null), code, LocalDate.of(2026, 12, 30));
        Map<String, String> desk = official("sub-landing-mc", "CDLQG", "MOTCUA", "ONE_STOP");
        Map<String, Object> q = json(handler.handleRequest(get("/api/official/dossiers/queue", Map.of(), desk), null));
        assertEquals(Boolean.TRUE, q.get("landed"));
        assertEquals("unit", q.get("scope"));
        assertEquals("RECEIVED", q.get("status"), "the desk lands on the received dossiers");
        Map<String, Object> tabs = (Map<String, Object>) q.get("tabs");
        for (String tab : List.of("SUBMITTED", "RECEIVED", "IN_PROCESSING", "AWAITING_SUPPLEMENT", "AWAITING_PAYMENT", "RESULT_READY", "finished", "mine", "consultations")) {
            assertTrue(tabs.containsKey(tab), tab + " " + tabs);
        }
        Map<String, String> specialist = official("sub-landing-lh", "CDLQG", "LUHANH", "SPECIALIST");
        Map<String, Object> s = json(handler.handleRequest(get("/api/official/dossiers/queue", Map.of(), specialist), null));
        assertNotEquals("RECEIVED", s.get("status") + "/" + s.get("scope"), "a specialist never lands on the desk's tab");
        assertTrue(List.of("mine", "unit", "consultations").contains(s.get("scope")));
        // the finished tab takes finished statuses only
        assertEquals(200, handler.handleRequest(get("/api/official/dossiers/queue", Map.of("scope", "finished"), desk), null).getStatusCode());
        assertEquals(200, handler.handleRequest(get("/api/official/dossiers/queue", Map.of("scope", "finished", "status", "REFUSED"), desk), null).getStatusCode());
        APIGatewayV2HTTPResponse wrong = handler.handleRequest(get("/api/official/dossiers/queue", Map.of("scope", "finished", "status", "RECEIVED"), desk), null);
        assertEquals(400, wrong.getStatusCode(), wrong.getBody());
        assertEquals(400, handler.handleRequest(get("/api/official/dossiers/queue", Map.of("scope", "nope"), desk), null).getStatusCode());
    }
}
