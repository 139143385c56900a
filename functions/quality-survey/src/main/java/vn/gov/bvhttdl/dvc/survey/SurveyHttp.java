package vn.gov.bvhttdl.dvc.survey;

import vn.gov.bvhttdl.dvc.application.RateService;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The survey over HTTP, without a framework: the caller from the JWT claims, the view as JSON (the benchmark's floor uses the same). */
public final class SurveyHttp {
    private SurveyHttp() {}

    /** The caller from the JWT authorizer's claims (the same claims the API reads). */
    public static Actor actor(Map<String, Object> ctx) {
        Object auth = ctx.get("authorizer");
        if (!(auth instanceof Map<?, ?> a) || !(a.get("jwt") instanceof Map<?, ?> jwt) || !(jwt.get("claims") instanceof Map<?, ?> claims)) return null;
        Object sub = claims.get("sub");
        if (sub == null || String.valueOf(sub).isBlank()) return null;
        List<String> groups = Arrays.asList(String.valueOf(claims.get("cognito:groups") == null ? "" : claims.get("cognito:groups"))
                .replaceAll("[\\[\\],]", " ").trim().split("\\s+"));
        if (groups.contains("officials")) {
            Object agency = claims.get("custom:agency"), unit = claims.get("custom:unit"), post = claims.get("custom:post");
            return Actor.official(String.valueOf(sub), agency == null ? null : String.valueOf(agency), unit == null ? null : String.valueOf(unit),
                    post == null ? null : Post.parse(String.valueOf(post)));
        }
        return Actor.citizen(String.valueOf(sub));
    }

    public static Map<String, Object> view(RateService.View v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dossierId", v.dossierId());
        m.put("dossierCode", v.dossierCode());
        m.put("open", v.open());
        m.put("openedAt", v.openedAt() == null ? null : v.openedAt().toString());
        m.put("editableUntil", v.editableUntil() == null ? null : v.editableUntil().toString());
        m.put("editable", v.editable());
        List<Object> criteria = new ArrayList<>();
        for (Survey.Score s : v.criteria()) criteria.add(Map.of("code", s.code(), "name", Map.of("vi", s.name().vi(), "en", s.name().en()),
                "score", s.score(), "because", s.because()));
        m.put("criteria", criteria);
        m.put("computed", v.computed());
        m.put("max", v.max());
        if (v.answer() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("rating", v.answer().rating());
            a.put("comment", v.answer().comment());
            a.put("at", v.answer().at().toString());
            m.put("answer", a);
            m.put("total", v.computed() + Survey.rules().ratings().get(v.answer().rating()).score());
        }
        List<Object> ratings = new ArrayList<>();
        for (Survey.Rating r : v.ratings()) ratings.add(Map.of("code", r.code(), "score", r.score(), "label", Map.of("vi", r.label().vi(), "en", r.label().en())));
        m.put("ratings", ratings);
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

}
