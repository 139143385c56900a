package vn.gov.bvhttdl.dvc.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.gov.bvhttdl.dvc.domain.AmountInWords;
import vn.gov.bvhttdl.dvc.domain.Citation;
import vn.gov.bvhttdl.dvc.domain.ElectronicReceipt;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.ReceiptRules;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The e-receipt as drawn and signed: what Decree 254/2026/NĐ-CP Art 23(2) asks is on it, and the signature is valid. */
class PaymentReceiptPdfTest {
    @TempDir
    Path dir;

    @Test
    void theReceiptShowsTheSymbolsNumberCollectorTaxCodeAmountsInWordsAndDateAndIsSigned() throws Exception {
        ReceiptRules rules = ReceiptRules.standard();
        ReceiptRules.Collector tourism = rules.collector("CDLQG").orElseThrow();
        Instant at = Instant.now(); // signed now: the development certificate is new
        Payment paid = new Payment("TT260803ABCDEFGHIJ", "d-1", "000.00.12.G17-260803-0001", "owner", "CDLQG", "vnpay",
                List.of(new Payment.Line(new Text("Phí thẩm định cấp lại giấy phép", "Fee"), 1_250_000, new Citation("Thông tư 33/2018/TT-BTC", "Điều 4", false, null)),
                        new Payment.Line(new Text("Lệ phí", "Charge"), 105_000, null)),
                1_355_000, Payment.Status.PAID, at.minusSeconds(600), at.plusSeconds(300), "14012345", at, "abcdefghijkmnpqrstuvwxyz23", null, null, 2);
        ElectronicReceipt r = ElectronicReceipt.draft(paid, "Đỗ Thị Hạnh", rules, tourism).numbered(12);
        LocalKeySigner signer = LocalKeySigner.in(dir);
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(Files.newInputStream(dir.resolve(LocalKeySigner.CA_PEM)));
        byte[] pdf = new PaymentReceiptPdf(signer, Pades.LongTerm.validationData(signer.tsa(java.time.Clock.systemUTC()), signer.revocation())).render(r, "Cấp lại giấy phép kinh doanh dịch vụ lữ hành", "http://127.0.0.1:3000/verify/" + r.id()).pdf();
        assertTrue(SignedResultTest.independentlyValid(pdf, ca), "signed with the unit's key (PAdES)");
        assertTrue(SignatureCheck.check(pdf, ca).valid());
        assertEquals("B-LT", SignatureCheck.check(pdf, ca).level(), "a receipt: timestamp and validation data");
        assertEquals(List.of(), PdfAValidation.problems(pdf), "a PDF/A-2b file");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        var day = r.date();
        for (String s : List.of("BIÊN LAI THU PHÍ, LỆ PHÍ", "Ký hiệu mẫu biên lai: EBL01", "Ký hiệu biên lai: " + tourism.receiptSymbol(day.getYear()),
                "Số: 00000012", tourism.name().vi(), "Mã số thuế " + tourism.taxCode(), "Đỗ Thị Hạnh",
                "1.250.000 đồng", AmountInWords.vnd(1_250_000), "105.000 đồng", AmountInWords.vnd(105_000),
                "1.355.000 đồng", "Tổng số tiền bằng chữ: " + AmountInWords.vnd(1_355_000),
                String.format("Ngày %02d tháng %02d năm %d", day.getDayOfMonth(), day.getMonthValue(), day.getYear()), "(Chữ ký số)",
                "Nghị định 254/2026/NĐ-CP", "/verify/" + r.id())) {
            assertTrue(text.contains(s), "the receipt says " + s + ": " + text);
        }
        assertFalse(text.contains("123/2020"), "no repealed decree as its basis");
        assertThrows(IllegalArgumentException.class, () -> PaymentReceiptPdf.draw(ElectronicReceipt.draft(paid, null, rules, tourism), null, "v"),
                "never drawn without its number");
    }
}
