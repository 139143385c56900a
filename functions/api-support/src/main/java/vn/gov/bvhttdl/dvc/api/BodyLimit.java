package vn.gov.bvhttdl.dvc.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import vn.gov.bvhttdl.dvc.domain.Limits;

/**
 * Refuses a request body over {@link Limits#MAX_BODY_BYTES} with 413 problem+json, before any controller reads it.
 * The HTTP API always passes the body's length in {@code content-length} (it buffers the request for Lambda).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class BodyLimit {
    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        if (request.getContentLength() > Limits.MAX_BODY_BYTES) {
            return Problems.response("body-too-large", request.getPath(), "kb", Limits.MAX_BODY_BYTES / 1024);
        }
        return null;
    }
}
