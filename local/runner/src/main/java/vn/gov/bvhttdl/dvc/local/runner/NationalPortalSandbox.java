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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The National Public Service Portal's sandbox (issue #20), with the shapes the adapter speaks
 * ({@code adapters.national.DvcqgNationalPortal}, docs/national-portal.md): POST {@code /sandbox/national-portal}
 * {@code /DongBoHoSoMC/ThemMoi}, {@code /DongBoHoSoMC/CapNhat}, {@code /CapNhatTienDoHoSoMC} with a JSON array of one
 * item and HTTP Basic credentials (those of {@code local/sandbox/national-portal.json}), answered
 * {@code {"error_code", "message"}}: "0 … thành công", or "-3 … đã tồn tại" for a create of a dossier it has.
 *
 * <p>It keeps, per dossier code, every record and progress entry it took, in order, and drops (and counts) a
 * resend by its {@code Idempotency-Key}. It can be told, at {@code POST /sandbox/national-portal/control}
 * ({@code mode=up|down|timeout|slow}, {@code delayMs}), to be down (503), to time out (hold the call, then 504) or to
 * answer slowly. {@code /dev/national-portal} shows what was sent per dossier (escaped HTML), {@code .json} the same
 * as data.
 */
final class NationalPortalSandbox {
    static final String BASE = "/sandbox/national-portal";
    static final String PAGE = "/dev/national-portal";

    /** The person's document list (TH_KHO, {@code adapters.national.DvcqgDocumentList.PATH}; the runner has no adapters' dependency). */
    static final String DOCUMENT_LIST = "/KhoSoHoaDVCQG/DanhSachGiayToKetQua";
    /** Where the sandbox's result files are served (GET, any name ending .pdf: one small sample PDF). */
    static final String FILES = "/tep/";
    /** The browser test's citizen, who has results on the national portal. */
    static final String CITIZEN = "079199001234";
    private static final String SAMPLE_PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

    /** One call taken: which, under which key, the national status it carried, when, and its body. */
    record Entry(String kind, String key, String status, Instant at, Map<String, Object> body) {}

    enum Mode { UP, DOWN, TIMEOUT, SLOW }

    private final String expectedAuth;
    private final Map<String, List<Entry>> byDossier = new LinkedHashMap<>();
    private final Set<String> taken = new HashSet<>();
    private final Map<String, Integer> duplicates = new LinkedHashMap<>();
    private int refusedWhileDown;
    private volatile Mode mode = Mode.UP;
    private volatile long delayMs = 3000;

