package vn.gov.bvhttdl.dvc.local.runner;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Sign-in through the national portal's SSO on the offline stack, as the web site does it: authorization code with
 * PKCE at the pool stand-in (Cognito's addresses), which signs the person in at the sandbox national SSO (its own code,
 * PKCE and client secret), checks the national ID token, maps the claims by template.yaml's mapping and gives the site
 * its token; the citizen API then takes the verified applicant from it — a citizen's personal ID, an organisation's
 * enterprise code with the person as representative.
 */
class NationalSignInIT {
    static LocalRunner runner;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start(new LocalRunner.Options(0, null, 0));
    }

    @AfterAll
    static void stop() { if (runner != null) runner.close(); }

    static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : runner.baseUrl() + url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : runner.baseUrl() + url))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String encode(Map<String, String> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    static Map<String, String> query(String location) {
        Map<String, String> m = new LinkedHashMap<>();
        String q = URI.create(location).getRawQuery();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    static String location(HttpResponse<String> r) {
        assertEquals(303, r.statusCode(), r.body());
        return r.headers().firstValue("Location").orElseThrow();
    }

    /** What the web site's module sends to the pool's /oauth2/authorize. */
    static Map<String, String> authorizeRequest(String state, String challenge) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", "dvc-web-local");
        q.put("redirect_uri", runner.baseUrl() + "/");
        q.put("identity_provider", "VNeID");
        q.put("scope", "openid email profile");
        q.put("state", state);
        q.put("code_challenge", challenge);
        q.put("code_challenge_method", "S256");
        return q;
    }

    /** The browser's way to the site's redirect address with a code, the person picked on the national page. */
    static Map<String, String> signInAt(String person, String state, String verifier) throws Exception {
        String toNational = location(get("/dev/oauth2/authorize?" + encode(authorizeRequest(state, Pkce.challenge(verifier)))));
        assertTrue(toNational.startsWith(runner.nationalSsoIssuer() + "/oauth2/authorize?"), toNational);
        Map<String, String> national = query(toNational);
        assertEquals("S256", national.get("code_challenge_method"), "the pool signs in at the national SSO with PKCE too");
        assertNotEquals(state, national.get("state"), "the pool's own state, not the site's");
        HttpResponse<String> page = get(toNational);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Nguyễn Văn An") && page.body().contains("Công ty TNHH Truyền thông Sen Vàng"), page.body());
        Map<String, String> picked = new LinkedHashMap<>(national);
        picked.put("person", person);
        String back = location(post(NationalSso.PREFIX + "/oauth2/authorize", picked));
        assertTrue(back.startsWith(runner.baseUrl() + "/dev/oauth2/idpresponse?"), back);
        String toSite = location(get(back));
        assertTrue(toSite.startsWith(runner.baseUrl() + "/?"), toSite);
        return query(toSite);
    }

    static Map<String, Object> exchange(String code, String verifier, int status) throws Exception {
        HttpResponse<String> r = post("/dev/oauth2/token", Map.of("grant_type", "authorization_code", "client_id", "dvc-web-local",
                "code", code, "redirect_uri", runner.baseUrl() + "/", "code_verifier", verifier));
        assertEquals(status, r.statusCode(), r.body());
        return Json.obj(Json.parse(r.body()));
    }

    @Test
    void the_sandbox_publishes_its_discovery_document_and_keys() throws Exception {
        Map<String, Object> d = Json.obj(Json.parse(get(runner.nationalSsoIssuer() + "/.well-known/openid-configuration").body()));
        assertEquals(runner.nationalSsoIssuer(), d.get("issuer"));
        assertEquals(List.of("S256"), d.get("code_challenge_methods_supported"));
        assertTrue(Json.obj(Json.parse(get(d.get("jwks_uri").toString()).body())).get("keys") instanceof List<?> keys && !keys.isEmpty());
    }

    @Test
    void a_citizen_signs_in_with_vneid_and_applies_under_their_verified_personal_id() throws Exception {
        String verifier = Pkce.random();
        String state = Pkce.random();
        Map<String, String> back = signInAt("citizen", state, verifier);
        assertEquals(state, back.get("state"), "the site's state comes back unchanged");
        String token = (String) exchange(back.get("code"), verifier, 200).get("id_token");
        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertEquals("Nguyễn Văn An", claims.getStringClaim("name"));
        assertEquals("001099012345", claims.getStringClaim("custom:id_number"));
        assertTrue(claims.getClaim("identities").toString().contains("VNeID"));
        // the code was used once
        exchange(back.get("code"), verifier, 400);

        HttpResponse<String> created = LocalRunnerIT.call(runner.baseUrl(), "POST", "/api/dossiers", token,
                "{\"procedureCode\":\"BVHTTDL-DL-001\",\"applicant\":{\"phone\":\"0912000111\"},\"form\":{}}");
        assertEquals(201, created.statusCode(), created.body());
        String body = created.body();
        assertTrue(body.contains("\"idNumber\":\"001099012345\""), body);
        assertTrue(body.contains("Nguyễn Văn An"), body);
        // a typed ID number of someone else is refused
        HttpResponse<String> other = LocalRunnerIT.call(runner.baseUrl(), "POST", "/api/dossiers", token,
                "{\"procedureCode\":\"BVHTTDL-DL-001\",\"applicant\":{\"idNumber\":\"079199001234\"},\"form\":{}}");
        assertEquals(422, other.statusCode(), other.body());
        assertTrue(other.body().contains("identity-fields-fixed"), other.body());
    }

    @Test
    void an_organisation_signs_in_by_its_representative_and_applies_under_its_enterprise_code() throws Exception {
        String verifier = Pkce.random();
        Map<String, String> back = signInAt("organisation", Pkce.random(), verifier);
        String token = (String) exchange(back.get("code"), verifier, 200).get("id_token");
        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertEquals("Trần Thị Bình", claims.getStringClaim("name"));
        assertEquals("0312345678", claims.getStringClaim("custom:enterprise_code"));
        assertEquals("2", claims.getStringClaim("custom:account_type"));
        HttpResponse<String> created = LocalRunnerIT.call(runner.baseUrl(), "POST", "/api/dossiers", token,
                "{\"procedureCode\":\"BVHTTDL-DL-001\",\"applicant\":{\"phone\":\"0912000333\"},\"form\":{}}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"enterpriseCode\":\"0312345678\""), created.body());
        assertTrue(created.body().contains("\"idNumber\":\"079190004567\""), created.body());
        HttpResponse<String> other = LocalRunnerIT.call(runner.baseUrl(), "POST", "/api/dossiers", token,
                "{\"procedureCode\":\"BVHTTDL-DL-001\",\"applicant\":{\"enterpriseCode\":\"0109999999\"},\"form\":{}}");
        assertEquals(422, other.statusCode(), other.body());
        assertTrue(other.body().contains("identity-fields-fixed"), other.body());
    }

    /**
     * Issue #20 part 5: an organisation's DL-001 is submitted without the enterprise-registration copy; the sandbox
     * enterprise database has 0312345678, so the copy is filled from it, and the official sees where it came from.
     * While the database is down the copy is asked for, and the answer says so.
     */
    @Test
    @SuppressWarnings("unchecked")
    void an_organisations_dl001_takes_its_enterprise_registration_from_the_national_database() throws Exception {
        String verifier = Pkce.random();
        Map<String, String> back = signInAt("organisation", Pkce.random(), verifier);
        String token = (String) exchange(back.get("code"), verifier, 200).get("id_token");
        HttpResponse<String> created = LocalRunnerIT.call(runner.baseUrl(), "POST", "/api/dossiers", token,
                "{\"procedureCode\":\"BVHTTDL-DL-001\",\"applicant\":{\"phone\":\"0912000333\"},"
                        + "\"form\":{\"companyName\":\"Công ty TNHH Du lịch Sen Vàng\",\"scope\":\"inbound\"}}");
        assertEquals(201, created.statusCode(), created.body());
        String id = (String) LocalRunnerIT.json(created).get("id");
        Map<String, Object> checklist = LocalRunnerIT.json(LocalRunnerIT.call(runner.baseUrl(), "GET", "/api/dossiers/" + id + "/checklist", token, null));
        Map<String, Object> dkdn = ((List<Map<String, Object>>) checklist.get("items")).stream()
                .filter(i -> "DKDN".equals(i.get("componentCode"))).findFirst().orElseThrow();
        assertEquals("NATIONAL", dkdn.get("state"), checklist.toString());
        for (String c : List.of("DON", "KYQUY", "NGUOIPT")) {
            LocalRunnerIT.upload(runner.baseUrl(), runner, token, id, c, c.toLowerCase() + ".pdf", LocalRunnerIT.pdf(c));
        }
        runner.enterpriseRegistryMode("down", 0);
        HttpResponse<String> refused = LocalRunnerIT.call(runner.baseUrl(), "POST", "/api/dossiers/" + id + "/submit", token, null);
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("component.DKDN") && refused.body().contains("không lấy được dữ liệu từ Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp"),
                refused.body());
        runner.enterpriseRegistryMode("up", 0);
        HttpResponse<String> submitted = LocalRunnerIT.call(runner.baseUrl(), "POST", "/api/dossiers/" + id + "/submit", token, null);
        assertEquals(202, submitted.statusCode(), submitted.body());
        assertTrue(runner.enterpriseRegistryLookups().contains("0312345678"));
        // DL-001's fee is paid online at reception (rules/payments.json): received, it waits for it, then goes on
        LocalRunnerIT.paidAtReception(runner.baseUrl(), id, token);

        String desk = runner.devToken("Cán bộ Một cửa", "001080000511", "mc@example.vn", "officials", "CDLQG", "MOTCUA", "ONE_STOP");
        HttpResponse<String> seen = LocalRunnerIT.call(runner.baseUrl(), "GET", "/api/official/dossiers/" + id, desk, null);
        assertEquals(200, seen.statusCode(), seen.body());
        Map<String, Object> page = LocalRunnerIT.json(seen);
        Map<String, Object> dossier = page.containsKey("dossier") ? (Map<String, Object>) page.get("dossier") : page;
        Map<String, Object> filled = ((List<Map<String, Object>>) dossier.get("attachments")).stream()
                .filter(f -> "DKDN".equals(f.get("componentCode"))).findFirst().orElseThrow();
        assertEquals("NATIONAL_DATABASE", filled.get("origin"));
        assertEquals("enterprise-registration", filled.get("database"));
        assertEquals("ACCEPTED", filled.get("status"));
        assertNotNull(filled.get("retrievedAt"));
        assertTrue(seen.body().contains("attachment-retrieved") && seen.body().contains("CÔNG TY TNHH DU LỊCH SEN VÀNG"),
                "the trail keeps what the database said");
        assertEquals(404, LocalRunnerIT.call(runner.baseUrl(), "GET", "/api/official/dossiers/" + id + "/files/" + filled.get("id"), desk, null).statusCode(),
                "no file behind it");
        // the national portal's record says the component came from the enterprise database
        String code = (String) dossier.get("code");
        long deadline = System.currentTimeMillis() + 30_000;
        Map<String, Object> record = null;
        while (record == null && System.currentTimeMillis() < deadline) {
            List<Map<String, Object>> entries = (List<Map<String, Object>>) ((Map<String, Object>) runner.nationalPortal().get("dossiers")).get(code);
            if (entries != null) record = entries.stream().filter(e -> !"progress".equals(e.get("kind")))
                    .map(e -> (Map<String, Object>) e.get("body")).filter(b -> b.get("DSKetNoiCSDL") instanceof List<?> l && !l.isEmpty())
                    .findFirst().orElse(null);
            if (record == null) Thread.sleep(200);
        }
        assertNotNull(record, "no record with DSKetNoiCSDL reached the sandbox portal");
        assertEquals(List.of(Map.of("MaCSDL", "DKDN")), record.get("DSKetNoiCSDL"));
        Map<String, Object> sent = ((List<Map<String, Object>>) record.get("TaiLieuNop")).stream()
                .filter(f -> "DKDN".equals(f.get("MaThanhPhanHoSo"))).findFirst().orElseThrow();
        assertEquals("", sent.get("DuongDanTaiTepTin"));
    }

    @Test
    void a_wrong_verifier_burns_the_code_and_a_foreign_state_is_refused() throws Exception {
        String verifier = Pkce.random();
        Map<String, String> back = signInAt("citizen", Pkce.random(), verifier);
        assertEquals("invalid_grant", exchange(back.get("code"), Pkce.random(), 400).get("error"));
        assertEquals("invalid_grant", exchange(back.get("code"), verifier, 400).get("error"), "a code is tried once");
        // the pool's callback with a state it did not issue
        assertEquals(400, get("/dev/oauth2/idpresponse?code=x&state=" + Pkce.random()).statusCode());
        // the site must use PKCE
        Map<String, String> noPkce = authorizeRequest(Pkce.random(), Pkce.challenge(verifier));
        noPkce.remove("code_challenge");
        assertEquals("invalid_request", query(location(get("/dev/oauth2/authorize?" + encode(noPkce)))).get("error"));
        // another redirect address is not followed
        Map<String, String> elsewhere = authorizeRequest(Pkce.random(), Pkce.challenge(verifier));
        elsewhere.put("redirect_uri", "https://evil.example/");
        assertEquals(400, get("/dev/oauth2/authorize?" + encode(elsewhere)).statusCode());
    }

    @Test
    void the_national_token_endpoint_checks_the_client_secret_and_the_verifier() throws Exception {
        String verifier = Pkce.random();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("client_id", NationalSso.CLIENT_ID);
        q.put("redirect_uri", runner.baseUrl() + "/dev/oauth2/idpresponse");
        q.put("state", "s");
        q.put("code_challenge", Pkce.challenge(verifier));
        q.put("code_challenge_method", "S256");
        q.put("person", "citizen");
        String code = query(location(post(NationalSso.PREFIX + "/oauth2/authorize", q))).get("code");
        Map<String, String> t = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", runner.baseUrl() + "/dev/oauth2/idpresponse", "client_id", NationalSso.CLIENT_ID,
                "client_secret", "guessed", "code_verifier", verifier));
        assertEquals(401, post(NationalSso.PREFIX + "/oauth2/token", t).statusCode());
        t.put("client_secret", NationalSso.CLIENT_SECRET);
        t.put("code_verifier", Pkce.random());
        HttpResponse<String> wrong = post(NationalSso.PREFIX + "/oauth2/token", t);
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("invalid_grant"), wrong.body());
    }
}
