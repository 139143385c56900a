package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.ScorecardCounts;
import vn.gov.bvhttdl.dvc.domain.Decision766;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Decision-766 counters and drill-down members in memory, with the table's rule: a dossier's version applied once. */
public final class InMemoryScorecardCounts implements ScorecardCounts {
    private final Map<String, Long> applied = new HashMap<>();
    private final Map<Decision766.Cell, Decision766.Tally> cells = new HashMap<>();
    /** period#agency#indicator → dossier id → member (ordered by dossier id, as the table's sort key). */
    private final Map<String, TreeMap<String, Member>> members = new HashMap<>();

    @Override
    public synchronized boolean apply(String dossierId, long version, Map<Decision766.Cell, Decision766.Tally> difference, Members m) {
        return apply(dossierId, version, difference, m, dossierId);
    }

    private boolean apply(String marker, long version, Map<Decision766.Cell, Decision766.Tally> difference, Members m, String dossierId) {
        Long last = applied.get(marker);
        if (last != null && last >= version) return false;
        applied.put(marker, version);
        difference.forEach((c, t) -> cells.merge(c, t, Decision766.Tally::plus));
        m.delete().forEach(k -> members.getOrDefault(k.period() + "#" + m.agency() + "#" + k.indicator(), new TreeMap<>()).remove(dossierId));
        m.put().forEach((k, why) -> members.computeIfAbsent(k.period() + "#" + m.agency() + "#" + k.indicator(), x -> new TreeMap<>())
                .put(dossierId, new Member(dossierId, m.unit(), m.procedure(), why)));
        return true;
    }

    @Override
    public synchronized boolean applyAnswer(String dossierId, long version, Map<Decision766.Cell, Decision766.Tally> difference, Members m) {
        return apply("SURVEY#" + dossierId, version, difference, m, dossierId);
    }

    @Override
    public synchronized Map<String, Map<String, Decision766.Tally>> read(String period, String agency) {
        Map<String, Map<String, Decision766.Tally>> out = new TreeMap<>();
        cells.forEach((c, t) -> {
            if (c.period().equals(period) && agencyOf(c.scope()).equals(agency) && !t.isZero() && vn.gov.bvhttdl.dvc.domain.ReportII06a.measure(c.indicator()) == null)
                out.computeIfAbsent(c.scope(), k -> new TreeMap<>()).put(c.indicator(), t);
        });
        return out;
    }

    @Override
    public synchronized Map<String, Map<java.time.YearMonth, Map<String, Long>>> reportMonths(String agency, java.time.YearMonth last) {
        Map<String, Map<java.time.YearMonth, Map<String, Long>>> out = new TreeMap<>();
        cells.forEach((c, t) -> {
            String measure = vn.gov.bvhttdl.dvc.domain.ReportII06a.measure(c.indicator());
            if (measure == null || !agencyOf(c.scope()).equals(agency) || t.numerator() == 0) return;
            java.time.YearMonth m = java.time.YearMonth.parse(c.period());
            if (m.isAfter(last)) return;
            out.computeIfAbsent(c.scope().substring(c.scope().indexOf('/') + 1), k -> new TreeMap<>())
                    .computeIfAbsent(m, k -> new TreeMap<>()).put(measure, t.numerator());
        });
        return out;
    }

    @Override
    public synchronized MemberPage misses(String period, String agency, String indicator, String unit, String procedure, int size, String after) {
        List<Member> out = new ArrayList<>();
        var all = members.getOrDefault(period + "#" + agency + "#" + indicator, new TreeMap<>());
        for (Member x : (after == null ? all : all.tailMap(after, false)).values()) {
            if (unit != null && !unit.equals(x.unit())) continue;
            if (procedure != null && !procedure.equals(x.procedure())) continue;
            if (out.size() == size) return new MemberPage(out, out.getLast().dossierId());
            out.add(x);
        }
        return new MemberPage(out, null);
    }

    static String agencyOf(String scope) {
        String rest = scope.substring(2);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
