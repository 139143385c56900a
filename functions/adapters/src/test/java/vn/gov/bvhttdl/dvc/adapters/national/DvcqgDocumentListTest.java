package vn.gov.bvhttdl.dvc.adapters.national;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.DocumentList;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** The national document list's HTTP client (TH_KHO) against a local server: the request it makes and what each answer means. */
class DvcqgDocumentListTest {
    static final String TWO = """
            {"errorCode": 0, "message": "Thành công", "signature": "x", "result": {"DanhSachGiayToKetQua": [
              {"MaKetQua": "G01.KQ.2025.0001", "TenGiayTo": "Giấy phép kinh doanh dịch vụ lữ hành nội địa", "SoKyHieu": "12/GP-SDL",
               "CoQuanChuQuan": "Sở Du lịch", "DanhSachTepDinhKem": [{"TenTep": "gp.pdf", "DuongDan": "https://kho.example/gp.pdf"}]},
              {"MaKetQua": "G01.KQ.2025.0002", "TenGiayTo": "Bằng tốt nghiệp", "SoKyHieu": null, "CoQuanChuQuan": "Trường X"}]}}""";

    HttpServer server;
    final AtomicReference<Object[]> reply = new AtomicReference<>(new Object[]{200, TWO, 0L});
    final List<String[]> seen = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    DvcqgDocumentList list;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            seen.add(new String[]{ex.getRequestMethod(), ex.getRequestURI().getPath(),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("madonvi")});
            Object[] r = reply.get();
            try {
                Thread.sleep((Long) r[2]);
            } catch (InterruptedException ignored) {
                return;
            }
            byte[] out = ((String) r[1]).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders((Integer) r[0], out.length == 0 ? -1 : out.length);
            if (out.length > 0) ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        list = new DvcqgDocumentList(() -> URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/"),
                () -> "{\"username\": \"u\", \"password\": \"p\", \"unitCode\": \"000.00.00.G15\", \"destinationCode\": \"d\"}",
                Duration.ofMillis(800), failures::add);
    }

    @AfterEach
    void stop() { server.stop(0); }

    @Test
    void thePersonsResultsAreReadWithTheirCodeNameNumberIssuerAndFiles() {
        List<DocumentList.Result> r = list.find("079199001234", "1.001234");
        assertEquals(2, r.size());
        assertEquals(new DocumentList.Result("G01.KQ.2025.0001", "Giấy phép kinh doanh dịch vụ lữ hành nội địa", "12/GP-SDL",
                "Sở Du lịch", List.of(new DocumentList.File("gp.pdf", "https://kho.example/gp.pdf"))), r.get(0));
        assertNull(r.get(1).numberAndSymbol());
        assertTrue(r.get(1).files().isEmpty());
        String[] req = seen.getFirst();
        assertEquals("POST", req[0]);
        assertEquals("/api" + DvcqgDocumentList.PATH, req[1]);
        Map<String, Object> body = Json.obj(Json.parse(req[2]));
        assertEquals("079199001234", body.get("SoDinhDanhChuSoHuu"));
        assertEquals("079199001234", body.get("SoDinhDanhNguoiYeuCau"));
        assertEquals("1.001234", body.get("MaThuTuc"));
        assertEquals(List.of(), body.get("DanhSachDanhMucKetQua"));
        assertEquals("Basic dTpw", req[3]);
        assertEquals("000.00.00.G15", req[4]);
        assertTrue(failures.isEmpty());
    }

    @Test
    void aPortalThatRefusesFailsOrAnswersNonsenseGivesNoResultsAndALogLineWithoutTheNumber() {
        for (Object[] r : List.<Object[]>of(new Object[]{500, "oops", 0L}, new Object[]{401, "", 0L},
                new Object[]{200, "<html>proxy</html>", 0L}, new Object[]{200, "{\"errorCode\": 99, \"message\": \"Sai chữ ký\"}", 0L})) {
            reply.set(r);
            assertEquals(List.of(), list.find("079199001234", "1.001234"));
        }
        assertEquals(4, failures.size());
        assertTrue(failures.stream().noneMatch(f -> f.contains("079199001234")), failures.toString());
    }

    @Test
    void anEmptyListIsNoResultsNotAFailure() {
        reply.set(new Object[]{200, "{\"errorCode\": \"0\", \"result\": {\"DanhSachGiayToKetQua\": []}}", 0L});
        assertEquals(List.of(), list.find("079199001234", "1.001234"));
        assertTrue(failures.isEmpty());
    }

    @Test
    void aSlowPortalIsNoResultsWithinTheTimeout() {
        reply.set(new Object[]{200, TWO, 3000L});
        long t0 = System.nanoTime();
        assertEquals(List.of(), list.find("079199001234", "1.001234"));
        assertTrue(System.nanoTime() - t0 < 2_500_000_000L);
        assertTrue(failures.getFirst().contains("no answer"), failures.toString());
    }

    @Test
    void noNumberOrUnreadableCredentialsAskNothing() {
        assertEquals(List.of(), list.find(null, "1.001234"));
        assertEquals(List.of(), list.find("not-a-number", "1.001234"));
        assertTrue(seen.isEmpty());
        DvcqgDocumentList broken = new DvcqgDocumentList(() -> URI.create("http://127.0.0.1:1/"),
                () -> { throw new IllegalStateException("no secret"); }, Duration.ofMillis(300), failures::add);
        assertEquals(List.of(), broken.find("079199001234", "1.001234"));
        assertTrue(seen.isEmpty());
    }
}
