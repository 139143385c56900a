package vn.gov.bvhttdl.dvc.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;

/**
 * Problem documents for what the router itself refuses (unknown path, wrong method or media type). No
 * {@code @Produces} here: a status route with one is skipped for clients that accept only application/json.
 */
@Controller
@Hidden
final class ErrorRoutes {
    @Error(status = HttpStatus.NOT_FOUND, global = true)
    HttpResponse<Map<String, Object>> notFound(HttpRequest<?> request) {
        return Problems.response("no-such-resource", request.getPath());
    }

    @Error(status = HttpStatus.METHOD_NOT_ALLOWED, global = true)
    HttpResponse<Map<String, Object>> methodNotAllowed(HttpRequest<?> request) {
        return Problems.response("method-not-allowed", request.getPath(), "method", request.getMethodName());
    }

    @Error(status = HttpStatus.UNSUPPORTED_MEDIA_TYPE, global = true)
    HttpResponse<Map<String, Object>> unsupportedMediaType(HttpRequest<?> request) {
        return Problems.response("unsupported-media-type", request.getPath());
    }
}
