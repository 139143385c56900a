package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The archive's admin routes (docs/archive.md, issue #26) through the API's handler on the test stack: only an
 * administrator is let in; every client mistake — a year not past, a missing agency, a body that is not the decision,
 * a decision short of members or in the future, an unknown record or decision — is a bilingual problem document,
 * never a 5xx, whatever the body, path or query.
 */
class ArchiveRouteIT {
    static ApiHandler handler;
    static final Map<String, String> CITIZEN = CitizenApiHandlerIT.citizen("archive-citizen", "Nguyễn Văn An", "001099012345");
    static final Map<String, String> ADMIN = AccessMatrixIT.admin();
    static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();

    @BeforeContainer
    static void start() {
        TestStack.get();
        handler = new ApiHandler();
    }

    @AfterContainer
    static void stop() { handler.close(); }

    static APIGatewayV2HTTPResponse send(String method, String path, String query, String body, Map<String, String> claims) {
        APIGatewayV2HTTPEvent e = CitizenApiHandlerIT.request(method, path, body, claims);
        Map<String, String> h = new HashMap<>(e.getHeaders());
        if (body != null) h.put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        e.setHeaders(h);
        if (query != null) {
            e.setRawQueryString(query);
            Map<String, String> params = new HashMap<>();
            for (String kv : query.split("&")) {
                String[] p = kv.split("=", 2);
                params.put(p[0], p.length > 1 ? p[1] : "");
            }
            e.setQueryStringParameters(params);
        }
        return handler.handleRequest(e, null);
    }

    static String decision(String agency, List<String> members, String decidedOn, List<String> codes) {
        StringBuilder b = new StringBuilder("{\"agency\":\"" + agency + "\",\"minutes\":\"BB-01/" + THIS_YEAR + "\",\"decidedOn\":\"" + decidedOn + "\",\"members\":[");
        b.append(String.join(",", members.stream().map(m -> "\"" + m + "\"").toList())).append("],\"archiveCodes\":[");
        b.append(String.join(",", codes.stream().map(m -> "\"" + m + "\"").toList())).append("]}");
        return b.toString();
    }

    static final List<String> THREE = List.of("Chủ tịch HĐ", "Lưu trữ viên", "Pháp chế");

    @Example
    void aCitizenIsRefusedEveryArchiveRoute() {
        String today = LocalDate.now().toString();
        for (String[] r : List.of(new String[]{"POST", "/api/admin/archive/handover/CDLQG/2020", null},
                new String[]{"GET", "/api/admin/archive/expired", "agency=CDLQG"},
                new String[]{"POST", "/api/admin/archive/decisions", decision("CDLQG", THREE, today, List.of("CDLQG.2020.X"))},
                new String[]{"POST", "/api/admin/archive/decisions/" + UUID.randomUUID() + "/destroy", null})) {
            boolean get = r[0].equals("GET");
            APIGatewayV2HTTPResponse res = send(r[0], r[1], get ? r[2] : null, get ? null : r[2], CITIZEN);
            assertEquals(403, res.getStatusCode(), r[1] + ": " + res.getBody());
            HostileInputIT.assertProblem(res);
        }
    }

