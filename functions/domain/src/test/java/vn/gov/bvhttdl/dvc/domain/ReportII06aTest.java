package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class ReportII06aTest {
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private final ReportII06a rules = ReportII06a.standard();

    @Test
    void columnsAndCutOffAreReadWithTheirCitations() {
        assertEquals(List.of("receivedTotal", "carriedOver", "online", "directPostal", "handledTotal", "early", "onTime", "late",
                "inProgressTotal", "withinDeadline", "pastDeadline"), rules.columns().stream().map(ReportII06a.Column::key).toList());
        assertEquals(List.of("withdrawn"), rules.extraColumns().stream().map(ReportII06a.Column::key).toList());
        assertFalse(rules.basis().confirmed(), "the circular's annex was not read");
        assertFalse(rules.cutOffBasis().confirmed(), "Decree 09/2019 Art. 12 was not read");
        assertEquals(15, rules.firstDay());
        for (var c : rules.columns()) assertNotNull(c.name().vi(), c.key());
    }

    @Test
    void theCutOffRunsFromThe15thToThe14th() {
        assertEquals(YearMonth.of(2026, 11), rules.month(LocalDate.of(2026, 11, 14)));
        assertEquals(YearMonth.of(2026, 12), rules.month(LocalDate.of(2026, 11, 15)));
        assertEquals(YearMonth.of(2027, 1), rules.month(LocalDate.of(2026, 12, 15)));
        // 14 Nov 17:30 UTC is 15 Nov in Hanoi: the next reporting month
        assertEquals(YearMonth.of(2026, 12), rules.month(Instant.parse("2026-11-14T17:30:00Z")));
        var m = rules.period("2026-11").orElseThrow();
        assertEquals(LocalDate.of(2026, 10, 15), m.from());
        assertEquals(LocalDate.of(2026, 11, 14), m.to());
        var q = rules.period("2026-Q4").orElseThrow();
        assertEquals(LocalDate.of(2026, 9, 15), q.from());
        assertEquals(LocalDate.of(2026, 12, 14), q.to());
        var y = rules.period("2026").orElseThrow();
        assertEquals(LocalDate.of(2025, 12, 15), y.from());
        assertEquals(LocalDate.of(2026, 12, 14), y.to());
        var calendar = rules.withFirstDay(1);
        assertEquals(LocalDate.of(2026, 11, 1), calendar.period("2026-11").orElseThrow().from());
        assertEquals(LocalDate.of(2026, 11, 30), calendar.period("2026-11").orElseThrow().to());
        assertTrue(rules.period("2026-13").isEmpty());
        assertTrue(rules.period("soon").isEmpty());
    }

    static Instant at(LocalDate d) { return d.atTime(9, 0).atZone(VN).toInstant(); }

    static Dossier dossier(String id, Facts.Origin origin, LocalDate received, LocalDate due, LocalDate ended, LocalDate withdrawn,
                           List<Facts.Supplement> sup, long version) {
        Facts f = new Facts(origin, null, null, at(received), ended == null ? null : at(ended), null, null,
                withdrawn == null ? null : at(withdrawn), null, null, sup);
        return new Dossier(id, "C-" + id, "P1", 1, "CDL", "LUHANH", "owner", null, Map.of(),
                ended == null ? DossierStatus.IN_PROCESSING : DossierStatus.RESULT_RETURNED, null, at(received), at(received), at(received),
                at(received), due, null, List.of(), f, version);
    }

    /** The counters: the sum of the differences of each dossier's successive versions (null first). */
    Map<YearMonth, Map<String, Long>> counted(List<List<Dossier>> histories) {
        Map<Decision766.Cell, Decision766.Tally> cells = new HashMap<>();
        for (List<Dossier> h : histories) {
            Dossier before = null;
            for (Dossier now : h) {
                Decision766.difference(rules.contributions(now), rules.contributions(before)).forEach((c, t) -> cells.merge(c, t, Decision766.Tally::plus));
                before = now;
            }
        }
        Map<YearMonth, Map<String, Long>> months = new HashMap<>();
        cells.forEach((c, t) -> {
            assertEquals(0, t.denominator());
            months.computeIfAbsent(YearMonth.parse(c.period()), k -> new HashMap<>()).merge(ReportII06a.measure(c.indicator()), t.numerator(), Long::sum);
        });
        return months;
    }

    static LocalDate day(Instant i) { return i == null ? null : i.atZone(VN).toLocalDate(); }

    /** The figures of a period computed from the dossiers themselves, day by day, without the counters. */
    static ReportII06a.Figures oracle(List<Dossier> dossiers, LocalDate from, LocalDate to) {
        long carried = 0, online = 0, direct = 0, postal = 0, early = 0, onTime = 0, late = 0, withdrawn = 0, open = 0, past = 0;
        for (Dossier d : dossiers) {
            LocalDate rec = day(d.receivedAt()), end = day(d.facts().endedAt()), wd = d.facts().endedAt() == null ? day(d.facts().withdrawnAt()) : null;
            LocalDate exit = end != null ? end : wd;
            boolean openAtStart = rec.isBefore(from) && (exit == null || !exit.isBefore(from));
            if (openAtStart) carried++;
            if (!rec.isBefore(from) && !rec.isAfter(to)) {
                switch (d.facts().channel()) {
                    case ONLINE -> online++;
                    case DIRECT -> direct++;
                    case POSTAL -> postal++;
                }
            }
            if (end != null && !end.isBefore(from) && !end.isAfter(to)) {
                long supplements = d.facts().supplements().stream().filter(Facts.Supplement::afterReceipt).count();
                if (supplements > 1 || end.isAfter(d.dueDate())) late++;
                else if (end.isBefore(d.dueDate())) early++;
                else onTime++;
            }
            if (wd != null && !wd.isBefore(from) && !wd.isAfter(to)) withdrawn++;
            boolean openAtEnd = !rec.isAfter(to) && (exit == null || exit.isAfter(to));
            if (openAtEnd) {
                open++;
                if (d.dueDate().isBefore(to)) past++;
            }
        }
        return new ReportII06a.Figures(carried, online, direct, postal, early, onTime, late, withdrawn, open, past);
    }

    @Test
    void handCountedCases() {
        LocalDate due = LocalDate.of(2026, 11, 5);
        List<List<Dossier>> h = List.of(
                // received online in October's reporting month, ended before the appointment: early, in November's
                List.of(dossier("a", Facts.Origin.MINISTRY_PORTAL, LocalDate.of(2026, 10, 10), due, null, null, List.of(), 1),
                        dossier("a", Facts.Origin.MINISTRY_PORTAL, LocalDate.of(2026, 10, 10), due, LocalDate.of(2026, 11, 2), null, List.of(), 2)),
                // at the desk on 20 Oct (November's month), ended on the appointment day: on time
                List.of(dossier("b", Facts.Origin.ONE_STOP_DESK, LocalDate.of(2026, 10, 20), due, LocalDate.of(2026, 11, 5), null, List.of(), 1)),
                // by post, ended after the appointment: late
                List.of(dossier("c", Facts.Origin.POST, LocalDate.of(2026, 10, 20), due, LocalDate.of(2026, 11, 6), null, List.of(), 1)),
                // withdrawn in November's month, having been overdue since 6 Nov
                List.of(dossier("d", Facts.Origin.NATIONAL_PORTAL, LocalDate.of(2026, 10, 1), due, null, null, List.of(), 1),
                        dossier("d", Facts.Origin.NATIONAL_PORTAL, LocalDate.of(2026, 10, 1), due, null, LocalDate.of(2026, 11, 10), List.of(), 2)),
                // still open, appointment 14 Nov (the last day): within the deadline at November's end, past it at December's
                List.of(dossier("e", Facts.Origin.MINISTRY_PORTAL, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 14), null, null, List.of(), 1)),
                // still open, appointment 13 Nov: past the deadline at November's end
                List.of(dossier("f", Facts.Origin.MINISTRY_PORTAL, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 13), null, null, List.of(), 1)));
        var months = counted(h);
        var nov = rules.figures(rules.period("2026-11").orElseThrow(), months);
        assertEquals(2, nov.carriedOver(), "a and d were received before 15 Oct and open on it");
        assertEquals(2, nov.online(), "e and f (a and d were received before 15 Oct)");
        assertEquals(1, nov.direct());
        assertEquals(1, nov.postal());
        assertEquals(1, nov.early());
        assertEquals(1, nov.onTime());
        assertEquals(1, nov.late());
        assertEquals(1, nov.withdrawn());
        assertEquals(2, nov.inProgress());
        assertEquals(1, nov.pastDeadline());
        assertEquals(nov.receivedTotal(), nov.handledTotal() + nov.withdrawn() + nov.inProgress());
        var dec = rules.figures(rules.period("2026-12").orElseThrow(), months);
        assertEquals(2, dec.carriedOver());
        assertEquals(2, dec.pastDeadline(), "e's appointment passed on 14 Nov, at December's end it is past");
    }

    @Test
    void randomHistoriesEqualTheDossiersCountedDayByDay() {
        Random r = new Random(23);
        Facts.Origin[] origins = Facts.Origin.values();
        List<List<Dossier>> histories = new ArrayList<>();
        List<Dossier> finals = new ArrayList<>();
        LocalDate start = LocalDate.of(2025, 11, 1);
        for (int i = 0; i < 400; i++) {
            String id = "d" + i;
            Facts.Origin o = origins[r.nextInt(origins.length)];
            LocalDate rec = start.plusDays(r.nextInt(420));
            LocalDate due = rec.plusDays(3 + r.nextInt(30));
            List<Dossier> h = new ArrayList<>();
            long v = 1;
            h.add(dossier(id, o, rec, due, null, null, List.of(), v++));
            List<Facts.Supplement> sup = new ArrayList<>();
            int supplements = r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0;
            for (int s = 0; s < supplements; s++) {
                Instant asked = at(rec.plusDays(1 + s));
                sup.add(new Facts.Supplement(asked, true, asked.plusSeconds(86400)));
                due = due.plusDays(2 + r.nextInt(10)); // the appointment counted again
                h.add(dossier(id, o, rec, due, null, null, sup, v++));
            }
            int outcome = r.nextInt(10);
            LocalDate end = due.plusDays(r.nextInt(16) - 10);
            if (outcome < 7) h.add(dossier(id, o, rec, due, end.isBefore(rec) ? rec : end, null, sup, v++));
            else if (outcome == 7) h.add(dossier(id, o, rec, due, null, rec.plusDays(r.nextInt(60)), sup, v++));
            histories.add(h);
            finals.add(h.get(h.size() - 1));
        }
        var months = counted(histories);
        for (String key : List.of("2025-12", "2026-01", "2026-02", "2026-03", "2026-06", "2026-11", "2026-Q1", "2026-Q2", "2026-Q4", "2026", "2027-Q1")) {
            var p = rules.period(key).orElseThrow();
            var f = rules.figures(p, months);
            assertEquals(oracle(finals, p.from(), p.to()), f, key);
            assertEquals(f.receivedTotal(), f.handledTotal() + f.withdrawn() + f.inProgress(), key);
        }
        var calendar = rules.withFirstDay(1);
        Map<Decision766.Cell, Decision766.Tally> cells = new HashMap<>();
        for (List<Dossier> h : histories) {
            Dossier before = null;
            for (Dossier now : h) {
                Decision766.difference(calendar.contributions(now), calendar.contributions(before)).forEach((c, t) -> cells.merge(c, t, Decision766.Tally::plus));
                before = now;
            }
        }
        Map<YearMonth, Map<String, Long>> cm = new HashMap<>();
        cells.forEach((c, t) -> cm.computeIfAbsent(YearMonth.parse(c.period()), k -> new HashMap<>()).merge(ReportII06a.measure(c.indicator()), t.numerator(), Long::sum));
        for (String key : List.of("2026-01", "2026-Q3", "2026")) {
            var p = calendar.period(key).orElseThrow();
            assertEquals(oracle(finals, p.from(), p.to()), calendar.figures(p, cm), "calendar " + key);
        }
    }
}
