package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.FakeFileLinks;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryNotices;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryPayments;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryReadLog;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryResults;
import vn.gov.bvhttdl.dvc.application.fakes.InMemorySurveyAnswers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryWorkQueues;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.ExtensionWindow;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Process;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Finding work (issue 24): the search by code, applicant's name or ID number within the caller's scope only, the
 * finished tab, the tab each post lands on with every tab's count, and form 04 offered only in its window.
 */
class FindingWorkTest {
    final Instant t0 = Instant.parse("2026-03-02T03:00:00Z");
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final InMemoryResults results = new InMemoryResults();
    final Rules rules = new BundledRules();
    final OfficialDesk desk = desk(t0);
    final Actor oneStop = Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP);
    final Actor specialist = Actor.official("lh", "CDLQG", "LUHANH", Post.SPECIALIST);
    final Actor leader = Actor.official("lead", "CDLQG", "LUHANH", Post.LEADER);
    final Actor otherUnit = Actor.official("lt", "CDLQG", "LUUTRU", Post.SPECIALIST);
    final Actor otherAgency = Actor.official("x", "CDSVH", "MOTCUA", Post.ONE_STOP);

    OfficialDesk desk(Instant at) {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        IssueResult issue = new IssueResult(dossiers, dossiers, results, (r, p, url, note) -> new ResultRenderer.Signed(
                ("%PDF " + r.number()).getBytes(StandardCharsets.UTF_8), "CN=Test unit"), rules, clock, "https://dvc.example.vn/");
        return new OfficialDesk(dossiers, dossiers, new InMemoryWorkQueues(dossiers), rules, new InMemoryPayments(dossiers), results,
                new InMemoryNotices(), new InMemorySurveyAnswers(), new FakeFileLinks(), issue, new InMemoryReadLog(), clock);
    }

    /** A DL-001 dossier of {@code name} (ID {@code idNumber}) received at the desk on t0, due 16 Mar 2026. */
    String received(String code, String name, String idNumber) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier.Change c = Dossier.draft("d-" + code, p, "owner-" + code, new Applicant(name, idNumber, null, null, "0987000111", null), Map.of(), t0);
        dossiers.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner-" + code), t0);
        dossiers.save(s);
        Process.Stage first = Process.of(p).first();
        dossiers.save(s.dossier().handle(new Command.Receive("000.00.12.G17-260302-" + code, LocalDate.of(2026, 3, 16), first.code(), first.unit(),
                LocalDate.of(2026, 3, 3)), Actor.system("v"), t0));
        return c.dossier().id();
    }

    List<String> codes(OfficialDesk.Found f) {
        return f.lines().stream().map(l -> l.dossier().code()).toList();
    }

    @Test
    void aSearchFindsByCodeNameOrIdNumberOnlyWhatReachedTheCallersUnit() {
        String hoa = received("0001", "Phạm Thị Hoa", "079199001234");
        received("0002", "Nguyễn Văn Đức", "001080000111");
        desk.act(oneStop, hoa, new OfficialDesk.Move.StartProcessing()); // Hoa's dossier reaches the travel unit

        // the desk: every dossier it received; by name without diacritics or case, by ID number, by code
        assertEquals(List.of("000.00.12.G17-260302-0001"), codes(desk.search(oneStop, "pham thi HOA")));
        assertEquals(List.of("000.00.12.G17-260302-0002"), codes(desk.search(oneStop, "Đức")));
        assertEquals(List.of("000.00.12.G17-260302-0002"), codes(desk.search(oneStop, "001080000111")));
        assertEquals(List.of("000.00.12.G17-260302-0001"), codes(desk.search(oneStop, " 000.00.12.G17-260302-0001 ")));
        assertEquals(2, desk.search(oneStop, "260302").lines().size(), "a part of the code");
        // the travel unit: only the dossier that reached it
        assertEquals(List.of("000.00.12.G17-260302-0001"), codes(desk.search(specialist, "260302")));
        assertEquals(List.of(), codes(desk.search(specialist, "000.00.12.G17-260302-0002")), "the code of a dossier still at the desk");
        assertEquals(List.of(), codes(desk.search(specialist, "Nguyễn Văn Đức")));
        // another unit of the agency and another agency: nothing, whatever they type
        for (Actor outsider : List.of(otherUnit, otherAgency)) {
            for (String q : List.of("Phạm Thị Hoa", "079199001234", "000.00.12.G17-260302-0001", "260302", "Đức")) {
                assertEquals(List.of(), codes(desk.search(outsider, q)), outsider.unit() + " " + q);
            }
        }
    }

    @Test
    void aSearchIsBetween3And64CharactersElseMalformed() {
        for (String q : new String[] {null, "", "  ab ", "x".repeat(65), "abc\u0000d"}) {
            DomainException e = assertThrows(DomainException.class, () -> desk.search(oneStop, q));
            assertEquals("invalid-search", e.problem());
            assertEquals(DomainException.Kind.MALFORMED, e.kind());
            assertFalse(e.text().vi().isBlank());
            assertFalse(e.text().en().isBlank());
        }
        assertDoesNotThrow(() -> desk.search(oneStop, "x".repeat(64)));
    }

    @Test
    void eachPostLandsWhereItsWorkIsWithEveryTabsCount() {
        String a = received("0001", "Phạm Thị Hoa", "079199001234");
        String b = received("0002", "Nguyễn Văn Đức", "001080000111");
        String c = received("0003", "Lê Văn Cường", "001080000222");
        desk.act(oneStop, a, new OfficialDesk.Move.StartProcessing());
        desk.act(oneStop, b, new OfficialDesk.Move.StartProcessing());
        desk.act(oneStop, c, new OfficialDesk.Move.Refuse("Không thuộc thẩm quyền"));

        OfficialDesk.WorkQueue front = desk.queue(oneStop, null, null, 20, null);
        assertTrue(front.landed());
        assertEquals(new OfficialDesk.Tab(OfficialDesk.Scope.UNIT, DossierStatus.RECEIVED).status(), front.status());
        // nothing left at the desk's RECEIVED tab: it lands on the first of its tabs anyway (none holds work)
        assertEquals(0L, front.tabs().get("RECEIVED"));
        assertEquals(1L, front.tabs().get("finished"), "the refused dossier is on the finished tab");

        // the specialist: nothing assigned yet, so the unit's dossiers in processing
        OfficialDesk.WorkQueue s = desk.queue(specialist, null, null, 20, null);
        assertEquals(OfficialDesk.Scope.UNIT, s.scope());
        assertEquals(DossierStatus.IN_PROCESSING, s.status());
        assertEquals(2L, s.tabs().get("IN_PROCESSING"));
        assertEquals(0L, s.tabs().get("mine"));
        assertEquals(2, s.lines().size());
        // once one is theirs, they land on their own
        desk.act(specialist, a, new OfficialDesk.Move.Assign(null, "Chuyên viên"));
        OfficialDesk.WorkQueue mine = desk.queue(specialist, null, null, 20, null);
        assertEquals(OfficialDesk.Scope.MINE, mine.scope());
        assertEquals(1L, mine.tabs().get("mine"));
        assertEquals(List.of(a), mine.lines().stream().map(l -> l.dossier().id()).toList());
        // the leader lands on the unit's dossiers in processing
        OfficialDesk.WorkQueue lead = desk.queue(leader, null, null, 20, null);
        assertEquals(OfficialDesk.Scope.UNIT, lead.scope());
        assertEquals(DossierStatus.IN_PROCESSING, lead.status());
        // a tab asked is the tab answered, not a landing
        assertFalse(desk.queue(leader, DossierStatus.RECEIVED, OfficialDesk.Scope.UNIT, 20, null).landed());
    }

    @Test
    void theFinishedTabKeepsARefusedDossierAndTakesOnlyFinishedStatuses() {
        String c = received("0003", "Lê Văn Cường", "001080000222");
        desk.act(oneStop, c, new OfficialDesk.Move.Refuse("Không thuộc thẩm quyền"));
        OfficialDesk.WorkQueue done = desk.queue(oneStop, null, OfficialDesk.Scope.FINISHED, 20, null);
        assertEquals(DossierStatus.REFUSED, done.status(), "the first finished status holding a dossier");
        assertEquals(List.of(c), done.lines().stream().map(l -> l.dossier().id()).toList());
        assertEquals(List.of(), desk.queue(oneStop, DossierStatus.RECEIVED, OfficialDesk.Scope.UNIT, 20, null).lines());
        assertEquals("unknown-status", assertThrows(DomainException.class,
                () -> desk.queue(oneStop, DossierStatus.RECEIVED, OfficialDesk.Scope.FINISHED, 20, null)).problem());
        // nobody else sees it there
        assertEquals(List.of(), desk.queue(otherAgency, DossierStatus.REFUSED, OfficialDesk.Scope.FINISHED, 20, null).lines());
    }

    @Test
    void form04IsOfferedAndAcceptedOnlyWhenTheDossierIsLateOrDueWithinTheRulesWindow() {
        String id = received("0001", "Phạm Thị Hoa", "079199001234"); // due Mon 16 Mar 2026
        assertEquals(1, ExtensionWindow.standard().workingDaysBeforeDue(), "the window the dates below are chosen for");
        assertFalse(ExtensionWindow.standard().basis().document().isBlank());
        // two weeks before: neither offered nor accepted
        OfficialDesk early = desk(Instant.parse("2026-03-05T03:00:00Z"));
        OfficialDesk.DossierPage page = early.dossier(oneStop, id);
        assertFalse(page.moves().contains("extend"), page.moves().toString());
        assertNull(page.extensionDraft());
        DomainException no = assertThrows(DomainException.class,
                () -> early.act(oneStop, id, new OfficialDesk.Move.Extend("Chờ xác minh", LocalDate.of(2026, 3, 20))));
        assertEquals("extend-not-due", no.problem());
        assertEquals(DomainException.Kind.REFUSED, no.kind());
        // Fri 13 Mar: the appointment is the next working day
        OfficialDesk eve = desk(Instant.parse("2026-03-13T03:00:00Z"));
        OfficialDesk.DossierPage due = eve.dossier(oneStop, id);
        assertTrue(due.moves().contains("extend"), due.moves().toString());
        assertTrue(due.extensionDraft().reason().contains("16/03/2026"), "the draft's date as dd/mm/yyyy: " + due.extensionDraft().reason());
        // Tue 17 Mar: late
        OfficialDesk late = desk(Instant.parse("2026-03-17T03:00:00Z"));
        assertTrue(late.dossier(oneStop, id).moves().contains("extend"));
        Dossier extended = late.act(oneStop, id, new OfficialDesk.Move.Extend("Chờ xác minh", LocalDate.of(2026, 3, 27))).dossier();
        assertEquals(LocalDate.of(2026, 3, 27), extended.dueDate());
        // the new date is far: no second form 04 now
        assertFalse(late.dossier(oneStop, id).moves().contains("extend"));
    }
}
