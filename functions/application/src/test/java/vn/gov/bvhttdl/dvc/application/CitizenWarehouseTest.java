package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.FakeFileLinks;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryResults;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryWarehouse;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryWorkQueues;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Process;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The citizen keeps an accepted document of a finished dossier; the warehouse page; the files of its entries (issue #25). */
class CitizenWarehouseTest {
    final Instant t0 = Instant.parse("2026-03-02T03:00:00Z");
    final Clock clock = Clock.fixed(t0, ZoneOffset.UTC);
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final InMemoryWorkQueues lists = new InMemoryWorkQueues(dossiers);
    final InMemoryResults results = new InMemoryResults();
    final InMemoryWarehouse warehouse = new InMemoryWarehouse();
    final FakeFileLinks links = new FakeFileLinks();
    final Rules rules = new BundledRules();
    final ResultRenderer renderer = (r, p, url, note) -> new ResultRenderer.Signed(("%PDF " + r.number()).getBytes(StandardCharsets.UTF_8), "CN=Test unit");
    final IssueResult issue = new IssueResult(dossiers, dossiers, results, renderer, rules, clock, () -> "https://dvc.example.vn/", warehouse);
    final OfficialMoves moves = new OfficialMoves(dossiers, dossiers, rules, clock, issue, results);
    final CitizenWarehouse mine = new CitizenWarehouse(dossiers, dossiers, lists, warehouse, results, links, rules, clock);
    final Actor desk = Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP);
    final Actor specialist = Actor.official("lh", "CDLQG", "LUHANH", Post.SPECIALIST);
    final Actor leader = Actor.official("lead", "CDLQG", "LUHANH", Post.LEADER);
    final Actor hoa = Actor.citizen("hoa-sub");
    final VerifiedIdentity hoaId = new VerifiedIdentity("Phạm Thị Hoa", "079199001234", "hoa@example.vn");
    static final String ENTERPRISE = WarehouseDocument.enterprise("0101234567");

    /** A dossier of Hoa's for her enterprise, received, with an accepted and a rejected file; at the leader's signature. */
    String dossier(String enterpriseCode) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier.Change c = Dossier.draft("d-" + System.nanoTime(), p, hoa.subject(), new Applicant("Phạm Thị Hoa", "079199001234", enterpriseCode,
                "51 Ngô Quyền", "0987000111", null), Map.of("companyName", "Công ty TNHH Lữ hành Hoa Sen"), t0);
        dossiers.create(c);
        String id = c.dossier().id();
        Attachment dkdn = new Attachment(id, "dossiers/" + id + "/DKDN/up1", "DKDN", "dkdn.pdf", "application/pdf", 1000, Attachment.Status.PENDING,
                null, null, null, null, t0, null);
        dossiers.authoriseUpload(dkdn);
        dossiers.recordVerdict(dkdn.scanned(Attachment.Status.ACCEPTED, null, "application/pdf", "ab".repeat(32), 1, t0).ofVersion("v1"));
        Attachment bad = new Attachment(id, "dossiers/" + id + "/KYQUY/up2", "KYQUY", "kyquy.pdf", "application/pdf", 1000, Attachment.Status.PENDING,
                null, null, null, null, t0, null);
        dossiers.authoriseUpload(bad);
        dossiers.recordVerdict(bad.scanned(Attachment.Status.REJECTED, null, "text/html", "cd", 1, t0).ofVersion("v2"));
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), hoa, t0);
        dossiers.save(s);
        Process.Stage first = Process.of(p).first();
        dossiers.save(s.dossier().handle(new Command.Receive("000.00.12.G17-260302-" + (1000 + (int) (Math.random() * 8999)),
                LocalDate.of(2026, 3, 16), first.code(), first.unit(), LocalDate.of(2026, 3, 3)), Actor.system("v"), t0));
        moves.startProcessing(desk, id);
        moves.assign(specialist, id, null, null);
        moves.forward(specialist, id, null);
        return id;
    }

    /** Approved (the result issued) and the result downloaded: the dossier is finished. */
    String finished(String enterpriseCode) {
        String id = dossier(enterpriseCode);
        moves.approve(leader, id, null);
        new ReturnOnline(dossiers, results, clock).take(hoa, id, results.ofDossier(id).get(0).number());
        return id;
    }

    @Test
    void anAcceptedDocumentOfAFinishedDossierIsKeptOnceWhereItIs() {
        String id = finished("0101234567");
        WarehouseDocument kept = mine.keep(hoa, id, "up1");
        assertEquals(WarehouseDocument.Kind.KEPT, kept.kind());
        assertEquals(ENTERPRISE, kept.owner(), "the dossier's applicant owns it");
        assertEquals("dossiers/" + id + "/DKDN/up1", kept.fileKey(), "the file stays where it is");
        assertEquals("v1", kept.versionId(), "the version the scan judged");
        assertEquals("enterprise-registration-certificate", kept.documentKind());
        assertEquals("DKDN", kept.sourceComponent());
        assertEquals(id, kept.sourceDossierId());
        assertEquals(hoa.subject(), kept.addedBy());
        assertTrue(kept.ownerMayDelete());
        assertEquals(kept, mine.keep(hoa, id, "up1"), "kept twice: the same entry");
        assertEquals(2, warehouse.of(ENTERPRISE).size(), "the result and the kept document");
    }

    @Test
    void someoneElsesDossierIsNoDossierAtAll() {
        String id = finished("0101234567");
        DomainException e = assertThrows(DomainException.class, () -> mine.keep(Actor.citizen("someone-else"), id, "up1"));
        assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
        assertEquals("dossier-not-found", e.problem());
        assertEquals(1, warehouse.of(ENTERPRISE).size(), "only the result");
    }

    @Test
    void anUnfinishedDossierOrAFileNotAcceptedIsRefused() {
        String open = dossier("0101234567");
        DomainException e = assertThrows(DomainException.class, () -> mine.keep(hoa, open, "up1"));
        assertEquals(DomainException.Kind.REFUSED, e.kind());
        assertEquals("warehouse-not-finished", e.problem());
        String id = finished("0101234567");
        e = assertThrows(DomainException.class, () -> mine.keep(hoa, id, "up2"));
        assertEquals("warehouse-not-accepted", e.problem());
        assertEquals(DomainException.Kind.REFUSED, e.kind());
        assertEquals("attachment-not-found", assertThrows(DomainException.class, () -> mine.keep(hoa, id, "nope")).problem());
    }

    @Test
    void thePageListsEveryEntryOfHerWarehousesWithItsStateAndTheFilesOpen() {
        String first = finished("0101234567");
        CitizenWarehouse.Page before = mine.page(hoa, hoaId);
        assertEquals(List.of("up1"), before.keepable().stream().map(CitizenWarehouse.Keepable::uploadId).toList(),
                "the accepted file of her finished dossier may be kept; the rejected one may not");
        assertEquals(ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow().components().stream()
                .filter(c -> c.code().equals("DKDN")).findFirst().orElseThrow().name(), before.keepable().get(0).component(),
                "named as the dossier's procedure version names the component");
        WarehouseDocument kept = mine.keep(hoa, first, "up1");
        String second = dossier(null); // her own application: the result is hers personally
        moves.approve(leader, second, null);
        IssuedResult personal = results.ofDossier(second).get(0);
        moves.revokeResult(leader, second, personal.number(), "Cấp nhầm");

        CitizenWarehouse.Page page = mine.page(hoa, hoaId);
        assertEquals(List.of(WarehouseDocument.personal("079199001234"), ENTERPRISE), page.owners().stream().map(CitizenWarehouse.Owner::key).toList());
        assertEquals(3, page.lines().size());
        assertEquals(List.of(), page.keepable(), "kept already; the second dossier is not finished");
        CitizenWarehouse.Line revoked = page.lines().stream().filter(l -> l.document().id().equals(personal.id())).findFirst().orElseThrow();
        assertEquals("REVOKED", revoked.state());
        assertTrue(revoked.verifiable());
        assertEquals(personal.dossierCode(), revoked.dossierCode());
        CitizenWarehouse.Line keptLine = page.lines().stream().filter(l -> l.document().id().equals(kept.id())).findFirst().orElseThrow();
        assertEquals("VALID", keptLine.state());
        assertFalse(keptLine.verifiable(), "a kept copy has no verification page of its own");
        assertEquals("Giấy chứng nhận đăng ký doanh nghiệp", keptLine.kindName().vi());

        IssuedResult enterpriseResult = results.ofDossier(first).get(0);
        assertEquals("https://files.example/results/" + enterpriseResult.id() + "/ket-qua-" + enterpriseResult.number() + ".pdf",
                mine.file(hoa, hoaId, enterpriseResult.id()).toString());
        assertEquals("https://files.example/uploads/dossiers/" + first + "/DKDN/up1?v=v1", mine.file(hoa, hoaId, kept.id()).toString());
        assertEquals("warehouse-document-not-found", assertThrows(DomainException.class,
                () -> mine.file(Actor.citizen("other"), new VerifiedIdentity("Lê Văn B", "001099000001", null), kept.id())).problem(),
                "another person's entry is not theirs to open");
        assertEquals(List.of(), mine.page(Actor.citizen("other"), new VerifiedIdentity("Lê Văn B", "001099000001", null)).lines());
    }

    @Test
    void anEnterpriseTypedIntoADraftOpensNothing() {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        dossiers.create(Dossier.draft("d-typed", p, "mallory", new Applicant("Mallory", "001099000002", "0101234567", "x", "0987000111", null),
                Map.of(), t0));
        finished("0101234567");
        CitizenWarehouse.Page page = mine.page(Actor.citizen("mallory"), new VerifiedIdentity("Mallory", "001099000002", null));
        assertEquals(List.of(WarehouseDocument.personal("001099000002")), page.owners().stream().map(CitizenWarehouse.Owner::key).toList());
        assertEquals(List.of(), page.lines());
    }
}
