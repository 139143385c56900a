package vn.gov.bvhttdl.dvc.documents;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import vn.gov.bvhttdl.dvc.application.ResultRenderer;
import vn.gov.bvhttdl.dvc.application.Signer;
import vn.gov.bvhttdl.dvc.domain.Citation;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Procedure;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;

/**
 * The electronic result as PDF, with the letterhead every document shares: its type as the title, its number, the
 * legal basis, the lines of its face, its validity, the decision's note, and a QR code holding only the address
 * of its public verification page (no personal data in the code). Signed with the unit's key (PAdES) through
 * {@link Signer}.
 */
public final class ResultPdf implements ResultRenderer {
    private final Signer signer;
    private final java.util.function.Supplier<Pades.LongTerm> longTerm;

    /** Signed PAdES B-B (no timestamp): for tests and a stack without a TSA. */
    public ResultPdf(Signer signer) { this(signer, (Pades.LongTerm) null); }

    /** Signed PAdES B-LTA when {@code longTerm} is archival (a result is kept for decades), B-LT or B-T as it says. */
    public ResultPdf(Signer signer, Pades.LongTerm longTerm) {
        this(signer, () -> longTerm);
    }

    /** As {@code longTerm} says at each signature (the settings, read when a document is signed; null: B-B). */
    public ResultPdf(Signer signer, java.util.function.Supplier<Pades.LongTerm> longTerm) {
        this.signer = signer;
        this.longTerm = longTerm;
    }

    @Override
    public Signed render(IssuedResult r, Procedure p, String verifyUrl, String note) {
        byte[] unsigned = draw(r, p, verifyUrl, note);
        byte[] signed = Pades.sign(unsigned, signer, longTerm.get(), r.issuedAt(), "Kết quả giải quyết thủ tục hành chính " + r.number(), Letterhead.PLACE);
        return new Signed(signed, signer.chain().get(0).getSubjectX500Principal().getName());
    }

    static byte[] draw(IssuedResult r, Procedure p, String verifyUrl, String note) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 40, 40);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.addTitle(r.type().vi() + " " + r.number());
        doc.addCreator(Letterhead.SYSTEM);
        doc.open();
        Letterhead.heading(doc, p.agencyName().vi(), null, r.issuedAt());
        doc.add(Letterhead.centered(r.type().vi().toUpperCase(), Letterhead.title()));
        doc.add(Letterhead.centered("Số: " + r.number(), Letterhead.bold()));
        doc.add(new Paragraph(" "));
        for (Citation c : p.legalBasis()) {
            doc.add(new Paragraph("Căn cứ " + (c.article() == null ? "" : c.article() + " ") + c.document() + ";", Letterhead.normal()));
        }
        doc.add(new Paragraph("Căn cứ hồ sơ " + r.dossierCode() + " đề nghị giải quyết thủ tục " + p.name().vi() + ",", Letterhead.normal()));
        doc.add(new Paragraph(" "));
        doc.add(Letterhead.centered(p.agencyName().vi().toUpperCase() + " CẤP CHO", Letterhead.bold()));
        PdfPTable face = new PdfPTable(new float[]{2f, 5f});
        face.setWidthPercentage(100);
        face.setSpacingBefore(6);
        for (IssuedResult.Line l : r.face()) {
            face.addCell(Letterhead.padded(new PdfPCell(new Phrase(l.label(), Letterhead.bold()))));
            face.addCell(Letterhead.padded(new PdfPCell(new Phrase(l.value(), Letterhead.normal()))));
        }
        doc.add(face);
        doc.add(new Paragraph(" "));
        doc.add(new Paragraph("Ngày cấp: " + day.format(r.issuedAt().atZone(Letterhead.VN)) + ". Hiệu lực: "
                + (r.validUntil() == null ? "không thời hạn." : "đến hết ngày " + day.format(r.validUntil()) + "."), Letterhead.normal()));
        if (note != null && !note.isBlank()) doc.add(new Paragraph("Ghi chú: " + note, Letterhead.normal()));
        doc.add(new Paragraph(" "));
        Paragraph sign = new Paragraph("THỦ TRƯỞNG ĐƠN VỊ\n(Đã ký số)", Letterhead.bold());
        sign.setAlignment(Element.ALIGN_RIGHT);
        doc.add(sign);
        doc.add(new Paragraph(" "));
        Letterhead.qrFooter(doc, writer, "Văn bản điện tử có chữ ký số của " + p.agencyName().vi() + ", do " + Letterhead.SYSTEM
                + " cấp. Kiểm tra tính xác thực và hiệu lực: quét mã QR hoặc mở " + verifyUrl + " (không cần đăng nhập).", verifyUrl);
        doc.close();
        return PdfA.convert(out.toByteArray(), r.type().vi() + " " + r.number(), r.issuedAt());
    }
}
