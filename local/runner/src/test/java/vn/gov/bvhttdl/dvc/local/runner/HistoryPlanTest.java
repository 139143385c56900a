package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.Facts;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The generator's plan: seeded and reproducible, covering every kind, in the past working days. */
class HistoryPlanTest {
    final LocalDate today = LocalDate.of(2026, 12, 6);

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
        assertEquals(HistoryPlan.of(60, 7, today), HistoryPlan.of(60, 7, today));
        assertNotEquals(HistoryPlan.of(60, 7, today).items(), HistoryPlan.of(60, 8, today).items());
        assertEquals(HistoryPlan.of(60, 7, today).items().subList(0, 20), HistoryPlan.of(20, 7, today).items(),
                "a longer plan begins with the shorter one");
    }

    @Test
    void coversEveryOutcomeChannelRatingAndSupplementCountFromTenDossiersOn() {
        HistoryPlan p = HistoryPlan.of(HistoryPlan.FIXED.size(), 1, today);
        assertEquals(EnumSet.allOf(HistoryPlan.Outcome.class), p.items().stream().map(HistoryPlan.Item::outcome)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(HistoryPlan.Outcome.class))));
        assertEquals(EnumSet.allOf(Facts.Origin.class), p.items().stream().map(HistoryPlan.Item::origin)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Facts.Origin.class))));
        assertEquals(Set.of(0, 1, 2), p.items().stream().map(HistoryPlan.Item::supplements).collect(Collectors.toSet()));
        assertTrue(p.items().stream().map(HistoryPlan.Item::rating).collect(Collectors.toSet()).containsAll(HistoryPlan.RATINGS));
        assertTrue(p.items().stream().anyMatch(HistoryPlan.Item::paysOnline));
        assertTrue(p.items().stream().map(i -> ProcedureCatalogue.load().find(i.procedure()).orElseThrow().agencyCode()).distinct().count() >= 4,
                "several agencies");
    }

    @Test
    void everyDossierStartsOnAPastWorkingDayWithinSixMonthsInAProcedureInForceThen() {
        WorkingCalendar cal = WorkingCalendar.standard();
        ProcedureCatalogue catalogue = ProcedureCatalogue.load();
        for (HistoryPlan.Item i : HistoryPlan.of(300, 42, today).items()) {
            assertTrue(cal.isWorkingDay(i.day()), i.toString());
            assertTrue(i.day().isBefore(today.minusDays(20)) && !i.day().isBefore(today.minusDays(HistoryPlan.OLDEST_DAYS + 7)), i.toString());
            if (i.outcome() != HistoryPlan.Outcome.OPEN_OVERDUE) {
                assertTrue(i.day().isBefore(today.minusDays(HistoryPlan.CLOSED_NEWEST_DAYS - 1)), "its moves all in the past: " + i);
            } else {
                assertTrue(HistoryPlan.SHORT.contains(i.procedure()), "left open in a short procedure, so overdue: " + i);
            }
            assertTrue(catalogue.inForce(i.procedure(), i.day()).isPresent(), i.toString());
            assertTrue(i.time().getHour() >= 8 && i.time().getHour() < 11, "office hours: " + i);
            if (i.outcome() == HistoryPlan.Outcome.LATE) assertTrue(i.lateDays() >= 1, i.toString());
            if (i.outcome() == HistoryPlan.Outcome.WITHDRAWN || i.outcome() == HistoryPlan.Outcome.OPEN_OVERDUE) {
                assertNull(i.rating(), "only a dossier that ends is surveyed here: " + i);
            }
        }
    }

    @Test
    void refusesAnEmptyOrHugePlan() {
        assertThrows(IllegalArgumentException.class, () -> HistoryPlan.of(0, 1, today));
        assertThrows(IllegalArgumentException.class, () -> HistoryPlan.of(2001, 1, today));
        assertEquals(List.of(), HistoryPlan.of(1, 1, today).items().stream().filter(i -> i.index() != 0).toList());
    }

    @Test
    void aPastYearsPlanStartsEveryDossierOnAWorkingDayOfThatYearEarlyEnoughToEndInItAndEndsEach() {
        WorkingCalendar cal = WorkingCalendar.standard();
        HistoryPlan p = HistoryPlan.of(60, 26, today, 2020);
        assertEquals(p, HistoryPlan.of(60, 26, today, 2020));
        for (HistoryPlan.Item i : p.items()) {
            assertEquals(2020, i.day().getYear(), i.toString());
            assertTrue(i.day().getDayOfYear() <= HistoryPlan.YEAR_LAST_DAY + 10, i.toString());
            assertTrue(cal.isWorkingDay(i.day()), i.toString());
            assertNotEquals(HistoryPlan.Outcome.OPEN_OVERDUE, i.outcome(), "every dossier of a past year ends");
        }
        assertTrue(p.items().stream().anyMatch(i -> i.outcome() == HistoryPlan.Outcome.WITHDRAWN));
        assertThrows(IllegalArgumentException.class, () -> HistoryPlan.of(10, 1, today, today.getYear()));
    }
}
