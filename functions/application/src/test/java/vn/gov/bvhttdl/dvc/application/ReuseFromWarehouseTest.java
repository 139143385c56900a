package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.FakeFileLinks;
import vn.gov.bvhttdl.dvc.application.fakes.FakeGateway;
import vn.gov.bvhttdl.dvc.application.fakes.FakeUploadLinks;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryNotices;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryPayments;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryReadLog;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryResults;
import vn.gov.bvhttdl.dvc.application.fakes.InMemorySurveyAnswers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryWarehouse;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryWorkQueues;
import vn.gov.bvhttdl.dvc.application.fakes.RecordingQueue;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Facts;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Process;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue #25 item 2 on the fakes: the checklist offers only the owner's valid documents that match a component; one
 * attaches by reference (accepted at once, its provenance naming the warehouse); revoked before the submission → a
 * problem naming it; revoked before the reception → a supplement request naming it; someone else's document → NOT
 * FOUND; a supplement asking for what the warehouse holds valid → a warning; the officials open the warehouse's file.
 */
class ReuseFromWarehouseTest {
    static final String LICENCE = "travel-licence-international";
    static final String ID_NUMBER = "079199001234";
    final Instant t0 = Instant.parse("2026-12-01T03:00:00Z");
    final Clock clock = Clock.fixed(t0, ZoneOffset.UTC);
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final InMemoryWarehouse warehouse = new InMemoryWarehouse();
    final InMemoryResults results = new InMemoryResults();
    final BundledRules rules = new BundledRules();
    final RecordingQueue queue = new RecordingQueue();
    final FakeFileLinks links = new FakeFileLinks();
    /** The rules of the test: DL-002's GPCU (the licence already issued) is satisfied by an international travel licence. */
    final WarehouseMatching matching = (procedure, component) ->
            procedure.equals("BVHTTDL-DL-002") && component.equals("GPCU") ? Set.of(LICENCE) : Set.of();
    final CitizenDesk desk = new CitizenDesk(dossiers, dossiers, dossiers, new InMemoryWorkQueues(dossiers), rules, queue, new FakeUploadLinks(), links,
            new InMemoryNotices(), new InMemoryPayments(dossiers), PaymentLedger.byProvider(List.of(new FakeGateway("vnpay"))), results,
            new InMemorySurveyAnswers(), clock, id -> "https://dvc.example.vn/verify/" + id, EnterpriseRegistry.NONE, new InMemoryReadLog(),
            warehouse, matching);
    final IssueResult issue = new IssueResult(dossiers, dossiers, results, (r, p, url, note) -> new ResultRenderer.Signed(
            ("%PDF " + r.number()).getBytes(StandardCharsets.UTF_8), "CN=Test unit"), rules, clock, "https://dvc.example.vn/");
    final OfficialDesk officials = new OfficialDesk(dossiers, dossiers, new InMemoryWorkQueues(dossiers), rules, new InMemoryPayments(dossiers), results,
            new InMemoryNotices(), new InMemorySurveyAnswers(), links, issue, new InMemoryReadLog(), clock, warehouse, matching);
    final Actor me = Actor.citizen("sub-hoa");
    final String owner = WarehouseDocument.personal(ID_NUMBER);
    int drafts;

    WarehouseDocument doc(String owner, String id, String kind, WarehouseDocument.Status status, LocalDate validUntil) {
        return new WarehouseDocument(owner, id, WarehouseDocument.Kind.RESULT, kind, new Text("Giấy phép kinh doanh dịch vụ lữ hành quốc tế",
                "International travel business licence"), "000.00.12.G17-261101-0001-KQ1", null, "01/2026/GP-CDLQG", null,
                LocalDate.of(2026, 11, 10), validUntil, null, "Cục Du lịch Quốc gia Việt Nam", "res-" + id, null, "ab12", "res-" + id,
                status, null, status == WarehouseDocument.Status.REVOKED ? "Ban hành nhầm" : null, "d-first", null, t0.minusSeconds(86400), "system");
    }

