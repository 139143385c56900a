package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Citation;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.domain.Decision766;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Organisation;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Decision-766 scorecard of one agency for a month, a quarter or a year: per indicator the numerator, denominator,
 * ratio, score and maximum, for the agency, each of its units and each procedure, read from the counters the stream
 * keeps ({@link ScorecardCounts}, one Query). An indicator whose facts are not counted yet is "not yet measured" (its
 * numbers absent, never 0); one with no dossier in the period has no ratio or score.
 */
public final class Scorecard {
    /** One indicator's line; numbers null when not measured, ratio and score null without a denominator. */
    public record Line(String indicator, int group, Text name, double maxPoints, double fullScoreAt, boolean measured, Text note,
                       Long numerator, Long denominator, Double ratio, Double score, Citation basis, String unit) {}

    /** The lines of one scope: {@code kind} agency, unit or procedure, {@code code} its code. */
    public record Section(String kind, String code, List<Line> lines) {}

    /** The page: the period and its days, whether it is still running (its figures may still change). */
    public record Page(String period, LocalDate from, LocalDate to, boolean running, String agency, Text agencyName,
                       Section total, List<Section> units, List<Section> procedures, Citation basis, List<TrendPoint> trend) {}

    /** One earlier period of the same kind (or this one) and the agency's ratio per measured indicator in it (absent: no dossier). */
    public record TrendPoint(String period, Map<String, Double> ratios) {}

    /** Periods in the trend, this one included (one Query each). */
    public static final int TREND = 6;

    /** The drill-down's page size: default and maximum. */
    public static final int PAGE = 20, MAX_PAGE = 50;

    /** At most this many dossiers overdue now are listed (the units' queues read earliest due first, stopped at today). */
    public static final int MAX_OVERDUE = 100;

    /**
     * One dossier behind a number: its id, code, procedure, unit, receipt, appointment, end of handling, status, and why
     * ({@code late}, {@code second-supplement}, {@code no-appointment}, {@code not-online}, {@code not-paid-online},
     * {@code no-electronic-result}, {@code not-digitised}, {@code overdue}).
     */
    public record Behind(String id, String code, String procedure, String unit, java.time.Instant received, LocalDate due,
                         java.time.Instant ended, String status, String why) {}

    /**
     * The drill-down's page: the cell (period, agency, scope, indicator), its dossiers falling short, the cursor of the
     * next page (null: no more) and, for 2.1 in a running period on the first page, the dossiers in progress past their
     * appointment now ({@code overdueMore}: more than listed).
     */
    public record Dossiers(String period, boolean running, String agency, String scope, String indicator, List<Behind> items, String next,
                           List<Behind> overdue, boolean overdueMore) {}


    private final ScorecardCounts counts;
    private final Decision766 rules;
    private final Organisation organisation;
    private final Clock clock;
    private final vn.gov.bvhttdl.dvc.application.Dossiers dossiers;
    private final WorkQueues queues;

    public Scorecard(ScorecardCounts counts, Decision766 rules, Organisation organisation, Clock clock) {
        this(counts, rules, organisation, clock, null, null);
    }

    /** With the dossiers and the queues, for the drill-down ({@link #dossiers}). */
    public Scorecard(ScorecardCounts counts, Decision766 rules, Organisation organisation, Clock clock,
                     vn.gov.bvhttdl.dvc.application.Dossiers dossiers, WorkQueues queues) {
        this.counts = counts;
        this.rules = rules;
        this.organisation = organisation;
        this.clock = clock;
        this.dossiers = dossiers;
        this.queues = queues;
    }

    /**
     * Who reads: an administrator (any agency), else an official; of officials only a leader ({@link Post#LEADER}),
     * and only their own agency (the agency defaults to theirs).
     */
    public record Viewer(boolean admin, Actor actor) {}

    /**
     * The scorecard {@code viewer} may read.
     *
     * @throws DomainException {@code admin-only} (403) for anyone neither an administrator nor a leader,
     *                         {@code scorecard-own-agency} (403) for a leader asking for another agency, and the
     *                         problems of {@link #of(String, String)}
     */
    public Page of(Viewer viewer, String period, String agency) {
        return of(period, agencyFor(viewer, agency));
    }

