package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.FakeFileLinks;
import vn.gov.bvhttdl.dvc.application.fakes.FakeGateway;
import vn.gov.bvhttdl.dvc.application.fakes.FakeUploadLinks;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryNotices;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryPayments;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryResults;
import vn.gov.bvhttdl.dvc.application.fakes.InMemorySurveyAnswers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryWorkQueues;
import vn.gov.bvhttdl.dvc.application.fakes.RecordingQueue;
import vn.gov.bvhttdl.dvc.application.fakes.RecordingReceipts;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.PaymentRules;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Process;

import java.time.LocalDate;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;
import static vn.gov.bvhttdl.dvc.application.PaymentGateway.Verdict.*;

/**
 * Issue 22 part 3: every fee-bearing level-4 procedure takes its fee online at reception (amounts, or the item of a
 * tariff the applicant chooses), the others say how their fee is paid, an abandoned attempt expires and leaves the
 * citizen's list (money that still arrives for it is credited), refunds follow each procedure's rule.
 */
class FeesOnlineTest {
    final PaymentsTest.MovingClock clock = new PaymentsTest.MovingClock(Instant.parse("2026-03-02T03:00:00Z"));
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final InMemoryPayments payments = new InMemoryPayments(dossiers);
    final BundledRules rules = new BundledRules();
    final FakeGateway vnpay = new FakeGateway("vnpay");
    final FakeGateway momo = new FakeGateway("momo");
    final Map<String, PaymentGateway> gateways = PaymentLedger.byProvider(List.of(vnpay, momo));
    final ProcedureCatalogue catalogue = ProcedureCatalogue.load();
    final PaymentRules pr = PaymentRules.standard();
    final Actor owner = Actor.citizen("owner-fees");
    final StartPayment start = new StartPayment(dossiers, payments, gateways, rules, clock);
    final ReceivePaymentCallback callbacks = new ReceivePaymentCallback(payments, dossiers, gateways, clock);
    final ReconcilePayments reconcile = new ReconcilePayments(payments, dossiers, gateways, clock);
    final CitizenDesk desk = new CitizenDesk(dossiers, dossiers, dossiers, new InMemoryWorkQueues(dossiers), rules, new RecordingQueue(),
            new FakeUploadLinks(), new FakeFileLinks(), new InMemoryNotices(), payments, gateways, new InMemoryResults(),
            new InMemorySurveyAnswers(), clock, id -> "https://dvc.example.vn/verify/" + id);

    Procedure procedure(String code) { return catalogue.find(code).orElseThrow(); }

