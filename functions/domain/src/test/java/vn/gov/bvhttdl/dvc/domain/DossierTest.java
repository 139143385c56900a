package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class DossierTest {
    private final Procedure licence = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
    private final Applicant complete = new Applicant("Nguyễn Văn An", "001099012345", null, "Hà Nội", null, "an@example.vn");
    private final Instant t0 = Instant.parse("2026-01-15T02:00:00Z");

    @Test
    void draftThenSubmitThenReceiveRecordsEachStepAndBumpsVersion() {
        Dossier.Change created = Dossier.draft("d1", licence, "u1", complete, Map.of("note", "x"), t0);
        assertEquals(DossierStatus.DRAFT, created.dossier().status());
        assertEquals("000.00.12.G17", created.dossier().unitCode());
        assertNull(created.event().from());

        Dossier.Change submitted = created.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("u1"), t0.plusSeconds(60));
        assertEquals(DossierStatus.SUBMITTED, submitted.dossier().status());
        assertEquals(2, submitted.dossier().version());
        assertEquals(t0.plusSeconds(60), submitted.dossier().submittedAt());
        assertEquals(DossierStatus.DRAFT, submitted.event().from());
        assertEquals(DossierStatus.SUBMITTED, submitted.event().to());

        Dossier.Change received = submitted.dossier().handle(new Command.Receive("000.00.12.G17-260115-0001",
                java.time.LocalDate.of(2026, 1, 29), "reception", "MOTCUA", null), Actor.system("validation"), t0.plusSeconds(90));
        assertEquals(DossierStatus.RECEIVED, received.dossier().status());
        assertEquals("000.00.12.G17-260115-0001", received.dossier().code());
        assertEquals(t0.plusSeconds(90), received.dossier().receivedAt());
        assertEquals("000.00.12.G17-260115-0001", received.event().details().get("code"));
        assertEquals(java.time.LocalDate.of(2026, 1, 29), received.dossier().dueDate());
        assertEquals("2026-01-29", received.event().details().get("dueDate"));
        assertEquals(licence.version(), received.dossier().procedureVersion(), "the dossier keeps its procedure version");
        assertEquals(Role.SYSTEM, received.event().role());
    }

    @Test
    void citizenCannotReceiveAndDraftCannotBeReceived() {
        Dossier draft = Dossier.draft("d1", licence, "u1", complete, Map.of(), t0).dossier();
        DomainException e = assertThrows(DomainException.class,
                () -> draft.handle(new Command.Receive("000.00.12.G17-260115-0001", null, "reception", "MOTCUA", null), Actor.system("u1"), t0));
        assertEquals(DomainException.Kind.REFUSED, e.kind());
        assertTrue(e.text().vi().contains("Đang soạn"), e.text().vi());
        Dossier submitted = draft.handle(new Command.Submit("{}", 0), Actor.citizen("u1"), t0).dossier();
        assertThrows(DomainException.class, () -> submitted.handle(new Command.Receive("000.00.12.G17-260115-0001", null, "reception", "MOTCUA", null), Actor.citizen("u1"), t0));
        assertThrows(DomainException.class, () -> submitted.handle(new Command.Submit("{}", 0), Actor.citizen("u1"), t0));
    }

    @Test
    void missingListsEverythingAtOnce() {
        Dossier empty = Dossier.draft("d1", licence, "u1", new Applicant(" ", null, null, null, null, null), Map.of(), t0).dossier();
        assertEquals(3, empty.missing(licence).size());
        // a malformed ID number is refused when typed, with every other format problem at once
        DomainException badId = assertThrows(DomainException.class, () -> Dossier.draft("d2", licence, "u1",
                new Applicant("A", "12345", "99", null, "12", "not-an-email"), Map.of(), t0));
        assertEquals("invalid-input", badId.problem());
        assertEquals(4, badId.errors().size(), badId.errors().toString());
        assertTrue(badId.errors().get(0).en().contains("12 digits"));
        Dossier enterprise = Dossier.draft("d3", licence, "u1",
                new Applicant("Công ty A", null, "0101234567", null, "0900000000", null), Map.of(), t0).dossier();
        assertTrue(enterprise.missing(licence).isEmpty());
        assertTrue(Dossier.draft("d4", licence, "u1", complete, Map.of(), t0).dossier().missing(licence).isEmpty());
    }

    @Test
    void formLimitsGiveClearErrors() {
        DomainException badName = assertThrows(DomainException.class,
                () -> Dossier.draft("d1", licence, "u1", complete, Map.of("../etc", "x"), t0));
        assertEquals("invalid-input", badName.problem());
        assertTrue(badName.text().en().contains("../etc"), badName.text().en());
        DomainException tooBig = assertThrows(DomainException.class, () -> Dossier.draft("d1", licence, "u1", complete,
                java.util.stream.IntStream.range(0, 20).boxed().collect(java.util.stream.Collectors.toMap(i -> "f" + i, i -> "ệ".repeat(3000))), t0));
        assertTrue(tooBig.errors().stream().anyMatch(t -> t.en().contains("at most 64 KB")), tooBig.errors().toString());
        DomainException tooLong = assertThrows(DomainException.class,
                () -> Dossier.draft("d1", licence, "u1", complete, Map.of("note", "x".repeat(4001)), t0));
        assertEquals(DomainException.Kind.INVALID, tooLong.kind());
    }

    @Test
    void editAllowedOnlyWhileDraftOrAwaitingSupplement() {
        Dossier draft = Dossier.draft("d1", licence, "u1", complete, Map.of(), t0).dossier();
        Dossier.Change edited = draft.editDraft(licence, complete, Map.of("note", "y"), t0.plusSeconds(5));
        assertEquals("y", edited.dossier().form().get("note"));
        assertEquals(2, edited.dossier().version());
        Dossier submitted = draft.handle(new Command.Submit("{}", 0), Actor.citizen("u1"), t0).dossier();
        assertThrows(DomainException.class, () -> submitted.editDraft(licence, complete, Map.of(), t0));
    }

    @Test
    void dossierCodeKeepsTheStructureOfCircular01Of2018UnderCircular03Of2025() {
        DossierCode rule = DossierCode.standard();
        // 2026-01-14T18:30Z is already the 15th in Vietnam (UTC+7): the code takes the Vietnamese day.
        LocalDate day = rule.day(Instant.parse("2026-01-14T18:30:00Z"));
        assertEquals(LocalDate.of(2026, 1, 15), day);
        assertEquals("000.00.12.G17-260115-0042", rule.format("000.00.12.G17", day, 42));
        assertTrue(rule.isWellFormed("000.00.12.G17-260115-0042"));
        assertFalse(rule.isWellFormed("000.00.12.G17-260115-42"));
        assertFalse(rule.isWellFormed("../../x-260115-0042"));
        assertThrows(DomainException.class, () -> rule.format("000.00.12.G17", day, 10_000));
        assertEquals("Thông tư 03/2025/TT-VPCP", rule.basis().document());
        assertFalse(rule.basis().confirmed(), "the article on the code's structure was not read: it says so");
    }

    @Test
    void workflowDataLabelsEveryStatusAndCitesItsSources() {
        Workflow w = Workflow.standard();
        for (DossierStatus s : DossierStatus.values()) assertNotNull(w.label(s).vi());
        Workflow.Transition receive = w.find(DossierStatus.SUBMITTED, "receive", Role.SYSTEM).orElseThrow();
        assertEquals("01", receive.form(), "reception issues form 01 of Circular 03/2025");
        assertTrue(receive.basis().document().contains("03/2025/TT-VPCP"));
        assertTrue(w.find(DossierStatus.CLOSED, "withdraw", Role.CITIZEN).isEmpty());
    }
}
