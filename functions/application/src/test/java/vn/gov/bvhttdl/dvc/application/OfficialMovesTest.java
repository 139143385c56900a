package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Process;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Role;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** Officials take a dossier through its process, on the in-memory ports. */
class OfficialMovesTest {
    final Instant t0 = Instant.parse("2026-03-02T03:00:00Z"); // Monday 10:00 in Hà Nội
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final Rules rules = new BundledRules();
    final Clock clock = Clock.fixed(t0, ZoneOffset.UTC);
    final OfficialMoves moves = new OfficialMoves(dossiers, dossiers, rules, clock);
    /** The same moves on Mon 16 Mar 2026, the appointment of the dossiers here: form 04's window is open (rules/extension-window.json). */
    final OfficialMoves onDueDay = new OfficialMoves(dossiers, dossiers, rules, Clock.fixed(Instant.parse("2026-03-16T03:00:00Z"), ZoneOffset.UTC));

    final Actor desk = Actor.official("mc-1", "CDLQG", "MOTCUA", Post.ONE_STOP);
    final Actor specialist = Actor.official("lh-1", "CDLQG", "LUHANH", Post.SPECIALIST);
    final Actor colleague = Actor.official("lh-2", "CDLQG", "LUHANH", Post.SPECIALIST);
    final Actor leader = Actor.official("lh-lead", "CDLQG", "LUHANH", Post.LEADER);
    final Actor otherUnit = Actor.official("lt-1", "CDLQG", "LUUTRU", Post.SPECIALIST);
    final Actor heritage = Actor.official("ds-1", "CDSVH", "CHUYENMON", Post.SPECIALIST);

    /** A DL-001 dossier (reception, specialist appraisal, signing), received by the system. */
    String received() {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier.Change c = Dossier.draft("d-" + System.nanoTime(), p, "owner", new Applicant("A", "001099000111", null, null, "0912000111", null), Map.of(), t0);
        dossiers.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner"), t0);
        dossiers.save(s);
        Process.Stage first = Process.of(p).first();
        dossiers.save(s.dossier().handle(new Command.Receive("000.00.12.G17-260302-0001", LocalDate.of(2026, 3, 16),
                first.code(), first.unit(), LocalDate.of(2026, 3, 3)), Actor.system("v"), t0));
        return c.dossier().id();
    }

    Dossier get(String id) { return dossiers.find(id).orElseThrow(); }

    DomainException.Kind refused(Runnable move) {
        return assertThrows(DomainException.class, move::run).kind();
    }

