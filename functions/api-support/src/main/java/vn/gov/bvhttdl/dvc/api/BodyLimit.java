package vn.gov.bvhttdl.dvc.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import vn.gov.bvhttdl.dvc.domain.Limits;

/**
 * Refuses a request body over {@link Limits#MAX_BODY_BYTES} (the digitisation's scans and packages under
 * {@link Limits#SCAN_PATHS}: {@link Limits#MAX_SCAN_BODY_BYTES}) with 413 problem+json, before any controller reads it.
 * The HTTP API always passes the body's length in {@code content-length} (it buffers the request for Lambda).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class BodyLimit {
    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        int max = request.getPath().startsWith(Limits.SCAN_PATHS) ? Limits.MAX_SCAN_BODY_BYTES : Limits.MAX_BODY_BYTES;
        if (request.getContentLength() > max) {
            return Problems.response("body-too-large", request.getPath(), "kb", max / 1024);
        }
        return null;
    }
}
