package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The project's own hostile-input suite (issue #7): what a careless client or an attacker sends to the API gets a
 * bilingual problem document naming the limit — never a 5xx, never more than a short quotation of the input — and
 * nobody acts under another person's identity. Examples first, then properties over generated input.
 */
class HostileInputIT {
    static ApiHandler handler;

    @BeforeContainer
    static void start() {
        TestStack.get();
        handler = new ApiHandler();
    }

    @AfterContainer
    static void stop() {
        handler.close();
    }

    static final Map<String, String> AN = CitizenApiHandlerIT.citizen("hostile-an", "Nguyễn Văn An", "001099012345");

    /** As the HTTP API sends it: the body's length in content-length. */
    static APIGatewayV2HTTPResponse send(String method, String path, String query, String body, Map<String, String> claims,
                                         Map<String, String> headers) {
        APIGatewayV2HTTPEvent e = CitizenApiHandlerIT.request(method, path, body, claims);
        Map<String, String> h = new HashMap<>(e.getHeaders());
        if (body != null) h.put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        if (headers != null) h.putAll(headers);
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

    static APIGatewayV2HTTPResponse send(String method, String path, String body) {
        return send(method, path, null, body, AN, null);
    }

    /** The shape every refusal has: 4xx, problem+json, both languages, and small whatever was sent. */
    static Map<String, Object> problem(APIGatewayV2HTTPResponse r, int status, String type) {
        assertEquals(status, r.getStatusCode(), r.getBody());
        assertProblem(r);
        Map<String, Object> p = CitizenApiHandlerIT.json(r);
        if (type != null) assertEquals(Problem.BASE + type, p.get("type"));
        return p;
    }

    static void assertProblem(APIGatewayV2HTTPResponse r) {
        assertTrue(r.getStatusCode() >= 400 && r.getStatusCode() < 500, () -> "a client mistake must be a 4xx: " + r.getStatusCode() + " " + r.getBody());
        assertTrue(CitizenApiHandlerIT.contentType(r).startsWith("application/problem+json"), CitizenApiHandlerIT.contentType(r));
        assertTrue(r.getBody().length() < 8_000, () -> "an error body of " + r.getBody().length() + " characters");
        Map<?, ?> message = (Map<?, ?>) CitizenApiHandlerIT.json(r).get("message");
        assertNotNull(message.get("vi"));
        assertNotNull(message.get("en"));
        CitizenApiHandlerIT.assertNoNullMember(CitizenApiHandlerIT.json(r), r.getBody());
    }

    static String repeat(String s, int n) { return s.repeat(n); }

    @Example
    void aMegabyteApplicantFieldIsRefusedAt413BeforeAnythingIsRead() {
        String body = "{\"procedureCode\":\"BVHTTDL-DL-001\",\"applicant\":{\"address\":\"" + repeat("a", 1024 * 1024) + "\"}}";
        Map<String, Object> p = problem(send("POST", "/api/dossiers", body), 413, "body-too-large");
        assertTrue(((String) p.get("detail")).contains("256 KB"), (String) p.get("detail"));
    }

    @Example
    void anOverlongFieldUnderTheBodyLimitIsA422NamingTheLimit() {
        String body = "{\"procedureCode\":\"BVHTTDL-DL-001\",\"applicant\":{\"address\":\"" + repeat("đ", 600) + "\",\"phone\":\"12\"}}";
        Map<String, Object> p = problem(send("POST", "/api/dossiers", body), 422, "invalid-input");
        List<?> errors = (List<?>) p.get("errors");
        assertEquals(2, errors.size(), "every problem at once: " + errors);
        assertTrue(errors.toString().contains(Integer.toString(Limits.MAX_ADDRESS)), errors.toString());
    }

    @Example
    void aFormOfFiftyLongVietnameseFieldsIsRefusedAndNoDraftIsLeftHalfWritten() {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < 50; i++) form.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":\"").append(repeat("ệ", 4000)).append('"');
        assertEquals(413, send("POST", "/api/dossiers", "{\"procedureCode\":\"BVHTTDL-DL-001\",\"form\":{" + form + "}}").getStatusCode());
        // under the body limit but over the form's own: 20 × 3,000 Vietnamese characters ≈ 180 KB of UTF-8
        StringBuilder smaller = new StringBuilder();
        for (int i = 0; i < 20; i++) smaller.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":\"").append(repeat("ệ", 3000)).append('"');
        Map<String, Object> p = problem(send("POST", "/api/dossiers", "{\"procedureCode\":\"BVHTTDL-DL-001\",\"form\":{" + smaller + "}}"), 422, "invalid-input");
        assertTrue(((String) p.get("detail")).contains("64 KB"), (String) p.get("detail"));
        // the largest form allowed is stored and submitted without a 5xx
        // (every procedure now has its own e-form: its free-text fields at their maximum length)
        String max = "\"companyName\":\"" + repeat("ệ", 200) + "\",\"licenceNumber\":\"01-123/2019/TCDL-GP LHQT\",\"licenceIssuedOn\":\"2019-05-02\","
                + "\"reason\":\"damaged\",\"note\":\"" + repeat("ệ", 2000) + "\"";
        APIGatewayV2HTTPResponse created = send("POST", "/api/dossiers", "{\"procedureCode\":\"BVHTTDL-DL-003\",\"form\":{" + max + "}}");
        assertEquals(201, created.getStatusCode(), created.getBody());
        String id = (String) CitizenApiHandlerIT.json(created).get("id");
        CitizenApiHandlerIT.acceptedFile(id, "DON");
        APIGatewayV2HTTPResponse submitted = send("POST", "/api/dossiers/" + id + "/submit", null);
        assertEquals(202, submitted.getStatusCode(), submitted.getBody());
    }

    @Example
    void datesFarOutsideTheCalendarAndAbsurdPagesAreClientErrors() {
        problem(send("GET", "/api/procedures/BVHTTDL-DL-001/appointment", "at=+999999999-12-31T23:59:59Z", null, null, null), 422, "date-out-of-range");
        problem(send("GET", "/api/procedures/BVHTTDL-DL-001/appointment", "at=+9999999999-12-31T23:59:59Z", null, null, null), 400, "invalid-date-time");
        problem(send("GET", "/api/procedures/BVHTTDL-DL-001/appointment", "at=1850-01-01", null, null, null), 422, "date-out-of-range");
        problem(send("GET", "/api/procedures", "page=2147483647", null, null, null), 400, "page-out-of-range");
        problem(send("GET", "/api/procedures", "size=0", null, null, null), 400, "page-out-of-range");
        assertEquals(200, send("GET", "/api/procedures", "page=1000", null, null, null).getStatusCode());
    }

    @Example
    void errorsQuoteOnlyAShortPrefixOfWhatWasSent() {
        String code = repeat("X", 200_000);
        APIGatewayV2HTTPResponse r = send("GET", "/api/dossiers/by-code/" + code, null, null, AN, null);
        problem(r, 400, "malformed-dossier-code");
        assertNull(CitizenApiHandlerIT.json(r).get("instance"), "a long path is not echoed as the instance either");
        assertFalse(r.getBody().contains(repeat("X", Limits.ECHO + 1)), "no more than " + Limits.ECHO + " characters of the input");
        APIGatewayV2HTTPResponse p = send("GET", "/api/procedures/" + code, null, null, null, null);
        problem(p, 404, null);
        assertFalse(p.getBody().contains(repeat("X", Limits.ECHO + 1)));
    }

    @Example
    void theNameAndIdNumberAreThoseOfTheVerifiedIdentity() {
        Map<String, Object> p = problem(send("POST", "/api/dossiers",
                "{\"procedureCode\":\"BVHTTDL-DL-001\",\"applicant\":{\"idNumber\":\"001099099999\",\"fullName\":\"Người Khác\"}}"), 422, "identity-fields-fixed");
        assertEquals(2, ((List<?>) p.get("errors")).size());
        APIGatewayV2HTTPResponse ok = send("POST", "/api/dossiers",
                "{\"procedureCode\":\"BVHTTDL-DL-001\",\"applicant\":{\"fullName\":\"  nguyễn văn an \",\"enterpriseCode\":\"0101234567-001\",\"phone\":\"091 234 5678\"}}");
        assertEquals(201, ok.getStatusCode(), ok.getBody());
        Map<?, ?> a = (Map<?, ?>) CitizenApiHandlerIT.json(ok).get("applicant");
        assertEquals("Nguyễn Văn An", a.get("fullName"));
        assertEquals("001099012345", a.get("idNumber"));
        assertEquals("0912345678", a.get("phone"));
        String id = (String) CitizenApiHandlerIT.json(ok).get("id");
        problem(send("PUT", "/api/dossiers/" + id, "{\"applicant\":{\"idNumber\":\"001099099999\"}}"), 422, "identity-fields-fixed");
        problem(send("PUT", "/api/dossiers/" + id, "{\"applicant\":{\"enterpriseCode\":\"12345\"}}"), 422, "invalid-input");
    }

    @Example
    void aLoneSurrogateInAnIdNamesNothing() {
        // found by anyPathAndQueryIsAnsweredWithoutA5xx: DynamoDB refused the key (SerializationException → 500)
        problem(send("GET", "/api/dossiers/\ud83d", null, null, AN, null), 404, "dossier-not-found");
        problem(send("GET", "/api/official/dossiers/by-code/\ud83d", null, null,
                Map.of("sub", "o1", "cognito:groups", "[officials]"), null), 404, "dossier-not-found");
    }

    @Example
    void anIdempotencyKeyReusedForAnotherRequestIsRefused() {
        String key = "key-" + UUID.randomUUID();
        Map<String, String> h = Map.of("idempotency-key", key);
        APIGatewayV2HTTPResponse first = send("POST", "/api/dossiers", null, "{\"procedureCode\":\"BVHTTDL-DL-001\"}", AN, h);
        assertEquals(201, first.getStatusCode(), first.getBody());
        APIGatewayV2HTTPResponse retry = send("POST", "/api/dossiers", null, "{\"procedureCode\":\"BVHTTDL-DL-001\"}", AN, h);
        assertEquals(200, retry.getStatusCode(), retry.getBody());
        assertEquals(CitizenApiHandlerIT.json(first).get("id"), CitizenApiHandlerIT.json(retry).get("id"));
        problem(send("POST", "/api/dossiers", null, "{\"procedureCode\":\"BVHTTDL-DL-002\"}", AN, h), 422, "idempotency-key-reused");
    }

    // ------------------------------------------------------------------ properties

    @Provide
    Arbitrary<String> hostileStrings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withChars("\u0000\u001f\"\\<>{}[]%&#/\u202e\ud83d\ude00ệđ").ofMaxLength(100),
                Arbitraries.strings().ascii().ofMinLength(3_000).ofMaxLength(20_000),
                Arbitraries.of("", " ", "null", "-1", "1e309", "9999999999999999999999", "../../etc/passwd", "<img src=x onerror=alert(1)>",
                        "%00", "\uFEFF", "DROP TABLE", "0".repeat(13), "+84912345678"));
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> s = hostileStrings();
        Arbitrary<String> jsonString = s.map(HostileInputIT::jsonString);
        return Arbitraries.oneOf(
                s, // not JSON at all
                Combinators.combine(jsonString, jsonString, jsonString, jsonString).as((a, b, c, d) ->
                        "{\"procedureCode\":" + a + ",\"applicant\":{\"phone\":" + b + ",\"email\":" + c + ",\"address\":" + d + "},\"form\":{\"x\":" + b + "}}"),
                Combinators.combine(jsonString, jsonString).as((a, b) -> "{\"procedureCode\":\"BVHTTDL-DL-001\",\"form\":{" + a + ":" + b + "}}"),
                Arbitraries.integers().between(1, 3000).map(n -> "[".repeat(n) + "]".repeat(n)),
                Arbitraries.of("{\"procedureCode\":123}", "{\"applicant\":[]}", "{\"form\":{\"a\":{\"b\":1}}}", "{\"procedureCode\":null}",
                        "{\"size\":-5}", "{\"componentCode\":\"DON\",\"fileName\":\"a.pdf\",\"size\":99999999999999999999}"));
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    @Property(tries = 150)
    void anyBodyToAnyWriteRouteIsAnsweredWithoutA5xx(@ForAll("bodies") String body,
                                                    @ForAll("writeRoutes") String route) {
        String[] mp = route.split(" ", 2);
        APIGatewayV2HTTPResponse r = send(mp[0], mp[1], body);
        assertTrue(r.getStatusCode() < 500, () -> mp[0] + " " + mp[1] + " answered " + r.getStatusCode() + ": " + r.getBody());
        if (r.getStatusCode() >= 400) assertProblem(r);
    }

    /** "My data" (issue #25 item 4): a bad page size, cursor or id is a problem naming it, never a 5xx. */
    @Example
    void myDataRefusesABadPageCursorOrIdWithAProblem() {
        problem(send("GET", "/api/me/data/reads", "size=0", null, AN, null), 422, "invalid-page");
        problem(send("GET", "/api/me/data/reads", "size=51", null, AN, null), 422, "invalid-page");
        problem(send("GET", "/api/me/data/reads", "after=nonsense", null, AN, null), 422, "invalid-cursor");
        problem(send("GET", "/api/me/data/reads", "after=2026-12-06T03:00:00Z~-1", null, AN, null), 422, "invalid-cursor");
        problem(send("GET", "/api/me/data/reads", "after=" + "9".repeat(500), null, AN, null), 422, "invalid-cursor");
        APIGatewayV2HTTPResponse notANumber = send("GET", "/api/me/data/reads", "size=abc", null, AN, null);
        assertEquals(400, notANumber.getStatusCode(), notANumber.getBody());
        assertProblem(notANumber);
        assertEquals(200, send("GET", "/api/me/data/reads", "after=2026-12-06T03:00:00Z~0", null, AN, null).getStatusCode());
        problem(send("DELETE", "/api/me/data/drafts/%3Cscript%3E", null, null, AN, null), 400, "malformed-request");
        problem(send("DELETE", "/api/me/data/warehouse/" + "x".repeat(300), null, null, AN, null), 400, "malformed-request");
        problem(send("DELETE", "/api/me/data/warehouse/" + UUID.randomUUID(), null, null, AN, null), 404, "my-document-not-found");
    }

    @Provide
    Arbitrary<String> writeRoutes() {
        return Arbitraries.of("POST /api/dossiers", "PUT /api/dossiers/" + UUID.randomUUID(), "POST /api/dossiers/" + UUID.randomUUID() + "/attachments",
                "POST /api/dossiers/" + UUID.randomUUID() + "/withdraw", "POST /api/official/dossiers/" + UUID.randomUUID() + "/request-supplement",
                "POST /api/admin/procedures/BVHTTDL-DL-001/versions", "PUT /api/admin/calendar/2027",
                "POST /api/admin/procedures/BVHTTDL-DL-001/versions/preview", "POST /api/admin/calendar/2027/changes");
    }

    @Property(tries = 150)
    void anyPathAndQueryIsAnsweredWithoutA5xx(@ForAll("hostileStrings") String segment, @ForAll("hostileStrings") String value,
                                             @ForAll("readRoutes") String route) {
        String path = route.replace("{x}", segment.replace("/", "%2F").replace("?", "%3F"));
        String query = "at=" + value.replace("&", "%26") + "&page=" + value.replace("&", "%26") + "&q=" + value.replace("&", "%26");
        APIGatewayV2HTTPResponse r = send("GET", path, query, null, AN, null);
        assertTrue(r.getStatusCode() < 500, () -> path + "?" + Limits.clip(query) + " answered " + r.getStatusCode() + ": " + r.getBody());
        if (r.getStatusCode() >= 400) assertProblem(r);
        assertTrue(r.getBody() == null || r.getBody().length() < 200_000);
    }

    @Provide
    Arbitrary<String> readRoutes() {
        return Arbitraries.of("/api/procedures", "/api/procedures/{x}", "/api/procedures/{x}/appointment", "/api/procedures/BVHTTDL-DL-001/appointment",
                "/api/calendar/{x}", "/api/dossiers/{x}", "/api/dossiers/by-code/{x}", "/api/dossiers/{x}/checklist", "/api/dossiers/{x}/receipt",
                "/api/official/dossiers/by-code/{x}", "/api/{x}");
    }
}
