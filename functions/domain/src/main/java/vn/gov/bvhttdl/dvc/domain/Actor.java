package vn.gov.bvhttdl.dvc.domain;

/**
 * Who makes a move: the subject of the signed-in identity (or the function's name for SYSTEM), the role it acts in,
 * the agency and unit it belongs to and, for an official, the post held there (null for a citizen): the process
 * data says which steps each post acts at.
 */
public record Actor(String subject, Role role, String agency, String unit, Post post, String name, Delegation delegation) {
    public Actor(String subject, Role role, String agency, String unit) { this(subject, role, agency, unit, null); }

    public Actor(String subject, Role role, String agency, String unit, Post post) { this(subject, role, agency, unit, post, null, null); }

    /**
     * An official's standing delegation to sign on behalf of a superior (Decree 30/2020/NĐ-CP Art 13,
     * {@code rules/signing.json}): {@code mode} KT (ký thay) or TL (thừa lệnh), the superior's name, and the
     * official's own title (e.g. "Phó Cục trưởng"), as their account's assignment gives them.
     */
    public record Delegation(String mode, String forName, String title) {
        public Delegation {
            if (!Signature.MODES.contains(mode)) throw new IllegalArgumentException("signing mode must be one of " + Signature.MODES);
        }

        /** The delegation named by an account's attributes, or null for none (an unknown mode is none). */
        public static Delegation parse(String mode, String forName, String title) {
            if (mode == null || mode.isBlank()) return null;
            String m = mode.strip().toUpperCase(java.util.Locale.ROOT).replace(".", "");
            if (!Signature.MODES.contains(m)) return null;
            return new Delegation(m, blank(forName), blank(title));
        }

        private static String blank(String s) { return s == null || s.isBlank() ? null : s.strip(); }
    }

    public Actor {
        if (subject == null || subject.isBlank()) throw new IllegalArgumentException("an actor needs a subject");
        if (role == null) throw new IllegalArgumentException("an actor needs a role");
    }

    /** The same actor with their name (as their sign-in gives it) and delegation, which the trail records. */
    public Actor named(String name, Delegation delegation) {
        return new Actor(subject, role, agency, unit, post, name, delegation);
    }

    public static Actor citizen(String subject) { return new Actor(subject, Role.CITIZEN, null, null); }

    /** A function acting on its own (validation, the scan, the sweep). */
    public static Actor system(String function) { return new Actor(function, Role.SYSTEM, null, null); }

    public static Actor official(String subject, String agency, String unit, Post post) {
        return new Actor(subject, Role.OFFICIAL, agency, unit, post);
    }
}
