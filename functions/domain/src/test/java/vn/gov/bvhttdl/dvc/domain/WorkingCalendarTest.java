package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class WorkingCalendarTest {
    final WorkingCalendar cal = WorkingCalendar.standard();
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(VN).toInstant();
    }

    @Test
    void aDossierReceivedJustBeforeTetIn2025SkipsTheAnnouncedNineDaysAndCountsTheSwappedSaturday() {
        // Tết Ất Tỵ: off 25 Jan – 2 Feb 2025, Saturday 8 Feb worked in exchange
        WorkingCalendar.Appointment a = cal.appointment(at("2025-01-24T10:00"), 10, List.of());
        assertEquals(LocalDate.of(2025, 1, 24), a.receivedOn());
        assertEquals(LocalDate.of(2025, 2, 13), a.dueDate());
        assertTrue(a.holidaysSkipped().stream().anyMatch(d -> d.date().equals(LocalDate.of(2025, 1, 29))));
        assertTrue(cal.isWorkingDay(LocalDate.of(2025, 2, 8)), "the swapped Saturday is a working day");
        assertTrue(cal.isWorkingDay(LocalDate.of(2025, 4, 26)));
        assertFalse(cal.isWorkingDay(LocalDate.of(2025, 5, 2)), "Friday 2 May 2025 was given in exchange");
    }

    @Test
    void afterOfficeHoursTheDossierCountsFromTheNextWorkingDay() {
        WorkingCalendar.Appointment late = cal.appointment(at("2025-01-24T18:00"), 10, List.of());
        assertEquals(LocalDate.of(2025, 2, 3), late.receivedOn(), "Friday evening before Tết counts from the Monday after it");
        assertEquals(LocalDate.of(2025, 2, 14), late.dueDate());
        WorkingCalendar.Appointment early = cal.appointment(at("2026-03-03T06:30"), 1, List.of());
        assertEquals(LocalDate.of(2026, 3, 3), early.receivedOn(), "before opening on a working day is that day");
        WorkingCalendar.Appointment sunday = cal.appointment(at("2026-03-08T10:00"), 1, List.of());
        assertEquals(LocalDate.of(2026, 3, 9), sunday.receivedOn());
        assertEquals(LocalDate.of(2026, 3, 10), sunday.dueDate());
    }

    @Test
    void withoutAnAnnouncementTetFollowsTheLunarRule() {
        // 2026: Tết Bính Ngọ is Tuesday 17 Feb; default 5 days = the last day of the lunar year + days 1–4
        Map<LocalDate, Text> off = cal.daysOff(2026);
        for (int d = 16; d <= 20; d++) assertTrue(off.containsKey(LocalDate.of(2026, 2, d)), "16–20 Feb 2026 off: " + d);
        assertTrue(cal.isWorkingDay(LocalDate.of(2026, 2, 23)));
        assertEquals(LocalDate.of(2026, 2, 27), cal.appointment(at("2026-02-13T10:00"), 5, List.of()).dueDate());
    }

    @Test
    void aHolidayOnAWeekendGivesTheNextWorkingDayOff() {
        // Giỗ Tổ Hùng Vương 2026 (10/3 lunar) is Sunday 26 April: Monday 27 April is off instead
        assertEquals(LocalDate.of(2026, 4, 26), LunarCalendar.toSolar(2026, 3, false, 10));
        assertFalse(cal.isWorkingDay(LocalDate.of(2026, 4, 27)));
        assertTrue(cal.reasonOff(LocalDate.of(2026, 4, 27)).vi().startsWith("Nghỉ bù Giỗ Tổ"));
        // 1 January 2028 is a Saturday: Monday 3 January 2028 off
        assertFalse(cal.isWorkingDay(LocalDate.of(2028, 1, 3)));
        // 2 September 2023 was a Saturday: the adjacent day is Friday 1 September and Monday 4 September is compensatory
        assertFalse(cal.isWorkingDay(LocalDate.of(2023, 9, 1)));
        assertFalse(cal.isWorkingDay(LocalDate.of(2023, 9, 4)));
        assertTrue(cal.isWorkingDay(LocalDate.of(2023, 9, 5)));
        // 2 September 2027 is a Thursday: Friday 3 September joins it to the weekend
        assertFalse(cal.isWorkingDay(LocalDate.of(2027, 9, 3)));
        assertTrue(cal.isWorkingDay(LocalDate.of(2027, 9, 1)));
    }

    @Test
    void theCountCrossesTheYearEndAndNewYearsDay() {
        WorkingCalendar.Appointment a = cal.appointment(at("2026-12-30T10:00"), 3, List.of());
        assertEquals(LocalDate.of(2027, 1, 5), a.dueDate());
        assertEquals(LocalDate.of(2027, 1, 1), a.holidaysSkipped().get(0).date());
    }

    @Test
    void aPauseWhileWaitingForASupplementExtendsTheDueDate() {
        WorkingCalendar.Appointment plain = cal.appointment(at("2026-03-02T10:00"), 5, List.of());
        assertEquals(LocalDate.of(2026, 3, 9), plain.dueDate());
        WorkingCalendar.Appointment paused = cal.appointment(at("2026-03-02T10:00"), 5,
                List.of(new WorkingCalendar.Pause(at("2026-03-03T10:00"), at("2026-03-05T15:00"))));
        assertEquals(2, paused.pausedWorkingDays());
        assertEquals(LocalDate.of(2026, 3, 11), paused.dueDate());
        assertThrows(IllegalArgumentException.class,
                () -> cal.appointment(at("2026-03-02T10:00"), 5, List.of(new WorkingCalendar.Pause(at("2026-03-03T10:00"), null))));
    }

    @Test
    void anAdministratorsAnnouncementReplacesTheDefaultForItsYear() {
        // e.g. a 2026 decision: Tết off Sat 14 – Sun 22 Feb, with Saturday 28 Feb worked
        WorkingCalendar.YearSchedule s = WorkingCalendar.schedule(Map.of("year", 2026L,
                "holidays", List.of(Map.of("replaces", List.of("tet"), "days",
                        List.of("2026-02-14", "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
                                "2026-02-20", "2026-02-21", "2026-02-22"))),
                "workingWeekendDays", List.of("2026-02-28")));
        WorkingCalendar custom = cal.withSchedules(List.of(s));
        assertTrue(custom.isWorkingDay(LocalDate.of(2026, 2, 28)));
        assertFalse(cal.isWorkingDay(LocalDate.of(2026, 2, 28)), "the standard calendar is unchanged");
        assertTrue(custom.isWorkingDay(LocalDate.of(2026, 2, 23)));
        assertFalse(custom.isWorkingDay(LocalDate.of(2026, 4, 27)), "other holidays of the year keep their rule");
        assertThrows(DomainException.class, () -> cal.withSchedules(List.of(WorkingCalendar.schedule(Map.of("year", 2026L,
                "holidays", List.of(Map.of("replaces", List.of("no-such-holiday"), "days", List.of("2026-02-14"))))))));
        assertThrows(DomainException.class, () -> WorkingCalendar.schedule(Map.of("year", 2026L,
                "holidays", List.of(Map.of("replaces", List.of("tet"), "days", List.of("2030-02-14"))))));
        assertThrows(DomainException.class, () -> WorkingCalendar.schedule(Map.of("year", 2026L,
                "holidays", List.of(Map.of("replaces", List.of("tet"), "days", List.of("14/02/2026"))))));
    }

    @Test
    void everyRuleCarriesItsCitation() {
        for (WorkingCalendar.HolidayRule r : cal.rules()) {
            assertNotNull(r.basis(), r.id());
            assertEquals("Bộ luật Lao động 2019", r.basis().document());
        }
        assertEquals(6, cal.rules().size());
    }
}