    /** The agency {@code viewer} may read, {@code agency} asked for (a leader: theirs by default). */
    private static String agencyFor(Viewer viewer, String agency) {
        if (viewer.admin()) {
            if (agency == null || agency.isBlank()) throw DomainException.of("unknown-agency.none");
            return agency.trim();
        }
        Actor a = viewer.actor();
        if (a == null || a.role() != Role.OFFICIAL || a.post() != Post.LEADER || a.agency() == null) throw DomainException.of("admin-only");
        if (agency != null && !agency.isBlank() && !agency.trim().equals(a.agency())) throw DomainException.of("scorecard-own-agency");
        return a.agency();
    }

    /**
     * The dossiers behind a number that {@code viewer} may read (the scorecard's access rules): those of the cell
     * (period, agency, scope {@code A:agency}, {@code U:agency/unit} or {@code P:agency/procedure}, indicator) that
     * fall short of the indicator, {@code size} (null: {@value #PAGE}; 1 to {@value #MAX_PAGE}) from the cursor
     * {@code after}; for 2.1 in a running period, on the first page, those in progress past their appointment now.
     *
     * @throws DomainException the problems of {@link #of(Viewer, String, String)}, and {@code invalid-scope} (400),
     *                         {@code unknown-indicator} (404), {@code indicator-not-measured} (422), {@code invalid-size} (400)
     */
    public Dossiers dossiers(Viewer viewer, String period, String agency, String scope, String indicator, Integer size, String after) {
        if (dossiers == null || queues == null) throw new IllegalStateException("this Scorecard was made without the dossiers and the queues");
        String code = agencyFor(viewer, agency);
        Decision766.PeriodKey p = period(period);
        Organisation.Agency a = organisation.agency(code).orElseThrow(() -> DomainException.of("unknown-agency", "agency", code));
        int n = size == null ? PAGE : size;
        if (n < 1 || n > MAX_PAGE) throw DomainException.of("invalid-size", "max", Integer.toString(MAX_PAGE));
        Decision766.Indicator i = rules.indicator(indicator == null ? "" : indicator.trim())
                .orElseThrow(() -> DomainException.of("unknown-indicator", "indicator", indicator == null ? "" : indicator));
        if (!i.measured()) throw DomainException.of("indicator-not-measured", "indicator", i.code());
        String s = scope == null || scope.isBlank() ? Decision766.agencyScope(a.code()) : scope.trim();
        String unit = null, procedure = null;
        if (s.startsWith("U:" + a.code() + "/") && s.length() > a.code().length() + 3) unit = s.substring(a.code().length() + 3);
        else if (s.startsWith("P:" + a.code() + "/") && s.length() > a.code().length() + 3) procedure = s.substring(a.code().length() + 3);
        else if (!s.equals(Decision766.agencyScope(a.code()))) throw DomainException.of("invalid-scope.scorecard");
        ScorecardCounts.MemberPage page = counts.misses(p.key(), a.code(), i.code(), unit, procedure, n, after == null || after.isBlank() ? null : after);
        List<Behind> items = new ArrayList<>();
        for (ScorecardCounts.Member m : page.items()) {
            dossiers.find(m.dossierId()).ifPresent(d -> items.add(behind(d, m.why())));
        }
        LocalDate today = LocalDate.now(clock.withZone(rules.zone()));
        boolean running = !p.last().isBefore(today);
        List<Behind> overdue = new ArrayList<>();
        boolean more = false;
        if ("on-time".equals(i.fact()) && running && (after == null || after.isBlank())) more = overdue(a, unit, procedure, today, overdue);
        return new Dossiers(p.key(), running, a.code(), s, i.code(), items, page.next(), overdue, more);
    }

    /** The dossiers in progress past their appointment now, earliest due first per unit queue; true when there are more than listed. */
    private boolean overdue(Organisation.Agency a, String unit, String procedure, LocalDate today, List<Behind> out) {
        for (Organisation.Unit u : a.units()) {
            for (vn.gov.bvhttdl.dvc.domain.DossierStatus st : List.of(vn.gov.bvhttdl.dvc.domain.DossierStatus.RECEIVED,
                    vn.gov.bvhttdl.dvc.domain.DossierStatus.IN_PROCESSING)) {
                String cursor = null;
                do {
                    WorkQueues.Page q = queues.byHolder(a.code(), u.code(), st, 50, cursor);
                    boolean past = true;
                    for (Dossier d : q.items()) {
                        // the queue is earliest due first (its step's due date, else the appointment, which is no earlier):
                        // from the first not due before today on, none is past its appointment
                        LocalDate queued = d.processing() != null && d.processing().step() != null && d.processing().stepDue() != null
                                ? d.processing().stepDue() : d.dueDate();
                        if (queued == null || !queued.isBefore(today)) { past = false; break; }
                        if (d.dueDate() == null || !d.dueDate().isBefore(today)) continue;
                        if (unit != null && !unit.equals(d.unitCode())) continue;
                        if (procedure != null && !procedure.equals(d.procedureCode())) continue;
                        if (out.size() == MAX_OVERDUE) return true;
                        out.add(behind(d, "overdue"));
                    }
                    cursor = past ? q.next() : null;
                } while (cursor != null);
            }
        }
        out.sort(java.util.Comparator.comparing(Behind::due).thenComparing(Behind::id));
        return false;
    }

