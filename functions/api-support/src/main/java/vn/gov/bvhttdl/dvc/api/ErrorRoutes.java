package vn.gov.bvhttdl.dvc.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.swagger.v3.oas.annotations.Hidden;
import vn.gov.bvhttdl.dvc.domain.Text;

/**
 * Problem documents for what the router itself refuses (unknown path, wrong method or media type). No
 * {@code @Produces} here: a status route with one is skipped for clients that accept only application/json.
 */
@Controller
@Hidden
final class ErrorRoutes {
    @Error(status = HttpStatus.NOT_FOUND, global = true)
    HttpResponse<Problem> notFound(HttpRequest<?> request) {
        return Problems.response(HttpStatus.NOT_FOUND, "no-such-resource",
                new Text("Không có tài nguyên tại địa chỉ này.", "There is nothing at this address."), null, request.getPath());
    }

    @Error(status = HttpStatus.METHOD_NOT_ALLOWED, global = true)
    HttpResponse<Problem> methodNotAllowed(HttpRequest<?> request) {
        return Problems.response(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                new Text("Phương thức " + request.getMethodName() + " không được hỗ trợ tại địa chỉ này.",
                        "Method " + request.getMethodName() + " is not allowed here."), null, request.getPath());
    }

    @Error(status = HttpStatus.UNSUPPORTED_MEDIA_TYPE, global = true)
    HttpResponse<Problem> unsupportedMediaType(HttpRequest<?> request) {
        return Problems.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                new Text("Nội dung phải ở dạng application/json.", "The body must be application/json."), null, request.getPath());
    }
}
