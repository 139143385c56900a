package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The citizen API handler, fed the sample events in events/, against the real protocol servers. */
class CitizenApiHandlerIT {
    static ApiHandler handler;
    static TestStack.Stack stack;

    @BeforeAll
    static void start() {
        stack = TestStack.get();
        handler = new ApiHandler();
    }

    @AfterAll
    static void stop() {
        handler.close();
    }

    static APIGatewayV2HTTPEvent sample(String name) {
        return EventLoader.loadApiGatewayHttpEvent(Emulators.repoRoot().resolve("events").resolve(name).toString());
    }

    static APIGatewayV2HTTPEvent request(String method, String path, String body, Map<String, String> claims) {
        APIGatewayV2HTTPEvent e = sample("citizen-api-create-dossier.json");
        e.setRawPath(path);
        e.getRequestContext().getHttp().setMethod(method);
        e.getRequestContext().getHttp().setPath(path);
        e.setBody(body);
        if (claims == null) e.getRequestContext().setAuthorizer(null);
        else e.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        return e;
    }

    static Map<String, String> citizen(String sub, String name, String idNumber) {
        Map<String, String> c = new HashMap<>();
        c.put("sub", sub);
        c.put("name", name);
        c.put("custom:id_number", idNumber);
        c.put("email", sub + "@example.vn");
        return c;
    }

    /** An accepted file for a component, as the scan function would leave it. */
    /** A complete e-form of the re-issue BVHTTDL-DL-003 (form 05 of Circular 06/2017/TT-BVHTTDL), as a JSON member. */
    static final String REISSUE_FORM = "\"form\":{\"companyName\":\"Công ty TNHH Lữ hành Sen\",\"licenceNumber\":\"01-123/2019/TCDL-GP LHQT\","
            + "\"licenceIssuedOn\":\"2019-05-02\",\"reason\":\"lost\"}";

