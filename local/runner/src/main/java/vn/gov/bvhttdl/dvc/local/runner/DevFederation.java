package vn.gov.bvhttdl.dvc.local.runner;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpExchange;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Template;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What Cognito does on AWS when the web site signs a citizen in through the national portal's SSO, played by the
 * runner's stand-in for the user pool ({@link DevIdentity}) at Cognito's addresses under {@code /dev}:
 * <ol>
 *   <li>{@code /dev/oauth2/authorize?identity_provider=VNeID&response_type=code&client_id=…&redirect_uri=…&state=…
 *       &code_challenge=…&code_challenge_method=S256}: the site's request is kept, and the browser is sent to the
 *       national SSO (the sandbox, {@link NationalSso}) with the pool's own state, nonce and PKCE;</li>
 *   <li>{@code /dev/oauth2/idpresponse}: the national code is exchanged (with the pool's client secret and verifier),
 *       the national ID token checked against the issuer's JWKS (signature, issuer, audience, expiry, nonce), the
 *       user-info read, and the national claims mapped to the user's attributes by the <b>AttributeMapping of
 *       template.yaml's identity provider</b> — the same mapping Cognito applies on AWS; the site gets a code of its
 *       own back on its redirect address, with its state;</li>
 *   <li>{@code /dev/oauth2/token}: that code, once, with the site's code verifier, for the pool's ID token (the
 *       {@code identities} claim names the provider, as Cognito's does for a federated user).</li>
 * </ol>
 */
final class DevFederation {
    private static final long CODE_SECONDS = 120;

    /** The identity provider of template.yaml: its name and how its claims map to the pool's attributes. */
    record Provider(String name, Map<String, String> attributeMapping) {
        static Provider from(Template template) {
            var providers = template.resources("AWS::Cognito::UserPoolIdentityProvider");
            if (providers.isEmpty()) throw new IllegalStateException("template.yaml declares no AWS::Cognito::UserPoolIdentityProvider");
            Map<String, Object> p = providers.values().iterator().next();
            Map<String, String> mapping = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) p.getOrDefault("AttributeMapping", Map.of());
            m.forEach((k, v) -> mapping.put(k, String.valueOf(v)));
            return new Provider(String.valueOf(p.get("ProviderName")), Map.copyOf(mapping));
        }

        /** The pool's attributes for a federated user, from the national claims (ID token and user-info). */
        Map<String, String> map(Map<String, Object> national) {
            Map<String, String> out = new LinkedHashMap<>();
            attributeMapping.forEach((attribute, claim) -> {
                Object v = national.get(claim);
                if (v != null && !String.valueOf(v).isBlank()) out.put(attribute, String.valueOf(v));
            });
            return out;
        }
    }

    private record Pending(String redirectUri, String state, String challenge, String verifier, String nonce, Instant expires) {}

    private record Issued(String token, String redirectUri, String challenge, Instant expires) {}

    private final DevIdentity identity;
    private final Provider provider;
    private final Supplier<String> baseUrl;
    private final Supplier<String> nationalIssuer;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Issued> codes = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DevFederation(DevIdentity identity, Provider provider, Supplier<String> baseUrl, Supplier<String> nationalIssuer) {
        this.identity = identity;
        this.provider = provider;
        this.baseUrl = baseUrl;
        this.nationalIssuer = nationalIssuer;
    }

    Provider provider() { return provider; }

    /** Where the national SSO sends the browser back (registered with it, like Cognito's /oauth2/idpresponse). */
    String idpResponse() { return baseUrl.get() + "/dev/oauth2/idpresponse"; }

    boolean handles(String path) {
        return path.equals("/dev/oauth2/authorize") || path.equals("/dev/oauth2/idpresponse") || path.equals("/dev/oauth2/token");
    }

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        Map<String, String> q = PaymentSandboxes.form(ex.getRequestURI().getRawQuery());
        switch (path) {
            case "/dev/oauth2/authorize" -> authorize(ex, q);
            case "/dev/oauth2/idpresponse" -> idpResponse(ex, q);
            default -> {
                if (!ex.getRequestMethod().equalsIgnoreCase("POST")) { oauthError(ex, 405, "invalid_request"); return; }
                token(ex, PaymentSandboxes.form(new String(ex.getRequestBody().readNBytes(16_384), StandardCharsets.UTF_8)));
            }
        }
    }

    /** The site's callback addresses (template.yaml's CallbackURLs is {@code ${WebOrigin}/}): this runner's origin, by either name. */
    private boolean callback(String uri) {
        if (uri == null) return false;
        String base = baseUrl.get();
        return uri.equals(base + "/") || uri.equals(base.replace("127.0.0.1", "localhost") + "/");
    }

    private void authorize(HttpExchange ex, Map<String, String> q) throws IOException {
        if (!DevIdentity.AUDIENCE.equals(q.get("client_id")) || !callback(q.get("redirect_uri"))) {
            LocalRunner.problem(ex, 400, "sign-in-request-invalid", "Ứng dụng hoặc địa chỉ quay lại không được đăng ký.",
                    "Unknown client or unregistered redirect address.");
            return;
        }
        String error = !"code".equals(q.get("response_type")) ? "unsupported_response_type"
                : !provider.name().equals(q.get("identity_provider")) ? "invalid_request" // development accounts: /dev/sign-in
                : q.get("code_challenge") == null || !q.get("code_challenge").matches("[A-Za-z0-9_-]{43}") || !"S256".equals(q.get("code_challenge_method")) ? "invalid_request"
                : q.get("state") == null || q.get("state").isBlank() ? "invalid_request" : null;
        if (error != null) {
            redirect(ex, q.get("redirect_uri"), Map.of("error", error, "state", q.getOrDefault("state", "")));
            return;
        }
        String ours = Pkce.random();
        String verifier = Pkce.random();
        String nonce = Pkce.random();
        pending.put(ours, new Pending(q.get("redirect_uri"), q.get("state"), q.get("code_challenge"), verifier, nonce, Instant.now().plusSeconds(600)));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", NationalSso.CLIENT_ID);
        params.put("redirect_uri", idpResponse());
        params.put("scope", "openid");
        params.put("state", ours);
        params.put("nonce", nonce);
        params.put("code_challenge", Pkce.challenge(verifier));
        params.put("code_challenge_method", "S256");
        redirect(ex, discovery().get("authorization_endpoint").toString(), params);
    }

    private Map<String, Object> discovery() {
        return Json.obj(Json.parse(get(nationalIssuer.get() + "/.well-known/openid-configuration", null)));
    }

    private String get(String url, String bearer) {
        try {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
            if (bearer != null) r.header("Authorization", "Bearer " + bearer);
            HttpResponse<String> res = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) throw new IllegalStateException("GET " + url + " answered " + res.statusCode());
            return res.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("GET " + url + ": " + e, e);
        }
    }

    private void idpResponse(HttpExchange ex, Map<String, String> q) throws IOException {
        Pending p = q.get("state") == null ? null : pending.remove(q.get("state"));
        if (p == null || p.expires().isBefore(Instant.now())) {
            LocalRunner.problem(ex, 400, "sign-in-expired", "Phiên đăng nhập không còn hiệu lực; vui lòng đăng nhập lại.",
                    "The sign-in is no longer valid (unknown or expired state); please sign in again.");
            return;
        }
        if (q.get("error") != null || q.get("code") == null) {
            redirect(ex, p.redirectUri(), Map.of("error", q.get("error") == null ? "invalid_request" : q.get("error"), "state", p.state()));
            return;
        }
        Map<String, String> attributes;
        String subject;
        try {
            Map<String, Object> d = discovery();
            String form = "grant_type=authorization_code&code=" + enc(q.get("code")) + "&redirect_uri=" + enc(idpResponse())
                    + "&client_id=" + enc(NationalSso.CLIENT_ID) + "&client_secret=" + enc(NationalSso.CLIENT_SECRET)
                    + "&code_verifier=" + enc(p.verifier());
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(d.get("token_endpoint").toString())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) throw new IllegalStateException("the national token endpoint answered " + res.statusCode() + " " + res.body());
            Map<String, Object> tokens = Json.obj(Json.parse(res.body()));
            JWTClaimsSet claims = verifyNational(String.valueOf(tokens.get("id_token")), d, p.nonce());
            Map<String, Object> national = new LinkedHashMap<>(claims.getClaims());
            if (d.get("userinfo_endpoint") != null && tokens.get("access_token") != null) {
                Map<String, Object> info = Json.obj(Json.parse(get(d.get("userinfo_endpoint").toString(), tokens.get("access_token").toString())));
                if (!claims.getSubject().equals(info.get("sub"))) throw new IllegalStateException("user-info of another subject");
                national.putAll(info);
            }
            subject = claims.getSubject();
            attributes = provider.map(national);
        } catch (Exception failed) {
            System.err.println("national sign-in refused: " + failed.getMessage());
            redirect(ex, p.redirectUri(), Map.of("error", "server_error", "state", p.state()));
            return;
        }
        String token;
        try {
            token = identity.issueFederated(provider.name(), subject, attributes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String code = Pkce.random();
        codes.put(code, new Issued(token, p.redirectUri(), p.challenge(), Instant.now().plusSeconds(CODE_SECONDS)));
        redirect(ex, p.redirectUri(), Map.of("code", code, "state", p.state()));
    }

    /** The national ID token as Cognito checks it: signed by a key of the issuer's JWKS, for this client, not expired, with our nonce. */
    private JWTClaimsSet verifyNational(String idToken, Map<String, Object> discovery, String nonce) throws Exception {
        DefaultJWTProcessor<SecurityContext> proc = new DefaultJWTProcessor<>();
        proc.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(JWKSet.parse(get(discovery.get("jwks_uri").toString(), null)))));
        proc.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(NationalSso.CLIENT_ID,
                new JWTClaimsSet.Builder().issuer(discovery.get("issuer").toString()).claim("nonce", nonce).build(), Set.of("sub", "exp", "iat")));
        return proc.process(idToken, null);
    }

    private void token(HttpExchange ex, Map<String, String> f) throws IOException {
        if (!"authorization_code".equals(f.get("grant_type"))) { oauthError(ex, 400, "unsupported_grant_type"); return; }
        if (!DevIdentity.AUDIENCE.equals(f.get("client_id"))) { oauthError(ex, 401, "invalid_client"); return; }
        Issued i = f.get("code") == null ? null : codes.remove(f.get("code"));
        if (i == null || i.expires().isBefore(Instant.now()) || !i.redirectUri().equals(f.get("redirect_uri"))
                || !Pkce.verify(f.get("code_verifier"), i.challenge())) {
            oauthError(ex, 400, "invalid_grant");
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id_token", i.token());
        out.put("access_token", Pkce.random()); // the API takes the ID token; the access token is not used offline
        out.put("token_type", "Bearer");
        out.put("expires_in", 3600);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        LocalRunner.send(ex, 200, "application/json", Json.write(out));
    }

    private static void oauthError(HttpExchange ex, int status, String error) throws IOException {
        LocalRunner.send(ex, status, "application/json", Json.write(Map.of("error", error)));
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static void redirect(HttpExchange ex, String to, Map<String, String> params) throws IOException {
        StringBuilder b = new StringBuilder(to).append(to.contains("?") ? "&" : "?");
        params.forEach((k, v) -> b.append(enc(k)).append('=').append(enc(v)).append('&'));
        b.setLength(b.length() - 1);
        ex.getResponseHeaders().add("Location", b.toString());
        Exchanges.sendHeaders(ex, 303, -1);
        ex.close();
    }
}