    /** A DL-002 draft of Hoa's, with its application and proof of the change uploaded; only the old licence left. */
    String draft() {
        Procedure p = ProcedureCatalogue.load().find("BVHTTDL-DL-002").orElseThrow();
        String id = "d-" + (++drafts);
        dossiers.create(Dossier.draft(id, p, me.subject(), new Applicant("Phạm Thị Hoa", ID_NUMBER, null, "Hà Nội", "0987000111", "hoa@example.vn"),
                Map.of(), t0));
        for (String c : List.of("DON", "THAYDOI")) {
            dossiers.addFile(new Attachment(id, "dossiers/" + id + "/" + c + "/u-" + c, c, c + ".pdf", "application/pdf", 100,
                    Attachment.Status.ACCEPTED, null, "application/pdf", "cd", 1, t0, t0));
        }
        return id;
    }

    void stock() {
        warehouse.add(doc(owner, "w-valid", LICENCE, WarehouseDocument.Status.VALID, LocalDate.of(2030, 1, 1)));
        warehouse.add(doc(owner, "w-revoked", LICENCE, WarehouseDocument.Status.REVOKED, null));
        warehouse.add(doc(owner, "w-expired", LICENCE, WarehouseDocument.Status.VALID, LocalDate.of(2026, 11, 30)));
        warehouse.add(doc(owner, "w-other-kind", "film-classification", WarehouseDocument.Status.VALID, null));
        warehouse.add(doc(WarehouseDocument.personal("001099000321"), "w-someone-else", LICENCE, WarehouseDocument.Status.VALID, null));
    }

    @Test
    void theChecklistOffersOnlyTheOwnersValidMatchingDocumentsForTheComponentsStillToFill() {
        stock();
        String id = draft();
        CitizenDesk.DossierPage page = desk.dossier(me, id);
        assertEquals(1, page.fromWarehouse().size(), "only GPCU has a match: " + page.fromWarehouse());
        ReuseFromWarehouse.Offer offer = page.fromWarehouse().getFirst();
        assertEquals("GPCU", offer.componentCode());
        assertEquals(List.of("w-valid"), offer.choices().stream().map(ReuseFromWarehouse.Choice::id).toList(),
                "not the revoked, the expired, another kind's or someone else's");
        assertFalse(offer.choices().getFirst().national());
        assertEquals("01/2026/GP-CDLQG", offer.choices().getFirst().numberAndSymbol());

        CitizenDesk.DossierPage after = desk.attachFromWarehouse(me, id, "GPCU", "w-valid");
        assertEquals(List.of(), after.fromWarehouse(), "filled: nothing offered any more");
        assertTrue(after.checklist().complete() || after.checklist().problems().stream().noneMatch(t -> t.vi().contains("Giấy phép kinh doanh dịch vụ lữ hành đã được cấp")),
                "the component counts as present: " + after.checklist().problems());
    }

    @Test
    void attachingTakesTheDocumentByReferenceAcceptedAtOnceWithItsProvenanceAndTrail() {
        stock();
        String id = draft();
        desk.attachFromWarehouse(me, id, "GPCU", "w-valid");
        Attachment a = dossiers.attachments(id).stream().filter(x -> x.componentCode().equals("GPCU")).findFirst().orElseThrow();
        assertEquals(Attachment.Status.ACCEPTED, a.status(), "its file was judged when it entered the warehouse");
        assertEquals(Attachment.Origin.REUSED, a.origin(), "this system's warehouse: the national portal's DuocTaiSuDung");
        assertTrue(a.fromWarehouse());
        assertEquals("w-valid", a.provenance().reference());
        assertEquals(owner, a.provenance().owner());
        assertEquals("000.00.12.G17-261101-0001-KQ1", a.provenance().resultCode());
        assertEquals(Attachment.Provenance.THIS_WAREHOUSE, a.provenance().database());
        assertTrue(a.key().startsWith("dossiers/" + id + "/GPCU/"), a.key());
        AuditEvent e = dossiers.history(id).stream().filter(x -> x.action().equals("attachment-from-warehouse")).findFirst().orElseThrow();
        assertEquals(me.subject(), e.actor());
        assertEquals("w-valid", e.details().get("document"));
        assertEquals("GPCU", e.details().get("component"));
        assertFalse(e.details().containsValue(owner), "the owner's ID stays on the file, not in the trail");
    }

