package vn.gov.bvhttdl.dvc.adapters.tax;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.TaxAuthority;
import vn.gov.bvhttdl.dvc.domain.ElectronicReceipt;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.ReceiptRules;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** The tax authority's HTTP client against a local server: the summary table it posts and what each answer means. */
class TaxAuthorityApiTest {
    HttpServer server;
    final AtomicReference<Object[]> reply = new AtomicReference<>(new Object[]{200, "{\"error_code\": \"0\", \"message\": \"Tiếp nhận\"}", 0L});
    final List<String[]> seen = new CopyOnWriteArrayList<>();
    TaxAuthorityApi api;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new String[]{ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Idempotency-Key"),
                    ex.getRequestHeaders().getFirst("Authorization"), body});
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
        api = new TaxAuthorityApi(() -> "http://127.0.0.1:" + server.getAddress().getPort() + "/thue/", () -> "{\"username\": \"u\", \"password\": \"p\"}",
                Duration.ofMillis(800));
    }

    @AfterEach
    void stop() { server.stop(0); }

    static ElectronicReceipt receipt() {
        Instant at = Instant.parse("2026-08-03T03:00:00Z");
        Payment paid = new Payment("TT260803ABCDEFGHIJ", "d-1", "000.00.12.G17-260803-0001", "owner", "CDLQG", "vnpay",
                List.of(new Payment.Line(new Text("Phí thẩm định", "Fee"), 1_250_000, null), new Payment.Line(new Text("Lệ phí", "Charge"), 105_000, null)),
                1_355_000, Payment.Status.PAID, at.minusSeconds(600), at.plusSeconds(300), "14012345", at, "abcdefghijkmnpqrstuvwxyz23", null, null, 2);
        ReceiptRules rules = ReceiptRules.standard();
        return ElectronicReceipt.draft(paid, "Đỗ Thị Hạnh", rules, rules.collector("CDLQG").orElseThrow()).numbered(12);
    }

    @Test
    void postsTheSummaryTableOfOneReceiptWithItsXmlUnderItsKey() {
        ElectronicReceipt r = receipt();
        assertEquals(TaxAuthority.Outcome.DONE, api.send(r, r.id()).outcome());
        String[] s = seen.getFirst();
        assertEquals("/thue" + TaxAuthorityApi.PATH, s[0]);
        assertEquals(r.id(), s[1]);
        assertEquals("Basic " + Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8)), s[2]);
        Map<String, Object> body = Json.obj(Json.parse(s[3]));
        assertEquals("01/TH-BLĐT", body.get("MauSo"));
        assertEquals(r.collectorTaxCode(), body.get("MaSoThue"));
        assertEquals("2026-08-03", body.get("KyDuLieu"));
        Map<String, Object> line = Json.obj(Json.list(body.get("DuLieu")).getFirst());
        assertEquals("EBL01", line.get("KyHieuMauBienLai"));
        assertEquals(r.receiptSymbol(), line.get("KyHieuBienLai"));
        assertEquals("00000012", line.get("SoBienLai"));
        assertEquals(1_355_000L, ((Number) line.get("TongTien")).longValue());
        assertEquals(r.totalInWords(), line.get("TongTienBangChu"));
        String xml = new String(Base64.getDecoder().decode((String) body.get("DuLieuBienLai")), StandardCharsets.UTF_8);
        assertEquals(r.toXml(), xml);
    }

    @Test
    void eachAnswerMeansWhatItSays() {
        ElectronicReceipt r = receipt();
        reply.set(new Object[]{503, "down", 0L});
        assertEquals(TaxAuthority.Outcome.TRANSIENT, api.send(r, r.id()).outcome());
        reply.set(new Object[]{200, "{\"error_code\": \"0\"}", 1500L});
        TaxAuthority.Answer slow = api.send(r, r.id());
        assertEquals(TaxAuthority.Outcome.TRANSIENT, slow.outcome());
        assertTrue(slow.detail().contains("no answer"), slow.detail());
        reply.set(new Object[]{400, "{\"error_code\": \"12\", \"message\": \"Sai định dạng\"}", 0L});
        assertEquals(TaxAuthority.Outcome.REFUSED, api.send(r, r.id()).outcome());
        reply.set(new Object[]{200, "{\"error_code\": \"7\", \"message\": \"MST không hợp lệ\"}", 0L});
        TaxAuthority.Answer refused = api.send(r, r.id());
        assertEquals(TaxAuthority.Outcome.REFUSED, refused.outcome());
        assertTrue(refused.detail().contains("error_code 7"), refused.detail());
        reply.set(new Object[]{200, "<html>proxy</html>", 0L});
        assertEquals(TaxAuthority.Outcome.TRANSIENT, api.send(r, r.id()).outcome());
    }

    @Test
    void aBlankAddressIsNotConfigured() {
        assertFalse(new TaxAuthorityApi(() -> " ", () -> { throw new AssertionError("no secret read"); }, Duration.ofSeconds(1)).configured());
        assertFalse(new TaxAuthorityApi(() -> null, () -> "{}", Duration.ofSeconds(1)).configured());
        assertTrue(api.configured());
    }
}
