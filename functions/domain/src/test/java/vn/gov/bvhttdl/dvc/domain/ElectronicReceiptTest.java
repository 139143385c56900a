package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The e-receipt's rules and data (Decree 254/2026/NĐ-CP Art 23(2); Circular 91/2026/TT-BTC Annex II item 2). */
class ElectronicReceiptTest {
    final ReceiptRules rules = ReceiptRules.standard();

    @Test
    void everyAgencyThatResolvesProceduresCollectsItsFeesWithValidSymbols() {
        for (String agency : Organisation.standard().agencies().keySet()) {
            ReceiptRules.Collector c = rules.collector(agency).orElseThrow(() -> new AssertionError(agency + " has no collector"));
            assertTrue(c.receiptSymbol(2026).matches("26T[ABCDEGHKLMNPQRSTUVXY]{2}"), c.receiptSymbol(2026));
            assertTrue(c.taxCode().matches("\\d{10}(-\\d{3})?"));
        }
        for (Procedure p : ProcedureCatalogue.load().all()) {
            assertTrue(rules.collector(p.agencyCode()).isPresent(), p.code() + "'s agency collects its fees");
        }
        assertEquals("EBL01", rules.formSymbol(), "fees without face value");
        assertTrue(rules.basis().stream().anyMatch(c -> c.document().equals("Nghị định 254/2026/NĐ-CP") && c.article().startsWith("Điều 23") && c.confirmed()));
        assertFalse(rules.dataFormatBasis().note().isBlank());
        assertEquals(rules.collectors().size(), rules.collectors().values().stream().map(ReceiptRules.Collector::symbolLetters).distinct().count(),
                "each collector its own letters");
    }

    @Test
    void theSymbolsAndLettersAreRefusedOutsideTheCircularsSet() {
        assertThrows(IllegalArgumentException.class, () -> new ReceiptRules.Collector("X", new Text("X", "X"), "0100000000", false, "AF"), "F is not one of the 20 letters");
        assertThrows(IllegalArgumentException.class, () -> new ReceiptRules.Collector("X", new Text("X", "X"), "0100000000", false, "A"));
        assertThrows(IllegalArgumentException.class, () -> new ReceiptRules.Collector("X", new Text("X", "X"), "12345", false, "AB"), "a tax code has 10 digits");
        assertEquals("27TAB", new ReceiptRules.Collector("X", new Text("X", "X"), "0100000000-001", false, "AB").receiptSymbol(2027));
    }

    @Test
    void theYearIsHanoisAndTheNumberHasAtMostEightDigits() {
        assertEquals(2026, ReceiptRules.year(Instant.parse("2026-12-31T16:59:59Z")));
        assertEquals(2027, ReceiptRules.year(Instant.parse("2026-12-31T17:00:00Z")));
        ElectronicReceipt r = sample(Instant.parse("2026-12-31T17:00:00Z"));
        assertEquals("27TDL", r.receiptSymbol());
        assertEquals(0, r.number());
        assertFalse(r.isNumbered());
        assertThrows(IllegalStateException.class, r::toXml, "exchanged once numbered");
        assertEquals("00000042", r.numbered(42).numberText());
        assertEquals("EBL01-27TDL-99999999", r.numbered(99_999_999).designation());
        assertThrows(IllegalArgumentException.class, () -> r.numbered(100_000_000));
        assertThrows(IllegalArgumentException.class, () -> r.numbered(0));
    }

    @Test
    void theStructuredDataCarryWhatTheDecreeAsksInWellFormedXml() throws Exception {
        ElectronicReceipt r = sample(Instant.parse("2026-08-03T02:15:00Z")).numbered(7);
        String xml = r.toXml();
        var doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("BienLaiDienTu", root.getLocalName());
        assertEquals("EBL01", text(root, "KyHieuMauBienLai"));
        assertEquals("26TDL", text(root, "KyHieuBienLai"));
        assertEquals("7", text(root, "SoBienLai"));
        assertEquals("2026-08-03", text(root, "NgayLap"));
        assertEquals("0000000000", text(root, "MaSoThue"));
        assertEquals("Cục Du lịch Quốc gia Việt Nam", text(root, "Ten"));
        assertEquals("Nguyễn Văn <A> & \"B\"", text(root, "HoTen"), "escaped and read back");
        assertEquals(2, root.getElementsByTagNameNS("*", "KhoanThu").getLength());
        assertEquals("Một triệu năm trăm nghìn đồng", text(root, "SoTienBangChu"));
        assertEquals("3500000", text(root, "TongTien"));
        assertEquals("Ba triệu năm trăm nghìn đồng", text(root, "TongTienBangChu"));
    }

    private static String text(Element root, String name) {
        return root.getElementsByTagNameNS("*", name).item(0).getTextContent();
    }

    private ElectronicReceipt sample(Instant at) {
        Payment p = new Payment("TT260803ABCDEFGHIJ", "d-1", "000.00.12.G17-260803-0001", "owner", "CDLQG", "vnpay",
                List.of(new Payment.Line(new Text("Phí thẩm định", "Appraisal fee"), 1_500_000, new Citation("Thông tư 33/2018/TT-BTC", "Điều 4", false, null)),
                        new Payment.Line(new Text("Lệ phí cấp giấy phép", "Licence fee"), 2_000_000, null)),
                3_500_000, Payment.Status.PAID, at.minusSeconds(600), at.plusSeconds(300), "T1", at, "abcdefghijklmnopqrstuvwxyz", null, null, 2);
        return ElectronicReceipt.draft(p, "Nguyễn Văn <A> & \"B\"", rules, rules.collector("CDLQG").orElseThrow());
    }
}