    /**
     * A dossier of {@code code} submitted and received at the first step (the one-stop desk), then given to the
     * reception function again (a redelivery: the path that asks for the fees once the reception is stored), so the
     * test does not depend on each procedure's e-form.
     */
    String received(String code) {
        Procedure p = procedure(code);
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, owner.subject(),
                new Applicant("Đỗ Thị Hạnh", "001099000888", null, null, "0912000888", null), Map.of(), clock.instant());
        dossiers.create(c);
        Dossier.Change submitted = c.dossier().handle(new Command.Submit("{}", 0), owner, clock.instant());
        dossiers.save(submitted);
        Dossier d = submitted.dossier();
        Process.Stage first = Process.of(p).first();
        LocalDate day = LocalDate.of(2026, 3, 2);
        dossiers.save(d.handle(new Command.Receive("000.00.00.G00-260302-" + String.format("%04d", (int) (Math.random() * 9999)), day.plusDays(30),
                first.code(), first.unit(), day.plusDays(3)), ReceiveSubmission.ACTOR, clock.instant()));
        new ReceiveSubmission(dossiers, dossiers, dossiers, dossiers, rules, new RecordingReceipts(), clock).receive(d.id());
        return d.id();
    }

    PaymentGateway.Verdict deliver(FakeGateway g, String ref, String txn, long amount, Payment.Outcome outcome) {
        return PaymentsTest.verdictOf(callbacks.handle(g.provider(), FakeGateway.callback(ref, txn, amount, "VND", outcome, true), "raw"));
    }

    Actor officialOf(String id) {
        Dossier d = dossiers.find(id).orElseThrow();
        return Actor.official("mc-1", d.agencyCode(), d.processing().unit(), Post.ONE_STOP);
    }

    @Test
    void everyLevel4ProcedureWithAFeeIsPaidOnlineAndEveryOtherFeeSaysHowItIsPaid() {
        int online = 0, offline = 0;
        for (Procedure p : catalogue.all()) {
            if (p.fees().isEmpty()) {
                assertFalse(pr.paysOnline(p), p.code());
                continue;
            }
            if (p.serviceLevel() == 4) {
                online++;
                assertTrue(pr.paysOnline(p), p.code() + ": a level-4 procedure with a fee is paid online");
                assertEquals(PaymentRules.AT_RECEPTION, pr.rule(p.code()).orElseThrow().when(), p.code());
                assertFalse(pr.rule(p.code()).orElseThrow().basis().isEmpty(), p.code() + ": with its basis");
                boolean amounts = !pr.linesFor(p, LocalDate.of(2026, 3, 2)).isEmpty();
                boolean tariff = !pr.tariff(p).isEmpty();
                assertTrue(amounts ^ tariff, p.code() + ": its fees are amounts, or a tariff to choose from (not both, not neither)");
                assertTrue(pr.dueAtReception(p, LocalDate.of(2026, 3, 2)), p.code());
                assertNull(pr.how(p), p.code());
                assertNotNull(pr.rule(p.code()).orElseThrow().refundBasis(), p.code() + ": the refund rule has its basis");
            } else {
                offline++;
                assertFalse(pr.paysOnline(p), p.code());
                assertNotNull(pr.how(p), p.code() + ": a fee not paid online says how it is paid");
                assertFalse(pr.how(p).vi().isBlank() || pr.how(p).en().isBlank(), p.code() + ": in both languages");
            }
        }
        assertTrue(online >= 6 && offline >= 3, online + " online, " + offline + " not");
        assertEquals(Set.of("BVHTTDL-DL-001", "BVHTTDL-DL-002", "BVHTTDL-DL-003", "BVHTTDL-DA-001", "BVHTTDL-BQ-001", "BVHTTDL-BQ-002"),
                pr.procedures());
        // the catalogue's rates: Circular 64/2025 halves DL-001's 3,000,000 until 31 Dec 2026, then the full rate
        Procedure dl1 = procedure("BVHTTDL-DL-001");
        assertEquals(1_500_000, pr.linesFor(dl1, LocalDate.of(2026, 12, 31)).get(0).amountVnd());
        assertEquals("Thông tư 64/2025/TT-BTC", pr.linesFor(dl1, LocalDate.of(2026, 12, 31)).get(0).basis().document());
        assertEquals(3_000_000, pr.linesFor(dl1, LocalDate.of(2027, 1, 1)).get(0).amountVnd());
        assertEquals("Thông tư 33/2018/TT-BTC", pr.linesFor(dl1, LocalDate.of(2027, 1, 1)).get(0).basis().document());
        // a tariff item is priced by its own basis; an unknown item prices nothing
        Procedure film = procedure("BVHTTDL-DA-001");
        List<Payment.Line> commercial = pr.linesFor(film, LocalDate.of(2026, 3, 2), "commercial-feature-100");
        assertEquals(3_600_000, commercial.get(0).amountVnd());
        assertEquals("Thông tư 289/2016/TT-BTC", commercial.get(0).basis().document());
        assertTrue(pr.linesFor(film, LocalDate.of(2026, 3, 2), "blockbuster").isEmpty());
        assertTrue(pr.linesFor(film, LocalDate.of(2026, 3, 2)).isEmpty(), "no amount without the item");
    }

    @Test
    void eachProcedurePaidOnlineWaitsForPaymentAtReceptionAndIsPaidThroughTheSameLedger() {
        for (String code : pr.procedures()) {
            Procedure p = procedure(code);
            String id = received(code);
            Dossier d = dossiers.find(id).orElseThrow();
            assertEquals(DossierStatus.AWAITING_PAYMENT, d.status(), code);
            assertEquals(PaymentRules.AT_RECEPTION, d.processing().step(), code + ": at the one-stop desk's step");
            AuditEvent asked = dossiers.history(id).stream().filter(e -> e.action().equals("request-payment")).findFirst().orElseThrow();
            List<PaymentRules.TariffItem> tariff = pr.tariff(p);
            String item = tariff.isEmpty() ? null : tariff.get(tariff.size() - 1).code();
            long expected = tariff.isEmpty() ? pr.linesFor(p, LocalDate.of(2026, 3, 2)).stream().mapToLong(Payment.Line::amountVnd).sum()
                    : tariff.get(tariff.size() - 1).amountVnd();
            if (tariff.isEmpty()) {
                assertEquals(Long.toString(expected), asked.details().get("amountVnd"), code);
            } else {
                assertEquals("true", asked.details().get("tariff"), code + ": the applicant chooses the item when paying");
                assertFalse(asked.details().containsKey("amountVnd"), code);
                DomainException none = assertThrows(DomainException.class, () -> start.start(owner, id, "vnpay", null, null, r -> "x", "y"));
                assertEquals("tariff-item-required", none.problem(), code);
                assertEquals("tariff-item-required", assertThrows(DomainException.class,
                        () -> start.start(owner, id, "vnpay", "blockbuster", null, r -> "x", "y")).problem(), code);
                assertEquals(tariff.size(), desk.fees(owner, id).tariff().size(), code + ": the page offers the tariff");
            }
            assertTrue(desk.fees(owner, id).due(), code);
            Payment started = start.start(owner, id, "momo", item, null, r -> "x", "y").payment();
            assertEquals(expected, started.amountVnd(), code);
            assertEquals(CONFIRMED, deliver(momo, started.reference(), "T-" + code, expected, Payment.Outcome.SUCCESS), code);
            assertEquals(DossierStatus.RECEIVED, dossiers.find(id).orElseThrow().status(), code + ": paid, back at the desk");
            Payment paid = payments.find(started.reference()).orElseThrow();
            assertEquals(Payment.Status.PAID, paid.status(), code);
            assertNotNull(paid.receiptId(), code + ": receipted when credited");
        }
    }

    @Test
    void aProcedureWhoseFeeIsNotPaidOnlineIsReceivedAsBeforeAndItsPageSaysHow() {
        for (String code : List.of("BVHTTDL-DL-004", "BVHTTDL-DA-002", "BVHTTDL-BC-001")) {
            String id = received(code);
            assertEquals(DossierStatus.RECEIVED, dossiers.find(id).orElseThrow().status(), code + ": nothing waits for an online payment");
            CitizenDesk.Fees fees = desk.fees(owner, id);
            assertFalse(fees.due(), code);
            assertTrue(fees.lines().isEmpty() && fees.tariff().isEmpty(), code);
            assertNotNull(fees.how(), code);
            assertTrue(fees.how().vi().contains("Bộ phận Một cửa") && fees.how().en().contains("one-stop desk"), code);
            assertEquals("not-awaiting-payment", assertThrows(DomainException.class,
                    () -> start.start(owner, id, "vnpay", null, r -> "x", "y")).problem(), code);
        }
    }

    @Test
    void anAbandonedAttemptExpiresLeavesTheCitizensListAndMoneyThatStillArrivesIsCreditedOrRefunded() {
        String id = received("BVHTTDL-DL-001");
        long due = pr.linesFor(procedure("BVHTTDL-DL-001"), LocalDate.of(2026, 3, 2)).get(0).amountVnd();
        String abandoned = start.start(owner, id, "vnpay", null, r -> "x", "y").payment().reference();
        // the citizen left VNPay's page: asked, the provider has no final answer (status 01)
        vnpay.known.put(abandoned, new Payment.Notice("vnpay", abandoned, null, due, "VND", Payment.Outcome.PENDING, "01"));
        clock.advanceMinutes(5);
        String paid = start.start(owner, id, "momo", null, r -> "x", "y").payment().reference();
        assertEquals(CONFIRMED, deliver(momo, paid, "M1", due, Payment.Outcome.SUCCESS));
        assertEquals(List.of(abandoned, paid), desk.fees(owner, id).payments().stream().map(l -> l.payment().reference()).toList(),
                "still within its window: listed");
        // past its window and the reconciliation's margin: no longer in the citizen's list, even before reconciliation
        clock.advanceMinutes(pr.reconcileAfter().toMinutes() - 5);
        assertEquals(List.of(paid), desk.fees(owner, id).payments().stream().map(l -> l.payment().reference()).toList());
        ReconcilePayments.Report r = reconcile.run();
        assertEquals(1, r.expired(), r.toString());
        Payment expired = payments.find(abandoned).orElseThrow();
        assertEquals(Payment.Status.EXPIRED, expired.status(), "the ledger keeps it");
        assertEquals("expired", expired.note());
        assertNotNull(expired.settledAt());
        assertEquals(List.of(paid), desk.fees(owner, id).payments().stream().map(l -> l.payment().reference()).toList());
        // the money arrives after all: credited (never lost), and refunded, the dossier being paid already
        assertEquals(CONFIRMED, deliver(vnpay, abandoned, "V9", due, Payment.Outcome.SUCCESS));
        assertEquals(Payment.Status.REFUND_DUE, payments.find(abandoned).orElseThrow().status());
        assertEquals(2, desk.fees(owner, id).payments().size(), "money received is shown again, with its refund");
        assertEquals(1, reconcile.run().refunded());
        assertEquals(Payment.Status.REFUNDED, payments.find(abandoned).orElseThrow().status());

        // an expired attempt whose money arrives while the dossier still waits: credited, the dossier goes on
        String id2 = received("BVHTTDL-DL-003");
        long due2 = pr.linesFor(procedure("BVHTTDL-DL-003"), LocalDate.of(2026, 3, 2)).get(0).amountVnd();
        String late = start.start(owner, id2, "vnpay", null, r2 -> "x", "y").payment().reference();
        clock.advanceMinutes(pr.reconcileAfter().toMinutes() + 1);
        assertEquals(1, reconcile.run().expired());
        assertEquals(CONFIRMED, deliver(vnpay, late, "V10", due2, Payment.Outcome.SUCCESS));
        assertEquals(Payment.Status.PAID, payments.find(late).orElseThrow().status());
        assertEquals(DossierStatus.RECEIVED, dossiers.find(id2).orElseThrow().status());
    }

    String paidDossier(String code, String item) {
        String id = received(code);
        Payment p = start.start(owner, id, "vnpay", item, null, r -> "x", "y").payment();
        assertEquals(CONFIRMED, deliver(vnpay, p.reference(), "P-" + UUID.randomUUID(), p.amountVnd(), Payment.Outcome.SUCCESS));
        return p.reference();
    }

    String dossierOf(String ref) { return payments.find(ref).orElseThrow().dossierId(); }

    @Test
    void aRefusedWithdrawnOrStoppedDossiersFeeGoesBackOnlyWhereItsProceduresRuleSaysSo() {
        // films: Circular 289/2016 Art 4(5) forbids it, read; travel licences: no basis found, kept (confirmed false)
        PaymentRules.ProcedureRule filmRule = pr.rule("BVHTTDL-DA-001").orElseThrow();
        assertTrue(filmRule.refundWhen().isEmpty());
        assertEquals("Thông tư 289/2016/TT-BTC", filmRule.refundBasis().document());
        assertTrue(filmRule.refundBasis().confirmed());
        assertFalse(pr.rule("BVHTTDL-DL-002").orElseThrow().refundBasis().confirmed());

        String refusedFilm = paidDossier("BVHTTDL-DA-001", "noncommercial-short-60");
        new OfficialMoves(dossiers, dossiers, rules, clock).refuse(officialOf(dossierOf(refusedFilm)), dossierOf(refusedFilm), "Phim không đủ điều kiện phổ biến");
        String refusedLicence = paidDossier("BVHTTDL-DL-002", null);
        new OfficialMoves(dossiers, dossiers, rules, clock).refuse(officialOf(dossierOf(refusedLicence)), dossierOf(refusedLicence), "Giấy phép cũ không do Cục cấp");
        String withdrawn = paidDossier("BVHTTDL-BQ-001", "computer-program");
        new WithdrawDossier(dossiers, clock).withdraw(owner, dossierOf(withdrawn), "Không còn nhu cầu");
        ReconcilePayments.Report r = reconcile.run();
        assertEquals(0, r.refundsAsked() + r.refunded(), r.toString());
        for (String ref : List.of(refusedFilm, refusedLicence, withdrawn)) {
            assertEquals(Payment.Status.PAID, payments.find(ref).orElseThrow().status(), ref + ": kept under the procedure's rule");
        }
        assertTrue(vnpay.refunds.isEmpty());

        // a procedure whose rule returns the fee when refused (as data): refunded
        Map<String, PaymentRules.ProcedureRule> byProcedure = new HashMap<>(pr.byProcedure());
        PaymentRules.ProcedureRule dl2 = pr.rule("BVHTTDL-DL-002").orElseThrow();
        byProcedure.put(dl2.code(), new PaymentRules.ProcedureRule(dl2.code(), true, dl2.when(), dl2.basis(), dl2.tariff(), dl2.how(),
                Set.of(DossierStatus.REFUSED), dl2.refundBasis()));
        PaymentRules refunding = new PaymentRules(pr.waitAt(), Map.copyOf(byProcedure), pr.expiry(), pr.reconcileAfter(), pr.refundWhenDefault(),
                pr.providers(), pr.basis());
        String refused2 = paidDossier("BVHTTDL-DL-002", null);
        new OfficialMoves(dossiers, dossiers, rules, clock).refuse(officialOf(dossierOf(refused2)), dossierOf(refused2), "Hồ sơ giả mạo");
        ReconcilePayments.Report r2 = new ReconcilePayments(payments, dossiers, gateways, clock, refunding).run();
        assertEquals(1, r2.refunded(), r2.toString());
        assertEquals(Payment.Status.REFUNDED, payments.find(refused2).orElseThrow().status());
        assertTrue(payments.find(refused2).orElseThrow().refund().reason().contains("refused"));
        assertEquals(Payment.Status.PAID, payments.find(refusedFilm).orElseThrow().status(), "the film's rule is unchanged");
    }

    @Test
    void aDoublePaymentIsAlwaysRefundedWhateverTheProceduresRule() {
        String id = received("BVHTTDL-DA-001");
        Payment a = start.start(owner, id, "vnpay", "commercial-feature-150", null, r -> "x", "y").payment();
        Payment b = start.start(owner, id, "momo", "commercial-feature-150", null, r -> "x", "y").payment();
        assertEquals(5_400_000, a.amountVnd(), "1.5 episodes of 3,600,000");
        assertEquals(CONFIRMED, deliver(vnpay, a.reference(), "D1", a.amountVnd(), Payment.Outcome.SUCCESS));
        assertEquals(CONFIRMED, deliver(momo, b.reference(), "D2", b.amountVnd(), Payment.Outcome.SUCCESS));
        assertEquals(Payment.Status.PAID, payments.find(a.reference()).orElseThrow().status());
        assertEquals(Payment.Status.REFUND_DUE, payments.find(b.reference()).orElseThrow().status());
        assertEquals(1, reconcile.run().refunded());
        assertEquals(Payment.Status.REFUNDED, payments.find(b.reference()).orElseThrow().status());
        assertEquals(List.of(b.reference() + "R"), momo.refunds);
    }
}