    @Test
    void someoneElsesDocumentAnUnknownOneAndSomeoneElsesDossierAreNotFound() {
        stock();
        String id = draft();
        DomainException other = assertThrows(DomainException.class, () -> desk.attachFromWarehouse(me, id, "GPCU", "w-someone-else"));
        assertEquals("warehouse-document-not-found", other.problem());
        assertEquals(DomainException.Kind.NOT_FOUND, other.kind());
        assertEquals("warehouse-document-not-found", assertThrows(DomainException.class, () -> desk.attachFromWarehouse(me, id, "GPCU", "nope")).problem());
        assertEquals("dossier-not-found", assertThrows(DomainException.class,
                () -> desk.attachFromWarehouse(Actor.citizen("sub-other"), id, "GPCU", "w-valid")).problem(), "only the dossier's owner");
        assertTrue(dossiers.attachments(id).stream().noneMatch(Attachment::fromWarehouse), "nothing attached");
    }

    @Test
    void aRevokedExpiredOrUnmatchingDocumentIsRefusedNamingIt() {
        stock();
        String id = draft();
        DomainException revoked = assertThrows(DomainException.class, () -> desk.attachFromWarehouse(me, id, "GPCU", "w-revoked"));
        assertEquals("warehouse-document-unusable", revoked.problem());
        assertTrue(revoked.text().vi().contains("01/2026/GP-CDLQG") && revoked.text().vi().contains("thu hồi"), revoked.text().vi());
        assertTrue(revoked.text().en().contains("revoked"), revoked.text().en());
        DomainException expired = assertThrows(DomainException.class, () -> desk.attachFromWarehouse(me, id, "GPCU", "w-expired"));
        assertTrue(expired.text().en().contains("expired"), expired.text().en());
        DomainException kind = assertThrows(DomainException.class, () -> desk.attachFromWarehouse(me, id, "DON", "w-valid"));
        assertEquals("warehouse-document-not-matching", kind.problem());
        assertTrue(kind.text().vi().contains("Đơn đề nghị"), kind.text().vi());
    }

    @Test
    void onlyWhileTheDossierIsEditable() {
        stock();
        String id = draft();
        Dossier d = dossiers.find(id).orElseThrow();
        dossiers.save(d.handle(new Command.Submit("{}", 2), me, t0));
        assertEquals("not-editable", assertThrows(DomainException.class, () -> desk.attachFromWarehouse(me, id, "GPCU", "w-valid")).problem());
    }

    @Test
    void revokedBeforeTheSubmissionTheSubmissionIsRefusedNamingTheDocument() {
        stock();
        String id = draft();
        desk.attachFromWarehouse(me, id, "GPCU", "w-valid");
        WarehouseDocument valid = warehouse.find(owner, "w-valid").orElseThrow();
        warehouse.update(valid.withStatus(WarehouseDocument.Status.REVOKED, null, "Ban hành nhầm"), WarehouseDocument.Status.VALID);
        DomainException e = assertThrows(DomainException.class, () -> desk.submit(me, id));
        assertEquals("warehouse-document-unusable", e.problem());
        assertTrue(e.text().vi().contains("Giấy phép kinh doanh dịch vụ lữ hành quốc tế số 01/2026/GP-CDLQG") && e.text().vi().contains("thu hồi"), e.text().vi());
        assertEquals("component.GPCU", e.errors().getFirst().field());
        assertEquals(DossierStatus.DRAFT, dossiers.find(id).orElseThrow().status());
        assertTrue(queue.sent.isEmpty(), "nothing handed over");
    }

    @Test
    void revokedBetweenSubmissionAndReceptionTheReceptionAsksForItNamingTheDocument() {
        stock();
        String id = draft();
        desk.attachFromWarehouse(me, id, "GPCU", "w-valid");
        Dossier d = dossiers.find(id).orElseThrow();
        // the form and files as the submission would have checked them (the form of DL-002 aside), then revoked
        dossiers.save(d.handle(new Command.Submit("{}", 3, 1, 0), me, t0));
        WarehouseDocument valid = warehouse.find(owner, "w-valid").orElseThrow();
        warehouse.update(valid.withStatus(WarehouseDocument.Status.REVOKED, null, "Ban hành nhầm"), WarehouseDocument.Status.VALID);
        ReceiveSubmission reception = new ReceiveSubmission(dossiers, dossiers, dossiers, dossiers, rules, (r, p, f, k, at) -> { }, clock,
                new ReuseFromWarehouse(dossiers, dossiers, rules, warehouse, matching, clock));
        assertEquals(ReceiveSubmission.Outcome.SUPPLEMENT_REQUESTED, reception.receive(id));
        AuditEvent asked = dossiers.history(id).stream().filter(x -> x.action().equals("request-supplement")).findFirst().orElseThrow();
        assertTrue(asked.reason().contains("Giấy phép kinh doanh dịch vụ lữ hành quốc tế số 01/2026/GP-CDLQG") && asked.reason().contains("thu hồi"), asked.reason());
    }

