package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.FakeFileLinks;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryNotices;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryPayments;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryResults;
import vn.gov.bvhttdl.dvc.application.fakes.InMemorySurveyAnswers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryWorkQueues;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Process;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The officials' desk through its in-memory ports: one page per dossier with everything the official's screen shows,
 * each move answered with the page it leaves, the queues and the book holding only what reached the unit.
 */
class OfficialDeskTest {
    final Instant t0 = Instant.parse("2026-03-02T03:00:00Z");
    final Clock clock = Clock.fixed(t0, ZoneOffset.UTC);
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final InMemoryResults results = new InMemoryResults();
    final InMemoryNotices notices = new InMemoryNotices();
    final Rules rules = new BundledRules();
    final FakeFileLinks links = new FakeFileLinks();
    final vn.gov.bvhttdl.dvc.application.fakes.InMemoryReadLog readLog = new vn.gov.bvhttdl.dvc.application.fakes.InMemoryReadLog();
    final IssueResult issue = new IssueResult(dossiers, dossiers, results, (r, p, url, note) -> new ResultRenderer.Signed(
            ("%PDF " + r.number()).getBytes(StandardCharsets.UTF_8), "CN=Test unit"), rules, clock, "https://dvc.example.vn/");
    final OfficialDesk desk = new OfficialDesk(dossiers, dossiers, new InMemoryWorkQueues(dossiers), rules, new InMemoryPayments(dossiers), results,
            notices, new InMemorySurveyAnswers(), links, issue, readLog, clock);
    final Actor oneStop = Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP);
    final Actor specialist = Actor.official("lh", "CDLQG", "LUHANH", Post.SPECIALIST);
    final Actor leader = Actor.official("lead", "CDLQG", "LUHANH", Post.LEADER);
    final Actor archive = Actor.official("lt", "CDLQG", "LUUTRU", Post.SPECIALIST);

    String received(String code) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier.Change c = Dossier.draft("d-" + code, p, "owner", new Applicant("Phạm Thị Hoa", "079199001234", null, null, "0987000111", null),
                Map.of("companyName", "Công ty TNHH Lữ hành Hoa Sen"), t0);
        dossiers.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner"), t0);
        dossiers.save(s);
        Process.Stage first = Process.of(p).first();
        dossiers.save(s.dossier().handle(new Command.Receive("000.00.12.G17-260302-" + code, LocalDate.of(2026, 3, 16), first.code(), first.unit(),
                LocalDate.of(2026, 3, 3)), Actor.system("v"), t0));
        dossiers.addFile(new Attachment(c.dossier().id(), "dossiers/" + c.dossier().id() + "/DON/u-" + code, "DON", "don.pdf", "application/pdf", 100,
                Attachment.Status.ACCEPTED, null, "pdf", "00", 1, t0, t0, null));
        return c.dossier().id();
    }

    @Test
    void theDesksPageHoldsWhatItsScreenShowsAndOnlyTheMovesOfferedNow() {
        String id = received("0001");
        OfficialDesk.DossierPage page = desk.dossier(oneStop, id);
        assertEquals(DossierStatus.RECEIVED, page.dossier().status());
        assertEquals("BVHTTDL-DL-001", page.procedure().code());
        assertNotNull(page.process());
        assertEquals(List.of("create", "submit", "receive"), page.history().stream().map(e -> e.action()).toList());
        assertEquals(1, page.files().size());
        assertTrue(page.moves().contains("start-processing"), page.moves().toString());
        // received online Mon 2 Mar 2026 10:00: the supplement request is due 8 working hours later, Tue 3 Mar 10:30
        // (2 h before lunch, 3.5 h in the afternoon, 2.5 h next morning; Resolution 66.7/2025/NQ-CP Art 8(1))
        assertEquals(Instant.parse("2026-03-03T03:30:00Z"), page.supplementWindow().deadline());
        assertFalse(page.supplementWindow().passed());
        assertEquals("Điều 8 khoản 1; Điều 10 khoản 1", page.supplementWindow().rule().basis().article());
        assertTrue(page.moves().contains("refuse"), page.moves().toString());
        assertEquals(List.of(), page.payments());
        assertEquals(List.of(), page.results());
        // the survey opens at the receipt (Circular 01/2018/TT-VPCP Art 12(2), unconfirmed; rules/survey.json opensAt)
        assertNotNull(page.survey(), "the survey opens with the receipt");
        assertEquals(t0, page.survey().openedAt());
        assertNotNull(page.controlSlip(), "the control slip as the desk's clock has it");
        // what a move needs comes only with the move
        assertEquals(page.moves().contains("consult"), !page.units().isEmpty());
        assertEquals(page.moves().contains("extend"), page.extensionDraft() != null);

        assertEquals("dossier-not-found", assertThrows(DomainException.class, () -> desk.dossier(specialist, id)).problem(),
                "the unit has not been reached yet");
        assertEquals("dossier-not-found", assertThrows(DomainException.class, () -> desk.dossier(Actor.citizen("owner"), id)).problem());
        assertEquals(id, desk.byCode(oneStop, "000.00.12.G17-260302-0001").dossier().id());
        assertThrows(DomainException.class, () -> desk.byCode(archive, "000.00.12.G17-260302-0001"));

        OfficialDesk.DossierPage refused = desk.act(oneStop, id, new OfficialDesk.Move.Refuse("Không thuộc thẩm quyền giải quyết"));
        assertEquals(DossierStatus.REFUSED, refused.dossier().status());
        assertNotNull(refused.survey(), "a refused dossier's survey opens");
        assertTrue(refused.survey().open());
        assertEquals(id, refused.survey().dossierId());
        assertFalse(refused.survey().criteria().isEmpty(), "its criteria computed from the trail read for the page");
    }

    @Test
    void eachMoveAnswersThePageItLeaves() {
        String id = received("0002");
        OfficialDesk.DossierPage sent = desk.act(oneStop, id, new OfficialDesk.Move.StartProcessing());
        assertEquals(DossierStatus.IN_PROCESSING, sent.dossier().status());
        assertEquals("LUHANH", sent.dossier().processing().unit());
        assertFalse(sent.moves().contains("start-processing"), "done: no longer offered");
        assertNull(sent.supplementWindow(), "the desk decided: no window any more");
        assertEquals("start-processing", sent.history().get(sent.history().size() - 1).action());

        OfficialDesk.DossierPage taken = desk.act(specialist, id, new OfficialDesk.Move.Assign(null, "Lê Văn Hùng"));
        assertEquals("lh", taken.dossier().processing().assignee());
        assertTrue(taken.moves().contains("consult"), taken.moves().toString());
        assertFalse(taken.units().isEmpty(), "the units to consult come with the consult move");
        assertTrue(taken.units().stream().anyMatch(u -> u.agency().equals("CDLQG") && u.unit().equals("LUUTRU")));

        OfficialDesk.DossierPage asked = desk.act(specialist, id, new OfficialDesk.Move.Consult("CDLQG", "LUUTRU", "Ý kiến?",
                List.of("u-0002"), null));
        assertTrue(asked.dossier().processing().consulting());
        OfficialDesk.ConsultedPage c = desk.consultation(archive, id);
        assertEquals(List.of("answer-consultation"), c.moves());
        assertEquals(1, c.files().size(), "the file shared with it");
        assertEquals("dossier-not-found", assertThrows(DomainException.class, () -> desk.dossier(archive, id)).problem(),
                "a consulted unit sees the consultation only");
        assertEquals(URI.create("https://files.example/uploads/dossiers/" + id + "/DON/u-0002"), desk.file(archive, id, "u-0002"));
        assertThrows(DomainException.class, () -> desk.file(archive, id, "u-other"), "only what was shared with it");
        assertEquals(List.of(), desk.answer(archive, id, "Đồng ý").moves(), "answered: nothing left to it");

        assertThrows(DomainException.class, () -> desk.act(specialist, id, new OfficialDesk.Move.Refuse(null)), "a refusal needs its reason");
    }

    @Test
    void theQueueHoldsWhatReachedTheUnitEarliestDueFirstAPageAtATime() {
        String a = received("0003");
        String b = received("0004");
        String c = received("0005");
        desk.act(oneStop, c, new OfficialDesk.Move.StartProcessing());

        OfficialDesk.WorkQueue first = desk.queue(oneStop, DossierStatus.RECEIVED, OfficialDesk.Scope.UNIT, 1, null);
        assertEquals(1, first.lines().size());
        assertNotNull(first.next());
        OfficialDesk.WorkQueue second = desk.queue(oneStop, DossierStatus.RECEIVED, OfficialDesk.Scope.UNIT, 1, first.next());
        assertEquals(List.of(a, b), List.of(first.lines().get(0).dossier().id(), second.lines().get(0).dossier().id()));
        assertEquals(Long.valueOf(2), first.counts().get("RECEIVED"));

        assertEquals(List.of(c), desk.queue(specialist, DossierStatus.IN_PROCESSING, OfficialDesk.Scope.UNIT, 20, null).lines().stream()
                .map(l -> l.dossier().id()).toList());
        assertEquals(List.of(), desk.queue(archive, DossierStatus.IN_PROCESSING, OfficialDesk.Scope.UNIT, 20, null).lines());
        desk.act(specialist, c, new OfficialDesk.Move.Assign(null, "Lê Văn Hùng"));
        assertEquals(List.of(c), desk.queue(specialist, DossierStatus.IN_PROCESSING, OfficialDesk.Scope.MINE, 20, null).lines().stream()
                .map(l -> l.dossier().id()).toList());
        assertEquals("invalid-page", assertThrows(DomainException.class,
                () -> desk.queue(oneStop, DossierStatus.RECEIVED, OfficialDesk.Scope.UNIT, 0, null)).problem());
        assertTrue(desk.queue(Actor.official("x", null, null, Post.ONE_STOP), DossierStatus.RECEIVED, OfficialDesk.Scope.UNIT, 20, null)
                .lines().isEmpty(), "an account of no unit has an empty queue");
    }

    @Test
    void theTrackingBookListsWhatTheUnitReceivedInThePeriod() {
        String a = received("0006");
        received("0007");
        desk.act(oneStop, a, new OfficialDesk.Move.StartProcessing());
        var period = desk.bookPeriod(null, null).orElseThrow();
        assertEquals(LocalDate.of(2026, 3, 1), period.from());
        assertEquals(LocalDate.of(2026, 3, 2), period.to());
        assertEquals(2, desk.trackingBook(oneStop, period).received().size(), "the desk received both");
        assertEquals(List.of(a), desk.trackingBook(leader, period).received().stream().map(Dossier::id).toList(), "the unit, the one that reached it");
        assertTrue(desk.bookPeriod(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)).isEmpty());
        assertTrue(desk.bookPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 3, 1)).isEmpty(), "more than a year");
        assertEquals("no-unit", assertThrows(DomainException.class,
                () -> desk.trackingBook(Actor.official("x", "CDLQG", null, Post.ONE_STOP), period)).problem());
    }

    @Test
    void aSupplementRequestRecordsWhoseFaultItIsTheApplicantsByDefault() {
        String id = received("0091");
        DomainException bad = assertThrows(DomainException.class, () -> desk.act(oneStop, id, new OfficialDesk.Move.RequestSupplement(List.of("Bản dịch"), "BOTH")));
        assertEquals("invalid-supplement-fault", bad.problem());
        assertEquals("fault", bad.text().field());
        OfficialDesk.DossierPage asked = desk.act(oneStop, id, new OfficialDesk.Move.RequestSupplement(List.of("Bản dịch công chứng"), "AGENCY"));
        assertEquals("AGENCY", asked.history().getLast().details().get("fault"));
        String other = received("0092");
        OfficialDesk.DossierPage byDefault = desk.act(oneStop, other, new OfficialDesk.Move.RequestSupplement(List.of("Bản dịch công chứng")));
        assertEquals("APPLICANT", byDefault.history().getLast().details().get("fault"));
    }
}
