package vn.gov.bvhttdl.dvc.domain;

import java.util.Map;

/**
 * A time limit or a step's budget: a number of days and how they are counted. Most procedures count working days;
 * some laws count calendar days (e.g. Tourism Law 2017 Art 50: a star rating is decided within 30 days), and a
 * calendar-day period that ends on a day off ends on the next working day (Civil Code 2015 Art 148).
 */
public record Period(int days, Unit unit) {
    public enum Unit { WORKING_DAYS, CALENDAR_DAYS }

    public Period {
        if (unit == null) throw new IllegalArgumentException("a period needs a unit (WORKING_DAYS or CALENDAR_DAYS)");
        if (days < 0 || days > 3650) throw new IllegalArgumentException("a period is 0..3650 days, not " + days);
    }

    public static Period workingDays(int n) { return new Period(n, Unit.WORKING_DAYS); }

    public static Period calendarDays(int n) { return new Period(n, Unit.CALENDAR_DAYS); }

    /** "10 ngày làm việc" / "10 working days"; "30 ngày" / "30 calendar days". */
    public Text label() {
        return unit == Unit.WORKING_DAYS
                ? new Text(days + " ngày làm việc", days + (days == 1 ? " working day" : " working days"))
                : new Text(days + " ngày", days + (days == 1 ? " calendar day" : " calendar days"));
    }

    /**
     * Reads {@code {"days": n, "unit": "CALENDAR_DAYS"}} under {@code key}, or the older form, a number of working
     * days under {@code legacyKey} (e.g. {@code processingWorkingDays}); null when neither is there.
     */
    static Period read(Map<String, Object> m, String key, String legacyKey) {
        Object v = m.get(key);
        if (v instanceof Map<?, ?>) {
            Map<String, Object> p = Json.obj(v);
            Object days = p.get("days");
            if (!(days instanceof Number n)) throw new IllegalArgumentException(key + ".days must be a number");
            String unit = p.get("unit") == null ? "WORKING_DAYS" : p.get("unit").toString();
            try {
                return new Period(n.intValue(), Unit.valueOf(unit));
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("a period")) throw e;
                throw new IllegalArgumentException(key + ".unit must be WORKING_DAYS or CALENDAR_DAYS, not " + unit);
            }
        }
        if (v != null) throw new IllegalArgumentException(key + " must be {\"days\": n, \"unit\": …}");
        Object legacy = m.get(legacyKey);
        if (legacy == null) return null;
        if (!(legacy instanceof Number n)) throw new IllegalArgumentException(legacyKey + " must be a number");
        return workingDays(n.intValue());
    }
}
