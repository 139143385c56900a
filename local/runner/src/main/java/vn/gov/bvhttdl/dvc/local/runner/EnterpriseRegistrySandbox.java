package vn.gov.bvhttdl.dvc.local.runner;

import com.sun.net.httpserver.HttpExchange;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The National Enterprise Registration Database's sandbox (issue #20 part 5), in the shape the adapter speaks
 * ({@code adapters.national.DkkdEnterpriseRegistry}, docs/national-databases.md): {@code GET
 * /sandbox/enterprise-registry/DoanhNghiep/chiTietDoanhNghiep?msdn=<code>} with HTTP Basic credentials (those of
 * {@code local/sandbox/enterprise-registry.json}), answered {@code {"GetEntCert": [ … ]}} for an enterprise it knows
 * (that file's list: 0312345678 "Công ty TNHH Du lịch Sen Vàng") and {@code {"GetEntCert": null}} for any other.
 * {@code POST /sandbox/enterprise-registry/control} with {@code mode=up|down|timeout} ({@code delayMs}) makes it
 * answer 503 or hold the call; it counts the look-ups it answered.
 */
final class EnterpriseRegistrySandbox {
    static final String BASE = "/sandbox/enterprise-registry";

    enum Mode { UP, DOWN, TIMEOUT }

    private final String expectedAuth;
    private final Map<String, Map<String, Object>> enterprises = new LinkedHashMap<>();
    private final List<String> asked = new ArrayList<>();
    private volatile Mode mode = Mode.UP;
    private volatile long delayMs = 10_000;

    EnterpriseRegistrySandbox(Path file) {
        String user = "", password = "";
        try {
            Map<String, Object> m = Json.obj(Json.parse(Files.readString(file)));
            user = String.valueOf(m.get("username"));
            password = String.valueOf(m.get("password"));
            for (Object e : Json.list(m.get("enterprises"))) enterprises.put(String.valueOf(Json.obj(e).get("MaSoDoanhNghiep")), Json.obj(e));
        } catch (IOException e) {
            System.err.println("[enterprise-registry] no sandbox file at " + file + ": every call is refused");
        }
        expectedAuth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    boolean handles(String path) { return path.startsWith(BASE); }

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        if (path.equals(BASE + "/control") && ex.getRequestMethod().equalsIgnoreCase("POST")) {
            control(ex);
        } else if (path.equals(BASE + "/DoanhNghiep/chiTietDoanhNghiep") && ex.getRequestMethod().equalsIgnoreCase("GET")) {
            lookUp(ex);
        } else {
            LocalRunner.problem(ex, 404, "no-such-resource", "Không có tài nguyên tại địa chỉ này.", "There is nothing at this address.");
        }
    }

    /** Sets the mode: up, down (503) or timeout (the call is held {@code delayMs}, then 504). */
    void set(Mode m, long delay) {
        mode = m;
        if (delay > 0) delayMs = delay;
    }

    /** The enterprise codes looked up while up, oldest first. */
    synchronized List<String> asked() { return List.copyOf(asked); }

    private void control(HttpExchange ex) throws IOException {
        Map<String, String> form = form(new String(ex.getRequestBody().readNBytes(4096), StandardCharsets.UTF_8));
        try {
            set(Mode.valueOf(form.getOrDefault("mode", "up").strip().toUpperCase(Locale.ROOT)),
                    form.containsKey("delayMs") ? Long.parseLong(form.get("delayMs").strip()) : 0);
        } catch (IllegalArgumentException bad) {
            LocalRunner.problem(ex, 400, "malformed-request", "Chế độ không hợp lệ (up, down, timeout).", "Unknown mode (up, down, timeout).");
            return;
        }
        LocalRunner.send(ex, 200, "application/json", Json.write(Map.of("mode", mode.name().toLowerCase(Locale.ROOT), "delayMs", delayMs)));
    }

    private void lookUp(HttpExchange ex) throws IOException {
        Mode m = mode;
        if (m == Mode.DOWN) {
            LocalRunner.send(ex, 503, "application/json", "{\"message\": \"Hệ thống đang bảo trì\"}");
            return;
        }
        if (m == Mode.TIMEOUT) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            LocalRunner.send(ex, 504, "application/json", "{\"message\": \"Hết thời gian chờ\"}");
            return;
        }
        if (!expectedAuth.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            LocalRunner.send(ex, 401, "application/json", "{\"message\": \"Sai thông tin xác thực\"}");
            return;
        }
        String code = form(ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery()).getOrDefault("msdn", "");
        synchronized (this) { asked.add(code); }
        Map<String, Object> e = enterprises.get(code);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("GetEntCert", e == null ? null : List.of(e));
        LocalRunner.send(ex, 200, "application/json; charset=utf-8", Json.write(answer));
    }

    private static Map<String, String> form(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : s.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
