package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;
import static vn.gov.bvhttdl.dvc.api.CitizenApiHandlerIT.*;

/** What the web portal needs of the API (issue #9): the public look-up, allowedActions, field errors, the calendar preview. */
class PortalApiIT {
    static ApiHandler handler;

    @BeforeAll
    static void start() {
        TestStack.get();
        handler = new ApiHandler();
    }

    @AfterAll
    static void stop() { handler.close(); }

    /** A GET with a query string, signed in with {@code claims}. */
    static APIGatewayV2HTTPEvent signedGet(String path, String query, Map<String, String> claims) {
        APIGatewayV2HTTPEvent e = request("GET", path, null, claims);
        e.setRawQueryString(query);
        Map<String, String> params = new java.util.HashMap<>();
        for (String kv : query.split("&")) params.put(kv.split("=")[0], kv.split("=", 2)[1]);
        e.setQueryStringParameters(params);
        return e;
    }

    /** A received dossier of BVHTTDL-DL-003 (agency CDLQG) stored as reception would leave it; returns its id. */
    static String received(String owner, Applicant applicant, String code, LocalDate due) {
        DossierStore store = DossierStore.fromSettings();
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-003").orElseThrow();
        Instant now = Instant.now();
        Dossier.Change draft = Dossier.draft(UUID.randomUUID().toString(), p, owner, applicant, Map.of(), now);
        store.create(draft);
        Dossier.Change submitted = draft.dossier().handle(new vn.gov.bvhttdl.dvc.domain.Command.Submit("{}", 0), vn.gov.bvhttdl.dvc.domain.Actor.citizen(owner), now);
        store.save(submitted);
        store.save(submitted.dossier().handle(new vn.gov.bvhttdl.dvc.domain.Command.Receive(code, due, "reception", "MOTCUA", null), vn.gov.bvhttdl.dvc.domain.Actor.system("validation"), now));
        return draft.dossier().id();
    }

    /** The claims of an official of {@code agency}'s {@code unit} holding {@code post}. */
    static Map<String, String> official(String sub, String agency, String unit, String post) {
        Map<String, String> m = citizen(sub, "Cán bộ " + sub, "001099000" + (100 + Math.abs(sub.hashCode() % 800)));
        m.put("cognito:groups", "[officials]");
        m.put("custom:agency", agency);
        m.put("custom:unit", unit);
        m.put("custom:post", post);
        return m;
    }

    static String randomCode(String day) {
        return "000.00.12.G17-" + day + "-" + (1000 + (int) (Math.random() * 8999));
    }

    static APIGatewayV2HTTPEvent track(String code, String key, String ip) {
        APIGatewayV2HTTPEvent e = publicGet("/api/track/" + code, key == null ? null : "key=" + key);
        e.getRequestContext().getHttp().setSourceIp(ip);
        return e;
    }

