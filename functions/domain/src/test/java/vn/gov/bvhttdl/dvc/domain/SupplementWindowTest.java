package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The 8 working hours to ask for a supplement to an online dossier (Resolution 66.7/2025/NQ-CP Art 8(1), in force
 * 1 Jan 2026 – 28 Feb 2027 by Art 10(1)), counted on the office sessions of the calendar: across a lunch break, an
 * evening, a weekend and Vietnam Culture Day (Tue 24 Nov 2026).
 */
class SupplementWindowTest {
    final WorkingCalendar cal = WorkingCalendar.standard();
    final SupplementWindow windows = SupplementWindow.standard();

    Instant vn(String local) { return ZonedDateTime.of(java.time.LocalDateTime.parse(local), cal.zone()).toInstant(); }

    @Test
    void theRuleIsEightWorkingHoursForOnlineDossiersWhileResolution66Point7IsInForce() {
        SupplementWindow.Rule r = windows.rules().getFirst();
        assertEquals(Facts.Channel.ONLINE, r.channel());
        assertEquals(Duration.ofHours(8), r.workingHours());
        assertEquals(LocalDate.of(2026, 1, 1), r.validFrom());
        assertEquals(LocalDate.of(2027, 2, 28), r.validTo());
        assertEquals("Nghị quyết 66.7/2025/NQ-CP ngày 15/11/2025", r.basis().document());
        assertEquals("Điều 8 khoản 1; Điều 10 khoản 1", r.basis().article());
        assertFalse(r.basis().confirmed(), "read in a copy in a public repository, not the gazette");
    }

    @Test
    void theOfficeSessionsAreMorningAndAfternoonWithTheirBasisUnconfirmed() {
        assertEquals(List.of(new WorkingCalendar.Session(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new WorkingCalendar.Session(LocalTime.of(13, 30), LocalTime.of(17, 0))), cal.officeSessions());
        Map<String, Object> raw = Json.obj(Json.resource("/rules/calendar.json"));
        assertEquals(false, Json.obj(raw.get("officeSessionsBasis")).get("confirmed"));
    }

    @Test
    void workingHoursSkipTheLunchBreakTheEveningTheWeekendAndAHoliday() {
        assertFalse(cal.isWorkingDay(LocalDate.of(2026, 11, 24)), "Vietnam Culture Day, a day off from 2026");
        // Wed 25 Nov 11:00: 1 h before lunch, 3.5 h in the afternoon, then 3.5 h on Thursday morning
        assertEquals(vn("2026-11-26T11:30"), cal.plusWorkingHours(vn("2026-11-25T11:00"), Duration.ofHours(8)));
        // Fri 20 Nov 16:00: 1 h on Friday, the weekend skipped, 4 h on Monday morning, 3 h after lunch
        assertEquals(vn("2026-11-23T16:30"), cal.plusWorkingHours(vn("2026-11-20T16:00"), Duration.ofHours(8)));
        // Mon 23 Nov 16:00: 1 h, Tue 24 Nov (Culture Day) skipped, 7 h on Wednesday
        assertEquals(vn("2026-11-25T16:30"), cal.plusWorkingHours(vn("2026-11-23T16:00"), Duration.ofHours(8)));
        // Fri 20 Nov 19:00 (evening): nothing until Mon 08:00; 7.5 h on Monday, Tuesday off, 0.5 h on Wednesday
        assertEquals(vn("2026-11-25T08:30"), cal.plusWorkingHours(vn("2026-11-20T19:00"), Duration.ofHours(8)));
        // received during the lunch break: counted from 13:30; a window that ends with a session ends at its close
        assertEquals(vn("2026-11-26T08:30"), cal.plusWorkingHours(vn("2026-11-25T12:30"), Duration.ofHours(4)));
        assertEquals(vn("2026-11-25T17:00"), cal.plusWorkingHours(vn("2026-11-25T13:30"), Duration.ofMinutes(210)));
    }

    @Test
    void onlyOnlineDossiersReceivedWhileTheResolutionIsInForceHaveTheWindow() {
        assertEquals(vn("2026-11-23T16:30"), windows.deadline(Facts.Channel.ONLINE, vn("2026-11-20T16:00"), cal).orElseThrow());
        assertTrue(windows.deadline(Facts.Channel.DIRECT, vn("2026-11-20T16:00"), cal).isEmpty(), "Art 8(2), in person, is not modelled");
        assertTrue(windows.deadline(Facts.Channel.ONLINE, vn("2025-12-31T10:00"), cal).isEmpty(), "before 1 Jan 2026");
        assertTrue(windows.deadline(Facts.Channel.ONLINE, vn("2027-02-26T10:00"), cal).isPresent(), "the last working day in force");
        assertTrue(windows.deadline(Facts.Channel.ONLINE, vn("2027-03-01T10:00"), cal).isEmpty(), "after 28 Feb 2027");
    }

    @Test
    void aReceivedOnlineDossierHasItsWindowUntilTheDeskDecides() {
        Procedure p = ProcedureCatalogue.load().find("BVHTTDL-DL-002").orElseThrow();
        Instant at = vn("2026-11-20T16:00");
        Dossier.Change c = Dossier.draft("d-w", p, "owner", new Applicant("A", "001099000111", null, null, "0912000111", null), Map.of(), at);
        Dossier s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner"), at).dossier();
        assertTrue(windows.of(s, at, cal).isEmpty(), "not yet received");
        Dossier r = s.handle(new Command.Receive("000.00.12.G17-261120-0001", LocalDate.of(2026, 11, 30), "reception", "MOTCUA",
                LocalDate.of(2026, 11, 23)), Actor.system("v"), at).dossier();
        SupplementWindow.Window open = windows.of(r, vn("2026-11-23T16:00"), cal).orElseThrow();
        assertEquals(vn("2026-11-23T16:30"), open.deadline());
        assertFalse(open.passed());
        assertTrue(windows.of(r, vn("2026-11-23T16:31"), cal).orElseThrow().passed());
        Dossier asked = r.handle(new Command.RequestSupplement(List.of("1. Bản sao giấy phép")), Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP),
                vn("2026-11-23T10:00")).dossier();
        assertTrue(windows.of(asked, vn("2026-11-24T10:00"), cal).isEmpty(), "the desk decided: it asked");
    }
}
