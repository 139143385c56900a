package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.*;

class LunarCalendarTest {
    /** Mùng 1 Tết as published in Vietnam (lịch vạn niên of the Vietnamese calendar, UTC+7). */
    @ParameterizedTest(name = "Tết {0} = {1}")
    @CsvSource({
            "2020, 2020-01-25", "2021, 2021-02-12", "2022, 2022-02-01", "2023, 2023-01-22", "2024, 2024-02-10",
            "2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06", "2028, 2028-01-26", "2029, 2029-02-13",
            "2030, 2030-02-02", "2031, 2031-01-23", "2032, 2032-02-11", "2033, 2033-01-31", "2034, 2034-02-19",
            "2035, 2035-02-08"})
    void tetMatchesThePublishedDates(int year, LocalDate expected) {
        assertEquals(expected, LunarCalendar.tet(year));
        assertEquals(new LunarCalendar.LunarDate(year, 1, false, 1), LunarCalendar.fromSolar(expected));
    }

    @Test
    void vietnameseDatesDifferFromChineseWhereTheMeridianMatters() {
        // China celebrated on 20 Feb 1985, 18 Feb 2007 and will on 3 Feb 2030; Vietnam on 21 Jan 1985, 17 Feb 2007, 2 Feb 2030
        assertEquals(LocalDate.of(1985, 1, 21), LunarCalendar.tet(1985));
        assertEquals(LocalDate.of(2007, 2, 17), LunarCalendar.tet(2007));
        assertEquals(LocalDate.of(2030, 2, 2), LunarCalendar.tet(2030));
    }

    @Test
    void hungKingsDayIsTheTenthOfTheThirdLunarMonth() {
        assertEquals(LocalDate.of(2024, 4, 18), LunarCalendar.toSolar(2024, 3, false, 10));
        assertEquals(LocalDate.of(2025, 4, 7), LunarCalendar.toSolar(2025, 3, false, 10));
        assertEquals(LocalDate.of(2026, 4, 26), LunarCalendar.toSolar(2026, 3, false, 10));
    }

    @Test
    void leapMonthsAndImpossibleDates() {
        // 2023 had a leap 2nd month (tháng 2 nhuận): 22 Mar – 19 Apr 2023
        assertEquals(LocalDate.of(2023, 3, 22), LunarCalendar.toSolar(2023, 2, true, 1));
        assertTrue(LunarCalendar.fromSolar(LocalDate.of(2023, 4, 1)).leapMonth());
        assertThrows(IllegalArgumentException.class, () -> LunarCalendar.toSolar(2024, 2, true, 1), "no leap month in 2024");
        assertThrows(IllegalArgumentException.class, () -> LunarCalendar.toSolar(2024, 13, false, 1));
        // the last day of the lunar year 2024 (Giáp Thìn) was the 29th of the 12th month: 28 Jan 2025
        assertEquals(new LunarCalendar.LunarDate(2024, 12, false, 29), LunarCalendar.fromSolar(LocalDate.of(2025, 1, 28)));
    }
}
