package vn.gov.bvhttdl.dvc.validation;

import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import vn.gov.bvhttdl.dvc.documents.Letterhead;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Procedure;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The receipt and appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, form 01 of Circular 03/2025/TT-VPCP, Annex I) as a
 * PDF, with the letterhead, fonts and QR code every form shares ({@link Letterhead}): the QR code holds the address of
 * the receipt's public verification page; the Circular 01/2023 metadata (dossier code, procedure code, document name,
 * issuing system, issue time, appointment date) is in its verification record — not the applicant's ID number.
 */
final class ReceiptPdf {
    static final String DOCUMENT_NAME = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả";
    static final String SYSTEM = Letterhead.SYSTEM;
    private static final ZoneId VN = Letterhead.VN;

    private ReceiptPdf() {}

    /**
     * @param lookupKey the short key printed for looking the dossier up without signing in (with its code)
     */
    static byte[] render(Dossier d, Procedure p, List<Attachment> files, Instant receivedAt, LocalDate due, Instant issuedAt,
                         String lookupKey, String verifyUrl) {
        Font normal = Letterhead.normal();
        Font bold = Letterhead.bold();
        Font title = Letterhead.title();
        Font small = Letterhead.small();
        DateTimeFormatter date = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 40, 40);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.addTitle(DOCUMENT_NAME + " " + d.code());
        doc.addCreator(SYSTEM);
        doc.open();
        // the ministry above the issuing unit, as the heading of an administrative document puts it
        Letterhead.heading(doc, p.agencyName().vi(), "Bộ phận Một cửa", issuedAt);
        doc.add(Letterhead.centered("Mẫu số 01 (Thông tư 03/2025/TT-VPCP)", small));
        doc.add(Letterhead.centered("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", title));
        doc.add(Letterhead.centered("Mã hồ sơ: " + d.code() + "    Mã tra cứu: " + lookupKey, bold));
        doc.add(new Paragraph(" "));
        String enterprise = d.form().get("companyName");
        boolean forEnterprise = d.applicant().enterpriseCode() != null && !d.applicant().enterpriseCode().isBlank();
        if (forEnterprise) {
            // an enterprise applies: its name and code, and the person who submitted for it
            doc.add(new Paragraph("Bộ phận Một cửa tiếp nhận hồ sơ của: " + nz(enterprise != null ? enterprise : d.applicant().fullName()), normal));
            doc.add(new Paragraph("Mã số doanh nghiệp: " + d.applicant().enterpriseCode(), normal));
            doc.add(new Paragraph("Người nộp hồ sơ: " + nz(d.applicant().fullName()) + " (số định danh cá nhân "
                    + nz(d.applicant().idNumber()) + ")", normal));
        } else {
            doc.add(new Paragraph("Bộ phận Một cửa tiếp nhận hồ sơ của: " + nz(d.applicant().fullName()), normal));
            doc.add(new Paragraph("Số định danh cá nhân: " + nz(d.applicant().idNumber()), normal));
        }
        doc.add(new Paragraph("Địa chỉ: " + nz(d.applicant().address()), normal));
        doc.add(new Paragraph("Số điện thoại: " + nz(d.applicant().phone()) + "    Thư điện tử: " + nz(d.applicant().email()), normal));
        doc.add(new Paragraph("Nội dung yêu cầu giải quyết: " + p.name().vi() + " (mã thủ tục " + p.code() + ", phiên bản " + p.version() + ")", normal));
        doc.add(new Paragraph("1. Thành phần hồ sơ nộp gồm:", normal));
        PdfPTable t = new PdfPTable(new float[]{0.5f, 4f, 3f, 1f});
        t.setWidthPercentage(100);
        t.setSpacingBefore(4);
        for (String h : List.of("TT", "Tên giấy tờ", "Tệp", "Số trang")) t.addCell(Letterhead.padded(new PdfPCell(new Phrase(h, bold))));
        int n = 1;
        for (Procedure.Component c : p.components()) {
            for (Attachment a : files) {
                if (!c.code().equals(a.componentCode()) || a.status() != Attachment.Status.ACCEPTED) continue;
                t.addCell(Letterhead.padded(new PdfPCell(new Phrase(Integer.toString(n++), normal))));
                t.addCell(Letterhead.padded(new PdfPCell(new Phrase(c.name().vi(), normal))));
                t.addCell(Letterhead.padded(new PdfPCell(new Phrase(a.fileName(), normal))));
                t.addCell(Letterhead.padded(new PdfPCell(new Phrase(pages(a), normal))));
            }
        }
        doc.add(t);
        doc.add(new Paragraph("2. Số lượng hồ sơ: 01 bộ (hồ sơ điện tử)", normal));
        doc.add(new Paragraph("3. Thời gian giải quyết hồ sơ theo quy định: " + p.timeLimit().label().vi(), normal));
        doc.add(new Paragraph("4. Thời gian nhận hồ sơ: " + DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy")
                .format(receivedAt.atZone(VN)), normal));
        doc.add(new Paragraph("5. Thời gian trả kết quả giải quyết hồ sơ: ngày " + date.format(due), bold));
        doc.add(new Paragraph(p.serviceLevel() == 4
                ? "6. Nộp phí, lệ phí trực tuyến; nhận kết quả điện tử có chữ ký số trên Cổng Dịch vụ công của Bộ (dịch vụ công mức độ 4)"
                : "6. Nộp phí, lệ phí và nhận kết quả tại " + p.agencyName().vi() + " hoặc qua dịch vụ bưu chính (dịch vụ công mức độ 3)", normal));
        doc.add(new Paragraph(" "));
        // the QR code in the flow of the page, beside the note on the electronic issue: never over the text
        Letterhead.qrFooter(doc, writer, Letterhead.issuedNote(issuedAt) + " Kiểm tra giấy này: " + verifyUrl + "\n"
                + "Tra cứu không cần đăng nhập trên Cổng Dịch vụ công của Bộ (mục Tra cứu hồ sơ) bằng mã hồ sơ và mã tra cứu: "
                + lookupKey + ".", verifyUrl);
        doc.close();
        return vn.gov.bvhttdl.dvc.documents.PdfA.convert(out.toByteArray(), DOCUMENT_NAME + " " + d.code(), issuedAt);
    }

    /** The page count: what the scan counted, 1 for an image, "—" when it is not known. */
    static String pages(Attachment a) {
        if (a.pages() != null && a.pages() > 0) return a.pages().toString();
        String t = a.detectedType() == null ? "" : a.detectedType();
        return t.equals("jpg") || t.equals("jpeg") || t.equals("png") ? "1" : "—";
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
