package vn.gov.bvhttdl.dvc.local.runner;

import com.sun.net.httpserver.HttpExchange;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Template;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Plays the HTTP API of template.yaml: matches the request to a route declared there, checks the bearer token as
 * the JWT authorizer would (401 {"message":"Unauthorized"} otherwise), builds the payload-2.0 event with the
 * token's claims, invokes the function and turns its response back into HTTP. Every answer, a refusal before the
 * body was needed included, goes out through {@link Exchanges}, which consumes the request's body first.
 */
final class HttpApiGateway {
    /** Lambda's limit on a synchronous request payload. */
    static final int MAX_PAYLOAD = 6 * 1024 * 1024;

    record Route(String method, String path, boolean authorized, FunctionHost function, List<String> segments) {
        /** Path parameters if this route matches, else null. */
        Map<String, String> match(String method, String rawPath) {
            if (!this.method.equals("ANY") && !this.method.equals(method)) return null;
            String[] parts = rawPath.substring(1).split("/", -1);
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String s = segments.get(i);
                if (s.endsWith("+}")) {
                    if (i >= parts.length || parts[i].isEmpty()) return null;
                    params.put(s.substring(1, s.length() - 2), String.join("/", List.of(parts).subList(i, parts.length)));
                    return params;
                }
                if (i >= parts.length) return null;
                if (s.startsWith("{")) {
                    if (parts[i].isEmpty()) return null;
                    params.put(s.substring(1, s.length() - 1), decode(parts[i]));
                } else if (!s.equals(parts[i])) {
                    return null;
                }
            }
            return parts.length == segments.size() ? params : null;
        }

