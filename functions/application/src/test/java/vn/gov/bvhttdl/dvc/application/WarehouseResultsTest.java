package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryResults;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryWarehouse;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Command;
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

/** Every result enters its owner's warehouse when issued; a correction or a revocation changes its entry (issue #25). */
class WarehouseResultsTest {
    final Instant t0 = Instant.parse("2026-03-02T03:00:00Z");
    final Clock clock = Clock.fixed(t0, ZoneOffset.UTC);
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final InMemoryResults results = new InMemoryResults();
    final InMemoryWarehouse warehouse = new InMemoryWarehouse();
    final Rules rules = new BundledRules();
    final ResultRenderer renderer = (r, p, url, note) -> new ResultRenderer.Signed(
            ("%PDF " + r.number() + " " + url + " " + note).getBytes(StandardCharsets.UTF_8), "CN=Test unit");
    final IssueResult issue = new IssueResult(dossiers, dossiers, results, renderer, rules, clock, () -> "https://dvc.example.vn/", warehouse);
    final OfficialMoves moves = new OfficialMoves(dossiers, dossiers, rules, clock, issue, results);
    final Actor desk = Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP);
    final Actor specialist = Actor.official("lh", "CDLQG", "LUHANH", Post.SPECIALIST);
    final Actor leader = Actor.official("lead", "CDLQG", "LUHANH", Post.LEADER);
    static final String ENTERPRISE = WarehouseDocument.enterprise("0101234567");

    String atSigning(Applicant applicant) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier.Change c = Dossier.draft("d-" + System.nanoTime(), p, "owner", applicant,
                Map.of("companyName", "Công ty TNHH Lữ hành Hoa Sen", "scope", "inbound"), t0);
        dossiers.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner"), t0);
        dossiers.save(s);
        Process.Stage first = Process.of(p).first();
        dossiers.save(s.dossier().handle(new Command.Receive("000.00.12.G17-260302-" + (1000 + (int) (Math.random() * 8999)),
                LocalDate.of(2026, 3, 16), first.code(), first.unit(), LocalDate.of(2026, 3, 3)), Actor.system("v"), t0));
        String id = c.dossier().id();
        moves.startProcessing(desk, id);
        moves.assign(specialist, id, null, null);
        moves.forward(specialist, id, null);
        return id;
    }

    String atSigning() {
        return atSigning(new Applicant("Phạm Thị Hoa", "079199001234", "0101234567", "51 Ngô Quyền", "0987000111", null));
    }

    @Test
    void theResultIsPushedWithItsMetadataWhenIssued() {
        String id = atSigning();
        moves.approve(leader, id, "Đủ điều kiện");
        IssuedResult r = results.ofDossier(id).get(0);
        List<WarehouseDocument> entries = warehouse.of(ENTERPRISE);
        assertEquals(1, entries.size(), "the enterprise applied: its warehouse holds the result");
        WarehouseDocument e = entries.get(0);
        assertEquals(r.id(), e.id());
        assertEquals(WarehouseDocument.Kind.RESULT, e.kind());
        assertEquals(r.number(), e.resultCode());
        assertTrue(e.resultCode().endsWith("-KQ1"));
        assertEquals("travel-licence-international", e.documentKind());
        assertEquals("Giấy phép kinh doanh dịch vụ lữ hành quốc tế", e.name().vi());
        assertEquals(r.number(), e.numberAndSymbol());
        assertNotNull(e.summary());
        assertEquals(LocalDate.of(2026, 3, 2), e.issuedOn());
        assertNull(e.validUntil(), "a travel licence has no end");
        assertEquals(r.face().stream().filter(l -> l.label().startsWith("Phạm vi")).findFirst().map(IssuedResult.Line::value).orElse(null), e.scope());
        assertEquals(r.id(), e.fileKey(), "the file is the result's, in the results store");
        assertEquals(r.id(), e.verificationId());
        assertEquals(r.sha256(), e.sha256());
        assertEquals(WarehouseDocument.Status.VALID, e.status());
        assertEquals(id, e.sourceDossierId());
        assertEquals(ResultsInWarehouse.SYSTEM, e.addedBy());
        assertNull(e.nationalTypeCode(), "the national result-type code is not known for this procedure");
        assertEquals(List.of(), warehouse.of(WarehouseDocument.personal("079199001234")), "the enterprise is the owner, not its representative");

        Dossier d = dossiers.find(id).orElseThrow();
        assertFalse(new ResultsInWarehouse(warehouse, rules).issued(r, d, null), "pushed again: added once");
        assertEquals(1, warehouse.of(ENTERPRISE).size());
    }

    @Test
    void aPersonsResultGoesToTheirPersonalWarehouse() {
        String id = atSigning(new Applicant("Phạm Thị Hoa", "079199001234", null, "51 Ngô Quyền", "0987000111", null));
        moves.approve(leader, id, null);
        assertEquals(1, warehouse.of(WarehouseDocument.personal("079199001234")).size());
    }

    @Test
    void aRevocationMarksTheEntryRevokedWithTheReason() {
        String id = atSigning();
        moves.approve(leader, id, null);
        IssuedResult r = results.ofDossier(id).get(0);
        moves.revokeResult(leader, id, r.number(), "Cấp nhầm doanh nghiệp");
        WarehouseDocument e = warehouse.find(ENTERPRISE, r.id()).orElseThrow();
        assertEquals(WarehouseDocument.Status.REVOKED, e.status());
        assertEquals("Cấp nhầm doanh nghiệp", e.statusReason());
        assertEquals("REVOKED", e.state(LocalDate.of(2026, 3, 3)));
        assertFalse(e.usable(LocalDate.of(2026, 3, 3)));
    }

    @Test
    void aCorrectionReplacesTheOldEntryAndPushesTheNewResult() {
        String id = atSigning();
        moves.approve(leader, id, null);
        IssuedResult first = results.ofDossier(id).get(0);
        IssuedResult second = moves.correctResult(leader, id, first.number(), "Sửa địa chỉ trụ sở");
        WarehouseDocument old = warehouse.find(ENTERPRISE, first.id()).orElseThrow();
        assertEquals(WarehouseDocument.Status.REPLACED, old.status());
        assertEquals(second.id(), old.replacedBy(), "the entry that replaced it");
        assertEquals("Sửa địa chỉ trụ sở", old.statusReason());
        WarehouseDocument next = warehouse.find(ENTERPRISE, second.id()).orElseThrow();
        assertEquals(WarehouseDocument.Status.VALID, next.status());
        assertTrue(next.resultCode().endsWith("-KQ2"));
        assertEquals(2, warehouse.of(ENTERPRISE).size());
    }

    @Test
    void aLostPushIsMadeGoodWhenTheResultIsRevoked() {
        String id = atSigning();
        moves.approve(leader, id, null);
        IssuedResult r = results.ofDossier(id).get(0);
        warehouse.remove(ENTERPRISE, r.id()); // as if the push had failed after the issue
        moves.revokeResult(leader, id, r.number(), "Sai thông tin");
        assertEquals(WarehouseDocument.Status.REVOKED, warehouse.find(ENTERPRISE, r.id()).orElseThrow().status());
    }

    @Test
    void anApplicantWithoutAnIdentifierHasNoWarehouse() {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier d = Dossier.draft("d-none", p, "owner", new Applicant("Ai đó", null, null, "x", "0987000111", null), Map.of(), t0).dossier();
        IssuedResult r = new IssuedResult("abcdefghijkmnpqrstuvwxyz23", "X-KQ1", 1, d.id(), "X", p.code(), p.version(), p.agencyCode(),
                p.resultType(), List.of(), t0, null, "00", null, IssuedResult.Status.VALID, null, null, null);
        assertFalse(new ResultsInWarehouse(warehouse, rules).issued(r, d, p));
    }
}
