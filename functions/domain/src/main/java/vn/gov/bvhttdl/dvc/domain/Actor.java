package vn.gov.bvhttdl.dvc.domain;

/**
 * Who makes a move: the subject of the signed-in identity (or the function's name for SYSTEM), the role it acts in,
 * the agency and unit it belongs to and, for an official, the post held there (null for a citizen): the process
 * data says which steps each post acts at.
 */
public record Actor(String subject, Role role, String agency, String unit, Post post) {
    public Actor(String subject, Role role, String agency, String unit) { this(subject, role, agency, unit, null); }

    public Actor {
        if (subject == null || subject.isBlank()) throw new IllegalArgumentException("an actor needs a subject");
        if (role == null) throw new IllegalArgumentException("an actor needs a role");
    }

    public static Actor citizen(String subject) { return new Actor(subject, Role.CITIZEN, null, null); }

    /** A function acting on its own (validation, the scan, the sweep). */
    public static Actor system(String function) { return new Actor(function, Role.SYSTEM, null, null); }

    public static Actor official(String subject, String agency, String unit, Post post) {
        return new Actor(subject, Role.OFFICIAL, agency, unit, post);
    }
}
