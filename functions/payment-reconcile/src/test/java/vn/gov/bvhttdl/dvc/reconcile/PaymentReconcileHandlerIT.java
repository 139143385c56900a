package vn.gov.bvhttdl.dvc.reconcile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.PaymentStore;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The reconciliation function fed the sample scheduled event of events/, against dynoxide (the ByPaymentState index):
 * a paid dossier that was refused is due for refund; with the provider unreachable (no sandbox here) nothing is lost
 * and the next run asks again; a pending payment younger than the delay is not asked about.
 */
class PaymentReconcileHandlerIT {
    static DossierStore store;
    static PaymentStore payments;

    @BeforeAll
    static void start() throws Exception {
        TestStack.get();
        // the sandbox file with no runner behind {sandbox}: every provider call fails to connect
        System.setProperty("PAYMENT_SECRETS_FILE", Emulators.repoRoot().resolve("local/sandbox/payments.json").toString());
        System.setProperty("PAYMENT_SANDBOX_BASE", "http://127.0.0.1:9");
        store = DossierStore.fromSettings();
        payments = vn.gov.bvhttdl.dvc.adapters.Table.of(store).payments();
    }

    /** A DL-002 dossier paid, then paid again (a second tab), then refused: the kept fee and the double payment. */
    static Payment[] paidTwiceAndRefused() {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-002").orElseThrow();
        Instant now = Instant.now();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, "owner-rec",
                new Applicant("Phan Văn Lộc", "001099000556", null, null, "0911000556", null), Map.of(), now);
        store.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner-rec"), now);
        store.save(s);
        Dossier.Change r = s.dossier().handle(new Command.Receive("000.00.12.G17-261201-" + (2000 + (int) (Math.random() * 7000)), LocalDate.now().plusDays(7),
                "reception", "MOTCUA", LocalDate.now().plusDays(1)), Actor.system("validation"), now);
        store.save(r);
        Dossier.Change w = r.dossier().handle(new Command.RequestPayment(1_000_000, 1), Actor.system("validation"), now);
        store.save(w);
        String ref = "TT261201R" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
        Payment pending = new Payment(ref, c.dossier().id(), r.dossier().code(), "owner-rec", "CDLQG", "vnpay",
                List.of(new Payment.Line(new Text("Phí", "Fee"), 1_000_000, null)), 1_000_000, Payment.Status.PENDING, now, now.plusSeconds(900),
                null, null, null, null, null, 1);
        payments.create(pending);
        Payment paid = pending.apply(new Payment.Notice("vnpay", ref, "T" + ref, 1_000_000, "VND", Payment.Outcome.SUCCESS, "00"), now).next().credited("x".repeat(26));
        Dossier.Change confirmed = w.dossier().handle(new Command.ConfirmPayment(ref, "vnpay", "T" + ref, 1_000_000), Actor.system("payments"), now);
        payments.save(paid, confirmed);
        // a second tab's payment arrives after the first was credited: the ledger credits it and marks it for refund
        String ref2 = "TT261201S" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
        payments.create(new Payment(ref2, c.dossier().id(), r.dossier().code(), "owner-rec", "CDLQG", "vnpay",
                List.of(new Payment.Line(new Text("Phí", "Fee"), 1_000_000, null)), 1_000_000, Payment.Status.PENDING, now, now.plusSeconds(900),
                null, null, null, null, null, 1));
        assertEquals(vn.gov.bvhttdl.dvc.application.PaymentGateway.Verdict.CONFIRMED,
                new vn.gov.bvhttdl.dvc.application.PaymentLedger(payments, store, java.time.Clock.systemUTC())
                        .apply(new Payment.Notice("vnpay", ref2, "T" + ref2, 1_000_000, "VND", Payment.Outcome.SUCCESS, "00")));
        store.save(confirmed.dossier().handle(new Command.Refuse("Không đủ điều kiện"), Actor.official("mc", "CDLQG", "MOTCUA", null), now));
        return new Payment[] {paid, payments.find(ref2).orElseThrow()};
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSampleEventKeepsARefusedDossiersFeeAndLosesNoRefundWhileTheProviderIsDown() throws Exception {
        Payment[] two = paidTwiceAndRefused();
        Payment kept = two[0];
        Payment paid = two[1];
        assertEquals(Payment.Status.REFUND_DUE, paid.status(), "a double payment is due for refund at once");
        Map<String, Object> scheduled = (Map<String, Object>) Json.parse(Files.readString(Emulators.repoRoot().resolve("events/payment-reconcile-scheduled.json")));
        assertEquals("Scheduled Event", scheduled.get("detail-type"));
        try (PaymentReconcileHandler handler = new PaymentReconcileHandler()) {
            Map<String, Object> first = handler.handleRequest(scheduled, null);
            assertTrue(((Number) first.get("unreachable")).intValue() >= 1, first.toString());
            Payment due = payments.find(paid.reference()).orElseThrow();
            assertEquals(Payment.Status.REFUND_DUE, due.status());
            assertEquals(paid.reference() + "R", due.refund().id());
            assertTrue(due.refund().reason().contains("did not wait"), due.refund().reason());
            // DL-002's rule (rules/payments.json): the refused dossier's appraisal fee is kept
            assertEquals(Payment.Status.PAID, payments.find(kept.reference()).orElseThrow().status());
            Map<String, Object> second = handler.handleRequest(scheduled, null);
            assertEquals(Payment.Status.REFUND_DUE, payments.find(paid.reference()).orElseThrow().status(), "still due, asked again: " + second);
            assertEquals(0, ((Number) second.get("refunded")).intValue());
        }
    }
}