    @Example
    void anAdministratorsMistakesAreProblemsInBothLanguages() {
        HostileInputIT.problem(send("POST", "/api/admin/archive/handover/CDLQG/" + THIS_YEAR, null, null, ADMIN), 400, "invalid-year");
        HostileInputIT.problem(send("POST", "/api/admin/archive/handover/CDLQG/" + (THIS_YEAR + 3), null, null, ADMIN), 400, "invalid-year");
        HostileInputIT.assertProblem(send("POST", "/api/admin/archive/handover/CDLQG/not-a-year", null, null, ADMIN));
        HostileInputIT.problem(send("GET", "/api/admin/archive/expired", null, null, ADMIN), 400, "unknown-agency");
        HostileInputIT.assertProblem(send("GET", "/api/admin/archive/expired", "agency=CDLQG&from=abc", null, ADMIN));
        HostileInputIT.problem(send("POST", "/api/admin/archive/decisions", null, "not json", ADMIN), 400, "malformed-body");
        HostileInputIT.problem(send("POST", "/api/admin/archive/decisions", null, "[1,2]", ADMIN), 400, "malformed-body");
        HostileInputIT.problem(send("POST", "/api/admin/archive/decisions", null,
                decision("CDLQG", List.of("Một người"), LocalDate.now().toString(), List.of("CDLQG.2020.X")), ADMIN), 422, "invalid-destruction-decision");
        HostileInputIT.problem(send("POST", "/api/admin/archive/decisions", null,
                decision("CDLQG", THREE, LocalDate.now().plusDays(30).toString(), List.of("CDLQG.2020.X")), ADMIN), 422, "invalid-destruction-decision");
        HostileInputIT.problem(send("POST", "/api/admin/archive/decisions", null,
                decision("CDLQG", THREE, LocalDate.now().toString(), List.of()), ADMIN), 422, "invalid-destruction-decision");
        HostileInputIT.problem(send("POST", "/api/admin/archive/decisions", null,
                decision("CDLQG", THREE, "31/12/2025", List.of("CDLQG.2020.X")), ADMIN), 422, "invalid-date");
        HostileInputIT.problem(send("POST", "/api/admin/archive/decisions", null,
                decision("CDLQG", THREE, LocalDate.now().toString(), List.of("CDLQG.2020.no-such-" + UUID.randomUUID())), ADMIN), 404, "archive-record-not-found");
        HostileInputIT.problem(send("POST", "/api/admin/archive/decisions/" + UUID.randomUUID() + "/destroy", null, null, ADMIN), 404, "destruction-decision-not-found");
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> s = Arbitraries.strings().all().ofMaxLength(200);
        return Arbitraries.oneOf(s,
                s.map(x -> "{\"agency\":" + HostileInputIT.jsonString(x) + ",\"members\":[" + HostileInputIT.jsonString(x) + "],\"archiveCodes\":"
                        + HostileInputIT.jsonString(x) + "}"),
                s.map(x -> decision("CDLQG", THREE, HostileInputIT.jsonString(x).replace("\"", ""), List.of("CDLQG.2020.X"))),
                Arbitraries.of("{\"members\":{}}", "{\"archiveCodes\":[null]}", "{\"decidedOn\":12}", "{\"agency\":[]}", "{}", "null", "\"x\"",
                        "{\"members\":[1,2,3],\"minutes\":7,\"decidedOn\":\"2025-01-01\",\"archiveCodes\":[{}],\"agency\":\"CDLQG\"}"),
                Arbitraries.integers().between(1, 3000).map(n -> "[".repeat(n) + "]".repeat(n)));
    }

    @Property(tries = 120)
    void anyBodyToTheDecisionsRouteIsAnsweredWithoutA5xx(@ForAll("bodies") String body) {
        APIGatewayV2HTTPResponse r = send("POST", "/api/admin/archive/decisions", null, body, ADMIN);
        assertTrue(r.getStatusCode() < 500, () -> "answered " + r.getStatusCode() + ": " + r.getBody());
        if (r.getStatusCode() >= 400) HostileInputIT.assertProblem(r);
    }

    @Property(tries = 120)
    void anyPathSegmentOrQueryIsAnsweredWithoutA5xx(@ForAll("segments") String segment) {
        String seg = java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8);
        for (APIGatewayV2HTTPResponse r : List.of(
                send("POST", "/api/admin/archive/handover/" + seg + "/2020", null, null, ADMIN),
                send("POST", "/api/admin/archive/handover/CDLQG/" + seg, null, null, ADMIN),
                send("GET", "/api/admin/archive/expired", "agency=" + seg + "&from=" + seg, null, ADMIN),
                send("POST", "/api/admin/archive/decisions/" + seg + "/destroy", null, null, ADMIN))) {
            assertTrue(r.getStatusCode() < 500, () -> segment + " answered " + r.getStatusCode() + ": " + r.getBody());
            if (r.getStatusCode() >= 400) HostileInputIT.assertProblem(r);
        }
    }

    @Provide
    Arbitrary<String> segments() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(100),
                Arbitraries.of("-1", "0", "99999999999", "2147483648", "1999", "../..", "CDLQG%00", "' OR 1=1 --", "🙂"));
    }
}
