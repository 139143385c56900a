package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue #20 part 5: DL-001's enterprise-registration copy is taken from the national enterprise database for an
 * organisation signed in with its national identity, and asked for only when the data cannot be retrieved
 * (Resolution 66.7/2025/NQ-CP Art 2(2)).
 */
class NationalDataComponentTest {
    final Procedure p = ProcedureCatalogue.load().inForce("BVHTTDL-DL-001", LocalDate.of(2026, 12, 1)).orElseThrow();
    final Instant t0 = Instant.parse("2026-12-01T02:00:00Z");
    final Map<String, String> form = Map.of();

    Dossier organisation() {
        return Dossier.draft("d1", p, "u1", new Applicant("Trần Thị Bình", "079190004567", "0312345678", null, "0912345678", null),
                form, t0, new Facts.Intake(Facts.Origin.MINISTRY_PORTAL, Facts.VNEID, new Facts.Representative("Trần Thị Bình", "079190004567"))).dossier();
    }

    Dossier citizenWithTypedCode() {
        return Dossier.draft("d2", p, "u2", new Applicant("Nguyễn Văn An", "001099012345", "0312345678", null, "0912345678", null),
                form, t0, Facts.Intake.portal(Facts.VNEID)).dossier();
    }

    Completeness.Item dkdn(Completeness.Result r) {
        return r.items().stream().filter(i -> "DKDN".equals(i.componentCode())).findFirst().orElseThrow();
    }

    @Test
    void theComponentCarriesItsDatabaseAndBasis() {
        Procedure.Component c = p.components().stream().filter(x -> x.code().equals("DKDN")).findFirst().orElseThrow();
        assertEquals(Procedure.NationalData.ENTERPRISE_REGISTRATION, c.nationalData().database());
        assertTrue(c.condition().vi().startsWith("Chỉ khi không lấy được dữ liệu"), c.condition().vi());
        assertEquals("Nghị quyết 66.7/2025/NQ-CP", c.nationalData().basis().getFirst().document());
        assertNull(ProcedureCatalogue.load().version("BVHTTDL-DL-001", 2).orElseThrow().components().get(1).nationalData(),
                "before 1 Jan 2026 the copy was asked for");
    }

    @Test
    void anOrganisationNeedNotUploadItAndTheChecklistSaysWhy() {
        Completeness.Item item = dkdn(Completeness.check(p, organisation(), List.of(), t0));
        assertEquals(Completeness.State.NATIONAL, item.state());
        assertTrue(item.reason().vi().contains("Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp"), item.reason().vi());
        assertTrue(item.reason().en().contains("only if the data cannot be retrieved"), item.reason().en());
        assertEquals("0312345678", Completeness.verifiedEnterprise(organisation()));
    }

    @Test
    void whenTheDataCannotBeRetrievedTheComponentIsAskedForWithTheReason() {
        Completeness.Result r = Completeness.check(p, organisation(), List.of(), t0,
                Map.of("DKDN", new Text("hệ thống không phản hồi", "the system did not answer")));
        Completeness.Item item = dkdn(r);
        assertEquals(Completeness.State.MISSING, item.state());
        assertTrue(item.reason().vi().contains("không lấy được dữ liệu") && item.reason().vi().contains("hệ thống không phản hồi"), item.reason().vi());
        assertTrue(item.reason().en().contains("Please upload this document"), item.reason().en());
        assertTrue(r.problems().contains(item.reason()));
    }

    @Test
    void aCodeTypedByACitizenIsNotLookedUp() {
        assertNull(Completeness.verifiedEnterprise(citizenWithTypedCode()));
        assertEquals(Completeness.State.MISSING, dkdn(Completeness.check(p, citizenWithTypedCode(), List.of(), t0)).state());
    }

    @Test
    void aFilledComponentIsAcceptedAndSaysWhereItCameFrom() {
        Attachment filled = new Attachment("d1", "dossiers/d1/DKDN/national-enterprise-registration", "DKDN", "x", "application/json", 0,
                Attachment.Status.ACCEPTED, null, null, null, null, t0, t0, null,
                Attachment.Provenance.nationalDatabase(Procedure.NationalData.ENTERPRISE_REGISTRATION, t0, "0312345678"));
        Completeness.Item item = dkdn(Completeness.check(p, organisation(), List.of(filled), t0));
        assertEquals(Completeness.State.OK, item.state());
        assertTrue(item.reason().en().startsWith("Taken from the National Enterprise Registration Database"), item.reason().en());
        assertEquals(Attachment.Origin.NATIONAL_DATABASE, filled.scanned(Attachment.Status.ACCEPTED, null, null, null, null, t0).origin(),
                "the provenance survives a change of state");
        assertEquals(Attachment.Origin.UPLOADED, new Attachment("d1", "k", "DKDN", "a.pdf", "application/pdf", 1,
                Attachment.Status.PENDING, null, null, null, null, t0, null).origin(), "a file is an upload unless said otherwise");
    }
}
