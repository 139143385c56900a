package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.FakeFileLinks;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryPayments;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryResults;
import vn.gov.bvhttdl.dvc.application.fakes.InMemorySyncMarkers;
import vn.gov.bvhttdl.dvc.application.fakes.RecordingNationalPortal;
import vn.gov.bvhttdl.dvc.application.fakes.RecordingQueue;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue #20 part 5: an organisation's DL-001 takes the enterprise registration from the national database (found),
 * and asks for the copy when the database has no such enterprise or does not answer; the outbound sync says where
 * the component came from.
 */
class EnterpriseRegistryTest {
    static final String CODE = "0312345678";
    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T03:00:00Z"), ZoneOffset.UTC);
    final Actor owner = Actor.citizen("org-sub");
    final VerifiedIdentity company = new VerifiedIdentity("Trần Thị Bình", "079190004567", "binh@example.vn",
            VerifiedIdentity.AccountType.ORGANISATION, CODE, "Công ty TNHH Du lịch Sen Vàng", VerifiedIdentity.VerifiedBy.VNEID);
    final EnterpriseRegistry.Enterprise senVang = new EnterpriseRegistry.Enterprise(CODE, "Công ty TNHH Du lịch Sen Vàng",
            "Đang hoạt động", LocalDate.of(2015, 3, 2), "Trần Thị Bình", "12 Nguyễn Huệ, Phường Sài Gòn, Thành phố Hồ Chí Minh",
            "12 Nguyễn Huệ, Phường Sài Gòn, Thành phố Hồ Chí Minh", null);

    InMemoryDossiers dossiers;
    RecordingQueue queue;
    BundledRules rules;
    List<String> asked;

    @BeforeEach
    void setUp() {
        dossiers = new InMemoryDossiers();
        queue = new RecordingQueue();
        rules = new BundledRules();
        asked = new ArrayList<>();
    }

    EnterpriseRegistry answering(EnterpriseRegistry.Lookup answer) {
        return code -> {
            asked.add(code);
            return answer;
        };
    }

    /** An organisation's DL-001 with everything but the enterprise-registration copy. */
    String draft(VerifiedIdentity who) {
        Dossier d = new CreateDossier(dossiers, rules, clock).create(owner, who, "BVHTTDL-DL-001",
                new Applicant(null, null, null, "Hồ Chí Minh", "0912000321", null),
                Map.of("companyName", "Công ty TNHH Du lịch Sen Vàng", "scope", "inbound"), null, null).dossier();
        for (String c : List.of("DON", "KYQUY", "NGUOIPT")) {
            dossiers.addFile(new Attachment(d.id(), "dossiers/" + d.id() + "/" + c + "/u-" + c, c, c + ".pdf", "application/pdf", 100,
                    Attachment.Status.ACCEPTED, null, "application/pdf", "ab", 1, clock.instant(), clock.instant()));
        }
        return d.id();
    }

    SubmitDossier submit(EnterpriseRegistry registry) {
        return new SubmitDossier(dossiers, dossiers, rules, queue, clock, registry);
    }

    @Test
    void foundTheComponentIsFilledFromTheDatabaseAndTheDossierGoesIn() {
        String id = draft(company);
        assertEquals(3, rules.catalogue().version("BVHTTDL-DL-001", dossiers.find(id).orElseThrow().procedureVersion()).orElseThrow().version());
        SubmitDossier.Result r = submit(answering(new EnterpriseRegistry.Found(senVang))).submit(owner, id);
        assertEquals(DossierStatus.SUBMITTED, r.dossier().status());
        assertEquals(List.of(CODE), asked, "asked once, for the verified enterprise code");
        Attachment filled = dossiers.attachments(id).stream().filter(a -> a.componentCode().equals("DKDN")).findFirst().orElseThrow();
        assertEquals(Attachment.Status.ACCEPTED, filled.status());
        assertEquals(Attachment.Origin.NATIONAL_DATABASE, filled.origin());
        assertEquals(EnterpriseRegistry.DATABASE, filled.provenance().database());
        assertEquals(clock.instant(), filled.provenance().retrievedAt());
        assertEquals(CODE, filled.provenance().reference());
        AuditEvent trail = dossiers.history(id).stream().filter(e -> e.action().equals("attachment-retrieved")).findFirst().orElseThrow();
        assertEquals("Công ty TNHH Du lịch Sen Vàng", trail.details().get("enterpriseName"));
        assertEquals("Đang hoạt động", trail.details().get("legalStatus"));
        assertEquals("2015-03-02", trail.details().get("registeredOn"));
        assertEquals("enterprise-registration", trail.details().get("database"));
        assertEquals(1, queue.sent.size());
    }

