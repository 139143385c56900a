package vn.gov.bvhttdl.dvc.domain;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.SimpleTimeZone;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The Vietnamese lunar calendar (âm lịch): the same astronomical rules as the Chinese calendar, reckoned at the
 * meridian of UTC+7 instead of UTC+8, which is why Tết sometimes falls a day or a month apart from the Chinese
 * New Year (1985, 2007, 2030). ICU4J's {@link ChineseCalendar} takes the time zone of its astronomical
 * calculation as a parameter (as its Korean Dangi calendar does with UTC+9); here it is UTC+7.
 */
public final class LunarCalendar {
    /** A lunar date: year (the Gregorian year in which that lunar year begins), month 1–12, leap month flag, day. */
    public record LunarDate(int year, int month, boolean leapMonth, int day) {}

    private static final TimeZone UTC7 = new SimpleTimeZone(7 * 3600 * 1000, "UTC+07:00");
    private static final ZoneOffset OFFSET = ZoneOffset.ofHours(7);

    private LunarCalendar() {}

    private static final class Vietnamese extends ChineseCalendar {
        Vietnamese() {
            super(UTC7, ULocale.ROOT, UTC7);
        }
    }

    /** The lunar date of a civil (Gregorian) date in Vietnam. */
    public static LunarDate fromSolar(LocalDate date) {
        Vietnamese c = new Vietnamese();
        // noon, Vietnam time: far from any day boundary
        c.setTimeInMillis(date.atTime(12, 0).toInstant(OFFSET).toEpochMilli());
        // ICU 78 reports the extended year of a Chinese year as the Gregorian year in which it begins
        return new LunarDate(c.get(ChineseCalendar.EXTENDED_YEAR), c.get(ChineseCalendar.MONTH) + 1,
                c.get(ChineseCalendar.IS_LEAP_MONTH) == 1, c.get(ChineseCalendar.DAY_OF_MONTH));
    }

    /** The civil date of a lunar date; {@code lunarYear} is the Gregorian year in which that lunar year begins. */
    public static LocalDate toSolar(int lunarYear, int month, boolean leapMonth, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 30) throw new IllegalArgumentException("no such lunar date");
        // find the 60-year cycle and year of that lunar year from a day inside it (1 July: after every Tết)
        Vietnamese probe = new Vietnamese();
        probe.setTimeInMillis(LocalDate.of(lunarYear, 7, 1).atTime(12, 0).toInstant(OFFSET).toEpochMilli());
        Vietnamese c = new Vietnamese();
        c.clear();
        c.set(ChineseCalendar.ERA, probe.get(ChineseCalendar.ERA));
        c.set(ChineseCalendar.YEAR, probe.get(ChineseCalendar.YEAR));
        c.set(ChineseCalendar.MONTH, month - 1);
        c.set(ChineseCalendar.IS_LEAP_MONTH, leapMonth ? 1 : 0);
        c.set(ChineseCalendar.DAY_OF_MONTH, day);
        c.set(ChineseCalendar.HOUR_OF_DAY, 12);
        long millis = c.getTimeInMillis();
        LocalDate solar = java.time.Instant.ofEpochMilli(millis).atOffset(OFFSET).toLocalDate();
        LunarDate back = fromSolar(solar);
        if (back.month() != month || back.day() != day || back.leapMonth() != leapMonth || back.year() != lunarYear) {
            throw new IllegalArgumentException("lunar date " + day + "/" + month + (leapMonth ? " (nhuận)" : "") + "/" + lunarYear
                    + " does not exist");
        }
        return solar;
    }

    /** Mùng 1 Tết: the first day of the lunar year that begins in {@code year}. */
    public static LocalDate tet(int year) {
        return toSolar(year, 1, false, 1);
    }
}
