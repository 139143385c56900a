package vn.gov.bvhttdl.dvc.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The periodic report of form II.06a ({@code rules/report-ii06a.json}): its columns, its cut-off, and what one dossier
 * version contributes to it. Pure, counted like {@link Decision766}: {@link #contributions} gives, per reporting month
 * (the cut-off's unit: with {@code firstDay} 15 the month {@code 2026-11} runs 15 Oct – 14 Nov) and procedure
 * ({@code P:agency/procedure}), the flows a dossier adds (received by channel, ended early / on time / late,
 * withdrawn) and the changes it makes to two stocks: {@code open} (+1 the month it is received, −1 the month it ends
 * or is withdrawn) and {@code over} (+1 the month of the day after its appointment, −1 the month it ends or is
 * withdrawn, only when it was still open on that day). A stock at the end of a month is the sum of its changes in all
 * months up to it; {@link Decision766#difference} between two versions keeps every sum exact.
 */
public final class ReportII06a {
    /** The indicator prefix of the report's cells among the stream's counters. */
    public static final String PREFIX = "II06a/";

    /** The measures a month holds per procedure. */
    public static final List<String> MEASURES = List.of("online", "direct", "postal", "early", "onTime", "late", "withdrawn", "open", "over");

    /** A column of the form. */
    public record Column(String key, String group, Text name, String formula, String counts) {}

    /** The figures of one row (a field, a procedure or the total) of a period; the form's columns plus the withdrawn. */
    public record Figures(long carriedOver, long online, long direct, long postal, long early, long onTime, long late,
                          long withdrawn, long inProgress, long pastDeadline) {
        public static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        public long directPostal() { return direct + postal; }

        public long receivedTotal() { return carriedOver + online + direct + postal; }

        public long handledTotal() { return early + onTime + late; }

        public long withinDeadline() { return inProgress - pastDeadline; }

        public Figures plus(Figures o) {
            return new Figures(carriedOver + o.carriedOver, online + o.online, direct + o.direct, postal + o.postal, early + o.early,
                    onTime + o.onTime, late + o.late, withdrawn + o.withdrawn, inProgress + o.inProgress, pastDeadline + o.pastDeadline);
        }

        /** The value of a column of the form ({@link Column#key()}) or of {@code withdrawn}. */
        public long column(String key) {
            return switch (key) {
                case "receivedTotal" -> receivedTotal();
                case "carriedOver" -> carriedOver;
                case "online" -> online;
                case "directPostal" -> directPostal();
                case "handledTotal" -> handledTotal();
                case "early" -> early;
                case "onTime" -> onTime;
                case "late" -> late;
                case "inProgressTotal" -> inProgress;
                case "withinDeadline" -> withinDeadline();
                case "pastDeadline" -> pastDeadline;
                case "withdrawn" -> withdrawn;
                default -> throw new IllegalArgumentException("no column " + key);
            };
        }
    }

    /** A period in reporting months: its key, its first and last reporting month, its first and last day. */
    public record Period(String key, YearMonth firstMonth, YearMonth lastMonth, LocalDate from, LocalDate to) {}

    private static final ReportII06a STANDARD = read(Json.obj(Json.resource("/rules/report-ii06a.json")));

    private final ZoneId zone;
    private final int firstDay;
    private final Text cutOffRule;
    private final Citation cutOffBasis;
    private final List<Column> columns;
    private final List<Column> extraColumns;
    private final Citation basis;

    private ReportII06a(ZoneId zone, int firstDay, Text cutOffRule, Citation cutOffBasis, List<Column> columns, List<Column> extraColumns, Citation basis) {
        if (firstDay < 1 || firstDay > 28) throw new IllegalStateException("cutOff.firstDay must be 1..28");
        this.zone = zone;
        this.firstDay = firstDay;
        this.cutOffRule = cutOffRule;
        this.cutOffBasis = cutOffBasis;
        this.columns = List.copyOf(columns);
        this.extraColumns = List.copyOf(extraColumns);
        this.basis = basis;
        for (Column c : this.columns) Figures.ZERO.column(c.key());
        for (Column c : this.extraColumns) Figures.ZERO.column(c.key());
    }

    public static ReportII06a standard() { return STANDARD; }

    static ReportII06a read(Map<String, Object> m) {
        Map<String, Object> cut = Json.obj(m.get("cutOff"));
        return new ReportII06a(ZoneId.of(Json.str(m, "timeZone")), ((Number) cut.get("firstDay")).intValue(), Json.text(cut, "rule"),
                Citation.of(Json.obj(cut.get("basis"))), columns(m.get("columns")), columns(m.get("extraColumns")), Citation.of(Json.obj(m.get("basis"))));
    }

    private static List<Column> columns(Object list) {
        return Json.list(list).stream().map(Json::obj).map(c -> new Column(Json.str(c, "key"), Json.str(c, "group"), Json.text(c, "name"),
                Json.str(c, "formula"), Json.str(c, "counts"))).toList();
    }

    /** The same rules with another cut-off day (1: calendar months). */
    public ReportII06a withFirstDay(int day) { return new ReportII06a(zone, day, cutOffRule, cutOffBasis, columns, extraColumns, basis); }

    public ZoneId zone() { return zone; }

    public int firstDay() { return firstDay; }

    public Text cutOffRule() { return cutOffRule; }

    public Citation cutOffBasis() { return cutOffBasis; }

    public List<Column> columns() { return columns; }

    public List<Column> extraColumns() { return extraColumns; }

    public Citation basis() { return basis; }

    /** The reporting month a day falls in: its calendar month up to the day before {@code firstDay}, the next one from it. */
    public YearMonth month(LocalDate day) {
        YearMonth m = YearMonth.from(day);
        return firstDay > 1 && day.getDayOfMonth() >= firstDay ? m.plusMonths(1) : m;
    }

    public YearMonth month(Instant at) { return month(at.atZone(zone).toLocalDate()); }

    /** The first day of a reporting month. */
    public LocalDate firstDayOf(YearMonth m) { return firstDay == 1 ? m.atDay(1) : m.minusMonths(1).atDay(firstDay); }

    /** The last day of a reporting month. */
    public LocalDate lastDayOf(YearMonth m) { return firstDay == 1 ? m.atEndOfMonth() : m.atDay(firstDay - 1); }

    /** A period key ({@code 2026-11}, {@code 2026-Q4}, {@code 2026}) in reporting months and days. */
    public java.util.Optional<Period> period(String key) {
        return Decision766.PeriodKey.parse(key).map(p -> {
            YearMonth a = YearMonth.from(p.first()), b = YearMonth.from(p.last());
            return new Period(p.key(), a, b, firstDayOf(a), lastDayOf(b));
        });
    }

    /** The cell of one measure of a procedure in a reporting month. */
    static Decision766.Cell cell(YearMonth m, Dossier d, String measure) {
        return new Decision766.Cell(m.toString(), "P:" + d.agencyCode() + "/" + d.procedureCode(), PREFIX + measure);
    }

    /**
     * What {@code d} (null: nothing) adds to the report at its version: nothing before it is received or without its
     * facts. Each value is a count in the tally's numerator (the denominator stays 0).
     */
    public Map<Decision766.Cell, Decision766.Tally> contributions(Dossier d) {
        Map<Decision766.Cell, Decision766.Tally> out = new TreeMap<>(java.util.Comparator.comparing(Decision766.Cell::period)
                .thenComparing(Decision766.Cell::scope).thenComparing(Decision766.Cell::indicator));
        if (d == null || d.facts() == null || d.agencyCode() == null || d.receivedAt() == null) return out;
        Facts f = d.facts();
        java.util.function.BiConsumer<YearMonth, String> add = (m, measure) -> out.merge(cell(m, d, measure), new Decision766.Tally(1, 0), Decision766.Tally::plus);
        java.util.function.BiConsumer<YearMonth, String> sub = (m, measure) -> out.merge(cell(m, d, measure), new Decision766.Tally(-1, 0), Decision766.Tally::plus);
        YearMonth received = month(d.receivedAt());
        add.accept(received, switch (f.channel()) { case ONLINE -> "online"; case DIRECT -> "direct"; case POSTAL -> "postal"; });
        add.accept(received, "open");
        Instant exit = f.endedAt() != null ? f.endedAt() : f.withdrawnAt();
        if (f.endedAt() != null) add.accept(month(f.endedAt()), handled(d));
        else if (f.withdrawnAt() != null) add.accept(month(f.withdrawnAt()), "withdrawn");
        if (exit != null) sub.accept(month(exit), "open");
        if (d.dueDate() != null) {
            LocalDate overdueFrom = d.dueDate().plusDays(1);
            if (exit == null || exit.atZone(zone).toLocalDate().isAfter(d.dueDate())) {
                add.accept(month(overdueFrom), "over");
                if (exit != null) sub.accept(month(exit), "over");
            }
        }
        out.values().removeIf(Decision766.Tally::isZero);
        return out;
    }

    /** early, onTime or late: on time by indicator 2.1 ({@link Decision766#onTime}), early when it ended before the appointment day. */
    String handled(Dossier d) {
        if (!Decision766.standard().onTime(d)) return "late";
        return d.facts().endedAt().atZone(zone).toLocalDate().isBefore(d.dueDate()) ? "early" : "onTime";
    }

    /**
     * The figures of a period from monthly sums ({@code month → measure → count}, every month up to the period's last
     * that has any): flows summed over the period's months, stocks over all months up to its first (carried over) or
     * last (in progress, past the deadline).
     */
    public Figures figures(Period p, Map<YearMonth, Map<String, Long>> months) {
        long[] v = new long[10];
        months.forEach((m, measures) -> {
            if (m.isAfter(p.lastMonth())) return;
            boolean in = !m.isBefore(p.firstMonth());
            long open = measures.getOrDefault("open", 0L);
            if (!in) v[0] += open;
            v[8] += open;
            v[9] += measures.getOrDefault("over", 0L);
            if (in) {
                v[1] += measures.getOrDefault("online", 0L);
                v[2] += measures.getOrDefault("direct", 0L);
                v[3] += measures.getOrDefault("postal", 0L);
                v[4] += measures.getOrDefault("early", 0L);
                v[5] += measures.getOrDefault("onTime", 0L);
                v[6] += measures.getOrDefault("late", 0L);
                v[7] += measures.getOrDefault("withdrawn", 0L);
            }
        });
        return new Figures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }

    /** The measure of a cell's indicator ({@code II06a/open} → {@code open}), or null for another counter. */
    public static String measure(String indicator) {
        return indicator != null && indicator.startsWith(PREFIX) ? indicator.substring(PREFIX.length()) : null;
    }

    /** The reporting months of a period, in order. */
    public static List<YearMonth> months(Period p) {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = p.firstMonth(); !m.isAfter(p.lastMonth()); m = m.plusMonths(1)) out.add(m);
        return out;
    }

    /** A row's figures by column key, in the form's order and then the extra columns. */
    public Map<String, Long> values(Figures f) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Column c : columns) out.put(c.key(), f.column(c.key()));
        for (Column c : extraColumns) out.put(c.key(), f.column(c.key()));
        return out;
    }
}
