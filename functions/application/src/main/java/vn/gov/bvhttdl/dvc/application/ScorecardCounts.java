package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Decision766;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Decision-766 counters, kept from the table's stream: each dossier version's difference applied once
 * ({@link Decision766#difference}), read per agency and period without a scan; with them, in the same write, the
 * drill-down's members (the dossiers that fall short of an indicator in a period, {@link Decision766#misses}).
 */
public interface ScorecardCounts {
    /** A cell of the drill-down: a period and an indicator of the dossier's agency. */
    record MissKey(String period, String indicator) {}

    /**
     * How a version moves the dossier's drill-down members: the dossier's agency, unit and procedure (as its counters'
     * scopes name them), the members to put (with the reason) and those to delete.
     */
    record Members(String agency, String unit, String procedure, Map<MissKey, String> put, Set<MissKey> delete) {
        public static Members none(String agency) { return new Members(agency, null, null, Map.of(), Set.of()); }

        public boolean isEmpty() { return put.isEmpty() && delete.isEmpty(); }
    }

    /**
     * Applies {@code difference} (cells of any agency) and {@code members} as dossier {@code dossierId}'s move to
     * {@code version}, together with the dossier's marker; false when that version (or a later one) was already
     * applied: nothing changes.
     */
    boolean apply(String dossierId, long version, Map<Decision766.Cell, Decision766.Tally> difference, Members members);

    /**
     * As {@link #apply}, for a survey answer of dossier {@code dossierId} at the answer's own {@code version} (its own
     * marker: the answer's versions are not the dossier's).
     */
    boolean applyAnswer(String dossierId, long version, Map<Decision766.Cell, Decision766.Tally> difference, Members members);

    /** Scope ({@code A:agency}, {@code U:agency/unit}, {@code P:agency/procedure}) → indicator → tally of {@code agency} in {@code period}. */
    Map<String, Map<String, Decision766.Tally>> read(String period, String agency);

    /**
     * The periodic report's counters of {@code agency} (cells whose indicator is {@link vn.gov.bvhttdl.dvc.domain.ReportII06a#PREFIX}
     * something) in every reporting month up to {@code last}: procedure → month → measure → count (zeros left out).
     */
    Map<String, Map<java.time.YearMonth, Map<String, Long>>> reportMonths(String agency, java.time.YearMonth last);

    /** One dossier behind a number: its id, unit, procedure and why it falls short. */
    record Member(String dossierId, String unit, String procedure, String why) {}

    /** One page of members and where the next starts ({@code null}: no more). */
    record MemberPage(List<Member> items, String next) {}

    /**
     * The dossiers of {@code agency} that fall short of {@code indicator} in {@code period}, those of {@code unit} or
     * {@code procedure} only when named (null: all), at most {@code size}, from the cursor {@code after} (null: the start;
     * one this port gave, else the start).
     */
    MemberPage misses(String period, String agency, String indicator, String unit, String procedure, int size, String after);
}