    @Test
    void fromTheDeskThroughTheSpecialistAndAnotherAgencyToTheLeadersApproval() {
        String id = received();
        assertEquals(List.of("start-processing", "request-supplement", "extend", "refuse"), OfficialMoves.offered(rules, get(id), desk));
        assertEquals(List.of(), OfficialMoves.offered(rules, get(id), specialist), "the specialist unit has not got it yet");
        assertEquals(DomainException.Kind.NOT_FOUND, refused(() -> moves.assign(specialist, id, null, null)));

        Dossier sent = moves.startProcessing(desk, id);
        assertEquals(DossierStatus.IN_PROCESSING, sent.status());
        assertEquals("specialist", sent.processing().step());
        assertEquals("LUHANH", sent.processing().unit());
        // 7 (calendar) days from Monday 2 March 2026: Monday 9 March (Tourism Law Art 33: 10 days in all)
        assertEquals(LocalDate.of(2026, 3, 9), sent.processing().stepDue());
        assertEquals(List.of(), OfficialMoves.offered(rules, get(id), desk), "the desk sees it, it is not the desk's step");
        assertTrue(Access.inScope(rules, desk, get(id)));
        assertFalse(Access.inScope(rules, otherUnit, get(id)), "another unit of the same agency does not see it");
        assertEquals(DomainException.Kind.NOT_FOUND, refused(() -> moves.assign(otherUnit, id, null, null)));

        assertEquals(List.of("assign"), OfficialMoves.offered(rules, get(id), specialist), "nobody has it: take it first");
        assertEquals(DomainException.Kind.REFUSED, refused(() -> moves.forward(specialist, id, null)));
        assertEquals(DomainException.Kind.FORBIDDEN, refused(() -> moves.assign(specialist, id, "lh-2", "B")),
                "only the leader assigns to someone else");
        assertEquals("lh-1", moves.assign(specialist, id, null, null).processing().assignee());
        assertEquals(DomainException.Kind.FORBIDDEN, refused(() -> moves.forward(colleague, id, null)), "it is lh-1's");
        assertEquals(DomainException.Kind.REFUSED, refused(() -> moves.assign(colleague, id, null, null)));

        Dossier asked = moves.consult(specialist, id, "CDSVH", "CHUYENMON", "Địa điểm có thuộc khu vực di tích không?", null, null);
        assertTrue(asked.processing().consulting());
        assertEquals(LocalDate.of(2026, 3, 9), asked.processing().consultation().due(), "5 working days by default");
        assertEquals(DomainException.Kind.REFUSED, refused(() -> moves.forward(specialist, id, null)), "waiting for the answer");
        assertFalse(Access.inScope(rules, heritage, get(id)), "the consulted agency sees only the consultation");
        assertTrue(Access.consulted(heritage, get(id)));
        assertEquals(List.of("answer-consultation"), OfficialMoves.offered(rules, get(id), heritage));
        assertEquals(DomainException.Kind.NOT_FOUND, refused(() -> moves.answer(otherUnit, id, "x")));
        Dossier answered = moves.answer(heritage, id, "Không thuộc khu vực bảo vệ di tích.");
        assertFalse(answered.processing().consulting());
        assertEquals(List.of(), OfficialMoves.offered(rules, get(id), heritage));

        Dossier signing = moves.forward(specialist, id, "Đủ điều kiện, trình ký");
        assertEquals("signing", signing.processing().step());
        assertNull(signing.processing().assignee());
        assertEquals(DomainException.Kind.FORBIDDEN, refused(() -> moves.approve(specialist, id, null)), "a specialist does not sign");
        assertEquals(List.of("return", "approve", "extend", "stop", "refuse"), OfficialMoves.offered(rules, get(id), leader));
        Dossier done = moves.approve(leader, id, "Đồng ý cấp phép");
        assertEquals(DossierStatus.RESULT_READY, done.status());
        assertNull(done.processing().step());

        List<String> actions = dossiers.history(id).stream().map(AuditEvent::action).toList();
        assertEquals(List.of("create", "submit", "receive", "start-processing", "assign", "consult", "answer-consultation",
                "forward", "approve"), actions);
        AuditEvent consult = dossiers.history(id).get(5);
        assertEquals("LUHANH", consult.details().get("unit"));
        assertEquals("SPECIALIST", consult.details().get("post"));
        assertEquals("specialist", consult.details().get("step"));
        AuditEvent seen = consult.publicPart();
        assertNull(seen.reason(), "the applicant does not read what officials asked each other");
        assertFalse(seen.details().containsKey("consultedAgency"));
        assertEquals("official", seen.actor());
        assertEquals("signing", dossiers.history(id).get(7).publicPart().details().get("toStep"), "but sees every step");
    }

    @Test
    void returnNeedsAReasonAndGoesBackOneStep() {
        String id = received();
        moves.startProcessing(desk, id);
        moves.assign(leader, id, "lh-1", "Nguyễn Văn B");
        DomainException e = assertThrows(DomainException.class, () -> moves.returnToPrevious(specialist, id, " "));
        assertEquals("return.reason", e.errors().get(0).field());
        Dossier back = moves.returnToPrevious(specialist, id, "Không thuộc thẩm quyền của phòng");
        assertEquals("reception", back.processing().step());
        assertEquals(DossierStatus.IN_PROCESSING, back.status());
        assertEquals(List.of("forward", "request-supplement", "extend", "refuse"), OfficialMoves.offered(rules, back, desk));
        assertEquals(DomainException.Kind.FORBIDDEN, refused(() -> moves.returnToPrevious(desk, id, "x")), "the first step has no return");
        assertEquals("specialist", moves.forward(desk, id, null).processing().step());
    }

