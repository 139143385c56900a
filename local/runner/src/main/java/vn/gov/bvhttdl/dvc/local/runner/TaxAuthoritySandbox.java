package vn.gov.bvhttdl.dvc.local.runner;

import com.sun.net.httpserver.HttpExchange;
import vn.gov.bvhttdl.dvc.domain.Html;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tax authority's sandbox (issue #22), with the shape the adapter speaks ({@code adapters.tax.TaxAuthorityApi},
 * assumed; docs/payments.md): POST {@code /sandbox/tax-authority/bien-lai/tong-hop} with one summary table of form
 * 01/TH-BLĐT (one receipt's line, its XML base64) and HTTP Basic credentials (those of
 * {@code local/sandbox/tax-authority.json}), answered {@code {"error_code", "message"}}, "0" taken.
 *
 * <p>It keeps every receipt it took, in order, and drops (and counts) a resend by its {@code Idempotency-Key}. It can
 * be told, at {@code POST /sandbox/tax-authority/control} ({@code mode=up|down|timeout|slow}, {@code delayMs}), to be
 * down (503), to time out (hold the call, then 504) or to answer slowly. {@code /dev/tax-authority} lists the
 * receipts received (number, symbols, collector's tax code, amount, time; escaped HTML), {@code .json} the same as data.
 */
final class TaxAuthoritySandbox {
    static final String BASE = "/sandbox/tax-authority";
    static final String PAGE = "/dev/tax-authority";

    /** One receipt taken: its key, when, the summary table's header and line, and whether its XML came with it. */
    record Entry(String key, Instant at, String taxCode, String collector, Map<String, Object> line, boolean xml) {}

    enum Mode { UP, DOWN, TIMEOUT, SLOW }

    private final String expectedAuth;
    private final List<Entry> received = new ArrayList<>();
    private int duplicates;
    private int refusedWhileDown;
    private volatile Mode mode = Mode.UP;
    private volatile long delayMs = 3000;

    TaxAuthoritySandbox(Path credentials) {
        String user = "", password = "";
        try {
            Map<String, Object> m = Json.obj(Json.parse(Files.readString(credentials)));
            user = String.valueOf(m.get("username"));
            password = String.valueOf(m.get("password"));
        } catch (IOException e) {
            System.err.println("[tax-authority] no sandbox credentials at " + credentials + ": every call is refused");
        }
        expectedAuth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    boolean handles(String path) { return path.startsWith(BASE) || path.startsWith(PAGE); }

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        if (path.equals(PAGE)) {
            LocalRunner.send(ex, 200, "text/html; charset=utf-8", html());
        } else if (path.equals(PAGE + ".json")) {
            LocalRunner.send(ex, 200, "application/json", Json.write(snapshot()));
        } else if (path.equals(BASE + "/control") && ex.getRequestMethod().equalsIgnoreCase("POST")) {
            control(ex);
        } else if (path.equals(BASE + "/bien-lai/tong-hop") && ex.getRequestMethod().equalsIgnoreCase("POST")) {
            call(ex);
        } else {
            LocalRunner.problem(ex, 404, "no-such-resource", "Không có tài nguyên tại địa chỉ này.", "There is nothing at this address.");
        }
    }

    /** Sets the mode ({@code up}, {@code down}, {@code timeout}, {@code slow}) and the delay of a slow or timed-out call. */
    void set(Mode m, long delay) {
        mode = m;
        if (delay > 0) delayMs = delay;
    }

    private void control(HttpExchange ex) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : new String(ex.getRequestBody().readNBytes(4096), StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        try {
            Mode m = Mode.valueOf(form.getOrDefault("mode", "up").strip().toUpperCase(java.util.Locale.ROOT));
            set(m, form.containsKey("delayMs") ? Long.parseLong(form.get("delayMs").strip()) : 0);
        } catch (IllegalArgumentException bad) {
            LocalRunner.problem(ex, 400, "malformed-request", "Chế độ không hợp lệ (up, down, timeout, slow).", "Unknown mode (up, down, timeout, slow).");
            return;
        }
        LocalRunner.send(ex, 200, "application/json", Json.write(Map.of("mode", mode.name().toLowerCase(java.util.Locale.ROOT), "delayMs", delayMs)));
    }

    private void call(HttpExchange ex) throws IOException {
        byte[] raw = ex.getRequestBody().readNBytes(2 * 1024 * 1024);
        Mode m = mode;
        if (!SandboxGate.admits(ex, m.name(), delayMs, expectedAuth, () -> { synchronized (this) { refusedWhileDown++; } }, SandboxGate.ERROR_CODE)) return;
        Map<String, Object> table;
        Map<String, Object> line;
        try {
            table = Json.obj(Json.parse(new String(raw, StandardCharsets.UTF_8)));
            if (!"01/TH-BLĐT".equals(table.get("MauSo"))) throw new IllegalArgumentException("not form 01/TH-BLĐT");
            List<Object> lines = Json.list(table.get("DuLieu"));
            if (lines.size() != 1) throw new IllegalArgumentException("one receipt per call");
            line = Json.obj(lines.getFirst());
        } catch (RuntimeException bad) {
            LocalRunner.send(ex, 400, "application/json", "{\"error_code\": \"400\", \"message\": \"Dữ liệu không hợp lệ\"}");
            return;
        }
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        String answer;
        synchronized (this) {
            if (key != null && received.stream().anyMatch(e -> key.equals(e.key()))) {
                duplicates++;
                answer = "{\"error_code\": \"0\", \"message\": \"Đã nhận trước đó (trùng khóa)\"}";
            } else {
                Object xml = table.get("DuLieuBienLai");
                received.add(new Entry(key, Instant.now(), String.valueOf(table.get("MaSoThue")), String.valueOf(table.get("TenToChucThu")),
                        line, xml instanceof String s && !s.isBlank()));
                answer = "{\"error_code\": \"0\", \"message\": \"Tiếp nhận thành công\"}";
            }
        }
        LocalRunner.send(ex, 200, "application/json", answer);
    }

    /** What was taken, in order, and the resends dropped. */
    synchronized Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
        out.put("receipts", received.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", e.key());
            m.put("at", e.at().toString());
            m.put("taxCode", e.taxCode());
            m.put("collector", e.collector());
            m.put("formSymbol", e.line().get("KyHieuMauBienLai"));
            m.put("receiptSymbol", e.line().get("KyHieuBienLai"));
            m.put("number", e.line().get("SoBienLai"));
            m.put("date", e.line().get("NgayLap"));
            m.put("amountVnd", e.line().get("TongTien"));
            m.put("amountInWords", e.line().get("TongTienBangChu"));
            m.put("xml", e.xml());
            return (Object) m;
        }).toList());
        out.put("duplicates", duplicates);
        out.put("refusedWhileDown", refusedWhileDown);
        return out;
    }

    private synchronized String html() {
        StringBuilder b = new StringBuilder("""
                <!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cơ quan thuế (sandbox)</title>
                <style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse;margin-bottom:1.5rem}
                td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}</style></head><body>
                <h1>Cơ quan thuế — dữ liệu biên lai điện tử (sandbox) / Tax authority — e-receipt data (sandbox)</h1>
                <p>Mẫu 01/TH-BLĐT (Thông tư 91/2026/TT-BTC), gửi trong ngày lập biên lai (Nghị định 254/2026/NĐ-CP Điều 29(3)(b)).</p>
                """);
        b.append("<p>Chế độ / mode: <b>").append(esc(mode.name().toLowerCase(java.util.Locale.ROOT)))
                .append("</b>; gọi bị từ chối khi ngừng / refused while down: ").append(refusedWhileDown)
                .append("; gửi lại bị bỏ qua / resends dropped: ").append(duplicates).append("</p>");
        if (received.isEmpty()) {
            b.append("<p>Chưa nhận biên lai nào. / No receipt received yet.</p>");
        } else {
            b.append("<table><tr><th>#</th><th>số / number</th><th>ký hiệu mẫu / form symbol</th><th>ký hiệu / receipt symbol</th>"
                    + "<th>MST đơn vị thu / collector's tax code</th><th>đơn vị thu / collector</th><th>số tiền / amount (VND)</th>"
                    + "<th>bằng chữ / in words</th><th>ngày lập / issued</th><th>nhận lúc / received at</th></tr>");
            int n = 1;
            for (Entry e : received) {
                b.append("<tr><td>").append(n++).append("</td><td>").append(esc(str(e.line().get("SoBienLai"))))
                        .append("</td><td>").append(esc(str(e.line().get("KyHieuMauBienLai"))))
                        .append("</td><td>").append(esc(str(e.line().get("KyHieuBienLai"))))
                        .append("</td><td>").append(esc(e.taxCode())).append("</td><td>").append(esc(e.collector()))
                        .append("</td><td>").append(esc(str(e.line().get("TongTien"))))
                        .append("</td><td>").append(esc(str(e.line().get("TongTienBangChu"))))
                        .append("</td><td>").append(esc(str(e.line().get("NgayLap"))))
                        .append("</td><td>").append(esc(e.at().toString())).append("</td></tr>");
            }
            b.append("</table>");
        }
        return b.append("</body></html>").toString();
    }

    private static String str(Object o) { return o == null ? "" : o instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(o); }

    private static String esc(String s) { return Html.escape(s == null ? "" : s); }
}
