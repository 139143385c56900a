package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.FakeFileLinks;
import vn.gov.bvhttdl.dvc.application.fakes.FakeGateway;
import vn.gov.bvhttdl.dvc.application.fakes.FakeUploadLinks;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDocumentList;
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
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue #25 item 2, the national part, on the fakes: the checklist offers the applicant's results on the national
 * portal's document list (matched to a component by the kinds' names of rules/warehouse.json), marked national, only
 * the owner's; one attaches by reference with origin WAREHOUSE (DuocLayTuKhoDMQG) and the portal's result code, nothing
 * uploaded; the portal down → no national offers, the page still answers.
 */
class ReuseFromNationalListTest {
    static final String ID_NUMBER = "079199001234";
    static final String CODE = "000.00.00.G15-250301-0001-KQ1";
    final Instant t0 = Instant.parse("2026-12-01T03:00:00Z");
    final Clock clock = Clock.fixed(t0, ZoneOffset.UTC);
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final BundledRules rules = new BundledRules();
    final InMemoryDocumentList national = new InMemoryDocumentList()
            .add(ID_NUMBER, new DocumentList.Result(CODE, "Giấy phép kinh doanh dịch vụ lữ hành QUỐC TẾ", "15/2025/GP-TCDL",
                    "Cục Du lịch Quốc gia Việt Nam", List.of(new DocumentList.File("gp.pdf", "https://kho.example/gp.pdf"))))
            .add(ID_NUMBER, new DocumentList.Result("DHQG-1", "Bằng cử nhân", null, "Đại học Quốc gia Hà Nội", List.of()))
            .add("001099000321", new DocumentList.Result("OTHER-1", "Giấy phép kinh doanh dịch vụ lữ hành quốc tế", null, "Cục Du lịch", List.of()));
    final CitizenDesk desk = new CitizenDesk(dossiers, dossiers, dossiers, new InMemoryWorkQueues(dossiers), rules, new RecordingQueue(),
            new FakeUploadLinks(), new FakeFileLinks(), new InMemoryNotices(), new InMemoryPayments(dossiers),
            PaymentLedger.byProvider(List.of(new FakeGateway("vnpay"))), new InMemoryResults(), new InMemorySurveyAnswers(), clock,
            id -> "https://dvc.example.vn/verify/" + id, EnterpriseRegistry.NONE, new InMemoryReadLog(), new InMemoryWarehouse(),
            WarehouseMatching.standard(), national);
    final Actor me = Actor.citizen("sub-hoa");
    int drafts;

    /** A DL-002 draft (the licence to re-issue: component GPCU, which rules/warehouse.json fills with an international travel licence). */
    String draft(String idNumber) {
        Procedure p = ProcedureCatalogue.load().find("BVHTTDL-DL-002").orElseThrow();
        String id = "d-" + (++drafts);
        dossiers.create(Dossier.draft(id, p, me.subject(), new Applicant("Phạm Thị Hoa", idNumber, null, "Hà Nội", "0987000111", "hoa@example.vn"),
                Map.of(), t0));
        return id;
    }

    @Test
    void theOwnersNationalResultMatchingAComponentIsOfferedMarkedNational() {
        String id = draft(ID_NUMBER);
        List<ReuseFromWarehouse.Offer> offers = desk.dossier(me, id).fromWarehouse();
        ReuseFromWarehouse.Offer gpcu = offers.stream().filter(o -> o.componentCode().equals("GPCU")).findFirst().orElseThrow(() -> new AssertionError(offers.toString()));
        assertEquals(List.of(ReuseFromWarehouse.NATIONAL + CODE), gpcu.choices().stream().map(ReuseFromWarehouse.Choice::id).toList(),
                "the licence (name matched case-insensitively), not the diploma nor someone else's");
        ReuseFromWarehouse.Choice c = gpcu.choices().getFirst();
        assertTrue(c.national());
        assertEquals("15/2025/GP-TCDL", c.numberAndSymbol());
        assertEquals("Cục Du lịch Quốc gia Việt Nam", c.issuer());
        assertTrue(offers.stream().flatMap(o -> o.choices().stream()).noneMatch(x -> x.id().contains("DHQG") || x.id().contains("OTHER")));
        assertTrue(national.calls.stream().allMatch(x -> x.startsWith(ID_NUMBER + " ")), "asked for the owner only: " + national.calls);
    }

    @Test
    void anotherApplicantIsOfferedNothingOfHoasAndCannotAttachIt() {
        String id = draft("001099000999");
        assertTrue(desk.dossier(me, id).fromWarehouse().stream().flatMap(o -> o.choices().stream()).noneMatch(ReuseFromWarehouse.Choice::national));
        DomainException e = assertThrows(DomainException.class, () -> desk.attachFromWarehouse(me, id, "GPCU", ReuseFromWarehouse.NATIONAL + CODE));
        assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void attachingRecordsOriginWarehouseWithTheResultCodeAndNothingUploaded() {
        String id = draft(ID_NUMBER);
        desk.attachFromWarehouse(me, id, "GPCU", ReuseFromWarehouse.NATIONAL + CODE);
        Attachment a = dossiers.attachments(id).stream().filter(x -> x.componentCode().equals("GPCU")).findFirst().orElseThrow();
        assertEquals(Attachment.Status.ACCEPTED, a.status());
        assertEquals(Attachment.Origin.WAREHOUSE, a.origin());
        assertTrue(a.fromWarehouse(), "counted in the facts' fromWarehouse (SubmitDossier counts origin WAREHOUSE)");
        assertEquals(Attachment.Provenance.NATIONAL_WAREHOUSE, a.provenance().database());
        assertEquals(CODE, a.provenance().reference());
        assertEquals(CODE, a.provenance().resultCode());
        assertEquals(0, a.declaredSize());
        assertNull(a.sha256());
        assertTrue(desk.dossier(me, id).fromWarehouse().stream().noneMatch(o -> o.componentCode().equals("GPCU")), "filled: not offered again");
    }

    @Test
    void aResultThatDoesNotFitTheComponentIsRefused() {
        String id = draft(ID_NUMBER);
        DomainException e = assertThrows(DomainException.class, () -> desk.attachFromWarehouse(me, id, "GPCU", ReuseFromWarehouse.NATIONAL + "DHQG-1"));
        assertEquals(DomainException.Kind.INVALID, e.kind());
        assertEquals("warehouse-document-not-matching", e.problem());
    }

    @Test
    void thePortalDownMeansNoNationalOffersAndNoAttachButThePageAnswers() {
        String id = draft(ID_NUMBER);
        national.down = true;
        CitizenDesk.DossierPage page = desk.dossier(me, id);
        assertNotNull(page.dossier());
        assertTrue(page.fromWarehouse().stream().flatMap(o -> o.choices().stream()).noneMatch(ReuseFromWarehouse.Choice::national));
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> desk.attachFromWarehouse(me, id, "GPCU", ReuseFromWarehouse.NATIONAL + CODE)).kind());
    }

    @Test
    void aPortalThatThrowsIsNoOffersToo() {
        ReuseFromWarehouse reuse = new ReuseFromWarehouse(dossiers, dossiers, rules, new InMemoryWarehouse(), WarehouseMatching.standard(), clock,
                (owner, procedure) -> { throw new IllegalStateException("connection reset"); });
        String id = draft(ID_NUMBER);
        Dossier d = dossiers.find(id).orElseThrow();
        assertEquals(List.of(), reuse.offers(d, ProcedureCatalogue.load().find("BVHTTDL-DL-002").orElseThrow(), List.of()));
    }
}