    private static Behind behind(Dossier d, String why) {
        return new Behind(d.id(), d.code(), d.procedureCode(), d.unitCode(), d.receivedAt(), d.dueDate(),
                d.facts() == null ? null : d.facts().endedAt(), d.status().name(), why);
    }

    private Decision766.PeriodKey period(String period) {
        Decision766.PeriodKey p = Decision766.PeriodKey.parse(period == null ? null : period.trim())
                .orElseThrow(() -> DomainException.of("invalid-period.scorecard"));
        LocalDate today = LocalDate.now(clock.withZone(rules.zone()));
        if (p.first().isAfter(today)) throw DomainException.of("future-period", "period", p.key());
        return p;
    }

    /**
     * The scorecard of {@code agency} for {@code period} ({@code 2026-11}, {@code 2026-Q4}, {@code 2026}).
     *
     * @throws DomainException {@code invalid-period} (400) for a period not so written, {@code future-period} (422) for
     *                         one that has not begun, {@code unknown-agency} (404)
     */
    public Page of(String period, String agency) {
        Decision766.PeriodKey p = period(period);
        LocalDate today = LocalDate.now(clock.withZone(rules.zone()));
        Organisation.Agency a = organisation.agency(agency).orElseThrow(() -> DomainException.of("unknown-agency", "agency", agency));
        Map<String, Map<String, Decision766.Tally>> cells = counts.read(p.key(), a.code());
        Section total = section("agency", a.code(), cells.getOrDefault(Decision766.agencyScope(a.code()), Map.of()));
        List<Section> units = new ArrayList<>(), procedures = new ArrayList<>();
        String unitPrefix = "U:" + a.code() + "/", procPrefix = "P:" + a.code() + "/";
        cells.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (e.getKey().startsWith(unitPrefix)) units.add(section("unit", e.getKey().substring(unitPrefix.length()), e.getValue()));
            else if (e.getKey().startsWith(procPrefix)) procedures.add(section("procedure", e.getKey().substring(procPrefix.length()), e.getValue()));
        });
        List<TrendPoint> trend = new ArrayList<>();
        for (String earlier : Decision766.PeriodKey.previous(p.key(), TREND - 1)) trend.add(point(earlier, counts.read(earlier, a.code()).getOrDefault(Decision766.agencyScope(a.code()), Map.of())));
        trend.add(point(p.key(), cells.getOrDefault(Decision766.agencyScope(a.code()), Map.of())));
        return new Page(p.key(), p.first(), p.last(), !p.last().isBefore(today), a.code(), a.name(), total, units, procedures, rules.basis(), trend);
    }

    private TrendPoint point(String period, Map<String, Decision766.Tally> tallies) {
        Map<String, Double> ratios = new java.util.LinkedHashMap<>();
        for (Decision766.Indicator i : rules.indicators()) {
            Decision766.Tally t = tallies.get(i.code());
            if (i.measured() && t != null && t.denominator() > 0) ratios.put(i.code(), (double) t.numerator() / t.denominator());
        }
        return new TrendPoint(period, ratios);
    }

    private Section section(String kind, String code, Map<String, Decision766.Tally> tallies) {
        List<Line> lines = new ArrayList<>();
        for (Decision766.Indicator i : rules.indicators()) {
            if (!i.measured()) {
                lines.add(new Line(i.code(), i.group(), i.name(), i.maxPoints(), i.fullScoreAt(), false, i.measuredNote(), null, null, null, null, i.basis(), i.unit()));
                continue;
            }
            Decision766.Tally t = tallies.getOrDefault(i.code(), new Decision766.Tally(0, 0));
            Double ratio = t.denominator() > 0 ? (double) t.numerator() / t.denominator() : null;
            lines.add(new Line(i.code(), i.group(), i.name(), i.maxPoints(), i.fullScoreAt(), true, null, t.numerator(), t.denominator(),
                    ratio, i.score(t.numerator(), t.denominator()).orElse(null), i.basis(), i.unit()));
        }
        return new Section(kind, code, lines);
    }
}