    @Test
    void theSubmissionRecordsHowManyFilesCameFromTheWarehouseOnceAsAFact() {
        stock();
        String id = draft();
        desk.attachFromWarehouse(me, id, "GPCU", "w-valid");
        Dossier d = dossiers.find(id).orElseThrow();
        List<Attachment> files = dossiers.attachments(id);
        new ReuseFromWarehouse(dossiers, dossiers, rules, warehouse, matching, clock).requireUsable(d, files);
        Dossier.Change c = d.handle(new Command.Submit("{}", files.size(), 1, 0), me, t0);
        dossiers.save(c);
        Facts f = c.dossier().facts();
        assertEquals(3, f.files());
        assertEquals(1, f.reused());
        assertEquals(0, f.fromWarehouse());
        assertEquals(f, Facts.fromTrail(dossiers.history(id)), "the same facts from the trail: recorded once, by the submission");
    }

    @Test
    void anOfficialAskingInASupplementForWhatTheWarehouseHoldsValidIsWarnedAndMayGoOn() {
        stock();
        String id = received();
        Actor desk = oneStop(id);
        OfficialDesk.DossierPage page = officials.act(desk, id, new OfficialDesk.Move.RequestSupplement(
                List.of("Giấy phép kinh doanh dịch vụ lữ hành đã được cấp (bản chụp)", "Bản khai bổ sung")));
        assertEquals(DossierStatus.AWAITING_SUPPLEMENT, page.dossier().status(), "the official may still go on");
        assertEquals(1, page.warnings().size(), page.warnings().toString());
        assertTrue(page.warnings().getFirst().vi().contains("01/2026/GP-CDLQG"), page.warnings().getFirst().vi());
        assertTrue(page.warnings().getFirst().en().contains("already holds a valid document"), page.warnings().getFirst().en());
        assertEquals(List.of(), officials.dossier(desk, id).warnings(), "a read carries none");
    }

    @Test
    void aSupplementForSomethingElseOrWithNothingValidInTheWarehouseIsNotWarned() {
        warehouse.add(doc(owner, "w-revoked", LICENCE, WarehouseDocument.Status.REVOKED, null));
        String id = received();
        OfficialDesk.DossierPage page = officials.act(oneStop(id), id, new OfficialDesk.Move.RequestSupplement(
                List.of("Giấy phép kinh doanh dịch vụ lữ hành đã được cấp")));
        assertEquals(List.of(), page.warnings(), "only a revoked one: nothing to warn of");
    }

    @Test
    void theOfficialsOpenAResultTakenFromTheWarehouseFromTheResultsStore() {
        stock();
        String id = draft();
        results.store(new IssuedResult("res-w-valid", "000.00.12.G17-261101-0001-KQ1", 1, "d-first", "000.00.12.G17-261101-0001", "BVHTTDL-DL-001",
                1, "CDLQG", new Text("Giấy phép", "Licence"), List.of(), t0.minusSeconds(86400), null, "ab12", "CN=Test unit",
                IssuedResult.Status.VALID, null, null, null), "%PDF".getBytes(StandardCharsets.UTF_8));
        desk.attachFromWarehouse(me, id, "GPCU", "w-valid");
        Dossier d = dossiers.find(id).orElseThrow();
        dossiers.save(d.handle(new Command.Submit("{}", 3, 1, 0), me, t0));
        receive(id);
        Attachment a = dossiers.attachments(id).stream().filter(Attachment::fromWarehouse).findFirst().orElseThrow();
        URI link = officials.file(oneStop(id), id, a.uploadId());
        assertTrue(link.toString().startsWith("https://files.example/results/res-w-valid/"), link.toString());
    }

