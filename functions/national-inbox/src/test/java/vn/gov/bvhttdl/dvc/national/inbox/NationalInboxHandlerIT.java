package vn.gov.bvhttdl.dvc.national.inbox;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Facts;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The inbox function fed the sample scheduled event of events/, against dynoxide, ElasticMQ and S3Proxy, with a local
 * HTTP server in the national portal's place: with no inbox URL it does nothing and succeeds; with one, a dossier
 * without files is created, submitted (handed to reception) and acknowledged with our id, one with a file has it
 * fetched into the uploads under the key the scan judges and waits for the scan, not acknowledged, and a second run
 * creates nothing again; an unknown procedure is counted and left waiting.
 */
class NationalInboxHandlerIT {
    static HttpServer portal;
    static DossierStore store;
    static final List<String> acks = new CopyOnWriteArrayList<>();
    static final String run = UUID.randomUUID().toString().substring(0, 8);
    static final String plain = "H22.IT-" + run + "-0001", withFile = "H22.IT-" + run + "-0002", unknown = "H22.IT-" + run + "-0003";

    static Map<String, Object> record(String code, String procedure, String id, List<Object> files) {
        return Map.of("MaHoSo", code, "MaTTHC", procedure, "ChuHoSo", "Phạm Thị Quốc", "SoGiayToChuHoSo", id, "LoaiDoiTuong", "1",
                "TaiKhoanDuocXacThucVoiVNeID", "1", "NgayNopHoSo", "20261201090000", "SoDienThoai", "0912000777", "TaiLieuNop", files);
    }

    @BeforeAll
    static void start() throws Exception {
        TestStack.get();
        store = DossierStore.fromSettings();
        portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:%d";
        portal.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] out;
            String type = "application/json";
            if (path.endsWith("/HoSoDVCQG/ChoTiepNhan")) {
                String self = String.format(base, portal.getAddress().getPort());
                List<Object> data = new java.util.ArrayList<>();
                if (!acks.contains(plain)) data.add(record(plain, "BVHTTDL-DL-003", "001099"
                        + String.format("%06d", Math.abs(run.hashCode()) % 1_000_000), List.of()));
                data.add(record(withFile, "BVHTTDL-DL-003", "001098" + String.format("%06d", Math.abs(run.hashCode()) % 1_000_000),
                        List.of(Map.of("MaThanhPhanHoSo", "DON", "TenTepDinhKem", "don.pdf", "DuongDanTaiTepTin", self + "/files/don.pdf"))));
                data.add(record(unknown, "1.999999.000.00.00.H99", "001097000001", List.of()));
                out = Json.write(Map.of("error_code", "0", "message", "thành công", "data", data)).getBytes(StandardCharsets.UTF_8);
            } else if (path.endsWith("/HoSoDVCQG/XacNhanTiepNhan")) {
                for (Object o : Json.list(Json.parse(body))) acks.add(Json.obj(o).get("MaHoSo") + "=" + Json.obj(o).get("MaHoSoBoNganh"));
                acks.add(String.valueOf(Json.obj(Json.list(Json.parse(body)).getFirst()).get("MaHoSo")));
                out = "{\"error_code\": \"0\", \"message\": \"Xác nhận thành công\"}".getBytes(StandardCharsets.UTF_8);
            } else if (path.equals("/files/don.pdf")) {
                out = "%PDF-1.4\n% don de nghi\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
                type = "application/pdf";
            } else {
                out = "{}".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", type);
                ex.sendResponseHeaders(404, out.length);
                ex.getResponseBody().write(out);
                ex.close();
                return;
            }
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        portal.start();
        System.setProperty("NATIONAL_PORTAL_SECRETS_FILE", Emulators.repoRoot().resolve("local/sandbox/national-portal.json").toString());
    }

    @AfterAll
    static void stop() {
        portal.stop(0);
        System.clearProperty("NATIONAL_INBOX_URL");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> sample() throws Exception {
        Map<String, Object> e = (Map<String, Object>) Json.parse(Files.readString(Emulators.repoRoot().resolve("events/national-inbox.json")));
        assertEquals("Scheduled Event", e.get("detail-type"));
        return e;
    }

    @Test
    void withoutAnInboxUrlItDoesNothingAndSucceeds() throws Exception {
        System.setProperty("NATIONAL_INBOX_URL", "");
        try (NationalInboxHandler handler = new NationalInboxHandler()) {
            Map<String, Object> r = handler.handleRequest(sample(), null);
            assertNotNull(r.get("skipped"), r.toString());
        }
    }

    @Test
    void theSampleEventTakesTheWaitingDossiersOnce() throws Exception {
        System.setProperty("NATIONAL_INBOX_URL", "http://127.0.0.1:" + portal.getAddress().getPort() + "/dvcqg");
        try (NationalInboxHandler handler = new NationalInboxHandler()) {
            Map<String, Object> first = handler.handleRequest(sample(), null);
            assertEquals(1L, ((Number) first.get("received")).longValue(), first.toString());
            assertEquals(1L, ((Number) first.get("waiting_for_scan")).longValue(), first.toString());
            assertEquals(1L, ((Number) first.get("unknown_procedure")).longValue(), first.toString());
            String ack = acks.stream().filter(a -> a.startsWith(plain + "=")).findFirst().orElseThrow(() -> new AssertionError(acks.toString()));
            Dossier d = store.find(ack.substring(ack.indexOf('=') + 1)).orElseThrow();
            assertEquals(DossierStatus.SUBMITTED, d.status());
            assertEquals(Facts.Origin.NATIONAL_PORTAL, d.facts().origin());
            assertEquals(plain, d.facts().nationalCode());
            assertTrue(d.facts().identityVerified());
            assertTrue(d.ownerId().startsWith(Command.Claim.UNCLAIMED), d.ownerId());
            assertEquals("BVHTTDL-DL-003", d.procedureCode());

            Map<String, Object> second = handler.handleRequest(sample(), null);
            assertEquals(0L, ((Number) second.get("received")).longValue(), second.toString());
            assertEquals(1L, ((Number) second.get("waiting_for_scan")).longValue(), "the file still waits for the scan: " + second);
            assertTrue(acks.stream().noneMatch(a -> a.startsWith(withFile)), "not acknowledged before it is submitted: " + acks);
            assertTrue(acks.stream().noneMatch(a -> a.startsWith(unknown)), "an unknown procedure is never acknowledged: " + acks);
        }
    }
}
