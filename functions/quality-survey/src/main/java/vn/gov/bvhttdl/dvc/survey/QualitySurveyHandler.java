package vn.gov.bvhttdl.dvc.survey;

import io.micronaut.context.annotation.Factory;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.PaymentStore;
import vn.gov.bvhttdl.dvc.adapters.ResultStore;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.adapters.SurveyTable;
import vn.gov.bvhttdl.dvc.application.RateService;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Role;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quality survey, its own function behind the HTTP API (JWT authorizer): {@code GET /api/surveys/{dossierId}}
 * (the applicant, or an official in the dossier's scope: the criteria computed from the record with their scores, the
 * applicant's answer, whether it may still change) and {@code PUT /api/surveys/{dossierId}} (the applicant:
 * {@code {"rating", "comment"}}). Errors are problem+json with a Vietnamese and an English message.
 */
public class QualitySurveyHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {
    static final int MAX_BODY = 8 * 1024;

    @Inject
    RateService rate;

    @Override
    public Map<String, Object> execute(Map<String, Object> event) {
        try {
            Map<String, Object> ctx = Json.obj(event.getOrDefault("requestContext", Map.of()));
            Map<String, Object> http = Json.obj(ctx.getOrDefault("http", Map.of()));
            String method = String.valueOf(http.getOrDefault("method", "GET"));
            String path = String.valueOf(event.getOrDefault("rawPath", ""));
            String[] parts = path.split("/");
            if (parts.length != 4 || !parts[2].equals("surveys") || !parts[3].matches("[A-Za-z0-9-]{1,64}")) {
                return problem(404, "not-found", "Không có địa chỉ này.", "No such address.");
            }
            Actor actor = actor(ctx);
            if (actor == null) return problem(401, "sign-in-required", "Vui lòng đăng nhập.", "Please sign in.");
            String id = parts[3];
            if (method.equals("GET")) return ok(view(rate.view(actor, id)));
            if (method.equals("PUT")) {
                String body = body(event);
                if (body == null || body.length() > MAX_BODY) return problem(400, "invalid-body", "Gửi {\"rating\", \"comment\"}.", "Send {\"rating\", \"comment\"}.");
                Object parsed;
                try {
                    parsed = Json.parse(body);
                } catch (IllegalArgumentException e) {
                    return problem(400, "invalid-json", "Nội dung không phải JSON.", "The body is not JSON.");
                }
                if (!(parsed instanceof Map<?, ?>)) return problem(400, "invalid-json", "Nội dung không phải một đối tượng JSON.", "The body is not a JSON object.");
                Map<String, Object> b = Json.obj(parsed);
                Object rating = b.get("rating"), comment = b.get("comment");
                if (actor.role() != Role.CITIZEN) return problem(403, "applicant-only", "Chỉ người nộp hồ sơ đánh giá.", "Only the applicant rates the service.");
                return ok(view(rate.answer(actor, id, rating instanceof String r ? r : null, comment instanceof String c ? c : null)));
            }
            return problem(405, "method-not-allowed", "Phương thức không được hỗ trợ.", "Method not allowed.");
        } catch (DomainException e) {
            int status = switch (e.kind()) {
                case INVALID -> 422;
                case NOT_FOUND -> 404;
                case FORBIDDEN -> 403;
                case CONFLICT -> 409;
            };
            Map<String, Object> p = problemBody(status, e.problem(), e.text().vi(), e.text().en());
            if (e.text().field() != null) p.put("errors", List.of(Map.of("vi", e.text().vi(), "en", e.text().en(), "field", e.text().field())));
            return Map.of("statusCode", status, "headers", Map.of("Content-Type", "application/problem+json"), "body", Json.write(p));
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

    private static Map<String, Object> problemBody(int status, String slug, String vi, String en) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "https://dichvucong.bvhttdl.gov.vn/problems/" + slug);
        p.put("title", switch (status) { case 401 -> "Unauthorized"; case 403 -> "Forbidden"; case 404 -> "Not Found"; case 409 -> "Conflict";
            case 422 -> "Unprocessable Entity"; case 405 -> "Method Not Allowed"; default -> "Bad Request"; });
        p.put("status", status);
        p.put("detail", en);
        p.put("message", Map.of("vi", vi, "en", en));
        return p;
    }

    private static Map<String, Object> problem(int status, String slug, String vi, String en) {
        return Map.of("statusCode", status, "headers", Map.of("Content-Type", "application/problem+json"), "body", Json.write(problemBody(status, slug, vi, en)));
    }

    @Factory
    static final class Beans {
        @Singleton
        RateService rate() {
            DossierStore store = DossierStore.primedFromSettings("quality-survey", null);
            return new RateService(store, RulesStore.fromSettings(store.client()), new PaymentStore(store),
                    ResultStore.fromSettings(store.client(), store.tableName()), new SurveyTable(store.client(), store.tableName()), Clock.systemUTC());
        }
    }
}
