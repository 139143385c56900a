package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Citation;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Organisation;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ReportII06a;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The periodic report of form II.06a of one agency for a month, a quarter or a year (in reporting months, the cut-off
 * of {@code rules/report-ii06a.json}): one row per field (lĩnh vực, as the catalogue gives each procedure's), with its
 * procedures, and the total, read from the monthly counters the stream keeps ({@link ScorecardCounts#reportMonths},
 * one Query). Who may read it is who may read the scorecard: an administrator any agency, a leader their own.
 */
public final class PeriodicReport {
    /** One row: a field ({@code kind} field, {@code code} its code) or a procedure of it, or the total. */
    public record Row(String kind, String code, Text name, ReportII06a.Figures figures, Map<String, Long> values) {}

    /** A field's row and its procedures' rows. */
    public record Field(Row row, List<Row> procedures) {}

    /** The report: the period and its days, whether it is still running (its figures may still change). */
    public record Page(String period, LocalDate from, LocalDate to, boolean running, String agency, Text agencyName,
                       List<ReportII06a.Column> columns, List<ReportII06a.Column> extraColumns, List<Field> fields, Row total,
                       Text cutOffRule, Citation cutOffBasis, Citation basis) {}

    private final ScorecardCounts counts;
    private final ReportII06a rules;
    private final Rules catalogue;
    private final Organisation organisation;
    private final Clock clock;

    public PeriodicReport(ScorecardCounts counts, ReportII06a rules, Rules catalogue, Organisation organisation, Clock clock) {
        this.counts = counts;
        this.rules = rules;
        this.catalogue = catalogue;
        this.organisation = organisation;
        this.clock = clock;
    }

    /**
     * The report {@code viewer} may read.
     *
     * @throws DomainException {@code admin-only} (403) for anyone neither an administrator nor a leader,
     *                         {@code report-own-agency} (403) for a leader asking for another agency, and the
     *                         problems of {@link #of(String, String)}
     */
    public Page of(Scorecard.Viewer viewer, String period, String agency) {
        if (viewer.admin()) {
            if (agency == null || agency.isBlank()) throw DomainException.of("unknown-agency.none");
            return of(period, agency.trim());
        }
        Actor a = viewer.actor();
        if (a == null || a.role() != Role.OFFICIAL || a.post() != Post.LEADER || a.agency() == null) throw DomainException.of("admin-only");
        if (agency != null && !agency.isBlank() && !agency.trim().equals(a.agency())) throw DomainException.of("report-own-agency");
        return of(period, a.agency());
    }

    /**
     * The report of {@code agency} for {@code period} ({@code 2026-11}, {@code 2026-Q4}, {@code 2026}).
     *
     * @throws DomainException {@code invalid-period} (400), {@code future-period} (422) for a period that has not
     *                         begun, {@code unknown-agency} (404)
     */
    public Page of(String period, String agency) {
        ReportII06a.Period p = rules.period(period == null ? null : period.trim())
                .orElseThrow(() -> DomainException.of("invalid-period.scorecard"));
        LocalDate today = LocalDate.now(clock.withZone(rules.zone()));
        if (p.from().isAfter(today)) throw DomainException.of("future-period", "period", p.key());
        Organisation.Agency a = organisation.agency(agency).orElseThrow(() -> DomainException.of("unknown-agency", "agency", agency));
        Map<String, Map<YearMonth, Map<String, Long>>> byProcedure = counts.reportMonths(a.code(), p.lastMonth());
        Map<String, Text> fieldNames = catalogue.catalogue().fields();
        Map<String, List<Row>> procsByField = new TreeMap<>();
        Map<String, ReportII06a.Figures> fieldFigures = new TreeMap<>();
        ReportII06a.Figures total = ReportII06a.Figures.ZERO;
        for (var e : byProcedure.entrySet()) {
            ReportII06a.Figures f = rules.figures(p, e.getValue());
            if (f.equals(ReportII06a.Figures.ZERO)) continue;
            List<Procedure> history = catalogue.catalogue().history(e.getKey());
            Procedure latest = history.isEmpty() ? null : history.get(history.size() - 1);
            String field = latest == null || latest.field() == null ? "-" : latest.field();
            procsByField.computeIfAbsent(field, k -> new ArrayList<>())
                    .add(new Row("procedure", e.getKey(), latest == null ? new Text(e.getKey(), e.getKey()) : latest.name(), f, rules.values(f)));
            fieldFigures.merge(field, f, ReportII06a.Figures::plus);
            total = total.plus(f);
        }
        List<Field> fields = new ArrayList<>();
        fieldFigures.forEach((code, f) -> {
            Text name = fieldNames.getOrDefault(code, "-".equals(code) ? new Text("Chưa xác định lĩnh vực", "Field not known") : new Text(code, code));
            fields.add(new Field(new Row("field", code, name, f, rules.values(f)), List.copyOf(procsByField.get(code))));
        });
        Row totalRow = new Row("total", a.code(), new Text("Tổng cộng", "Total"), total, rules.values(total));
        return new Page(p.key(), p.from(), p.to(), !p.to().isBefore(today), a.code(), a.name(), rules.columns(), rules.extraColumns(),
                fields, totalRow, rules.cutOffRule(), rules.cutOffBasis(), rules.basis());
    }
}
