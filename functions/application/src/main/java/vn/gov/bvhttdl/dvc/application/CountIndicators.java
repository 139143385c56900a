package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Decision766;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.ReportII06a;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One dossier version as the Decision-766 counters see it (the table's stream: the old and the new image of the
 * dossier's own item): what the new version contributes minus what the old one did, applied once per version, so that
 * a redelivered record changes nothing and a stream read from the start gives the same counters. The periodic report's
 * monthly counters ({@link ReportII06a}, form II.06a) are kept the same way, in the same transaction under the same
 * marker: one version's difference is the scorecard's and the report's together.
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
        if (diff.isEmpty()) return Outcome.NOTHING_CHANGED;
        return counts.apply(now.id(), now.version(), diff) ? Outcome.COUNTED : Outcome.ALREADY_COUNTED;
    }
}
