package vn.gov.bvhttdl.dvc.local.runner;

import com.sun.net.httpserver.HttpExchange;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The national database of administrative procedures (CSDLQG về TTHC) as a sandbox (issue #20, part 4), in the shape
 * {@code adapters.national.DvcqgNationalCatalogue} assumes: {@code GET /sandbox/national-catalogue/LayDanhSachTTHC}
 * with the national portal's sandbox credentials ({@code local/sandbox/national-portal.json}, HTTP Basic), answered
 * {@code {"error_code": "0", "message", "result": [{MATTHC, TENTTHC, MUCDO, COQUANTHUCHIEN, QUYETDINHCONGBO}]}}.
 *
 * <p>It is seeded from the bundled catalogue with three deliberate differences, so that the administrators' report
 * has something to show: {@link #MISSING_THERE} is left out (missing nationally), {@link #RENAMED} carries another
 * name, and {@link #ONLY_THERE} is a procedure the catalogue does not have (missing here). {@code POST
 * /sandbox/national-catalogue/control} ({@code mode=up|down}) makes it answer 503.
 */
final class NationalCatalogueSandbox {
    static final String BASE = "/sandbox/national-catalogue";
    static final String MISSING_THERE = "BVHTTDL-DA-002";
    static final String RENAMED = "BVHTTDL-MT-001";
    static final String ONLY_THERE = "1.012345";

    private final String expectedAuth;
    private volatile boolean down;

    NationalCatalogueSandbox(Path credentials) {
        String user = "", password = "";
        try {
            Map<String, Object> m = Json.obj(Json.parse(Files.readString(credentials)));
            user = String.valueOf(m.get("username"));
            password = String.valueOf(m.get("password"));
        } catch (IOException e) {
            System.err.println("[national-catalogue] no sandbox credentials at " + credentials + ": every call is refused");
        }
        expectedAuth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    boolean handles(String path) { return path.equals(BASE) || path.startsWith(BASE + "/"); }

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        if (path.equals(BASE + "/control") && ex.getRequestMethod().equalsIgnoreCase("POST")) {
            String form = new String(ex.getRequestBody().readNBytes(1024), StandardCharsets.UTF_8);
            String mode = "up";
            for (String pair : form.split("&")) {
                if (pair.startsWith("mode=")) mode = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8).strip();
            }
            if (!mode.equals("up") && !mode.equals("down")) {
                LocalRunner.problem(ex, 400, "malformed-request", "Chế độ không hợp lệ (up, down).", "Unknown mode (up, down).");
                return;
            }
            down = mode.equals("down");
            LocalRunner.send(ex, 200, "application/json", Json.write(Map.of("mode", mode)));
        } else if (path.equals(BASE + "/LayDanhSachTTHC") && ex.getRequestMethod().equalsIgnoreCase("GET")) {
            if (down) {
                LocalRunner.send(ex, 503, "application/json", "{\"error_code\": \"503\", \"message\": \"Hệ thống đang bảo trì\"}");
            } else if (!expectedAuth.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                LocalRunner.send(ex, 401, "application/json", "{\"error_code\": \"401\", \"message\": \"Sai thông tin xác thực\"}");
            } else {
                LocalRunner.send(ex, 200, "application/json", Json.write(Map.of("error_code", "0", "message", "Thành công", "result", procedures())));
            }
        } else {
            LocalRunner.problem(ex, 404, "no-such-resource", "Không có tài nguyên tại địa chỉ này.", "There is nothing at this address.");
        }
    }

    /** The bundled catalogue in force today with the three differences. */
    static List<Map<String, Object>> procedures() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Procedure p : ProcedureCatalogue.load().all()) {
            if (p.repealed() || p.code().equals(MISSING_THERE)) continue;
            String name = p.name().vi();
            if (p.code().equals(RENAMED)) name = name + " (tên theo quyết định công bố mới)";
            out.add(item(p.code(), name, Integer.toString(p.serviceLevel()), p.agencyName().vi(),
                    p.decision() == null || p.decision().document() == null ? "" : p.decision().document()));
        }
        out.add(item(ONLY_THERE, "Thủ tục chỉ có trong Cơ sở dữ liệu quốc gia (hộp cát)", "3", "Bộ Văn hóa, Thể thao và Du lịch", "Quyết định (hộp cát)"));
        return out;
    }

    private static Map<String, Object> item(String code, String name, String level, String agency, String decision) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("MATTHC", code);
        m.put("TENTTHC", name);
        m.put("MUCDO", level);
        m.put("COQUANTHUCHIEN", agency);
        m.put("QUYETDINHCONGBO", decision);
        return m;
    }
}
