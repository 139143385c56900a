package vn.gov.bvhttdl.dvc.adapters.national;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.EnterpriseRegistry;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** The enterprise database's HTTP client against a local server: the request it makes and what each answer means. */
class DkkdEnterpriseRegistryTest {
    static final String SEN_VANG = """
            {"GetEntCert": [{"MaNoiBo": "1", "MaSoDoanhNghiep": "0312345678", "TenTiengViet": "CÔNG TY TNHH DU LỊCH SEN VÀNG",
              "NgayDangKyLanDau": "2015-03-02T00:00:00", "TinhTrangPhapLy": [{"TinhTrangPhapLy": "Đang hoạt động", "MaTinhTrangPhapLy": "1"}],
              "DaiDienPhapLuat": [{"ThongTinCaNhan": [{"HoVaTen": "TRẦN THỊ BÌNH"}]}],
              "DiaChiTruSo": [{"DiaChi": [{"QuocGia": "Việt Nam", "TenTinhThanh": "Thành phố Hồ Chí Minh", "TenPhuongXa": "Phường Sài Gòn",
                "SoNha": "12 Nguyễn Huệ"}]}]}]}""";

    HttpServer server;
    final AtomicReference<Object[]> reply = new AtomicReference<>(new Object[]{200, SEN_VANG, 0L});
    final List<String[]> seen = new CopyOnWriteArrayList<>();
    DkkdEnterpriseRegistry registry;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            seen.add(new String[]{ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getQuery(),
                    ex.getRequestHeaders().getFirst("Authorization")});
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
        registry = new DkkdEnterpriseRegistry(() -> URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/apiDKKD/"),
                () -> "{\"username\": \"u\", \"password\": \"p\"}", Duration.ofMillis(800));
    }

    @AfterEach
    void stop() { server.stop(0); }

    @Test
    void anEnterpriseTheDatabaseHasIsReadWithItsStatusRepresentativeAndHeadOffice() {
        EnterpriseRegistry.Lookup l = registry.find("0312345678");
        EnterpriseRegistry.Enterprise e = assertInstanceOf(EnterpriseRegistry.Found.class, l).enterprise();
        assertEquals("0312345678", e.code());
        assertEquals("CÔNG TY TNHH DU LỊCH SEN VÀNG", e.name());
        assertEquals("Đang hoạt động", e.status());
        assertEquals(LocalDate.of(2015, 3, 2), e.registeredOn());
        assertEquals("TRẦN THỊ BÌNH", e.representative());
        assertEquals("12 Nguyễn Huệ, Phường Sài Gòn, Thành phố Hồ Chí Minh, Việt Nam", e.headOffice());
        String[] r = seen.getFirst();
        assertEquals("GET", r[0]);
        assertEquals("/apiDKKD/DoanhNghiep/chiTietDoanhNghiep", r[1]);
        assertEquals("msdn=0312345678", r[2]);
        assertEquals("Basic dTpw", r[3]);
    }

    @Test
    void noEnterpriseIsNotFound() {
        reply.set(new Object[]{200, "{\"GetEntCert\": null}", 0L});
        assertInstanceOf(EnterpriseRegistry.NotFound.class, registry.find("0399999999"));
        reply.set(new Object[]{404, "", 0L});
        assertInstanceOf(EnterpriseRegistry.NotFound.class, registry.find("0399999999"));
        assertInstanceOf(EnterpriseRegistry.NotFound.class, registry.find("not-a-code"), "not even asked");
        assertEquals(2, seen.size());
    }

    @Test
    void aFailureTimeoutOrForeignPageIsUnavailableWithoutTheCode() {
        reply.set(new Object[]{503, "down", 0L});
        EnterpriseRegistry.Unavailable down = assertInstanceOf(EnterpriseRegistry.Unavailable.class, registry.find("0312345678"));
        assertEquals("HTTP 503", down.reason());
        reply.set(new Object[]{200, "<html>proxy</html>", 0L});
        assertInstanceOf(EnterpriseRegistry.Unavailable.class, registry.find("0312345678"));
        reply.set(new Object[]{200, SEN_VANG, 2000L});
        EnterpriseRegistry.Unavailable slow = assertInstanceOf(EnterpriseRegistry.Unavailable.class, registry.find("0312345678"));
        assertFalse(slow.reason().contains("0312345678"));
        server.stop(0);
        assertInstanceOf(EnterpriseRegistry.Unavailable.class, registry.find("0312345678"), "nobody listening");
    }

    @Test
    void datesInTheFormsSeen() {
        assertEquals(LocalDate.of(2015, 3, 2), DkkdEnterpriseRegistry.date("02/03/2015"));
        assertEquals(LocalDate.of(2015, 3, 2), DkkdEnterpriseRegistry.date("20150302"));
        assertNull(DkkdEnterpriseRegistry.date("sometime"));
    }
}
