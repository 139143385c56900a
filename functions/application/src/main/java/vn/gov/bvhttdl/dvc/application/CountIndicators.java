package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Decision766;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.ReportII06a;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One dossier version as the Decision-766 counters see it (the table's stream: the old and the new image of the
 * dossier's own item): what the new version contributes minus what the old one did, and the drill-down's members it
 * adds or removes (the dossier falling short of an indicator in a period), applied together once per version, so that
 * a redelivered record changes nothing and a stream read from the start gives the same counters and members. The
 * periodic report's monthly counters ({@link ReportII06a}, form II.06a) are kept the same way, in the same transaction
 * under the same marker: one version's difference is the scorecard's and the report's together.
 */
public final class CountIndicators {
    private final ScorecardCounts counts;
    private final Decision766 rules;
    private final ReportII06a report;

    public CountIndicators(ScorecardCounts counts, Decision766 rules, ReportII06a report) {
        this.counts = counts;
        this.rules = rules;
        this.report = report;
    }

    /** The scorecard and the standard periodic report. */
    public CountIndicators(ScorecardCounts counts, Decision766 rules) { this(counts, rules, ReportII06a.standard()); }

    /** What was done with a version. */
    public enum Outcome { COUNTED, ALREADY_COUNTED, NOTHING_CHANGED }

    /** Counts {@code now} (its version) against {@code before} (null for a new dossier). */
    public Outcome count(Dossier before, Dossier now) {
        Map<Decision766.Cell, Decision766.Tally> diff = new LinkedHashMap<>(Decision766.difference(rules.contributions(now), rules.contributions(before)));
        diff.putAll(Decision766.difference(report.contributions(now), report.contributions(before)));
        ScorecardCounts.Members members = members(before, now);
        if (diff.isEmpty() && members.isEmpty()) return Outcome.NOTHING_CHANGED;
        return counts.apply(now.id(), now.version(), diff, members) ? Outcome.COUNTED : Outcome.ALREADY_COUNTED;
    }

    /**
     * Counts the survey answer {@code now} (its own version) against {@code before} (null for a first answer): the
     * satisfaction indicator (5.4) and its drill-down's members, once per version of the answer.
     */
    public Outcome count(Decision766.Answer before, Decision766.Answer now) {
        Map<Decision766.Cell, Decision766.Tally> diff = Decision766.difference(rules.contributions(now), rules.contributions(before));
        Map<ScorecardCounts.MissKey, String> was = keyed(rules.misses(before)), is = keyed(rules.misses(now));
        ScorecardCounts.Members members = members(was, is, now.agency(), now.unit() == null ? "-" : now.unit(), now.procedure());
        if (diff.isEmpty() && members.isEmpty()) return Outcome.NOTHING_CHANGED;
        return counts.applyAnswer(now.dossierId(), now.version(), diff, members) ? Outcome.COUNTED : Outcome.ALREADY_COUNTED;
    }

    /** The members {@code now} adds or changes (a new reason) and those it leaves, against {@code before}. */
    ScorecardCounts.Members members(Dossier before, Dossier now) {
        Map<ScorecardCounts.MissKey, String> was = keyed(rules.misses(before)), is = keyed(rules.misses(now));
        return members(was, is, now.agencyCode(), now.unitCode() == null ? "-" : now.unitCode(), now.procedureCode());
    }

    private static ScorecardCounts.Members members(Map<ScorecardCounts.MissKey, String> was, Map<ScorecardCounts.MissKey, String> is,
                                                   String agency, String unit, String procedure) {
        Map<ScorecardCounts.MissKey, String> put = new LinkedHashMap<>();
        is.forEach((k, why) -> { if (!why.equals(was.get(k))) put.put(k, why); });
        Set<ScorecardCounts.MissKey> delete = new HashSet<>(was.keySet());
        delete.removeAll(is.keySet());
        return new ScorecardCounts.Members(agency, unit, procedure, put, delete);
    }

    private static Map<ScorecardCounts.MissKey, String> keyed(Set<Decision766.Miss> misses) {
        Map<ScorecardCounts.MissKey, String> out = new LinkedHashMap<>();
        for (Decision766.Miss m : misses) out.put(new ScorecardCounts.MissKey(m.period(), m.indicator()), m.why());
        return out;
    }
}
