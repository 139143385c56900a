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
import vn.gov.bvhttdl.dvc.domain.ElectronicReceipt;
import vn.gov.bvhttdl.dvc.domain.ReceiptRules;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The electronic receipt of fees (biên lai thu phí, lệ phí điện tử) of a credited payment, drawn from the receipt data
 * numbered with the credit ({@link ElectronicReceipt}) with the content Decree 254/2026/NĐ-CP Art 23(2) asks (read in
 * a full-text copy): the receipt's name; the form symbol and receipt symbol (Circular 91/2026/TT-BTC Annex II item 2)
 * and the number, at the top right; the collector's name and tax code; each fee with its amount in figures and in
 * words; the total in figures and in words; the date; the collector's digital signature (PAdES with the unit's key,
 * like the results). Added information (Art 23(2), last paragraph: smaller, never over the required content): the
 * payer, the dossier, the procedure, the payment channel and the QR code of its verification page. The layout is the
 * project's: the reference display of Circular 91/2026's Annex V was not read (confirmed false).
 */
public final class PaymentReceiptPdf {
    /** What the receipt's layout follows (shown in its footer). */
    public static final Citation BASIS = new Citation("Nghị định 254/2026/NĐ-CP", "Điều 23 khoản 2", true,
            "Form and receipt symbols: Thông tư 91/2026/TT-BTC, Phụ lục II mục 2 (read). Layout: the project's (Annex V not read).");

    private final Signer signer;
    private final java.util.function.Supplier<Pades.LongTerm> longTerm;

    /** Signed PAdES B-B (no timestamp): for tests and a stack without a TSA. */
    public PaymentReceiptPdf(Signer signer) { this(signer, (Pades.LongTerm) null); }

    /** Signed with the timestamp and validation data {@code longTerm} says (B-LT for a receipt). */
    public PaymentReceiptPdf(Signer signer, Pades.LongTerm longTerm) {
        this(signer, () -> longTerm);
    }

    /** As {@code longTerm} says at each signature (the settings, read when a document is signed; null: B-B). */
    public PaymentReceiptPdf(Signer signer, java.util.function.Supplier<Pades.LongTerm> longTerm) {
        this.signer = signer;
        this.longTerm = longTerm;
    }

    public record Signed(byte[] pdf, String signer) {}

    public Signed render(ElectronicReceipt r, String procedureName, String verifyUrl) {
        byte[] unsigned = draw(r, procedureName, verifyUrl);
        byte[] signed = Pades.sign(unsigned, signer, longTerm.get(), r.issuedAt(), "Biên lai thu phí, lệ phí điện tử " + r.designation(), Letterhead.PLACE);
        return new Signed(signed, signer.chain().get(0).getSubjectX500Principal().getName());
    }

    static String vnd(long amount) {
        return String.format(Locale.ROOT, "%,d", amount).replace(',', '.') + " đồng";
    }

