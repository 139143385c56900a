package vn.gov.bvhttdl.dvc.adapters.national;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.NationalPortal;
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

/** The HTTP client of the national portal against a local HTTP server: the envelope it posts and what each answer means. */
class DvcqgNationalPortalTest {
    HttpServer server;
    final AtomicReference<Object[]> reply = new AtomicReference<>(new Object[]{200, "{\"error_code\": \"0\", \"message\": \"Thành công\"}", 0L});
    final List<String[]> seen = new CopyOnWriteArrayList<>();
    DvcqgNationalPortal portal;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new String[]{ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Idempotency-Key"),
                    ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("madonvi"), body});
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
        portal = new DvcqgNationalPortal(() -> URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/"),
                DvcqgNationalPortal.Paths.DEFAULT,
                () -> "{\"username\": \"u\", \"password\": \"p\", \"unitCode\": \"000.00.12.G17\", \"destinationCode\": \"DVCQG\"}",
                Duration.ofMillis(800));
    }

    @AfterEach
    void stop() { server.stop(0); }

    NationalPortal.DossierRecord record() {
        return new NationalPortal.DossierRecord("d1", 2, Map.of("MaHoSo", "000.00.12.G17-260302-0001", "TrangThaiHoSo", "1"));
    }

    @Test
    void postsOneRecordInAnArrayWithItsKeyAndCredentials() {
        assertEquals(NationalPortal.Outcome.DONE, portal.sync(record(), "d1#2").outcome());
        String[] r = seen.getFirst();
        assertEquals("/api/DongBoHoSoMC/ThemMoi", r[0]);
        assertEquals("d1#2", r[1]);
        assertTrue(r[2].startsWith("Basic "));
        assertEquals("000.00.12.G17", r[3]);
        Object sent = Json.parse(r[4]);
        assertEquals(List.of(Map.of("MaHoSo", "000.00.12.G17-260302-0001", "TrangThaiHoSo", "1")), sent);
        portal.progress(new NationalPortal.ProgressEntry("d1", 2, Map.of("TrangThai", "1")), "d1#2");
        assertEquals("/api/CapNhatTienDoHoSoMC", seen.getLast()[0]);
    }

    @Test
    void eachAnswerMeansWhatTheRulesSay() {
        reply.set(new Object[]{200, "{\"error_code\": -3, \"message\": \"Hồ sơ đã tồn tại\"}", 0L});
        assertEquals(NationalPortal.Outcome.EXISTS, portal.sync(record(), "k").outcome());
        reply.set(new Object[]{200, "{\"error_code\": \"1\", \"message\": \"Mã TTHC không tồn tại trên hệ thống\"}", 0L});
        NationalPortal.Answer refused = portal.sync(record(), "k");
        assertEquals(NationalPortal.Outcome.REFUSED, refused.outcome());
        assertTrue(refused.detail().contains("Mã TTHC"), refused.detail());
        reply.set(new Object[]{503, "down", 0L});
        assertEquals(NationalPortal.Outcome.TRANSIENT, portal.sync(record(), "k").outcome());
        reply.set(new Object[]{429, "slow down", 0L});
        assertEquals(NationalPortal.Outcome.TRANSIENT, portal.sync(record(), "k").outcome());
        reply.set(new Object[]{400, "{\"error\": \"bad\"}", 0L});
        assertEquals(NationalPortal.Outcome.REFUSED, portal.sync(record(), "k").outcome());
        reply.set(new Object[]{200, "<html>proxy</html>", 0L});
        assertEquals(NationalPortal.Outcome.TRANSIENT, portal.sync(record(), "k").outcome());
    }

    @Test
    void aSlowPortalIsATransientFailureAndADownOneToo() {
        reply.set(new Object[]{200, "{\"error_code\": \"0\", \"message\": \"Thành công\"}", 3000L});
        long t0 = System.nanoTime();
        NationalPortal.Answer a = portal.sync(record(), "k");
        assertEquals(NationalPortal.Outcome.TRANSIENT, a.outcome(), a.detail());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 2500, "the timeout cut it short");
        server.stop(0);
        assertEquals(NationalPortal.Outcome.TRANSIENT, portal.sync(record(), "k").outcome());
    }
}
