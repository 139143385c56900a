package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.FakeGateway;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryPayments;
import vn.gov.bvhttdl.dvc.application.fakes.RecordingQueue;
import vn.gov.bvhttdl.dvc.application.fakes.RecordingReceipts;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.AmountInWords;
import vn.gov.bvhttdl.dvc.domain.ElectronicReceipt;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.ReceiptRules;
import vn.gov.bvhttdl.dvc.domain.PaymentRules;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;
import static vn.gov.bvhttdl.dvc.application.PaymentGateway.Verdict.*;

/** Online payment through the use cases and the in-memory ports: the ledger, the dossier's moves, reconciliation, refunds. */
class PaymentsTest {
    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        final AtomicReference<Instant> now;

        MovingClock(Instant start) { now = new AtomicReference<>(start); }

        void advanceMinutes(long m) { now.updateAndGet(t -> t.plusSeconds(60 * m)); }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    }

    final MovingClock clock = new MovingClock(Instant.parse("2026-03-02T03:00:00Z"));
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final InMemoryPayments payments = new InMemoryPayments(dossiers);
    final BundledRules rules = new BundledRules();
    final FakeGateway vnpay = new FakeGateway("vnpay");
    final FakeGateway momo = new FakeGateway("momo");
    final Map<String, PaymentGateway> gateways = PaymentLedger.byProvider(List.of(vnpay, momo));
    final Procedure replacement = ProcedureCatalogue.load().find("BVHTTDL-DL-002").orElseThrow();
    final Actor owner = Actor.citizen("owner-pay");
    final StartPayment start = new StartPayment(dossiers, payments, gateways, rules, clock);
    final vn.gov.bvhttdl.dvc.application.fakes.RecordingMetrics metrics = new vn.gov.bvhttdl.dvc.application.fakes.RecordingMetrics();
    final ReceivePaymentCallback callbacks = new ReceivePaymentCallback(payments, dossiers, null, gateways, clock, metrics);
    final ReconcilePayments reconcile = new ReconcilePayments(payments, dossiers, gateways, clock);

    /** A DL-002 dossier submitted and received: it waits for payment at reception. */
    String awaitingPayment() {
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), replacement, owner.subject(),
                new Applicant("Đỗ Thị Hạnh", "001099000888", null, null, "0912000888", null),
                Map.of("licenceNumber", "01-123/2019/TCDL-GP", "reason", "registration-change"), clock.instant());
        dossiers.create(c);
        for (var comp : replacement.components()) {
            Attachment a = new Attachment(c.dossier().id(), "dossiers/" + c.dossier().id() + "/" + comp.code() + "/x", comp.code(), comp.code() + ".pdf",
                    "application/pdf", 100, Attachment.Status.PENDING, null, null, null, null, clock.instant(), null);
            dossiers.addFile(a.scanned(Attachment.Status.ACCEPTED, null, "pdf", "00", 1, clock.instant()));
        }
        String id = c.dossier().id();
        new SubmitDossier(dossiers, dossiers, rules, new RecordingQueue(), clock).submit(owner, id);
        assertEquals(ReceiveSubmission.Outcome.RECEIVED, new ReceiveSubmission(dossiers, dossiers, dossiers, dossiers, rules, new RecordingReceipts(), clock).receive(id));
        return id;
    }

    long due(String id) {
        return PaymentRules.standard().linesFor(replacement, LocalDate.of(2026, 3, 2)).stream().mapToLong(Payment.Line::amountVnd).sum();
    }

    PaymentGateway.Verdict deliver(FakeGateway g, String ref, String txn, long amount, Payment.Outcome outcome) {
        PaymentGateway.Answer a = callbacks.handle(g.provider(), FakeGateway.callback(ref, txn, amount, "VND", outcome, true), "raw");
        return verdictOf(a);
    }

    static PaymentGateway.Verdict verdictOf(PaymentGateway.Answer a) {
        return switch (a.body().replaceAll("\\D", "")) {
            case "00" -> CONFIRMED;
            case "01" -> NOT_FOUND;
            case "02" -> ALREADY;
            case "04" -> WRONG_AMOUNT;
            case "97" -> BAD_SIGNATURE;
            default -> ERROR;
        };
    }

    long credits(String id) {
        return dossiers.history(id).stream().filter(e -> e.action().equals("confirm-payment")).count();
    }

    @Test
    void receptionRequestsTheFeesInForceOnTheDayOfSubmissionWithTheirBasis() {
        String id = awaitingPayment();
        Dossier d = dossiers.find(id).orElseThrow();
        assertEquals(DossierStatus.AWAITING_PAYMENT, d.status());
        assertEquals("reception", d.processing().step(), "it waits at the step the payment rules name");
        AuditEvent request = dossiers.history(id).stream().filter(e -> e.action().equals("request-payment")).findFirst().orElseThrow();
        // Circular 64/2025: 50 % of the 2,000,000 of Circular 33/2018 from 1 Jul 2025 to 31 Dec 2026
        assertEquals("1000000", request.details().get("amountVnd"));
        List<Payment.Line> lines = start.lines(d);
        assertEquals("Thông tư 64/2025/TT-BTC", lines.get(0).basis().document());
        // a redelivered submission asks nothing twice
        new ReceiveSubmission(dossiers, dossiers, dossiers, dossiers, rules, new RecordingReceipts(), clock).receive(id);
        assertEquals(1, dossiers.history(id).stream().filter(e -> e.action().equals("request-payment")).count());
        // a level-3 procedure (DL-004) pays nothing online; DL-003 (level 4) pays its halved 1,500,000 (FeesOnlineTest)
        assertTrue(PaymentRules.standard().linesFor(ProcedureCatalogue.load().find("BVHTTDL-DL-004").orElseThrow(), LocalDate.of(2026, 3, 2)).isEmpty());
        assertEquals(750_000, PaymentRules.standard().linesFor(ProcedureCatalogue.load().find("BVHTTDL-DL-003").orElseThrow(), LocalDate.of(2026, 3, 2))
                .get(0).amountVnd());
    }

    @Test
    void aPlatformFindsADossiersOpenBillsByItsCodeAndTheCitizenIsSentBackToTheDossierOfAPayment() {
        ReceivePaymentCallback withQueues = new ReceivePaymentCallback(payments, dossiers,
                new vn.gov.bvhttdl.dvc.application.fakes.InMemoryWorkQueues(dossiers), gateways, clock);
        String id = awaitingPayment();
        String code = dossiers.find(id).orElseThrow().code();
        assertNotNull(code, "a received dossier has its code");
        String ref = start.start(owner, id, "vnpay", null, r -> "x", "y").payment().reference();
        assertEquals(List.of(ref), withQueues.openBills("vnpay", code).stream().map(Payment::reference).toList());
        assertEquals(List.of(), withQueues.openBills("momo", code), "another provider's bills are not this one's");
        assertEquals(List.of(), withQueues.openBills("vnpay", "NO-SUCH-CODE"));
        assertEquals(java.util.Optional.of(id), withQueues.dossierOf(ref));
        assertEquals(java.util.Optional.empty(), withQueues.dossierOf("TT000000NOSUCHREF"));
        assertEquals(CONFIRMED, deliver(vnpay, ref, "T1", due(id), Payment.Outcome.SUCCESS));
        assertEquals(List.of(), withQueues.openBills("vnpay", code), "a paid bill is not open");
    }

    @Test
    void oneSuccessCreditsOnceAndMovesTheDossierOnEverythingElseChangesNothing() {
        String id = awaitingPayment();
        long amount = due(id);
        StartPayment.Started s = start.start(owner, id, "vnpay", "203.0.113.5", ref -> "https://portal/return", "https://portal/ipn");
        String ref = s.payment().reference();
        assertTrue(s.redirectUrl().contains(ref));
        assertTrue(ref.matches("TT260302[A-Z2-9]{10}"), ref);

        assertEquals(BAD_SIGNATURE, verdictOf(callbacks.handle("vnpay", FakeGateway.callback(ref, "T1", amount, "VND", Payment.Outcome.SUCCESS, false), "forged")));
        assertEquals(WRONG_AMOUNT, deliver(vnpay, ref, "T1", amount - 1, Payment.Outcome.SUCCESS));
        assertEquals(WRONG_AMOUNT, verdictOf(callbacks.handle("vnpay", FakeGateway.callback(ref, "T1", amount, "USD", Payment.Outcome.SUCCESS, true), "usd")));
        assertEquals(NOT_FOUND, deliver(vnpay, "TT000000NOSUCHREF", "T1", amount, Payment.Outcome.SUCCESS));
        assertEquals(NOT_FOUND, deliver(momo, ref, "T1", amount, Payment.Outcome.SUCCESS), "another provider's notice for this order");
        assertEquals(DossierStatus.AWAITING_PAYMENT, dossiers.find(id).orElseThrow().status(), "nothing above changed the dossier");

        assertEquals(CONFIRMED, deliver(vnpay, ref, "T1", amount, Payment.Outcome.SUCCESS));
        assertEquals(ALREADY, deliver(vnpay, ref, "T1", amount, Payment.Outcome.SUCCESS));
        assertEquals(ALREADY, deliver(vnpay, ref, "T1", amount, Payment.Outcome.FAILED), "a late failure after the success");
        Payment p = payments.find(ref).orElseThrow();
        assertEquals(java.util.List.of(ServiceMetrics.Count.of(ServiceMetrics.PAID_ONLINE, p.agencyCode())), metrics.counts(),
                "one credit, one count: the duplicates and the refused notices count nothing");
        assertEquals(Payment.Status.PAID, p.status());
        assertEquals(amount, p.amountVnd());
        assertNotNull(p.receiptId());
        Dossier d = dossiers.find(id).orElseThrow();
        assertEquals(DossierStatus.RECEIVED, d.status(), "paid: back at the desk's step, to be sent on");
        assertEquals(1, credits(id));
        assertEquals(ref, dossiers.history(id).stream().filter(e -> e.action().equals("confirm-payment")).findFirst().orElseThrow().details().get("payment"));
        // every callback was kept with the verdict answered
        assertEquals(8, payments.callbacks.size());
        assertTrue(payments.callbacks.stream().allMatch(c -> c[3] != null));
        // once paid, no new payment request
        assertEquals("not-awaiting-payment", assertThrows(DomainException.class,
                () -> start.start(owner, id, "momo", null, r -> "x", "y")).problem());
    }

    @Test
    void theEReceiptIsOfferedOnceItIsSignedAndSaidToBeIssuingUntilThen() {
        String id = awaitingPayment();
        var results = new vn.gov.bvhttdl.dvc.application.fakes.InMemoryResults();
        List<String> drawn = new java.util.ArrayList<>();
        PaymentReceipts.Renderer renderer = (e, procedure, verify) -> {
            drawn.add(e.designation());
            return new PaymentReceipts.Renderer.Signed(("%PDF-receipt " + e.designation()).getBytes(java.nio.charset.StandardCharsets.UTF_8), "CN=test");
        };
        PaymentReceipts issuer = new PaymentReceipts(dossiers, payments, results, renderer, rules, rid -> "https://portal/verify/" + rid);
        PaymentReceipts reader = new PaymentReceipts(dossiers, payments, results);
        String ref = start.start(owner, id, "vnpay", null, r -> "https://portal/return", "https://portal/ipn").payment().reference();
        assertEquals(PaymentReceipts.ReceiptState.NONE, reader.state(payments.find(ref).orElseThrow()), "not paid: no receipt");
        assertEquals(java.util.Optional.empty(), issuer.issue(ref), "nothing to issue before the credit");

        assertEquals(CONFIRMED, deliver(vnpay, ref, "T1", due(id), Payment.Outcome.SUCCESS));
        Payment paid = payments.find(ref).orElseThrow();
        assertEquals(PaymentReceipts.ReceiptState.ISSUING, reader.state(paid), "credited, its receipt not yet signed");
        assertEquals("receipt-pending", assertThrows(DomainException.class, () -> reader.receipt(owner, id, ref)).problem());
        // numbered with the credit, before anything is drawn (Decree 254/2026 Art 24(1)): the line shows it already
        ElectronicReceipt numbered = payments.receipt(paid.receiptId()).orElseThrow();
        assertEquals(numbered, reader.line(paid).eReceipt(), "the payment line carries the receipt's number and symbols");
        assertTrue(drawn.isEmpty());

        IssuedResult issued = issuer.issue(ref).orElseThrow();
        assertEquals(issued, issuer.issue(ref).orElseThrow(), "issued once: asked again, the same receipt");
        assertEquals(List.of(numbered.designation()), drawn, "drawn and signed once, from the data numbered with the credit");
        assertEquals(numbered.designation(), issued.number(), "the verification page names it by symbols and number");
        assertEquals(numbered.toXml(), new String(results.data.get(issued.id()), java.nio.charset.StandardCharsets.UTF_8),
                "the structured data beside the signed file");
        assertEquals(PaymentReceipts.ReceiptState.ISSUED, reader.state(paid));
        assertEquals(issued.id(), reader.receipt(owner, id, ref).id());
        assertEquals(paid.receiptId(), issued.id(), "stored under the verification address the ledger gave the payment");
        assertEquals("receipt-not-found", assertThrows(DomainException.class,
                () -> reader.receipt(owner, id, "TT000000NOSUCHREF")).problem());
        assertThrows(DomainException.class, () -> reader.receipt(Actor.citizen("someone-else"), id, ref), "another citizen reads no receipt");
    }

    @Test
    void eachCreditIsReceiptedAtOnceNumberedPerCollectorAndYearFromOneEachFirstOfJanuaryVietnamTime() {
        ReceiptRules.Collector tourism = ReceiptRules.standard().collector(replacement.agencyCode()).orElseThrow();
        // paid twice: both were collected, both receipted (the second then refunded), numbers 1 and 2 of 2026
        String id = awaitingPayment();
        String a = start.start(owner, id, "vnpay", null, r -> "x", "y").payment().reference();
        String b = start.start(owner, id, "momo", null, r -> "x", "y").payment().reference();
        assertEquals(CONFIRMED, deliver(vnpay, a, "A1", due(id), Payment.Outcome.SUCCESS));
        assertEquals(CONFIRMED, deliver(momo, b, "B1", due(id), Payment.Outcome.SUCCESS));
        assertEquals(ALREADY, deliver(vnpay, a, "A1", due(id), Payment.Outcome.SUCCESS), "a duplicate numbers nothing");
        ElectronicReceipt first = receiptOf(a), second = receiptOf(b);
        assertEquals(List.of(1L, 2L), List.of(first.number(), second.number()));
        assertEquals(Payment.Status.REFUND_DUE, payments.find(b).orElseThrow().status());
        assertEquals("EBL01", first.formSymbol(), "Circular 91/2026 Annex II 2(a): a receipt of fees without face value");
        assertEquals("26T" + tourism.symbolLetters(), first.receiptSymbol(), "Annex II 2(b): year, T, the collector's two letters");
        assertEquals(tourism.taxCode(), first.collectorTaxCode());
        assertEquals(tourism.name(), first.collectorName());
        assertEquals("Đỗ Thị Hạnh", first.payerName());
        Payment paid = payments.find(a).orElseThrow();
        assertEquals(paid.amountVnd(), first.totalVnd());
        assertEquals(AmountInWords.vnd(paid.amountVnd()), first.totalInWords());
        assertEquals(paid.lines().size(), first.lines().size());
        for (int i = 0; i < paid.lines().size(); i++) {
            assertEquals(paid.lines().get(i).amountVnd(), first.lines().get(i).amountVnd());
            assertEquals(AmountInWords.vnd(paid.lines().get(i).amountVnd()), first.lines().get(i).amountInWords());
        }
        assertEquals(paid.settledAt(), first.issuedAt(), "issued at the credit");
        // the last second of 2026 in Hanoi is still 2026; the next one starts 2027 at 1
        clock.now.set(Instant.parse("2026-12-31T16:59:59Z"));
        String id2 = awaitingPayment();
        String c = start.start(owner, id2, "vnpay", null, r -> "x", "y").payment().reference();
        assertEquals(CONFIRMED, deliver(vnpay, c, "C1", payments.find(c).orElseThrow().amountVnd(), Payment.Outcome.SUCCESS));
        assertEquals(List.of(2026, 3L, "26T" + tourism.symbolLetters()), List.of(receiptOf(c).year(), receiptOf(c).number(), receiptOf(c).receiptSymbol()));
        clock.now.set(Instant.parse("2026-12-31T17:00:00Z"));
        String id3 = awaitingPayment();
        String d = start.start(owner, id3, "vnpay", null, r -> "x", "y").payment().reference();
        assertEquals(CONFIRMED, deliver(vnpay, d, "D1", payments.find(d).orElseThrow().amountVnd(), Payment.Outcome.SUCCESS),
                "submitted in 2027 (Hanoi): the full rates");
        assertEquals(List.of(2027, 1L, "27T" + tourism.symbolLetters()), List.of(receiptOf(d).year(), receiptOf(d).number(), receiptOf(d).receiptSymbol()));
        assertEquals(java.time.LocalDate.of(2027, 1, 1), receiptOf(d).date());
        assertEquals(4, payments.receipts().size(), "one receipt per credit, none for a duplicate");
    }

    ElectronicReceipt receiptOf(String reference) {
        return payments.receipt(payments.find(reference).orElseThrow().receiptId()).orElseThrow();
    }

    @Test
    void theReconciliationIssuesTheReceiptsOfCreditedPaymentsAndAFailureStopsNoOther() {
        String id = awaitingPayment();
        var results = new vn.gov.bvhttdl.dvc.application.fakes.InMemoryResults();
        List<RuntimeException> failed = new java.util.ArrayList<>();
        PaymentReceipts broken = new PaymentReceipts(dossiers, payments, results,
                (e, procedure, verify) -> { throw new IllegalStateException("signer down"); }, rules, rid -> "v/" + rid);
        PaymentReceipts issuer = new PaymentReceipts(dossiers, payments, results,
                (e, procedure, verify) -> new PaymentReceipts.Renderer.Signed(new byte[]{'%'}, "CN=test"), rules, rid -> "v/" + rid);
        String ref = start.start(owner, id, "vnpay", null, r -> "x", "y").payment().reference();
        assertEquals(0, issuer.issueCredited(200, failed::add), "nothing credited yet");
        assertEquals(CONFIRMED, deliver(vnpay, ref, "T1", due(id), Payment.Outcome.SUCCESS));
        assertEquals(0, broken.issueCredited(200, failed::add));
        assertEquals(1, failed.size(), "the failure is handed on, not thrown");
        assertEquals(1, issuer.issueCredited(200, failed::add));
        assertTrue(results.find(payments.find(ref).orElseThrow().receiptId()).isPresent(), "the receipt is stored");
        assertEquals(1, issuer.issueCredited(200, failed::add), "an issued receipt counts again, drawn no second time");
        assertEquals(1, failed.size());
    }

    @Test
    void aFailureIsRecordedAndTheCitizenPaysAgainWithANewReference() {
        String id = awaitingPayment();
        String first = start.start(owner, id, "vnpay", null, r -> "x", "y").payment().reference();
        assertEquals(CONFIRMED, deliver(vnpay, first, "F1", due(id), Payment.Outcome.FAILED));
        assertEquals(Payment.Status.FAILED, payments.find(first).orElseThrow().status());
        assertEquals(DossierStatus.AWAITING_PAYMENT, dossiers.find(id).orElseThrow().status());
        String second = start.start(owner, id, "momo", null, r -> "x", "y").payment().reference();
        assertNotEquals(first, second, "a reference is never reused");
        assertEquals(CONFIRMED, deliver(momo, second, "M1", due(id), Payment.Outcome.SUCCESS));
        assertEquals(DossierStatus.RECEIVED, dossiers.find(id).orElseThrow().status());
        // suspected fraud is held, never credited
        String id2 = awaitingPayment();
        String held = start.start(owner, id2, "vnpay", null, r -> "x", "y").payment().reference();
        assertEquals(CONFIRMED, deliver(vnpay, held, "X1", due(id2), Payment.Outcome.FRAUD_REVIEW));
        assertEquals(ALREADY, deliver(vnpay, held, "X1", due(id2), Payment.Outcome.SUCCESS));
        assertEquals(Payment.Status.HELD, payments.find(held).orElseThrow().status());
        assertEquals(0, credits(id2));
        assertTrue(reconcile.run().mismatches().stream().anyMatch(m -> m.startsWith(held)), "a held payment is reported");
    }

    @Test
    void paidTwiceTheSecondIsRefundedAndAProviderDownLosesNothing() {
        String id = awaitingPayment();
        String a = start.start(owner, id, "vnpay", null, r -> "x", "y").payment().reference();
        String b = start.start(owner, id, "momo", null, r -> "x", "y").payment().reference();
        assertEquals(CONFIRMED, deliver(vnpay, a, "A1", due(id), Payment.Outcome.SUCCESS));
        assertEquals(CONFIRMED, deliver(momo, b, "B1", due(id), Payment.Outcome.SUCCESS), "the money is acknowledged");
        assertEquals(1, credits(id), "the dossier is paid once");
        assertEquals(Payment.Status.REFUND_DUE, payments.find(b).orElseThrow().status());

        momo.down = true;
        assertEquals(1, reconcile.run().unreachable());
        assertEquals(Payment.Status.REFUND_DUE, payments.find(b).orElseThrow().status(), "still due: asked again next run");
        momo.down = false;
        momo.refundState = PaymentGateway.RefundState.PENDING;
        assertEquals(1, reconcile.run().refundsAsked());
        assertEquals(Payment.Status.REFUNDING, payments.find(b).orElseThrow().status());
        momo.refundState = PaymentGateway.RefundState.DONE;
        assertEquals(1, reconcile.run().refunded());
        Payment refunded = payments.find(b).orElseThrow();
        assertEquals(Payment.Status.REFUNDED, refunded.status());
        assertEquals(b + "R", refunded.refund().id());
        assertEquals(List.of(b + "R", b + "R"), momo.refunds, "the same refund id every time it is asked, once per run");
        assertEquals(0, reconcile.run().refunded(), "nothing more to do");
    }

    @Test
    void aPaidDossierThatIsRefusedOrWithdrawnKeepsItsFeeUnderItsProceduresRule() {
        String id = awaitingPayment();
        String ref = start.start(owner, id, "vnpay", null, r -> "x", "y").payment().reference();
        assertEquals(CONFIRMED, deliver(vnpay, ref, "R1", due(id), Payment.Outcome.SUCCESS));
        new OfficialMoves(dossiers, dossiers, rules, clock).refuse(Actor.official("mc-1", "CDLQG", "MOTCUA", Post.ONE_STOP), id, "Giấy phép cũ không do Cục cấp");
        assertEquals(DossierStatus.REFUSED, dossiers.find(id).orElseThrow().status());
        // DL-002's rule (rules/payments.json): no basis found for returning an appraisal fee: kept, and settled
        ReconcilePayments.Report r = reconcile.run();
        assertEquals(0, r.refunded() + r.refundsAsked(), r.toString());
        assertEquals(Payment.Status.PAID, payments.find(ref).orElseThrow().status());
        assertFalse(PaymentRules.standard().refundOn("BVHTTDL-DL-002", DossierStatus.REFUSED));

        String id2 = awaitingPayment();
        String ref2 = start.start(owner, id2, "vnpay", null, r2 -> "x", "y").payment().reference();
        assertEquals(CONFIRMED, deliver(vnpay, ref2, "R2", due(id2), Payment.Outcome.SUCCESS));
        new WithdrawDossier(dossiers, clock).withdraw(owner, id2, "Không còn nhu cầu");
        reconcile.run();
        assertEquals(Payment.Status.PAID, payments.find(ref2).orElseThrow().status());
        assertTrue(vnpay.refunds.isEmpty(), "nothing asked back of the provider");
        // a dossier waiting for payment can be withdrawn: nothing was paid, nothing to refund
        String id3 = awaitingPayment();
        assertEquals(DossierStatus.WITHDRAWN, new WithdrawDossier(dossiers, clock).withdraw(owner, id3, "Nộp nhầm").status());
    }

    @Test
    void reconciliationSettlesFromTheProviderOrExpiresWhatItNeverSaw() {
        String id = awaitingPayment();
        String lost = start.start(owner, id, "vnpay", null, r -> "x", "y").payment().reference();
        String never = start.start(owner, id, "momo", null, r -> "x", "y").payment().reference();
        assertEquals(0, reconcile.run().checked(), "too early to ask");
        clock.advanceMinutes(PaymentRules.standard().reconcileAfter().toMinutes() + 1);
        // the IPN of the first was lost: the provider says it is paid
        vnpay.known.put(lost, new Payment.Notice("vnpay", lost, "Q1", due(id), "VND", Payment.Outcome.SUCCESS, "00"));
        ReconcilePayments.Report r = reconcile.run();
        assertEquals(2, r.checked());
        assertEquals(1, r.settled());
        assertEquals(1, r.expired());
        assertEquals(Payment.Status.PAID, payments.find(lost).orElseThrow().status());
        assertEquals(Payment.Status.EXPIRED, payments.find(never).orElseThrow().status());
        assertEquals(DossierStatus.RECEIVED, dossiers.find(id).orElseThrow().status());
        // a late success for the expired one: money the provider did take, credited and refunded (the dossier is paid)
        assertEquals(CONFIRMED, deliver(momo, never, "M9", due(id), Payment.Outcome.SUCCESS));
        assertEquals(Payment.Status.REFUND_DUE, payments.find(never).orElseThrow().status());
        assertEquals(1, credits(id));
        assertEquals(0, reconcile.run().checked(), "a second run finds nothing pending");
    }

    @Test
    void startingAPaymentIsForTheApplicantOfADossierThatWaitsForIt() {
        String id = awaitingPayment();
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> start.start(Actor.citizen("someone-else"), id, "vnpay", null, r -> "x", "y")).kind());
        assertEquals("unknown-provider", assertThrows(DomainException.class, () -> start.start(owner, id, "bitcoin", null, r -> "x", "y")).problem());
        vnpay.down = true;
        assertEquals("provider-unavailable", assertThrows(DomainException.class, () -> start.start(owner, id, "vnpay", null, r -> "x", "y")).problem());
        assertEquals(1, payments.ofDossier(id).size(), "the request stays in the ledger, to be expired by reconciliation");
        vnpay.down = false;
        for (int i = payments.ofDossier(id).size(); i < StartPayment.MAX_REQUESTS; i++) start.start(owner, id, "vnpay", null, r -> "x", "y");
        assertEquals("too-many-payment-requests", assertThrows(DomainException.class, () -> start.start(owner, id, "vnpay", null, r -> "x", "y")).problem());
    }
}
