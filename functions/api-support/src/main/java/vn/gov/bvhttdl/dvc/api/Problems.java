package vn.gov.bvhttdl.dvc.api;

import io.micronaut.context.annotation.Replaces;
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
import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.lambda.ProblemJson;

import java.util.Map;

/**
 * Turns every failure into {@code application/problem+json}, written by {@link ProblemJson}; a client's mistake is
 * never a 5xx. One handler for {@link DomainException} (every refusal, whoever raised it; a race lost for good is 409
 * {@code changed-meanwhile}), one each for what Micronaut itself refuses, one for the unexpected (500 with an incident).
 */
public final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    public static MutableHttpResponse<Map<String, Object>> response(Map<String, Object> body) {
        return HttpResponse.<Map<String, Object>>status(HttpStatus.valueOf((Integer) body.get("status"))).contentType(Problem.MEDIA_TYPE).body(body);
    }

    public static MutableHttpResponse<Map<String, Object>> response(DomainException e, String instance) {
        return response(ProblemJson.body(e, instance));
    }

    /** A problem of rules/problems.json by its slug (placeholders from {@code args}: name, value, …). */
    public static MutableHttpResponse<Map<String, Object>> response(String slug, String instance, Object... args) {
        return response(ProblemJson.body(slug, instance, args));
    }

    public static HttpStatus statusOf(DomainException.Kind kind) {
        return HttpStatus.valueOf(kind.status());
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static final class DomainHandler implements ExceptionHandler<DomainException, HttpResponse<Map<String, Object>>> {
        @Override
        public HttpResponse<Map<String, Object>> handle(HttpRequest request, DomainException e) {
            if (e instanceof ConcurrentChange race) LOG.info("{} {}: lost the race for good ({})", request.getMethod(), request.getPath(), race.what());
            return response(e, request.getPath());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static final class CodecHandler implements ExceptionHandler<CodecException, HttpResponse<Map<String, Object>>> {
        @Override
        public HttpResponse<Map<String, Object>> handle(HttpRequest request, CodecException e) {
            return response("malformed-body", request.getPath());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Replaces(io.micronaut.http.server.exceptions.ConversionErrorHandler.class)
    static final class ConversionHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<Map<String, Object>>> {
        @Override
        public HttpResponse<Map<String, Object>> handle(HttpRequest request, ConversionErrorException e) {
            return response(new DomainException(DomainException.Kind.MALFORMED, "invalid-value",
                    new Text("Giá trị của \"" + e.getArgument().getName() + "\" không hợp lệ.",
                            "The value of \"" + e.getArgument().getName() + "\" is invalid.")), request.getPath());
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Replaces(io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler.class)
    static final class UnsatisfiedHandler implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<Map<String, Object>>> {
        @Override
        public HttpResponse<Map<String, Object>> handle(HttpRequest request, UnsatisfiedRouteException e) {
            return response(new DomainException(DomainException.Kind.MALFORMED, "missing-value",
                    new Text("Thiếu thông tin bắt buộc: \"" + e.getArgument().getName() + "\".",
                            "Required value missing: \"" + e.getArgument().getName() + "\".")), request.getPath());
        }
    }

    /** Anything unexpected: 500 with an incident id that is also in the log, and no internals in the body. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static final class FallbackHandler implements ExceptionHandler<Exception, HttpResponse<Map<String, Object>>> {
        @Override
        public HttpResponse<Map<String, Object>> handle(HttpRequest request, Exception e) {
            var incident = ProblemJson.internalError(request.getPath());
            LOG.error("incident {} on {} {}", incident.getKey(), request.getMethod(), request.getPath(), e);
            return response(incident.getValue());
        }
    }
}
