package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.DomainException;

import static org.junit.jupiter.api.Assertions.*;

/** The verified applicant: a citizen's personal ID; an organisation's enterprise code, with its representative. */
class VerifiedIdentityTest {
    private final VerifiedIdentity organisation = new VerifiedIdentity("Trần Thị Bình", "079190004567", null,
            VerifiedIdentity.AccountType.ORGANISATION, "0312 345 678", "Công ty TNHH Sen Vàng", VerifiedIdentity.VerifiedBy.VNEID);

    @Test
    void an_organisation_applies_under_its_verified_enterprise_code() {
        Applicant a = organisation.applicant(new Applicant(null, null, null, "12 Hàng Bài", "0912345678", "a@b.vn"));
        assertEquals("0312345678", a.enterpriseCode());
        assertEquals("079190004567", a.idNumber());
        assertEquals("Trần Thị Bình", a.fullName());
        assertEquals("0312345678", organisation.applicantId());
        assertEquals(new VerifiedIdentity.Representative("Trần Thị Bình", "079190004567"), organisation.representative());
    }

    @Test
    void another_enterprise_code_typed_by_an_organisation_is_refused() {
        DomainException e = assertThrows(DomainException.class,
                () -> organisation.applicant(new Applicant(null, null, "0109999999", null, null, null)));
        assertEquals("identity-fields-fixed", e.problem());
    }

    @Test
    void a_citizen_may_name_an_enterprise_they_act_for_but_applies_under_their_personal_id() {
        VerifiedIdentity citizen = new VerifiedIdentity("Nguyễn Văn An", "001099012345", "an@example.vn");
        Applicant a = citizen.applicant(new Applicant(null, null, "0101234567", null, null, null));
        assertEquals("0101234567", a.enterpriseCode());
        assertEquals("001099012345", citizen.applicantId());
        assertNull(citizen.representative());
        assertEquals(VerifiedIdentity.VerifiedBy.ACCOUNT, citizen.verifiedBy());
    }
}
