package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static vn.gov.bvhttdl.dvc.api.CitizenApiHandlerIT.*;

/**
 * Issue 24: what administrators publish rests on a document, an empty or unchanged form is refused with problem+json
 * in both languages (each field error too), and the previews say what would change without publishing anything.
 */
class AdminPublishIT {
    static ApiHandler handler;
    static Map<String, String> admin;

    @BeforeAll
    static void start() {
        TestStack.get();
        handler = new ApiHandler();
        admin = citizen("sub-admin-publish", "Quản trị", "001099000777");
        admin.put("cognito:groups", "[admins]");
    }

    @AfterAll
    static void stop() { handler.close(); }

    /** Each field error of a problem has its Vietnamese and English text, and names its field. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fieldError(APIGatewayV2HTTPResponse r, String field) {
        assertEquals(Problem.MEDIA_TYPE, contentType(r));
        Map<String, Object> p = json(r);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) p.get("errors");
        assertNotNull(errors, r.getBody());
        for (Map<String, Object> e : errors) {
            assertFalse(String.valueOf(e.get("vi")).isBlank(), r.getBody());
            assertFalse(String.valueOf(e.get("en")).isBlank(), r.getBody());
            assertNotEquals(e.get("vi"), e.get("en"), "two languages, not one twice: " + r.getBody());
        }
        return errors.stream().filter(e -> field.equals(e.get("field"))).findFirst().orElseThrow(() -> new AssertionError(r.getBody()));
    }

    @Test
    void anEmptyCalendarFormIsNotPublishedAndTheYearStaysProvisional() {
        // what the calendar page sends when "Công bố" is pressed on the empty form
        String empty = "{\"year\":2029,\"basis\":null,\"holidays\":[],\"workingWeekendDays\":[],\"pending\":[]}";
        APIGatewayV2HTTPResponse r = handler.handleRequest(request("PUT", "/api/admin/calendar/2029", empty, admin), null);
        assertEquals(422, r.getStatusCode(), r.getBody());
        assertTrue(String.valueOf(json(r).get("type")).endsWith("/basis-required"), r.getBody());
        fieldError(r, "basis.document");

        String noDays = "{\"year\":2029,\"basis\":{\"document\":\"Thông báo (thử)\"},\"holidays\":[],\"workingWeekendDays\":[],\"pending\":[]}";
        APIGatewayV2HTTPResponse r2 = handler.handleRequest(request("PUT", "/api/admin/calendar/2029", noDays, admin), null);
        assertEquals(422, r2.getStatusCode(), r2.getBody());
        assertTrue(String.valueOf(json(r2).get("type")).endsWith("/calendar-empty"), r2.getBody());
        assertTrue(String.valueOf(fieldError(r2, "blocks.0.days").get("vi")).contains("dự kiến"));
        assertEquals(422, handler.handleRequest(request("POST", "/api/admin/calendar/2029/changes", noDays, admin), null).getStatusCode());

        Map<String, Object> cal = json(handler.handleRequest(publicGet("/api/calendar/2029", null), null));
        assertEquals(Boolean.TRUE, cal.get("provisional"), "nothing published: 2029 is still provisional");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChangesOfAYearArePreviewedThenPublishedOnceAndNotAgainUnchanged() {
        String draft = "{\"year\":2030,\"basis\":{\"document\":\"Thông báo nghỉ lễ 2030 (thử)\"},"
                + "\"holidays\":[{\"replaces\":[\"victory\",\"labour\"],\"days\":[\"2030-04-29\",\"2030-04-30\",\"2030-05-01\",\"2030-05-02\"]}],"
                + "\"workingWeekendDays\":[\"2030-05-04\"],\"pending\":[]}";
        APIGatewayV2HTTPResponse preview = handler.handleRequest(request("POST", "/api/admin/calendar/2030/changes", draft, admin), null);
        assertEquals(200, preview.getStatusCode(), preview.getBody());
        Map<String, Object> c = json(preview);
        assertTrue(((List<Object>) c.get("daysOffAdded")).contains("2030-05-02"), preview.getBody());
        assertEquals(List.of("2030-05-04"), c.get("workingAdded"));
        assertInstanceOf(List.class, c.get("moved"));
        assertEquals(Boolean.TRUE, json(handler.handleRequest(publicGet("/api/calendar/2030", null), null)).get("provisional"), "a preview publishes nothing");

        assertEquals(200, handler.handleRequest(request("PUT", "/api/admin/calendar/2030", draft, admin), null).getStatusCode());
        APIGatewayV2HTTPResponse again = handler.handleRequest(request("PUT", "/api/admin/calendar/2030", draft, admin), null);
        assertEquals(409, again.getStatusCode(), again.getBody());
        assertTrue(String.valueOf(json(again).get("type")).endsWith("/calendar-unchanged"), again.getBody());
        fieldError(again, "blocks.0.days");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aVersionNeedsItsDecisionItsPreviewListsTheChangesAndAWrongDateIsRefusedInBothLanguages() {
        String body = "{\"code\":\"BVHTTDL-BQ-001\",\"version\":%d,\"change\":\"amended\",\"effectiveFrom\":\"%s\",%s"
                + "\"name\":{\"vi\":\"Thủ tục thử (sửa đổi)\",\"en\":\"Test procedure (amended)\"},"
                + "\"field\":\"copyright\",\"agencyCode\":\"CBQTG\",\"agencyName\":{\"vi\":\"Cục Bản quyền tác giả\"},"
                + "\"receivingUnitCode\":\"000.00.12.G17\",\"serviceLevel\":4,\"fullProcess\":true,\"timeLimit\":{\"days\":7,\"unit\":\"WORKING_DAYS\"},"
                + "\"components\":[{\"code\":\"DON\",\"name\":{\"vi\":\"Đơn\"},\"mandatory\":true,\"formats\":[\"pdf\"]}],"
                + "\"fees\":[{\"name\":{\"vi\":\"Lệ phí\",\"en\":\"Fee\"},\"amountVnd\":150000}],"
                + "\"legalBasis\":[{\"document\":\"Nghị định 17/2023/NĐ-CP\"}]}";
        Map<String, Object> current = json(handler.handleRequest(publicGet("/api/procedures/BVHTTDL-BQ-001", null), null));
        int next = ((List<Object>) current.get("history")).size() + 1;
        String path = "/api/admin/procedures/BVHTTDL-BQ-001/versions";

        APIGatewayV2HTTPResponse noBasis = handler.handleRequest(request("POST", path + "/preview", body.formatted(next, "2030-01-01", ""), admin), null);
        assertEquals(422, noBasis.getStatusCode(), noBasis.getBody());
        fieldError(noBasis, "decision.document");

        String decided = "\"decision\":{\"document\":\"Quyết định thử nghiệm\"},";
        APIGatewayV2HTTPResponse badDate = handler.handleRequest(request("POST", path + "/preview", body.formatted(next, "2030-02-31", decided), admin), null);
        assertEquals(422, badDate.getStatusCode(), badDate.getBody());
        Map<String, Object> e = fieldError(badDate, "effectiveFrom");
        assertTrue(String.valueOf(e.get("vi")).contains("dd/mm/yyyy"), badDate.getBody());
        assertFalse(String.valueOf(e.get("vi")).contains("must"), "no English inside the Vietnamese: " + badDate.getBody());

        APIGatewayV2HTTPResponse preview = handler.handleRequest(request("POST", path + "/preview", body.formatted(next, "2030-01-01", decided), admin), null);
        assertEquals(200, preview.getStatusCode(), preview.getBody());
        List<Map<String, Object>> diffs = (List<Map<String, Object>>) json(preview).get("differences");
        List<Object> what = diffs.stream().map(d -> d.get("what")).toList();
        assertTrue(what.contains("timeLimit") && what.contains("fees"), preview.getBody());
        Map<String, Object> fees = diffs.stream().filter(d -> "fees".equals(d.get("what"))).findFirst().orElseThrow();
        assertTrue(String.valueOf(fees.get("after")).contains("150.000 ₫"), preview.getBody());
        assertEquals(next - 1, ((List<Object>) json(handler.handleRequest(publicGet("/api/procedures/BVHTTDL-BQ-001", null), null)).get("history")).size(),
                "a preview publishes nothing");
    }
}