    @Test
    void aRefusalAStopAndAnExtensionEachNeedTheirReasonAndIssueTheirForm() {
        String id = received();
        DomainException e = assertThrows(DomainException.class, () -> moves.refuse(desk, id, " "));
        assertEquals("refuse.reason", e.errors().get(0).field());
        // two weeks before the appointment form 04 is not due yet
        assertEquals("extend-not-due", assertThrows(DomainException.class, () -> moves.extensionDraft(desk, id)).problem());
        var draft = onDueDay.extensionDraft(desk, id);
        assertTrue(draft.newDue().isAfter(LocalDate.of(2026, 3, 16)));
        assertTrue(draft.reason().contains("000.00.12.G17-260302-0001"));
        assertEquals("extend.newDue", assertThrows(DomainException.class,
                () -> onDueDay.extend(desk, id, "Chờ xác minh", LocalDate.of(2026, 3, 10))).errors().get(0).field(), "not after the old date");
        assertEquals("extend.newDue", assertThrows(DomainException.class,
                () -> onDueDay.extend(desk, id, "Chờ xác minh", LocalDate.of(2026, 3, 21))).errors().get(0).field(), "a Saturday");
        Dossier later = onDueDay.extend(desk, id, "Chờ xác minh của cơ quan công an", LocalDate.of(2026, 3, 23));
        assertEquals(LocalDate.of(2026, 3, 23), later.dueDate());
        assertEquals("Chờ xác minh của cơ quan công an", later.statusReason(), "the applicant reads why");
        AuditEvent ext = dossiers.history(id).get(dossiers.history(id).size() - 1);
        assertEquals("04", ext.details().get("template"));
        assertEquals("2026-03-16", ext.publicPart().details().get("previousDueDate"));
        assertEquals(DomainException.Kind.FORBIDDEN, refused(() -> moves.stop(desk, id, "x")), "the desk does not stop it");
        moves.startProcessing(desk, id);
        moves.assign(specialist, id, null, null);
        Dossier stopped = moves.stop(specialist, id, "Người nộp đề nghị dừng giải quyết");
        assertEquals(DossierStatus.STOPPED, stopped.status());
        assertEquals("05", dossiers.history(id).get(dossiers.history(id).size() - 1).details().get("template"));
    }

    /** Every step of the data × every move × every post × own, other, desk and foreign unit. */
    @Test
    void theMatrixOfStepsMovesPostsAndUnits() {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Process process = Process.of(p);
        int allowedSomewhere = 0;
        for (Process.Stage stage : process.stages()) {
          for (boolean taken : stage.assignable() ? List.of(false, true) : List.of(false)) {
            for (Post post : Post.values()) {
                for (String unit : List.of("MOTCUA", "LUHANH", "LUUTRU")) {
                    for (String move : Process.OFFICIAL_MOVES) {
                        String id = atStage(stage.code());
                        if (taken) moves.assign(specialist, id, null, null);
                        Actor a = Actor.official(post + "-" + unit, "CDLQG", unit, post);
                        Dossier d = get(id);
                        boolean reached = process.unitsReached(d, d.reached()).contains(unit);
                        assertEquals(reached, Access.inScope(rules, a, d), stage.code() + " " + unit);
                        List<String> offered = OfficialMoves.offered(rules, d, a);
                        String where = stage.code() + " × " + move + " × " + post + " × " + unit;
                        if (offered.contains(move)) {
                            assertTrue(stage.moves().contains(move) || move.equals("answer-consultation"), where);
                            assertEquals(stage.unit(), unit, where);
                            assertTrue(stage.posts().contains(post), where);
                            perform(move, a, id); // what is offered works
                            allowedSomewhere++;
                        } else {
                            int entries = history(id);
                            long version = d.version();
                            DomainException.Kind k = refused(() -> perform(move, a, id));
                            assertNotEquals(DomainException.Kind.INVALID, k, where + ": refused for who or when, not for the input");
                            if (!reached) assertEquals(DomainException.Kind.NOT_FOUND, k, where + ": never a leak");
                            assertEquals(entries, history(id), where + ": nothing written");
                            assertEquals(version, get(id).version(), where + ": nothing changed");
                        }
                    }
                }
            }
          }
            Dossier d = get(atStage(stage.code()));
            for (String move : stage.moves()) {
                if (move.equals("assign")) continue;
                boolean someone = false;
                for (Post post : stage.posts()) {
                    Actor a = Actor.official("x", "CDLQG", stage.unit(), post);
                    if (process.refusal(assigned(d, a), a, move).isEmpty()) someone = true;
                }
                boolean guarded = (move.equals("return") && stage.index() == 0) || (move.equals("forward") && d.status() == DossierStatus.RECEIVED)
                        || (move.equals("start-processing") && d.status() != DossierStatus.RECEIVED);
                assertTrue(someone || guarded, "someone makes " + move + " at " + stage.code());
            }
        }
        // reception: 4 moves by the desk; specialist: assign by 2 posts, then 8 moves by the leader on lh-1's dossier; signing: 5
        assertTrue(allowedSomewhere >= 19, "the matrix made " + allowedSomewhere + " moves");
        assertEquals(DomainException.Kind.NOT_FOUND, refused(() -> moves.startProcessing(heritage, received())), "another agency");
        assertEquals(DomainException.Kind.NOT_FOUND, refused(() -> moves.startProcessing(new Actor("owner", Role.CITIZEN, "CDLQG", "MOTCUA"), received())));
    }