    static void acceptedFile(String dossierId, String component) {
        vn.gov.bvhttdl.dvc.adapters.DossierStore store = vn.gov.bvhttdl.dvc.adapters.DossierStore.fromSettings();
        vn.gov.bvhttdl.dvc.domain.Attachment a = new vn.gov.bvhttdl.dvc.domain.Attachment(dossierId,
                "dossiers/" + dossierId + "/" + component + "/" + java.util.UUID.randomUUID(), component, "tep.pdf",
                "application/pdf", 10, vn.gov.bvhttdl.dvc.domain.Attachment.Status.PENDING, null, null, null, null,
                java.time.Instant.now(), null);
        vn.gov.bvhttdl.dvc.adapters.Table.of(store).attachments().authoriseUpload(a);
        vn.gov.bvhttdl.dvc.adapters.Table.of(store).attachments().recordVerdict(a.scanned(vn.gov.bvhttdl.dvc.domain.Attachment.Status.ACCEPTED, null, "pdf", "00", 1, java.time.Instant.now()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(APIGatewayV2HTTPResponse r) {
        return (Map<String, Object>) Json.parse(r.getBody());
    }

    static String contentType(APIGatewayV2HTTPResponse r) {
        return r.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("content-type"))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }

    @Test
    void listsProceduresWithoutSignIn() {
        APIGatewayV2HTTPResponse r = handler.handleRequest(sample("public-api-list-procedures.json"), null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        Map<String, Object> page = json(r);
        assertTrue(((Number) page.get("total")).intValue() >= 15);
        List<Object> items = (List<Object>) page.get("items");
        assertTrue(items.stream().map(o -> ((Map<?, ?>) o).get("code")).toList().contains("BVHTTDL-DL-001"));
        assertEquals("Du lịch", ((Map<?, ?>) ((Map<?, ?>) page.get("fields")).get("tourism")).get("vi"));
    }

    static APIGatewayV2HTTPEvent publicGet(String path, String query) {
        APIGatewayV2HTTPEvent e = request("GET", path, null, null);
        e.setRawQueryString(query == null ? "" : query);
        if (query != null) {
            Map<String, String> params = new HashMap<>();
            for (String kv : query.split("&")) params.put(kv.split("=")[0], java.net.URLDecoder.decode(kv.split("=", 2)[1], java.nio.charset.StandardCharsets.UTF_8));
            e.setQueryStringParameters(params);
        }
        return e;
    }

    @Test
    void searchesWithoutDiacriticsAndShowsAProcedureWithItsVersions() {
        Map<String, Object> page = json(handler.handleRequest(publicGet("/api/procedures", "q=giay+phep+lu+hanh&size=3"), null));
        List<Object> items = (List<Object>) page.get("items");
        assertEquals("BVHTTDL-DL-001", ((Map<?, ?>) items.get(0)).get("code"));
        assertTrue(items.size() <= 3);
        Map<String, Object> filtered = json(handler.handleRequest(publicGet("/api/procedures", "field=copyright&level=4"), null));
        assertEquals(2, ((Number) filtered.get("total")).intValue());

        Map<String, Object> p = json(handler.handleRequest(publicGet("/api/procedures/BVHTTDL-DL-001", null), null));
        assertEquals(3, ((Number) p.get("version")).intValue(), "version 3 from 1 Jan 2026 (Resolution 66.7/2025)");
        assertEquals(3, ((List<Object>) p.get("history")).size());
        Map<?, ?> dkdn = ((List<Map<?, ?>>) p.get("components")).stream().filter(c -> "DKDN".equals(c.get("code"))).findFirst().orElseThrow();
        assertEquals("Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp", ((Map<?, ?>) dkdn.get("nationalDatabase")).get("vi"));
        assertEquals("Du lịch", ((Map<?, ?>) p.get("fieldName")).get("vi"));
        assertNull(p.get("dataNote"), "internal data notes are for administrators only");
        Map<?, ?> fee = (Map<?, ?>) ((List<?>) p.get("fees")).get(0);
        assertEquals(3_000_000L, ((Number) fee.get("standardAmountVnd")).longValue());
        if (!java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).isAfter(java.time.LocalDate.of(2026, 12, 31))) {
            assertEquals(1_500_000L, ((Number) fee.get("amountVnd")).longValue(), "Circular 64/2025: 50 % until 31 Dec 2026");
            assertEquals("Thông tư 64/2025/TT-BTC", ((Map<?, ?>) ((Map<?, ?>) fee.get("rateInForce")).get("basis")).get("document"));
        }
        Map<String, String> admin = citizen("sub-admin-note", "Quản trị", "001099000223");
        admin.put("cognito:groups", "[admins]");
        Map<String, Object> forAdmin = json(handler.handleRequest(request("GET", "/api/admin/procedures/BVHTTDL-DL-001", null, admin), null));
        assertNotNull(forAdmin.get("dataNote"), "administrators see the data note");
        assertEquals(403, handler.handleRequest(request("GET", "/api/admin/procedures/BVHTTDL-DL-001", null,
                citizen("sub-not-admin-2", "Công dân", "001099000112")), null).getStatusCode());
        assertEquals(404, handler.handleRequest(publicGet("/api/procedures/BVHTTDL-NT-003", null), null).getStatusCode(),
                "a repealed procedure is not offered");
        assertEquals(400, handler.handleRequest(publicGet("/api/procedures", "page=abc"), null).getStatusCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExpectedCompletionDateOfADossierSubmittedJustBeforeTet() {
        // Fri 24 Jan 2025 + 5 working days (DL-002, Tourism Law Art 35); Tết Ất Tỵ off 25 Jan – 2 Feb, no swapped Saturday: Fri 7 Feb 2025
        Map<String, Object> a = json(handler.handleRequest(publicGet("/api/procedures/BVHTTDL-DL-002/appointment", "at=2025-01-24T10:00"), null));
        assertEquals("2025-02-07", a.get("dueDate"));
        assertEquals(Boolean.FALSE, a.get("provisional"));
        assertEquals("5 ngày làm việc", ((Map<?, ?>) ((Map<?, ?>) a.get("timeLimit")).get("label")).get("vi"));
        assertEquals("2025-01-24", a.get("receivedOn"));
        assertFalse(((List<Object>) a.get("holidaysSkipped")).isEmpty());
        // DL-001's 10 days are calendar days (Tourism Law Art 33(2)(b)): they run through Tết, Mon 3 Feb 2025
        Map<String, Object> licence = json(handler.handleRequest(publicGet("/api/procedures/BVHTTDL-DL-001/appointment", "at=2025-01-24T10:00"), null));
        assertEquals("2025-02-03", licence.get("dueDate"));
        assertEquals("10 ngày", ((Map<?, ?>) ((Map<?, ?>) licence.get("timeLimit")).get("label")).get("vi"));
        assertTrue(((List<Object>) licence.get("holidaysSkipped")).isEmpty());
        APIGatewayV2HTTPResponse bad = handler.handleRequest(publicGet("/api/procedures/BVHTTDL-DL-001/appointment", "at=hôm+qua"), null);
        assertEquals(400, bad.getStatusCode());
        assertEquals(Problem.BASE + "invalid-date-time", json(bad).get("type"));
        Map<String, Object> cal = json(handler.handleRequest(publicGet("/api/calendar/2025", null), null));
        assertEquals(List.of("2025-04-26"), cal.get("workingWeekendDays"), "only Sat 26 Apr 2025 was worked");
        assertEquals(Boolean.FALSE, cal.get("provisional"));
        // Vietnam Culture Day, Tue 24 Nov 2026 (Resolution 28/2026/QH16 Art 2; VPCP 10065/VPCP-KGVX: no swapped day)
        Map<String, Object> cal2026 = json(handler.handleRequest(publicGet("/api/calendar/2026", null), null));
        List<String> off2026 = ((List<Map<String, Object>>) cal2026.get("daysOff")).stream().map(d -> (String) d.get("date")).toList();
        assertTrue(off2026.contains("2026-11-24"), "Culture Day 2026");
        assertFalse(off2026.contains("2026-11-23"));
        assertEquals(List.of("2026-01-10", "2026-08-22"), cal2026.get("workingWeekendDays"));
        assertTrue(((String) ((Map<?, ?>) cal2026.get("announcement")).get("document")).contains("10065/VPCP-KGVX"));
        // 2027: Tết Thu 4 – Wed 10 Feb and National Day 2–5 Sep (Fri 3 Sep adjacent) announced by VPCP 10065/VPCP-KGVX;
        // the other holidays are pending, so the year is still provisional
        Map<String, Object> cal2027 = json(handler.handleRequest(publicGet("/api/calendar/2027", null), null));
        List<String> off2027 = ((List<Map<String, Object>>) cal2027.get("daysOff")).stream().map(d -> (String) d.get("date")).toList();
        assertTrue(off2027.containsAll(List.of("2027-02-04", "2027-02-10", "2027-09-03")), off2027.toString());
        assertFalse(off2027.contains("2027-02-11"), "no compensatory Thu 11 Feb: the announcement replaces the default");
        assertFalse(off2027.contains("2027-09-01"), "the adjacent day is the day after in 2027");
        assertEquals(List.of("new-year", "hung-kings", "victory", "labour", "culture-day"), cal2027.get("pending"));
        assertEquals(Boolean.TRUE, cal2027.get("provisional"), "2027 is announced only in part");
        assertTrue(((String) ((Map<?, ?>) cal2027.get("provisionalReason")).get("vi")).contains("2027"));
        // into 2027 across New Year's Day, not announced: provisional, with the reason
        Map<String, Object> late = json(handler.handleRequest(publicGet("/api/procedures/BVHTTDL-DL-001/appointment", "at=2026-12-28T10:00"), null));
        assertEquals(Boolean.TRUE, late.get("provisional"));
        // across Tết 2027, announced, far from the pending holidays: not provisional
        Map<String, Object> tet2027 = json(handler.handleRequest(publicGet("/api/procedures/BVHTTDL-DL-001/appointment", "at=2027-02-03T10:00"), null));
        assertEquals(Boolean.FALSE, tet2027.get("provisional"));
        // a calendar-day limit (star rating, Tourism Law Art 50): Wed 21 Jan 2026 + 30 days = Fri 20 Feb, in Tết → Mon 23 Feb
        Map<String, Object> star = json(handler.handleRequest(publicGet("/api/procedures/BVHTTDL-DL-004/appointment", "at=2026-01-21T10:00"), null));
        assertEquals("2026-02-23", star.get("dueDate"));
        assertEquals("CALENDAR_DAYS", ((Map<?, ?>) star.get("timeLimit")).get("unit"));
        assertEquals(400, handler.handleRequest(publicGet("/api/calendar/3000", null), null).getStatusCode());
    }

    @Test
    void onlyAdministratorsPublishAndAPublishedVersionIsServed() {
        String body = "{\"code\":\"BVHTTDL-HT-001\",\"version\":3,\"change\":\"amended\",\"effectiveFrom\":\"2020-06-01\","
                + "\"decision\":{\"document\":\"Quyết định thử nghiệm\"},"
                + "\"name\":{\"vi\":\"Cấp giấy phép nhập khẩu văn hóa phẩm (sửa đổi)\",\"en\":\"Import licence (amended)\"},"
                + "\"field\":\"international\",\"agencyCode\":\"CHTQT\",\"agencyName\":{\"vi\":\"Cục Hợp tác quốc tế\"},"
                + "\"receivingUnitCode\":\"000.00.12.G17\",\"serviceLevel\":4,\"fullProcess\":true,\"processingWorkingDays\":3,"
                + "\"components\":[{\"code\":\"DON\",\"name\":{\"vi\":\"Đơn\"},\"mandatory\":true,\"formats\":[\"pdf\"]}],"
                + "\"legalBasis\":[{\"document\":\"Nghị định 32/2012/NĐ-CP\"}]}";
        Map<String, String> citizen = citizen("sub-not-admin", "Công dân", "001099000111");
        APIGatewayV2HTTPResponse forbidden = handler.handleRequest(request("POST", "/api/admin/procedures/BVHTTDL-HT-001/versions", body, citizen), null);
        assertEquals(403, forbidden.getStatusCode());
        assertEquals(Problem.MEDIA_TYPE, contentType(forbidden));

        Map<String, String> admin = citizen("sub-admin", "Quản trị", "001099000222");
        admin.put("cognito:groups", "[admins]");
        // effective before version 2 (its e-form, 1 Dec 2026) took effect: refused, nothing stored
        APIGatewayV2HTTPResponse early = handler.handleRequest(request("POST", "/api/admin/procedures/BVHTTDL-HT-001/versions", body, admin), null);
        assertEquals(422, early.getStatusCode(), early.getBody());
        APIGatewayV2HTTPResponse ok = handler.handleRequest(request("POST", "/api/admin/procedures/BVHTTDL-HT-001/versions",
                body.replace("2020-06-01", "2026-12-02"), admin), null);
        assertEquals(201, ok.getStatusCode(), ok.getBody());
        Map<String, Object> served = json(handler.handleRequest(publicGet("/api/procedures/BVHTTDL-HT-001", null), null));
        assertEquals(3, ((Number) ((Map<?, ?>) served.get("timeLimit")).get("days")).intValue());
        assertEquals("WORKING_DAYS", ((Map<?, ?>) served.get("timeLimit")).get("unit"));
        assertEquals(3, ((List<Object>) served.get("history")).size());
        assertEquals(400, handler.handleRequest(request("POST", "/api/admin/procedures/BVHTTDL-HT-001/versions", "[1,2", admin), null).getStatusCode());
        assertEquals(422, handler.handleRequest(request("PUT", "/api/admin/calendar/2032", "{\"year\":2031}", admin), null).getStatusCode());
        APIGatewayV2HTTPResponse cal = handler.handleRequest(request("PUT", "/api/admin/calendar/2032",
                "{\"year\":2032,\"basis\":{\"document\":\"Thông báo (thử)\"},\"holidays\":[],\"workingWeekendDays\":[\"2032-01-03\"]}", admin), null);
        assertEquals(200, cal.getStatusCode(), cal.getBody());
        assertTrue(((List<Object>) json(handler.handleRequest(publicGet("/api/calendar/2032", null), null)).get("workingWeekendDays")).contains("2032-01-03"));
    }

    @Test
    void sampleEventCreatesADraftPrefilledFromTheSignedInProfile() {
        APIGatewayV2HTTPResponse r = handler.handleRequest(sample("citizen-api-create-dossier.json"), null);
        assertEquals(201, r.getStatusCode(), r.getBody());
        Map<String, Object> d = json(r);
        assertEquals("DRAFT", d.get("status"));
        Map<String, Object> applicant = (Map<String, Object>) d.get("applicant");
        assertEquals("Nguyễn Văn An", applicant.get("fullName"));
        assertEquals("001099012345", applicant.get("idNumber"));
        assertEquals("0912345678", applicant.get("phone"));
        assertEquals("Công ty TNHH Du lịch Sen Vàng", ((Map<String, Object>) d.get("form")).get("companyName"));
        assertEquals("Đang soạn", ((Map<String, Object>) d.get("statusLabel")).get("vi"));
    }

    @Test
    void aMissingRequiredFieldOfTheEFormIsRefusedWithItsLabelInBothLanguages() {
        // BVHTTDL-XB-001: no other test publishes a version of it (the publication test takes BVHTTDL-HT-001)
        Map<String, String> me = citizen("sub-eform-" + System.nanoTime(), "Võ Thị Hạnh", "079188000456");
        String form = "\"titles\":\"3\",\"copies\":\"12\",\"originCountry\":\"Nhật Bản\",\"purpose\":\"Nghiên cứu tại thư viện trường\"";
        Map<String, Object> draft = json(handler.handleRequest(request("POST", "/api/dossiers",
                "{\"procedureCode\":\"BVHTTDL-XB-001\",\"applicant\":{\"phone\":\"0987654321\"},\"form\":{" + form + "}}", me), null));
        String id = (String) draft.get("id");
        assertEquals(2, ((Number) draft.get("procedureVersion")).intValue(), "the version with its e-form");
        acceptedFile(id, "DON");
        acceptedFile(id, "DANHMUC");
        APIGatewayV2HTTPResponse refused = handler.handleRequest(request("POST", "/api/dossiers/" + id + "/submit", null, me), null);
        assertEquals(422, refused.getStatusCode(), refused.getBody());
        assertEquals(Problem.MEDIA_TYPE, contentType(refused));
        Map<String, Object> p = json(refused);
        assertEquals(Problem.BASE + "dossier-incomplete", p.get("type"));
        List<Map<String, Object>> errors = (List<Map<String, Object>>) p.get("errors");
        assertEquals(List.of("form.borderGate"), errors.stream().map(e -> (String) e.get("field")).toList(), refused.getBody());
        assertEquals("Chưa nhập \"Cửa khẩu nhập\".", errors.getFirst().get("vi"));
        assertEquals("\"Border gate of entry\" is required.", errors.getFirst().get("en"));
        // a value outside the definition is refused when saved, with the field it is about
        APIGatewayV2HTTPResponse wrong = handler.handleRequest(request("PUT", "/api/dossiers/" + id,
                "{\"form\":{" + form.replace("\"3\"", "\"ba\"") + ",\"borderGate\":\"Nội Bài\"}}", me), null);
        assertEquals(422, wrong.getStatusCode(), wrong.getBody());
        assertEquals(List.of("form.titles"), ((List<Map<String, Object>>) json(wrong).get("errors")).stream().map(e -> (String) e.get("field")).toList());
        APIGatewayV2HTTPResponse saved = handler.handleRequest(request("PUT", "/api/dossiers/" + id,
                "{\"form\":{" + form + ",\"borderGate\":\"Nội Bài\"}}", me), null);
        assertEquals(200, saved.getStatusCode(), saved.getBody());
        // the page shows the form as a person reads it: each value under its label
        List<Map<String, Object>> lines = (List<Map<String, Object>>) json(saved).get("formLines");
        Map<String, Object> gate = lines.stream().filter(l -> "borderGate".equals(l.get("name"))).findFirst().orElseThrow();
        assertEquals(Map.of("vi", "Cửa khẩu nhập", "en", "Border gate of entry"), gate.get("label"));
        assertEquals("Nội Bài", ((Map<?, ?>) gate.get("value")).get("vi"));
        APIGatewayV2HTTPResponse ok = handler.handleRequest(request("POST", "/api/dossiers/" + id + "/submit", null, me), null);
        assertEquals(202, ok.getStatusCode(), ok.getBody());
    }

    @Test
    void submitQueuesTheDossierForValidationAndIsSafeToRepeat() {
        Map<String, String> me = citizen("sub-submit-" + System.nanoTime(), "Lê Thị Cúc", "079188000123");
        Map<String, Object> draft = json(handler.handleRequest(request("POST", "/api/dossiers",
                "{\"procedureCode\":\"BVHTTDL-DL-003\",\"applicant\":{\"phone\":\"0987654321\"}," + REISSUE_FORM + "}", me), null));
        String id = (String) draft.get("id");
        acceptedFile(id, "DON");
        String queue = stack.resources().of("SubmissionQueue");
        try (SqsClient sqs = SqsClient.builder().httpClient(AwsClients.HTTP).credentialsProvider(AwsClients.credentials()).build()) {
            sqs.purgeQueue(b -> b.queueUrl(queue));
            APIGatewayV2HTTPResponse r = handler.handleRequest(request("POST", "/api/dossiers/" + id + "/submit", null, me), null);
            assertEquals(202, r.getStatusCode(), r.getBody());
            assertEquals("SUBMITTED", json(r).get("status"));
            // a double click: still 202, the same dossier, sent again for the (idempotent) validation
            APIGatewayV2HTTPResponse again = handler.handleRequest(request("POST", "/api/dossiers/" + id + "/submit", null, me), null);
            assertEquals(202, again.getStatusCode(), again.getBody());
            var bodies = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages().stream().map(m -> m.body()).collect(Collectors.toList());
            assertFalse(bodies.isEmpty());
            assertTrue(bodies.stream().allMatch(b -> b.contains(id)), bodies.toString());
            List<Object> history = (List<Object>) json(again).get("history");
            assertEquals(List.of("create", "attachment-accepted", "submit"), history.stream().map(h -> ((Map<?, ?>) h).get("action")).toList());
        }
    }

    @Test
    void aCitizenCannotSeeOrSubmitAnotherCitizensDossier() {
        Map<String, String> owner = citizen("sub-owner-" + System.nanoTime(), "Phạm Văn Dũng", "001080000111");
        Map<String, String> other = citizen("sub-other-" + System.nanoTime(), "Hoàng Thị Em", "001080000222");
        String id = (String) json(handler.handleRequest(request("POST", "/api/dossiers",
                "{\"procedureCode\":\"BVHTTDL-DL-002\",\"applicant\":{\"phone\":\"0900000000\"}}", owner), null)).get("id");

        for (APIGatewayV2HTTPEvent e : List.of(request("GET", "/api/dossiers/" + id, null, other),
                request("POST", "/api/dossiers/" + id + "/submit", null, other),
                request("PUT", "/api/dossiers/" + id, "{\"form\":{\"x\":\"y\"}}", other))) {
            APIGatewayV2HTTPResponse r = handler.handleRequest(e, null);
            assertEquals(404, r.getStatusCode(), r.getBody());
            assertEquals(Problem.MEDIA_TYPE, contentType(r));
        }
        List<Object> theirs = (List<Object>) Json.parse(handler.handleRequest(request("GET", "/api/dossiers", null, other), null).getBody());
        assertTrue(theirs.isEmpty());
        APIGatewayV2HTTPResponse mine = handler.handleRequest(request("GET", "/api/dossiers/" + id, null, owner), null);
        assertEquals(200, mine.getStatusCode());
    }

    /** An absent member of a problem document is left out: no {@code "field": null}, {@code "errors": null}... */
    static void assertNoNullMember(Object json, String where) {
        if (json == null) fail("a member written as null in " + where);
        if (json instanceof Map<?, ?> m) m.forEach((k, v) -> assertNoNullMember(v, where + " ." + k));
        if (json instanceof List<?> l) l.forEach(v -> assertNoNullMember(v, where));
    }

    @Test
    void aProblemWritesNoNullMemberAndAFieldOnlyWhereAnErrorIsAboutOne() {
        Map<String, String> me = citizen("sub-null-" + System.nanoTime(), "Lê Văn Hùng", "001070000444");
        APIGatewayV2HTTPResponse notFound = handler.handleRequest(request("GET", "/api/dossiers/no-such-dossier", null, me), null);
        assertEquals(404, notFound.getStatusCode());
        assertFalse(notFound.getBody().contains("null"), notFound.getBody());
        Map<String, Object> p = json(notFound);
        assertEquals(Problem.BASE + "dossier-not-found", p.get("type"));
        assertEquals(Set.of("vi", "en"), ((Map<?, ?>) p.get("message")).keySet(), "the message is about the whole: no field member");
        assertFalse(p.containsKey("errors"));

        String draftId = (String) json(handler.handleRequest(request("POST", "/api/dossiers",
                "{\"procedureCode\":\"BVHTTDL-DL-001\",\"applicant\":{\"fullName\":\"\"}}", Map.of("sub", me.get("sub"))), null)).get("id");
        APIGatewayV2HTTPResponse incomplete = handler.handleRequest(request("POST", "/api/dossiers/" + draftId + "/submit", null,
                Map.of("sub", me.get("sub"))), null);
        assertEquals(422, incomplete.getStatusCode());
        assertFalse(incomplete.getBody().contains(":null"), incomplete.getBody());
        Map<String, Object> q = json(incomplete);
        assertNoNullMember(q, "submit");
        for (Object e : (List<?>) q.get("errors")) {
            Map<?, ?> m = (Map<?, ?>) e;
            assertTrue(m.keySet().equals(Set.of("vi", "en", "field")) || m.keySet().equals(Set.of("vi", "en")), m.toString());
        }
        assertTrue(((List<?>) q.get("errors")).stream().anyMatch(e -> ((Map<?, ?>) e).containsKey("field")));
    }

    @Test
    void badInputGetsBilingualProblemsNeverA5xx() {
        Map<String, String> me = citizen("sub-bad-" + System.nanoTime(), "Vũ Văn Giang", "001070000333");
        record Case(APIGatewayV2HTTPEvent event, int status, String type) {}
        String draftId = (String) json(handler.handleRequest(request("POST", "/api/dossiers",
                "{\"procedureCode\":\"BVHTTDL-DL-001\",\"applicant\":{\"fullName\":\"\"}}",
                Map.of("sub", me.get("sub"))), null)).get("id");
        List<Case> cases = List.of(
                new Case(request("POST", "/api/dossiers", "{not json", me), 400, "malformed-body"),
                new Case(request("POST", "/api/dossiers", "{\"procedureCode\":\"NO-SUCH\"}", me), 422, "unknown-procedure"),
                new Case(request("POST", "/api/dossiers", "{}", me), 422, "procedure-required"),
                new Case(request("POST", "/api/dossiers", "{\"procedureCode\":\"BVHTTDL-DL-001\",\"form\":{\"../x\":\"1\"}}", me), 422, "invalid-input"),
                new Case(request("GET", "/api/dossiers", null, null), 401, "sign-in-required"),
                new Case(request("GET", "/api/dossiers/by-code/not-a-code", null, me), 400, "malformed-dossier-code"),
                new Case(request("GET", "/api/dossiers/by-code/000.00.12.G17-260115-9999", null, me), 404, "dossier-not-found"),
                new Case(request("GET", "/api/nothing-here", null, me), 404, "no-such-resource"),
                new Case(request("POST", "/api/dossiers/" + draftId + "/submit", null, Map.of("sub", me.get("sub"))), 422, "dossier-incomplete"));
        for (Case c : cases) {
            APIGatewayV2HTTPResponse r = handler.handleRequest(c.event(), null);
            String what = c.event().getRequestContext().getHttp().getMethod() + " " + c.event().getRawPath() + " -> " + r.getBody();
            assertEquals(c.status(), r.getStatusCode(), what);
            assertEquals(Problem.MEDIA_TYPE, contentType(r), what);
            Map<String, Object> p = json(r);
            assertEquals(Problem.BASE + c.type(), p.get("type"), what);
            Map<String, Object> message = (Map<String, Object>) p.get("message");
            assertFalse(((String) message.get("vi")).isBlank(), what);
            assertFalse(((String) message.get("en")).isBlank(), what);
            assertNoNullMember(p, what);
        }
        // the incomplete submission lists every missing item at once, each with the field it is about:
        // 3 about the applicant, the 2 required fields of the procedure's e-form, 4 missing components
        Map<String, Object> incomplete = json(handler.handleRequest(request("POST", "/api/dossiers/" + draftId + "/submit", null,
                Map.of("sub", me.get("sub"))), null));
        assertEquals(9, ((List<Object>) incomplete.get("errors")).size(), incomplete.toString());
        assertEquals(List.of("applicant.fullName", "applicant.idNumber", "applicant.phone", "form.companyName", "form.scope",
                        "component.DON", "component.DKDN", "component.KYQUY", "component.NGUOIPT"),
                ((List<Map<String, Object>>) incomplete.get("errors")).stream().map(e -> (String) e.get("field")).toList());
    }
}
