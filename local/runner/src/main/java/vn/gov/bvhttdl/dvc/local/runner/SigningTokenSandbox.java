package vn.gov.bvhttdl.dvc.local.runner;

import com.sun.net.httpserver.HttpExchange;
import vn.gov.bvhttdl.dvc.documents.DevelopmentToken;
import vn.gov.bvhttdl.dvc.documents.LocalKeySigner;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The officials' signing tokens offline (issue #25): what a USB token with the Government Cipher Committee's signing
 * plug-in, or a remote-signing service, is for the browser's signing step ({@code web/official/signing-device.js}).
 * The official's development token ({@link LocalKeySigner#officialToken}: a key and a certificate issued by the
 * development CA to that official, {@code UID} their subject) is kept in the data folder and used only for the
 * signed-in official — the bearer token of the officials' sign-in names them:
 * <ul>
 *   <li>{@code GET /sandbox/signing-token/certificate} → {@code {"chain": [base64 DER, …]}}</li>
 *   <li>{@code POST /sandbox/signing-token/sign} {@code {"digests": [base64 SHA-256, …]}} →
 *       {@code {"signatures": [base64, …]}} (RSA PKCS#1 v1.5 over each digest: a token's "sign hash")</li>
 * </ul>
 * Development only: on AWS no such endpoint exists, the official's own device signs.
 */
final class SigningTokenSandbox {
    static final String BASE = "/sandbox/signing-token";

    private final LocalKeySigner ca;
    private final Path dir;
    private final DevIdentity identity;

    SigningTokenSandbox(LocalKeySigner ca, Path dir, DevIdentity identity) {
        this.ca = ca;
        this.dir = dir;
        this.identity = identity;
    }

    boolean handles(String path) { return path.equals(BASE + "/certificate") || path.equals(BASE + "/sign"); }

    void handle(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        Map<String, String> claims = auth != null && auth.startsWith("Bearer ") ? identity.verify(auth.substring(7)) : null;
        if (claims == null || !String.valueOf(claims.get("cognito:groups")).contains(DevIdentity.OFFICIALS)) {
            LocalRunner.problem(ex, 401, "not-signed-in", "Chỉ cán bộ đã đăng nhập mới dùng được thiết bị ký.", "Only a signed-in official may use the signing device.");
            return;
        }
        DevelopmentToken token = ca.officialToken(dir, claims.get("sub"), claims.get("name"));
        String path = ex.getRequestURI().getPath();
        if (path.endsWith("/certificate")) {
            List<String> chain = new ArrayList<>();
            for (var c : token.chain()) {
                try {
                    chain.add(Base64.getEncoder().encodeToString(c.getEncoded()));
                } catch (java.security.cert.CertificateEncodingException e) {
                    throw new IllegalStateException(e);
                }
            }
            LocalRunner.send(ex, 200, "application/json", Json.write(Map.of("chain", chain)));
            return;
        }
        if (!ex.getRequestMethod().equalsIgnoreCase("POST")) {
            LocalRunner.problem(ex, 405, "method-not-allowed", "Chỉ nhận POST.", "POST only.");
            return;
        }
        List<String> signatures = new ArrayList<>();
        try {
            Map<String, Object> body = Json.obj(Json.parse(new String(ex.getRequestBody().readNBytes(256 * 1024), java.nio.charset.StandardCharsets.UTF_8)));
            List<Object> digests = Json.list(body.get("digests"));
            if (digests.isEmpty() || digests.size() > 500) throw new IllegalArgumentException("digests");
            for (Object d : digests) signatures.add(Base64.getEncoder().encodeToString(token.signDigest(Base64.getDecoder().decode((String) d))));
        } catch (RuntimeException e) {
            LocalRunner.problem(ex, 400, "bad-signing-request", "Yêu cầu ký không hợp lệ (digests: SHA-256 base64).", "Not a valid signing request (digests: base64 SHA-256).");
            return;
        }
        LocalRunner.send(ex, 200, "application/json", Json.write(Map.of("signatures", signatures)));
    }
}
