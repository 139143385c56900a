package vn.gov.bvhttdl.dvc.documents;

import org.openpdf.text.Document;
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
import vn.gov.bvhttdl.dvc.domain.Signature;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;

/**
 * The electronic result as PDF, with the letterhead every document shares: its type as the title, its number, the
 * legal basis, the lines of its face (the catalogue's labels, never its codes), its validity, who signs (with KT./TL.
 * when on behalf of a superior), and a QR code holding only the address
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
    public Signed render(IssuedResult r, Procedure p, String verifyUrl, Printed printed) {
        byte[] unsigned = draw(r, p, verifyUrl, printed);
        byte[] signed = Pades.sign(unsigned, signer, longTerm.get(), r.issuedAt(), "Kết quả giải quyết thủ tục hành chính " + r.number(), Letterhead.PLACE);
        return new Signed(signed, signer.chain().get(0).getSubjectX500Principal().getName());
    }

    static byte[] draw(IssuedResult r, Procedure p, String verifyUrl, Printed printed) {
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
        // the leader's approval note is internal (on the trail): it is not part of the result's face
        if (printed != null && printed.correction() != null && !printed.correction().isBlank()) {
            doc.add(new Paragraph(printed.correction(), Letterhead.normal()));
        }
        doc.add(new Paragraph(" "));
        Signature signature = printed == null || printed.signature() == null
                ? new Signature(null, null, null, new Text("Thủ trưởng đơn vị", "Head of the unit"), null) : printed.signature();
        Letterhead.signature(doc, signature, "(Đã ký số)");
        doc.add(new Paragraph(" "));
        Letterhead.qrFooter(doc, writer, "Văn bản điện tử có chữ ký số của " + p.agencyName().vi() + ", do " + Letterhead.SYSTEM
                + " cấp. Kiểm tra tính xác thực và hiệu lực: quét mã QR hoặc mở " + verifyUrl + " (không cần đăng nhập).", verifyUrl);
        doc.close();
        return PdfA.convert(out.toByteArray(), r.type().vi() + " " + r.number(), r.issuedAt());
    }
}
