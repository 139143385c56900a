package vn.gov.bvhttdl.dvc.adapters;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.AdminDesk;
import vn.gov.bvhttdl.dvc.application.Publications;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Administrators' publications against dynoxide: procedure versions and yearly calendars, without a deploy. */
class RulesStoreIT {
    static RulesStore rules;
    /** Publications are checked by the application's desk and stored by the store. */
    static AdminDesk desk;

    @BeforeAll
    static void stack() {
        TestStack.get();
        rules = new RulesStore(AwsClients.dynamo(), System.getProperty("TABLE_NAME"), Clock.systemUTC(), Duration.ofMinutes(10));
        desk = new AdminDesk(rules, rules, Clock.systemUTC());
    }

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

    @Test
    void aPublishedVersionTakesEffectOnItsDateAndTheOldOneStaysInTheHistory() {
        // after version 2, its e-form (in force from 1 Dec 2026)
        Map<String, Object> v2 = bundled("BVHTTDL-MT-001");
        v2.put("version", 3L);
        v2.put("change", "amended");
        v2.put("effectiveFrom", "2030-01-01");
        v2.put("timeLimit", Map.of("days", 5L, "unit", "WORKING_DAYS"));
        v2.put("decision", Map.of("document", "Quyết định thử nghiệm", "confirmed", false));
        desk.publishVersion("admin-1", (String) v2.get("code"), v2);

        ProcedureCatalogue cat = rules.catalogue();
        assertEquals(7, cat.inForce("BVHTTDL-MT-001", LocalDate.of(2029, 12, 31)).orElseThrow().timeLimit().days());
        assertEquals(5, cat.inForce("BVHTTDL-MT-001", LocalDate.of(2030, 1, 1)).orElseThrow().timeLimit().days());
        assertEquals(3, cat.history("BVHTTDL-MT-001").size());
        assertTrue(rules.list(Publications.Kind.CATALOGUE).stream()
                .anyMatch(p -> p.key().equals("PROC#BVHTTDL-MT-001#V#0003") && p.publishedBy().equals("admin-1")));

        // the same number again, or a gap, is refused; nothing is overwritten
        DomainException again = assertThrows(DomainException.class, () -> desk.publishVersion("admin-2", (String) v2.get("code"), v2));
        assertEquals("wrong-version-number", again.problem());
        Map<String, Object> early = new LinkedHashMap<>(v2);
        early.put("version", 4L);
        early.put("effectiveFrom", "2029-06-01");
        assertEquals("invalid-procedure-version",
                assertThrows(DomainException.class, () -> desk.publishVersion("admin-1", (String) early.get("code"), early)).problem());
    }

    /**
     * Two containers of two functions (the administrators' publishes, the public one serves): the public one's cache,
     * kept ten minutes, serves the publication as soon as its next revision check, not ten minutes later.
     */
    @Test
    void aPublicationByOneFunctionReachesAnotherWithinTheRevisionCheck() throws Exception {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now = new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.now());
        Clock ticking = new Clock() {
            @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public java.time.Instant instant() { return now.get(); }
        };
        RulesStore admin = new RulesStore(AwsClients.dynamo(), System.getProperty("TABLE_NAME"), Clock.systemUTC(), Duration.ofMinutes(10));
        RulesStore serving = new RulesStore(AwsClients.dynamo(), System.getProperty("TABLE_NAME"), ticking, Duration.ofMinutes(10));
        assertEquals(2, serving.catalogue().history("BVHTTDL-XB-001").size(), "loaded before the publication");
        Map<String, Object> v2 = bundled("BVHTTDL-XB-001");
        v2.put("version", 3L); // after version 2, its e-form
        v2.put("change", "amended");
        v2.put("effectiveFrom", "2031-01-01");
        v2.put("decision", Map.of("document", "Quyết định thử nghiệm", "confirmed", false));
        new AdminDesk(admin, admin, Clock.systemUTC()).publishVersion("admin-1", "BVHTTDL-XB-001", v2);
        assertEquals(2, serving.catalogue().history("BVHTTDL-XB-001").size(), "within the same second the cache stands");
        now.set(now.get().plus(RulesStore.REVISION_CHECK));
        assertEquals(3, serving.catalogue().history("BVHTTDL-XB-001").size(), "the next check sees the new revision and reloads");
    }

    @Test
    void aYearsCalendarCanBePublishedAndRepublishedAndTheLatestApplies() {
        Map<String, Object> first = Map.of("year", 2031L, "basis", Map.of("document", "Thông báo 2031 (thử)", "confirmed", false),
                "holidays", List.of(Map.of("replaces", List.of("victory", "labour"),
                        "days", List.of("2031-04-30", "2031-05-01", "2031-05-02"))),
                "workingWeekendDays", List.of("2031-05-10"));
        desk.publishCalendar("admin-1", 2031, first);
        assertFalse(rules.calendar().isWorkingDay(LocalDate.of(2031, 5, 2)));
        assertTrue(rules.calendar().isWorkingDay(LocalDate.of(2031, 5, 10)));

        Map<String, Object> second = Map.of("year", 2031L, "basis", Map.of("document", "Thông báo 2031 sửa đổi (thử)"),
                "holidays", List.of(), "workingWeekendDays", List.of("2031-05-17"));
        desk.publishCalendar("admin-2", 2031, second);
        assertTrue(rules.calendar().isWorkingDay(LocalDate.of(2031, 5, 2)), "the republished year replaces the first");
        assertFalse(rules.calendar().isWorkingDay(LocalDate.of(2031, 5, 10)));
        assertEquals(2, rules.list(Publications.Kind.CALENDAR).stream().filter(p -> p.key().startsWith("YEAR#2031#")).count());

        assertThrows(DomainException.class, () -> desk.publishCalendar("admin-1", 2031, Map.of("year", 2031L, "basis", Map.of("document", "Thông báo"),
                "holidays", List.of(Map.of("replaces", List.of("christmas"), "days", List.of("2031-12-25"))))));
    }
}
