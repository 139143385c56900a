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
 * Input DynamoDB cannot store is the client's mistake, never a 500: a lone UTF-16 surrogate in any text field is a
 * 422 naming the field, and nothing is changed; an official whose identity names no agency gets their (empty) counts.
 * Each case was a 500 before (a SerializationException from DynamoDB; {@code get(null)} on a sorted map).
 */
class UnstorableInputIT {
    static ApiHandler handler;

    @BeforeAll
    static void start() {
        TestStack.get();
        handler = new ApiHandler();
    }

    @AfterAll
    static void stop() { handler.close(); }

    static final Map<String, String> AN = citizen("unstorable-an", "Nguyễn Văn An", "001099012399");

    @SuppressWarnings("unchecked")
    static void refused(APIGatewayV2HTTPResponse r, String field) {
        assertEquals(422, r.getStatusCode(), r.getBody());
        assertTrue(contentType(r).startsWith("application/problem+json"));
        Map<String, Object> p = json(r);
        assertEquals(Problem.BASE + "unstorable-text", p.get("type"));
        List<Map<String, Object>> errors = (List<Map<String, Object>>) p.get("errors");
        assertEquals(field, errors.get(0).get("field"));
        assertNotNull(((Map<String, Object>) p.get("message")).get("vi"));
    }

    @Test
    void aLoneSurrogateAnywhereIsA422NamingTheFieldAndChangesNothing() {
        refused(handler.handleRequest(request("POST", "/api/dossiers",
                "{\"procedureCode\":\"BVHTTDL-DL-001\",\"applicant\":{\"phone\":\"0912345678\",\"address\":\"Số 1 \\udfff Hà Nội\"}}", AN), null),
                "applicant.address");
        APIGatewayV2HTTPResponse created = handler.handleRequest(request("POST", "/api/dossiers",
                "{\"procedureCode\":\"BVHTTDL-DL-001\",\"applicant\":{\"phone\":\"0912345678\"}}", AN), null);
        assertEquals(201, created.getStatusCode(), created.getBody());
        String id = (String) json(created).get("id");
        refused(handler.handleRequest(request("POST", "/api/dossiers/" + id + "/withdraw", "{\"reason\":\"\\udfff\"}", AN), null), "reason");
        assertEquals("DRAFT", json(handler.handleRequest(request("GET", "/api/dossiers/" + id, null, AN), null)).get("status"),
                "the refused withdrawal changed nothing");
        Map<String, String> desk = PortalApiIT.official("unstorable-desk", "CDLQG", "MOTCUA", "ONE_STOP");
        refused(handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/request-supplement",
                "{\"items\":[\"Bản sao\",\"\\ud800x\"]}", desk), null), "items[1]");
        // a whole pair (an emoji) is text like any other
        APIGatewayV2HTTPResponse emoji = handler.handleRequest(request("POST", "/api/dossiers/" + id + "/withdraw", "{\"reason\":\"\\ud83d\\ude00 thôi\"}", AN), null);
        assertEquals(200, emoji.getStatusCode(), emoji.getBody());
    }

    @Test
    void theCountsAnswerAnOfficialOfNoAgency() {
        Map<String, String> nobody = PortalApiIT.official("unstorable-none", "CDLQG", "MOTCUA", "ONE_STOP");
        nobody.remove("custom:agency");
        APIGatewayV2HTTPResponse r = handler.handleRequest(request("GET", "/api/official/dossiers/counts", null, nobody), null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals(Map.of(), json(r));
    }
}
