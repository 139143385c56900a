package vn.gov.bvhttdl.dvc.paymentcallback;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.PaymentStore;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Citation;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The payment-callback function fed the sample VNPay IPN of events/ (signed with the sandbox's development secret),
 * against dynoxide: the first delivery credits and moves the dossier in one transaction, the same again is "already
 * confirmed", a changed amount no longer verifies, and every delivery is kept as received.
 */
class PaymentCallbackHandlerIT {
    static DossierStore store;
    static PaymentStore payments;

    @BeforeAll
    static void start() {
        TestStack.get();
        System.setProperty("PAYMENT_SECRETS_FILE", Emulators.repoRoot().resolve("local/sandbox/payments.json").toString());
        store = DossierStore.fromSettings();
        payments = vn.gov.bvhttdl.dvc.adapters.Table.of(store).payments();
    }

    /** A DL-002 dossier waiting for payment, and the pending payment the sample event is about. */
    static String awaitingPayment(String reference) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-002").orElseThrow();
        Instant now = Instant.parse("2026-12-01T02:20:00Z");
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, "owner-ipn",
                new Applicant("Trần Thị Ngân", "001099000555", null, null, "0911000555", null), Map.of(), now);
        store.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner-ipn"), now);
        store.save(s);
        Dossier.Change r = s.dossier().handle(new Command.Receive("000.00.12.G17-261201-0001", LocalDate.of(2026, 12, 8), "reception", "MOTCUA",
                LocalDate.of(2026, 12, 2)), Actor.system("validation"), now);
        store.save(r);
        store.save(r.dossier().handle(new Command.RequestPayment(1_000_000, 1), Actor.system("validation"), now));
        payments.create(new Payment(reference, c.dossier().id(), "000.00.12.G17-261201-0001", "owner-ipn", "CDLQG", "vnpay",
                List.of(new Payment.Line(new Text("Phí thẩm định cấp đổi giấy phép", "Appraisal fee"), 1_000_000,
                        new Citation("Thông tư 64/2025/TT-BTC", "Điều 1", true, null))), 1_000_000, Payment.Status.PENDING, now,
                now.plusSeconds(900), null, null, null, null, null, 1));
        return c.dossier().id();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSampleIpnCreditsOnceAndATamperedCopyIsRefused() throws Exception {
        Map<String, Object> event = (Map<String, Object>) Json.parse(Files.readString(Emulators.repoRoot().resolve("events/payment-callback-vnpay-ipn.json")));
        Map<String, String> q = (Map<String, String>) event.get("queryStringParameters");
        String reference = q.get("vnp_TxnRef");
        String id = awaitingPayment(reference);
        try (PaymentCallbackHandler handler = new PaymentCallbackHandler()) {
            Map<String, Object> first = handler.handleRequest(event, null);
            assertEquals(200, first.get("statusCode"));
            assertEquals("00", Json.obj(Json.parse((String) first.get("body"))).get("RspCode"), first.toString());
            Dossier d = store.find(id).orElseThrow();
            assertEquals(DossierStatus.RECEIVED, d.status());
            assertEquals("confirm-payment", store.history(id).get(store.history(id).size() - 1).action());
            Payment p = payments.find(reference).orElseThrow();
            assertEquals(Payment.Status.PAID, p.status());
            assertEquals(q.get("vnp_TransactionNo"), p.transaction());

            Map<String, Object> again = handler.handleRequest(event, null);
            assertEquals("02", Json.obj(Json.parse((String) again.get("body"))).get("RspCode"));

            Map<String, Object> tampered = new LinkedHashMap<>(event);
            Map<String, String> tq = new LinkedHashMap<>(q);
            tq.put("vnp_Amount", "100");
            tampered.put("queryStringParameters", tq);
            Map<String, Object> forged = handler.handleRequest(tampered, null);
            assertEquals(200, forged.get("statusCode"), "a provider's error code, not a 5xx");
            assertEquals("97", Json.obj(Json.parse((String) forged.get("body"))).get("RspCode"));

            Map<String, Object> elsewhere = new LinkedHashMap<>(event);
            elsewhere.put("rawPath", "/api/payments/bitcoin/ipn");
            assertEquals(404, handler.handleRequest(elsewhere, null).get("statusCode"));
        }
        assertEquals(1, store.history(id).stream().filter(e -> e.action().equals("confirm-payment")).count());
        List<Map<String, String>> kept = payments.callbacks("vnpay", reference);
        assertEquals(3, kept.size(), "every delivery kept as received");
        assertEquals(List.of("CONFIRMED", "ALREADY", "BAD_SIGNATURE"), kept.stream().map(k -> k.get("verdict")).toList());
        assertTrue(kept.get(0).get("raw").contains("vnp_SecureHash="), "the raw query is what is kept");
    }
}
