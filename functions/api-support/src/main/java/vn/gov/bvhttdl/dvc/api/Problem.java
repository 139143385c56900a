package vn.gov.bvhttdl.dvc.api;

import vn.gov.bvhttdl.dvc.lambda.ProblemJson;

/**
 * The problem documents ({@code application/problem+json}, RFC 9457) every API function answers with: their shape is
 * written in one place, {@link ProblemJson}; here are its constants under their old name.
 */
public final class Problem {
    public static final String BASE = ProblemJson.BASE;
    public static final String MEDIA_TYPE = ProblemJson.MEDIA_TYPE;

    private Problem() {}
}
