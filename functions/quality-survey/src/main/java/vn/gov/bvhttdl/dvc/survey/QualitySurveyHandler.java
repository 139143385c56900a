package vn.gov.bvhttdl.dvc.survey;

import io.micronaut.context.annotation.Factory;
import vn.gov.bvhttdl.dvc.lambda.EventFunction;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.application.RateService;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.lambda.ProblemJson;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * The quality survey, its own function behind the HTTP API (JWT authorizer): {@code GET /api/surveys/{dossierId}}
 * (the applicant, or an official in the dossier's scope: the criteria computed from the record with their scores, the
 * applicant's answer, whether it may still change) and {@code PUT /api/surveys/{dossierId}} (the applicant:
 * {@code {"rating", "comment"}}). Errors are problem+json with a Vietnamese and an English message ({@link ProblemJson}).
 */
public class QualitySurveyHandler extends EventFunction<Map<String, Object>, Map<String, Object>> {
    static final int MAX_BODY = 8 * 1024;

    @Inject
    RateService rate;

    @Override
    public Map<String, Object> execute(Map<String, Object> event) {
        String path = String.valueOf(event.getOrDefault("rawPath", ""));
        try {
            Map<String, Object> ctx = Json.obj(event.getOrDefault("requestContext", Map.of()));
            Map<String, Object> http = Json.obj(ctx.getOrDefault("http", Map.of()));
            String method = String.valueOf(http.getOrDefault("method", "GET"));
            String[] parts = path.split("/");
            if (parts.length != 4 || !parts[2].equals("surveys") || !parts[3].matches("[A-Za-z0-9-]{1,64}")) {
                return ProblemJson.response("no-such-resource", path);
            }
            Actor actor = actor(ctx);
            if (actor == null) return ProblemJson.response("sign-in-required", path);
            String id = parts[3];
            if (method.equals("GET")) return ok(view(rate.view(actor, id)));
            if (method.equals("PUT")) {
                String body = body(event);
                if (body == null || body.length() > MAX_BODY) {
                    return ProblemJson.response(new DomainException(DomainException.Kind.MALFORMED, "invalid-body",
                            new Text("Gửi {\"rating\", \"comment\"}.", "Send {\"rating\", \"comment\"}.")), path);
                }
                Object parsed;
                try {
                    parsed = Json.parse(body);
                } catch (IllegalArgumentException e) {
                    return ProblemJson.response("malformed-body", path);
                }
                if (!(parsed instanceof Map<?, ?>)) return ProblemJson.response("malformed-body", path);
                Map<String, Object> b = Json.obj(parsed);
                Object rating = b.get("rating"), comment = b.get("comment");
                if (actor.role() != Role.CITIZEN) return ProblemJson.response("citizens-only", path);
                return ok(view(rate.answer(actor, id, rating instanceof String r ? r : null, comment instanceof String c ? c : null)));
            }
            return ProblemJson.response("method-not-allowed", path, "method", method);
        } catch (DomainException e) {
            return ProblemJson.response(e, path);
        }
    }

    static Actor actor(Map<String, Object> ctx) { return SurveyHttp.actor(ctx); }

    static Map<String, Object> view(RateService.View v) { return SurveyHttp.view(v); }

    private static String body(Map<String, Object> event) {
        Object b = event.get("body");
        if (b == null) return null;
        String s = String.valueOf(b);
        if (Boolean.TRUE.equals(event.get("isBase64Encoded"))) {
            try {
                return new String(java.util.Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return s;
    }

    private static Map<String, Object> ok(Map<String, Object> body) {
        return Map.of("statusCode", 200, "headers", Map.of("Content-Type", "application/json", "Cache-Control", "no-store"), "body", Json.write(body));
    }

    @Factory
    static final class Beans {
        @Singleton
        RateService rate() {
            Table table = Table.primedFromSettings("quality-survey", null);
            return new RateService(table.dossiers(), table.rules(), table.surveys(), Clock.systemUTC(),
                    vn.gov.bvhttdl.dvc.adapters.EmfServiceMetrics.lambda());
        }
    }
}
