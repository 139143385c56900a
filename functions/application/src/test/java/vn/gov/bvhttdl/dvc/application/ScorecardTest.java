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
import java.util.Optional;

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

    // ---- 3.5, 3.6, 4.1, 4.2 and the drill-down, from trails: each version's facts folded from its moves, the expected
    // figures counted from the moves themselves (not from the facts)

    static vn.gov.bvhttdl.dvc.domain.AuditEvent ev(String id, String at, String action, String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return new vn.gov.bvhttdl.dvc.domain.AuditEvent(id, Instant.parse(at), "x", vn.gov.bvhttdl.dvc.domain.Role.SYSTEM, action, null, null, null, m);
    }

    /** A dossier's trail and the versions it went through (each one the facts of the trail so far). */
    record Trail(String id, String unit, String procedure, List<vn.gov.bvhttdl.dvc.domain.AuditEvent> events, List<Dossier> versions) {
        Trail(String id, String unit, String procedure, List<vn.gov.bvhttdl.dvc.domain.AuditEvent> events) {
            this(id, unit, procedure, events, fold(id, unit, procedure, events));
        }

        static List<Dossier> fold(String id, String unit, String procedure, List<vn.gov.bvhttdl.dvc.domain.AuditEvent> events) {
            List<Dossier> out = new ArrayList<>();
            Facts f = Facts.NONE;
            Instant received = null;
            DossierStatus status = DossierStatus.DRAFT;
            long v = 1;
            for (var e : events) {
                f = f.after(e);
                if (e.action().equals("receive")) received = e.at();
                if (f.endedAt() != null) status = DossierStatus.RESULT_READY;
                else if (received != null) status = DossierStatus.IN_PROCESSING;
                out.add(new Dossier(id, "C-" + id, procedure, 1, AGENCY, unit, "owner", null, Map.of(), status, null,
                        RECEIVED, e.at(), received, received, DUE, null, List.of(), f, v++));
            }
            return out;
        }

        boolean has(String action) { return events.stream().anyMatch(e -> e.action().equals(action)); }

        Optional<vn.gov.bvhttdl.dvc.domain.AuditEvent> first(String action) { return events.stream().filter(e -> e.action().equals(action)).findFirst(); }

        long sum(String action) {
            return events.stream().filter(e -> e.action().equals(action)).mapToLong(e -> Long.parseLong(e.details().getOrDefault("amountVnd", "0"))).sum();
        }

        String origin() { return first("create").map(e -> e.details().get("origin")).orElse("MINISTRY_PORTAL"); }
    }

    static boolean inNovember(Instant at) { return at.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getMonthValue() == 11; }

    final vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers store = new vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers();
    final Scorecard drill = new Scorecard(counts, Decision766.standard(), Organisation.standard(), clock, store,
            new vn.gov.bvhttdl.dvc.application.fakes.InMemoryWorkQueues(store));

    List<Trail> trails() {
        return List.of(
                // online, paid online, approved, electronic result
                new Trail("p1", "LUHANH", "P1", List.of(ev("p1", "2026-11-01T01:00:00Z", "create", "origin", "MINISTRY_PORTAL"),
                        ev("p1", "2026-11-01T02:00:00Z", "submit", "files", "2"), ev("p1", "2026-11-02T02:00:00Z", "receive"),
                        ev("p1", "2026-11-02T03:00:00Z", "request-payment", "amountVnd", "150000", "lines", "1"),
                        ev("p1", "2026-11-02T04:00:00Z", "confirm-payment", "amountVnd", "150000"),
                        ev("p1", "2026-11-10T04:00:00Z", "approve"), ev("p1", "2026-11-10T05:00:00Z", "issue-result", "result", "C-p1-KQ1"))),
                // at the desk with files, asked to pay, withdrawn unpaid
                new Trail("p2", "LUHANH", "P2", List.of(ev("p2", "2026-11-01T01:00:00Z", "create", "origin", "ONE_STOP_DESK"),
                        ev("p2", "2026-11-01T02:00:00Z", "submit", "files", "3"), ev("p2", "2026-11-02T02:00:00Z", "receive"),
                        ev("p2", "2026-11-02T03:00:00Z", "request-payment", "amountVnd", "200000", "lines", "1"),
                        ev("p2", "2026-11-04T03:00:00Z", "withdraw"))),
                // by post without files, approved on paper
                new Trail("p3", "LUUTRU", "P2", List.of(ev("p3", "2026-11-01T01:00:00Z", "create", "origin", "POST"),
                        ev("p3", "2026-11-01T02:00:00Z", "submit", "files", "0"), ev("p3", "2026-11-02T02:00:00Z", "receive"),
                        ev("p3", "2026-11-12T04:00:00Z", "approve"))),
                // at the desk, files added on resubmission, a tariff paid online, refused
                new Trail("p4", "LUUTRU", "P1", List.of(ev("p4", "2026-11-01T01:00:00Z", "create", "origin", "ONE_STOP_DESK"),
                        ev("p4", "2026-11-01T02:00:00Z", "submit", "files", "0"), ev("p4", "2026-11-01T03:00:00Z", "resubmit", "files", "4"),
                        ev("p4", "2026-11-02T02:00:00Z", "receive"), ev("p4", "2026-11-02T03:00:00Z", "request-payment", "tariff", "true", "lines", "2"),
                        ev("p4", "2026-11-02T05:00:00Z", "confirm-payment", "amountVnd", "60000"), ev("p4", "2026-11-06T05:00:00Z", "refuse"))),
                // online, approved in December with an electronic result
                new Trail("p5", "LUHANH", "P1", List.of(ev("p5", "2026-11-01T01:00:00Z", "create", "origin", "NATIONAL_PORTAL"),
                        ev("p5", "2026-11-01T02:00:00Z", "submit", "files", "1"), ev("p5", "2026-11-02T02:00:00Z", "receive"),
                        ev("p5", "2026-12-01T04:00:00Z", "approve"), ev("p5", "2026-12-01T05:00:00Z", "issue-result", "result", "C-p5-KQ1"))));
    }

    @Test
    void paymentsResultsAndDigitisationCountedFromTheMoves() {
        List<Trail> all = trails();
        for (Trail t : all) deliver(t.versions());

        // 3.5: asked to pay in November; of them, a payment confirmed
        List<Trail> asked = all.stream().filter(t -> t.first("request-payment").map(e -> inNovember(e.at())).orElse(false)).toList();
        long paid = asked.stream().filter(t -> t.has("confirm-payment")).count();
        // 3.6: paid online of due (the amount asked, or paid when the applicant chose from a tariff)
        long paidVnd = asked.stream().mapToLong(t -> t.sum("confirm-payment")).sum();
        long dueVnd = asked.stream().mapToLong(t -> Math.max(t.sum("request-payment"), t.sum("confirm-payment"))).sum();
        // 4.1: approved in November; of them, an electronic result issued
        List<Trail> approved = all.stream().filter(t -> t.first("approve").map(e -> inNovember(e.at())).orElse(false)).toList();
        long eResult = approved.stream().filter(t -> t.has("issue-result")).count();
        // 4.2: received at the desk or by post in November; of them, the latest (re)submission carried files
        List<Trail> paper = all.stream().filter(t -> !t.origin().endsWith("PORTAL") && t.first("receive").map(e -> inNovember(e.at())).orElse(false)).toList();
        long digitised = paper.stream().filter(t -> t.events().stream().filter(e -> e.action().endsWith("submit")).reduce((a, b) -> b)
                .map(e -> Integer.parseInt(e.details().get("files")) > 0).orElse(false)).count();
        assertEquals(List.of(3L, 2L, 210000L, 410000L, 2L, 1L, 3L, 2L),
                List.of((long) asked.size(), paid, paidVnd, dueVnd, (long) approved.size(), eResult, (long) paper.size(), digitised),
                "the dossiers are what the test says");

        Scorecard.Section nov = scorecard.of("2026-11", AGENCY).total();
        assertEquals(List.of(paid, (long) asked.size()), List.of(line(nov, "3.5").numerator(), line(nov, "3.5").denominator()));
        assertEquals(List.of(paidVnd, dueVnd), List.of(line(nov, "3.6").numerator(), line(nov, "3.6").denominator()));
        assertEquals("VND", line(nov, "3.6").unit());
        assertEquals(List.of(eResult, (long) approved.size()), List.of(line(nov, "4.1").numerator(), line(nov, "4.1").denominator()));
        assertEquals(List.of(digitised, (long) paper.size()), List.of(line(nov, "4.2").numerator(), line(nov, "4.2").denominator()));
        assertEquals(1L, line(scorecard.of("2026-12", AGENCY).total(), "4.1").numerator(), "p5's result in December, its end of handling");
        assertEquals(2L, line(scorecard.of("2026-Q4", AGENCY).total(), "4.1").numerator());
        for (String code : List.of("3.5", "3.6", "4.1", "4.2", "5.4")) assertTrue(line(nov, code).measured(), code);
        assertEquals(0L, line(nov, "5.4").denominator(), "no survey answer yet");
        assertNull(line(nov, "5.4").score());
        // the trend: this month last, the earlier months before it, a ratio only where there were dossiers
        Scorecard.Page dec = scorecard.of("2026-12", AGENCY);
        assertEquals(List.of("2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"), dec.trend().stream().map(Scorecard.TrendPoint::period).toList());
        assertEquals((double) paid / asked.size(), dec.trend().get(4).ratios().get("3.5"), 1e-9);
        assertNull(dec.trend().get(3).ratios().get("3.5"));
    }

    @Test
    void theDossiersBehindANumber() {
        List<Trail> all = trails();
        for (Trail t : all) {
            deliver(t.versions());
            Dossier last = t.versions().getLast();
            store.create(new Dossier.Change(last, t.events().getLast()));
        }
        var admin = new Scorecard.Viewer(true, null);
        // 4.1: approved in November without an electronic result, computed from the moves
        List<String> expected = all.stream().filter(t -> t.first("approve").map(e -> inNovember(e.at())).orElse(false) && !t.has("issue-result"))
                .map(Trail::id).toList();
        Scorecard.Dossiers d = drill.dossiers(admin, "2026-11", AGENCY, null, "4.1", null, null);
        assertEquals(expected, d.items().stream().map(Scorecard.Behind::id).toList());
        assertEquals("no-electronic-result", d.items().getFirst().why());
        assertEquals("P2", d.items().getFirst().procedure());
        assertEquals("LUUTRU", d.items().getFirst().unit());
        assertEquals(DUE, d.items().getFirst().due());
        // 3.5 by unit and by procedure: p2 (LUHANH, P2) asked and never paid
        assertEquals(List.of("p2"), drill.dossiers(admin, "2026-11", AGENCY, "U:" + AGENCY + "/LUHANH", "3.5", null, null).items().stream().map(Scorecard.Behind::id).toList());
        assertEquals(List.of(), drill.dossiers(admin, "2026-11", AGENCY, "U:" + AGENCY + "/LUUTRU", "3.5", null, null).items());
        assertEquals(List.of("p2"), drill.dossiers(admin, "2026-11", AGENCY, "P:" + AGENCY + "/P2", "3.5", null, null).items().stream().map(Scorecard.Behind::id).toList());
        // 3.3 paged one by one with the cursor: p2, p3, p4 (not online)
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            Scorecard.Dossiers page = drill.dossiers(admin, "2026-11", AGENCY, "A:" + AGENCY, "3.3", 1, after);
            assertTrue(page.items().size() <= 1);
            page.items().forEach(b -> seen.add(b.id()));
            after = page.next();
        } while (after != null);
        assertEquals(all.stream().filter(t -> !t.origin().endsWith("PORTAL")).map(Trail::id).toList(), seen);
        // a dossier that later meets the indicator leaves the drill-down: p3's electronic result issued
        Trail p3 = all.get(2);
        Dossier v = p3.versions().getLast();
        Facts issued = v.facts().after(ev("p3", "2026-11-13T04:00:00Z", "issue-result", "result", "C-p3-KQ1"));
        assertEquals(CountIndicators.Outcome.COUNTED, counter.count(v, new Dossier(v.id(), v.code(), v.procedureCode(), 1, AGENCY, v.unitCode(), "owner", null,
                Map.of(), v.status(), null, v.createdAt(), v.updatedAt(), v.submittedAt(), v.receivedAt(), v.dueDate(), null, List.of(), issued, v.version() + 1)));
        assertEquals(List.of(), drill.dossiers(admin, "2026-11", AGENCY, null, "4.1", null, null).items());
    }

    @Test
    void overdueNowInTheRunningPeriod() {
        // received, in processing, appointment 13 Nov: past it on 6 Dec (the clock)
        for (Dossier x : List.of(d("o1", "LUHANH", "P1", Facts.Origin.MINISTRY_PORTAL, RECEIVED, DUE, null, List.of(), DossierStatus.IN_PROCESSING, 2),
                d("o2", "LUHANH", "P1", Facts.Origin.MINISTRY_PORTAL, RECEIVED, LocalDate.of(2026, 12, 20), null, List.of(), DossierStatus.IN_PROCESSING, 2))) {
            store.create(new Dossier.Change(x, ev(x.id(), "2026-11-02T02:00:00Z", "receive")));
        }
        var admin = new Scorecard.Viewer(true, null);
        long expected = store.all().stream().filter(x -> x.dueDate().isBefore(LocalDate.of(2026, 12, 6))).count();
        Scorecard.Dossiers d = drill.dossiers(admin, "2026-12", AGENCY, null, "2.1", null, null);
        assertTrue(d.running());
        assertEquals(expected, d.overdue().size());
        assertEquals("o1", d.overdue().getFirst().id());
        assertEquals("overdue", d.overdue().getFirst().why());
        assertFalse(d.overdueMore());
        assertEquals(List.of(), drill.dossiers(admin, "2026-10", AGENCY, null, "2.1", null, null).overdue(), "an ended period: none");
        assertEquals(List.of(), drill.dossiers(admin, "2026-12", AGENCY, null, "3.3", null, null).overdue(), "only for 2.1");
    }

    @Test
    void theDrillDownsAccessAndBadInput() {
        var admin = new Scorecard.Viewer(true, null);
        var leader = new Scorecard.Viewer(false, vn.gov.bvhttdl.dvc.domain.Actor.official("l", AGENCY, "LUHANH", vn.gov.bvhttdl.dvc.domain.Post.LEADER));
        var specialist = new Scorecard.Viewer(false, vn.gov.bvhttdl.dvc.domain.Actor.official("s", AGENCY, "LUHANH", vn.gov.bvhttdl.dvc.domain.Post.SPECIALIST));
        assertEquals(AGENCY, drill.dossiers(leader, "2026-11", null, null, "2.1", null, null).agency());
        assertEquals("scorecard-own-agency", assertThrows(DomainException.class, () -> drill.dossiers(leader, "2026-11", "CDSVH", null, "2.1", null, null)).problem());
        assertEquals("admin-only", assertThrows(DomainException.class, () -> drill.dossiers(specialist, "2026-11", AGENCY, null, "2.1", null, null)).problem());
        assertEquals("invalid-scope", assertThrows(DomainException.class, () -> drill.dossiers(admin, "2026-11", AGENCY, "U:CDSVH/X", "2.1", null, null)).problem());
        assertEquals("invalid-scope", assertThrows(DomainException.class, () -> drill.dossiers(admin, "2026-11", AGENCY, "Q:" + AGENCY, "2.1", null, null)).problem());
        assertEquals("unknown-indicator", assertThrows(DomainException.class, () -> drill.dossiers(admin, "2026-11", AGENCY, null, "9.9", null, null)).problem());
        assertEquals("indicator-not-measured", assertThrows(DomainException.class, () -> drill.dossiers(admin, "2026-11", AGENCY, null, "4.3", null, null)).problem());
        assertEquals("invalid-size", assertThrows(DomainException.class, () -> drill.dossiers(admin, "2026-11", AGENCY, null, "2.1", 0, null)).problem());
        assertEquals("invalid-size", assertThrows(DomainException.class, () -> drill.dossiers(admin, "2026-11", AGENCY, null, "2.1", Scorecard.MAX_PAGE + 1, null)).problem());
        assertEquals("future-period", assertThrows(DomainException.class, () -> drill.dossiers(admin, "2027-01", AGENCY, null, "2.1", null, null)).problem());
        assertEquals("unknown-agency", assertThrows(DomainException.class, () -> drill.dossiers(admin, "2026-11", "NOPE", null, "2.1", null, null)).problem());
    }

    @Test
    void satisfactionCountedFromTheAnswersOncePerVersion() {
        record A(String dossier, String unit, String procedure, List<String> ratings, String at) {}
        // each dossier's answers in order (a later one replaces the earlier); the last counts, placed by its date
        List<A> answers = List.of(new A("s1", "LUHANH", "P1", List.of("VERY_SATISFIED"), "2026-11-05T03:00:00Z"),
                new A("s2", "LUHANH", "P2", List.of("SATISFIED", "DISSATISFIED"), "2026-11-06T03:00:00Z"),
                new A("s3", "LUUTRU", "P2", List.of("DISSATISFIED", "SATISFIED"), "2026-11-07T03:00:00Z"),
                new A("s4", "LUUTRU", "P1", List.of("DISSATISFIED"), "2026-11-08T03:00:00Z"));
        for (int round = 0; round < 2; round++) {
            for (A a : answers) {
                Decision766.Answer before = null;
                for (int v = 0; v < a.ratings().size(); v++) {
                    var now = new Decision766.Answer(a.dossier(), AGENCY, a.unit(), a.procedure(), a.ratings().get(v),
                            Instant.parse(a.at()).plusSeconds(3600L * v), v + 1);
                    CountIndicators.Outcome o = counter.count(before, now);
                    if (round == 1) assertEquals(CountIndicators.Outcome.ALREADY_COUNTED, o, "a redelivered answer changes nothing");
                    before = now;
                }
            }
        }
        long total = answers.size();
        long satisfied = answers.stream().filter(a -> List.of("VERY_SATISFIED", "SATISFIED").contains(a.ratings().getLast())).count();
        assertEquals(List.of(4L, 2L), List.of(total, satisfied));
        Scorecard.Line l = line(scorecard.of("2026-11", AGENCY).total(), "5.4");
        assertEquals(List.of(satisfied, total), List.of(l.numerator(), l.denominator()));
        assertEquals("answers", l.unit());
        assertEquals(Decision766.standard().indicator("5.4").orElseThrow().score(satisfied, total).orElseThrow(), l.score());
        // the dissatisfied answers are the dossiers behind the number (none of them stored: the drill-down lists only the dossiers it finds)
        assertEquals(List.of("s2", "s4"), counts.misses("2026-11", AGENCY, "5.4", null, null, 50, null).items().stream()
                .map(ScorecardCounts.Member::dossierId).toList());
        assertEquals(List.of("s4"), counts.misses("2026-11", AGENCY, "5.4", "LUUTRU", null, 50, null).items().stream()
                .map(ScorecardCounts.Member::dossierId).toList());
    }
}
