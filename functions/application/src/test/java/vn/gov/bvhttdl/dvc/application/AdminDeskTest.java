package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryPublications;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Procedure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The administrators' desk through in-memory publications: a version or a year is checked against its rules before
 * it is stored, refused with the rule's reason, never stored over another, and in force as soon as it is published.
 */
class AdminDeskTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T03:00:00Z"), ZoneOffset.UTC);
    final InMemoryPublications store = new InMemoryPublications(clock);
    final AdminDesk desk = new AdminDesk(store, store, clock);

    /** The bundled procedure {@code code} as one version's data, as the administrators' form sends it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> bundled(String code) {
        for (Object o : (List<Object>) Json.obj(Json.resource("/catalogue/procedures.json")).get("procedures")) {
            Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) o);
            if (!code.equals(m.get("code"))) continue;
            m.putAll((Map<String, Object>) ((List<Object>) m.remove("versions")).get(0));
            return m;
        }
        throw new IllegalArgumentException(code);
    }

    static Map<String, Object> nextVersion(String code, long version, String from) {
        Map<String, Object> v = bundled(code);
        v.put("version", version);
        v.put("change", "amended");
        v.put("effectiveFrom", from);
        v.put("timeLimit", Map.of("days", 5L, "unit", "WORKING_DAYS"));
        v.put("decision", Map.of("document", "Quyết định thử nghiệm", "confirmed", false));
        return v;
    }

    @Test
    void aVersionIsInForceFromItsDateAndListedWithWhoPublishedIt() {
        Procedure p = desk.publishVersion("admin-1", "BVHTTDL-DL-004", nextVersion("BVHTTDL-DL-004", 2, "2026-03-02"));
        assertEquals(2, p.version());
        AdminDesk.ProcedurePage page = desk.procedure("BVHTTDL-DL-004");
        assertEquals(2, page.procedure().version(), "in force from today");
        assertEquals(5, page.procedure().timeLimit().days());
        assertEquals(LocalDate.of(2026, 3, 2), page.today());
        assertEquals(List.of(new Publications.Publication(Publications.Kind.CATALOGUE, "PROC#BVHTTDL-DL-004#V#0002", "admin-1", clock.instant())),
                desk.publications());
    }

    @Test
    void aVersionIsRefusedWithItsRulesReasonAndNothingIsStored() {
        DomainException mismatch = assertThrows(DomainException.class,
                () -> desk.publishVersion("admin-1", "BVHTTDL-XB-001", nextVersion("BVHTTDL-DL-004", 2, "2030-01-01")));
        assertEquals("code-mismatch", mismatch.problem());
        assertEquals(DomainException.Kind.INVALID, mismatch.kind());

        DomainException gap = assertThrows(DomainException.class,
                () -> desk.publishVersion("admin-1", "BVHTTDL-DL-004", nextVersion("BVHTTDL-DL-004", 3, "2030-01-01")));
        assertEquals("wrong-version-number", gap.problem());
        assertEquals(DomainException.Kind.REFUSED, gap.kind());
        assertEquals("version", gap.errors().get(0).field(), "the form shows it next to the version");
        assertTrue(gap.text().en().contains("must be 2"), gap.text().en());

        desk.publishVersion("admin-1", "BVHTTDL-DL-004", nextVersion("BVHTTDL-DL-004", 2, "2030-01-01"));
        DomainException again = assertThrows(DomainException.class,
                () -> desk.publishVersion("admin-2", "BVHTTDL-DL-004", nextVersion("BVHTTDL-DL-004", 2, "2031-01-01")));
        assertEquals("wrong-version-number", again.problem(), "the same number twice");
        DomainException early = assertThrows(DomainException.class,
                () -> desk.publishVersion("admin-1", "BVHTTDL-DL-004", nextVersion("BVHTTDL-DL-004", 3, "2029-06-01")));
        assertEquals("invalid-procedure-version", early.problem(), "effective before the version it follows");
        assertEquals("effectiveFrom", early.errors().get(0).field());

        assertEquals(1, desk.publications().size(), "only the one accepted is stored");
        assertEquals(30, desk.procedure("BVHTTDL-DL-004").procedure().timeLimit().days(), "version 2 is not in force before 2030");
        assertEquals("procedure-not-found", assertThrows(DomainException.class, () -> desk.procedure("NO-SUCH")).problem());
    }

    @Test
    void aYearIsPublishedRepublishedAndTheLatestApplies() {
        Map<String, Object> first = Map.of("year", 2031L, "basis", Map.of("document", "Thông báo 2031 (thử)", "confirmed", false),
                "holidays", List.of(Map.of("replaces", List.of("victory", "labour"), "days", List.of("2031-04-30", "2031-05-01", "2031-05-02"))),
                "workingWeekendDays", List.of("2031-05-10"));
        AdminDesk.CalendarYear y = desk.publishCalendar("admin-1", 2031, first);
        assertEquals(2031, y.year());
        assertFalse(y.calendar().isWorkingDay(LocalDate.of(2031, 5, 2)));
        assertTrue(y.calendar().isWorkingDay(LocalDate.of(2031, 5, 10)), "a swapped Saturday");
        assertFalse(y.calendar().provisional(2031));

        AdminDesk.CalendarYear again = desk.publishCalendar("admin-2", 2031, Map.of("year", 2031L, "holidays", List.of(), "workingWeekendDays", List.of()));
        assertTrue(again.calendar().isWorkingDay(LocalDate.of(2031, 5, 2)), "the republished year replaces the first");
        assertEquals(List.of("YEAR#2031#V#0001", "YEAR#2031#V#0002"), desk.publications().stream().map(Publications.Publication::key).toList());

        DomainException unknown = assertThrows(DomainException.class, () -> desk.publishCalendar("admin-1", 2031, Map.of("year", 2031L,
                "holidays", List.of(Map.of("replaces", List.of("christmas"), "days", List.of("2031-12-25"))))));
        assertEquals("unknown-holiday", unknown.problem(), "a holiday the law does not name");
        assertEquals("year-mismatch", assertThrows(DomainException.class, () -> desk.publishCalendar("admin-1", 2032, first)).problem());
        assertEquals(2, desk.publications().size());
    }

    @Test
    void aPartlyAnnouncedYearStaysProvisionalForTheHolidaysItLeavesPending() {
        AdminDesk.CalendarYear partly = desk.publishCalendar("admin-1", 2031, Map.of("year", 2031L,
                "holidays", List.of(Map.of("replaces", List.of("tet"), "days", List.of("2031-01-22", "2031-01-23", "2031-01-24", "2031-01-25", "2031-01-26"))),
                "workingWeekendDays", List.of(), "pending", List.of("labour", "culture-day")));
        assertTrue(partly.calendar().provisional(2031), "labour and culture day not announced yet");
        assertEquals(List.of("labour", "culture-day"), partly.calendar().schedule(2031).pending());
        assertEquals("unknown-holiday", assertThrows(DomainException.class, () -> desk.publishCalendar("admin-1", 2031,
                Map.of("year", 2031L, "holidays", List.of(), "pending", List.of("christmas")))).problem());
        AdminDesk.CalendarYear whole = desk.publishCalendar("admin-1", 2031, Map.of("year", 2031L, "holidays", List.of(),
                "workingWeekendDays", List.of(), "pending", List.of()));
        assertFalse(whole.calendar().provisional(2031), "nothing left pending: announced");
    }

    @Test
    void aDraftYearsEffectOnAnAppointmentIsShownWithoutPublishingIt() {
        Map<String, Object> draft = Map.of("year", 2031L, "holidays",
                List.of(Map.of("replaces", List.of("victory", "labour"), "days", List.of("2031-04-30", "2031-05-01", "2031-05-02"))),
                "workingWeekendDays", List.of());
        Instant at = Instant.parse("2031-04-28T03:00:00Z");
        AdminDesk.Preview p = desk.preview(2031, draft, at, 5L, "WORKING_DAYS");
        assertTrue(p.withDraft().dueDate().isAfter(p.now().dueDate()), p.now().dueDate() + " → " + p.withDraft().dueDate());
        assertTrue(desk.publications().isEmpty(), "a preview publishes nothing");

        assertEquals("schedule-required", assertThrows(DomainException.class, () -> desk.preview(2031, null, at, null, null)).problem());
        assertEquals("year-mismatch", assertThrows(DomainException.class, () -> desk.preview(2030, draft, at, null, null)).problem());
        assertEquals("invalid-period", assertThrows(DomainException.class, () -> desk.preview(2031, draft, at, 5L, "FORTNIGHTS")).problem());
        assertEquals("invalid-period", assertThrows(DomainException.class, () -> desk.preview(2031, draft, at, -1L, null)).problem());
    }
}
