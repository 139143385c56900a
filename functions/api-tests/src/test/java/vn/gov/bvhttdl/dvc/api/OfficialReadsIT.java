package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;
import static vn.gov.bvhttdl.dvc.api.CitizenApiHandlerIT.*;

/**
 * "Who looked at my dossier", through the handlers against the table on dynoxide: an official opens a dossier and one
 * of its files, each read is stored under the dossier before the answer; the owner sees both (who, unit, post, when,
 * what) on the dossier's page and through {@code GET /api/dossiers/{id}/reads}, a page at a time; another citizen
 * gets the same 404 as for no dossier; an official out of scope reads nothing and leaves no entry.
 */
class OfficialReadsIT {
    static ApiHandler handler;

    @BeforeAll
    static void start() {
        TestStack.get();
        handler = new ApiHandler();
    }

    @AfterAll
    static void stop() { handler.close(); }

    /** A GET with query parameters: the raw query URL-encoded, the parameters decoded, as API Gateway hands them on. */
    static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent get(String path, Map<String, String> query, Map<String, String> claims) {
        var e = request("GET", path, null, claims);
        e.setRawQueryString(String.join("&", query.entrySet().stream()
                .map(q -> q.getKey() + "=" + java.net.URLEncoder.encode(q.getValue(), java.nio.charset.StandardCharsets.UTF_8)).toList()));
        e.setQueryStringParameters(new java.util.HashMap<>(query));
        return e;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOwnerSeesEachOfficialsReadAndNoOneElseDoes() {
        String owner = "owner-reads-" + UUID.randomUUID();
        Map<String, String> me = citizen(owner, "Hoàng Thị Đọc", "001099000981");
        String id = PortalApiIT.received(owner, new Applicant("Hoàng Thị Đọc", "001099000981", null, null, "0912000981", null),
                PortalApiIT.randomCode("261202"), LocalDate.of(2026, 12, 9));
        DossierStore store = DossierStore.fromSettings();
        var a = new vn.gov.bvhttdl.dvc.domain.Attachment(id, "dossiers/" + id + "/DON/" + UUID.randomUUID(), "DON", "don-de-nghi.pdf",
                "application/pdf", 100, vn.gov.bvhttdl.dvc.domain.Attachment.Status.PENDING, null, null, null, null, Instant.now(), null);
        vn.gov.bvhttdl.dvc.adapters.Table.of(store).attachments().authoriseUpload(a);
        vn.gov.bvhttdl.dvc.adapters.Table.of(store).attachments().recordVerdict(
                a.scanned(vn.gov.bvhttdl.dvc.domain.Attachment.Status.ACCEPTED, null, "pdf", "00", 1, Instant.now()));

        // an official of another unit reads nothing, and nothing is recorded
        Map<String, String> otherUnit = PortalApiIT.official("sub-reads-lt", "CDLQG", "LUUTRU", "LEADER");
        assertEquals(404, handler.handleRequest(request("GET", "/api/official/dossiers/" + id, null, otherUnit), null).getStatusCode());

        Map<String, String> desk = PortalApiIT.official("sub-reads-mc", "CDLQG", "MOTCUA", "ONE_STOP");
        desk.put("name", "Nguyễn Thị Bàn");
        APIGatewayV2HTTPResponse page = handler.handleRequest(request("GET", "/api/official/dossiers/" + id, null, desk), null);
        assertEquals(200, page.getStatusCode(), page.getBody());
        APIGatewayV2HTTPResponse file = handler.handleRequest(request("GET", "/api/official/dossiers/" + id + "/files/" + a.uploadId(), null, desk), null);
        assertEquals(303, file.getStatusCode(), file.getBody());

        APIGatewayV2HTTPResponse r = handler.handleRequest(request("GET", "/api/dossiers/" + id + "/reads", null, me), null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        List<Map<String, Object>> reads = (List<Map<String, Object>>) json(r).get("reads");
        assertEquals(List.of("download-file", "view-dossier"), reads.stream().map(x -> x.get("action")).toList(), "newest first");
        Map<String, Object> latest = reads.get(0);
        assertEquals("Nguyễn Thị Bàn", latest.get("officialName"), "the name the official's sign-in gives");
        assertEquals("CDLQG", latest.get("agency"));
        assertEquals("MOTCUA", latest.get("unit"));
        assertNotNull(((Map<String, Object>) latest.get("unitName")).get("vi"), "the unit's name from the organisation");
        assertEquals("ONE_STOP", latest.get("post"));
        assertEquals("don-de-nghi.pdf (DON)", latest.get("detail"));
        assertFalse(r.getBody().contains("sub-reads-mc"), "the official's account id is not shown to the applicant");
        assertTrue(Instant.parse((String) latest.get("at")).isAfter(Instant.now().minusSeconds(300)));
        assertFalse(r.getBody().contains("LUUTRU"), "the refused read left no entry");

        // a page at a time, with a cursor that is checked
        Map<String, Object> one = json(handler.handleRequest(get("/api/dossiers/" + id + "/reads", Map.of("size", "1"), me), null));
        assertEquals(1, ((List<?>) one.get("reads")).size());
        String next = (String) one.get("next");
        assertNotNull(next);
        Map<String, Object> two = json(handler.handleRequest(get("/api/dossiers/" + id + "/reads", Map.of("size", "1", "after", next), me), null));
        assertEquals("view-dossier", ((Map<String, Object>) ((List<?>) two.get("reads")).get(0)).get("action"));
        assertEquals(422, handler.handleRequest(get("/api/dossiers/" + id + "/reads", Map.of("after", "AUDIT#2026-01-01T00:00:00.000000000Z#0000000001#abcdabcd"), me), null).getStatusCode(),
                "a cursor that is not a read's is refused, not followed");

        // the dossier's page carries the latest reads
        Map<String, Object> mine = json(handler.handleRequest(request("GET", "/api/dossiers/" + id, null, me), null));
        assertEquals(2, ((List<?>) ((Map<String, Object>) mine.get("reads")).get("reads")).size());
        // another citizen: the same 404 as no dossier
        Map<String, String> other = citizen("other-reads-" + UUID.randomUUID(), "Trần Văn Khác", "001099000982");
        APIGatewayV2HTTPResponse theirs = handler.handleRequest(request("GET", "/api/dossiers/" + id + "/reads", null, other), null);
        assertEquals(404, theirs.getStatusCode());
        assertEquals(404, handler.handleRequest(request("GET", "/api/dossiers/" + UUID.randomUUID() + "/reads", null, other), null).getStatusCode());
        // an official is not the owner: refused like anyone else (404, as AccessMatrixIT has it for the citizen's routes)
        int official = handler.handleRequest(request("GET", "/api/dossiers/" + id + "/reads", null, desk), null).getStatusCode();
        assertTrue(official == 404 || official == 403, "an official reading the owner's list: " + official);
        // the history the applicant reads holds no read entries (they are not audit events)
        assertFalse(((List<Map<String, Object>>) mine.get("history")).stream().anyMatch(e -> String.valueOf(e.get("action")).startsWith("view")));
    }
}
