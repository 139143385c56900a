package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryScorecardCounts;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Decision766;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Facts;
import vn.gov.bvhttdl.dvc.domain.Organisation;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.ReportII06a;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The report of dossiers driven through their versions as the stream delivers them, each version twice and an older
 * one late; the expected figures are counted from the final dossiers, day by day.
 */
class PeriodicReportTest {
    static final String AGENCY = "CDLQG";
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    final Clock clock = Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC);
    final InMemoryScorecardCounts counts = new InMemoryScorecardCounts();
    final CountIndicators counter = new CountIndicators(counts, Decision766.standard(), ReportII06a.standard());
    final PeriodicReport report = new PeriodicReport(counts, ReportII06a.standard(), new BundledRules(), Organisation.standard(), clock);

    static Instant at(LocalDate d) { return d.atTime(10, 0).atZone(VN).toInstant(); }

    /** Versions: received, (supplements), ended or withdrawn (or still open). */
    static List<Dossier> versions(String id, String procedure, Facts.Origin origin, LocalDate received, LocalDate due, int supplements,
                                  LocalDate ended, LocalDate withdrawn) {
        List<Dossier> out = new ArrayList<>();
        List<Facts.Supplement> sup = new ArrayList<>();
        long v = 1;
        out.add(d(id, procedure, origin, null, null, null, null, List.of(), v++));
        out.add(d(id, procedure, origin, received, due, null, null, List.of(), v++));
        for (int i = 0; i < supplements; i++) {
            Instant asked = at(received.plusDays(i + 1));
            sup.add(new Facts.Supplement(asked, true, asked.plusSeconds(3600)));
            out.add(d(id, procedure, origin, received, due, null, null, sup, v++));
        }
        if (ended != null || withdrawn != null) out.add(d(id, procedure, origin, received, due, ended, withdrawn, sup, v));
        return out;
    }

    static Dossier d(String id, String procedure, Facts.Origin origin, LocalDate received, LocalDate due, LocalDate ended, LocalDate withdrawn,
                     List<Facts.Supplement> sup, long version) {
        Instant rec = received == null ? null : at(received);
        Facts f = new Facts(origin, null, null, rec, ended == null ? null : at(ended), null, null, withdrawn == null ? null : at(withdrawn),
                null, null, List.copyOf(sup));
        return new Dossier(id, "C-" + id, procedure, 1, AGENCY, "LUHANH", "owner", null, Map.of(),
                received == null ? DossierStatus.DRAFT : DossierStatus.IN_PROCESSING, null, at(LocalDate.of(2026, 10, 1)), at(LocalDate.of(2026, 10, 1)),
                rec, rec, due, null, List.of(), f, version);
    }

    final List<List<Dossier>> all = List.of(
            versions("a", "BVHTTDL-DL-001", Facts.Origin.MINISTRY_PORTAL, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 13), 0, LocalDate.of(2026, 11, 12), null),
            versions("b", "BVHTTDL-DL-002", Facts.Origin.ONE_STOP_DESK, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 13), 0, LocalDate.of(2026, 11, 13), null),
            versions("c", "BVHTTDL-DL-001", Facts.Origin.POST, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 13), 2, LocalDate.of(2026, 11, 12), null),
            versions("d", "BVHTTDL-DL-003", Facts.Origin.NATIONAL_PORTAL, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 14), 0, null, null),
            versions("e", "X-UNLISTED", Facts.Origin.ONE_STOP_DESK, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 20), 0, null, null),
            versions("f", "BVHTTDL-DL-001", Facts.Origin.MINISTRY_PORTAL, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 20), 0, null, LocalDate.of(2026, 11, 20)));

    void deliver() {
        for (List<Dossier> h : all) {
            Dossier before = null;
            for (Dossier now : h) {
                counter.count(before, now);
                assertNotEquals(CountIndicators.Outcome.COUNTED, counter.count(before, now), "a redelivered version changes nothing");
                before = now;
            }
            if (h.size() > 2) assertNotEquals(CountIndicators.Outcome.COUNTED, counter.count(h.get(0), h.get(1)), "an older version late changes nothing");
        }
    }

    static LocalDate day(Instant i) { return i == null ? null : i.atZone(VN).toLocalDate(); }

    /** The figures of dossiers counted from their dates (the form's rules, independently of the counters). */
    static ReportII06a.Figures expected(List<Dossier> ds, LocalDate from, LocalDate to) {
        long[] v = new long[10];
        for (Dossier d : ds) {
            LocalDate rec = day(d.receivedAt()), end = day(d.facts().endedAt()), wd = day(d.facts().withdrawnAt());
            LocalDate exit = end != null ? end : wd;
            if (rec.isBefore(from) && (exit == null || !exit.isBefore(from))) v[0]++;
            if (!rec.isBefore(from) && !rec.isAfter(to)) v[switch (d.facts().channel()) { case ONLINE -> 1; case DIRECT -> 2; case POSTAL -> 3; }]++;
            if (end != null && !end.isBefore(from) && !end.isAfter(to)) {
                boolean late = end.isAfter(d.dueDate()) || d.facts().supplements().size() > 1;
                v[late ? 6 : end.isBefore(d.dueDate()) ? 4 : 5]++;
            }
            if (end == null && wd != null && !wd.isBefore(from) && !wd.isAfter(to)) v[7]++;
            if (!rec.isAfter(to) && (exit == null || exit.isAfter(to))) {
                v[8]++;
                if (d.dueDate().isBefore(to)) v[9]++;
            }
        }
        return new ReportII06a.Figures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }

    List<Dossier> finals() { return all.stream().map(h -> h.get(h.size() - 1)).toList(); }

    @Test
    void figuresPerFieldAndTotalEqualTheDossiers() {
        deliver();
        for (String period : List.of("2026-10", "2026-11", "2026-12", "2026-Q4", "2026")) {
            var page = report.of(period, AGENCY);
            var expected = expected(finals(), page.from(), page.to());
            assertEquals(expected, page.total().figures(), period);
            var tourism = finals().stream().filter(d -> d.procedureCode().startsWith("BVHTTDL-DL")).toList();
            var unlisted = finals().stream().filter(d -> !d.procedureCode().startsWith("BVHTTDL-DL")).toList();
            for (var f : page.fields()) {
                var want = expected(f.row().code().equals("tourism") ? tourism : unlisted, page.from(), page.to());
                assertEquals(want, f.row().figures(), period + " " + f.row().code());
                assertEquals(f.row().figures(), f.procedures().stream().map(PeriodicReport.Row::figures).reduce(ReportII06a.Figures.ZERO, ReportII06a.Figures::plus));
            }
            assertEquals(page.total().figures().column("receivedTotal"), page.total().values().get("receivedTotal"));
        }
        var nov = report.of("2026-11", AGENCY);
        assertEquals(LocalDate.of(2026, 10, 15), nov.from());
        assertEquals(LocalDate.of(2026, 11, 14), nov.to());
        assertFalse(nov.running());
        assertTrue(report.of("2026-12", AGENCY).running());
        assertEquals(List.of("-", "tourism"), nov.fields().stream().map(f -> f.row().code()).toList());
        assertEquals("Du lịch", nov.fields().get(1).row().name().vi());
        var t = nov.total().figures();
        assertEquals(2, t.carriedOver(), "e and f");
        assertEquals(1, t.early());
        assertEquals(1, t.onTime());
        assertEquals(1, t.late(), "c: a second supplement request");
        assertEquals(3, t.inProgress(), "d, e and f (withdrawn on 20 Nov, after the 14th)");
        assertEquals(2, t.pastDeadline(), "e and f; d is due on the 14th, the period's last day");
    }

    @Test
    void whoMayRead() {
        var admin = new Scorecard.Viewer(true, null);
        assertEquals("CDSVH", report.of(admin, "2026-11", "CDSVH").agency());
        assertEquals("unknown-agency", assertThrows(DomainException.class, () -> report.of(admin, "2026-11", "NOPE")).problem());
        assertEquals("unknown-agency", assertThrows(DomainException.class, () -> report.of(admin, "2026-11", null)).problem());
        var leader = new Scorecard.Viewer(false, Actor.official("l", AGENCY, "LUHANH", Post.LEADER));
        assertEquals(AGENCY, report.of(leader, "2026-11", null).agency());
        assertEquals("report-own-agency", assertThrows(DomainException.class, () -> report.of(leader, "2026-11", "CDSVH")).problem());
        var specialist = new Scorecard.Viewer(false, Actor.official("s", AGENCY, "LUHANH", Post.SPECIALIST));
        assertEquals("admin-only", assertThrows(DomainException.class, () -> report.of(specialist, "2026-11", AGENCY)).problem());
        assertEquals("admin-only", assertThrows(DomainException.class, () -> report.of(new Scorecard.Viewer(false, Actor.citizen("c")), "2026-11", AGENCY)).problem());
        assertEquals("invalid-period", assertThrows(DomainException.class, () -> report.of(admin, "2026-14", AGENCY)).problem());
        // 2027-01 begins on 15 Dec 2026, after the clock's 6 Dec
        assertEquals("future-period", assertThrows(DomainException.class, () -> report.of(admin, "2027-01", AGENCY)).problem());
    }
}
