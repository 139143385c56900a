package vn.gov.bvhttdl.dvc.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * What every document the system issues has in common, in one place: the fonts (Liberation Sans, every Vietnamese
 * letter), the heading of an administrative document (the ministry over the issuing agency and unit, the national
 * motto), the place and date, the form's number and title, the signature block, and the QR code (the document's
 * verification address) with the
 * note on the electronic issue.
 */
public final class Letterhead {
    public static final String MINISTRY = "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH";
    public static final String SYSTEM = "Hệ thống thông tin một cửa điện tử Bộ Văn hóa, Thể thao và Du lịch";
    public static final String PLACE = "Hà Nội";
    public static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final BaseFont REGULAR = font("liberation/LiberationSans-Regular.ttf");
    public static final BaseFont BOLD = font("liberation/LiberationSans-Bold.ttf");

    private Letterhead() {}

    public static Font normal() { return new Font(REGULAR, 11); }

    public static Font bold() { return new Font(BOLD, 11); }

    public static Font title() { return new Font(BOLD, 14); }

    public static Font small() { return new Font(REGULAR, 8); }

    private static BaseFont font(String resource) {
        try (InputStream in = Letterhead.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("font " + resource + " is not packaged");
            return BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The heading: the ministry, the agency and the unit on the left, the national motto on the right; then place and date. */
    public static void heading(Document doc, String agencyName, String unitName, Instant issuedAt) {
        PdfPTable head = new PdfPTable(2);
        head.setWidthPercentage(100);
        head.addCell(cell(MINISTRY + "\n" + agencyName.toUpperCase() + (unitName == null ? "" : "\n" + unitName.toUpperCase()), bold(), Element.ALIGN_CENTER));
        head.addCell(cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", bold(), Element.ALIGN_CENTER));
        doc.add(head);
        var local = issuedAt.atZone(VN);
        Paragraph placeDate = new Paragraph(PLACE + ", ngày " + String.format("%02d", local.getDayOfMonth()) + " tháng "
                + String.format("%02d", local.getMonthValue()) + " năm " + local.getYear(), new Font(REGULAR, 11, Font.ITALIC));
        placeDate.setAlignment(Element.ALIGN_RIGHT);
        doc.add(placeDate);
    }

    /** "Mẫu số 0n (Thông tư 03/2025/TT-VPCP)" over the title. */
    public static void formTitle(Document doc, String number, String title) {
        doc.add(centered("Mẫu số " + number + " (Thông tư 03/2025/TT-VPCP)", small()));
        doc.add(centered(title, title()));
    }

    /**
     * The signature block on the right: each line centred in its column, the titles bold (with "KT."/"TL." over the
     * superior's title when on behalf), the note of the digital signature, the signer's name (Decree 30/2020 Art 13).
     */
    public static void signature(Document doc, java.util.List<String> lines) {
        PdfPTable t = new PdfPTable(new float[]{1f, 1f});
        t.setWidthPercentage(100);
        t.addCell(cell("", normal(), Element.ALIGN_LEFT));
        Paragraph block = new Paragraph();
        block.setAlignment(Element.ALIGN_CENTER);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean note = l.startsWith("(");
            block.add(new Phrase((i == 0 ? "" : "\n") + l, note ? new Font(REGULAR, 10, Font.ITALIC) : bold()));
        }
        PdfPCell c = new PdfPCell();
        c.setBorder(0);
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        block.setLeading(0, 1.4f);
        c.addElement(block);
        t.addCell(c);
        doc.add(t);
    }

    /** {@code s}'s block: its lines under the digital signature's note. */
    public static void signature(Document doc, vn.gov.bvhttdl.dvc.domain.Signature s, String signed) {
        signature(doc, s.lines(signed));
    }

    /** The note on the electronic issue beside the QR code, in the flow of the page (never over the text). */
    public static void qrFooter(Document doc, PdfWriter writer, String note, String payload) {
        PdfPTable foot = new PdfPTable(new float[]{3f, 1.5f});
        foot.setWidthPercentage(100);
        foot.addCell(cell(note, small(), Element.ALIGN_LEFT));
        PdfPCell qr = new PdfPCell(qrImage(writer.getDirectContent(), payload, 150), false);
        qr.setBorder(0);
        qr.setHorizontalAlignment(Element.ALIGN_RIGHT);
        foot.addCell(qr);
        doc.add(foot);
    }

    /** "Văn bản điện tử do … cấp lúc HH:mm dd/MM/yyyy." */
    public static String issuedNote(Instant issuedAt) {
        return "Văn bản điện tử do " + SYSTEM + " cấp lúc " + DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").format(issuedAt.atZone(VN))
                + ". Quét mã QR để kiểm tra văn bản (Thông tư 01/2023/TT-VPCP).";
    }

    private static org.openpdf.text.Image qrImage(PdfContentByte cb, String text, float size) {
        org.openpdf.text.pdf.PdfTemplate tpl = cb.createTemplate(size, size);
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException("QR code: " + e.getMessage(), e);
        }
        float cell = size / m.getWidth();
        tpl.saveState();
        tpl.setRGBColorFill(255, 255, 255);
        tpl.rectangle(0, 0, size, size);
        tpl.fill();
        tpl.setRGBColorFill(0, 0, 0);
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) tpl.rectangle(col * cell, size - (row + 1) * cell, cell, cell);
            }
        }
        tpl.fill();
        tpl.restoreState();
        try {
            return org.openpdf.text.Image.getInstance(tpl);
        } catch (org.openpdf.text.BadElementException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PdfPCell padded(PdfPCell c) {
        // room between the lines for the diacritics above and below (a cell's default leading is the font size)
        c.setLeading(0, 1.35f);
        c.setPadding(4);
        c.setPaddingBottom(6);
        return c;
    }

    public static PdfPCell cell(String text, Font f, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text, f));
        // the heading's lines (ministry, agency, unit; the motto) would touch otherwise: Vietnamese stacks diacritics
        c.setLeading(0, 1.4f);
        c.setBorder(0);
        c.setHorizontalAlignment(align);
        return c;
    }

    public static Paragraph centered(String text, Font f) {
        Paragraph p = new Paragraph(text, f);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }
}
