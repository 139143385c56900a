package vn.gov.bvhttdl.dvc.local.runner;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The development identity provider that stands in for the Cognito user pool offline: it signs ID tokens with a
 * local RSA key (kept in the data folder), publishes the JWKS, and verifies tokens the way the HTTP API's JWT
 * authorizer does (signature against the JWKS, issuer, audience, expiry).
 */
final class DevIdentity {
    static final String AUDIENCE = "dvc-web-local";
    static final String OFFICIALS = "officials";
    static final String CITIZENS = "citizens";
    static final String ADMINS = "admins";

    private final RSAKey key;
    private final String issuer;
    private final DefaultJWTProcessor<SecurityContext> processor;

    DevIdentity(Path dataDir, String issuer) throws Exception {
        this.issuer = issuer;
        Path file = dataDir == null ? null : dataDir.resolve("dev-signing-key.jwk.json");
        if (file != null && Files.exists(file)) {
            key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        } else {
            key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).algorithm(JWSAlgorithm.RS256).generate();
            if (file != null) {
                Files.createDirectories(dataDir);
                Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
            }
        }
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(AUDIENCE,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iat")));
    }

    String issuer() { return issuer; }

    String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** A signed ID token like Cognito's, for a person identified by their 12-digit ID number, in one user-pool group. */
    String issue(String name, String idNumber, String email, String group) throws Exception {
        return issue(name, idNumber, email, group, null, null, null);
    }

    /** The same for an official of {@code agency} and {@code unit} holding {@code post} (the custom attributes a Cognito user would carry). */
    String issue(String name, String idNumber, String email, String group, String agency, String unit, String post) throws Exception {
        String sub = subjectOf(idNumber);
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject(sub)
                .issueTime(java.util.Date.from(now)).expirationTime(java.util.Date.from(now.plusSeconds(8 * 3600)))
                .claim("token_use", "id").claim("name", name).claim("email", email)
                .claim("custom:id_number", idNumber)
                .claim("cognito:groups", List.of(group))
                .claim("custom:agency", agency).claim("custom:unit", unit).claim("custom:post", post).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /**
     * The ID token of an official's or administrator's account (offline: {@link DevAccounts}): its subject, name and
     * e-mail, the group of its role and the agency, unit, post, title and signing delegation it was assigned, as
     * Cognito would put the pool user's attributes that {@code ManageOfficials} wrote.
     */
    String issue(vn.gov.bvhttdl.dvc.application.OfficialAccounts.Account account) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject(account.subject())
                .issueTime(java.util.Date.from(now)).expirationTime(java.util.Date.from(now.plusSeconds(8 * 3600)))
                .claim("token_use", "id").claim("name", account.name()).claim("email", account.email())
                .claim("cognito:username", account.username())
                .claim("cognito:groups", List.of(account.role().group()))
                .claim("custom:agency", account.agency()).claim("custom:unit", account.unit())
                .claim("custom:post", account.role().post() == null ? null : account.role().post().name())
                // the title and signing delegation (KT./TL.) the administrator set, as Cognito's custom attributes
                .claim("custom:title", account.title())
                .claim("custom:sign_mode", account.delegation() == null ? null : account.delegation().mode())
                .claim("custom:sign_for", account.delegation() == null ? null : account.delegation().forName()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The subject the development issuer gives the person of {@code idNumber} (scripts' sign-ins). */
    static String subjectOf(String idNumber) throws Exception {
        return "dev-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(idNumber.getBytes(StandardCharsets.UTF_8))).substring(0, 24);
    }

    /**
     * A signed ID token like Cognito's for a user federated from identity provider {@code provider} (the national
     * portal's SSO): the pool's attributes as the provider's attribute mapping wrote them, the {@code identities}
     * claim naming the provider and the user's subject there, and the group Cognito puts federated users in
     * ({@code <pool>_<provider>}). Development only: offline this stands in for Cognito.
     */
    String issueFederated(String provider, String userId, Map<String, String> attributes) throws Exception {
        String sub = "dev-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((provider + ":" + userId).getBytes(StandardCharsets.UTF_8))).substring(0, 24);
        Instant now = Instant.now();
        Map<String, Object> federated = new LinkedHashMap<>();
        federated.put("userId", userId);
        federated.put("providerName", provider);
        federated.put("providerType", "OIDC");
        federated.put("primary", "true");
        federated.put("dateCreated", Long.toString(now.toEpochMilli()));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject(sub)
                .issueTime(java.util.Date.from(now)).expirationTime(java.util.Date.from(now.plusSeconds(8 * 3600)))
                .claim("token_use", "id").claim("cognito:username", provider + "_" + userId)
                .claim("cognito:groups", List.of("local_" + provider)).claim("identities", List.of(federated));
        attributes.forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /**
     * The claims as the HTTP API passes them to the function ({@code requestContext.authorizer.jwt.claims}): every
     * value a string, arrays as {@code [a b]}; or null if the token is not valid.
     */
    Map<String, String> verify(String token) {
        try {
            JWTClaimsSet set = processor.process(token, null);
            Map<String, String> out = new LinkedHashMap<>();
            set.getClaims().forEach((k, v) -> {
                if (v instanceof List<?> l) out.put(k, "[" + String.join(" ", l.stream().map(String::valueOf).toList()) + "]");
                else if (v instanceof java.util.Date d) out.put(k, Long.toString(d.toInstant().getEpochSecond()));
                else out.put(k, String.valueOf(v));
            });
            return out;
        } catch (Exception invalid) {
            return null;
        }
    }
}
