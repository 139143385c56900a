package vn.gov.bvhttdl.dvc.api.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.api.Problem;
import vn.gov.bvhttdl.dvc.api.Problems;
import vn.gov.bvhttdl.dvc.application.NationalCatalogue;

import java.util.Map;

/**
 * The national procedure database out of reach, as problem+json: 503 {@code national-catalogue-not-configured} when
 * no address is set, 502 {@code national-catalogue-unavailable} when it did not answer or answered something
 * unreadable (the reason in the log, not in the answer).
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
final class NationalCatalogueProblems implements ExceptionHandler<NationalCatalogue.Unavailable, HttpResponse<Map<String, Object>>> {
    private static final Logger LOG = LoggerFactory.getLogger(NationalCatalogueProblems.class);

    @Override
    public HttpResponse<Map<String, Object>> handle(HttpRequest request, NationalCatalogue.Unavailable e) {
        LOG.warn("national-catalogue {}: {}", e.reason(), e.getMessage());
        return Problems.response(e.reason() == NationalCatalogue.Unavailable.Reason.NOT_CONFIGURED
                ? "national-catalogue-not-configured" : "national-catalogue-unavailable", request.getPath());
    }
}
