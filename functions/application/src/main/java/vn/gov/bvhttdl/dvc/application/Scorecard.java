package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Citation;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.domain.Decision766;
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
                       Long numerator, Long denominator, Double ratio, Double score, Citation basis) {}

    /** The lines of one scope: {@code kind} agency, unit or procedure, {@code code} its code. */
    public record Section(String kind, String code, List<Line> lines) {}

    /** The page: the period and its days, whether it is still running (its figures may still change). */
    public record Page(String period, LocalDate from, LocalDate to, boolean running, String agency, Text agencyName,
                       Section total, List<Section> units, List<Section> procedures, Citation basis) {}

    private final ScorecardCounts counts;
    private final Decision766 rules;
    private final Organisation organisation;
    private final Clock clock;

    public Scorecard(ScorecardCounts counts, Decision766 rules, Organisation organisation, Clock clock) {
        this.counts = counts;
        this.rules = rules;
        this.organisation = organisation;
        this.clock = clock;
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
        if (viewer.admin()) {
            if (agency == null || agency.isBlank()) throw DomainException.of("unknown-agency.none");
            return of(period, agency.trim());
        }
        Actor a = viewer.actor();
        if (a == null || a.role() != Role.OFFICIAL || a.post() != Post.LEADER || a.agency() == null) throw DomainException.of("admin-only");
        if (agency != null && !agency.isBlank() && !agency.trim().equals(a.agency())) throw DomainException.of("scorecard-own-agency");
        return of(period, a.agency());
    }

    /**
     * The scorecard of {@code agency} for {@code period} ({@code 2026-11}, {@code 2026-Q4}, {@code 2026}).
     *
     * @throws DomainException {@code invalid-period} (400) for a period not so written, {@code future-period} (422) for
     *                         one that has not begun, {@code unknown-agency} (404)
     */
    public Page of(String period, String agency) {
        Decision766.PeriodKey p = Decision766.PeriodKey.parse(period == null ? null : period.trim())
                .orElseThrow(() -> DomainException.of("invalid-period.scorecard"));
        LocalDate today = LocalDate.now(clock.withZone(rules.zone()));
        if (p.first().isAfter(today)) throw DomainException.of("future-period", "period", p.key());
        Organisation.Agency a = organisation.agency(agency).orElseThrow(() -> DomainException.of("unknown-agency", "agency", agency));
        Map<String, Map<String, Decision766.Tally>> cells = counts.read(p.key(), a.code());
        Section total = section("agency", a.code(), cells.getOrDefault(Decision766.agencyScope(a.code()), Map.of()));
        List<Section> units = new ArrayList<>(), procedures = new ArrayList<>();
        String unitPrefix = "U:" + a.code() + "/", procPrefix = "P:" + a.code() + "/";
        cells.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (e.getKey().startsWith(unitPrefix)) units.add(section("unit", e.getKey().substring(unitPrefix.length()), e.getValue()));
            else if (e.getKey().startsWith(procPrefix)) procedures.add(section("procedure", e.getKey().substring(procPrefix.length()), e.getValue()));
        });
        return new Page(p.key(), p.first(), p.last(), !p.last().isBefore(today), a.code(), a.name(), total, units, procedures, rules.basis());
    }

    private Section section(String kind, String code, Map<String, Decision766.Tally> tallies) {
        List<Line> lines = new ArrayList<>();
        for (Decision766.Indicator i : rules.indicators()) {
            if (!i.measured()) {
                lines.add(new Line(i.code(), i.group(), i.name(), i.maxPoints(), i.fullScoreAt(), false, i.measuredNote(), null, null, null, null, i.basis()));
                continue;
            }
            Decision766.Tally t = tallies.getOrDefault(i.code(), new Decision766.Tally(0, 0));
            Double ratio = t.denominator() > 0 ? (double) t.numerator() / t.denominator() : null;
            lines.add(new Line(i.code(), i.group(), i.name(), i.maxPoints(), i.fullScoreAt(), true, null, t.numerator(), t.denominator(),
                    ratio, i.score(t.numerator(), t.denominator()).orElse(null), i.basis()));
        }
        return new Section(kind, code, lines);
    }
}
