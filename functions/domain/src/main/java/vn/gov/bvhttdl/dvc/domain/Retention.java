package vn.gov.bvhttdl.dvc.domain;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How long a finished dossier's archive record is kept ({@code rules/retention.json}): a number of years or permanent,
 * by procedure and outcome, counted from the year the work ended; the archive action date (when a fixed-term record
 * may be appraised for destruction) is 31 December of end year + period. Also the data lifecycle's periods (drafts,
 * stray uploads, quarantine), which no rule sets and which are ours. See docs/archive.md.
 */
public final class Retention {
    /** The outcomes that finish a dossier and make its archive record (returned, refused, stopped, withdrawn). */
    public static final Set<DossierStatus> FINISHED = Set.of(DossierStatus.RESULT_RETURNED, DossierStatus.REFUSED,
            DossierStatus.STOPPED, DossierStatus.WITHDRAWN);

    /** A retention period: {@code years} (null when permanent) and its basis. */
    public record Period(Integer years, boolean permanent, Citation basis) {
        public Period {
            if (permanent == (years != null)) throw new IllegalArgumentException("a period is either years or permanent");
            if (years != null && years < 1) throw new IllegalArgumentException("a period of at least a year");
        }

        public static Period ofYears(int years, Citation basis) { return new Period(years, false, basis); }

        public static Period forever(Citation basis) { return new Period(null, true, basis); }

        /** The year the period ends: end year + years; empty when permanent. */
        public Optional<Integer> actionYear(int endYear) {
            return permanent ? Optional.empty() : Optional.of(endYear + years);
        }

        /** The archive action date: 31 December of {@link #actionYear}; empty when permanent. */
        public Optional<LocalDate> actionDate(int endYear) {
            return actionYear(endYear).map(y -> LocalDate.of(y, 12, 31));
        }

        /** Whether a record of work ended in {@code endYear} has passed its period on {@code day} (never when permanent). */
        public boolean expired(int endYear, LocalDate day) {
            return actionDate(endYear).map(day::isAfter).orElse(false);
        }

        /** What the record shows: "10" years or "permanent" (vĩnh viễn). */
        public String label() { return permanent ? "permanent" : String.valueOf(years); }
    }

    /** The data lifecycle's periods in days. */
    public record Lifecycle(int draftIdleDays, int draftNoticeDays, int unattachedUploadDays, int quarantineDays) {}

    private static final Retention STANDARD = load(Json.obj(Json.resource("/rules/retention.json")));

    private final Map<DossierStatus, Period> defaults;
    private final Map<String, Map<DossierStatus, Period>> procedures;
    private final int handOverWithinYears;
    private final int handOverMinimumYears;
    private final List<Citation> handOverBasis;
    private final String accessLevel;
    private final Lifecycle lifecycle;

    private Retention(Map<DossierStatus, Period> defaults, Map<String, Map<DossierStatus, Period>> procedures, int within, int minimum,
                      List<Citation> handOverBasis, String accessLevel, Lifecycle lifecycle) {
        this.defaults = defaults;
        this.procedures = procedures;
        this.handOverWithinYears = within;
        this.handOverMinimumYears = minimum;
        this.handOverBasis = List.copyOf(handOverBasis);
        this.accessLevel = accessLevel;
        this.lifecycle = lifecycle;
    }

    public static Retention standard() { return STANDARD; }

    static Retention load(Map<String, Object> root) {
        Map<DossierStatus, Period> defaults = periods(Json.obj(root.get("defaults")));
        for (DossierStatus s : FINISHED) if (!defaults.containsKey(s)) throw new IllegalStateException("rules/retention.json: no default period for " + s);
        Map<String, Map<DossierStatus, Period>> procedures = new HashMap<>();
        Json.obj(root.get("procedures")).forEach((code, v) -> procedures.put(code, periods(Json.obj(v))));
        Map<String, Object> handOver = Json.obj(root.get("handOver"));
        Map<String, Object> lc = Json.obj(root.get("lifecycle"));
        return new Retention(defaults, procedures, ((Number) handOver.get("withinYears")).intValue(), ((Number) handOver.get("minimumYears")).intValue(),
                Json.list(handOver.get("basis")).stream().map(o -> Citation.of(Json.obj(o))).toList(),
                Json.str(Json.obj(root.get("accessLevel")), "default"),
                new Lifecycle(num(lc, "draftIdleDays"), num(lc, "draftNoticeDays"), num(lc, "unattachedUploadDays"), num(lc, "quarantineDays")));
    }

    private static int num(Map<String, Object> m, String k) { return ((Number) m.get(k)).intValue(); }

    private static Map<DossierStatus, Period> periods(Map<String, Object> m) {
        Map<DossierStatus, Period> out = new EnumMap<>(DossierStatus.class);
        m.forEach((status, v) -> {
            DossierStatus s = DossierStatus.valueOf(status);
            if (!FINISHED.contains(s)) throw new IllegalStateException("rules/retention.json: " + s + " does not finish a dossier");
            Map<String, Object> p = Json.obj(v);
            Citation basis = Citation.of(Json.obj(p.get("basis")));
            out.put(s, Boolean.TRUE.equals(p.get("permanent")) ? Period.forever(basis) : Period.ofYears(num(p, "years"), basis));
        });
        return out;
    }

    /** The period of a dossier of {@code procedureCode} finished as {@code outcome}: the procedure's own, else the default. */
    public Period period(String procedureCode, DossierStatus outcome) {
        if (!FINISHED.contains(outcome)) throw new IllegalArgumentException(outcome + " does not finish a dossier");
        Period own = procedures.getOrDefault(procedureCode, Map.of()).get(outcome);
        return own != null ? own : defaults.get(outcome);
    }

    /** The year a record of work ended in {@code endYear} must have been handed to the agency's archive by (end year + 1). */
    public int handOverYear(int endYear) { return endYear + handOverWithinYears; }

    /** Whether a record of this period is handed to the agency's archive (five years or more, or permanent). */
    public boolean handedOver(Period p) { return p.permanent() || p.years() >= handOverMinimumYears; }

    public List<Citation> handOverBasis() { return handOverBasis; }

    public String accessLevel() { return accessLevel; }

    public Lifecycle lifecycle() { return lifecycle; }
}