    @Test
    void theOfficialsOpenAKeptDocumentAtTheVersionItsEntryNames() {
        String id = draft();
        WarehouseDocument kept = new WarehouseDocument(owner, "w-kept", WarehouseDocument.Kind.KEPT, LICENCE, new Text("Giấy phép cũ", "Old licence"),
                null, null, "09/2020/GP", null, LocalDate.of(2020, 1, 1), null, null, "Cục Du lịch", "dossiers/d-old/GPCU/u-1", "v-7", "ef",
                null, WarehouseDocument.Status.VALID, null, null, "d-old", "GPCU", t0, me.subject());
        warehouse.add(kept);
        desk.attachFromWarehouse(me, id, "GPCU", "w-kept");
        Dossier d = dossiers.find(id).orElseThrow();
        dossiers.save(d.handle(new Command.Submit("{}", 3, 1, 0), me, t0));
        receive(id);
        Attachment a = dossiers.attachments(id).stream().filter(Attachment::fromWarehouse).findFirst().orElseThrow();
        assertEquals(URI.create("https://files.example/uploads/dossiers/d-old/GPCU/u-1?v=v-7"), officials.file(oneStop(id), id, a.uploadId()));
    }

    @Test
    void theNationalPortalsSyncCountsTheComponentReusedAndLinksTheWarehousesFile() {
        stock();
        String id = draft();
        results.store(new IssuedResult("res-w-valid", "000.00.12.G17-261101-0001-KQ1", 1, "d-first", "000.00.12.G17-261101-0001", "BVHTTDL-DL-001",
                1, "CDLQG", new Text("Giấy phép", "Licence"), List.of(), t0.minusSeconds(86400), null, "ab12", "CN=Test unit",
                IssuedResult.Status.VALID, null, null, null), "%PDF".getBytes(StandardCharsets.UTF_8));
        desk.attachFromWarehouse(me, id, "GPCU", "w-valid");
        Dossier d = dossiers.find(id).orElseThrow();
        dossiers.save(d.handle(new Command.Submit("{}", 3, 1, 0), me, t0));
        receive(id);
        var portal = new vn.gov.bvhttdl.dvc.application.fakes.RecordingNationalPortal();
        SyncToNationalPortal sync = new SyncToNationalPortal(dossiers, dossiers, new InMemoryPayments(dossiers), results, links, rules, portal,
                new vn.gov.bvhttdl.dvc.application.fakes.InMemorySyncMarkers(), warehouse);
        sync.handle(id, dossiers.find(id).orElseThrow().version());
        Map<String, Object> record = portal.taken().stream().filter(c -> c.kind().equals("sync")).reduce((a, b) -> b).orElseThrow().body();
        Map<?, ?> gpcu = ((List<?>) record.get("TaiLieuNop")).stream().map(x -> (Map<?, ?>) x)
                .filter(x -> "GPCU".equals(x.get("MaThanhPhanHoSo"))).findFirst().orElseThrow();
        assertEquals("1", gpcu.get("DuocTaiSuDung"), "this system's warehouse: reused");
        assertEquals("0", gpcu.get("DuocLayTuKhoDMQG"), "not the national portal's warehouse");
        assertTrue(String.valueOf(gpcu.get("DuongDanTaiTepTin")).startsWith("https://files.example/results/res-w-valid/"), String.valueOf(gpcu.get("DuongDanTaiTepTin")));
    }

    String received() {
        String id = draft();
        Dossier d = dossiers.find(id).orElseThrow();
        dossiers.save(d.handle(new Command.Submit("{}", 2), me, t0));
        receive(id);
        return id;
    }

    void receive(String id) {
        Dossier s = dossiers.find(id).orElseThrow();
        Procedure p = ProcedureCatalogue.load().find("BVHTTDL-DL-002").orElseThrow();
        Process.Stage first = Process.of(p).first();
        dossiers.save(s.handle(new Command.Receive("000.00.12.G17-261201-000" + drafts, LocalDate.of(2026, 12, 20), first.code(), first.unit(),
                LocalDate.of(2026, 12, 2)), Actor.system("v"), t0));
    }

    Actor oneStop(String id) {
        Dossier d = dossiers.find(id).orElseThrow();
        return Actor.official("mc", d.agencyCode(), d.processing().unit(), Post.ONE_STOP);
    }
}