    @Test
    void notFoundTheComponentStaysRequiredAndTheAnswerSaysSo() {
        String id = draft(company);
        DomainException e = assertThrows(DomainException.class, () -> submit(answering(new EnterpriseRegistry.NotFound())).submit(owner, id));
        assertEquals("dossier-incomplete", e.problem());
        Text why = e.errors().stream().filter(t -> "component.DKDN".equals(t.field())).findFirst().orElseThrow();
        assertTrue(why.vi().contains("không có doanh nghiệp mã số " + CODE), why.vi());
        assertTrue(why.en().contains("Please upload this document"), why.en());
        assertTrue(dossiers.attachments(id).stream().noneMatch(a -> a.componentCode().equals("DKDN")));
        assertEquals(DossierStatus.DRAFT, dossiers.find(id).orElseThrow().status());
        assertTrue(queue.sent.isEmpty());
    }

    @Test
    void downTheComponentStaysRequiredAndAnUploadLetsTheDossierIn() {
        String id = draft(company);
        EnterpriseRegistry down = answering(new EnterpriseRegistry.Unavailable("HTTP 503"));
        DomainException e = assertThrows(DomainException.class, () -> submit(down).submit(owner, id));
        Text why = e.errors().stream().filter(t -> "component.DKDN".equals(t.field())).findFirst().orElseThrow();
        assertTrue(why.vi().contains("không trả lời") && why.vi().contains("Vui lòng tải lên"), why.vi());
        assertFalse(why.vi().contains("503"), "the technical reason stays in the log");
        // the applicant uploads the copy: no look-up, the dossier goes in
        dossiers.addFile(new Attachment(id, "dossiers/" + id + "/DKDN/u-1", "DKDN", "dkdn.pdf", "application/pdf", 100,
                Attachment.Status.ACCEPTED, null, "application/pdf", "ab", 1, clock.instant(), clock.instant()));
        asked.clear();
        assertEquals(DossierStatus.SUBMITTED, submit(down).submit(owner, id).dossier().status());
        assertTrue(asked.isEmpty(), "a component with a file is not looked up");
    }

    @Test
    void aPersonSignedInAsACitizenIsNotLookedUpEvenWithAnEnterpriseCode() {
        VerifiedIdentity person = new VerifiedIdentity("Nguyễn Văn An", "001099012345", null,
                VerifiedIdentity.AccountType.CITIZEN, null, null, VerifiedIdentity.VerifiedBy.VNEID);
        Dossier d = new CreateDossier(dossiers, rules, clock).create(owner, person, "BVHTTDL-DL-001",
                new Applicant(null, null, CODE, "Hồ Chí Minh", "0912000321", null),
                Map.of("companyName", "Công ty TNHH Du lịch Sen Vàng", "scope", "inbound"), null, null).dossier();
        assertThrows(DomainException.class, () -> submit(answering(new EnterpriseRegistry.Found(senVang))).submit(owner, d.id()));
        assertTrue(asked.isEmpty());
    }

    @Test
    void theOutboundSyncSaysTheComponentCameFromTheNationalDatabase() {
        String id = draft(company);
        submit(answering(new EnterpriseRegistry.Found(senVang))).submit(owner, id);
        RecordingNationalPortal portal = new RecordingNationalPortal();
        SyncToNationalPortal sync = new SyncToNationalPortal(dossiers, dossiers, new InMemoryPayments(dossiers), new InMemoryResults(),
                new FakeFileLinks(), rules, portal, new InMemorySyncMarkers());
        // the submission is not sent before the dossier has its code: receive it
        Dossier d = dossiers.find(id).orElseThrow();
        dossiers.save(d.handle(new vn.gov.bvhttdl.dvc.domain.Command.Receive("000.00.12.G17-261201-0001", LocalDate.of(2026, 12, 11),
                "reception", "MOTCUA", null), Actor.system("validation"), clock.instant().plusSeconds(60)));
        Dossier received = dossiers.find(id).orElseThrow();
        sync.handle(id, received.version());
        Map<String, Object> record = portal.taken().stream().filter(c -> c.kind().equals("sync")).reduce((a, b) -> b).orElseThrow().body();
        @SuppressWarnings("unchecked") List<Map<String, Object>> files = (List<Map<String, Object>>) record.get("TaiLieuNop");
        Map<String, Object> dkdn = files.stream().filter(f -> "DKDN".equals(f.get("MaThanhPhanHoSo"))).findFirst().orElseThrow();
        assertEquals("", dkdn.get("DuongDanTaiTepTin"), "no file of ours behind it");
        assertEquals("0", dkdn.get("DuocTaiSuDung"));
        assertEquals("0", dkdn.get("DuocLayTuKhoDMQG"));
        Map<String, Object> don = files.stream().filter(f -> "DON".equals(f.get("MaThanhPhanHoSo"))).findFirst().orElseThrow();
        assertTrue(String.valueOf(don.get("DuongDanTaiTepTin")).contains("/DON/u-DON"));
        assertEquals(List.of(Map.of("MaCSDL", "DKDN")), record.get("DSKetNoiCSDL"));
    }
}
