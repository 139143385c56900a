package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Text;

/**
 * A request the application will not look at, before any rule is asked: it is malformed (a parameter out of its
 * bounds, a file too big) or the caller asked too often. {@code problem} is the stable slug, {@code text} says why in
 * Vietnamese and English. A {@link vn.gov.bvhttdl.dvc.domain.DomainException} of kind MALFORMED (400) or TOO_MANY (429).
 */
public final class RequestRefused extends vn.gov.bvhttdl.dvc.domain.DomainException {
    public enum Why { MALFORMED, TOO_MANY }

    private final Why why;

    public RequestRefused(Why why, String problem, Text text) {
        super(why == Why.MALFORMED ? Kind.MALFORMED : Kind.TOO_MANY, problem, text);
        this.why = why;
    }

    public Why why() { return why; }
}
