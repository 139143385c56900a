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

        AdminDesk.CalendarYear again = desk.publishCalendar("admin-2", 2031, Map.of("year", 2031L, "basis", Map.of("document", "Thông báo 2031 sửa đổi (thử)"),
                "holidays", List.of(), "workingWeekendDays", List.of("2031-05-17")));
        assertTrue(again.calendar().isWorkingDay(LocalDate.of(2031, 5, 2)), "the republished year replaces the first");
        assertEquals(List.of("YEAR#2031#V#0001", "YEAR#2031#V#0002"), desk.publications().stream().map(Publications.Publication::key).toList());

        DomainException unknown = assertThrows(DomainException.class, () -> desk.publishCalendar("admin-1", 2031, Map.of("year", 2031L,
                "basis", Map.of("document", "Thông báo"), "holidays", List.of(Map.of("replaces", List.of("christmas"), "days", List.of("2031-12-25"))))));
        assertEquals("unknown-holiday", unknown.problem(), "a holiday the law does not name");
        assertEquals("year-mismatch", assertThrows(DomainException.class, () -> desk.publishCalendar("admin-1", 2032, first)).problem());
        assertEquals(2, desk.publications().size());
    }

    @Test
    void aPartlyAnnouncedYearStaysProvisionalForTheHolidaysItLeavesPending() {
        AdminDesk.CalendarYear partly = desk.publishCalendar("admin-1", 2031, Map.of("year", 2031L, "basis", Map.of("document", "Thông báo Tết 2031"),
                "holidays", List.of(Map.of("replaces", List.of("tet"), "days", List.of("2031-01-22", "2031-01-23", "2031-01-24", "2031-01-25", "2031-01-26"))),
                "workingWeekendDays", List.of(), "pending", List.of("labour", "culture-day")));
        assertTrue(partly.calendar().provisional(2031), "labour and culture day not announced yet");
        assertEquals(List.of("labour", "culture-day"), partly.calendar().schedule(2031).pending());
        assertEquals("unknown-holiday", assertThrows(DomainException.class, () -> desk.publishCalendar("admin-1", 2031,
                Map.of("year", 2031L, "basis", Map.of("document", "Thông báo"), "holidays", List.of(), "workingWeekendDays", List.of("2031-05-17"),
                        "pending", List.of("christmas")))).problem());
        AdminDesk.CalendarYear whole = desk.publishCalendar("admin-1", 2031, Map.of("year", 2031L, "basis", Map.of("document", "Thông báo cả năm 2031"),
                "holidays", List.of(Map.of("replaces", List.of("tet"), "days", List.of("2031-01-22", "2031-01-23", "2031-01-24", "2031-01-25", "2031-01-26"))),
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

    // ---- issue 24: nothing is published without a basis, an empty or unchanged form is refused, the preview says what moves

    @Test
    void anEmptyYearIsRefusedAndTheYearStaysProvisional() {
        Map<String, Object> empty = new LinkedHashMap<>(Map.of("year", 2027L, "holidays", List.of(), "workingWeekendDays", List.of(), "pending", List.of()));
        DomainException noBasis = assertThrows(DomainException.class, () -> desk.publishCalendar("admin-1", 2027, empty));
        assertEquals("basis-required", noBasis.problem(), "the empty form of the page: no basis first");
        assertEquals("basis.document", noBasis.errors().get(0).field());
        assertFalse(noBasis.text().vi().isBlank());
        assertFalse(noBasis.text().en().isBlank());
        empty.put("basis", Map.of("document", "Thông báo 1234/TB-LĐTBXH"));
        DomainException nothing = assertThrows(DomainException.class, () -> desk.publishCalendar("admin-1", 2027, empty));
        assertEquals("calendar-empty", nothing.problem());
        assertEquals(DomainException.Kind.INVALID, nothing.kind());
        assertTrue(nothing.text().vi().contains("dự kiến"), nothing.text().vi());
        assertEquals("calendar-empty", assertThrows(DomainException.class, () -> desk.calendarChanges(2027, empty)).problem(), "the preview refuses it too");
        assertTrue(desk.publications().isEmpty(), "nothing stored");
        assertTrue(store.calendar().provisional(2027), "the year keeps its provisional due dates");
    }

    @Test
    void anUnchangedYearOrVersionIsRefused() {
        Map<String, Object> year = Map.of("year", 2031L, "basis", Map.of("document", "Thông báo 2031"),
                "holidays", List.of(Map.of("replaces", List.of("victory", "labour"), "days", List.of("2031-04-30", "2031-05-01", "2031-05-02"))),
                "workingWeekendDays", List.of("2031-05-10"));
        desk.publishCalendar("admin-1", 2031, year);
        DomainException same = assertThrows(DomainException.class, () -> desk.publishCalendar("admin-2", 2031, year));
        assertEquals("calendar-unchanged", same.problem());
        assertEquals(DomainException.Kind.REFUSED, same.kind());
        assertEquals(1, desk.publications().size());

        Map<String, Object> v = bundled("BVHTTDL-DL-004");
        v.put("version", 2L);
        v.put("effectiveFrom", "2030-01-01");
        v.put("decision", Map.of("document", "Quyết định thử nghiệm"));
        DomainException unchanged = assertThrows(DomainException.class, () -> desk.publishVersion("admin-1", "BVHTTDL-DL-004", v));
        assertEquals("version-unchanged", unchanged.problem(), "the version in force republished as it is");
        assertEquals("version-unchanged", assertThrows(DomainException.class, () -> desk.versionChanges("BVHTTDL-DL-004", v)).problem());
        assertEquals(1, desk.publications().size());
    }

    @Test
    void aVersionNeedsItsDecisionAndThePreviewListsWhatChanges() {
        Map<String, Object> v = nextVersion("BVHTTDL-DL-004", 2, "2030-01-01");
        v.remove("decision");
        DomainException noBasis = assertThrows(DomainException.class, () -> desk.publishVersion("admin-1", "BVHTTDL-DL-004", v));
        assertEquals("basis-required", noBasis.problem());
        assertEquals("decision.document", noBasis.errors().get(0).field());
        v.put("decision", Map.of("document", "  "));
        assertEquals("basis-required", assertThrows(DomainException.class, () -> desk.publishVersion("admin-1", "BVHTTDL-DL-004", v)).problem());

        Map<String, Object> fees = nextVersion("BVHTTDL-DL-004", 2, "2030-01-01");
        fees.put("fees", List.of(Map.of("name", Map.of("vi", "Phí thẩm định", "en", "Appraisal fee"), "amountVnd", 4_000_000L)));
        AdminDesk.VersionChanges c = desk.versionChanges("BVHTTDL-DL-004", fees);
        assertFalse(c.newProcedure());
        assertEquals(2, c.version());
        List<String> what = c.differences().stream().map(AdminDesk.Difference::what).toList();
        assertTrue(what.contains("timeLimit"), what.toString());
        assertTrue(what.contains("fees"), what.toString());
        AdminDesk.Difference fee = c.differences().stream().filter(d -> d.what().equals("fees")).findFirst().orElseThrow();
        assertTrue(fee.after().contains("4.000.000 ₫"), fee.after());
        assertFalse(fee.before().contains("4.000.000 ₫"), fee.before());
        assertTrue(desk.publications().isEmpty(), "a preview publishes nothing");
    }

    @Test
    void aNewProcedureIsVersionOne() {
        Map<String, Object> p = nextVersion("BVHTTDL-DL-004", 1, "2027-01-01");
        p.put("code", "BVHTTDL-DL-099");
        p.put("change", "issued");
        AdminDesk.VersionChanges c = desk.versionChanges("BVHTTDL-DL-099", p);
        assertTrue(c.newProcedure());
        assertTrue(c.differences().isEmpty());
        desk.publishVersion("admin-1", "BVHTTDL-DL-099", p);
        assertEquals(List.of("PROC#BVHTTDL-DL-099#V#0001"), desk.publications().stream().map(Publications.Publication::key).toList());
    }

    @Test
    void thePreviewListsTheOpenDossiersWhoseDueDateMoves() {
        var dossiers = new vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers();
        var queues = new vn.gov.bvhttdl.dvc.application.fakes.InMemoryWorkQueues(dossiers);
        AdminDesk withQueues = new AdminDesk(store, store, clock, new vn.gov.bvhttdl.dvc.application.fakes.FakeNationalCatalogue(), queues, dossiers);
        // a procedure counted in working days (days off move it)
        Procedure p = store.catalogue().all().stream().filter(x -> x.timeLimit().unit() == vn.gov.bvhttdl.dvc.domain.Period.Unit.WORKING_DAYS)
                .findFirst().orElseThrow();
        // received on Monday 26 April 2027; the draft adds 3–7 May as days off
        Instant received = Instant.parse("2027-04-26T02:00:00Z");
        LocalDate due = store.calendar().appointment(received, p.timeLimit(), List.of()).dueDate();
        vn.gov.bvhttdl.dvc.domain.Dossier open = new vn.gov.bvhttdl.dvc.domain.Dossier("d-1", "000.00.12.G17-270426-0001", p.code(), p.version(),
                p.agencyCode(), p.receivingUnitCode(), "owner", null, Map.of(), vn.gov.bvhttdl.dvc.domain.DossierStatus.IN_PROCESSING, null,
                received, received, received, received, due, null, null, 0);
        // stored with a creation entry of its own (its trail has no pause)
        dossiers.create(new vn.gov.bvhttdl.dvc.domain.Dossier.Change(open,
                vn.gov.bvhttdl.dvc.domain.Dossier.draft("d-1", p, "owner", null, Map.of(), received).event()));
        Map<String, Object> draft = Map.of("year", 2027L, "basis", Map.of("document", "Thông báo 2027 (thử)"),
                "holidays", List.of(Map.of("replaces", List.of("victory", "labour"), "days", List.of("2027-04-30", "2027-05-01", "2027-05-02", "2027-05-03", "2027-05-04", "2027-05-05", "2027-05-06", "2027-05-07"))),
                "workingWeekendDays", List.of("2027-05-15"));
        AdminDesk.CalendarChanges c = withQueues.calendarChanges(2027, draft);
        assertEquals(1, c.moved().size(), p.timeLimit() + " due " + due + " " + c);
        AdminDesk.MovedDue m = c.moved().get(0);
        assertEquals("000.00.12.G17-270426-0001", m.code());
        assertEquals(due, m.recorded());
        assertTrue(m.withDraft().isAfter(due), due + " → " + m.withDraft());
        assertTrue(c.daysOffAdded().contains(LocalDate.of(2027, 5, 4)), c.daysOffAdded().toString());
        assertEquals(List.of(LocalDate.of(2027, 5, 15)), c.workingAdded());
        assertTrue(withQueues.publications().isEmpty(), "a preview publishes nothing");
    }
}
