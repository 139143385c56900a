package vn.gov.bvhttdl.dvc.application;

import java.security.SecureRandom;

/** Random codes people read and type: capital letters and digits without 0/O and 1/I (look-up keys, payment references). */
final class Codes {
    private static final String UNAMBIGUOUS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {}

    /** {@code n} characters, 5 random bits each. */
    static String draw(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) b.append(UNAMBIGUOUS.charAt(RANDOM.nextInt(UNAMBIGUOUS.length())));
        return b.toString();
    }
}
