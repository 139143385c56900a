package vn.gov.bvhttdl.dvc.domain;

/**
 * A rule said no. {@code kind} tells an adapter how to answer (HTTP status, retry or not) and {@code message}
 * says why in Vietnamese and English.
 */
public class DomainException extends RuntimeException {
    public enum Kind { INVALID, NOT_FOUND, FORBIDDEN, CONFLICT }

    private final Kind kind;
    private final String problem;
    private final Text text;

    public DomainException(Kind kind, String problem, Text text) {
        super(problem + ": " + text.en());
        this.kind = kind;
        this.problem = problem;
        this.text = text;
    }

    public Kind kind() { return kind; }

    /** A short stable slug, e.g. {@code illegal-transition}, used in the problem type URI. */
    public String problem() { return problem; }

    public Text text() { return text; }
}
