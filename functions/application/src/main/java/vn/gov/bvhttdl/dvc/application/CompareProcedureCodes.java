package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalogue's procedure codes compared with the national database's (issue #20, part 4): one read of each side,
 * matched by the code this system sends the national portal as {@code MaTTHC} (the catalogue's code), and every
 * procedure put in one of four groups — in the catalogue but not in the national database, in the national
 * database but not here, the same code with a different name, agency or level, and those that match — each line
 * with both sides' values. Names and agencies are compared after Unicode normalisation (NFC), with runs of spaces
 * made one and case ignored; the level is the catalogue's online service level ({@code serviceLevel}) as a number.
 * The decision that published a procedure is shown on both sides but not compared (the catalogue's are mostly still
 * to be filled in). A query: nothing is written.
 */
public final class CompareProcedureCodes {
    /** Which group a line is in. */
    public enum Kind { MISSING_NATIONALLY, MISSING_HERE, DIFFERENT, MATCHING }

    /** One side's values of a procedure (null for the side that lacks it). */
    public record Side(String code, String name, String level, String agency, String decision) {}

    /** One procedure: its code, its group, which of name/agency/level differ, and both sides. */
    public record Line(String code, Kind kind, List<String> differences, Side catalogue, Side national) {}

    /** The report: when it was drawn, the count of each group, and the lines (differences first, by code). */
    public record Report(Instant at, Map<Kind, Integer> counts, List<Line> lines) {}

    private final Rules rules;
    private final NationalCatalogue national;
    private final Clock clock;

    public CompareProcedureCodes(Rules rules, NationalCatalogue national, Clock clock) {
        this.rules = rules;
        this.national = national;
        this.clock = clock;
    }

    /**
     * The report of today's catalogue against the national database.
     * @throws NationalCatalogue.Unavailable when the national database cannot be read (nothing half-compared is answered)
     */
    public Report report() {
        Instant at = clock.instant();
        LocalDate today = at.atZone(rules.calendar().zone()).toLocalDate();
        Map<String, Procedure> ours = new TreeMap<>();
        for (Procedure p : rules.catalogue().all(today)) if (!p.repealed()) ours.put(p.code(), p);
        Map<String, NationalCatalogue.NationalProcedure> theirs = new TreeMap<>();
        for (NationalCatalogue.NationalProcedure n : national.procedures()) {
            if (!n.code().isEmpty()) theirs.putIfAbsent(n.code(), n);
        }
        List<Line> lines = new ArrayList<>();
        for (Procedure p : ours.values()) {
            Side here = side(p);
            NationalCatalogue.NationalProcedure n = theirs.get(p.code());
            if (n == null) {
                lines.add(new Line(p.code(), Kind.MISSING_NATIONALLY, List.of(), here, null));
                continue;
            }
            Side there = new Side(n.code(), n.name(), n.level(), n.agency(), n.decision());
            List<String> differences = new ArrayList<>();
            if (!same(here.name(), there.name())) differences.add("name");
            if (!same(here.agency(), there.agency())) differences.add("agency");
            if (!same(here.level(), there.level())) differences.add("level");
            lines.add(new Line(p.code(), differences.isEmpty() ? Kind.MATCHING : Kind.DIFFERENT, List.copyOf(differences), here, there));
        }
        for (NationalCatalogue.NationalProcedure n : theirs.values()) {
            if (!ours.containsKey(n.code())) {
                lines.add(new Line(n.code(), Kind.MISSING_HERE, List.of(), null, new Side(n.code(), n.name(), n.level(), n.agency(), n.decision())));
            }
        }
        lines.sort(Comparator.comparing(Line::kind).thenComparing(Line::code));
        Map<Kind, Integer> counts = new LinkedHashMap<>();
        for (Kind k : Kind.values()) counts.put(k, 0);
        for (Line l : lines) counts.merge(l.kind(), 1, Integer::sum);
        return new Report(at, counts, List.copyOf(lines));
    }

    private static Side side(Procedure p) {
        String decision = p.decision() == null || p.decision().document() == null ? "" : p.decision().document();
        return new Side(p.code(), vi(p.name()), Integer.toString(p.serviceLevel()), vi(p.agencyName()), decision);
    }

    private static String vi(Text t) { return t == null || t.vi() == null ? "" : t.vi(); }

    /** Equal once normalised (NFC, spaces collapsed, trimmed, case ignored). */
    static boolean same(String a, String b) { return normal(a).equals(normal(b)); }

    private static String normal(String s) {
        if (s == null) return "";
        return Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
