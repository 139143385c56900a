package vn.gov.bvhttdl.dvc.lambda;

import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.ProblemTexts;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one writer of {@code application/problem+json} (RFC 9457) for every HTTP function: the Micronaut API functions
 * ({@code api.Problems}, {@code api.ApiHandler}) and the plain handlers (payment callbacks, quality survey). The shape:
 * {@code type} (a URI ending in the slug: clients branch on it), {@code title}, {@code status}, {@code detail}
 * (English), {@code message} ({@code vi}, {@code en}), {@code errors} (each {@code vi}, {@code en} and, when it is about
 * one, {@code field}) only when there are any, {@code instance} (the path) when known. An absent member is left out,
 * never written as {@code null}.
 */
public final class ProblemJson {
    public static final String BASE = "https://dichvucong.bvhttdl.gov.vn/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Longer paths are not echoed back. */
    static final int MAX_INSTANCE = 200;

    private ProblemJson() {}

    /** The document as a map, ready to be written as JSON. */
    public static Map<String, Object> body(int status, String slug, Text text, List<Text> errors, String instance) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", BASE + slug);
        p.put("title", title(status));
        p.put("status", status);
        p.put("detail", text.en());
        p.put("message", message(text, false));
        if (errors != null && !errors.isEmpty()) p.put("errors", errors.stream().map(t -> message(t, true)).toList());
        if (instance != null && !instance.isEmpty() && instance.length() <= MAX_INSTANCE) p.put("instance", instance);
        return p;
    }

    public static Map<String, Object> body(DomainException e, String instance) {
        return body(e.kind().status(), e.problem(), e.text(), e.errors(), instance);
    }

    /** A problem of rules/problems.json by its slug, its placeholders filled from {@code args} (name, value, …). */
    public static Map<String, Object> body(String slug, String instance, Object... args) {
        ProblemTexts.Entry e = ProblemTexts.standard().entry(slug);
        return body(e.status(), e.slug(), e.text(args), null, instance);
    }

    /**
     * Anything unexpected: 500 with a new incident id (log it with the failure) and no internals.
     * @return the incident id and the document
     */
    public static Map.Entry<String, Map<String, Object>> internalError(String instance) {
        String incident = UUID.randomUUID().toString();
        return Map.entry(incident, body("internal-error", instance, "incident", incident));
    }

    public static String write(Map<String, Object> body) { return Json.write(body); }

    /** An HTTP API (payload 2.0) answer for a plain handler: {@code statusCode}, {@code headers}, {@code body}. */
    public static Map<String, Object> response(Map<String, Object> body) {
        return Map.of("statusCode", body.get("status"), "headers", Map.of("Content-Type", MEDIA_TYPE, "Cache-Control", "no-store"),
                "body", write(body));
    }

    public static Map<String, Object> response(DomainException e, String instance) { return response(body(e, instance)); }

    public static Map<String, Object> response(String slug, String instance, Object... args) { return response(body(slug, instance, args)); }

    private static Map<String, Object> message(Text t, boolean withField) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vi", t.vi());
        m.put("en", t.en());
        if (withField && t.field() != null) m.put("field", t.field());
        return m;
    }

    /** The reason phrase of RFC 9110 for the statuses we answer with. */
    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Request Entity Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Bad Request";
        };
    }
}
