package vn.gov.bvhttdl.dvc.payments;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/** HMAC in lower-case hex, and a comparison that takes the same time whatever the bytes (no timing oracle). */
public final class Hmac {
    private Hmac() {}

    public static String sha512(String secret, String data) { return hex("HmacSHA512", secret, data); }

    public static String sha256(String secret, String data) { return hex("HmacSHA256", secret, data); }

    private static String hex(String algorithm, String secret, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }

    /** Whether {@code given} (hex, any case) is {@code expected}; false for null. */
    public static boolean matches(String expected, String given) {
        if (given == null || expected == null) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
