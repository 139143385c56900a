package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.FakeFileLinks;
import vn.gov.bvhttdl.dvc.application.fakes.FakeUploadLinks;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryNotices;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryPayments;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryReadLog;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryResults;
import vn.gov.bvhttdl.dvc.application.fakes.InMemorySurveyAnswers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryWorkQueues;
import vn.gov.bvhttdl.dvc.application.fakes.RecordingQueue;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
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
 * Officials' reads of a dossier are recorded before they are answered (who, unit, post, when, what), a read that
 * cannot be recorded is refused (503, nothing answered), and the owner — only the owner — sees them.
 */
class OfficialReadsTest {
    final Instant t0 = Instant.parse("2026-03-02T03:00:00Z");
    final Clock clock = Clock.fixed(t0, ZoneOffset.UTC);
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final InMemoryResults results = new InMemoryResults();
    final Rules rules = new BundledRules();
    final FakeFileLinks links = new FakeFileLinks();
    final InMemoryReadLog log = new InMemoryReadLog();
    final IssueResult issue = new IssueResult(dossiers, dossiers, results, (r, p, url, note) -> new ResultRenderer.Signed(
            ("%PDF " + r.number()).getBytes(StandardCharsets.UTF_8), "CN=Test unit"), rules, clock, "https://dvc.example.vn/");
    final OfficialDesk desk = new OfficialDesk(dossiers, dossiers, new InMemoryWorkQueues(dossiers), rules, new InMemoryPayments(dossiers), results,
            new InMemoryNotices(), new InMemorySurveyAnswers(), links, issue, log, clock);
    final CitizenDesk citizens = new CitizenDesk(dossiers, dossiers, dossiers, new InMemoryWorkQueues(dossiers), rules, new RecordingQueue(),
            new FakeUploadLinks(), links, new InMemoryNotices(), new InMemoryPayments(dossiers), Map.of(), results, new InMemorySurveyAnswers(),
            clock, id -> "https://dvc.example.vn/verify/" + id, EnterpriseRegistry.NONE, log);
    final Actor oneStop = Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP);
    final Actor specialist = Actor.official("lh", "CDLQG", "LUHANH", Post.SPECIALIST);

    String received() {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier.Change c = Dossier.draft("d-r1", p, "owner", new Applicant("Phạm Thị Hoa", "079199001234", null, null, "0987000111", null),
                Map.of("companyName", "Công ty TNHH Lữ hành Hoa Sen"), t0);
        dossiers.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner"), t0);
        dossiers.save(s);
        Process.Stage first = Process.of(p).first();
        dossiers.save(s.dossier().handle(new Command.Receive("000.00.12.G17-260302-0901", LocalDate.of(2026, 3, 16), first.code(), first.unit(),
                LocalDate.of(2026, 3, 3)), Actor.system("v"), t0));
        dossiers.addFile(new Attachment(c.dossier().id(), "dossiers/" + c.dossier().id() + "/DON/u-0901", "DON", "don.pdf", "application/pdf", 100,
                Attachment.Status.ACCEPTED, null, "pdf", "00", 1, t0, t0, null));
        return c.dossier().id();
    }

    @Test
    void anOfficialsReadsAreRecordedWithWhoUnitPostWhenAndWhat() {
        String id = received();
        desk.dossier(oneStop, "Nguyễn Văn Một", id);
        desk.file(oneStop, "Nguyễn Văn Một", id, "u-0901");
        desk.form(oneStop, "Nguyễn Văn Một", id, "06");
        desk.byCode(oneStop, "Nguyễn Văn Một", "000.00.12.G17-260302-0901");

        List<ReadLog.Read> all = log.all();
        assertEquals(List.of(RecordReads.VIEW_DOSSIER, RecordReads.DOWNLOAD_FILE, RecordReads.DOWNLOAD_FORM, RecordReads.VIEW_DOSSIER),
                all.stream().map(ReadLog.Read::action).toList());
        ReadLog.Read first = all.get(0);
        assertEquals(id, first.dossierId());
        assertEquals("mc", first.official());
        assertEquals("Nguyễn Văn Một", first.officialName());
        assertEquals("CDLQG", first.agency());
        assertEquals("MOTCUA", first.unit());
        assertEquals("ONE_STOP", first.post());
        assertEquals(t0, first.at());
        assertNull(first.detail(), "the page: no detail");
        assertEquals("don.pdf (DON)", all.get(1).detail(), "the file's name and component");
        assertEquals("06", all.get(2).detail(), "the form's number");
    }

    @Test
    void aReadOutOfScopeIsNotFoundAndNotRecorded() {
        String id = received();
        assertEquals("dossier-not-found", assertThrows(DomainException.class, () -> desk.dossier(specialist, "Lê Văn Hai", id)).problem());
        assertThrows(DomainException.class, () -> desk.file(oneStop, "Nguyễn Văn Một", id, "u-none"));
        assertEquals(List.of(), log.all(), "nothing was read, nothing recorded");
    }

    @Test
    void aReadThatCannotBeRecordedIsRefusedWith503AndAnswersNothing() {
        String id = received();
        log.failing(true);
        DomainException e = assertThrows(DomainException.class, () -> desk.dossier(oneStop, "Nguyễn Văn Một", id));
        assertEquals("read-log-unavailable", e.problem());
        assertEquals(503, e.kind().status());
        assertEquals(List.of(), links.opened, "no link to the file was made");
        assertEquals("read-log-unavailable", assertThrows(DomainException.class, () -> desk.file(oneStop, "Nguyễn Văn Một", id, "u-0901")).problem());
        assertEquals(List.of(), links.opened, "no link to the file was made");
        log.failing(false);
        assertEquals(id, desk.dossier(oneStop, "Nguyễn Văn Một", id).dossier().id(), "once the log is back, the read is answered");
        assertEquals(1, log.all().size());
    }

    @Test
    void theOwnerSeesTheReadsNewestFirstAndNoOneElseDoes() {
        String id = received();
        desk.dossier(oneStop, "Nguyễn Văn Một", id);
        desk.file(oneStop, "Nguyễn Văn Một", id, "u-0901");
        ReadLog.Page page = citizens.reads(Actor.citizen("owner"), id, 20, null);
        assertEquals(2, page.reads().size());
        assertEquals(List.of("Nguyễn Văn Một", "Nguyễn Văn Một"), page.reads().stream().map(ReadLog.Read::officialName).toList());
        assertTrue(page.reads().stream().allMatch(r -> r.unit().equals("MOTCUA")));
        assertEquals(2, citizens.dossier(Actor.citizen("owner"), id).reads().reads().size(), "the page carries the latest reads");
        ReadLog.Page one = citizens.reads(Actor.citizen("owner"), id, 1, null);
        assertEquals(1, one.reads().size());
        assertNotNull(one.next());
        assertEquals(1, citizens.reads(Actor.citizen("owner"), id, 1, one.next()).reads().size());
        assertEquals("dossier-not-found", assertThrows(DomainException.class, () -> citizens.reads(Actor.citizen("someone-else"), id, 20, null)).problem());
        assertEquals("invalid-page", assertThrows(DomainException.class, () -> citizens.reads(Actor.citizen("owner"), id, 0, null)).problem());
    }
}
