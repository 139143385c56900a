package vn.gov.bvhttdl.dvc.adapters.national;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.NationalCatalogue;
import vn.gov.bvhttdl.dvc.application.NationalCatalogue.Unavailable.Reason;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** The national procedure database's client against a local HTTP server: the request it makes and what each answer means. */
class DvcqgNationalCatalogueTest {
    HttpServer server;
    final AtomicReference<Object[]> reply = new AtomicReference<>();
    final List<String[]> seen = new CopyOnWriteArrayList<>();
    String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            seen.add(new String[]{ex.getRequestMethod(), ex.getRequestURI().toString(), ex.getRequestHeaders().getFirst("Authorization"),
                    ex.getRequestHeaders().getFirst("madonvi"), ex.getRequestHeaders().getFirst("dstcode")});
            Object[] r = reply.get();
            try {
                Thread.sleep((Long) r[2]);
            } catch (InterruptedException ignored) {
                return;
            }
            byte[] out = ((String) r[1]).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders((Integer) r[0], out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/csdl/";
    }

    @AfterEach
    void stop() { server.stop(0); }

    NationalCatalogue catalogue(String url) {
        return new DvcqgNationalCatalogue(() -> url, () -> "{\"username\": \"u\", \"password\": \"p\", \"unitCode\": \"000.00.12.G17\", \"destinationCode\": \"DVCQG\"}",
                Duration.ofMillis(800));
    }

    void answer(int status, String body) { reply.set(new Object[]{status, body, 0L}); }

    @Test
    void readsTheListWithTheCredentialsAndCodes() {
        answer(200, "{\"error_code\": \"0\", \"message\": \"Thành công\", \"result\": [{\"MATTHC\": \"BVHTTDL-DL-001\", \"TENTTHC\": \"Cấp giấy phép\","
                + " \"MUCDO\": 4, \"COQUANTHUCHIEN\": [\"Cục Du lịch Quốc gia Việt Nam\", \"Bộ VHTTDL\"], \"QUYETDINHCONGBO\": \"QĐ 1/2026\"},"
                + " {\"MATTHC\": \"1.000001\"}]}");
        List<NationalCatalogue.NationalProcedure> list = catalogue(base).procedures();
        assertEquals(List.of(new NationalCatalogue.NationalProcedure("BVHTTDL-DL-001", "Cấp giấy phép", "4", "Cục Du lịch Quốc gia Việt Nam; Bộ VHTTDL", "QĐ 1/2026"),
                new NationalCatalogue.NationalProcedure("1.000001", "", "", "", "")), list);
        String[] r = seen.getFirst();
        assertEquals("GET", r[0]);
        assertEquals("/csdl/LayDanhSachTTHC?madonvi=000.00.12.G17", r[1]);
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8)), r[2]);
        assertEquals("000.00.12.G17", r[3]);
        assertEquals("DVCQG", r[4]);
    }

    @Test
    void aBlankAddressIsNotConfiguredAndAsksNothing() {
        for (String url : new String[]{"", "  ", null}) {
            var e = assertThrows(NationalCatalogue.Unavailable.class, () -> catalogue(url).procedures());
            assertEquals(Reason.NOT_CONFIGURED, e.reason());
        }
        assertTrue(seen.isEmpty());
    }

    @Test
    void everyFailureIsUnreachable() {
        String[][] answers = {{"503", "{\"error_code\": \"503\"}"}, {"401", "{}"}, {"200", "<html>proxy</html>"},
                {"200", "{\"error_code\": \"-1\", \"message\": \"Lỗi\"}"}, {"200", "{\"error_code\": \"0\"}"}, {"200", "{\"error_code\": 0, \"result\": [1]}"}};
        for (String[] a : answers) {
            answer(Integer.parseInt(a[0]), a[1]);
            var e = assertThrows(NationalCatalogue.Unavailable.class, () -> catalogue(base).procedures(), a[1]);
            assertEquals(Reason.UNREACHABLE, e.reason(), a[1]);
        }
        reply.set(new Object[]{200, "{\"error_code\": \"0\", \"result\": []}", 3000L});
        var slow = assertThrows(NationalCatalogue.Unavailable.class, () -> catalogue(base).procedures());
        assertEquals(Reason.UNREACHABLE, slow.reason());
        assertTrue(slow.getMessage().contains("no answer"), slow.getMessage());
        server.stop(0);
        assertEquals(Reason.UNREACHABLE, assertThrows(NationalCatalogue.Unavailable.class, () -> catalogue(base).procedures()).reason());
    }
}
