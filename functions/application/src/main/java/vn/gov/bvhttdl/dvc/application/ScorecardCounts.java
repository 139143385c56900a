package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Decision766;

import java.util.Map;

/**
 * The Decision-766 counters, kept from the table's stream: each dossier version's difference applied once
 * ({@link Decision766#difference}), read per agency and period without a scan.
 */
public interface ScorecardCounts {
    /**
     * Applies {@code difference} (cells of any agency) as dossier {@code dossierId}'s move to {@code version}, together
     * with the dossier's marker; false when that version (or a later one) was already applied: nothing changes.
     */
    boolean apply(String dossierId, long version, Map<Decision766.Cell, Decision766.Tally> difference);

    /** Scope ({@code A:agency}, {@code U:agency/unit}, {@code P:agency/procedure}) → indicator → tally of {@code agency} in {@code period}. */
    Map<String, Map<String, Decision766.Tally>> read(String period, String agency);

    /**
     * The periodic report's counters of {@code agency} (cells whose indicator is {@link vn.gov.bvhttdl.dvc.domain.ReportII06a#PREFIX}
     * something) in every reporting month up to {@code last}: procedure → month → measure → count (zeros left out).
     */
    Map<String, Map<java.time.YearMonth, Map<String, Long>>> reportMonths(String agency, java.time.YearMonth last);
}
