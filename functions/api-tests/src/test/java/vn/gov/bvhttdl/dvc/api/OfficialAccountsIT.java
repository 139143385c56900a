package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;
import static vn.gov.bvhttdl.dvc.api.CitizenApiHandlerIT.*;

/**
 * An administrator creates an official's account, the official signs in with what the account says (offline: the
 * development issuer's claims, {@code sub} and {@code custom:*} from the account), works, is moved to another post,
 * is deactivated, and their very next request is refused with 401 {@code account-deactivated} in both languages;
 * the trail keeps each change with who made it.
 */
class OfficialAccountsIT {
    static ApiHandler handler;

    @BeforeAll
    static void start() {
        TestStack.get();
        handler = new ApiHandler();
    }

    @AfterAll
    static void stop() { handler.close(); }

    static APIGatewayV2HTTPResponse call(String method, String path, Object body, Map<String, String> claims) {
        return handler.handleRequest(request(method, path, body == null ? null : Json.write(body), claims), null);
    }

    /** The claims the development issuer puts in an account's token (as Cognito would from the pool's user). */
    static Map<String, String> tokenOf(Map<String, Object> account) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("sub", (String) account.get("subject"));
        c.put("name", (String) account.get("name"));
        c.put("email", (String) account.get("email"));
        c.put("cognito:groups", "ADMIN".equals(account.get("role")) ? "[admins]" : "[officials]");
        c.put("custom:agency", (String) account.get("agency"));
        c.put("custom:unit", (String) account.get("unit"));
        c.put("custom:post", (String) account.get("post"));
        return c;
    }

    @Test
    void createdSignedInMovedDeactivatedAndRefusedAtOnce() {
        Map<String, String> admin = AccessMatrixIT.admin();
        String email = "can.bo." + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";

        // only an administrator manages accounts
        Map<String, String> citizen = new LinkedHashMap<>(admin);
        citizen.put("cognito:groups", "[citizens]");
        assertEquals(403, call("POST", "/api/admin/officials", Map.of("name", "X", "email", email, "agency", "CDLQG", "unit", "MOTCUA", "role", "desk"), citizen).getStatusCode());

        APIGatewayV2HTTPResponse created = call("POST", "/api/admin/officials",
                Map.of("name", "Trần Thị Bình", "email", email, "agency", "CDLQG", "unit", "MOTCUA", "role", "desk"), admin);
        assertEquals(201, created.getStatusCode(), created.getBody());
        Map<String, Object> account = json(created);
        assertEquals("ONE_STOP", account.get("post"));
        assertEquals("ACTIVE", account.get("status"));
        String subject = (String) account.get("subject");

        // a unit outside the agency: 422 naming the field, both languages
        APIGatewayV2HTTPResponse bad = call("POST", "/api/admin/officials",
                Map.of("name", "Y", "email", "y." + email, "agency", "CDLQG", "unit", "NO-SUCH", "role", "specialist"), admin);
        assertEquals(422, bad.getStatusCode(), bad.getBody());
        Map<String, Object> error = Json.obj(Json.list(json(bad).get("errors")).getFirst());
        assertEquals("unit", error.get("field"));
        assertFalse(String.valueOf(error.get("vi")).isBlank());
        assertFalse(String.valueOf(error.get("en")).isBlank());
        // the same address twice: 409
        assertEquals(409, call("POST", "/api/admin/officials", Map.of("name", "Z", "email", email, "agency", "CDLQG", "unit", "MOTCUA", "role", "desk"), admin).getStatusCode());

        // the official signs in with what the account says and works
        Map<String, String> token = tokenOf(account);
        APIGatewayV2HTTPResponse counts = call("GET", "/api/official/dossiers/counts", null, token);
        assertEquals(200, counts.getStatusCode(), counts.getBody());

        // moved to administrator: the admin API takes the account's word over the token's (still "officials") at once
        assertEquals(403, call("GET", "/api/admin/publications", null, token).getStatusCode(), "a desk official is no administrator");
        APIGatewayV2HTTPResponse moved = call("PUT", "/api/admin/officials/" + subject + "/assignment",
                Map.of("agency", "CDLQG", "role", "admin", "version", 1), admin);
        assertEquals(200, moved.getStatusCode(), moved.getBody());
        assertEquals(200, call("GET", "/api/admin/publications", null, token).getStatusCode(), moved.getBody());
        assertEquals(403, call("GET", "/api/official/dossiers/counts", null, token).getStatusCode(), "no longer an official");
        // a stale version loses
        assertEquals(409, call("PUT", "/api/admin/officials/" + subject + "/assignment",
                Map.of("agency", "CDLQG", "unit", "MOTCUA", "role", "leader", "version", 1), admin).getStatusCode());
        assertEquals(200, call("PUT", "/api/admin/officials/" + subject + "/assignment",
                Map.of("agency", "CDLQG", "unit", "MOTCUA", "role", "leader", "version", 2), admin).getStatusCode());
        assertEquals(200, call("GET", "/api/official/dossiers/counts", null, token).getStatusCode());

        // deactivated: the next request with the same token is refused, in both languages
        APIGatewayV2HTTPResponse off = call("POST", "/api/admin/officials/" + subject + "/deactivate", Map.of("version", 3), admin);
        assertEquals(200, off.getStatusCode(), off.getBody());
        assertEquals("DEACTIVATED", json(off).get("status"));
        APIGatewayV2HTTPResponse refused = call("GET", "/api/official/dossiers/counts", null, token);
        Map<String, Object> p = NationalCatalogueRouteIT.problem(refused, 401, "account-deactivated");
        assertTrue(String.valueOf(Json.obj(p.get("message")).get("vi")).contains("vô hiệu hóa"));
        assertEquals(401, call("GET", "/api/admin/scorecard", null, token).getStatusCode(), "every route that binds a caller");

        // the trail: who changed what, when
        Map<String, Object> page = json(call("GET", "/api/admin/officials/" + subject, null, admin));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) page.get("history");
        assertEquals(List.of("CREATED", "ASSIGNED", "ASSIGNED", "DEACTIVATED"), history.stream().map(h -> h.get("action")).toList());
        assertTrue(history.stream().allMatch(h -> "matrix-admin".equals(h.get("by")) && h.get("at") != null));
        assertEquals("DESK CDLQG/MOTCUA", history.get(1).get("before"));
        APIGatewayV2HTTPResponse list = call("GET", "/api/admin/officials", null, admin);
        assertEquals(200, list.getStatusCode(), list.getBody());
        Map<String, Object> cdlqg = Json.list(json(list).get("agencies")).stream().map(Json::obj).filter(a -> "CDLQG".equals(a.get("code"))).findFirst().orElseThrow();
        assertFalse(String.valueOf(Json.obj(cdlqg.get("name")).get("vi")).isBlank());
        assertTrue(Json.list(cdlqg.get("units")).stream().anyMatch(u -> "MOTCUA".equals(Json.obj(u).get("code"))));
        assertTrue(Json.list(json(list).get("accounts")).stream().anyMatch(a -> subject.equals(Json.obj(a).get("subject"))
                && "DEACTIVATED".equals(Json.obj(a).get("status"))), list.getBody());
    }

    /**
     * An administrator makes a leader sign on behalf of the Director General (KT.): the token the official already holds
     * carries nothing of it, the account does ({@code AccountCheck}), and the result they approve prints "KT." with
     * both names; a KT. without the superior is refused in both languages.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aLeaderWithAKtDelegationApprovesAResultThatSaysSoWithBothNames() throws Exception {
        Map<String, String> admin = AccessMatrixIT.admin();
        String email = "pho.cuc.truong." + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
        Map<String, Object> noSuperior = new LinkedHashMap<>(Map.of("name", "Lê Thị Phó", "email", email, "agency", "CDLQG", "unit", "LUHANH",
                "role", "leader", "title", "Phó Cục trưởng", "signMode", "KT"));
        APIGatewayV2HTTPResponse bad = call("POST", "/api/admin/officials", noSuperior, admin);
        assertEquals(422, bad.getStatusCode(), bad.getBody());
        assertTrue(contentType(bad).startsWith("application/problem+json"), bad.getBody());
        Map<String, Object> error = Json.obj(Json.list(json(bad).get("errors")).getFirst());
        assertEquals("signFor", error.get("field"));
        assertTrue(String.valueOf(error.get("vi")).contains("cấp trên"), bad.getBody());
        assertTrue(String.valueOf(error.get("en")).contains("superior"), bad.getBody());

        // first in their own right; the token issued now stays the one they use
        APIGatewayV2HTTPResponse created = call("POST", "/api/admin/officials", Map.of("name", "Lê Thị Phó", "email", email, "agency", "CDLQG",
                "unit", "LUHANH", "role", "leader", "title", "Phó Cục trưởng"), admin);
        assertEquals(201, created.getStatusCode(), created.getBody());
        Map<String, Object> account = json(created);
        assertNull(account.get("signMode"));
        Map<String, String> deputy = tokenOf(account);
        String subject = (String) account.get("subject");
        APIGatewayV2HTTPResponse kt = call("PUT", "/api/admin/officials/" + subject + "/assignment", Map.of("agency", "CDLQG", "unit", "LUHANH",
                "role", "leader", "title", "Phó Cục trưởng", "signMode", "KT", "signFor", "Nguyễn Văn Trưởng", "version", 1), admin);
        assertEquals(200, kt.getStatusCode(), kt.getBody());
        assertEquals("KT", json(kt).get("signMode"));
        assertEquals("Nguyễn Văn Trưởng", json(kt).get("signFor"));
        List<Map<String, Object>> history = (List<Map<String, Object>>) json(call("GET", "/api/admin/officials/" + subject, null, admin)).get("history");
        assertEquals("LEADER CDLQG/LUHANH «Phó Cục trưởng» KT. Nguyễn Văn Trưởng", history.get(1).get("after"));

        String id = PortalApiIT.received("owner-kt", new vn.gov.bvhttdl.dvc.domain.Applicant("Đào Thị Ký", "001099000981", null, "5 Tràng Tiền, Hà Nội",
                "0912000981", null), PortalApiIT.randomCode("261201"), java.time.LocalDate.of(2026, 12, 8));
        Map<String, String> desk = PortalApiIT.official("sub-kt-desk", "CDLQG", "MOTCUA", "ONE_STOP");
        Map<String, String> specialist = PortalApiIT.official("sub-kt-lh", "CDLQG", "LUHANH", "SPECIALIST");
        assertEquals(200, call("POST", "/api/official/dossiers/" + id + "/start-processing", Map.of(), desk).getStatusCode());
        assertEquals(200, call("POST", "/api/official/dossiers/" + id + "/assign", Map.of(), specialist).getStatusCode());
        assertEquals(200, call("POST", "/api/official/dossiers/" + id + "/forward", Map.of(), specialist).getStatusCode());
        APIGatewayV2HTTPResponse approved = call("POST", "/api/official/dossiers/" + id + "/approve", Map.of("note", "Đủ điều kiện"), deputy);
        assertEquals(200, approved.getStatusCode(), approved.getBody());

        Map<String, String> owner = citizen("owner-kt", "Đào Thị Ký", "001099000981");
        List<Object> results = PortalApiIT.jsonList(handler.handleRequest(request("GET", "/api/dossiers/" + id + "/results", null, owner), null));
        String resultId = (String) Json.obj(results.getFirst()).get("id");
        byte[] pdf = vn.gov.bvhttdl.dvc.adapters.Table.fromSettings().results().file(resultId);
        String text = java.text.Normalizer.normalize(PortalApiIT.pdfText(pdf), java.text.Normalizer.Form.NFC);
        assertTrue(text.contains("KT. CỤC TRƯỞNG"), text);
        assertTrue(text.contains("PHÓ CỤC TRƯỞNG"), text);
        assertTrue(text.contains("Lê Thị Phó"), "the signer's name: " + text);
        assertTrue(text.contains("Nguyễn Văn Trưởng"), "the superior's name: " + text);
    }
}
