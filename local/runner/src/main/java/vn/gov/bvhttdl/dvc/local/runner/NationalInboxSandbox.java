package vn.gov.bvhttdl.dvc.local.runner;

import com.sun.net.httpserver.HttpExchange;
import vn.gov.bvhttdl.dvc.domain.Html;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The National Public Service Portal's side of the inbound dossiers (issue #20), in the shapes the adapter speaks
 * ({@code adapters.national.DvcqgInbox}, docs/national-portal.md §3): it holds dossiers "submitted on the national
 * portal" for this Ministry and hands them out at POST {@code /sandbox/national-portal/inbox/HoSoDVCQG/ChoTiepNhan}
 * until they are acknowledged at {@code …/HoSoDVCQG/XacNhanTiepNhan} (HTTP Basic, the credentials of
 * {@code local/sandbox/national-portal.json}); their files are served at {@code …/files/<code>/<n>}.
 *
 * <p>{@code POST /sandbox/national-portal/control/submit} submits one on demand: JSON
 * {@code {"procedureCode", "applicant": {"name", "idNumber", "kind": "citizen"|"organisation", "enterpriseCode",
 * "phone", "email"}, "verifiedWithVNeID", "form": {the e-form's fields}}} or the dev page's form; it answers the
 * national code (the e-form goes out as {@code DuLieuBieuMau}: without it, reception asks for it). The procedure's
 * mandatory components that take PDF get a generated one-page PDF each. {@code /dev/national-inbox} shows what is
 * waiting and what was taken (escaped), with a form to submit a sample; {@code .json} the same as data.
 */
final class NationalInboxSandbox {
    static final String BASE = "/sandbox/national-portal/inbox";
    static final String SUBMIT = "/sandbox/national-portal/control/submit";
    static final String PAGE = "/dev/national-inbox";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT).withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    /** A dossier taken: its national code, our id, when. */
    record Taken(String code, String dossierId, Instant at) {}

    private final String expectedAuth;
    private final Supplier<String> baseUrl;
    private final Map<String, Map<String, Object>> waiting = new LinkedHashMap<>();
    private final Map<String, List<byte[]>> files = new LinkedHashMap<>();
    private final List<Taken> taken = new ArrayList<>();
    private int sequence;

    NationalInboxSandbox(Path credentials, Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
        String user = "", password = "";
        try {
            Map<String, Object> m = Json.obj(Json.parse(Files.readString(credentials)));
            user = String.valueOf(m.get("username"));
            password = String.valueOf(m.get("password"));
        } catch (IOException e) {
            System.err.println("[national-inbox] no sandbox credentials at " + credentials + ": every call is refused");
        }
        expectedAuth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    boolean handles(String path) { return path.startsWith(BASE + "/") || path.equals(SUBMIT) || path.equals(PAGE) || path.equals(PAGE + ".json"); }

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        boolean post = ex.getRequestMethod().equalsIgnoreCase("POST");
        if (path.equals(PAGE)) {
            LocalRunner.send(ex, 200, "text/html; charset=utf-8", html());
        } else if (path.equals(PAGE + ".json")) {
            LocalRunner.send(ex, 200, "application/json", Json.write(snapshot()));
        } else if (path.equals(SUBMIT) && post) {
            submit(ex);
        } else if (!authorised(ex)) {
            LocalRunner.send(ex, 401, "application/json", "{\"error_code\": \"401\", \"message\": \"Sai thông tin xác thực\"}");
        } else if (path.equals(BASE + "/HoSoDVCQG/ChoTiepNhan") && post) {
            ex.getRequestBody().readNBytes(64 * 1024);
            List<Object> data;
            synchronized (this) { data = new ArrayList<>(waiting.values()); }
            LocalRunner.send(ex, 200, "application/json", Json.write(Map.of("error_code", "0", "message", "Lấy danh sách thành công", "data", data)));
        } else if (path.equals(BASE + "/HoSoDVCQG/XacNhanTiepNhan") && post) {
            acknowledge(ex);
        } else if (path.startsWith(BASE + "/files/") && ex.getRequestMethod().equalsIgnoreCase("GET")) {
            file(ex, path.substring((BASE + "/files/").length()));
        } else {
            LocalRunner.problem(ex, 404, "no-such-resource", "Không có tài nguyên tại địa chỉ này.", "There is nothing at this address.");
        }
    }

    private boolean authorised(HttpExchange ex) { return expectedAuth.equals(ex.getRequestHeaders().getFirst("Authorization")); }

    private void acknowledge(HttpExchange ex) throws IOException {
        List<Object> items;
        try {
            items = Json.list(Json.parse(new String(ex.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8)));
        } catch (RuntimeException bad) {
            LocalRunner.send(ex, 400, "application/json", "{\"error_code\": \"400\", \"message\": \"Dữ liệu không hợp lệ\"}");
            return;
        }
        synchronized (this) {
            for (Object o : items) {
                Map<String, Object> m = Json.obj(o);
                String code = String.valueOf(m.get("MaHoSo"));
                if (waiting.remove(code) != null) taken.add(new Taken(code, String.valueOf(m.get("MaHoSoBoNganh")), Instant.now()));
            }
        }
        LocalRunner.send(ex, 200, "application/json", "{\"error_code\": \"0\", \"message\": \"Xác nhận tiếp nhận thành công\"}");
    }

    private void file(HttpExchange ex, String rest) throws IOException {
        int slash = rest.lastIndexOf('/');
        byte[] bytes = null;
        if (slash > 0) {
            synchronized (this) {
                List<byte[]> list = files.get(URLDecoder.decode(rest.substring(0, slash), StandardCharsets.UTF_8));
                try {
                    int n = Integer.parseInt(rest.substring(slash + 1));
                    if (list != null && n >= 0 && n < list.size()) bytes = list.get(n);
                } catch (NumberFormatException ignored) {
                    // no such file
                }
            }
        }
        if (bytes == null) {
            LocalRunner.problem(ex, 404, "no-such-resource", "Không có tệp này.", "No such file.");
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "application/pdf");
        Exchanges.sendHeaders(ex, 200, bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Submits a dossier "on the national portal" from the control endpoint's JSON or the dev page's form. */
    private void submit(HttpExchange ex) throws IOException {
        String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
        String raw = new String(ex.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
        Map<String, String> in = new LinkedHashMap<>();
        boolean fromPage = !type.contains("json");
        try {
            if (fromPage) {
                for (String pair : raw.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) in.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            } else {
                Map<String, Object> m = Json.obj(Json.parse(raw));
                if (m.get("procedureCode") != null) in.put("procedureCode", String.valueOf(m.get("procedureCode")));
                if (m.get("verifiedWithVNeID") != null) in.put("verifiedWithVNeID", String.valueOf(m.get("verifiedWithVNeID")));
                if (m.get("applicant") instanceof Map<?, ?> a) Json.obj(a).forEach((k, v) -> { if (v != null) in.put(k, String.valueOf(v)); });
                // the e-form as filled on the national portal (DuLieuBieuMau): its fields as "form.<name>"
                if (m.get("form") instanceof Map<?, ?> f) Json.obj(f).forEach((k, v) -> { if (v != null) in.put("form." + k, String.valueOf(v)); });
            }
        } catch (RuntimeException bad) {
            LocalRunner.problem(ex, 400, "malformed-request", "Nội dung không đọc được.", "The body cannot be read.");
            return;
        }
        String code = submit(in);
        if (fromPage) {
            ex.getResponseHeaders().set("Location", PAGE);
            LocalRunner.send(ex, 303, "text/plain; charset=utf-8", "");
        } else {
            LocalRunner.send(ex, 201, "application/json", Json.write(Map.of("MaHoSo", code)));
        }
    }

    /** Submits one dossier; returns its national code. Anything missing gets the sandbox citizen's value. */
    synchronized String submit(Map<String, String> in) {
        Instant now = Instant.now();
        String code = "000.00.00.G22-" + DAY.format(now) + "-" + String.format(Locale.ROOT, "%04d", ++sequence);
        String procedureCode = in.getOrDefault("procedureCode", "BVHTTDL-DL-003").strip();
        boolean organisation = "organisation".equalsIgnoreCase(in.getOrDefault("kind", "citizen"));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("MaHoSo", code);
        r.put("MaTTHC", procedureCode);
        r.put("ChuHoSo", in.getOrDefault("name", organisation ? "Công ty TNHH Truyền thông Sen Vàng" : "Nguyễn Văn An"));
        r.put("LoaiDoiTuong", organisation ? "2" : "1");
        String personal = in.getOrDefault("idNumber", organisation ? "079190004567" : "001099012345");
        r.put("SoGiayToChuHoSo", organisation ? in.getOrDefault("enterpriseCode", "0312345678") : personal);
        r.put("DinhDanhCHS", List.of(Map.of("LoaiDinhDanh", "1", "SoDinhDanh", personal)));
        r.put("DiaChiChuHoSo", in.getOrDefault("address", "Hà Nội"));
        r.put("SoDienThoai", in.getOrDefault("phone", "0912345678"));
        r.put("Email", in.getOrDefault("email", "an.nguyen@example.vn"));
        r.put("TaiKhoanDuocXacThucVoiVNeID", "false".equalsIgnoreCase(in.get("verifiedWithVNeID")) ? "0" : "1");
        r.put("NgayNopHoSo", DATE.format(now));
        r.put("NoiNopHoSo", "1");
        Map<String, String> eform = new LinkedHashMap<>();
        in.forEach((k, v) -> { if (k.startsWith("form.") && k.length() > 5) eform.put(k.substring(5), v); });
        if (!eform.isEmpty()) r.put("DuLieuBieuMau", eform);
        List<Object> docs = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        Procedure p = ProcedureCatalogue.load().find(procedureCode).orElse(null);
        if (p != null) {
            for (Procedure.Component c : p.components()) {
                if (!c.mandatory() || !c.formats().contains("pdf")) continue;
                docs.add(Map.of("TepDinhKemId", code + "/" + bytes.size(), "MaThanhPhanHoSo", c.code(),
                        "TenTepDinhKem", c.code().toLowerCase(Locale.ROOT) + ".pdf", "IsDeleted", "False",
                        "DuongDanTaiTepTin", baseUrl.get() + BASE + "/files/" + code + "/" + bytes.size()));
                bytes.add(pdf(code + " " + c.code()));
            }
        }
        r.put("TaiLieuNop", docs);
        waiting.put(code, r);
        files.put(code, bytes);
        return code;
    }

    /** A one-page PDF (what the scan accepts) whose text is {@code text} (ASCII). */
    static byte[] pdf(String text) {
        String content = "BT /F1 12 Tf 50 780 Td (" + text.replaceAll("[^A-Za-z0-9 ._-]", "") + ") Tj ET";
        List<String> objs = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
        StringBuilder out = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objs.size(); i++) {
            offsets.add(out.length());
            out.append(i + 1).append(" 0 obj\n").append(objs.get(i)).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objs.size() + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) out.append(String.format(Locale.ROOT, "%010d 00000 n \n", o));
        out.append("trailer\n<< /Size ").append(objs.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** What is waiting (the records as handed out) and what was taken. */
    synchronized Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("waiting", new ArrayList<>(waiting.values()));
        out.put("taken", taken.stream().map(t -> (Object) Map.of("MaHoSo", t.code(), "dossierId", t.dossierId(), "at", t.at().toString())).toList());
        return out;
    }

    private synchronized String html() {
        StringBuilder b = new StringBuilder("""
                <!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Hồ sơ nộp trên Cổng DVC quốc gia (sandbox)</title>
                <style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse;margin-bottom:1.5rem}
                td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}label{display:block;margin:.3rem 0}</style></head><body>
                <h1>Hồ sơ nộp trên Cổng DVC quốc gia — sandbox / Dossiers submitted on the national portal</h1>
                <p>Hàm NationalInboxFunction nhận các hồ sơ đang chờ mỗi 5 phút (lịch của template.yaml). /
                NationalInboxFunction takes the waiting dossiers every 5 minutes (template.yaml's schedule).</p>
                <h2>Nộp thử một hồ sơ / Submit a sample dossier</h2>
                <form method="post" action="/sandbox/national-portal/control/submit">
                <label>Mã thủ tục / procedure code <input name="procedureCode" value="BVHTTDL-DL-003" required></label>
                <label>Loại / kind <select name="kind"><option value="citizen">Công dân / citizen</option>
                <option value="organisation">Tổ chức / organisation</option></select></label>
                <label>Họ tên hoặc tên tổ chức / name <input name="name" value="Nguyễn Văn An"></label>
                <label>Số định danh cá nhân / personal ID <input name="idNumber" value="001099012345"></label>
                <label>Mã số doanh nghiệp (tổ chức) / enterprise code <input name="enterpriseCode" value="0312345678"></label>
                <button type="submit">Nộp trên Cổng quốc gia / Submit on the national portal</button></form>
                """);
        b.append("<h2>Đang chờ Bộ tiếp nhận / Waiting (").append(waiting.size()).append(")</h2>");
        if (waiting.isEmpty()) b.append("<p>Không có. / None.</p>");
        else {
            b.append("<table><tr><th>mã hồ sơ / code</th><th>thủ tục / procedure</th><th>chủ hồ sơ / owner</th><th>nộp lúc / submitted</th><th>tệp / files</th></tr>");
            waiting.values().forEach(r -> b.append("<tr><td>").append(esc(r.get("MaHoSo"))).append("</td><td>").append(esc(r.get("MaTTHC")))
                    .append("</td><td>").append(esc(r.get("ChuHoSo"))).append("</td><td>").append(esc(r.get("NgayNopHoSo")))
                    .append("</td><td>").append(((List<?>) r.get("TaiLieuNop")).size()).append("</td></tr>"));
            b.append("</table>");
        }
        b.append("<h2>Đã được Bộ tiếp nhận / Taken (").append(taken.size()).append(")</h2>");
        if (taken.isEmpty()) b.append("<p>Chưa có. / None yet.</p>");
        else {
            b.append("<table><tr><th>mã hồ sơ / code</th><th>hồ sơ của Bộ / dossier here</th><th>lúc / at</th></tr>");
            taken.forEach(t -> b.append("<tr><td>").append(esc(t.code())).append("</td><td>").append(esc(t.dossierId()))
                    .append("</td><td>").append(esc(t.at().toString())).append("</td></tr>"));
            b.append("</table>");
        }
        return b.append("<p><a href=\"/dev/national-portal\">Đồng bộ đi / outbound sync</a></p></body></html>").toString();
    }

    private static String esc(Object s) { return Html.escape(s == null ? "" : String.valueOf(s)); }
}
