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
        // received: 3.3 and 4.2 (direct) in 3 periods × 3 scopes, not online, no file; not ended: no 2.1
        assertEquals(18, c.size());
        assertEquals(new Decision766.Tally(0, 1), c.get(new Decision766.Cell("2026-11", "A:CDL", "4.2")));
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

    static AuditEvent event(String at, String action, Map<String, String> details) {
        return new AuditEvent("d1", Instant.parse(at), "x", Role.SYSTEM, action, null, null, null, details);
    }

    /** The new facts are folded from the moves (fees, result issued, files) and read the same from the trail. */
    @Test
    void feesResultAndFilesAreRecordedMoveByMove() {
        List<AuditEvent> trail = List.of(
                event("2026-11-01T01:00:00Z", "create", Map.of("origin", "ONE_STOP_DESK")),
                event("2026-11-01T02:00:00Z", "submit", Map.of("files", "0")),
                event("2026-11-01T03:00:00Z", "resubmit", Map.of("files", "3")),
                event("2026-11-02T02:00:00Z", "request-payment", Map.of("amountVnd", "150000", "lines", "1")),
                event("2026-11-02T05:00:00Z", "confirm-payment", Map.of("payment", "p", "provider", "x", "amountVnd", "150000")),
                event("2026-11-05T05:00:00Z", "approve", Map.of()),
                event("2026-11-05T06:00:00Z", "issue-result", Map.of("result", "C1-KQ1", "resultId", "r")),
                event("2026-11-06T06:00:00Z", "issue-result", Map.of("result", "C1-KQ2", "resultId", "r2")));
        Facts f = Facts.fromTrail(trail);
        assertEquals(Integer.valueOf(3), f.files(), "the latest submission's files");
        assertEquals(new Facts.Fees(Instant.parse("2026-11-02T02:00:00Z"), 150000, Instant.parse("2026-11-02T05:00:00Z"), 150000), f.fees());
        assertEquals(Instant.parse("2026-11-05T06:00:00Z"), f.resultIssuedAt(), "the first result issued");
        assertTrue(f.approved());
        // a tariff: nothing asked, the amount chosen at payment is what was due
        Facts tariff = Facts.fromTrail(List.of(event("2026-11-02T02:00:00Z", "request-payment", Map.of("tariff", "true", "lines", "2")),
                event("2026-11-02T03:00:00Z", "confirm-payment", Map.of("amountVnd", "60000"))));
        assertEquals(60000, tariff.fees().dueVnd());
        assertEquals(60000, tariff.fees().paidOnlineVnd());
    }

    static Dossier withFacts(Facts.Origin origin, Instant received, Instant ended, boolean refused, Facts.Fees fees, Instant issued, Integer files) {
        Facts f = new Facts(origin, null, null, received, ended, refused ? ended : null, null, null, null, null, List.of(), null, fees, issued, files);
        return new Dossier("d1", "C1", "P1", 1, "CDL", "LUHANH", "owner", null, Map.of(), DossierStatus.IN_PROCESSING, null,
                received, received, received, received, LocalDate.of(2026, 11, 10), null, List.of(), f, 4);
    }

    @Test
    void paymentResultAndDigitisationIndicators() {
        Instant rec = Instant.parse("2026-11-02T02:00:00Z"), req = Instant.parse("2026-12-01T02:00:00Z");
        // asked in December, paid: 3.5 met in December (the request's month), 3.6 the amounts
        var c = rules.contributions(withFacts(Facts.Origin.MINISTRY_PORTAL, rec, null, false, new Facts.Fees(req, 150000, req.plusSeconds(60), 150000), null, 2));
        assertEquals(new Decision766.Tally(1, 1), c.get(new Decision766.Cell("2026-12", "A:CDL", "3.5")));
        assertEquals(new Decision766.Tally(150000, 150000), c.get(new Decision766.Cell("2026-12", "P:CDL/P1", "3.6")));
        assertNull(c.get(new Decision766.Cell("2026-11", "A:CDL", "3.5")));
        assertNull(c.get(new Decision766.Cell("2026-11", "A:CDL", "4.2")), "online: not in 4.2");
        // asked, never paid: below the line, a miss with its reason
        Dossier unpaid = withFacts(Facts.Origin.POST, rec, null, false, new Facts.Fees(req, 200000, null, 0), null, 1);
        assertEquals(new Decision766.Tally(0, 1), rules.contributions(unpaid).get(new Decision766.Cell("2026-12", "A:CDL", "3.5")));
        assertEquals(new Decision766.Tally(0, 200000), rules.contributions(unpaid).get(new Decision766.Cell("2026-12", "A:CDL", "3.6")));
        assertEquals(new Decision766.Tally(1, 1), rules.contributions(unpaid).get(new Decision766.Cell("2026-11", "A:CDL", "4.2")));
        assertTrue(rules.misses(unpaid).contains(new Decision766.Miss("2026-12", "3.5", "not-paid-online")));
        // approved without an electronic result: in 4.1's denominator by the end of handling; refused: not in it
        Instant ended = Instant.parse("2026-11-05T03:00:00Z");
        Dossier paper = withFacts(Facts.Origin.ONE_STOP_DESK, rec, ended, false, null, null, 0);
        assertEquals(new Decision766.Tally(0, 1), rules.contributions(paper).get(new Decision766.Cell("2026-11", "U:CDL/LUHANH", "4.1")));
        assertEquals(new Decision766.Tally(0, 1), rules.contributions(paper).get(new Decision766.Cell("2026-11", "A:CDL", "4.2")));
        assertEquals(java.util.Set.of("no-electronic-result", "not-digitised", "not-online"), rules.misses(paper).stream()
                .filter(m -> m.period().equals("2026-11")).map(Decision766.Miss::why).collect(java.util.stream.Collectors.toSet()));
        assertEquals(new Decision766.Tally(1, 1), rules.contributions(withFacts(Facts.Origin.ONE_STOP_DESK, rec, ended, false, null, ended, 0))
                .get(new Decision766.Cell("2026", "A:CDL", "4.1")));
        assertNull(rules.contributions(withFacts(Facts.Origin.ONE_STOP_DESK, rec, ended, true, null, null, 0)).get(new Decision766.Cell("2026", "A:CDL", "4.1")));
        // late on 2.1: the reason; a dossier meeting every indicator misses nothing
        assertTrue(rules.misses(withFacts(Facts.Origin.MINISTRY_PORTAL, rec, Instant.parse("2026-11-20T03:00:00Z"), false, null, ended, 1))
                .contains(new Decision766.Miss("2026-11", "2.1", "late")));
        assertTrue(rules.misses(withFacts(Facts.Origin.MINISTRY_PORTAL, rec, ended, false, null, ended, 1)).isEmpty());
    }

    @Test
    void previousPeriods() {
        assertEquals(List.of("2026-10", "2026-11"), Decision766.PeriodKey.previous("2026-12", 2));
        assertEquals(List.of("2025-12"), Decision766.PeriodKey.previous("2026-01", 1));
        assertEquals(List.of("2025-Q3", "2025-Q4"), Decision766.PeriodKey.previous("2026-Q1", 2));
        assertEquals(List.of("2024", "2025"), Decision766.PeriodKey.previous("2026", 2));
    }

    @Test
    void satisfactionFromTheSurveyAnswer() {
        var i = rules.indicator("5.4").orElseThrow();
        assertTrue(i.measured());
        assertEquals(List.of("VERY_SATISFIED", "SATISFIED"), i.satisfied());
        Instant at = Instant.parse("2026-11-30T18:00:00Z"); // 1 Dec in Hanoi
        var satisfied = new Decision766.Answer("d1", "CDL", "LUHANH", "P1", "SATISFIED", at, 1);
        var c = rules.contributions(satisfied);
        assertEquals(9, c.size(), "5.4 only, 3 periods × 3 scopes");
        assertEquals(new Decision766.Tally(1, 1), c.get(new Decision766.Cell("2026-12", "P:CDL/P1", "5.4")));
        assertTrue(rules.misses(satisfied).isEmpty());
        var changed = new Decision766.Answer("d1", "CDL", "LUHANH", "P1", "DISSATISFIED", at, 2);
        assertEquals(new Decision766.Tally(-1, 0), Decision766.difference(rules.contributions(changed), c).get(new Decision766.Cell("2026-12", "A:CDL", "5.4")));
        assertTrue(rules.misses(changed).contains(new Decision766.Miss("2026-Q4", "5.4", "dissatisfied")));
        assertTrue(rules.contributions(new Decision766.Answer("d1", null, null, "P1", "SATISFIED", at, 1)).isEmpty(), "without its agency: nothing");
        // the dossier's own versions never count 5.4
        assertTrue(rules.contributions(withFacts(Facts.Origin.MINISTRY_PORTAL, at, at, false, null, at, 1)).keySet().stream().noneMatch(k -> k.indicator().equals("5.4")));
    }
}