    NationalPortalSandbox(Path credentials) {
        String user = "", password = "";
        try {
            Map<String, Object> m = Json.obj(Json.parse(Files.readString(credentials)));
            user = String.valueOf(m.get("username"));
            password = String.valueOf(m.get("password"));
        } catch (IOException e) {
            System.err.println("[national-portal] no sandbox credentials at " + credentials + ": every call is refused");
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
        } else if (ex.getRequestMethod().equalsIgnoreCase("POST") && (path.equals(BASE + "/DongBoHoSoMC/ThemMoi")
                || path.equals(BASE + "/DongBoHoSoMC/CapNhat") || path.equals(BASE + "/CapNhatTienDoHoSoMC"))) {
            call(ex, path.substring(BASE.length()));
        } else if (ex.getRequestMethod().equalsIgnoreCase("POST") && path.equals(BASE + DOCUMENT_LIST)) {
            documentList(ex);
        } else if (ex.getRequestMethod().equalsIgnoreCase("GET") && path.startsWith(BASE + FILES) && path.endsWith(".pdf")) {
            LocalRunner.send(ex, 200, "application/pdf", SAMPLE_PDF);
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

    /**
     * The person's document list (TH_KHO, docs/national-portal.md §5): the citizen {@link #CITIZEN} has three results
     * — an international travel-service licence and an enterprise registration certificate, whose names are those of
     * kinds in rules/warehouse.json (so they are offered for BVHTTDL-DL-002's GPCU and BVHTTDL-DL-001's DKDN), and a
     * diploma no component takes; anyone else has none. Down / timeout / slow as the other calls; wrong credentials → 401.
     */
    private void documentList(HttpExchange ex) throws IOException {
        byte[] raw = ex.getRequestBody().readNBytes(64 * 1024);
        Mode m = mode;
        // the document list's own error shape: a numeric errorCode (its refusals while down are not counted)
        if (!SandboxGate.admits(ex, m.name(), delayMs, expectedAuth, () -> { },
                (status, message) -> "{\"errorCode\": " + status + ", \"message\": \"" + message + "\"}")) return;
        String owner;
        try {
            owner = String.valueOf(Json.obj(Json.parse(new String(raw, StandardCharsets.UTF_8))).get("SoDinhDanhChuSoHuu"));
        } catch (RuntimeException bad) {
            LocalRunner.send(ex, 400, "application/json", "{\"errorCode\": 400, \"message\": \"Dữ liệu không hợp lệ\"}");
            return;
        }
        List<Object> results = new ArrayList<>();
        if (CITIZEN.equals(owner)) {
            results.add(result("000.00.00.G15-250301-0001-KQ1", "Giấy phép kinh doanh dịch vụ lữ hành quốc tế", "15/2025/GP-TCDL", "Cục Du lịch Quốc gia Việt Nam"));
            results.add(result("0312345678-DKDN", "Giấy chứng nhận đăng ký doanh nghiệp", "0312345678", "Sở Kế hoạch và Đầu tư Thành phố Hồ Chí Minh"));
            results.add(result("DHQG-2021-0042", "Bằng cử nhân", "QH-2021-0042", "Đại học Quốc gia Hà Nội"));
        }
        LocalRunner.send(ex, 200, "application/json", Json.write(Map.of("errorCode", 0, "message", "Thành công", "signature", "",
                "result", Map.of("DanhSachGiayToKetQua", results))));
    }

    private Map<String, Object> result(String code, String name, String number, String issuer) {
        return Map.of("MaKetQua", code, "TenGiayTo", name, "SoKyHieu", number, "CoQuanChuQuan", issuer,
                "DanhSachTepDinhKem", List.of(Map.of("TenTep", code + ".pdf", "DuongDan", BASE + FILES + code + ".pdf")));
    }

    private void call(HttpExchange ex, String service) throws IOException {
        byte[] raw = ex.getRequestBody().readNBytes(2 * 1024 * 1024);
        Mode m = mode;
        if (!SandboxGate.admits(ex, m.name(), delayMs, expectedAuth, () -> { synchronized (this) { refusedWhileDown++; } }, SandboxGate.ERROR_CODE)) return;
        Map<String, Object> item;
        try {
            List<Object> items = Json.list(Json.parse(new String(raw, StandardCharsets.UTF_8)));
            if (items.size() != 1) throw new IllegalArgumentException("one item per call");
            item = Json.obj(items.getFirst());
        } catch (RuntimeException bad) {
            LocalRunner.send(ex, 400, "application/json", "{\"error_code\": \"400\", \"message\": \"Dữ liệu không hợp lệ\"}");
            return;
        }
        String code = String.valueOf(item.get("MaHoSo"));
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        boolean progress = service.equals("/CapNhatTienDoHoSoMC");
        String answer;
        synchronized (this) {
            String dedup = (progress ? "progress " : "record ") + key;
            boolean known = byDossier.containsKey(code) && byDossier.get(code).stream().anyMatch(e -> !e.kind().equals("progress"));
            if (service.equals("/DongBoHoSoMC/ThemMoi") && known && !(key != null && taken.contains(dedup))) {
                answer = "{\"error_code\": \"-3\", \"message\": \"Hồ sơ " + code.replace("\"", "") + " đã tồn tại\"}";
            } else if (key != null && !taken.add(dedup)) {
                duplicates.merge(code, 1, Integer::sum);
                answer = "{\"error_code\": \"0\", \"message\": \"Đã nhận trước đó (trùng khóa) - thành công\"}";
            } else if (progress && !known) {
                answer = "{\"error_code\": \"2\", \"message\": \"Không tìm thấy hồ sơ " + code.replace("\"", "") + "\"}";
            } else {
                String kind = progress ? "progress" : service.endsWith("ThemMoi") ? "create" : "update";
                Object status = progress ? item.get("TrangThai") : item.get("TrangThaiHoSo");
                byDossier.computeIfAbsent(code, k -> new ArrayList<>()).add(new Entry(kind, key, String.valueOf(status), Instant.now(), item));
                answer = "{\"error_code\": \"0\", \"message\": \"Đồng bộ thành công\"}";
            }
        }
        LocalRunner.send(ex, 200, "application/json", answer);
    }

    /**
     * The people's document lists ("kho quản lý dữ liệu điện tử"): every result document of the latest record of each
     * dossier, under its owner's identifier (SoGiayToChuHoSo). The portal fills the list from the records' results
     * (DanhSachGiayToKetQua) — the only way a result was seen to reach it in public implementations (docs/national-portal.md §5).
     */
    private Map<String, List<Object>> documentLists() {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        byDossier.forEach((code, entries) -> {
            Entry latest = null;
            for (Entry e : entries) if (!e.kind().equals("progress")) latest = e;
            if (latest == null || !(latest.body().get("DanhSachGiayToKetQua") instanceof List<?> docs) || docs.isEmpty()) return;
            String owner = String.valueOf(latest.body().get("SoGiayToChuHoSo"));
            for (Object o : docs) {
                Map<String, Object> d = new LinkedHashMap<>(Json.obj(o));
                d.put("MaHoSo", code);
                out.computeIfAbsent(owner, k -> new ArrayList<>()).add(d);
            }
        });
        return out;
    }

    /** What was taken, per dossier code in order, and the resends dropped. */
    synchronized Map<String, Object> snapshot() {
        Map<String, Object> dossiers = new LinkedHashMap<>();
        byDossier.forEach((code, entries) -> dossiers.put(code, entries.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", e.kind());
            m.put("key", e.key());
            m.put("status", e.status());
            m.put("at", e.at().toString());
            m.put("body", e.body());
            return (Object) m;
        }).toList()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
        out.put("dossiers", dossiers);
        out.put("duplicates", new LinkedHashMap<>(duplicates));
        out.put("documentLists", documentLists());
        out.put("refusedWhileDown", refusedWhileDown);
        return out;
    }

    private synchronized String html() {
        StringBuilder b = new StringBuilder("""
                <!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng DVC quốc gia (sandbox)</title>
                <style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse;margin-bottom:1.5rem}
                td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}</style></head><body>
                <h1>Cổng Dịch vụ công quốc gia — sandbox / National portal sandbox</h1>
                """);
        b.append("<p>Chế độ / mode: <b>").append(esc(mode.name().toLowerCase(java.util.Locale.ROOT))).append("</b>; gọi bị từ chối khi ngừng / refused while down: ")
                .append(refusedWhileDown).append("</p>");
        if (byDossier.isEmpty()) b.append("<p>Chưa có dữ liệu đồng bộ. / Nothing synchronised yet.</p>");
        byDossier.forEach((code, entries) -> {
            b.append("<h2>").append(esc(code)).append("</h2><p>Gửi lại bị bỏ qua / resends dropped: ")
                    .append(duplicates.getOrDefault(code, 0)).append("</p><table><tr><th>#</th><th>loại / kind</th><th>khóa / key</th>"
                            + "<th>trạng thái / status</th><th>lúc / at</th><th>nội dung / content</th></tr>");
            int n = 1;
            for (Entry e : entries) {
                String content = e.kind().equals("progress")
                        ? String.valueOf(e.body().get("NoiDungXuLy")) + " — " + e.body().get("NguoiXuLy") + ", " + e.body().get("PhongBanXuLy")
                        : "TrangThaiHoSo " + e.body().get("TrangThaiHoSo") + ", NgayNopHoSo " + e.body().get("NgayNopHoSo")
                          + ", NgayTiepNhan " + e.body().get("NgayTiepNhan") + ", NgayTra " + e.body().get("NgayTra");
                b.append("<tr><td>").append(n++).append("</td><td>").append(esc(e.kind())).append("</td><td>").append(esc(e.key()))
                        .append("</td><td>").append(esc(e.status())).append("</td><td>").append(esc(e.at().toString()))
                        .append("</td><td>").append(esc(content)).append("</td></tr>");
            }
            b.append("</table>");
        });
        Map<String, List<Object>> lists = documentLists();
        if (!lists.isEmpty()) {
            b.append("<h2>Kho giấy tờ của công dân, tổ chức / Document lists</h2><table><tr><th>chủ hồ sơ / owner</th>"
                    + "<th>mã hồ sơ / dossier</th><th>giấy tờ / document</th><th>số / number</th><th>mã kết quả / result code</th></tr>");
            lists.forEach((owner, docs) -> docs.forEach(o -> {
                Map<String, Object> d = Json.obj(o);
                b.append("<tr><td>").append(esc(owner)).append("</td><td>").append(esc(String.valueOf(d.get("MaHoSo"))))
                        .append("</td><td>").append(esc(String.valueOf(d.get("TenGiayTo")))).append("</td><td>")
                        .append(esc(String.valueOf(d.get("GiayToId")))).append("</td><td>")
                        .append(esc(String.valueOf(d.get("MaGiayToKetQua")))).append("</td></tr>");
            }));
            b.append("</table>");
        }
        return b.append("</body></html>").toString();
    }

    private static String esc(String s) { return Html.escape(s == null ? "" : s); }
}
