package vn.gov.bvhttdl.dvc.documents;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import vn.gov.bvhttdl.dvc.application.Signer;
import vn.gov.bvhttdl.dvc.domain.Citation;
import vn.gov.bvhttdl.dvc.domain.Payment;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The electronic receipt (biên lai điện tử) of a credited payment: payer, dossier, each fee line with its amount and
 * legal basis, the total, the provider and its transaction, and the QR code of its verification page; signed with the
 * unit's key (PAdES), like the results. The layout follows the content Decree 123/2020/NĐ-CP asks of a receipt of fees
 * as far as it was read (confirmed false: the receipt template of the Ministry of Finance was not read).
 */
public final class PaymentReceiptPdf {
    private final Signer signer;

    public PaymentReceiptPdf(Signer signer) { this.signer = signer; }

    public record Signed(byte[] pdf, String signer) {}

    public Signed render(Payment p, String number, String agencyName, String payerName, String procedureName, String verifyUrl) {
        byte[] unsigned = draw(p, number, agencyName, payerName, procedureName, verifyUrl);
        byte[] signed = Pades.sign(unsigned, signer, p.settledAt(), "Biên lai thu phí, lệ phí điện tử " + number, Letterhead.PLACE);
        return new Signed(signed, signer.chain().get(0).getSubjectX500Principal().getName());
    }

    static String vnd(long amount) {
        return String.format(Locale.ROOT, "%,d", amount).replace(',', '.') + " đồng";
    }

    static byte[] draw(Payment p, String number, String agencyName, String payerName, String procedureName, String verifyUrl) {
        DateTimeFormatter at = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 40, 40);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.addTitle("Biên lai thu phí, lệ phí " + number);
        doc.addCreator(Letterhead.SYSTEM);
        doc.open();
        Letterhead.heading(doc, agencyName, null, p.settledAt());
        doc.add(Letterhead.centered("BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ", Letterhead.title()));
        doc.add(Letterhead.centered("Số: " + number, Letterhead.bold()));
        doc.add(new Paragraph(" "));
        PdfPTable t = new PdfPTable(new float[]{2f, 5f});
        t.setWidthPercentage(100);
        row(t, "Người nộp", payerName == null ? "" : payerName);
        row(t, "Hồ sơ", p.dossierCode() == null ? "" : p.dossierCode());
        row(t, "Thủ tục", procedureName == null ? "" : procedureName);
        row(t, "Hình thức", "Thanh toán trực tuyến qua " + p.provider().toUpperCase(Locale.ROOT) + ", mã giao dịch " + (p.transaction() == null ? "" : p.transaction()));
        row(t, "Mã thanh toán", p.reference());
        row(t, "Thời điểm", at.format(p.settledAt().atZone(Letterhead.VN)));
        doc.add(t);
        doc.add(new Paragraph(" "));
        PdfPTable lines = new PdfPTable(new float[]{5f, 2f});
        lines.setWidthPercentage(100);
        lines.addCell(Letterhead.padded(new PdfPCell(new Phrase("Khoản thu (căn cứ)", Letterhead.bold()))));
        lines.addCell(Letterhead.padded(new PdfPCell(new Phrase("Số tiền", Letterhead.bold()))));
        for (Payment.Line l : p.lines()) {
            Citation c = l.basis();
            String basis = c == null ? "" : " (" + (c.article() == null ? "" : c.article() + " ") + c.document() + ")";
            lines.addCell(Letterhead.padded(new PdfPCell(new Phrase(l.name().vi() + basis, Letterhead.normal()))));
            PdfPCell amount = Letterhead.padded(new PdfPCell(new Phrase(vnd(l.amountVnd()), Letterhead.normal())));
            amount.setHorizontalAlignment(Element.ALIGN_RIGHT);
            lines.addCell(amount);
        }
        lines.addCell(Letterhead.padded(new PdfPCell(new Phrase("Tổng cộng", Letterhead.bold()))));
        PdfPCell total = Letterhead.padded(new PdfPCell(new Phrase(vnd(p.amountVnd()), Letterhead.bold())));
        total.setHorizontalAlignment(Element.ALIGN_RIGHT);
        lines.addCell(total);
        doc.add(lines);
        doc.add(new Paragraph(" "));
        Paragraph sign = new Paragraph("ĐƠN VỊ THU\n(Đã ký số)", Letterhead.bold());
        sign.setAlignment(Element.ALIGN_RIGHT);
        doc.add(sign);
        doc.add(new Paragraph(" "));
        Letterhead.qrFooter(doc, writer, "Biên lai điện tử có chữ ký số của " + agencyName + ", do " + Letterhead.SYSTEM
                + " lập. Kiểm tra: quét mã QR hoặc mở " + verifyUrl + " (không cần đăng nhập).", verifyUrl);
        doc.close();
        return out.toByteArray();
    }

    private static void row(PdfPTable t, String label, String value) {
        t.addCell(Letterhead.padded(new PdfPCell(new Phrase(label, Letterhead.bold()))));
        t.addCell(Letterhead.padded(new PdfPCell(new Phrase(value, Letterhead.normal()))));
    }
}
