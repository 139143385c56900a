package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** rules/retention.json read, the retention arithmetic (end year + period, permanent), the record and the manifest. */
class RetentionTest {
    final Retention rules = Retention.standard();

    @Test
    void everyFinishedOutcomeHasAPeriodWithItsBasis() {
        for (DossierStatus s : Retention.FINISHED) {
            Retention.Period p = rules.period("BVHTTDL-DL-001", s);
            assertNotNull(p.basis(), s.name());
            assertNotNull(p.basis().document(), s.name());
        }
        assertThrows(IllegalArgumentException.class, () -> rules.period("BVHTTDL-DL-001", DossierStatus.IN_PROCESSING));
    }

    @Test
    void aProcedureOwnPeriodOverridesTheDefaultForItsOutcomeOnly() {
        assertTrue(rules.period("BVHTTDL-BQ-001", DossierStatus.RESULT_RETURNED).permanent());
        assertFalse(rules.period("BVHTTDL-BQ-001", DossierStatus.REFUSED).permanent());
        assertEquals(rules.period("BVHTTDL-DL-001", DossierStatus.REFUSED), rules.period("BVHTTDL-BQ-001", DossierStatus.REFUSED));
    }

    @Test
    void theActionDateIsTheEndOfEndYearPlusThePeriod() {
        Retention.Period ten = Retention.Period.ofYears(10, null);
        assertEquals(2036, ten.actionYear(2026).orElseThrow());
        assertEquals(LocalDate.of(2036, 12, 31), ten.actionDate(2026).orElseThrow());
        assertFalse(ten.expired(2026, LocalDate.of(2036, 12, 31)), "kept to the last day of the year");
        assertTrue(ten.expired(2026, LocalDate.of(2037, 1, 1)));
        Retention.Period one = Retention.Period.ofYears(1, null);
        assertEquals(LocalDate.of(2000, 12, 31), one.actionDate(1999).orElseThrow(), "across a century");
    }

    @Test
    void aPermanentPeriodHasNoActionDateAndNeverExpires() {
        Retention.Period p = Retention.Period.forever(null);
        assertTrue(p.actionYear(2026).isEmpty());
        assertTrue(p.actionDate(2026).isEmpty());
        assertFalse(p.expired(2026, LocalDate.of(9999, 1, 1)));
        assertEquals("permanent", p.label());
        assertThrows(IllegalArgumentException.class, () -> new Retention.Period(5, true, null));
        assertThrows(IllegalArgumentException.class, () -> Retention.Period.ofYears(0, null));
    }

    @Test
    void handOverIsWithinAYearAndOnlyForFiveYearsOrMore() {
        assertEquals(2027, rules.handOverYear(2026));
        assertTrue(rules.handedOver(Retention.Period.ofYears(5, null)));
        assertFalse(rules.handedOver(Retention.Period.ofYears(4, null)));
        assertTrue(rules.handedOver(Retention.Period.forever(null)));
        assertTrue(rules.handOverBasis().stream().anyMatch(c -> c.confirmed() && c.document().contains("30/2020")));
    }

    @Test
    void theLifecyclePeriodsAreData() {
        Retention.Lifecycle l = rules.lifecycle();
        assertTrue(l.draftIdleDays() > l.draftNoticeDays() && l.draftNoticeDays() > 0);
        assertTrue(l.unattachedUploadDays() > 0 && l.quarantineDays() > 0);
    }

    static Dossier finished(String procedure, DossierStatus status, Instant end) {
        return new Dossier("d-1", "000.00.12.G17-261201-0001", procedure, 1, "CDLQG", "LHQT", "owner", null, Map.of(), status, null,
                Instant.parse("2026-11-30T01:00:00Z"), end, Instant.parse("2026-12-01T01:00:00Z"), null, null, null, null, 3);
    }

    @Test
    void theRecordCarriesItsPeriodActionDateAndHashes() {
        byte[] a = "a".getBytes(StandardCharsets.UTF_8);
        ArchiveRecord r = ArchiveRecord.of(finished("BVHTTDL-DL-001", DossierStatus.REFUSED, Instant.parse("2026-12-31T18:00:00Z")), "Cấp giấy phép",
                List.of(new ArchiveRecord.Document("files/a.txt", "upload", a)), rules, Instant.parse("2027-01-01T00:00:00Z"));
        // 18:00 UTC on 31 Dec is 1 Jan in Viet Nam: the work ended in 2027
        assertEquals(LocalDate.of(2027, 1, 1), r.end());
        assertEquals("CDLQG.2027.000.00.12.G17-261201-0001", r.archiveCode());
        int years = rules.period("BVHTTDL-DL-001", DossierStatus.REFUSED).years();
        assertEquals(LocalDate.of(2027 + years, 12, 31), r.actionDate());
        assertEquals("ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb", r.files().get(0).sha256(), "SHA-256 of \"a\"");
        assertEquals(1, r.documentCount());
        assertFalse(r.expired(r.actionDate()));
        assertTrue(r.expired(r.actionDate().plusDays(1)));
        assertEquals(r, ArchiveRecord.fromMap(Json.obj(Json.parse(new String(r.toJson(), StandardCharsets.UTF_8)))), "read back as written");

        ArchiveRecord forever = ArchiveRecord.of(finished("BVHTTDL-BQ-001", DossierStatus.RESULT_RETURNED, Instant.parse("2026-12-05T03:00:00Z")), null,
                List.of(), rules, Instant.now());
        assertTrue(forever.permanent());
        assertNull(forever.actionDate());
        assertFalse(forever.expired(LocalDate.of(3000, 1, 1)));
        assertEquals(forever, ArchiveRecord.fromMap(Json.obj(Json.parse(new String(forever.toJson(), StandardCharsets.UTF_8)))));
        assertThrows(IllegalArgumentException.class, () -> ArchiveRecord.of(finished("BVHTTDL-DL-001", DossierStatus.IN_PROCESSING, Instant.now()),
                null, List.of(), rules, Instant.now()));
    }

    @Test
    void aManifestMatchesItsFilesAndNamesEveryMismatch() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("record.json", "{}".getBytes(StandardCharsets.UTF_8));
        files.put("files/b.pdf", new byte[]{1, 2, 3});
        String m = ArchiveRecord.manifest(files);
        assertTrue(m.startsWith(ArchiveRecord.sha256(new byte[]{1, 2, 3}) + "  files/b.pdf\n"), "sorted by name, sha256sum's format");
        assertEquals(List.of(), ArchiveRecord.mismatches(m, files));
        files.put("files/b.pdf", new byte[]{1, 2, 4});
        files.put("extra.txt", new byte[0]);
        assertEquals(List.of("files/b.pdf", "extra.txt"), ArchiveRecord.mismatches(m, files));
    }

    @Test
    void aDecisionNeedsItsCouncilMinutesDateAndList() {
        LocalDate today = LocalDate.of(2040, 3, 1);
        var ok = new DestructionDecision("x", "CDLQG", List.of("A", "B", "C"), "BB-01/2040", today, List.of("CDLQG.2026.X"), "admin", Instant.now());
        assertEquals(List.of(), ok.problems(today));
        var bad = new DestructionDecision("x", "CDLQG", List.of("A"), " ", today.plusDays(1), List.of(), "admin", Instant.now());
        assertEquals(4, bad.problems(today).size());
    }
}
