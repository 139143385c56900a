package vn.gov.bvhttdl.dvc.api;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.ControlSlip;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.FormField;
import vn.gov.bvhttdl.dvc.domain.Organisation;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Process;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 24: the dossier's read model, as the officials' and the applicant's pages print it, carries a person's words
 * for every code: each e-form value under its field's label and in words (a choice by its option's label), each file
 * under its document's name, each step, slip line and history entry by its unit's (and post's) name. For every
 * version of every procedure in the catalogue, with sample values; a code anywhere a page prints text fails it.
 */
class ReadModelLabelsTest {
    static final Instant T0 = Instant.parse("2026-03-02T03:00:00Z");

    @Test
    void everyProceduresDossierPageCarriesLabelsNotKeys() {
        ProcedureCatalogue cat = ProcedureCatalogue.load();
        Set<String> codes = new LinkedHashSet<>();
        for (Organisation.Agency a : Organisation.standard().agencies().values()) a.units().forEach(u -> codes.add(u.code()));
        List<String> failures = new ArrayList<>();
        int pages = 0;
        for (Procedure current : cat.all(LocalDate.of(2027, 1, 1))) {
            for (Procedure p : cat.history(current.code())) {
                if (p.repealed() || Organisation.standard().agency(p.agencyCode()).isEmpty()) continue;
                Map<String, String> form = sample(cat, p);
                Set<String> keys = new LinkedHashSet<>(codes);
                for (Procedure v : cat.history(p.code())) {
                    for (FormField f : v.formFields()) {
                        keys.add(f.name());
                        f.options().stream().filter(o -> !o.label().vi().contains(o.value())).forEach(o -> keys.add(o.value()));
                    }
                    v.components().forEach(c -> keys.add(c.code()));
                }
                Process process = Process.of(p);
                List<AuditEvent> history = new ArrayList<>();
                Dossier.Change c = Dossier.draft("d-1", p, "owner",
                        new Applicant("Phạm Thị Hoa", "079199001234", null, "Hà Nội", "0987000111", null), form, T0);
                history.add(c.event());
                c = c.dossier().handle(new Command.Submit(vn.gov.bvhttdl.dvc.domain.Json.write(new java.util.TreeMap<>(form)), 1), Actor.citizen("owner"), T0);
                history.add(c.event());
                c = c.dossier().handle(new Command.Receive("C-1", LocalDate.of(2026, 3, 30), process.first().code(), process.first().unit(),
                        LocalDate.of(2026, 3, 3)), Actor.system("v"), T0.plusSeconds(60));
                history.add(c.event());
                c = c.dossier().handle(new Command.Extend("Chờ xác minh", LocalDate.of(2026, 4, 30)),
                        Actor.official("mc", p.agencyCode(), process.first().unit(), Post.ONE_STOP).named("Lê Văn Một Cửa", null), T0.plusSeconds(3600));
                history.add(c.event());
                Dossier d = c.dossier();
                List<Attachment> files = p.components().stream().map(x -> new Attachment("d-1", "k-" + x.code(), x.code(), x.code().toLowerCase() + ".pdf",
                        "application/pdf", 1000, Attachment.Status.ACCEPTED, null, "pdf", null, 1, T0, T0, null)).toList();
                var processing = Views.ProcessingView.of(d, process, ControlSlip.of(process, d, history, WorkingCalendar.standard(), T0.plusSeconds(7200)), true);
                var view = Views.DossierView.of(d, p, history, files, WorkingCalendar.standard(), null, List.of(), processing);
                pages++;
                String where = p.code() + " v" + p.version() + ": ";
                // what the page prints as words
                List<String> printed = new ArrayList<>();
                // (Vietnamese text must not contain a key; English text may well say "owner" or "(inbound)", but never be a key)
                for (var l : view.formLines()) {
                    printed.add(l.label().vi());
                    printed.add(l.value().vi());
                    if (keys.contains(l.label().en()) || (keys.contains(l.value().en()) && !form.containsValue(l.value().en()))) {
                        failures.add(where + "the English line " + l.label().en() + ": " + l.value().en() + " is a key");
                    }
                }
                for (var a : view.attachments()) {
                    if (a.componentName() == null) failures.add(where + "file " + a.componentCode() + " without its document's name");
                    else printed.add(a.componentName().vi());
                }
                if (view.processing().unitName() == null) failures.add(where + "the step without its unit's name");
                for (var s : view.processing().stages()) if (s.unitName() == null) failures.add(where + "stage " + s.code() + " without its unit's name");
                for (var l : view.processing().controlSlip()) {
                    if (l.kind().equals("step") && l.unitName() == null) failures.add(where + "slip line without its unit's name");
                    printed.add(l.name().vi());
                }
                for (var e : view.history()) {
                    if (e.details().get("unit") != null && e.unitName() == null) failures.add(where + e.action() + " without its unit's name");
                    if (e.details().get("post") != null && e.postLabel() == null) failures.add(where + e.action() + " without its post's label");
                    if (e.details().containsKey("form") && e.submitted() == null) failures.add(where + "the submitted form not in words");
                    if (e.submitted() != null) for (var l : e.submitted()) { printed.add(l.label().vi()); printed.add(l.value().vi()); }
                }
                for (String text : printed) {
                    for (String k : keys) {
                        if (text != null && text.matches("(?s).*(?<![\\p{L}\\p{N}_-])" + java.util.regex.Pattern.quote(k) + "(?![\\p{L}\\p{N}_-]).*")
                                && !form.containsValue(text)) {
                            failures.add(where + "\"" + text + "\" is the key " + k);
                        }
                    }
                }
                assertFalse(view.formLines().isEmpty() && form.isEmpty(), where);
            }
        }
        assertTrue(pages > 30, "every version's page was drawn: " + pages);
        assertEquals(List.of(), failures);
    }

    @Test
    void theCheckFailsOnAPageThatPrintsTheKeys() {
        // a free-text value under a field no version defines is printed under its own name: that is what the check catches
        Procedure p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        var line = Views.FormLineView.of(FormField.lines(List.of(), Map.of("scope", "inbound")).get(0));
        assertEquals("scope", line.label().vi(), "without the catalogue's definition the key shows");
        assertEquals("Phạm vi kinh doanh", Views.FormLineView.of(p.formLines(Map.of("scope", "inbound")).get(0)).label().vi());
    }

    /** Sample values for the latest e-form of {@code p}'s procedure (each choice, a date, a number, text). */
    static Map<String, String> sample(ProcedureCatalogue cat, Procedure p) {
        List<Procedure> versions = cat.history(p.code());
        List<FormField> fields = p.formFields();
        for (int i = versions.size() - 1; fields.isEmpty() && i >= 0; i--) fields = versions.get(i).formFields();
        Map<String, String> form = new LinkedHashMap<>();
        for (FormField f : fields) {
            String v = switch (f.type()) {
                case "select" -> f.options().get(0).value();
                case "checkboxes" -> String.join(",", f.options().stream().map(FormField.Option::value).toList());
                case "date" -> "2026-02-27";
                case "number" -> "12";
                case "email" -> "lienhe@hoasen.vn";
                case "tel" -> "0987000111";
                default -> "Giá trị mẫu";
            };
            if (f.pattern() == null || v.matches(f.pattern())) form.put(f.name(), v);
        }
        return form;
    }
}
