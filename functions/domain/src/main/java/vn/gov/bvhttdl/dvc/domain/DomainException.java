package vn.gov.bvhttdl.dvc.domain;

import java.util.List;

/**
 * A rule said no. {@code kind} tells an adapter how to answer (HTTP status, retry or not) and {@code message}
 * says why in Vietnamese and English; {@code errors} lists every item at fault when there are several.
 */
public class DomainException extends RuntimeException {
    public enum Kind { INVALID, NOT_FOUND, FORBIDDEN, CONFLICT }

    private final Kind kind;
    private final String problem;
    private final Text text;
    private final List<Text> errors;

    public DomainException(Kind kind, String problem, Text text) {
        this(kind, problem, text, List.of());
    }

    public DomainException(Kind kind, String problem, Text text, List<Text> errors) {
        super(problem + ": " + text.en());
        this.kind = kind;
        this.problem = problem;
        this.text = text;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public Kind kind() { return kind; }

    /** A short stable slug, e.g. {@code illegal-transition}, used in the problem type URI. */
    public String problem() { return problem; }

    public Text text() { return text; }

    public List<Text> errors() { return errors; }

    /** INVALID with every problem listed, or nothing if {@code problems} is empty. */
    public static void requireNone(String slug, List<Text> problems) {
        if (problems.isEmpty()) return;
        throw new DomainException(Kind.INVALID, slug, problems.size() == 1 ? problems.get(0)
                : new Text("Có " + problems.size() + " lỗi cần sửa (xem danh sách).", "There are " + problems.size() + " errors to fix (see the list)."),
                problems);
    }
}
