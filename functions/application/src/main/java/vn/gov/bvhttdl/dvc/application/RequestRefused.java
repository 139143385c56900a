package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Text;

/**
 * A request the application will not look at, before any rule is asked: it is malformed (a parameter out of its
 * bounds, a file too big) or the caller asked too often. {@code problem} is the stable slug, {@code text} says why in
 * Vietnamese and English. (A rule saying no is a {@link vn.gov.bvhttdl.dvc.domain.DomainException}.)
 */
public final class RequestRefused extends RuntimeException {
    public enum Why { MALFORMED, TOO_MANY }

    private final Why why;
    private final String problem;
    private final Text text;

    public RequestRefused(Why why, String problem, Text text) {
        super(problem + ": " + text.en());
        this.why = why;
        this.problem = problem;
        this.text = text;
    }

    public Why why() { return why; }

    public String problem() { return problem; }

    public Text text() { return text; }
}
