package vn.gov.bvhttdl.dvc.local.runner;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The offline sandbox of the National Public Service Portal's single sign-on (VNeID), development only: an OpenID
 * Connect provider under {@code /sandbox/national-sso/} with the endpoints and claims that public provincial
 * integrations use (assumed, docs/national-portal.md "Sign-in"):
 * <ul>
 *   <li>{@code .well-known/openid-configuration}, {@code oauth2/jwks} (its own RSA key);</li>
 *   <li>{@code oauth2/authorize}: authorization code with PKCE (S256 required), a page to pick a sandbox identity —
 *       the citizen Nguyễn Văn An, or the enterprise Công ty TNHH Truyền thông Sen Vàng signed in by Trần Thị Bình
 *       acting as its representative — or to refuse;</li>
 *   <li>{@code oauth2/token}: the code (once, within two minutes, for the same client and redirect address, with the
 *       verifier of its challenge) for an ID token signed with the sandbox's key and an access token;</li>
 *   <li>{@code oauth2/userinfo}: the national claims for the access token; {@code oidc/logout}.</li>
 * </ul>
 * One client is registered: the runner's stand-in for Cognito ({@link DevFederation}), with a development secret.
 */
final class NationalSso {
    static final String PREFIX = "/sandbox/national-sso";
    static final String CLIENT_ID = "bvhttdl-dvc-sandbox";
    /** A development secret, committed on purpose: the sandbox exists offline only. */
    static final String CLIENT_SECRET = "sandbox-only-not-a-secret";
    private static final long CODE_SECONDS = 120;

    /** A sandbox national identity: its subject and the claims the portal gives for it. */
    record Person(String key, String sub, Map<String, Object> claims) {}

    /** The citizen of the sandbox. */
    static final Person CITIZEN = new Person("citizen", "VNEID-SANDBOX-0001", ordered(
            "LoaiTaiKhoan", "1", "HoVaTen", "Nguyễn Văn An", "SoDinhDanh", "001099012345", "SoCMND", "001099012345",
            "ThuDienTu", "an.nguyen@example.vn", "SoDienThoai", "0912345678", "NgayThangNamSinh", "12/03/1999",
            "TechID", "VNEID-SANDBOX-0001", "loAs", "2"));

    /** An enterprise, signed in by a person acting as its representative. */
    static final Person ORGANISATION = new Person("organisation", "VNEID-SANDBOX-ORG-0312345678", ordered(
            "LoaiTaiKhoan", "2", "HoVaTen", "Trần Thị Bình", "SoDinhDanh", "079190004567", "SoCMND", "079190004567",
            "MaSoDoanhNghiep", "0312345678", "MaSoThue", "0312345678", "TenDoanhNghiep", "Công ty TNHH Truyền thông Sen Vàng",
            "NguoiDaiDien", "Trần Thị Bình", "DiaChi", "12 Lê Lợi, phường Sài Gòn, TP Hồ Chí Minh",
            "ThuDienTu", "lienhe@senvang.example.vn", "TechID", "VNEID-SANDBOX-ORG-0312345678", "loAs", "2"));

    static final List<Person> PEOPLE = List.of(CITIZEN, ORGANISATION);

    private record Grant(String clientId, String redirectUri, String challenge, String nonce, Person person, Instant expires) {}

    private final RSAKey key;
    private final Supplier<String> baseUrl;
    private final Supplier<List<String>> redirectUris;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Person> accessTokens = new ConcurrentHashMap<>();