    @Test
    void anyoneWithTheCodeAndTheKeySeesTheStatusAndOnlyTheInitials() {
        DossierStore store = DossierStore.fromSettings();
        String code = randomCode("261201");
        String id = received("owner-track", new Applicant("Nguyễn Thị Bích Ngọc", "001099000444", null, "12 Lý Thái Tổ", "0912000444", "ngoc@example.vn"),
                code, LocalDate.of(2026, 12, 8));
        vn.gov.bvhttdl.dvc.adapters.Table.of(store).lookupKeys().putLookupKey(code, id, "K7M2Q9XA");
        String ip = "203.0.113." + (int) (Math.random() * 200);

        Map<String, Object> ok = json(handler.handleRequest(track(code, "k7m2q9xa", ip), null));
        assertEquals(code, ok.get("code"));
        assertEquals("RECEIVED", ok.get("status"));
        assertEquals("N. T. B. N.", ok.get("applicantInitials"));
        assertEquals("2026-12-08", ok.get("dueDate"));
        String body = handler.handleRequest(track(code, "K7M2Q9XA", ip), null).getBody();
        for (String personal : List.of("Nguyễn", "001099000444", "0912000444", "ngoc@example.vn", "Lý Thái Tổ", id)) {
            assertFalse(body.contains(personal), "the public look-up shows " + personal);
        }
        // a wrong key and an unknown code: the same answer, nothing to tell them apart
        APIGatewayV2HTTPResponse wrongKey = handler.handleRequest(track(code, "AAAAAAAA", ip), null);
        APIGatewayV2HTTPResponse noCode = handler.handleRequest(track("000.00.12.G17-990101-0001", "K7M2Q9XA", ip), null);
        APIGatewayV2HTTPResponse noKey = handler.handleRequest(track(code, null, ip), null);
        assertEquals(404, wrongKey.getStatusCode());
        assertEquals(404, noCode.getStatusCode());
        assertEquals(404, noKey.getStatusCode());
        assertEquals(json(wrongKey).get("message"), json(noCode).get("message"));
        // ten a minute per address: the next is refused with a clear problem, another address is not
        APIGatewayV2HTTPResponse last = null;
        for (int i = 0; i < 10; i++) // ten: PublicDesk.LOOKUPS_PER_MINUTE
            last = handler.handleRequest(track(code, "K7M2Q9XA", ip), null);
        assertEquals(429, last.getStatusCode(), last.getBody());
        assertEquals(Problem.BASE + "too-many-lookups", json(last).get("type"));
        assertEquals(200, handler.handleRequest(track(code, "K7M2Q9XA", ip + "9"), null).getStatusCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDossierSaysWhatTheCallerMayDoAndErrorsNameTheirFields() {
        Map<String, String> me = citizen("sub-portal-" + System.nanoTime(), "Đặng Văn Hùng", "001099000555");
        APIGatewayV2HTTPResponse bad = handler.handleRequest(request("POST", "/api/dossiers",
                "{\"procedureCode\":\"BVHTTDL-DL-004\",\"applicant\":{\"phone\":\"123\",\"email\":\"x@\"},"
                        + "\"form\":{\"starLevel\":\"6\",\"rooms\":\"nhiều\",\"unknown\":\"x\"}}", me), null);
        assertEquals(422, bad.getStatusCode(), bad.getBody());
        List<Map<String, Object>> errors = (List<Map<String, Object>>) json(bad).get("errors");
        assertEquals(List.of("applicant.phone", "applicant.email", "form.unknown", "form.starLevel", "form.rooms"),
                errors.stream().map(e -> (String) e.get("field")).toList(), "every error at once, each with its field");

        APIGatewayV2HTTPResponse created = handler.handleRequest(request("POST", "/api/dossiers",
                "{\"procedureCode\":\"BVHTTDL-DL-004\",\"applicant\":{\"phone\":\"0912000555\"},"
                        + "\"form\":{\"establishmentName\":\"Khách sạn Sông Hàn\",\"establishmentAddress\":\"Đà Nẵng\",\"starLevel\":\"5\",\"rooms\":\"120\"}}", me), null);
        assertEquals(201, created.getStatusCode(), created.getBody());
        Map<String, Object> d = json(created);
        assertEquals(List.of("edit", "attach", "remove-attachment", "submit", "withdraw"), d.get("allowedActions"));
        assertNull(d.get("lookupKey"), "no key before there is a code");
        // the e-mail the person cleared stays cleared: the profile prefills the page, it does not fill in behind it
        assertNull(((Map<String, Object>) d.get("applicant")).get("email"));
        APIGatewayV2HTTPResponse procedure = handler.handleRequest(publicGet("/api/procedures/BVHTTDL-DL-004", null), null);
        List<Map<String, Object>> fields = (List<Map<String, Object>>) json(procedure).get("formFields");
        assertEquals(List.of("establishmentName", "establishmentAddress", "starLevel", "rooms", "note"),
                fields.stream().map(f -> (String) f.get("name")).toList());
    }

    @Test
    void anAdministratorPreviewsAScheduleBeforePublishingIt() {
        Map<String, String> admin = citizen("sub-admin-preview", "Quản trị", "001099000666");
        admin.put("cognito:groups", "[admins]");
        String body = "{\"schedule\":{\"year\":2028,\"holidays\":[{\"replaces\":[\"tet\"],\"days\":[\"2028-01-24\",\"2028-01-25\",\"2028-01-26\","
                + "\"2028-01-27\",\"2028-01-28\",\"2028-01-29\",\"2028-01-30\",\"2028-01-31\",\"2028-02-01\"]}],\"workingWeekendDays\":[]},"
                + "\"at\":\"2028-01-21T10:00\",\"days\":5,\"unit\":\"WORKING_DAYS\"}";
        APIGatewayV2HTTPResponse r = handler.handleRequest(request("POST", "/api/admin/calendar/2028/preview", body, admin), null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> p = (Map<String, Map<String, Object>>) (Map<?, ?>) json(r);
        // Fri 21 Jan 2028 + 5 working days; with the draft (off Mon 24 Jan – Tue 1 Feb): 2, 3, 4, 7, 8 Feb → Tue 8 Feb
        assertEquals("2028-02-08", p.get("withDraft").get("dueDate"));
        assertNotEquals(p.get("now").get("dueDate"), p.get("withDraft").get("dueDate"));
        assertEquals(Boolean.TRUE, p.get("now").get("provisional"));
        assertEquals(Boolean.FALSE, p.get("withDraft").get("provisional"), "with the draft the year is announced");
        assertEquals(403, handler.handleRequest(request("POST", "/api/admin/calendar/2028/preview", body,
                citizen("sub-not-admin-3", "Công dân", "001099000113")), null).getStatusCode());
        // nothing was published
        assertEquals(Boolean.TRUE, json(handler.handleRequest(publicGet("/api/calendar/2028", null), null)).get("provisional"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWorkQueuePutsOverdueFirstAndShowsOnlyTheOfficialsAgency() {
        List<String> ids = new java.util.ArrayList<>();
        for (LocalDate due : List.of(LocalDate.of(2020, 1, 3), LocalDate.of(2020, 1, 2))) {
            ids.add(received("owner-queue", new Applicant("Trần Văn Hàng Đợi", "001099000999", null, null, "0912000999", null), randomCode("200101"), due));
        }
        Map<String, String> official = official("sub-queue", "CDLQG", "MOTCUA", "ONE_STOP");
        APIGatewayV2HTTPEvent q = signedGet("/api/official/dossiers/queue", "status=RECEIVED&size=2", official);
        Map<String, Object> page = json(handler.handleRequest(q, null));
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertEquals(List.of(ids.get(1), ids.get(0)), items.stream().map(x -> x.get("id")).toList(), "the most overdue first");
        assertEquals(Boolean.TRUE, items.get(0).get("overdue"));
        assertEquals("2020-01-02", items.get(0).get("dueDate"));
        assertEquals("Trần Văn Hàng Đợi", items.get(0).get("applicantName"), "officials see who applied");
        assertEquals("reception", items.get(0).get("step"));
        assertNotNull(page.get("next"), "a full page says where the next one starts");
        Map<String, Object> second = json(handler.handleRequest(signedGet("/api/official/dossiers/queue",
                "status=RECEIVED&size=2&after=" + page.get("next"), official), null));
        assertTrue(((List<Map<String, Object>>) second.get("items")).stream().noneMatch(x -> ids.contains(x.get("id"))), "the next page goes on");
        // the specialist unit holds none of them yet
        List<Map<String, Object>> lh = (List<Map<String, Object>>) json(handler.handleRequest(signedGet("/api/official/dossiers/queue",
                "status=RECEIVED&size=100", official("sub-queue-lh", "CDLQG", "LUHANH", "SPECIALIST")), null)).get("items");
        assertTrue(lh.stream().noneMatch(x -> ids.contains(x.get("id"))));
        // another agency's official: nothing of this agency
        Map<String, String> other = new java.util.HashMap<>(official);
        other.put("custom:agency", "CNTBD");
        APIGatewayV2HTTPEvent q2 = signedGet("/api/official/dossiers/queue", "status=RECEIVED&size=100", other);
        List<Map<String, Object>> theirs = (List<Map<String, Object>>) json(handler.handleRequest(q2, null)).get("items");
        assertTrue(theirs.stream().noneMatch(x -> ids.contains(x.get("id"))));
        APIGatewayV2HTTPEvent bad = signedGet("/api/official/dossiers/queue", "status=NOPE", official);
        assertEquals(400, handler.handleRequest(bad, null).getStatusCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOfficialTakesAReceivedDossierToADecisionThroughTheApi() {
        String id = received("owner-moves", new Applicant("Võ Thị Quyết", "001099000997", null, null, "0912000997", null),
                randomCode("261201"), LocalDate.of(2026, 12, 8));
        Map<String, String> official = official("sub-moves", "CDLQG", "MOTCUA", "ONE_STOP");
        Map<String, String> specialist = official("sub-moves-lh", "CDLQG", "LUHANH", "SPECIALIST");
        Map<String, String> leader = official("sub-moves-lead", "CDLQG", "LUHANH", "LEADER");
        Map<String, Object> view = json(handler.handleRequest(request("GET", "/api/official/dossiers/" + id, null, official), null));
        // form 04 only once the appointment (8 Dec 2026) is late or within its window (rules/extension-window.json)
        var cal = vn.gov.bvhttdl.dvc.domain.WorkingCalendar.standard();
        boolean due = vn.gov.bvhttdl.dvc.domain.ExtensionWindow.standard().open(DossierStore.fromSettings().find(id).orElseThrow(),
                java.time.LocalDate.now(cal.zone()), cal);
        assertEquals(due ? List.of("start-processing", "request-supplement", "extend", "refuse") : List.of("start-processing", "request-supplement", "refuse"),
                view.get("allowedActions"));
        assertEquals("reception", ((Map<String, Object>) view.get("processing")).get("step"));
        assertEquals("Võ Thị Quyết", ((Map<String, Object>) view.get("applicant")).get("fullName"));
        Map<String, String> other = new java.util.HashMap<>(official);
        other.put("custom:agency", "CNTBD");
        assertEquals(404, handler.handleRequest(request("GET", "/api/official/dossiers/" + id, null, other), null).getStatusCode());
        APIGatewayV2HTTPResponse outOfScope = handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/start-processing", null, other), null);
        assertEquals(404, outOfScope.getStatusCode(), outOfScope.getBody());
        assertEquals(404, handler.handleRequest(request("GET", "/api/official/dossiers/" + id, null, specialist), null).getStatusCode(),
                "not yet at the specialist unit");
        // every move is one route by its name: an unknown name is 404, a body that cannot be read 400, each a problem in both languages
        for (String[] bad : new String[][]{{"no-such-thing", "{}", "404", "no-such-move"}, {"refuse", "[1,2]", "400", "malformed-body"},
                {"refuse", "{\"reason\":", "400", "malformed-body"}, {"consult", "{\"files\":\"x\"}", "400", "invalid-field"},
                {"consult", "{\"days\":1.5}", "400", "invalid-field"}, {"extend", "{\"reason\":\"x\",\"newDueDate\":\"30/12\"}", "422", "invalid-date"}}) {
            APIGatewayV2HTTPResponse r = handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/" + bad[0], bad[1], official), null);
            assertEquals(Integer.parseInt(bad[2]), r.getStatusCode(), bad[0] + " " + bad[1] + ": " + r.getBody());
            assertTrue(contentType(r).startsWith("application/problem+json"), r.getBody());
            Map<String, Object> p = json(r);
            assertEquals(Problem.BASE + bad[3], p.get("type"));
            Map<String, Object> message = (Map<String, Object>) p.get("message");
            assertFalse(String.valueOf(message.get("vi")).isBlank() || String.valueOf(message.get("en")).isBlank(), r.getBody());
        }
        assertEquals("RECEIVED", json(handler.handleRequest(request("GET", "/api/official/dossiers/" + id, null, official), null)).get("status"),
                "none of them moved the dossier");
        Map<String, Object> processing = json(handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/start-processing", null, official), null));
        assertEquals("IN_PROCESSING", processing.get("status"));
        assertEquals("LUHANH", ((Map<String, Object>) processing.get("processing")).get("unit"));
        assertEquals(403, handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/approve", "{}", official), null).getStatusCode(),
                "the desk does not approve");
        assertEquals(List.of("assign"), json(handler.handleRequest(request("GET", "/api/official/dossiers/" + id, null, specialist), null)).get("allowedActions"));
        APIGatewayV2HTTPResponse take = handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/assign", "{}", specialist), null);
        assertEquals(200, take.getStatusCode(), take.getBody());
        Map<String, Object> taken = json(take);
        assertEquals("sub-moves-lh", ((Map<String, Object>) taken.get("processing")).get("assignee"));
        List<Map<String, Object>> mine = (List<Map<String, Object>>) json(handler.handleRequest(signedGet("/api/official/dossiers/queue", "scope=mine", specialist), null)).get("items");
        assertTrue(mine.stream().anyMatch(x -> id.equals(x.get("id"))), "in the specialist's own queue");
        APIGatewayV2HTTPResponse noReason = handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/refuse", "{}", specialist), null);
        assertEquals(422, noReason.getStatusCode());
        assertEquals("refuse.reason", ((List<Map<String, Object>>) json(noReason).get("errors")).get(0).get("field"));
        Map<String, Object> atSigning = json(handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/forward", "{\"note\":\"Trình ký\"}", specialist), null));
        assertEquals("signing", ((Map<String, Object>) atSigning.get("processing")).get("step"));
        assertEquals(403, handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/approve", "{}", specialist), null).getStatusCode());
        Map<String, Object> done = json(handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/approve", "{\"note\":\"Đủ điều kiện\"}", leader), null));
        assertEquals("RESULT_READY", done.get("status"));
        assertEquals(List.of("revoke-result", "correct-result"), done.get("allowedActions"), "the signed result issued: the leader may revoke or correct it");
        List<Map<String, Object>> slip = (List<Map<String, Object>>) ((Map<String, Object>) done.get("processing")).get("controlSlip");
        assertEquals(List.of("reception", "specialist", "signing"), slip.stream().map(l -> l.get("step")).toList(), "form 06: each step, ended");
        assertTrue(slip.stream().allMatch(l -> l.get("left") != null && Boolean.FALSE.equals(l.get("late"))));
        assertEquals(409, handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/approve", "{}", leader), null).getStatusCode());
        // the applicant sees every step, not what the officials wrote each other
        Map<String, Object> mineView = json(handler.handleRequest(request("GET", "/api/dossiers/" + id, null, citizen("owner-moves", "Võ Thị Quyết", "001099000997")), null));
        // (the officials' reads are shown to the applicant by design, with the reader's name: docs/security.md, "Officials' reads")
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> reads = (List<Map<String, Object>>) ((Map<String, Object>) mineView.get("reads")).get("reads");
        assertFalse(reads.isEmpty(), "the officials who opened the dossier are listed");
        Map<String, Object> rest = new java.util.HashMap<>(mineView);
        rest.remove("reads");
        String seen = rest.toString();
        assertFalse(seen.contains("Trình ký"), "an internal note");
        assertFalse(seen.contains("sub-moves-lh"), "who of the officials had it");
        Map<String, String> citizen = citizen("owner-moves", "Võ Thị Quyết", "001099000997");
        assertEquals(403, handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/refuse", "{\"reason\":\"x\"}", citizen), null).getStatusCode());
    }

    @Test
    void anOfficialReadsAnAcceptedFileThroughAShortLivedLinkToTheJudgedVersion() {
        String id = received("owner-file", new Applicant("Đinh Văn Tệp", "001099000995", null, null, "0912000995", null),
                randomCode("261201"), LocalDate.of(2026, 12, 8));
        DossierStore store = DossierStore.fromSettings();
        vn.gov.bvhttdl.dvc.domain.Attachment a = new vn.gov.bvhttdl.dvc.domain.Attachment(id, "dossiers/" + id + "/DON/" + UUID.randomUUID(), "DON",
                "don \"1\".pdf", "application/pdf", 100, vn.gov.bvhttdl.dvc.domain.Attachment.Status.PENDING, null, null, null, null, Instant.now(), null);
        vn.gov.bvhttdl.dvc.adapters.Table.of(store).attachments().authoriseUpload(a);
        Map<String, String> official = official("sub-file", "CDLQG", "MOTCUA", "ONE_STOP");
        String path = "/api/official/dossiers/" + id + "/files/" + a.uploadId();
        assertEquals(404, handler.handleRequest(request("GET", path, null, official), null).getStatusCode(), "not judged yet: nothing to read");
        vn.gov.bvhttdl.dvc.adapters.Table.of(store).attachments().recordVerdict(a.scanned(vn.gov.bvhttdl.dvc.domain.Attachment.Status.ACCEPTED, null, "pdf", "00", 1, Instant.now()).ofVersion("v-judged"));
        APIGatewayV2HTTPResponse r = handler.handleRequest(request("GET", path, null, official), null);
        assertEquals(303, r.getStatusCode(), r.getBody());
        String location = r.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("location")).map(Map.Entry::getValue).findFirst().orElseThrow();
        assertTrue(location.contains(a.key()) && location.contains("X-Amz-Signature") && location.contains("versionId=v-judged"), location);
        Map<String, String> other = new java.util.HashMap<>(official);
        other.put("custom:agency", "CNTBD");
        assertEquals(404, handler.handleRequest(request("GET", path, null, other), null).getStatusCode());
    }

    static byte[] body(APIGatewayV2HTTPResponse r) {
        return r.getIsBase64Encoded() ? java.util.Base64.getDecoder().decode(r.getBody()) : r.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theFormsComeAsPdfToWhomTheyAreAddressedAndTheTrackingBookAsCsv() throws Exception {
        String code = randomCode("261201");
        String id = received("owner-forms", new Applicant("Mai Thị Mẫu", "001099000993", null, null, "0912000993", null), code, LocalDate.of(2026, 12, 8));
        Map<String, String> desk = official("sub-forms", "CDLQG", "MOTCUA", "ONE_STOP");
        Map<String, String> owner = citizen("owner-forms", "Mai Thị Mẫu", "001099000993");
        assertEquals(404, handler.handleRequest(request("GET", "/api/dossiers/" + id + "/forms/02", null, owner), null).getStatusCode(), "not issued yet");
        assertEquals(200, handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/request-supplement",
                "{\"items\":[\"Bản sao giấy phép cũ bị mờ\"]}", desk), null).getStatusCode());
        APIGatewayV2HTTPResponse f02 = handler.handleRequest(request("GET", "/api/dossiers/" + id + "/forms/02", null, owner), null);
        assertEquals(200, f02.getStatusCode(), f02.getBody());
        assertTrue(f02.getHeaders().entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("content-type") && h.getValue().startsWith("application/pdf")));
        String text = pdfText(body(f02));
        assertTrue(text.contains("PHIẾU YÊU CẦU BỔ SUNG") && text.contains(code) && text.contains("1. Bản sao giấy phép cũ bị mờ")
                && text.contains("Kính gửi: Mai Thị Mẫu"), text);
        assertEquals(404, handler.handleRequest(request("GET", "/api/dossiers/" + id + "/forms/02", null,
                citizen("someone-else-forms", "Người khác", "001099000992")), null).getStatusCode(), "only to the applicant");
        assertEquals(404, handler.handleRequest(request("GET", "/api/dossiers/" + id + "/forms/07", null, owner), null).getStatusCode());
        APIGatewayV2HTTPResponse f06 = handler.handleRequest(request("GET", "/api/official/dossiers/" + id + "/forms/06", null, desk), null);
        assertEquals(200, f06.getStatusCode(), f06.getBody());
        assertTrue(pdfText(body(f06)).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"));
        assertEquals(404, handler.handleRequest(request("GET", "/api/official/dossiers/" + id + "/forms/06", null,
                official("sub-forms-other", "CNTBD", "MOTCUA", "ONE_STOP")), null).getStatusCode());
        APIGatewayV2HTTPResponse book = handler.handleRequest(signedGet("/api/official/dossiers/tracking-book",
                "from=2026-01-01&to=2026-12-31&format=csv", desk), null);
        assertEquals(200, book.getStatusCode(), book.getBody());
        String csv = new String(body(book), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.contains(code) && csv.contains("Mai Thị Mẫu"), csv);
        APIGatewayV2HTTPResponse bookPdf = handler.handleRequest(signedGet("/api/official/dossiers/tracking-book", "from=2026-01-01&to=2026-12-31", desk), null);
        assertTrue(pdfText(body(bookPdf)).contains("SỔ THEO DÕI HỒ SƠ"));
        assertEquals(400, handler.handleRequest(signedGet("/api/official/dossiers/tracking-book", "from=2026-12-31&to=2026-01-01", desk), null).getStatusCode());
        List<?> lh = ((String) new String(body(handler.handleRequest(signedGet("/api/official/dossiers/tracking-book",
                "from=2026-01-01&to=2026-12-31&format=csv", official("sub-forms-lh", "CDLQG", "LUHANH", "SPECIALIST")), null)),
                java.nio.charset.StandardCharsets.UTF_8)).lines().filter(l -> l.contains(code)).toList();
        assertEquals(List.of(), lh, "the specialist unit's book does not list what never reached it");
    }

    static List<Object> jsonList(APIGatewayV2HTTPResponse r) {
        assertEquals(200, r.getStatusCode(), r.getBody());
        return vn.gov.bvhttdl.dvc.domain.Json.list(vn.gov.bvhttdl.dvc.domain.Json.parse(r.getBody()));
    }

    /** A raw PDF POSTed to the public verification page, as API Gateway passes a binary body. */
    static APIGatewayV2HTTPEvent pdfPost(String path, byte[] pdf) {
        APIGatewayV2HTTPEvent e = request("POST", path, java.util.Base64.getEncoder().encodeToString(pdf), null);
        e.setIsBase64Encoded(true);
        Map<String, String> h = new java.util.HashMap<>(e.getHeaders() == null ? Map.of() : e.getHeaders());
        h.put("content-type", "application/pdf");
        e.setHeaders(h);
        return e;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApprovalIssuesASignedResultTheApplicantDownloadsAndAnyoneVerifies() throws Exception {
        String id = received("owner-result", new Applicant("Trương Thị Kết", "001099000991", null, "12 Hàng Bài, Hà Nội", "0912000991", null),
                randomCode("261201"), LocalDate.of(2026, 12, 8));
        Map<String, String> desk = official("sub-res-desk", "CDLQG", "MOTCUA", "ONE_STOP");
        Map<String, String> specialist = official("sub-res-lh", "CDLQG", "LUHANH", "SPECIALIST");
        Map<String, String> leader = official("sub-res-lead", "CDLQG", "LUHANH", "LEADER");
        Map<String, String> owner = citizen("owner-result", "Trương Thị Kết", "001099000991");
        handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/start-processing", "{}", desk), null);
        handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/assign", "{}", specialist), null);
        handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/forward", "{}", specialist), null);
        APIGatewayV2HTTPResponse approved = handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/approve", "{\"note\":\"Đủ điều kiện\"}", leader), null);
        assertEquals(200, approved.getStatusCode(), approved.getBody());
        List<Map<String, Object>> mine = (List<Map<String, Object>>) (List<?>) jsonList(handler.handleRequest(request("GET", "/api/dossiers/" + id + "/results", null, owner), null));
        assertEquals(1, mine.size());
        Map<String, Object> r = mine.get(0);
        String number = (String) r.get("number");
        assertTrue(number.endsWith("-KQ1"), number);
        assertEquals("VALID", r.get("state"));
        String verifyUrl = (String) r.get("verifyUrl");
        String resultId = (String) r.get("id");
        assertEquals("http://127.0.0.1:3000/verify/" + resultId, verifyUrl);
        assertEquals(404, handler.handleRequest(request("GET", "/api/dossiers/" + id + "/results", null,
                citizen("someone-else-res", "Người khác", "001099000990")), null).getStatusCode());

        APIGatewayV2HTTPResponse link = handler.handleRequest(request("GET", "/api/dossiers/" + id + "/results/" + number, null, owner), null);
        assertEquals(303, link.getStatusCode(), link.getBody());
        String location = link.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("location")).map(Map.Entry::getValue).findFirst().orElseThrow();
        assertTrue(location.contains("results/" + resultId + ".pdf") && location.contains("X-Amz-Signature"), location);
        assertEquals("RESULT_RETURNED", json(handler.handleRequest(request("GET", "/api/dossiers/" + id, null, owner), null)).get("status"),
                "the first download returns the result");

        // the public page, without signing in: genuine and valid, the face only
        APIGatewayV2HTTPResponse page = handler.handleRequest(publicGet("/verify/" + resultId, null), null);
        assertEquals(200, page.getStatusCode(), page.getBody());
        assertTrue(page.getBody().contains("XÁC THỰC — CÒN HIỆU LỰC") && page.getBody().contains(number) && page.getBody().contains("Trương Thị Kết"), page.getBody());
        assertFalse(page.getBody().contains("001099000991"), "no full ID number on the public page");
        assertTrue(page.getBody().contains("0991"), "its last digits, to compare with the paper");
        assertEquals(404, handler.handleRequest(publicGet("/verify/aaaaaaaaaaaaaaaaaaaaaaaaaa", null), null).getStatusCode());
        // the file as issued: genuine; one byte changed: not
        var results = vn.gov.bvhttdl.dvc.adapters.Table.fromSettings().results();
        byte[] pdf = results.file(resultId);
        Map<String, Object> ok = json(handler.handleRequest(pdfPost("/verify/" + resultId, pdf), null));
        assertEquals(Boolean.TRUE, ok.get("genuine"), ok.toString());
        byte[] tampered = pdf.clone();
        tampered[300] ^= 0x01;
        Map<String, Object> bad = json(handler.handleRequest(pdfPost("/verify/" + resultId, tampered), null));
        assertEquals(Boolean.FALSE, bad.get("genuine"), bad.toString());
        assertEquals(Boolean.FALSE, bad.get("matchesRecord"));
        // revoked by the leader: the page says so
        assertEquals(403, handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/results/" + number + "/revoke",
                "{\"reason\":\"x\"}", desk), null).getStatusCode());
        APIGatewayV2HTTPResponse revoked = handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/results/" + number + "/revoke",
                "{\"reason\":\"Cấp nhầm địa chỉ\"}", leader), null);
        assertEquals(200, revoked.getStatusCode(), revoked.getBody());
        String after = handler.handleRequest(publicGet("/verify/" + resultId, null), null).getBody();
        assertTrue(after.contains("ĐÃ BỊ THU HỒI") && after.contains("Cấp nhầm địa chỉ"), after);
    }
}
