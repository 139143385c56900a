package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LimitsTest {
    @Test
    void formatsOfTheApplicantsData() {
        assertTrue(Limits.applicantProblems(new Applicant("A", "001099012345", "0101234567", null, "0912345678", "a@b.vn")).isEmpty());
        assertTrue(Limits.applicantProblems(new Applicant("A", null, "0101234567-001", null, "+84912345678", null)).isEmpty());
        assertTrue(Limits.applicantProblems(new Applicant("A", null, "0101234567001", null, Limits.normalisePhone("024 3825 3000"), null)).isEmpty());
        assertEquals(4, Limits.applicantProblems(new Applicant("A", "0010990123", "123", null, "09123", "a@@b")).size());
    }

    @Test
    void errorMessagesQuoteAShortPrefixWithoutControls() {
        assertEquals("abc", Limits.clip("abc"));
        String long1 = "x".repeat(1000);
        assertEquals(Limits.ECHO + 1, Limits.clip(long1).length());
        assertEquals("a?b", Limits.clip("a\nb"));
    }
}
