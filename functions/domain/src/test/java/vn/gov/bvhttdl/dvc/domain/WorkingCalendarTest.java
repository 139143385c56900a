package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Appointment dates against the official schedules. Each expected date is counted by hand in the comment from the
 * announced days off (2025: VPCP 8726/VPCP-KGVX; 2026: VPCP 12729/VPCP-KGVX of 25 Dec 2025, Notice 9441/TB-BNV, letter
 * 3383/BNV-CVL; Culture Day 2026 and Tết and National Day 2027: VPCP 10065/VPCP-KGVX of 2 Oct 2026; all as found in
 * secondary copies, see calendar-announcements.json), the first day not counted (Civil Code Art 147).
 */
class WorkingCalendarTest {
    final WorkingCalendar cal = WorkingCalendar.standard();
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(VN).toInstant();
    }

    @Test
    void tet2025HadNoSwappedSaturdayOnlyThe26thOfAprilWasWorked() {
        // Tết Ất Tỵ off Sat 25 Jan – Sun 2 Feb 2025, no swap. Received Fri 24 Jan 10:00; 10 working days:
        // Mon 3 (1), 4, 5, 6, Fri 7 (5), [Sat 8 is NOT worked], Mon 10 (6), 11, 12, 13, Fri 14 Feb (10)
        WorkingCalendar.Appointment a = cal.appointment(at("2025-01-24T10:00"), 10, List.of());
        assertEquals(LocalDate.of(2025, 1, 24), a.receivedOn());
        assertEquals(LocalDate.of(2025, 2, 14), a.dueDate());
        assertTrue(a.holidaysSkipped().stream().anyMatch(d -> d.date().equals(LocalDate.of(2025, 1, 29))));
        assertFalse(cal.isWorkingDay(LocalDate.of(2025, 2, 8)), "Saturday 8 Feb 2025 was an ordinary Saturday");
        assertTrue(cal.isWorkingDay(LocalDate.of(2025, 4, 26)), "Saturday 26 Apr 2025 was worked, for Friday 2 May");
        assertFalse(cal.isWorkingDay(LocalDate.of(2025, 5, 2)));
        assertEquals(List.of(LocalDate.of(2025, 4, 26)), cal.schedule(2025).workingWeekendDays());
        assertFalse(a.provisional());
    }

    @Test
    void afterOfficeHoursTheDossierCountsFromTheNextWorkingDay() {
        // Fri 24 Jan 2025 18:00 → received Mon 3 Feb; 10 working days: 4, 5, 6, 7, 10, 11, 12, 13, 14, Mon 17 Feb
        WorkingCalendar.Appointment late = cal.appointment(at("2025-01-24T18:00"), 10, List.of());
        assertEquals(LocalDate.of(2025, 2, 3), late.receivedOn(), "Friday evening before Tết counts from the Monday after it");
        assertEquals(LocalDate.of(2025, 2, 17), late.dueDate());
        WorkingCalendar.Appointment early = cal.appointment(at("2026-03-03T06:30"), 1, List.of());
        assertEquals(LocalDate.of(2026, 3, 3), early.receivedOn(), "before opening on a working day is that day");
        WorkingCalendar.Appointment sunday = cal.appointment(at("2026-03-08T10:00"), 1, List.of());
        assertEquals(LocalDate.of(2026, 3, 9), sunday.receivedOn());
        assertEquals(LocalDate.of(2026, 3, 10), sunday.dueDate());
    }

    @Test
    void receivedOnNewYearsEve2025AfterHours() {
        // Wed 31 Dec 2025 17:30 (after 17:00) → Thu 1 Jan holiday, Fri 2 Jan swapped off, Sat 3 – Sun 4 weekend →
        // received Mon 5 Jan 2026. 10 working days: 6, 7, 8, 9 (4), Sat 10 Jan worked (5), 12, 13, 14, 15, Fri 16 Jan (10)
        WorkingCalendar.Appointment a = cal.appointment(at("2025-12-31T17:30"), 10, List.of());
        assertEquals(LocalDate.of(2026, 1, 5), a.receivedOn());
        assertEquals(LocalDate.of(2026, 1, 16), a.dueDate());
        assertTrue(cal.isWorkingDay(LocalDate.of(2026, 1, 10)), "Saturday 10 Jan 2026 is worked for Friday 2 Jan");
        assertFalse(cal.isWorkingDay(LocalDate.of(2026, 1, 2)));
        assertFalse(a.provisional(), "2025 and 2026 are announced");
    }

    @Test
    void receivedOnTheFridayBeforeTet2026() {
        // Fri 13 Feb 2026 10:00. Tết Bính Ngọ off Sat 14 – Sun 22 Feb (no swap).
        // 5 working days: Mon 23 (1), 24, 25, 26, Fri 27 Feb (5)
        assertEquals(LocalDate.of(2026, 2, 27), cal.appointment(at("2026-02-13T10:00"), 5, List.of()).dueDate());
        // 10 working days: 23, 24, 25, 26, 27, Mon 2 Mar, 3, 4, 5, Fri 6 Mar
        assertEquals(LocalDate.of(2026, 3, 6), cal.appointment(at("2026-02-13T10:00"), 10, List.of()).dueDate());
        for (int d = 14; d <= 22; d++) assertFalse(cal.isWorkingDay(LocalDate.of(2026, 2, d)), "Tết 2026: " + d + " Feb");
        assertTrue(cal.isWorkingDay(LocalDate.of(2026, 2, 13)));
    }

    @Test
    void receivedBeforeNationalDay2026() {
        // Fri 21 Aug 2026 10:00; 10 working days: Sat 22 Aug worked (1), Mon 24, 25, 26, 27, Fri 28 (6),
        // Sat 29 Aug – Wed 2 Sep off (Mon 31 Aug swapped, 1–2 Sep statutory), Thu 3 (7), Fri 4 (8), Mon 7 (9), Tue 8 Sep (10)
        WorkingCalendar.Appointment a = cal.appointment(at("2026-08-21T10:00"), 10, List.of());
        assertEquals(LocalDate.of(2026, 9, 8), a.dueDate());
        assertTrue(cal.isWorkingDay(LocalDate.of(2026, 8, 22)));
        assertFalse(cal.isWorkingDay(LocalDate.of(2026, 8, 31)));
        // Fri 28 Aug 2026 10:00; 5 working days: Thu 3 (1), Fri 4, Mon 7, Tue 8, Wed 9 Sep (5)
        assertEquals(LocalDate.of(2026, 9, 9), cal.appointment(at("2026-08-28T10:00"), 5, List.of()).dueDate());
    }

    @Test
    void aCalendarDayPeriodThatEndsOnADayOffEndsOnTheNextWorkingDay() {
        // DL-004 style: 30 calendar days. Received Wed 21 Jan 2026 → day 30 is Fri 20 Feb, inside Tết → Mon 23 Feb
        WorkingCalendar.Appointment tet = cal.appointment(at("2026-01-21T10:00"), Period.calendarDays(30), List.of());
        assertEquals(LocalDate.of(2026, 2, 23), tet.dueDate());
        assertEquals(Period.calendarDays(30), tet.period());
        // received Mon 3 Aug 2026 → day 30 is Wed 2 Sep (National Day) → Thu 3 Sep
        assertEquals(LocalDate.of(2026, 9, 3), cal.appointment(at("2026-08-03T10:00"), Period.calendarDays(30), List.of()).dueDate());
        // an ordinary end: received Mon 2 Mar 2026 → day 30 is Wed 1 Apr, a working day
        assertEquals(LocalDate.of(2026, 4, 1), cal.appointment(at("2026-03-02T10:00"), Period.calendarDays(30), List.of()).dueDate());
        // the same 30 as working days is much later
        assertTrue(cal.appointment(at("2026-03-02T10:00"), 30, List.of()).dueDate().isAfter(LocalDate.of(2026, 4, 1)));
        // a pause counts calendar days too: 3 paused days push the end by 3
        WorkingCalendar.Appointment paused = cal.appointment(at("2026-03-02T10:00"), Period.calendarDays(30),
                List.of(new WorkingCalendar.Pause(at("2026-03-03T10:00"), at("2026-03-06T10:00"))));
        assertEquals(3, paused.pausedDays());
        assertEquals(LocalDate.of(2026, 4, 6), paused.dueDate(), "Sat 4 Apr → Mon 6 Apr (Art 148)");
    }

    @Test
    void aYearWithoutAnAnnouncementIsComputedFromTheDefaultsAndFlaggedProvisional() {
        assertTrue(cal.provisional(2028));
        assertNull(cal.schedule(2028));
        assertFalse(cal.provisional(2026));
        // Tết Mậu Thân is Wed 26 Jan 2028: default = last day of the year (Tue 25) + days 1–4 (26–29 Jan); Sat 29 is a
        // weekly day off, so Mon 31 Jan is compensatory
        for (int d = 25; d <= 31; d++) assertFalse(cal.isWorkingDay(LocalDate.of(2028, 1, d)), "Jan " + d);
        assertTrue(cal.daysOff(2028).get(LocalDate.of(2028, 1, 31)).vi().startsWith("Nghỉ bù"));
        assertTrue(cal.isWorkingDay(LocalDate.of(2028, 2, 1)));
        // Tue 28 Dec 2027; 10 working days: 29, 30, 31 (3), [Sat 1 Jan 2028 → Mon 3 Jan off], 4, 5, 6, 7 (7), 10, 11, Wed 12 Jan (10)
        WorkingCalendar.Appointment a = cal.appointment(at("2027-12-28T10:00"), 10, List.of());
        assertEquals(LocalDate.of(2028, 1, 12), a.dueDate());
        assertTrue(a.provisional(), "the count runs into 2028");
        assertEquals(List.of(2028), a.provisionalYears(), "late December 2027 is far from 2027's holidays still pending");
        assertTrue(a.provisionalReason().vi().contains("2028"));
        assertTrue(a.provisionalReason().en().contains("may change"));
        // into 2027 across New Year's Day, which 2027's announcement leaves pending
        WorkingCalendar.Appointment ny = cal.appointment(at("2026-12-28T10:00"), 10, List.of());
        assertEquals(List.of(2027), ny.provisionalYears());
        assertTrue(ny.provisionalReason().vi().contains("2027"));
        assertFalse(cal.appointment(at("2026-12-01T10:00"), 5, List.of()).provisional());
    }

    @Test
    void vietnamCultureDayIsADayOffFrom24November2026() {
        // Resolution 28/2026/QH16 Art 2 (in force 1 Jul 2026): 24 November each year is Vietnam Culture Day, a paid
        // day off; VPCP 10065/VPCP-KGVX: Tue 24 Nov 2026 off, no swapped day. Not a day off before the resolution.
        WorkingCalendar.HolidayRule rule = cal.rules().stream().filter(r -> r.id().equals("culture-day")).findFirst().orElseThrow();
        assertEquals("Nghị quyết 28/2026/QH16 về phát triển văn hóa Việt Nam", rule.basis().document());
        assertEquals("Điều 2", rule.basis().article());
        assertFalse(rule.basis().confirmed(), "read only in a secondary copy");
        assertEquals(LocalDate.of(2026, 7, 1), rule.from());
        assertTrue(cal.isWorkingDay(LocalDate.of(2025, 11, 24)), "Mon 24 Nov 2025: before the resolution");
        assertFalse(cal.isWorkingDay(LocalDate.of(2026, 11, 24)));
        assertEquals("Ngày Văn hóa Việt Nam", cal.reasonOff(LocalDate.of(2026, 11, 24)).vi());
        assertTrue(cal.isWorkingDay(LocalDate.of(2026, 11, 23)), "the proposed Monday 23 Nov swap was not adopted");
        assertFalse(cal.isWorkingDay(LocalDate.of(2026, 11, 28)), "no Saturday worked for it");
        assertEquals(List.of(), cal.schedule(2026).workingWeekendDays().stream().filter(d -> d.getMonthValue() == 11).toList());
        assertTrue(cal.schedule(2026).basis().document().contains("10065/VPCP-KGVX"));
        assertTrue(cal.schedule(2026).basis().document().contains("9441/TB-BNV"));
        assertTrue(cal.schedule(2026).basis().document().contains("3383/BNV-CVL"));
        // Mon 23 Nov 2026 10:00; 5 working days: [Tue 24 off], Wed 25 (1), Thu 26, Fri 27, Mon 30 Nov, Tue 1 Dec (5)
        WorkingCalendar.Appointment a = cal.appointment(at("2026-11-23T10:00"), 5, List.of());
        assertEquals(LocalDate.of(2026, 12, 1), a.dueDate(), "one day later than without Culture Day (Mon 30 Nov)");
        assertEquals(List.of(new WorkingCalendar.DayOff(LocalDate.of(2026, 11, 24), cal.reasonOff(LocalDate.of(2026, 11, 24)))),
                a.holidaysSkipped());
        assertFalse(a.provisional(), "2026 is announced in full");
        // 2027 and later: the statutory default, Wed 24 Nov 2027, still provisional (not announced)
        assertFalse(cal.isWorkingDay(LocalDate.of(2027, 11, 24)));
        assertTrue(cal.appointment(at("2027-11-22T10:00"), 5, List.of()).provisional());
        // not one of Labour Code Art 112(1)'s holidays, so Art 111(3)'s make-up is not applied: Sat 24 Nov 2029 gives
        // no Monday off
        assertFalse(rule.compensated());
        assertTrue(cal.isWorkingDay(LocalDate.of(2029, 11, 26)));
    }

    @Test
    void tet2027FollowsTheAnnouncementNotTheDefault() {
        // VPCP 10065/VPCP-KGVX: Tết Đinh Mùi off Thu 4 – Wed 10 Feb 2027 (mùng 1 is Sat 6 Feb), no swapped day.
        // The default would have been Fri 5 – Tue 9 with Wed 10 and Thu 11 compensatory for the weekend.
        for (int d = 4; d <= 10; d++) assertFalse(cal.isWorkingDay(LocalDate.of(2027, 2, d)), "Tết 2027: " + d + " Feb");
        assertTrue(cal.isWorkingDay(LocalDate.of(2027, 2, 3)));
        assertTrue(cal.isWorkingDay(LocalDate.of(2027, 2, 11)), "Thu 11 Feb is not a compensatory day: the announcement replaces the default");
        assertEquals(List.of(), cal.schedule(2027).workingWeekendDays());
        // Wed 3 Feb 2027 10:00; 1 working day: [Thu 4 – Wed 10 off] Thu 11 Feb (the default would have given Thu 4)
        WorkingCalendar.Appointment one = cal.appointment(at("2027-02-03T10:00"), 1, List.of());
        assertEquals(LocalDate.of(2027, 2, 11), one.dueDate());
        assertEquals(7, one.holidaysSkipped().size());
        assertFalse(one.provisional(), "Tết 2027 is announced and no pending holiday is near");
        // Wed 3 Feb 2027 17:30 (after hours) → received Thu 11 Feb; 3 working days: Fri 12, Mon 15, Tue 16 Feb
        WorkingCalendar.Appointment late = cal.appointment(at("2027-02-03T17:30"), 3, List.of());
        assertEquals(LocalDate.of(2027, 2, 11), late.receivedOn());
        assertEquals(LocalDate.of(2027, 2, 16), late.dueDate());
        assertTrue(cal.schedule(2027).basis().document().contains("10065/VPCP-KGVX"));
        assertFalse(cal.schedule(2027).basis().confirmed());
    }

    @Test
    void nationalDay2027TakesTheDayAfterAndTheRestOf2027StaysProvisional() {
        // VPCP 10065/VPCP-KGVX: National Day off Thu 2 – Sun 5 Sep 2027, Fri 3 Sep the adjacent day (after)
        assertTrue(cal.isWorkingDay(LocalDate.of(2027, 9, 1)), "Wed 1 Sep 2027 is a working day");
        assertFalse(cal.isWorkingDay(LocalDate.of(2027, 9, 2)));
        assertFalse(cal.isWorkingDay(LocalDate.of(2027, 9, 3)));
        // Wed 1 Sep 2027 10:00; 2 working days: [2–5 Sep off] Mon 6 (1), Tue 7 Sep (2)
        assertEquals(LocalDate.of(2027, 9, 7), cal.appointment(at("2027-09-01T10:00"), 2, List.of()).dueDate());
        assertFalse(cal.appointment(at("2027-09-01T10:00"), 2, List.of()).provisional());
        // nothing announced for 30 Apr – 1 May 2027: the defaults (Fri 30 Apr, Sat 1 May → Mon 3 May), provisional
        assertTrue(cal.provisional(2027));
        assertEquals(List.of("new-year", "hung-kings", "victory", "labour", "culture-day"), cal.schedule(2027).pending());
        assertFalse(cal.isWorkingDay(LocalDate.of(2027, 4, 30)));
        assertFalse(cal.isWorkingDay(LocalDate.of(2027, 5, 3)));
        // Mon 26 Apr 2027 10:00; 5 working days: 27, 28, 29 (3), [30 Apr – 3 May off], Tue 4 (4), Wed 5 May (5)
        WorkingCalendar.Appointment a = cal.appointment(at("2027-04-26T10:00"), 5, List.of());
        assertEquals(LocalDate.of(2027, 5, 5), a.dueDate());
        assertTrue(a.provisional());
        assertEquals(List.of(2027), a.provisionalYears());
    }

    @Test
    void nationalDayTakesTheDayBeforeByDefaultAsAppliedIn2025And2026() {
        // Labour Code Art 112(1)(đ): 2 Sep and one adjacent day; the day before in both announced years
        assertFalse(cal.isWorkingDay(LocalDate.of(2025, 9, 1)));
        assertFalse(cal.isWorkingDay(LocalDate.of(2026, 9, 1)));
        // 2028 (no announcement): 2 Sep is a Saturday → Fri 1 Sep off, Mon 4 Sep compensatory; not 'else 3 September'
        assertFalse(cal.isWorkingDay(LocalDate.of(2028, 9, 1)));
        assertFalse(cal.isWorkingDay(LocalDate.of(2028, 9, 4)));
        assertTrue(cal.isWorkingDay(LocalDate.of(2028, 9, 5)));
        // 2 September 2023 was a Saturday: Fri 1 Sep off, and Mon 4 Sep compensatory for the Saturday
        assertFalse(cal.isWorkingDay(LocalDate.of(2023, 9, 1)));
        assertFalse(cal.isWorkingDay(LocalDate.of(2023, 9, 4)));
        assertTrue(cal.isWorkingDay(LocalDate.of(2023, 9, 5)));
    }

    @Test
    void aHolidayOnAWeekendGivesTheNextWorkingDayOff() {
        // Giỗ Tổ Hùng Vương 2026 (10/3 lunar) is Sunday 26 April: Monday 27 April is off instead
        assertEquals(LocalDate.of(2026, 4, 26), LunarCalendar.toSolar(2026, 3, false, 10));
        assertFalse(cal.isWorkingDay(LocalDate.of(2026, 4, 27)));
        assertTrue(cal.reasonOff(LocalDate.of(2026, 4, 27)).vi().startsWith("Nghỉ bù Giỗ Tổ"));
        // 1 January 2028 is a Saturday: Monday 3 January 2028 off
        assertFalse(cal.isWorkingDay(LocalDate.of(2028, 1, 3)));
    }

    @Test
    void theCountCrossesTheYearEndAndNewYearsDay() {
        // Wed 30 Dec 2026; 3 working days: Thu 31 (1), [Fri 1 Jan 2027 off], Mon 4 (2), Tue 5 Jan (3)
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
        assertEquals(2, paused.pausedDays());
        assertEquals(LocalDate.of(2026, 3, 11), paused.dueDate());
        assertThrows(IllegalArgumentException.class,
                () -> cal.appointment(at("2026-03-02T10:00"), 5, List.of(new WorkingCalendar.Pause(at("2026-03-03T10:00"), null))));
    }

    @Test
    void anAdministratorsAnnouncementReplacesTheDefaultForItsYear() {
        // e.g. a decision for 2027: Tết off Thu 4 – Sun 14 Feb, with Saturday 20 Feb worked
        List<String> days = new java.util.ArrayList<>();
        for (int d = 4; d <= 14; d++) days.add(LocalDate.of(2027, 2, d).toString());
        WorkingCalendar.YearSchedule s = WorkingCalendar.schedule(Map.of("year", 2027L,
                "holidays", List.of(Map.of("replaces", List.of("tet"), "days", days)),
                "workingWeekendDays", List.of("2027-02-20")));
        WorkingCalendar custom = cal.withSchedules(List.of(s));
        assertTrue(custom.isWorkingDay(LocalDate.of(2027, 2, 20)));
        assertFalse(cal.isWorkingDay(LocalDate.of(2027, 2, 20)), "the standard calendar is unchanged");
        assertFalse(custom.isWorkingDay(LocalDate.of(2027, 2, 4)));
        assertTrue(custom.isWorkingDay(LocalDate.of(2027, 2, 15)));
        assertFalse(custom.provisional(2027), "published in full (nothing pending): no longer provisional");
        assertTrue(cal.provisional(2027), "the bundled 2027 leaves holidays pending");
        assertThrows(DomainException.class, () -> cal.withSchedules(List.of(WorkingCalendar.schedule(Map.of("year", 2027L,
                "holidays", List.of(Map.of("replaces", List.of("no-such-holiday"), "days", List.of("2027-02-14"))))))));
        assertThrows(DomainException.class, () -> WorkingCalendar.schedule(Map.of("year", 2027L,
                "holidays", List.of(Map.of("replaces", List.of("tet"), "days", List.of("2030-02-14"))))));
        assertThrows(DomainException.class, () -> WorkingCalendar.schedule(Map.of("year", 2027L,
                "holidays", List.of(Map.of("replaces", List.of("tet"), "days", List.of("14/02/2027"))))));
    }

    @Test
    void everyRuleCarriesItsCitationWithTheRightPointOfArticle112() {
        Map<String, String> points = Map.of("new-year", "điểm a", "tet", "điểm b", "victory", "điểm c", "labour", "điểm d",
                "national", "điểm đ", "hung-kings", "điểm e");
        for (WorkingCalendar.HolidayRule r : cal.rules()) {
            assertNotNull(r.basis(), r.id());
            if (r.id().equals("culture-day")) continue; // Resolution 28/2026/QH16 Art 2, pinned above
            assertTrue(r.compensated(), r.id() + ": Labour Code Art 111(3)");
            assertEquals("Bộ luật Lao động 2019", r.basis().document());
            assertTrue(r.basis().article().endsWith(points.get(r.id())), r.id() + ": " + r.basis().article());
        }
        assertEquals(7, cal.rules().size());
        for (int y : List.of(2025, 2026, 2027)) assertNotNull(cal.schedule(y).basis(), "announcement " + y + " cites its letter");
    }
}
