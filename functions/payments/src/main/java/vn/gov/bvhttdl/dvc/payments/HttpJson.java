package vn.gov.bvhttdl.dvc.payments;

import vn.gov.bvhttdl.dvc.application.PaymentGateway;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** JSON over HTTPS to a provider's API: a 10-second budget, any failure is {@link PaymentGateway.Unavailable}. */
public final class HttpJson {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** A provider's answer is small; a bigger one is not read. */
    private static final int MAX_ANSWER = 64 * 1024;

    private HttpJson() {}

    public static Map<String, Object> post(String url, Map<String, Object> body) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
            HttpResponse<byte[]> a = CLIENT.send(r, HttpResponse.BodyHandlers.ofByteArray());
            if (a.statusCode() / 100 != 2) throw new PaymentGateway.Unavailable(url + " answered HTTP " + a.statusCode());
            if (a.body().length > MAX_ANSWER) throw new PaymentGateway.Unavailable(url + " answered too much");
            Object parsed = Json.parse(new String(a.body(), java.nio.charset.StandardCharsets.UTF_8));
            if (!(parsed instanceof Map<?, ?>)) throw new PaymentGateway.Unavailable(url + " answered no JSON object");
            return Json.obj(parsed);
        } catch (java.io.IOException e) {
            throw new PaymentGateway.Unavailable(url + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentGateway.Unavailable(url + ": interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new PaymentGateway.Unavailable(url + ": unreadable answer", e);
        }
    }

    public static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (v == null) return "";
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return Long.toString(n.longValue());
        return String.valueOf(v);
    }

    /** What a callback says: its query (a GET) or its JSON object body; null when the body is not a JSON object. */
    public static Map<String, Object> fields(PaymentGateway.Request request) {
        if ("GET".equals(request.method())) return new java.util.LinkedHashMap<>(request.query());
        try {
            Object parsed = request.body() == null ? null : Json.parse(request.body());
            return parsed instanceof Map<?, ?> ? Json.obj(parsed) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
