package vn.gov.bvhttdl.dvc.bench;

import com.sun.net.httpserver.HttpServer;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fresh data for the national portal's samples — a new dossier id on the outbox's stream records, a freshly received
 * dossier (version 3) for the sync's message — and a tiny portal in the harness's JVM that answers every call
 * {@code {"error_code":"0"}} and records the idempotency keys it was sent, so that each sample is checked to have sent.
 */
final class NationalSeed {
    private NationalSeed() {}

    /** The two sample stream records (a new version, then a change that keeps it) of a new dossier id. */
    static String outboxEvent(Path root, DossierStore store) {
        return NoticeSeed.read(root, "national-outbox-stream.json").replace("REPLACED-BY-TEST", UUID.randomUUID().toString());
    }

    /** The sample outbox message for version 3 (received) of a freshly received dossier; remembers the event's key. */
    static String syncEvent(Path root, DossierStore store, Portal portal) {
        AuditEvent received = NoticeSeed.received(store, "bench-national", "national@example.vn");
        portal.expect(received.dossierId() + "#3");
        return NoticeSeed.read(root, "national-sync-message.json").replace("REPLACED-BY-TEST", received.dossierId());
    }

    /**
     * The sample scheduled event of the inbox; the stand-in portal holds one new dossier (no files: created, submitted
     * and acknowledged in the same invocation) for the sample to take.
     */
    static String inboxEvent(Path root, Portal portal) {
        portal.submit("000.00.00.G22-BENCH-" + UUID.randomUUID().toString().substring(0, 8));
        return NoticeSeed.read(root, "national-inbox.json");
    }

    /**
     * The national portal's stand-in: answers success to every POST, keeps the {@code Idempotency-Key}s; as the
     * inbox it hands out the dossier last submitted until it is acknowledged.
     */
    static final class Portal implements AutoCloseable {
        private final HttpServer server;
        private final Set<String> keys = ConcurrentHashMap.newKeySet();
        private volatile String expected;

        Portal() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", ex -> {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
                if (key != null) keys.add(key);
                String path = ex.getRequestURI().getPath();
                String answer = "{\"error_code\":\"0\",\"message\":\"thành công\"}";
                if (path.endsWith("/HoSoDVCQG/ChoTiepNhan")) {
                    String code = waiting;
                    answer = "{\"error_code\":\"0\",\"message\":\"thành công\",\"data\":[" + (code == null ? "" : "{\"MaHoSo\":\"" + code
                            + "\",\"MaTTHC\":\"BVHTTDL-DL-003\",\"ChuHoSo\":\"Bench Quoc Gia\",\"SoGiayToChuHoSo\":\"001099000888\","
                            + "\"LoaiDoiTuong\":\"1\",\"TaiKhoanDuocXacThucVoiVNeID\":\"1\",\"TaiLieuNop\":[]}") + "]}";
                } else if (path.endsWith("/HoSoDVCQG/XacNhanTiepNhan") && waiting != null && body.contains(waiting)) {
                    keys.add("ack " + waiting);
                    waiting = null;
                }
                byte[] out = answer.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                ex.sendResponseHeaders(200, out.length);
                ex.getResponseBody().write(out);
                ex.close();
            });
            server.start();
        }

        String url() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/portal"; }

        void expect(String key) { expected = key; }

        private volatile String waiting;

        /** Holds one dossier "submitted on the national portal" for the inbox, and expects its acknowledgement. */
        void submit(String nationalCode) {
            waiting = nationalCode;
            expected = "ack " + nationalCode;
        }

        /** Fails unless the last seeded event reached the portal. */
        void check() {
            if (expected == null || !keys.contains(expected)) throw new IllegalStateException("the portal was not sent event " + expected);
        }

        @Override
        public void close() { server.stop(0); }
    }
}
