package vn.gov.bvhttdl.dvc.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.util.List;
import java.util.UUID;

/** Turns every failure into {@code application/problem+json}; a client's mistake is never a 5xx. */
public final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    public static MutableHttpResponse<Problem> response(HttpStatus status, String slug, Text text, List<Text> errors, String instance) {
        Problem p = new Problem(Problem.BASE + slug, status.getReason(), status.getCode(), text.en(),
                new Problem.Message(text.vi(), text.en()),
                errors == null || errors.isEmpty() ? null : errors.stream().map(t -> new Problem.Message(t.vi(), t.en(), t.field())).toList(),
                instance == null || instance.length() > 200 ? null : instance);
        return HttpResponse.<Problem>status(status).contentType(Problem.MEDIA_TYPE).body(p);
    }

    public static HttpStatus statusOf(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = DomainException.class)
    static final class DomainHandler implements ExceptionHandler<DomainException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, DomainException e) {
            return response(statusOf(e.kind()), e.problem(), e.text(), e.errors(), request.getPath());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static final class ApiHandler implements ExceptionHandler<ApiException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ApiException e) {
            return response(e.status(), e.slug(), e.text(), e.errors(), request.getPath());
        }
    }

    /** A request the application would not look at: malformed (400) or too frequent (429). */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static final class RefusedHandler implements ExceptionHandler<vn.gov.bvhttdl.dvc.application.RequestRefused, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, vn.gov.bvhttdl.dvc.application.RequestRefused e) {
            HttpStatus status = switch (e.why()) {
                case MALFORMED -> HttpStatus.BAD_REQUEST;
                case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
            };
            return response(status, e.problem(), e.text(), null, request.getPath());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static final class CodecHandler implements ExceptionHandler<CodecException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, CodecException e) {
            return response(HttpStatus.BAD_REQUEST, "malformed-body",
                    new Text("Nội dung gửi lên không phải JSON hợp lệ.", "The request body is not valid JSON."), null, request.getPath());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Replaces(io.micronaut.http.server.exceptions.ConversionErrorHandler.class)
    static final class ConversionHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConversionErrorException e) {
            return response(HttpStatus.BAD_REQUEST, "invalid-value",
                    new Text("Giá trị của \"" + e.getArgument().getName() + "\" không hợp lệ.",
                            "The value of \"" + e.getArgument().getName() + "\" is invalid."), null, request.getPath());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Replaces(io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler.class)
    static final class UnsatisfiedHandler implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, UnsatisfiedRouteException e) {
            return response(HttpStatus.BAD_REQUEST, "missing-value",
                    new Text("Thiếu thông tin bắt buộc: \"" + e.getArgument().getName() + "\".",
                            "Required value missing: \"" + e.getArgument().getName() + "\"."), null, request.getPath());
        }
    }

    /** Anything unexpected: 500 with an incident id that is also in the log, and no internals in the body. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static final class FallbackHandler implements ExceptionHandler<Exception, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, Exception e) {
            String incident = UUID.randomUUID().toString();
            LOG.error("incident {} on {} {}", incident, request.getMethod(), request.getPath(), e);
            return response(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                    new Text("Hệ thống gặp lỗi. Mã sự cố: " + incident + ". Dữ liệu của bạn không bị mất; vui lòng thử lại sau.",
                            "The system hit an error. Incident " + incident + ". Nothing you sent was lost; please try again later."),
                    null, request.getPath());
        }
    }
}
