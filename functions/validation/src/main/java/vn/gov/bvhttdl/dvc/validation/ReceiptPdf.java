package vn.gov.bvhttdl.dvc.validation;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Procedure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The receipt and appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, form 01 of Circular 03/2025/TT-VPCP, Annex I) as a
 * PDF, with the QR code of Circular 01/2023: dossier code, procedure code, applicant ID, document name, issuing
 * system, issue time and appointment date.
 */
final class ReceiptPdf {
    static final String DOCUMENT_NAME = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả";
    static final String SYSTEM = "Hệ thống thông tin một cửa điện tử Bộ Văn hóa, Thể thao và Du lịch";
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final BaseFont REGULAR = font("liberation/LiberationSans-Regular.ttf");
    private static final BaseFont BOLD = font("liberation/LiberationSans-Bold.ttf");

    private ReceiptPdf() {}

    private static BaseFont font(String resource) {
        try (InputStream in = ReceiptPdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("font " + resource + " is not packaged");
            return BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the QR code says (Circular 01/2023), as JSON. */
    static String qrPayload(Dossier d, Instant issuedAt, LocalDate due) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maHoSo", d.code());
        m.put("maTTHC", d.procedureCode());
        m.put("soDinhDanh", d.applicant().idNumber() != null ? d.applicant().idNumber() : d.applicant().enterpriseCode());
        m.put("tenGiayTo", DOCUMENT_NAME);
        m.put("heThong", SYSTEM);
        m.put("thoiGianCap", issuedAt.atZone(VN).toOffsetDateTime().toString());
        m.put("ngayHenTra", due.toString());
        return Json.write(m);
    }

    static final String MINISTRY = "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH";
    static final String PLACE = "Hà Nội";

    /**
     * @param lookupKey the short key printed for looking the dossier up without signing in (with its code)
     */
    static byte[] render(Dossier d, Procedure p, List<Attachment> files, Instant receivedAt, LocalDate due, Instant issuedAt,
                         String lookupKey) {
        Font normal = new Font(REGULAR, 11);
        Font bold = new Font(BOLD, 11);
        Font title = new Font(BOLD, 14);
        Font small = new Font(REGULAR, 8);
        DateTimeFormatter date = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 40, 40);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.addTitle(DOCUMENT_NAME + " " + d.code());
        doc.addCreator(SYSTEM);
        doc.open();

        PdfPTable head = new PdfPTable(2);
        head.setWidthPercentage(100);
        // the ministry above the issuing unit, as the heading of an administrative document puts it
        head.addCell(cell(MINISTRY + "\n" + p.agencyName().vi().toUpperCase() + "\nBỘ PHẬN MỘT CỬA", bold, Element.ALIGN_CENTER));
        head.addCell(cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", bold, Element.ALIGN_CENTER));
        doc.add(head);
        var issuedLocal = issuedAt.atZone(VN);
        Paragraph placeDate = new Paragraph(PLACE + ", ngày " + String.format("%02d", issuedLocal.getDayOfMonth()) + " tháng "
                + String.format("%02d", issuedLocal.getMonthValue()) + " năm " + issuedLocal.getYear(), new Font(REGULAR, 11, Font.ITALIC));
        placeDate.setAlignment(Element.ALIGN_RIGHT);
        doc.add(placeDate);
        doc.add(centered("Mẫu số 01 (Thông tư 03/2025/TT-VPCP)", small));
        doc.add(centered("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", title));
        doc.add(centered("Mã hồ sơ: " + d.code() + "    Mã tra cứu: " + lookupKey, bold));
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
        for (String h : List.of("TT", "Tên giấy tờ", "Tệp", "Số trang")) t.addCell(padded(new PdfPCell(new Phrase(h, bold))));
        int n = 1;
        for (Procedure.Component c : p.components()) {
            for (Attachment a : files) {
                if (!c.code().equals(a.componentCode()) || a.status() != Attachment.Status.ACCEPTED) continue;
                t.addCell(padded(new PdfPCell(new Phrase(Integer.toString(n++), normal))));
                t.addCell(padded(new PdfPCell(new Phrase(c.name().vi(), normal))));
                t.addCell(padded(new PdfPCell(new Phrase(a.fileName(), normal))));
                t.addCell(padded(new PdfPCell(new Phrase(pages(a), normal))));
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
        PdfPTable foot = new PdfPTable(new float[]{3f, 1.5f});
        foot.setWidthPercentage(100);
        foot.addCell(cell("Văn bản điện tử do " + SYSTEM + " cấp lúc "
                + DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").format(issuedAt.atZone(VN))
                + ". Quét mã QR để tra cứu thông tin hồ sơ (Thông tư 01/2023/TT-VPCP).\n"
                + "Tra cứu không cần đăng nhập trên Cổng Dịch vụ công của Bộ (mục Tra cứu hồ sơ) bằng mã hồ sơ và mã tra cứu: "
                + lookupKey + ".", small, Element.ALIGN_LEFT));
        PdfPCell qr = new PdfPCell(qrImage(writer.getDirectContent(), qrPayload(d, issuedAt, due), 150), false);
        qr.setBorder(0);
        qr.setHorizontalAlignment(Element.ALIGN_RIGHT);
        foot.addCell(qr);
        doc.add(foot);
        doc.close();
        return out.toByteArray();
    }

    private static org.openpdf.text.Image qrImage(PdfContentByte cb, String text, float size) {
        org.openpdf.text.pdf.PdfTemplate tpl = cb.createTemplate(size, size);
        drawQr(tpl, text, 0, 0, size);
        try {
            return org.openpdf.text.Image.getInstance(tpl);
        } catch (org.openpdf.text.BadElementException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void drawQr(PdfContentByte cb, String text, float x, float y, float size) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException("QR code: " + e.getMessage(), e);
        }
        float cell = size / m.getWidth();
        cb.saveState();
        cb.setRGBColorFill(255, 255, 255);
        cb.rectangle(x, y, size, size);
        cb.fill();
        cb.setRGBColorFill(0, 0, 0);
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) cb.rectangle(x + col * cell, y + size - (row + 1) * cell, cell, cell);
            }
        }
        cb.fill();
        cb.restoreState();
    }

    /** The page count: what the scan counted, 1 for an image, "—" when it is not known. */
    static String pages(Attachment a) {
        if (a.pages() != null && a.pages() > 0) return a.pages().toString();
        String t = a.detectedType() == null ? "" : a.detectedType();
        return t.equals("jpg") || t.equals("jpeg") || t.equals("png") ? "1" : "—";
    }

    private static PdfPCell padded(PdfPCell c) {
        c.setPadding(4);
        c.setPaddingBottom(6);
        return c;
    }

    private static PdfPCell cell(String text, Font f, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text, f));
        c.setBorder(0);
        c.setHorizontalAlignment(align);
        return c;
    }

    private static Paragraph centered(String text, Font f) {
        Paragraph p = new Paragraph(text, f);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
