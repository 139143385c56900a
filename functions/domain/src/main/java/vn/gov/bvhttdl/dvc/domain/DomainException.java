package vn.gov.bvhttdl.dvc.domain;

import java.util.List;

/**
 * Why something was not done: {@code kind} tells an adapter how to answer (its HTTP status, whether to retry) and
 * {@code message} says why in Vietnamese and English; {@code errors} lists every item at fault when there are several.
 * The one exception type of the system's expected failures, raised by rules, use cases, adapters and the HTTP layer
 * alike. A lost race (another writer came first) is the subclass {@link ConcurrentChange}, never a refusal.
 */
public class DomainException extends RuntimeException {
    /** What kind of failure, and so how it is answered. The status is the HTTP status an HTTP adapter answers with. */
    public enum Kind {
        /** The request cannot be read at all (not JSON, a malformed value in the address or query). */
        MALFORMED(400),
        /** No one is signed in. */
        UNAUTHENTICATED(401),
        /** The caller may not do this. */
        FORBIDDEN(403),
        /** No such thing (or none the caller may see). */
        NOT_FOUND(404),
        /** A rule refuses it in the present state (the workflow, a survey not open, already paid): shown to the user as is. */
        REFUSED(409),
        /**
         * Another writer changed the item between our read and our write (a conditional write failed): only
         * {@link ConcurrentChange}, raised by adapters; the use case reads again and retries; if it keeps losing, the
         * answer is 409 {@code changed-meanwhile} ("reload"), never a refusal.
         */
        RACE(409),
        /** The request is larger than accepted. */
        TOO_LARGE(413),
        /** What was sent breaks a rule of its content (a missing field, a bad value). */
        INVALID(422),
        /** Too many requests in a while. */
        TOO_MANY(429),
        /**
         * A store the answer depends on cannot be written now (the record of an official's read: no read goes
         * unrecorded, {@code application.RecordReads}); never a client's mistake, the client retries later.
         */
        UNAVAILABLE(503);

        private final int status;

        Kind(int status) { this.status = status; }

        public int status() { return status; }
    }

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

    /**
     * The problem {@code slug} of {@code rules/problems.json} with its kind and texts, the placeholders filled from
     * {@code args} (name, value, name, value…), e.g. {@code DomainException.of("dossier-not-found", "ref", id)}.
     */
    public static DomainException of(String slug, Object... args) {
        ProblemTexts.Entry e = ProblemTexts.standard().entry(slug);
        if (e.kind() == null) throw new IllegalArgumentException("problem " + slug + " is not raised as an exception");
        if (e.kind() == Kind.RACE) throw new IllegalArgumentException("a lost race is a ConcurrentChange, raised by an adapter");
        return new DomainException(e.kind(), e.slug(), e.text(args));
    }

    public Kind kind() { return kind; }

    /** A short stable slug, e.g. {@code illegal-transition}, used in the problem type URI. */
    public String problem() { return problem; }

    public Text text() { return text; }

    public List<Text> errors() { return errors; }

    /** A lost race ({@link ConcurrentChange}): worth doing again on a fresh read. */
    public boolean race() { return kind == Kind.RACE; }

    /** INVALID with every problem listed, or nothing if {@code problems} is empty. */
    public static void requireNone(String slug, List<Text> problems) {
        if (problems.isEmpty()) return;
        throw new DomainException(Kind.INVALID, slug, problems.size() == 1 ? problems.get(0)
                : new Text("Có " + problems.size() + " lỗi cần sửa (xem danh sách).", "There are " + problems.size() + " errors to fix (see the list)."),
                problems);
    }
}