    /** Fifty officials make conflicting moves on one dossier at once: one wins, the others lose the race or are refused, one audit entry. */
    @Test
    void fiftyConflictingMovesOneWinner() throws Exception {
        String id = received();
        moves.startProcessing(desk, id);
        moves.assign(specialist, id, null, null);
        int before = dossiers.history(id).size();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger won = new AtomicInteger();
        ConcurrentLinkedQueue<DomainException.Kind> lost = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            pool.submit(() -> {
                try {
                    go.await();
                    // whichever wins, the others are no longer possible: the dossier is at the leader's step or decided
                    if (n % 3 == 0) moves.forward(specialist, id, "n" + n);
                    else if (n % 3 == 1) moves.refuse(specialist, id, "r" + n);
                    else moves.stop(specialist, id, "s" + n);
                    won.incrementAndGet();
                } catch (DomainException e) {
                    lost.add(e.kind());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        go.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(1, won.get());
        assertEquals(49, lost.size());
        assertTrue(lost.stream().allMatch(k -> k == DomainException.Kind.RACE || k == DomainException.Kind.REFUSED || k == DomainException.Kind.FORBIDDEN
                || k == DomainException.Kind.NOT_FOUND), lost.toString());
        assertEquals(before + 1, dossiers.history(id).size(), "exactly one entry for the one move");
    }

    int history(String id) { return dossiers.history(id).size(); }

    /** The dossier as {@code a} would have it at an assignable step (assigned to them), to ask the guard alone. */
    static Dossier assigned(Dossier d, Actor a) {
        if (d.processing() == null) return d;
        return new Dossier(d.id(), d.code(), d.procedureCode(), d.procedureVersion(), d.agencyCode(), d.unitCode(), d.ownerId(),
                d.applicant(), d.form(), d.status(), d.statusReason(), d.createdAt(), d.updatedAt(), d.submittedAt(), d.receivedAt(),
                d.dueDate(), d.processing().assignedTo(a.subject(), null), d.reached(), d.version());
    }

    /** A fresh DL-001 dossier brought to {@code step} through the use cases, assigned at an assignable step. */
    String atStage(String step) {
        String id = received();
        if (step.equals("reception")) return id;
        moves.startProcessing(desk, id);
        if (step.equals("specialist")) return id;
        moves.assign(specialist, id, null, null);
        moves.forward(specialist, id, null);
        return id;
    }

    void perform(String move, Actor a, String id) {
        switch (move) {
            case "start-processing" -> moves.startProcessing(a, id);
            case "assign" -> moves.assign(a, id, null, null);
            case "forward" -> moves.forward(a, id, null);
            case "consult" -> moves.consult(a, id, "CDSVH", "CHUYENMON", "Ý kiến?", null, null);
            case "answer-consultation" -> moves.answer(a, id, "Đồng ý");
            case "request-supplement" -> new RequestSupplement(dossiers, rules, clock).request(a, id, List.of("Thiếu bản sao"));
            case "return" -> moves.returnToPrevious(a, id, "Lý do");
            case "approve" -> moves.approve(a, id, null);
            case "extend" -> onDueDay.extend(a, id, "Lý do", LocalDate.of(2026, 4, 1)); // inside form 04's window
            case "stop" -> moves.stop(a, id, "Lý do");
            case "refuse" -> moves.refuse(a, id, "Lý do");
            case "issue-result" -> moves.issueResult(a, id);
            case "return-result" -> moves.returnResult(a, id, "counter");
            case "revoke-result" -> moves.revokeResult(a, id, "x-KQ1", "Lý do");
            default -> fail("no way to make " + move);
        }
    }
}
