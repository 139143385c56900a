package vn.gov.bvhttdl.dvc.local.runner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636), S256 only, as both the sandbox national SSO and the runner's stand-in for
 * Cognito check it: the verifier is 43 to 128 characters of {@code [A-Za-z0-9-._~]}, the challenge is
 * BASE64URL(SHA-256(verifier)) without padding, compared in constant time.
 */
final class Pkce {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Pkce() {}

    /** A fresh random value (a code verifier, a state, a code): 32 random bytes, base64url without padding. */
    static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static boolean validVerifier(String verifier) {
        return verifier != null && verifier.matches("[A-Za-z0-9\\-._~]{43,128}");
    }

    /** The S256 challenge of {@code verifier}. */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code verifier} is well formed and its S256 challenge is {@code challenge}. */
    static boolean verify(String verifier, String challenge) {
        if (!validVerifier(verifier) || challenge == null) return false;
        return MessageDigest.isEqual(challenge(verifier).getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
    }
}
