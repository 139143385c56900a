package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryScorecardCounts;
import vn.gov.bvhttdl.dvc.domain.Decision766;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Facts;
import vn.gov.bvhttdl.dvc.domain.Organisation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The indicators against dossiers built here, each driven through its versions as the stream delivers them (old and
 * new image), with redeliveries; the expected figures are counted from the dossiers themselves.
 */
class ScorecardTest {
    static final String AGENCY = "CDLQG";
    final Clock clock = Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC);
    final InMemoryScorecardCounts counts = new InMemoryScorecardCounts();
    final CountIndicators counter = new CountIndicators(counts, Decision766.standard());
    final Scorecard scorecard = new Scorecard(counts, Decision766.standard(), Organisation.standard(), clock);

    static final Instant RECEIVED = Instant.parse("2026-11-02T02:00:00Z");
    static final LocalDate DUE = LocalDate.of(2026, 11, 13);

    /** One dossier's versions: created, received, (supplements), ended at {@code ended} (null: still in processing). */
    static List<Dossier> versions(String id, String unit, String procedure, Facts.Origin origin, int supplementsAfterReceipt, Instant ended, LocalDate due) {
        List<Dossier> out = new ArrayList<>();
        List<Facts.Supplement> sup = new ArrayList<>();
        long v = 1;
        out.add(d(id, unit, procedure, origin, null, null, null, List.of(), DossierStatus.DRAFT, v++));
        out.add(d(id, unit, procedure, origin, RECEIVED, due, null, List.of(), DossierStatus.RECEIVED, v++));
        for (int i = 0; i < supplementsAfterReceipt; i++) {
            Instant at = RECEIVED.plusSeconds(86400L * (i + 1));
            sup.add(new Facts.Supplement(at, true, null));
            out.add(d(id, unit, procedure, origin, RECEIVED, due, null, sup, DossierStatus.AWAITING_SUPPLEMENT, v++));
            sup.set(i, new Facts.Supplement(at, true, at.plusSeconds(3600)));
            out.add(d(id, unit, procedure, origin, RECEIVED, due, null, sup, DossierStatus.IN_PROCESSING, v++));
        }
        if (ended != null) out.add(d(id, unit, procedure, origin, RECEIVED, due, ended, sup, DossierStatus.RESULT_RETURNED, v));
        return out;
    }

    static Dossier d(String id, String unit, String procedure, Facts.Origin origin, Instant received, LocalDate due, Instant ended,
                     List<Facts.Supplement> sup, DossierStatus status, long version) {
        Facts f = new Facts(origin, null, null, received, ended, null, null, null, null, null, List.copyOf(sup));
        return new Dossier(id, "C-" + id, procedure, 1, AGENCY, unit, "owner", null, Map.of(), status, null,
                RECEIVED, RECEIVED, received, received, due, null, List.of(), f, version);
    }

    /** Delivers every version's record (old, new) as the stream does, each one twice, and the whole stream again. */
    void deliver(List<Dossier> versions) {
        for (int round = 0; round < 2; round++) {
            Dossier before = null;
            for (Dossier now : versions) {
                CountIndicators.Outcome first = counter.count(before, now);
                if (round == 1) assertNotEquals(CountIndicators.Outcome.COUNTED, first, "a redelivered version changes nothing");
                assertNotEquals(CountIndicators.Outcome.COUNTED, counter.count(before, now));
                before = now;
            }
        }
    }

    Scorecard.Line line(Scorecard.Section s, String code) {
        return s.lines().stream().filter(l -> l.indicator().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void onTimeAndOnlineShareCountedFromTheDossiers() {
        Instant inTime = Instant.parse("2026-11-12T03:00:00Z"), late = Instant.parse("2026-11-20T03:00:00Z");
        List<List<Dossier>> all = List.of(
                versions("a", "LUHANH", "P1", Facts.Origin.MINISTRY_PORTAL, 0, inTime, DUE),   // on time, online
                versions("b", "LUHANH", "P1", Facts.Origin.NATIONAL_PORTAL, 0, late, DUE),     // late, online
                versions("c", "LUHANH", "P2", Facts.Origin.ONE_STOP_DESK, 1, inTime, DUE),     // supplemented once: on time, direct
                versions("e", "LUUTRU", "P2", Facts.Origin.POST, 2, inTime, DUE),              // supplemented twice: late, postal
                versions("f", "LUUTRU", "P2", Facts.Origin.MINISTRY_PORTAL, 0, null, DUE));    // still in processing: online, not ended
        all.forEach(this::deliver);

        Decision766 rules = Decision766.standard();
        long ended = all.stream().filter(v -> v.getLast().facts().endedAt() != null).count();
        long onTime = all.stream().map(List::getLast).filter(x -> x.facts().endedAt() != null && rules.onTime(x)).count();
        long online = all.stream().map(List::getLast).filter(x -> x.facts().channel() == Facts.Channel.ONLINE).count();
        assertEquals(List.of(4L, 2L, 3L), List.of(ended, onTime, online)); // the dossiers are what the test says

        for (String period : List.of("2026-11", "2026-Q4", "2026")) {
            Scorecard.Page page = scorecard.of(period, AGENCY);
            Scorecard.Line t = line(page.total(), "2.1");
            assertEquals(onTime, t.numerator());
            assertEquals(ended, t.denominator());
            assertEquals(0.5, t.ratio(), 1e-9);
            assertEquals(rules.indicator("2.1").orElseThrow().score(onTime, ended).orElseThrow(), t.score());
            Scorecard.Line o = line(page.total(), "3.3");
            assertEquals(online, o.numerator());
            assertEquals(all.size(), o.denominator());
            assertTrue(page.running() == !period.equals("2026-11"), period);
        }
        Scorecard.Page nov = scorecard.of("2026-11", AGENCY);
        assertEquals(List.of("LUHANH", "LUUTRU"), nov.units().stream().map(Scorecard.Section::code).toList());
        Scorecard.Section luuTru = nov.units().get(1);
        assertEquals(0L, line(luuTru, "2.1").numerator());
        assertEquals(1L, line(luuTru, "2.1").denominator());
        Scorecard.Section p1 = nov.procedures().stream().filter(s -> s.code().equals("P1")).findFirst().orElseThrow();
        assertEquals(2L, line(p1, "3.3").numerator());
        // no dossier of the agency in October: no ratio, no score, never a made-up 0 score
        Scorecard.Line oct = line(scorecard.of("2026-10", AGENCY).total(), "2.1");
        assertEquals(0L, oct.denominator());
        assertNull(oct.ratio());
        assertNull(oct.score());
    }

    @Test
    void anIndicatorWithoutItsFactsIsNotYetMeasured() {
        deliver(versions("a", "LUHANH", "P1", Facts.Origin.MINISTRY_PORTAL, 0, Instant.parse("2026-11-12T03:00:00Z"), DUE));
        Scorecard.Page page = scorecard.of("2026-11", AGENCY);
        for (String code : List.of("4.3", "4.4")) {
            Scorecard.Line l = line(page.total(), code);
            assertFalse(l.measured());
            assertNull(l.numerator());
            assertNull(l.denominator());
            assertNull(l.score());
            assertNotNull(l.note().vi());
        }
    }

    @Test
    void aDossierMovedAcrossPeriodsLeavesTheOldOne() {
        // the end of handling moves (a later version, e.g. recorded again): the tally follows it, the old month empties
        List<Dossier> v = new ArrayList<>(versions("a", "LUHANH", "P1", Facts.Origin.MINISTRY_PORTAL, 0, Instant.parse("2026-11-12T03:00:00Z"), DUE));
        Dossier last = v.getLast();
        v.add(d("a", "LUHANH", "P1", Facts.Origin.MINISTRY_PORTAL, RECEIVED, DUE, Instant.parse("2026-12-01T03:00:00Z"), List.of(),
                DossierStatus.RESULT_RETURNED, last.version() + 1));
        deliver(v);
        assertEquals(0L, line(scorecard.of("2026-11", AGENCY).total(), "2.1").denominator());
        assertEquals(1L, line(scorecard.of("2026-12", AGENCY).total(), "2.1").denominator());
        assertEquals(1L, line(scorecard.of("2026-Q4", AGENCY).total(), "2.1").denominator());
    }

    @Test
    void badInputIsAProblem() {
        assertEquals("invalid-period", assertThrows(DomainException.class, () -> scorecard.of("2026-13", AGENCY)).problem());
        assertEquals("invalid-period", assertThrows(DomainException.class, () -> scorecard.of(null, AGENCY)).problem());
        DomainException future = assertThrows(DomainException.class, () -> scorecard.of("2027-01", AGENCY));
        assertEquals("future-period", future.problem());
        assertEquals(DomainException.Kind.INVALID, future.kind());
        assertEquals("future-period", assertThrows(DomainException.class, () -> scorecard.of("2027", AGENCY)).problem());
        DomainException unknown = assertThrows(DomainException.class, () -> scorecard.of("2026-11", "NOPE"));
        assertEquals("unknown-agency", unknown.problem());
        assertEquals(DomainException.Kind.NOT_FOUND, unknown.kind());
    }

    @Test
    void administratorsReadAnyAgencyLeadersTheirOwnOthersNothing() {
        var admin = new Scorecard.Viewer(true, null);
        assertEquals("CDSVH", scorecard.of(admin, "2026-11", "CDSVH").agency());
        assertEquals("unknown-agency", assertThrows(DomainException.class, () -> scorecard.of(admin, "2026-11", null)).problem());
        var leader = new Scorecard.Viewer(false, vn.gov.bvhttdl.dvc.domain.Actor.official("l", AGENCY, "LUHANH", vn.gov.bvhttdl.dvc.domain.Post.LEADER));
        assertEquals(AGENCY, scorecard.of(leader, "2026-11", null).agency());
        assertEquals(AGENCY, scorecard.of(leader, "2026-11", AGENCY).agency());
        assertEquals("scorecard-own-agency", assertThrows(DomainException.class, () -> scorecard.of(leader, "2026-11", "CDSVH")).problem());
        var specialist = new Scorecard.Viewer(false, vn.gov.bvhttdl.dvc.domain.Actor.official("s", AGENCY, "LUHANH", vn.gov.bvhttdl.dvc.domain.Post.SPECIALIST));
        assertEquals("admin-only", assertThrows(DomainException.class, () -> scorecard.of(specialist, "2026-11", AGENCY)).problem());
        var citizen = new Scorecard.Viewer(false, vn.gov.bvhttdl.dvc.domain.Actor.citizen("c"));
        assertEquals(DomainException.Kind.FORBIDDEN, assertThrows(DomainException.class, () -> scorecard.of(citizen, "2026-11", AGENCY)).kind());
    }
}
