package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The rules as issue #8 corrected them: forms of Circular 03/2025, catalogue values with their sources, fee periods. */
class RulesCurrentTest {
    final ProcedureCatalogue cat = ProcedureCatalogue.load();
    final LocalDate today = LocalDate.of(2026, 12, 1);

    @Test
    void theFormsAreTheSevenOfCircular03Of2025() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
        expected.put("02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ");
        expected.put("03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ");
        expected.put("04", "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết");
        expected.put("05", "Thông báo dừng giải quyết hồ sơ");
        expected.put("06", "Phiếu kiểm soát quá trình giải quyết hồ sơ");
        expected.put("07", "Sổ theo dõi hồ sơ");
        Map<String, Workflow.Form> forms = Workflow.standard().forms();
        assertEquals(expected.keySet(), forms.keySet());
        expected.forEach((n, name) -> {
            assertEquals(name, forms.get(n).name().vi(), "form " + n);
            assertEquals("Thông tư 03/2025/TT-VPCP", forms.get(n).basis().document(), "form " + n);
            assertTrue(forms.get(n).basis().article().endsWith("Mẫu số " + n), forms.get(n).basis().article());
        });
    }

    @Test
    void everyMoveThatIssuesAFormNamesItsNumberAndNoRuleCitesCircular01Of2018() {
        Pattern mau = Pattern.compile("mẫu (\\d\\d)");
        Map<String, String> issued = Map.of("receive", "01", "request-supplement", "02", "refuse", "03");
        for (Workflow.Transition t : Workflow.standard().transitions()) {
            Matcher m = mau.matcher(t.label().vi());
            if (m.find()) {
                assertEquals(t.form(), m.group(1), t.action() + ": the label and the form agree");
                assertTrue(t.label().en().contains("form " + t.form()), t.action());
            }
            if (issued.containsKey(t.action())) assertEquals(issued.get(t.action()), t.form(), t.action());
            if (t.basis() != null) assertFalse(t.basis().document().contains("01/2018"), t.action() + " cites a superseded circular");
        }
    }

    @Test
    void starRatingIsThirtyCalendarDaysAndOneFeeForFourAndFiveStars() {
        Procedure p = cat.inForce("BVHTTDL-DL-004", today).orElseThrow();
        assertEquals(Period.calendarDays(30), p.timeLimit());
        assertEquals("30 ngày", p.timeLimit().label().vi());
        assertEquals(1, p.fees().size());
        assertEquals(3_500_000L, p.fees().get(0).amountOn(today));
        assertEquals("Thông tư 34/2018/TT-BTC", p.fees().get(0).basis().document());
        assertEquals(Period.workingDays(3), p.steps().get(0).budget(), "defects notified within 3 working days");
        assertEquals("Mẫu số 07 Phụ lục II Thông tư 06/2017/TT-BVHTTDL",
                p.components().stream().filter(c -> c.code().equals("DON")).findFirst().orElseThrow().template());
        assertTrue(p.legalBasis().stream().anyMatch(c -> "Điều 50".equals(c.article()) && c.confirmed()));
        List<String> docs = p.legalBasis().stream().map(Citation::document).toList();
        assertTrue(docs.containsAll(List.of("Thông tư 06/2017/TT-BVHTTDL", "Thông tư 13/2019/TT-BVHTTDL", "Thông tư 04/2024/TT-BVHTTDL")), docs.toString());
    }

    @Test
    void licenceReplacementTakesFiveWorkingDaysAndItsStepsAddUp() {
        Procedure p = cat.inForce("BVHTTDL-DL-002", today).orElseThrow();
        assertEquals(Period.workingDays(5), p.timeLimit());
        assertEquals(5, p.steps().stream().mapToInt(s -> s.budget().days()).sum());
        assertTrue(p.legalBasis().stream().anyMatch(c -> "Điều 35".equals(c.article())));
    }

    @Test
    void theTravelLicenceFeesAreHalvedFromJuly2025ToTheEndOf2026() {
        Procedure.Fee fee = cat.inForce("BVHTTDL-DL-001", today).orElseThrow().fees().get(0);
        assertEquals(3_000_000L, fee.amountOn(LocalDate.of(2025, 6, 30)));
        assertEquals(1_500_000L, fee.amountOn(LocalDate.of(2025, 7, 1)));
        assertEquals(1_500_000L, fee.amountOn(LocalDate.of(2026, 12, 31)));
        assertEquals(3_000_000L, fee.amountOn(LocalDate.of(2027, 1, 1)));
        assertEquals("Thông tư 64/2025/TT-BTC", fee.rateOn(today).orElseThrow().basis().document());
        assertEquals(1_000_000L, cat.inForce("BVHTTDL-DL-002", today).orElseThrow().fees().get(0).amountOn(today));
        assertEquals(750_000L, cat.inForce("BVHTTDL-DL-003", today).orElseThrow().fees().get(0).amountOn(today));
        assertTrue(cat.inForce("BVHTTDL-DL-004", today).orElseThrow().fees().get(0).rateOn(today).isEmpty(),
                "no source found that Circular 64/2025 covers the star-rating fee");
    }

    @Test
    void overlappingOrUnsourcedTemporaryRatesAreRefused() {
        Map<String, Object> m = new LinkedHashMap<>(ProcedureCatalogueTest.raw("BVHTTDL-DL-003"));
        Map<String, Object> basis = Map.of("document", "Thông tư X", "confirmed", true);
        m.put("fees", List.of(Map.of("name", Map.of("vi", "Phí", "en", "Fee"), "amountVnd", 100L, "rates", List.of(
                Map.of("amountVnd", 50L, "from", "2025-01-01", "until", "2025-12-31", "basis", basis),
                Map.of("amountVnd", 40L, "from", "2025-06-01", "basis", basis)))));
        assertThrows(DomainException.class, () -> Procedure.of(m));
        m.put("fees", List.of(Map.of("name", Map.of("vi", "Phí", "en", "Fee"), "amountVnd", 100L, "rates", List.of(
                Map.of("amountVnd", 50L, "from", "2025-01-01")))));
        assertTrue(assertThrows(DomainException.class, () -> Procedure.of(m)).text().en().contains("legal basis"));
        m.remove("fees");
        m.put("timeLimit", Map.of("days", 5L, "unit", "FORTNIGHTS"));
        DomainException e = assertThrows(DomainException.class, () -> Procedure.of(m));
        // the refusal names the units allowed, in both languages (issue 24: no English-only field error)
        assertTrue(e.text().en().contains("in working or calendar days"), e.text().en());
        assertTrue(e.text().vi().contains("ngày làm việc") && !e.text().vi().equals(e.text().en()), e.text().vi());
    }

    @Test
    void thePerformanceNoticeIsNotAMinistryProcedureAndTheOldPermitEndedOn1February2021() {
        assertTrue(cat.history("BVHTTDL-NT-001").isEmpty(), "notices go to the provincial People's Committee (Decree 144/2020 Art 9)");
        assertTrue(cat.inForce("BVHTTDL-NT-003", LocalDate.of(2021, 1, 31)).isPresent());
        assertTrue(cat.inForce("BVHTTDL-NT-003", LocalDate.of(2021, 2, 1)).isEmpty());
        Map<String, Object> root = Json.obj(Json.resource("/catalogue/procedures.json"));
        Map<String, Object> out = Json.obj(Json.list(root.get("notInCatalogue")).get(0));
        assertEquals("BVHTTDL-NT-001", out.get("code"));
        assertTrue(Json.text(out, "reason").vi().contains("Ủy ban nhân dân cấp tỉnh"));
    }
}
