package vn.gov.bvhttdl.dvc.documents;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.ResultRenderer;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.FormField;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Organisation;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Process;
import vn.gov.bvhttdl.dvc.domain.Signature;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 24: no document shows a raw key of the catalogue. For every version of every procedure in the catalogue, a
 * dossier filled with sample values (every choice of every e-form field ticked, the older versions with the latest
 * version's fields) is issued its result, a supplement request (02) and the control slip (06); the text PDFBox reads
 * out of each must contain none of the catalogue's field names, option codes, component codes, unit or post codes,
 * and the letters not the applicant's ID number.
 */
class NoRawKeysTest {
    static final Instant T0 = Instant.parse("2026-03-02T03:00:00Z");

    /** Every code of the catalogue and the organisation that a person must never read. */
    static Set<String> rawKeys() {
        Set<String> out = new LinkedHashSet<>();
        for (Procedure p : allVersions()) {
            for (FormField f : p.formFields()) {
                out.add(f.name());
                for (FormField.Option o : f.options()) {
                    // a code the label itself spells ("P – Phim được phổ biến…") is what the document prints
                    if (!word(o.value()).matcher(o.label().vi()).find()) out.add(o.value());
                }
            }
            for (Procedure.Component c : p.components()) out.add(c.code());
        }
        for (Organisation.Agency a : Organisation.standard().agencies().values()) {
            for (Organisation.Unit u : a.units()) out.add(u.code());
        }
        for (Post p : Post.values()) out.add(p.name());
        out.remove("note"); // a free-text request is shown as "Nội dung đề nghị", and "note" is no Vietnamese word
        out.add("note");
        return out;
    }

    static List<Procedure> allVersions() {
        List<Procedure> out = new ArrayList<>();
        ProcedureCatalogue cat = ProcedureCatalogue.load();
        for (Procedure p : cat.all(LocalDate.of(2027, 1, 1))) out.addAll(cat.history(p.code()));
        return out;
    }

    /** A value for every field of the procedure's latest e-form: each choice ticked, dates, numbers, text. */
    static Map<String, String> sample(Procedure p) {
        List<Procedure> versions = ProcedureCatalogue.load().history(p.code());
        List<FormField> fields = p.formFields();
        for (int i = versions.size() - 1; fields.isEmpty() && i >= 0; i--) fields = versions.get(i).formFields();
        Map<String, String> form = new LinkedHashMap<>();
        for (FormField f : fields) {
            String v = switch (f.type()) {
                case "select" -> f.options().get(f.options().size() - 1).value();
                case "checkboxes" -> String.join(",", f.options().stream().map(FormField.Option::value).toList());
                case "date" -> "2026-02-27";
                case "number" -> "12";
                case "email" -> "lienhe@hoasen.vn";
                case "tel" -> "0987000111";
                default -> "Giá trị mẫu";
            };
            if (f.pattern() != null && !v.matches(f.pattern())) continue; // a pattern the sample cannot meet (a code)
            form.put(f.name(), v);
        }
        return form;
    }

    static Pattern word(String code) {
        return Pattern.compile("(?<![\\p{L}\\p{N}_./-])" + Pattern.quote(code) + "(?![\\p{L}\\p{N}_/-])");
    }

    static List<String> found(String text, Set<String> keys) {
        return keys.stream().filter(k -> word(k).matcher(text).find()).toList();
    }

    @Test
    void noResultLetterOrSlipOfAnyProcedurePrintsACodeOfTheCatalogue() throws Exception {
        Set<String> keys = rawKeys();
        assertTrue(keys.containsAll(List.of("companyName", "scope", "inbound", "DON", "DKDN", "MOTCUA", "ONE_STOP")), "the keys looked for: " + keys);
        int documents = 0;
        List<String> failures = new ArrayList<>();
        for (Procedure p : allVersions()) {
            if (p.repealed() || Organisation.standard().agency(p.agencyCode()).isEmpty()) continue;
            Process process = Process.of(p);
            Actor desk = Actor.official("mc", p.agencyCode(), process.first().unit(), Post.ONE_STOP).named("Lê Văn Một Cửa", null);
            List<AuditEvent> history = new ArrayList<>();
            Dossier.Change c = Dossier.draft("d-" + p.code() + "-" + p.version(), p, "owner",
                    new Applicant("Phạm Thị Hoa", "079199001234", null, "51 Ngô Quyền, Hà Nội", "0987000111", null), sample(p), T0);
            history.add(c.event());
            c = c.dossier().handle(new Command.Submit("{}", 1), Actor.citizen("owner"), T0);
            history.add(c.event());
            c = c.dossier().handle(new Command.Receive("000.00.12.G17-260302-0001", LocalDate.of(2026, 3, 30), process.first().code(),
                    process.first().unit(), LocalDate.of(2026, 3, 3)), Actor.system("v"), T0.plusSeconds(60));
            history.add(c.event());
            c = c.dossier().handle(new Command.RequestSupplement(List.of("Bổ sung giấy tờ còn thiếu")), desk, T0.plusSeconds(3600));
            history.add(c.event());
            Dossier d = c.dossier();

            IssuedResult r = new IssuedResult("abcdefghijkmnpqrstuvwxyz23", "000.00.12.G17-260302-0001-KQ1", 1, d.id(), d.code(), p.code(),
                    p.version(), p.agencyCode(), p.resultType() == null ? new Text("Kết quả", "Result") : p.resultType(), IssuedResult.face(p, d),
                    T0.plusSeconds(7200), null, null, null, IssuedResult.Status.VALID, null, null, null);
            // a component code that is a word of the document's own title ("PHIM" in "GIẤY PHÉP PHỔ BIẾN PHIM") is that word
            Set<String> ownWords = new java.util.HashSet<>();
            for (Text t : List.of(p.name(), p.resultType() == null ? p.name() : p.resultType(), p.agencyName())) {
                ownWords.addAll(List.of(t.vi().toUpperCase(java.util.Locale.forLanguageTag("vi")).split("[^\\p{L}]+")));
            }
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put("result", FormPdfTest.text(ResultPdf.draw(r, p, "https://dichvucong.example.vn/verify/" + r.id(),
                    new ResultRenderer.Printed(Signature.of(desk, p.agencyCode(), new Text("Thủ trưởng đơn vị", "Head")), null))));
            texts.put("02", FormPdfTest.text(FormPdf.render(IssuedForms.letter("02", d, p, history, FormPdfTest.V).orElseThrow())));
            texts.put("06", FormPdfTest.text(FormPdf.render(IssuedForms.controlSlip(d, p, process, history, WorkingCalendar.standard(),
                    T0.plusSeconds(7200), FormPdfTest.V))));
            for (var e : texts.entrySet()) {
                documents++;
                // the verification address is an address, not text to read
                String text = e.getValue().replaceAll("https://\\S+", "");
                List<String> raw = found(text, keys).stream().filter(k -> !ownWords.contains(k)).toList();
                if (!raw.isEmpty()) failures.add(p.code() + " v" + p.version() + " " + e.getKey() + ": " + raw);
                // the letters never print the ID number (the result for a person may: the paper licence does)
                if (!e.getKey().equals("result") && text.contains("079199001234")) {
                    failures.add(p.code() + " v" + p.version() + " " + e.getKey() + ": the full ID number");
                }
            }
        }
        assertTrue(documents > 60, "every version's documents were read: " + documents);
        assertEquals(List.of(), failures, "documents that print a raw key of the catalogue");
    }

    @Test
    void theCheckFindsARawKeyWhenOneIsPrinted() {
        // the test would fail on the licence of issue 24 ("Phạm vi kinh doanh: inbound") and on a step shown by its codes
        Set<String> keys = rawKeys();
        assertEquals(List.of("inbound"), found("Phạm vi kinh doanh: inbound", keys));
        assertEquals(List.of("MOTCUA", "ONE_STOP"), found("CDLQG · MOTCUA · ONE_STOP", keys).stream().sorted().toList());
        assertEquals(List.of(), found("Phạm vi kinh doanh: Khách du lịch quốc tế đến Việt Nam", keys));
    }
}