    NationalSso(Supplier<String> baseUrl, Supplier<List<String>> redirectUris) throws Exception {
        this.baseUrl = baseUrl;
        this.redirectUris = redirectUris;
        this.key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).algorithm(JWSAlgorithm.RS256).generate();
    }

    String issuer() { return baseUrl.get() + PREFIX; }

    boolean handles(String path) { return path.equals(PREFIX) || path.startsWith(PREFIX + "/"); }

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath().substring(PREFIX.length());
        String method = ex.getRequestMethod();
        Map<String, String> query = PaymentSandboxes.form(ex.getRequestURI().getRawQuery());
        switch (path) {
            case "/.well-known/openid-configuration" -> LocalRunner.send(ex, 200, "application/json", Json.write(discovery()));
            case "/oauth2/jwks" -> LocalRunner.send(ex, 200, "application/json", new JWKSet(key.toPublicJWK()).toString());
            case "/oauth2/authorize" -> {
                if (method.equalsIgnoreCase("POST")) {
                    decide(ex, PaymentSandboxes.form(body(ex)));
                } else {
                    authorize(ex, query);
                }
            }
            case "/oauth2/token" -> {
                if (!method.equalsIgnoreCase("POST")) { oauthError(ex, 405, "invalid_request", "POST only"); return; }
                token(ex, PaymentSandboxes.form(body(ex)));
            }
            case "/oauth2/userinfo" -> userinfo(ex);
            case "/oidc/logout" -> {
                String back = query.get("post_logout_redirect_uri");
                ex.getResponseHeaders().add("Location", back != null && back.startsWith(baseUrl.get() + "/") ? back : baseUrl.get() + "/");
                Exchanges.sendHeaders(ex, 303, -1);
                ex.close();
            }
            default -> LocalRunner.problem(ex, 404, "no-such-resource", "Không có tài nguyên tại địa chỉ này.", "There is nothing at this address.");
        }
    }

    private static String body(HttpExchange ex) throws IOException {
        return new String(ex.getRequestBody().readNBytes(16_384), StandardCharsets.UTF_8);
    }

    private Map<String, Object> discovery() {
        String iss = issuer();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", iss);
        d.put("authorization_endpoint", iss + "/oauth2/authorize");
        d.put("token_endpoint", iss + "/oauth2/token");
        d.put("userinfo_endpoint", iss + "/oauth2/userinfo");
        d.put("jwks_uri", iss + "/oauth2/jwks");
        d.put("end_session_endpoint", iss + "/oidc/logout");
        d.put("response_types_supported", List.of("code"));
        d.put("grant_types_supported", List.of("authorization_code"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        d.put("scopes_supported", List.of("openid"));
        d.put("claims_supported", List.of("sub", "LoaiTaiKhoan", "HoVaTen", "SoDinhDanh", "SoCMND", "MaSoDoanhNghiep", "MaSoThue",
                "TenDoanhNghiep", "NguoiDaiDien", "ThuDienTu", "SoDienThoai", "DiaChi", "NgayThangNamSinh", "TechID", "loAs"));
        return d;
    }

    /** The authorization request: checked, then the page to pick an identity (errors the client can take go back to it). */
    private void authorize(HttpExchange ex, Map<String, String> q) throws IOException {
        String clientId = q.get("client_id");
        String redirect = q.get("redirect_uri");
        if (!CLIENT_ID.equals(clientId) || redirect == null || !redirectUris.get().contains(redirect)) {
            // never redirect to an address that is not registered
            LocalRunner.send(ex, 400, "text/html; charset=utf-8", page("<p class=\"error\" role=\"alert\">Ứng dụng hoặc địa chỉ quay lại không được đăng ký. "
                    + "/ Unknown client or unregistered redirect address.</p>"));
            return;
        }
        String problem = !"code".equals(q.get("response_type")) ? "unsupported_response_type"
                : q.getOrDefault("scope", "").contains("openid") ? null : "invalid_scope";
        if (problem == null && (q.get("code_challenge") == null || !q.get("code_challenge").matches("[A-Za-z0-9_-]{43}")
                || !"S256".equals(q.get("code_challenge_method")))) problem = "invalid_request";
        if (problem == null && (q.get("state") == null || q.get("state").isBlank())) problem = "invalid_request";
        if (problem != null) {
            redirect(ex, redirect, Map.of("error", problem, "state", q.getOrDefault("state", "")));
            return;
        }
        StringBuilder hidden = new StringBuilder();
        for (String k : List.of("client_id", "redirect_uri", "state", "nonce", "code_challenge", "code_challenge_method", "scope")) {
            if (q.get(k) != null) hidden.append("<input type=\"hidden\" name=\"").append(k).append("\" value=\"").append(DevPages.esc(q.get(k))).append("\">");
        }
        StringBuilder forms = new StringBuilder();
        for (Person p : PEOPLE) {
            boolean org = p == ORGANISATION;
            forms.append("<form method=\"post\" action=\"").append(PREFIX).append("/oauth2/authorize\" class=\"card\">").append(hidden)
                    .append("<input type=\"hidden\" name=\"person\" value=\"").append(p.key()).append("\">")
                    .append("<h2>").append(org ? "Tổ chức / Organisation" : "Công dân / Citizen").append("</h2><p>")
                    .append(org ? DevPages.esc((String) p.claims().get("TenDoanhNghiep")) + "<br>Mã số doanh nghiệp / enterprise code: "
                            + p.claims().get("MaSoDoanhNghiep") + "<br>Người đại diện đăng nhập / signed in by its representative: "
                            + DevPages.esc((String) p.claims().get("HoVaTen")) + " (" + p.claims().get("SoDinhDanh") + ")"
                            : DevPages.esc((String) p.claims().get("HoVaTen")) + "<br>Số định danh cá nhân / personal ID: " + p.claims().get("SoDinhDanh"))
                    .append("</p><button type=\"submit\" id=\"national-").append(p.key()).append("\">Đăng nhập với danh tính này / Sign in as this identity</button></form>");
        }
        forms.append("<form method=\"post\" action=\"").append(PREFIX).append("/oauth2/authorize\">").append(hidden)
                .append("<input type=\"hidden\" name=\"person\" value=\"deny\"><button type=\"submit\" class=\"secondary\" id=\"national-deny\">Hủy / Cancel</button></form>");
        LocalRunner.send(ex, 200, "text/html; charset=utf-8", page(forms.toString()));
    }

    private static String page(String content) {
        return """
                <!doctype html>
                <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
                <title>Cổng DVC quốc gia – đăng nhập (hộp cát) / national portal sign-in (sandbox)</title><link rel="stylesheet" href="/styles.css"></head>
                <body><main class="narrow">
                <h1>Đăng nhập bằng tài khoản định danh điện tử (VNeID)</h1>
                <p class="muted">Hộp cát của Cổng Dịch vụ công quốc gia, chỉ dùng khi chạy offline: không phải VNeID thật.
                Sandbox of the National Public Service Portal's sign-in, offline only: not the real VNeID.</p>
                %s
                </main></body></html>
                """.formatted(content);
    }

    /** The person picked (or refused): a one-time code back to the client. */
    private void decide(HttpExchange ex, Map<String, String> f) throws IOException {
        String redirect = f.get("redirect_uri");
        if (!CLIENT_ID.equals(f.get("client_id")) || redirect == null || !redirectUris.get().contains(redirect)
                || f.get("code_challenge") == null || !"S256".equals(f.get("code_challenge_method"))) {
            LocalRunner.send(ex, 400, "text/html; charset=utf-8", page("<p class=\"error\" role=\"alert\">Yêu cầu không hợp lệ. / Invalid request.</p>"));
            return;
        }
        Person person = PEOPLE.stream().filter(p -> p.key().equals(f.get("person"))).findFirst().orElse(null);
        if (person == null) {
            redirect(ex, redirect, Map.of("error", "access_denied", "state", f.getOrDefault("state", "")));
            return;
        }
        String code = Pkce.random();
        codes.put(code, new Grant(CLIENT_ID, redirect, f.get("code_challenge"), f.get("nonce"), person, Instant.now().plusSeconds(CODE_SECONDS)));
        redirect(ex, redirect, Map.of("code", code, "state", f.getOrDefault("state", "")));
    }

    private static void redirect(HttpExchange ex, String to, Map<String, String> params) throws IOException {
        StringBuilder b = new StringBuilder(to).append(to.contains("?") ? "&" : "?");
        params.forEach((k, v) -> b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        b.setLength(b.length() - 1);
        ex.getResponseHeaders().add("Location", b.toString());
        Exchanges.sendHeaders(ex, 303, -1);
        ex.close();
    }

    /** The token request (RFC 6749 4.1.3 with RFC 7636): the code once, for its client, redirect address and verifier. */
    private void token(HttpExchange ex, Map<String, String> f) throws IOException {
        String clientId = f.get("client_id");
        String secret = f.get("client_secret");
        String basic = ex.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(basic.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    clientId = java.net.URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
                    secret = java.net.URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException malformed) {
                clientId = null;
            }
        }
        if (!CLIENT_ID.equals(clientId) || !CLIENT_SECRET.equals(secret)) { oauthError(ex, 401, "invalid_client", "unknown client or wrong secret"); return; }
        if (!"authorization_code".equals(f.get("grant_type"))) { oauthError(ex, 400, "unsupported_grant_type", "authorization_code only"); return; }
        Grant g = f.get("code") == null ? null : codes.remove(f.get("code")); // a code is used once, whatever follows
        if (g == null || g.expires().isBefore(Instant.now())) { oauthError(ex, 400, "invalid_grant", "unknown, used or expired code"); return; }
        if (!g.clientId().equals(clientId) || !g.redirectUri().equals(f.get("redirect_uri"))) { oauthError(ex, 400, "invalid_grant", "redirect_uri differs"); return; }
        if (!Pkce.verify(f.get("code_verifier"), g.challenge())) { oauthError(ex, 400, "invalid_grant", "code_verifier does not match the code_challenge"); return; }
        String access = Pkce.random();
        accessTokens.put(access, g.person());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("access_token", access);
        out.put("token_type", "Bearer");
        out.put("expires_in", 3600);
        out.put("scope", "openid");
        out.put("id_token", idToken(g.person(), clientId, g.nonce()));
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        LocalRunner.send(ex, 200, "application/json", Json.write(out));
    }

    /** An ID token for {@code person}, signed with the sandbox's key. */
    String idToken(Person person, String audience, String nonce) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder c = new JWTClaimsSet.Builder().issuer(issuer()).subject(person.sub()).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).claim("auth_time", now.getEpochSecond());
        if (nonce != null && !nonce.isBlank()) c.claim("nonce", nonce);
        person.claims().forEach(c::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), c.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void userinfo(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        Person p = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? accessTokens.get(auth.substring(7).strip()) : null;
        if (p == null) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            oauthError(ex, 401, "invalid_token", "unknown access token");
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sub", p.sub());
        out.putAll(p.claims());
        LocalRunner.send(ex, 200, "application/json", Json.write(out));
    }

    private static void oauthError(HttpExchange ex, int status, String error, String description) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        LocalRunner.send(ex, status, "application/json", Json.write(Map.of("error", error, "error_description", description)));
    }

    private static Map<String, Object> ordered(String... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }
}
