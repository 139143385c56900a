package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The e-form definition of the catalogue, checked on the server as the browser builds it. */
class FormFieldTest {
    final ProcedureCatalogue cat = ProcedureCatalogue.load();
    final Procedure licence = cat.find("BVHTTDL-DL-001").orElseThrow();
    final Procedure star = cat.find("BVHTTDL-DL-004").orElseThrow();

    static List<String> fields(List<Text> problems) {
        return problems.stream().map(Text::field).toList();
    }

    @Test
    void requiredFieldsCountAtSubmissionAndValuesAlways() {
        assertEquals(List.of(), licence.formProblems(Map.of(), false), "a draft may be partial");
        assertEquals(List.of("form.companyName", "form.scope"), fields(licence.formProblems(Map.of(), true)));
        assertEquals(List.of(), licence.formProblems(Map.of("companyName", "Công ty A", "scope", "inbound,outbound"), true));
        assertEquals(List.of("form.scope"), fields(licence.formProblems(Map.of("companyName", "A", "scope", "inbound,moon"), false)));
        assertEquals(List.of("form.nope"), fields(licence.formProblems(Map.of("nope", "x"), false)), "an unknown field is refused");
        assertEquals(List.of("form.starLevel", "form.rooms"), fields(star.formProblems(Map.of("starLevel", "3", "rooms", "nhiều"), false)));
        assertTrue(star.formProblems(Map.of("starLevel", "3"), false).get(0).vi().contains("Hạng đề nghị công nhận"));
    }

    @Test
    void aPatternIsCheckedAndSaidInWords() {
        Procedure replacement = cat.find("BVHTTDL-DL-002").orElseThrow();
        Text wrong = replacement.formProblems(Map.of("licenceNumber", "<script>"), false).get(0);
        assertEquals("form.licenceNumber", wrong.field());
        assertTrue(wrong.vi().contains("chỉ gồm chữ, số"), wrong.vi());
        assertEquals(List.of(), replacement.formProblems(Map.of("licenceNumber", "01-123/2019/TCDL-GP LHQT"), false));
    }

    @Test
    void aProcedureWithoutAFormTakesFreeTextAndTheChecklistListsTheFormToo() {
        // the version before its e-form (a dossier created then keeps it)
        Procedure reissue = cat.version("BVHTTDL-DL-003", 1).orElseThrow();
        assertEquals(List.of(), reissue.formProblems(Map.of("note", "Mất giấy phép"), true));
        Procedure now = cat.inForce("BVHTTDL-DL-003", java.time.LocalDate.of(2026, 12, 1)).orElseThrow();
        assertEquals(List.of("form.lyDo"), fields(now.formProblems(Map.of("lyDo", "Mất giấy phép"), false)),
                "its e-form takes only its own fields");
        Dossier d = Dossier.draft("d1", licence, "u1", new Applicant("A", "001099012345", null, null, "0912345678", null), Map.of(), Instant.now()).dossier();
        var items = Completeness.check(licence, d, List.of(), Instant.now()).items();
        assertTrue(items.stream().anyMatch(i -> i.reason() != null && "form.companyName".equals(i.reason().field())));
    }

    @Test
    void theActionsOfADossierComeFromTheWorkflowAndItsEditability() {
        Applicant a = new Applicant("A", "001099012345", null, null, "0912345678", null);
        Dossier draft = Dossier.draft("d1", licence, "u1", a, Map.of(), Instant.now()).dossier();
        assertEquals(List.of("edit", "attach", "remove-attachment", "submit", "withdraw"), draft.allowedActions(Role.CITIZEN));
        Dossier submitted = draft.handle(new Command.Submit("{}", 0), Actor.citizen("u1"), Instant.now()).dossier();
        assertEquals(List.of("withdraw"), submitted.allowedActions(Role.CITIZEN));
        Dossier received = submitted.handle(new Command.Receive("000.00.12.G17-261201-0001", null, "reception", "MOTCUA", null), Actor.system("v"), Instant.now()).dossier();
        assertEquals(List.of("withdraw", "download-receipt"), received.allowedActions(Role.CITIZEN));
        assertTrue(received.allowedActions(Role.OFFICIAL).containsAll(List.of("request-supplement", "start-processing", "refuse")));
        assertFalse(received.allowedActions(Role.OFFICIAL).contains("download-receipt"));
    }

    @Test
    void aBrokenDefinitionIsRefusedWithTheFieldItIsAbout() {
        Map<String, Object> m = new java.util.LinkedHashMap<>(ProcedureCatalogueTest.raw("BVHTTDL-DL-003"));
        m.put("formFields", List.of(Map.of("name", "a", "type", "select", "label", Map.of("vi", "A"))));
        assertThrows(DomainException.class, () -> Procedure.of(m), "a select needs options");
        m.put("formFields", List.of(Map.of("name", "a", "type", "colour", "label", Map.of("vi", "A"))));
        assertThrows(DomainException.class, () -> Procedure.of(m));
        m.remove("formFields");
        m.put("timeLimit", Map.of("days", 9L, "unit", "WORKING_DAYS"));
        DomainException e = assertThrows(DomainException.class, () -> Procedure.of(m));
        assertEquals("steps", e.errors().get(0).field());
    }
}
