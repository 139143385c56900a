package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.RecordingQueue;
import vn.gov.bvhttdl.dvc.application.fakes.RecordingReceipts;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The use cases on in-memory ports: no emulator, milliseconds each. */
class UseCasesTest {
    // Mon 2 Mar 2026, 10:00 in Vietnam
    final Instant t0 = Instant.parse("2026-03-02T03:00:00Z");
    final Clock clock = Clock.fixed(t0, ZoneOffset.UTC);
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final RecordingQueue queue = new RecordingQueue();
    final RecordingReceipts receipts = new RecordingReceipts();
    final BundledRules rules = new BundledRules();
    final Procedure reissue = ProcedureCatalogue.load().find("BVHTTDL-DL-003").orElseThrow();
    final Actor owner = Actor.citizen("owner-1");
    /** A complete e-form of the re-issue (form 05 of Circular 06/2017/TT-BVHTTDL). */
    static final Map<String, String> REISSUE_FORM = Map.of("companyName", "Công ty TNHH Lữ hành Sen", "licenceNumber", "01-123/2019/TCDL-GP LHQT",
            "licenceIssuedOn", "2019-05-02", "reason", "lost", "note", "Mất giấy phép");

    String draft(boolean withFile) {
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), reissue, owner.subject(),
                new Applicant("Lê Văn Tâm", "001099000777", null, null, "0912000777", null), REISSUE_FORM, t0);
        dossiers.create(c);
        if (withFile) {
            Attachment a = new Attachment(c.dossier().id(), "dossiers/" + c.dossier().id() + "/DON/x", "DON", "don.pdf", "application/pdf", 100,
                    Attachment.Status.PENDING, null, null, null, null, t0, null);
            dossiers.addFile(a.scanned(Attachment.Status.ACCEPTED, null, "pdf", "00", 1, t0));
        }
        return c.dossier().id();
    }

    @Test
    void submitThenReceive() {
        String id = draft(true);
        SubmitDossier.Result r = new SubmitDossier(dossiers, dossiers, rules, queue, clock).submit(owner, id);
        assertEquals(DossierStatus.SUBMITTED, r.dossier().status());
        assertEquals(List.of(new RecordingQueue.Sent(id, 2)), queue.sent);
        assertTrue(dossiers.history(id).get(1).details().get("form").contains("Mất giấy phép"), "the submitted form is in the history");

        ReceiveSubmission receive = new ReceiveSubmission(dossiers, dossiers, dossiers, dossiers, rules, receipts, clock);
        assertEquals(ReceiveSubmission.Outcome.RECEIVED, receive.receive(id));
        Dossier d = dossiers.find(id).orElseThrow();
        // DL-003 is level 4 with a fee: received, it waits for its fee at the desk's step (rules/payments.json)
        assertEquals(DossierStatus.AWAITING_PAYMENT, d.status());
        assertEquals(List.of("create", "submit", "receive", "request-payment"), dossiers.history(id).stream().map(AuditEvent::action).toList());
        assertEquals("000.00.12.G17-260302-0001", d.code());
        // Mon 2 Mar 2026 10:00 + 5 working days: 3, 4, 5, 6, Mon 9 Mar
        assertEquals(LocalDate.of(2026, 3, 9), d.dueDate());
        assertEquals(1, receipts.issued.size());
        assertEquals(List.of("don.pdf"), receipts.issued.get(0).files());
        assertEquals(dossiers.lookupKey(d.code()).orElseThrow(), receipts.issued.get(0).key());
        assertEquals(ReceiveSubmission.Outcome.ALREADY_HANDLED, receive.receive(id), "a second delivery changes nothing");
        assertEquals(1, receipts.issued.size());
    }

    @Test
    void anIncompleteDossierIsRefusedWithEveryItemAndReceptionAsksForThemAtOnce() {
        String id = draft(false);
        DomainException e = assertThrows(DomainException.class, () -> new SubmitDossier(dossiers, dossiers, rules, queue, clock).submit(owner, id));
        assertEquals("dossier-incomplete", e.problem());
        assertEquals("component.DON", e.errors().get(0).field());
        assertTrue(queue.sent.isEmpty());
        // another citizen cannot even see it
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> new SubmitDossier(dossiers, dossiers, rules, queue, clock).submit(Actor.citizen("someone-else"), id)).kind());
    }

    @Test
    void aSupplementRequestStopsTheClockAndTheResubmissionKeepsTheCodeAndTheKey() {
        String id = draft(true);
        new SubmitDossier(dossiers, dossiers, rules, queue, clock).submit(owner, id);
        new ReceiveSubmission(dossiers, dossiers, dossiers, dossiers, rules, receipts, clock).receive(id);
        // its fee paid online (the ledger's move), the dossier is back at the desk
        Dossier awaiting = dossiers.find(id).orElseThrow();
        dossiers.save(awaiting.handle(new vn.gov.bvhttdl.dvc.domain.Command.ConfirmPayment("TT260302TEST", "vnpay", "T1", 750_000),
                PaymentLedger.ACTOR, t0.plusSeconds(60)));
        Dossier received = dossiers.find(id).orElseThrow();
        assertEquals(DossierStatus.RECEIVED, received.status());
        Clock later = Clock.fixed(t0.plusSeconds(3600), ZoneOffset.UTC);
        Dossier waiting = new RequestSupplement(dossiers, rules, later).request(Actor.official("mc-1", "CDLQG", "MOTCUA", vn.gov.bvhttdl.dvc.domain.Post.ONE_STOP), id,
                List.of("Bản sao mờ", "  ", "Thiếu chữ ký"));
        assertEquals(DossierStatus.AWAITING_SUPPLEMENT, waiting.status());
        assertEquals("1. Bản sao mờ\n2. Thiếu chữ ký", waiting.statusReason());
        // a week later (Mon 9 Mar) the citizen resubmits; reception again: same code and key, waiting days not counted
        Clock week = Clock.fixed(t0.plus(java.time.Duration.ofDays(7)), ZoneOffset.UTC);
        SubmitDossier.Result again = new SubmitDossier(dossiers, dossiers, rules, queue, week).submit(owner, id);
        assertEquals("resubmit", dossiers.history(id).get(dossiers.history(id).size() - 1).action());
        new ReceiveSubmission(dossiers, dossiers, dossiers, dossiers, rules, receipts, week).receive(id);
        Dossier back = dossiers.find(id).orElseThrow();
        assertEquals(received.code(), back.code());
        assertEquals(receipts.issued.get(0).key(), receipts.issued.get(1).key(), "a supplemented dossier keeps its key");
        assertTrue(back.dueDate().isAfter(received.dueDate()), "the days waiting are added: " + back.dueDate());
        assertEquals(DossierStatus.SUBMITTED, again.dossier().status());
        assertEquals(DossierStatus.RECEIVED, back.status(), "paid at the first reception: not asked to pay again");
        assertEquals(1, dossiers.history(id).stream().filter(e -> e.action().equals("request-payment")).count());
    }

    @Test
    void withdrawingNeedsAReason() {
        String id = draft(false);
        WithdrawDossier w = new WithdrawDossier(dossiers, clock);
        assertEquals("reason-required", assertThrows(DomainException.class, () -> w.withdraw(owner, id, "  ")).problem());
        assertEquals(DossierStatus.WITHDRAWN, w.withdraw(owner, id, "Nộp nhầm thủ tục").status());
        assertEquals(DomainException.Kind.REFUSED, assertThrows(DomainException.class, () -> w.withdraw(owner, id, "lần nữa")).kind(),
                "a withdrawn dossier cannot be withdrawn again");
    }

    @Test
    void fiftyConcurrentWithdrawalsHaveOneWinnerAndOneAuditEntry() throws Exception {
        String id = draft(false);
        WithdrawDossier w = new WithdrawDossier(dossiers, clock);
        AtomicInteger won = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                all.add(pool.submit(() -> {
                    try {
                        w.withdraw(owner, id, "Đổi ý");
                        won.incrementAndGet();
                    } catch (DomainException e) {
                        // lost the race (read before the winner wrote), or read after it: withdrawn, not again
                        assertTrue(e.kind() == DomainException.Kind.RACE || e.kind() == DomainException.Kind.REFUSED, e.kind().name());
                        conflicts.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : all) f.get();
        } finally {
            pool.shutdown();
        }
        assertEquals(1, won.get());
        assertEquals(49, conflicts.get());
        assertEquals(1, dossiers.history(id).stream().filter(e -> e.action().equals("withdraw")).count());
    }

    @Test
    void receptionOfAnUnknownDossierIsPermanent() {
        DomainException unknown = assertThrows(DomainException.class, () -> new ReceiveSubmission(dossiers, dossiers, dossiers, dossiers, rules, receipts, clock).receive("nope"));
        assertEquals("dossier-not-found", unknown.problem());
        assertFalse(unknown.race(), "a message naming no dossier can never be processed: not a race to retry");
    }
}