        /** API Gateway prefers literal segments, then {param}, then {proxy+}; then a method over ANY. */
        int specificity() {
            int score = 0;
            for (String s : segments) score = score * 3 + (s.endsWith("+}") ? 0 : s.startsWith("{") ? 1 : 2);
            return score * 2 + (method.equals("ANY") ? 0 : 1);
        }
    }

    /** Percent-decoded, or as sent when the escapes are malformed (the function then answers for it). */
    static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    private final List<Route> routes = new ArrayList<>();
    private final DevIdentity identity;

    /**
     * The origin secret the runner, playing CloudFront, adds to every request it passes to the API (template.yaml's
     * {@code OriginCustomHeaders}), with the viewer's address as the viewer-request function writes it; null: none.
     */
    static volatile String originSecret;

    HttpApiGateway(List<Template.Function> functions, Map<String, FunctionHost> hosts, DevIdentity identity) {
        this.identity = identity;
        for (Template.Function f : functions) {
            for (Template.HttpRoute r : f.routes()) {
                routes.add(new Route(r.method(), r.path(), r.authorized(), hosts.get(f.logicalId()),
                        List.of(r.path().substring(1).split("/"))));
            }
        }
        routes.sort(Comparator.comparingInt(Route::specificity).reversed());
    }

    /** Whether {@code path} is under the API (the first path segment of some route), as opposed to the web site. */
    boolean handles(String path) {
        return routes.stream().map(r -> "/" + r.segments().get(0)).anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = ex.getRequestURI().getRawPath();
        Route route = null;
        Map<String, String> params = null;
        for (Route r : routes) {
            params = r.match(method, rawPath);
            if (params != null) {
                route = r;
                break;
            }
        }
        if (route == null) {
            LocalRunner.send(ex, 404, "application/json", "{\"message\":\"Not Found\"}");
            return;
        }
        Map<String, String> claims = null;
        if (route.authorized()) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String token = auth == null ? null : auth.replaceFirst("(?i)^Bearer\\s+", "").trim();
            claims = token == null || token.isEmpty() ? null : identity.verify(token);
            if (claims == null) {
                LocalRunner.send(ex, 401, "application/json", "{\"message\":\"Unauthorized\"}");
                return;
            }
        }
        // not closed here: what is beyond the limit is discarded before the 413 (Exchanges), the connection kept
        byte[] body = ex.getRequestBody().readNBytes(MAX_PAYLOAD + 1);
        if (body.length > MAX_PAYLOAD) {
            LocalRunner.send(ex, 413, "application/json", "{\"message\":\"Request Entity Too Large\"}");
            return;
        }
        String event = Json.write(event(ex, method, rawPath, route, params, claims, body));
        String result;
        try {
            result = route.function().invoke(event);
        } catch (Exception e) {
            System.err.println("[api] " + route.function().name + " failed: " + e);
            e.printStackTrace();
            LocalRunner.send(ex, 500, "application/json", "{\"message\":\"Internal Server Error\"}");
            return;
        }
        respond(ex, result);
    }

    private static Map<String, Object> event(HttpExchange ex, String method, String rawPath, Route route,
                                             Map<String, String> params, Map<String, String> claims, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        ex.getRequestHeaders().forEach((k, v) -> {
            if (k.equalsIgnoreCase("cookie")) {
                for (String c : v) for (String part : c.split(";\\s*")) if (!part.isBlank()) cookies.add(part);
            } else {
                headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v));
            }
        });
        if (originSecret != null) {
            // as CloudFront: its origin header and the address it saw, over anything the viewer sent
            headers.put("x-origin-verify", originSecret);
            headers.put("x-viewer-address", ex.getRemoteAddress().getAddress().getHostAddress());
        }
        String rawQuery = ex.getRequestURI().getRawQuery();
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.merge(k, v, (a, b) -> a + "," + b);
            }
        }
        String contentType = headers.getOrDefault("content-type", "");
        boolean text = contentType.isEmpty() || contentType.startsWith("text/") || contentType.contains("json")
                || contentType.contains("xml") || contentType.contains("x-www-form-urlencoded") || contentType.contains("javascript");
        String routeKey = route.method().equals("ANY") ? "ANY " + route.path() : route.method() + " " + route.path();
        Instant now = Instant.now();
        String host = headers.getOrDefault("host", "127.0.0.1");

        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", ex.getProtocol());
        http.put("sourceIp", ex.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("accountId", "000000000000");
        ctx.put("apiId", "local");
        if (claims != null) ctx.put("authorizer", Map.of("jwt", Map.of("claims", claims, "scopes", List.of())));
        ctx.put("domainName", host);
        ctx.put("domainPrefix", host.split("[.:]")[0]);
        ctx.put("http", http);
        ctx.put("requestId", UUID.randomUUID().toString());
        ctx.put("routeKey", routeKey);
        ctx.put("stage", "$default");
        ctx.put("time", DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC).format(now));
        ctx.put("timeEpoch", now.toEpochMilli());

        Map<String, Object> e = new LinkedHashMap<>();
        e.put("version", "2.0");
        e.put("routeKey", routeKey);
        e.put("rawPath", rawPath);
        e.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        if (!cookies.isEmpty()) e.put("cookies", cookies);
        e.put("headers", headers);
        if (!query.isEmpty()) e.put("queryStringParameters", query);
        if (!params.isEmpty()) e.put("pathParameters", params);
        e.put("requestContext", ctx);
        if (body.length > 0) e.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
        e.put("isBase64Encoded", body.length > 0 && !text);
        return e;
    }

    @SuppressWarnings("unchecked")
    private static void respond(HttpExchange ex, String result) throws IOException {
        Object parsed = Json.parse(result);
        if (!(parsed instanceof Map<?, ?> m) || !m.containsKey("statusCode")) {
            // a plain value: HTTP API treats it as a 200 JSON body
            LocalRunner.send(ex, 200, "application/json", result);
            return;
        }
        Map<String, Object> r = (Map<String, Object>) m;
        int status = ((Number) r.get("statusCode")).intValue();
        Map<String, Object> headers = (Map<String, Object>) r.getOrDefault("headers", Map.of());
        if (headers != null) headers.forEach((k, v) -> ex.getResponseHeaders().add(k, String.valueOf(v)));
        Map<String, Object> multi = (Map<String, Object>) r.get("multiValueHeaders");
        if (multi != null) multi.forEach((k, v) -> {
            if (!ex.getResponseHeaders().containsKey(k)) for (Object o : (List<Object>) v) ex.getResponseHeaders().add(k, String.valueOf(o));
        });
        List<Object> cookies = (List<Object>) r.get("cookies");
        if (cookies != null) for (Object c : cookies) ex.getResponseHeaders().add("Set-Cookie", String.valueOf(c));
        String body = (String) r.get("body");
        byte[] bytes = body == null ? new byte[0]
                : Boolean.TRUE.equals(r.get("isBase64Encoded")) ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        Exchanges.sendHeaders(ex, status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) ex.getResponseBody().write(bytes);
        ex.close();
    }
}
