package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class Decision766Test {
    private final Decision766 rules = Decision766.standard();

    /** A dossier of agency CDL, unit LUHANH, procedure P1, built directly with its facts. */
    static Dossier dossier(Facts.Origin origin, Instant received, LocalDate due, Instant ended, List<Facts.Supplement> sup, long version) {
        Facts f = new Facts(origin, null, null, received, ended, null, null, null, null, null, sup);
        return new Dossier("d1", "C1", "P1", 1, "CDL", "LUHANH", "owner", null, Map.of(),
                ended == null ? DossierStatus.IN_PROCESSING : DossierStatus.RESULT_RETURNED, null, received, received, received, received, due,
                null, List.of(), f, version);
    }

    static Facts.Supplement afterReceipt(String at) { return new Facts.Supplement(Instant.parse(at), true, Instant.parse(at).plusSeconds(86400)); }

    @Test
    void everyIndicatorIsReadWithItsGroupCitationAndNote() {
        assertEquals(List.of("2.1", "3.3", "3.5", "3.6", "4.1", "4.2", "4.3", "4.4", "5.4"), rules.indicators().stream().map(Decision766.Indicator::code).toList());
        for (var i : rules.indicators()) {
            assertTrue(rules.groups().stream().anyMatch(g -> g.group() == i.group()), i.code());
            assertNotNull(i.basis().document(), i.code());
            assertFalse(i.basis().confirmed(), "the decision was not read: " + i.code());
            double groupMax = rules.groups().stream().filter(g -> g.group() == i.group()).findFirst().orElseThrow().maxPoints();
            assertTrue(i.maxPoints() <= groupMax, i.code());
        }
        assertEquals(100, rules.groups().stream().mapToDouble(Decision766.Group::maxPoints).sum(), 1e-9);
        assertFalse(rules.indicator("4.3").orElseThrow().measured(), "reuse waits for the warehouse");
        assertFalse(rules.indicator("4.4").orElseThrow().measured(), "the warehouse does not exist yet");
    }

    @Test
    void scoreIsProportionalUpToTheThresholdAndAbsentWithoutDossiers() {
        var online = rules.indicator("3.3").orElseThrow();
        assertTrue(online.score(0, 0).isEmpty());
        assertEquals(online.maxPoints(), online.score(8, 10).orElseThrow(), 1e-9);
        double half = online.maxPoints() * (0.25 / online.fullScoreAt());
        assertEquals(Math.round(half * 100) / 100.0, online.score(1, 4).orElseThrow(), 1e-9);
    }

    @Test
    void periodsAreVietnamTime() {
        // 31 Dec 2026 18:30 UTC is 1 Jan 2027 01:30 in Hanoi
        assertEquals(List.of("2027-01", "2027-Q1", "2027"), rules.periods(Instant.parse("2026-12-31T18:30:00Z")));
        assertEquals(List.of("2026-11", "2026-Q4", "2026"), rules.periods(Instant.parse("2026-11-30T10:00:00Z")));
    }

    @Test
    void onTimeLateAndSupplements() {
        Instant rec = Instant.parse("2026-11-02T02:00:00Z");
        LocalDate due = LocalDate.of(2026, 11, 10);
        // ended on the appointment day late in the evening, Hanoi time (still the 10th)
        assertTrue(rules.onTime(dossier(Facts.Origin.MINISTRY_PORTAL, rec, due, Instant.parse("2026-11-10T16:00:00Z"), List.of(), 5)));
        // 10 Nov 17:30 UTC is 11 Nov in Hanoi: late
        assertFalse(rules.onTime(dossier(Facts.Origin.MINISTRY_PORTAL, rec, due, Instant.parse("2026-11-10T17:30:00Z"), List.of(), 5)));
        // one supplement after receipt: on time against the appointment counted again
        assertTrue(rules.onTime(dossier(Facts.Origin.MINISTRY_PORTAL, rec, due, Instant.parse("2026-11-09T03:00:00Z"),
                List.of(afterReceipt("2026-11-03T03:00:00Z")), 9)));
        // a second one counts as late
        assertFalse(rules.onTime(dossier(Facts.Origin.MINISTRY_PORTAL, rec, due, Instant.parse("2026-11-09T03:00:00Z"),
                List.of(afterReceipt("2026-11-03T03:00:00Z"), afterReceipt("2026-11-05T03:00:00Z")), 12)));
        // a request at validation, before receipt, is not a supplement of the handling
        assertTrue(rules.onTime(dossier(Facts.Origin.MINISTRY_PORTAL, rec, due, Instant.parse("2026-11-09T03:00:00Z"),
                List.of(new Facts.Supplement(Instant.parse("2026-11-01T03:00:00Z"), false, rec), afterReceipt("2026-11-03T03:00:00Z")), 12)));
    }

    @Test
    void contributionsPerPeriodAndScope() {
        Instant rec = Instant.parse("2026-11-02T02:00:00Z");
        Dossier direct = dossier(Facts.Origin.ONE_STOP_DESK, rec, LocalDate.of(2026, 11, 10), null, List.of(), 3);
        Map<Decision766.Cell, Decision766.Tally> c = rules.contributions(direct);
        // received: 3.3 in 3 periods × 3 scopes, not online; not ended: no 2.1
        assertEquals(9, c.size());
        assertEquals(new Decision766.Tally(0, 1), c.get(new Decision766.Cell("2026-Q4", "U:CDL/LUHANH", "3.3")));
        assertTrue(c.keySet().stream().noneMatch(k -> k.indicator().equals("2.1")));

        Dossier online = dossier(Facts.Origin.NATIONAL_PORTAL, rec, LocalDate.of(2026, 11, 10), Instant.parse("2026-12-01T03:00:00Z"), List.of(), 8);
        c = rules.contributions(online);
        assertEquals(new Decision766.Tally(1, 1), c.get(new Decision766.Cell("2026-11", "A:CDL", "3.3")));
        // 2.1 is placed by the end of handling (December), late
        assertEquals(new Decision766.Tally(0, 1), c.get(new Decision766.Cell("2026-12", "P:CDL/P1", "2.1")));
        assertNull(c.get(new Decision766.Cell("2026-11", "P:CDL/P1", "2.1")));
        assertTrue(c.keySet().stream().allMatch(k -> rules.indicator(k.indicator()).orElseThrow().measured()), "only measured indicators are counted");
    }

    @Test
    void differenceBetweenVersionsSumsToTheLatest() {
        Instant rec = Instant.parse("2026-11-02T02:00:00Z");
        LocalDate due = LocalDate.of(2026, 11, 10);
        List<Dossier> versions = new ArrayList<>();
        versions.add(dossier(Facts.Origin.MINISTRY_PORTAL, null, null, null, List.of(), 1));
        versions.add(dossier(Facts.Origin.MINISTRY_PORTAL, rec, due, null, List.of(), 2));
        versions.add(dossier(Facts.Origin.MINISTRY_PORTAL, rec, due, Instant.parse("2026-11-05T03:00:00Z"), List.of(), 3));
        Map<Decision766.Cell, Decision766.Tally> sum = new java.util.HashMap<>();
        Dossier before = null;
        for (Dossier d : versions) {
            Decision766.difference(rules.contributions(d), rules.contributions(before)).forEach((k, v) -> sum.merge(k, v, Decision766.Tally::plus));
            before = d;
        }
        sum.values().removeIf(Decision766.Tally::isZero);
        assertEquals(rules.contributions(versions.getLast()), sum);
        assertTrue(Decision766.difference(rules.contributions(versions.getLast()), rules.contributions(versions.getLast())).isEmpty());
    }

    @Test
    void periodKeys() {
        assertEquals(LocalDate.of(2026, 10, 1), Decision766.PeriodKey.parse("2026-Q4").orElseThrow().first());
        assertEquals(LocalDate.of(2026, 12, 31), Decision766.PeriodKey.parse("2026-Q4").orElseThrow().last());
        assertEquals(LocalDate.of(2026, 2, 28), Decision766.PeriodKey.parse("2026-02").orElseThrow().last());
        assertTrue(Decision766.PeriodKey.parse("2026-13").isEmpty());
        assertTrue(Decision766.PeriodKey.parse("2026-Q5").isEmpty());
        assertTrue(Decision766.PeriodKey.parse("x").isEmpty());
    }
}