    static byte[] draw(ElectronicReceipt r, String procedureName, String verifyUrl) {
        if (!r.isNumbered()) throw new IllegalArgumentException("a receipt is drawn once numbered");
        DateTimeFormatter at = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 40, 40);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.addTitle("Biên lai thu phí, lệ phí " + r.designation());
        doc.addCreator(Letterhead.SYSTEM);
        doc.open();
        String collector = r.collectorName().vi();
        Letterhead.heading(doc, collector, null, r.issuedAt());
        Paragraph symbols = new Paragraph("Ký hiệu mẫu biên lai: " + r.formSymbol() + "\nKý hiệu biên lai: " + r.receiptSymbol()
                + "\nSố: " + r.numberText(), Letterhead.bold());
        symbols.setAlignment(Element.ALIGN_RIGHT);
        doc.add(symbols);
        doc.add(Letterhead.centered("BIÊN LAI THU PHÍ, LỆ PHÍ", Letterhead.title()));
        doc.add(Letterhead.centered("(Biên lai điện tử)", Letterhead.normal()));
        doc.add(new Paragraph(" "));
        PdfPTable t = new PdfPTable(new float[]{2f, 5f});
        t.setWidthPercentage(100);
        row(t, "Tên tổ chức thu phí, lệ phí", collector);
        row(t, "Mã số thuế", r.collectorTaxCode());
        row(t, "Người nộp", r.payerName() == null ? "" : r.payerName());
        doc.add(t);
        doc.add(new Paragraph(" "));
        PdfPTable lines = new PdfPTable(new float[]{0.6f, 4.4f, 2f, 4f});
        lines.setWidthPercentage(100);
        for (String h : new String[]{"STT", "Tên loại phí, lệ phí", "Số tiền", "Số tiền bằng chữ"}) {
            lines.addCell(Letterhead.padded(new PdfPCell(new Phrase(h, Letterhead.bold()))));
        }
        int i = 1;
        for (ElectronicReceipt.Line l : r.lines()) {
            Citation c = l.basis();
            lines.addCell(Letterhead.padded(new PdfPCell(new Phrase(Integer.toString(i++), Letterhead.normal()))));
            Phrase name = new Phrase(l.name().vi(), Letterhead.normal());
            if (c != null) name.add(new Phrase("\n(" + c + ")", Letterhead.small()));
            lines.addCell(Letterhead.padded(new PdfPCell(name)));
            PdfPCell amount = Letterhead.padded(new PdfPCell(new Phrase(vnd(l.amountVnd()), Letterhead.normal())));
            amount.setHorizontalAlignment(Element.ALIGN_RIGHT);
            lines.addCell(amount);
            lines.addCell(Letterhead.padded(new PdfPCell(new Phrase(l.amountInWords(), Letterhead.normal()))));
        }
        PdfPCell totalLabel = Letterhead.padded(new PdfPCell(new Phrase("Tổng cộng", Letterhead.bold())));
        totalLabel.setColspan(2);
        lines.addCell(totalLabel);
        PdfPCell total = Letterhead.padded(new PdfPCell(new Phrase(vnd(r.totalVnd()), Letterhead.bold())));
        total.setHorizontalAlignment(Element.ALIGN_RIGHT);
        lines.addCell(total);
        lines.addCell(Letterhead.padded(new PdfPCell(new Phrase(r.totalInWords(), Letterhead.bold()))));
        doc.add(lines);
        doc.add(new Paragraph("Tổng số tiền bằng chữ: " + r.totalInWords(), Letterhead.bold()));
        doc.add(new Paragraph(" "));
        var day = r.date();
        Paragraph sign = new Paragraph("Ngày " + String.format("%02d", day.getDayOfMonth()) + " tháng " + String.format("%02d", day.getMonthValue())
                + " năm " + day.getYear() + "\nTỔ CHỨC THU PHÍ, LỆ PHÍ\n(Chữ ký số)", Letterhead.bold());
        sign.setAlignment(Element.ALIGN_RIGHT);
        doc.add(sign);
        doc.add(new Paragraph(" "));
        PdfPTable more = new PdfPTable(new float[]{2f, 5f});
        more.setWidthPercentage(100);
        smallRow(more, "Hồ sơ", r.dossierCode() == null ? "" : r.dossierCode());
        smallRow(more, "Thủ tục", procedureName == null ? "" : procedureName);
        smallRow(more, "Hình thức", "Thanh toán trực tuyến qua " + (r.provider() == null ? "" : r.provider().toUpperCase(Locale.ROOT))
                + (r.transaction() == null ? "" : ", mã giao dịch " + r.transaction()));
        smallRow(more, "Mã thanh toán", r.paymentReference());
        smallRow(more, "Thời điểm thu", at.format(r.issuedAt().atZone(ReceiptRules.VN)));
        doc.add(more);
        doc.add(new Paragraph(" "));
        Letterhead.qrFooter(doc, writer, "Biên lai điện tử có chữ ký số của " + collector + ", do " + Letterhead.SYSTEM
                + " lập khi khoản thanh toán được ghi nhận (" + BASIS.article() + ", " + BASIS.document() + "; ký hiệu theo Thông tư 91/2026/TT-BTC)."
                + " Kiểm tra: quét mã QR hoặc mở " + verifyUrl + " (không cần đăng nhập).", verifyUrl);
        doc.close();
        return PdfA.convert(out.toByteArray(), "Biên lai thu phí, lệ phí " + r.designation(), r.issuedAt());
    }

    private static void row(PdfPTable t, String label, String value) {
        t.addCell(Letterhead.padded(new PdfPCell(new Phrase(label, Letterhead.bold()))));
        t.addCell(Letterhead.padded(new PdfPCell(new Phrase(value, Letterhead.normal()))));
    }

    private static void smallRow(PdfPTable t, String label, String value) {
        t.addCell(Letterhead.padded(new PdfPCell(new Phrase(label, Letterhead.small()))));
        t.addCell(Letterhead.padded(new PdfPCell(new Phrase(value, Letterhead.small()))));
    }
}
