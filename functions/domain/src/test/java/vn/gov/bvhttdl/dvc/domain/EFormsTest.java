package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every procedure in force opens its own e-form, built from the official application form the catalogue cites
 * (issue #22, part 4): no generic free-text fallback, each required field missing is refused with its label in both
 * languages, a complete form is accepted, and each form's citation is pinned.
 */
class EFormsTest {
    static final ProcedureCatalogue CAT = ProcedureCatalogue.load();
    /** A day on which every e-form version is in force (they take effect on 1 Dec 2026). */
    static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    /** Every procedure code the bundled catalogue lists. */
    static final List<String> CODES = Json.list(Json.obj(Json.resource("/catalogue/procedures.json")).get("procedures")).stream()
            .map(Json::obj).map(m -> Json.str(m, "code")).toList();

    /** The official form each e-form follows: document and annex/form number (null: the form's number is not known). */
    static final Map<String, List<String>> SOURCES = new LinkedHashMap<>();

    static {
        // BVHTTDL-DL-001's entry is kept by the enterprise-registry work and not pinned here
        SOURCES.put("BVHTTDL-DL-002", List.of("Thông tư 06/2017/TT-BVHTTDL", "Phụ lục II, Mẫu số 05"));
        SOURCES.put("BVHTTDL-DL-003", List.of("Thông tư 06/2017/TT-BVHTTDL", "Phụ lục II, Mẫu số 05"));
        SOURCES.put("BVHTTDL-DL-004", List.of("Thông tư 06/2017/TT-BVHTTDL", "Phụ lục II, Mẫu số 07"));
        SOURCES.put("BVHTTDL-DL-005", List.of("Thông tư 06/2017/TT-BVHTTDL", "Phụ lục II, Mẫu số 14"));
        SOURCES.put("BVHTTDL-NT-002", List.of("Nghị định 144/2020/NĐ-CP", "Phụ lục, Mẫu số 04"));
        SOURCES.put("BVHTTDL-MT-001", List.of("Nghị định 72/2016/NĐ-CP", ""));
        SOURCES.put("BVHTTDL-DA-001", List.of("Thông tư 17/2022/TT-BVHTTDL", "Phụ lục I, Mẫu số 02"));
        SOURCES.put("BVHTTDL-DA-002", List.of("Thông tư 17/2022/TT-BVHTTDL", "Phụ lục I, Mẫu số 01"));
        SOURCES.put("BVHTTDL-DS-001", List.of("Luật Di sản văn hóa số 45/2024/QH15", ""));
        SOURCES.put("BVHTTDL-DS-002", List.of("Luật Di sản văn hóa số 45/2024/QH15", ""));
        SOURCES.put("BVHTTDL-BQ-001", List.of("Thông tư 08/2023/TT-BVHTTDL", "Phụ lục 1, Mẫu số 01–08 (theo loại hình tác phẩm)"));
        SOURCES.put("BVHTTDL-BQ-002", List.of("Thông tư 08/2023/TT-BVHTTDL", "Phụ lục 1, Mẫu số 09"));
        SOURCES.put("BVHTTDL-HT-001", List.of("Thông tư 22/2018/TT-BVHTTDL", ""));
        SOURCES.put("BVHTTDL-BC-001", List.of("Thông tư 20/2026/TT-BVHTTDL", "Phụ lục I, Mẫu số 01"));
        SOURCES.put("BVHTTDL-XB-001", List.of("Luật Xuất bản số 19/2012/QH13", "Điều 41"));
    }

    /** Every procedure of the catalogue in force on {@link #DAY} (a repealed one opens no form at all). */
    static Stream<Procedure> inForce() {
        return CODES.stream().map(c -> CAT.inForce(c, DAY)).flatMap(java.util.Optional::stream);
    }

    /** A value the field accepts: the first of a few samples that passes the definition's own check. */
    static String sample(FormField f) {
        return switch (f.type()) {
            case "select", "checkboxes" -> f.options().getFirst().value();
            case "date" -> "2026-12-15";
            case "email" -> "lien.he@example.vn";
            case "tel" -> "0912345678";
            default -> Stream.of("12", "2025", "0101234567", "001099012345", "B1234567", "01-123/2019/TCDL-GP LHQT", "Nội dung mẫu")
                    .filter(v -> FormField.problems(List.of(f), Map.of(f.name(), v), true).isEmpty())
                    .findFirst().orElseThrow(() -> new AssertionError("no sample fits " + f.name()));
        };
    }

    /** A complete valid form of {@code p}: every field filled with a value it accepts. */
    static Map<String, String> complete(Procedure p) {
        Map<String, String> form = new LinkedHashMap<>();
        for (FormField f : p.formFields()) form.put(f.name(), sample(f));
        return form;
    }

    @Test
    void everyProcedureOfTheCatalogueIsCoveredAndOnlyARepealedOneOpensNoForm() {
        List<String> open = inForce().map(Procedure::code).toList();
        List<String> repealed = CODES.stream().filter(c -> !open.contains(c)).toList();
        assertEquals(List.of("BVHTTDL-NT-003"), repealed, "repealed by Decree 144/2020/NĐ-CP: no new dossier");
        assertTrue(open.containsAll(SOURCES.keySet()));
        assertEquals(SOURCES.size() + 1, open.size(), "every procedure in force but DL-001 has its form's citation pinned");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inForce")
    void hasItsOwnFormRefusingEachMissingRequiredFieldAndAcceptingACompleteOne(Procedure p) {
        assertFalse(p.formFields().isEmpty(), p.code() + " falls back to the generic free-text form");
        assertTrue(p.formFields().stream().anyMatch(FormField::required), p.code() + " requires nothing");
        Map<String, String> full = complete(p);
        assertEquals(List.of(), p.formProblems(full, true), "a complete form is accepted");
        for (FormField f : p.formFields()) {
            assertNotNull(f.label().en(), p.code() + "." + f.name() + " has no English label");
            assertFalse(f.label().vi().isBlank());
            Map<String, String> without = new LinkedHashMap<>(full);
            without.remove(f.name());
            List<Text> problems = p.formProblems(without, true);
            if (!f.required()) {
                assertEquals(List.of(), problems, f.name() + " is optional");
                continue;
            }
            assertEquals(1, problems.size(), p.code() + ": " + f.name() + " missing");
            Text missing = problems.getFirst();
            assertEquals("form." + f.name(), missing.field());
            assertEquals("Chưa nhập \"" + f.label().vi() + "\".", missing.vi());
            assertEquals("\"" + f.label().en() + "\" is required.", missing.en());
            assertEquals(List.of(), p.formProblems(without, false), "a draft may still leave it empty");
        }
        // a submission is checked against the same definition: the checklist carries the same errors
        Map<String, String> none = Map.of();
        Dossier d = Dossier.draft("d1", p, "u1", new Applicant("A", "001099012345", null, null, "0912345678", null), none,
                Instant.parse("2026-12-07T02:00:00Z")).dossier();
        List<String> unfilled = Completeness.check(p, d, List.of(), Instant.parse("2026-12-07T02:00:00Z")).items().stream()
                .filter(i -> i.reason() != null && i.reason().field() != null && i.reason().field().startsWith("form."))
                .map(i -> i.reason().field()).toList();
        assertEquals(p.formFields().stream().filter(FormField::required).map(f -> "form." + f.name()).toList(), unfilled);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inForce")
    void citesTheOfficialFormItFollows(Procedure p) {
        if (p.code().equals("BVHTTDL-DL-001")) return; // kept by the enterprise-registry work
        List<String> expected = SOURCES.get(p.code());
        assertNotNull(expected, p.code() + " is not pinned");
        Citation s = p.formSource();
        assertNotNull(s, p.code() + " does not cite its form");
        assertEquals(expected.get(0), s.document());
        assertEquals(expected.get(1), s.article() == null ? "" : s.article());
        assertFalse(s.confirmed(), "no form's body was read: every e-form is marked for checking against its form");
        assertNotNull(s.note());
    }

    @Test
    void aDossierCreatedBeforeTheFormKeepsItsFreeTextVersion() {
        for (String code : SOURCES.keySet()) {
            if (code.equals("BVHTTDL-DL-002") || code.equals("BVHTTDL-DL-004")) continue; // had their form from the start
            List<Procedure> history = CAT.history(code);
            Procedure before = history.get(history.size() - 2), now = history.getLast();
            assertEquals(List.of(), before.formFields(), code + ": the earlier version keeps the free-text request");
            assertEquals(List.of(), before.formProblems(Map.of("note", "Nội dung đề nghị"), true));
            assertEquals("amended", now.change());
            assertEquals(LocalDate.of(2026, 12, 1), now.effectiveFrom());
            assertEquals(before.timeLimit(), now.timeLimit(), code + ": only the form changes");
            assertEquals(before.components(), now.components());
            assertEquals(before.legalBasis(), now.legalBasis());
            assertFalse(now.formFields().isEmpty());
        }
    }

    @Test
    void valuesAreShownInWordsOnTheResultAndTheOfficialsPage() {
        Procedure film = CAT.inForce("BVHTTDL-DA-001", DAY).orElseThrow();
        Map<String, String> form = new LinkedHashMap<>(complete(film));
        form.put("filmTitle", "Mùa hè");
        form.put("filmType", "animation");
        form.put("screening", "cinema,online");
        Dossier d = Dossier.draft("d1", film, "u1", new Applicant("A", "001099012345", null, null, "0912345678", null), form,
                Instant.parse("2026-12-07T02:00:00Z")).dossier();
        Map<String, String> face = new LinkedHashMap<>();
        IssuedResult.face(film, d).forEach(l -> face.put(l.label(), l.value()));
        assertEquals("Phim hoạt hình", face.get("Loại phim"));
        assertEquals("Rạp chiếu phim, Không gian mạng (Luật Điện ảnh Điều 21 khoản 2 điểm b)", face.get("Phạm vi phổ biến"));
        assertEquals("Mùa hè", face.get("Tên phim"));
        List<FormField.Line> lines = film.formLines(form);
        FormField.Line type = lines.stream().filter(l -> l.name().equals("filmType")).findFirst().orElseThrow();
        assertEquals(new Text("Loại phim", "Type of film"), type.label());
        assertEquals(new Text("Phim hoạt hình", "Animation"), type.value());

        Procedure copyright = CAT.inForce("BVHTTDL-BQ-001", DAY).orElseThrow();
        Map<String, String> work = new LinkedHashMap<>(complete(copyright));
        work.put("completedOn", "2026-01-24");
        work.put("workType", "software");
        Dossier c = Dossier.draft("d2", copyright, "u1", new Applicant("A", "001099012345", null, null, "0912345678", null), work,
                Instant.parse("2026-12-07T02:00:00Z")).dossier();
        Map<String, String> cert = new LinkedHashMap<>();
        IssuedResult.face(copyright, c).forEach(l -> cert.put(l.label(), l.value()));
        assertEquals("24/01/2026", cert.get("Ngày hoàn thành"), "a date as a person writes it");
        assertEquals("Chương trình máy tính (Mẫu số 03)", cert.get("Loại hình tác phẩm"));

        Procedure star = CAT.inForce("BVHTTDL-DL-004", DAY).orElseThrow();
        Dossier s = Dossier.draft("d3", star, "u1", new Applicant("A", "001099012345", null, null, "0912345678", null),
                Map.of("establishmentName", "Khách sạn Sen", "establishmentAddress", "Hà Nội", "starLevel", "5", "rooms", "120"),
                Instant.parse("2026-12-07T02:00:00Z")).dossier();
        assertTrue(IssuedResult.face(star, s).contains(new IssuedResult.Line("Hạng", "5 sao")));

        // an older dossier's free text is shown under a readable label, not its key
        Procedure older = CAT.history("BVHTTDL-DA-001").getFirst();
        assertEquals(List.of(new FormField.Line("note", new Text("Nội dung đề nghị", "Request"), new Text("Xin cấp phép", "Xin cấp phép"))),
                older.formLines(Map.of("note", "Xin cấp phép")));
    }
}
