package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static vn.gov.bvhttdl.dvc.api.CitizenApiHandlerIT.citizen;
import static vn.gov.bvhttdl.dvc.api.CitizenApiHandlerIT.contentType;
import static vn.gov.bvhttdl.dvc.api.CitizenApiHandlerIT.json;
import static vn.gov.bvhttdl.dvc.api.CitizenApiHandlerIT.request;

/** The citizens' warehouse routes through the handler (issue #25): the page, keeping refused as problem+json, another's entry. */
class WarehouseApiIT {
    static ApiHandler handler;

    @BeforeAll
    static void start() {
        TestStack.get();
        handler = new ApiHandler();
    }

    @AfterAll
    static void stop() { handler.close(); }

    static String idNumber() { return "0010" + String.format("%08d", (long) (Math.random() * 99_999_999L)); }

    @Test
    @SuppressWarnings("unchecked")
    void thePageListsTheOwnersEntriesWithTheirStateAndNobodyElseOpensThem() {
        String id = idNumber();
        Map<String, String> me = citizen("sub-wh-" + System.nanoTime(), "Trần Thị Lan", id);
        Map<String, String> other = citizen("sub-wh-other-" + System.nanoTime(), "Lê Văn Minh", idNumber());
        String entry = "wh" + System.nanoTime();
        Table.of(DossierStore.fromSettings()).warehouse().add(new WarehouseDocument(WarehouseDocument.personal(id), entry,
                WarehouseDocument.Kind.RESULT, "copyright-registration-certificate", new Text("Giấy chứng nhận đăng ký quyền tác giả", "Copyright registration certificate"),
                "000.00.12.H01-260301-0001-KQ1", null, "000.00.12.H01-260301-0001-KQ1", "Tóm tắt", LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-31"), null, "Cục Bản quyền tác giả", "nosuchresult", null, "00", entry, WarehouseDocument.Status.VALID,
                null, null, "d-1", null, Instant.parse("2026-03-01T03:00:00Z"), "system"));

        APIGatewayV2HTTPResponse r = handler.handleRequest(request("GET", "/api/me/warehouse", null, me), null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        Map<String, Object> page = json(r);
        assertEquals(List.of(Map.of("code", id, "enterprise", false)), page.get("owners"));
        List<Object> entries = (List<Object>) page.get("entries");
        assertEquals(1, entries.size());
        Map<String, Object> e = (Map<String, Object>) entries.get(0);
        assertEquals(entry, e.get("id"));
        assertEquals("EXPIRED", e.get("state"), "valid until 31/03/2026, read today");
        assertEquals("/verify/" + entry, e.get("verifyPath"));
        assertEquals("Giấy chứng nhận đăng ký quyền tác giả", ((Map<String, Object>) e.get("kindName")).get("vi"));
        assertEquals(List.of(), page.get("keepable"));

        assertEquals(List.of(), json(handler.handleRequest(request("GET", "/api/me/warehouse", null, other), null)).get("entries"));
        APIGatewayV2HTTPResponse theirs = handler.handleRequest(request("GET", "/api/me/warehouse/" + entry + "/file", null, other), null);
        assertEquals(404, theirs.getStatusCode(), theirs.getBody());
        assertEquals(Problem.MEDIA_TYPE, contentType(theirs));
        assertTrue(theirs.getBody().contains("warehouse-document-not-found"), theirs.getBody());
        assertEquals(401, handler.handleRequest(request("GET", "/api/me/warehouse", null, null), null).getStatusCode());
    }

    @Test
    void keepingADocumentOfAnUnfinishedOrSomeoneElsesDossierIsAProblem() {
        Map<String, String> owner = citizen("sub-wh-owner-" + System.nanoTime(), "Phạm Văn Dũng", idNumber());
        Map<String, String> other = citizen("sub-wh-x-" + System.nanoTime(), "Hoàng Thị Em", idNumber());
        String dossier = (String) json(handler.handleRequest(request("POST", "/api/dossiers",
                "{\"procedureCode\":\"BVHTTDL-DL-002\",\"applicant\":{\"phone\":\"0900000000\"}}", owner), null)).get("id");
        String body = "{\"dossierId\":\"" + dossier + "\",\"uploadId\":\"x\"}";

        APIGatewayV2HTTPResponse draft = handler.handleRequest(request("POST", "/api/me/warehouse/keep", body, owner), null);
        assertEquals(409, draft.getStatusCode(), draft.getBody());
        assertEquals(Problem.MEDIA_TYPE, contentType(draft));
        assertTrue(draft.getBody().contains("warehouse-not-finished"), draft.getBody());

        APIGatewayV2HTTPResponse notHers = handler.handleRequest(request("POST", "/api/me/warehouse/keep", body, other), null);
        assertEquals(404, notHers.getStatusCode(), notHers.getBody());
        assertTrue(notHers.getBody().contains("dossier-not-found"), notHers.getBody());

        APIGatewayV2HTTPResponse none = handler.handleRequest(request("POST", "/api/me/warehouse/keep", "{}", owner), null);
        assertEquals(404, none.getStatusCode(), none.getBody());
    }
}
