package vn.gov.bvhttdl.dvc.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Decision-766 indicators this system's record decides ({@code rules/decision-766.json}) and what one dossier
 * contributes to them. Pure: {@link #contributions} gives, for a dossier as it stands at one version, the numerator and
 * denominator it adds to each indicator in each period (month {@code 2026-11}, quarter {@code 2026-Q4}, year
 * {@code 2026}, Vietnam time, by the indicator's date rule) and scope (agency, unit, procedure); the stream's consumer
 * applies {@link #difference} between two versions once per version, so the counters are incremental and idempotent.
 */
public final class Decision766 {
    /** An indicator's group. */
    public record Group(int group, Text name, double maxPoints) {}

    /**
     * One indicator.
     *
     * @param fact        what it counts ({@code on-time}, {@code online-share}, …)
     * @param dateRule    the dossier's date that places it in a period ({@code endedAt}, {@code receivedAt}, …)
     * @param fullScoreAt the ratio from which it earns its maximum
     * @param measured    whether the facts it reads are recorded and counted; false: "not yet measured", never 0
     */
    public record Indicator(String code, int group, Text name, double maxPoints, double fullScoreAt, boolean measured, String fact,
                            String dateRule, Text numerator, Text denominator, Text measuredNote, Citation basis, String unit,
                            List<String> satisfied) {
        /**
         * What the numerator and denominator count: {@code dossiers}, {@code VND} for an amount, {@code answers} for
         * survey answers; {@code satisfied}: the ratings a satisfaction indicator counts above the line (else empty).
         */
        public Indicator {
            unit = unit == null ? "dossiers" : unit;
            satisfied = satisfied == null ? List.of() : List.copyOf(satisfied);
        }

        /** The score of {@code numerator} out of {@code denominator}: maximum × min(1, ratio ÷ fullScoreAt); empty without a denominator. */
        public Optional<Double> score(long numerator, long denominator) {
            if (denominator <= 0) return Optional.empty();
            double ratio = (double) numerator / denominator;
            return Optional.of(Math.round(maxPoints * Math.min(1.0, ratio / fullScoreAt) * 100) / 100.0);
        }
    }

    /** Where a tally is kept: a period key, a scope ({@code A:agency}, {@code U:agency/unit}, {@code P:agency/procedure}) and an indicator. */
    public record Cell(String period, String scope, String indicator) {}

    /** How many dossiers a cell counts above and below its line. */
    public record Tally(long numerator, long denominator) {
        public Tally plus(Tally o) { return new Tally(numerator + o.numerator, denominator + o.denominator); }

        public Tally minus(Tally o) { return new Tally(numerator - o.numerator, denominator - o.denominator); }

        public boolean isZero() { return numerator == 0 && denominator == 0; }
    }

    /** The fact of the indicator read from survey answers, not from the dossier's own item. */
    public static final String ANSWERS = "receiving-satisfaction";

    /**
     * An applicant's survey answer as the counters see it (the dossier's {@code SURVEY} item): one per dossier,
     * replaced by a later answer (its own version), with the dossier's agency, unit and procedure it was given for.
     */
    public record Answer(String dossierId, String agency, String unit, String procedure, String rating, Instant at, long version) {}

    private static final Decision766 STANDARD = read(Json.obj(Json.resource("/rules/decision-766.json")));

    private final List<Group> groups;
    private final List<Indicator> indicators;
    private final ZoneId zone;
    private final Citation basis;

    private Decision766(List<Group> groups, List<Indicator> indicators, ZoneId zone, Citation basis) {
        this.groups = List.copyOf(groups);
        this.indicators = List.copyOf(indicators);
        this.zone = zone;
        this.basis = basis;
    }

    public static Decision766 standard() { return STANDARD; }

    static Decision766 read(Map<String, Object> m) {
        List<Group> groups = Json.list(m.get("groups")).stream().map(Json::obj)
                .map(g -> new Group(((Number) g.get("group")).intValue(), Json.text(g, "name"), ((Number) g.get("maxPoints")).doubleValue())).toList();
        List<Indicator> indicators = Json.list(m.get("indicators")).stream().map(Json::obj).map(i -> new Indicator(Json.str(i, "code"),
                ((Number) i.get("group")).intValue(), Json.text(i, "name"), ((Number) i.get("maxPoints")).doubleValue(),
                ((Number) i.get("fullScoreAt")).doubleValue(), Boolean.TRUE.equals(i.get("measured")), Json.str(i, "fact"),
                Json.str(i, "dateRule"), Json.text(i, "numerator"), Json.text(i, "denominator"),
                i.get("measuredNote") == null ? null : Json.text(i, "measuredNote"), Citation.of(Json.obj(i.get("basis"))),
                Json.str(i, "unit"), i.get("satisfiedRatings") == null ? null
                        : Json.list(i.get("satisfiedRatings")).stream().map(String::valueOf).toList())).toList();
        for (Indicator i : indicators) {
            if (groups.stream().noneMatch(g -> g.group() == i.group())) throw new IllegalStateException("indicator " + i.code() + " names no group");
            if (i.fullScoreAt() <= 0 || i.fullScoreAt() > 1) throw new IllegalStateException("indicator " + i.code() + ": fullScoreAt out of (0, 1]");
            if (!i.measured() && i.measuredNote() == null) throw new IllegalStateException("indicator " + i.code() + " is not measured and says not why");
            if (ANSWERS.equals(i.fact()) != !i.satisfied().isEmpty()) throw new IllegalStateException("indicator " + i.code() + ": satisfiedRatings goes with the fact " + ANSWERS + " only");
        }
        return new Decision766(groups, indicators, ZoneId.of(Json.str(m, "timeZone")), Citation.of(Json.obj(m.get("basis"))));
    }

    public List<Group> groups() { return groups; }

    public List<Indicator> indicators() { return indicators; }

    public Optional<Indicator> indicator(String code) { return indicators.stream().filter(i -> i.code().equals(code)).findFirst(); }

    public ZoneId zone() { return zone; }

    public Citation basis() { return basis; }

    /** The period keys {@code at} falls in: its month, quarter and year in the rules' time zone. */
    public List<String> periods(Instant at) {
        LocalDate d = at.atZone(zone).toLocalDate();
        return List.of(YearMonth.from(d).toString(), d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1), Integer.toString(d.getYear()));
    }

    /** The scope keys a dossier is counted in: its agency, its unit, its procedure. */
    public static List<String> scopes(Dossier d) {
        String a = d.agencyCode();
        return List.of(agencyScope(a), "U:" + a + "/" + (d.unitCode() == null ? "-" : d.unitCode()), "P:" + a + "/" + d.procedureCode());
    }

    public static String agencyScope(String agency) { return "A:" + agency; }

    /**
     * What {@code d} (null: nothing, as before its first version) adds to the measured indicators at its version.
     * A dossier stored before its facts were recorded (facts null) adds nothing.
     */
    public Map<Cell, Tally> contributions(Dossier d) {
        Map<Cell, Tally> out = new TreeMap<>(java.util.Comparator.comparing(Cell::period).thenComparing(Cell::scope).thenComparing(Cell::indicator));
        if (d == null || d.facts() == null || d.agencyCode() == null) return out;
        for (Indicator i : indicators) {
            if (!i.measured()) continue;
            Optional<Counted> c = counted(i, d);
            if (c.isEmpty() || c.get().denominator() <= 0) continue;
            Tally t = new Tally(c.get().numerator(), c.get().denominator());
            for (String p : periods(c.get().at())) for (String s : scopes(d)) out.merge(new Cell(p, s, i.code()), t, Tally::plus);
        }
        return out;
    }

    /**
     * Whether a dossier is in an indicator's denominator (at the date that places it), what it adds above and below
     * the line (1 of 1 or 0 of 1 for a dossier; the amounts for an amount), and why it falls short when it does.
     */
    private record Counted(Instant at, long numerator, long denominator, String why) {
        static Counted of(Instant at, boolean met, String why) { return new Counted(at, met ? 1 : 0, 1, met ? null : why); }

        boolean met() { return numerator >= denominator; }
    }

    /**
     * What the answer {@code a} (null: none yet) adds to the measured satisfaction indicators: 1 of 1 when its rating
     * is one the indicator counts as satisfied, else 0 of 1, in the periods of its date (the latest answer's), for
     * the dossier's agency, unit and procedure. An answer stored without its agency counts nothing.
     */
    public Map<Cell, Tally> contributions(Answer a) {
        Map<Cell, Tally> out = new TreeMap<>(java.util.Comparator.comparing(Cell::period).thenComparing(Cell::scope).thenComparing(Cell::indicator));
        if (a == null || a.agency() == null || a.rating() == null || a.at() == null) return out;
        List<String> scopes = List.of(agencyScope(a.agency()), "U:" + a.agency() + "/" + (a.unit() == null ? "-" : a.unit()), "P:" + a.agency() + "/" + a.procedure());
        for (Indicator i : indicators) {
            if (!i.measured() || !ANSWERS.equals(i.fact())) continue;
            Tally t = new Tally(i.satisfied().contains(a.rating()) ? 1 : 0, 1);
            for (String p : periods(a.at())) for (String s : scopes) out.merge(new Cell(p, s, i.code()), t, Tally::plus);
        }
        return out;
    }

    /** The cells the answer {@code a} falls short in (a rating not counted as satisfied): {@code dissatisfied}. */
    public java.util.Set<Miss> misses(Answer a) {
        java.util.Set<Miss> out = new java.util.TreeSet<>(java.util.Comparator.comparing(Miss::period).thenComparing(Miss::indicator));
        if (a == null || a.agency() == null || a.rating() == null || a.at() == null) return out;
        for (Indicator i : indicators) {
            if (!i.measured() || !ANSWERS.equals(i.fact()) || i.satisfied().contains(a.rating())) continue;
            for (String p : periods(a.at())) out.add(new Miss(p, i.code(), "dissatisfied"));
        }
        return out;
    }

    private Optional<Counted> counted(Indicator i, Dossier d) {
        Facts f = d.facts();
        Facts.Fees fee = f.fees();
        return switch (i.fact()) {
            case "on-time" -> f.endedAt() == null ? Optional.empty() : Optional.of(Counted.of(f.endedAt(), onTime(d), lateWhy(d)));
            case "online-share" -> d.receivedAt() == null ? Optional.empty()
                    : Optional.of(Counted.of(d.receivedAt(), f.channel() == Facts.Channel.ONLINE, "not-online"));
            case "paid-online" -> fee == null || fee.requestedAt() == null ? Optional.empty()
                    : Optional.of(Counted.of(fee.requestedAt(), fee.paidAt() != null, "not-paid-online"));
            case "paid-online-amount" -> fee == null || fee.requestedAt() == null ? Optional.empty()
                    : Optional.of(new Counted(fee.requestedAt(), fee.paidOnlineVnd(), fee.dueVnd(),
                    fee.paidOnlineVnd() >= fee.dueVnd() ? null : "not-paid-online"));
            case "electronic-result" -> !f.approved() ? Optional.empty()
                    : Optional.of(Counted.of(f.endedAt(), f.resultIssuedAt() != null, "no-electronic-result"));
            case ANSWERS -> Optional.empty(); // read from the survey answers (contributions(Answer))
            case "digitised" -> d.receivedAt() == null || f.channel() == Facts.Channel.ONLINE ? Optional.empty()
                    : Optional.of(Counted.of(d.receivedAt(), f.files() != null && f.files() > 0, "not-digitised"));
            default -> throw new IllegalStateException("indicator " + i.code() + " is marked measured but its fact " + i.fact() + " is not counted");
        };
    }

    /** Why an ended dossier is not on time: a second supplement request after receipt, else ended after its appointment. */
    private String lateWhy(Dossier d) {
        Facts f = d.facts();
        if (f.supplements().stream().filter(Facts.Supplement::afterReceipt).count() > 1) return "second-supplement";
        return d.dueDate() == null ? "no-appointment" : "late";
    }

    /** One dossier behind a number: in the denominator of {@code indicator} in {@code period} without meeting it, and why. */
    public record Miss(String period, String indicator, String why) {}

    /**
     * The cells {@code d} (null: none) falls short in: per measured indicator and period, the dossier counted below
     * the line and not (wholly) above it, with the reason ({@code late}, {@code second-supplement},
     * {@code no-appointment}, {@code not-online}, {@code not-paid-online}, {@code no-electronic-result},
     * {@code not-digitised}). The stream's consumer keeps these as the drill-down's members, with the counters.
     */
    public java.util.Set<Miss> misses(Dossier d) {
        java.util.Set<Miss> out = new java.util.TreeSet<>(java.util.Comparator.comparing(Miss::period).thenComparing(Miss::indicator));
        if (d == null || d.facts() == null || d.agencyCode() == null) return out;
        for (Indicator i : indicators) {
            if (!i.measured()) continue;
            Optional<Counted> c = counted(i, d);
            if (c.isEmpty() || c.get().denominator() <= 0 || c.get().met()) continue;
            for (String p : periods(c.get().at())) out.add(new Miss(p, i.code(), c.get().why()));
        }
        return out;
    }

    /**
     * On time (2.1): handling ended no later than the appointment, in Vietnam time (the applicant's supplement time is
     * not counted: the appointment is counted again from the supplement's receipt), and not more than one supplement
     * request after receipt (a second one counts as late). A dossier without an appointment is late.
     */
    public boolean onTime(Dossier d) {
        Facts f = d.facts();
        if (f == null || f.endedAt() == null || d.dueDate() == null) return false;
        long afterReceipt = f.supplements().stream().filter(Facts.Supplement::afterReceipt).count();
        return afterReceipt <= 1 && !f.endedAt().atZone(zone).toLocalDate().isAfter(d.dueDate());
    }

    /** {@code now} − {@code before}: what moving from one version to the next changes, without the cells it leaves as they were. */
    public static Map<Cell, Tally> difference(Map<Cell, Tally> now, Map<Cell, Tally> before) {
        Map<Cell, Tally> out = new LinkedHashMap<>();
        now.forEach((c, t) -> out.put(c, t.minus(before.getOrDefault(c, new Tally(0, 0)))));
        before.forEach((c, t) -> { if (!now.containsKey(c)) out.put(c, new Tally(-t.numerator(), -t.denominator())); });
        out.values().removeIf(Tally::isZero);
        return out;
    }

    /** A period key ({@code 2026-11}, {@code 2026-Q4}, {@code 2026}) read, or empty when it is none. */
    public record PeriodKey(String key, LocalDate first, LocalDate last) {
        /** The {@code n} periods of the same kind before {@code key} (a well-formed key), oldest first. */
        public static List<String> previous(String key, int n) {
            List<String> out = new java.util.ArrayList<>();
            for (int k = n; k >= 1; k--) {
                if (key.matches("\\d{4}-\\d{2}")) out.add(YearMonth.parse(key).minusMonths(k).toString());
                else if (key.matches("\\d{4}-Q[1-4]")) {
                    int idx = Integer.parseInt(key.substring(0, 4)) * 4 + (key.charAt(6) - '1') - k;
                    out.add(Math.floorDiv(idx, 4) + "-Q" + (Math.floorMod(idx, 4) + 1));
                } else out.add(Integer.toString(Integer.parseInt(key) - k));
            }
            return out;
        }

        public static Optional<PeriodKey> parse(String s) {
            if (s == null) return Optional.empty();
            try {
                if (s.matches("\\d{4}-\\d{2}")) {
                    YearMonth m = YearMonth.parse(s);
                    return Optional.of(new PeriodKey(s, m.atDay(1), m.atEndOfMonth()));
                }
                if (s.matches("\\d{4}-Q[1-4]")) {
                    int y = Integer.parseInt(s.substring(0, 4)), q = s.charAt(6) - '0';
                    YearMonth from = YearMonth.of(y, (q - 1) * 3 + 1);
                    return Optional.of(new PeriodKey(s, from.atDay(1), from.plusMonths(2).atEndOfMonth()));
                }
                if (s.matches("\\d{4}")) {
                    int y = Integer.parseInt(s);
                    return Optional.of(new PeriodKey(s, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
                }
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
            return Optional.empty();
        }
    }
}
