package vn.gov.bvhttdl.dvc.api.admin;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfWriter;
import vn.gov.bvhttdl.dvc.application.PeriodicReport;
import vn.gov.bvhttdl.dvc.domain.ReportII06a;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The periodic report (form II.06a) as files to download: XLSX and PDF, in Vietnamese as the form is. The XLSX is
 * written with fastexcel (org.dhatim, a streaming writer of about 0.15 MB with opczip) rather than Apache POI, which
 * would add about 20 MB of jars (poi, poi-ooxml, poi-ooxml-lite, xmlbeans, commons-*) to the administrators' function
 * for one sheet; the tests read it back with POI. The PDF is written with OpenPDF in the font the documents
 * function's forms use (Liberation Sans, every Vietnamese letter; {@code documents.Letterhead}), without the documents
 * module itself (its signing and QR libraries are not needed here).
 */
final class ReportFiles {
    private static final BaseFont REGULAR = font("liberation/LiberationSans-Regular.ttf");
    private static final BaseFont BOLD = font("liberation/LiberationSans-Bold.ttf");

    private static BaseFont font(String resource) {
        try (java.io.InputStream in = ReportFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("font " + resource + " is not packaged");
            return BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ReportFiles() {}

    /** The file name: {@code bao-cao-II06a-CDLQG-2026-11.xlsx}. */
    static String fileName(PeriodicReport.Page p, String ext) {
        return ("bao-cao-II06a-" + p.agency() + "-" + p.period() + "." + ext).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The table as lines: a row's kind ({@code field}, {@code procedure}, {@code total}), its number, its label and its values. */
    record Line(String kind, String number, String label, List<Long> values) {}

    static List<Line> lines(PeriodicReport.Page p) {
        List<Line> out = new ArrayList<>();
        int n = 0;
        for (PeriodicReport.Field f : p.fields()) {
            n++;
            out.add(new Line("field", Integer.toString(n), f.row().name().vi(), values(p, f.row())));
            int m = 0;
            for (PeriodicReport.Row r : f.procedures()) out.add(new Line("procedure", n + "." + (++m), r.code() + " — " + r.name().vi(), values(p, r)));
        }
        out.add(new Line("total", "", "Tổng cộng", values(p, p.total())));
        return out;
    }

    static List<String> columnKeys(PeriodicReport.Page p) {
        List<String> keys = new ArrayList<>();
        p.columns().forEach(c -> keys.add(c.key()));
        p.extraColumns().forEach(c -> keys.add(c.key()));
        return keys;
    }

    private static List<Long> values(PeriodicReport.Page p, PeriodicReport.Row r) {
        return columnKeys(p).stream().map(k -> r.values().get(k)).toList();
    }

    /** Header rows: the groups over the columns, then the columns. */
    static Map<String, String> groups() {
        Map<String, String> g = new LinkedHashMap<>();
        g.put("received", "Số hồ sơ nhận giải quyết");
        g.put("handled", "Kết quả giải quyết: đã giải quyết");
        g.put("inProgress", "Kết quả giải quyết: đang giải quyết");
        g.put("extra", "Ngoài biểu mẫu");
        return g;
    }

    static List<String> headingLines(PeriodicReport.Page p) {
        return List.of("Biểu số II.06a/VPCP/KSTT",
                "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
                "Cơ quan: " + p.agencyName().vi() + " (" + p.agency() + ")",
                "Kỳ báo cáo: " + p.period() + " (từ ngày " + DAY.format(p.from()) + " đến ngày " + DAY.format(p.to()) + ")"
                        + (p.running() ? " — kỳ chưa kết thúc, số liệu còn thay đổi" : ""),
                "Đơn vị tính: hồ sơ");
    }

    // --- XLSX -------------------------------------------------------------------------------------------------------

    static byte[] xlsx(PeriodicReport.Page p) {
        List<ReportII06a.Column> cols = new ArrayList<>(p.columns());
        cols.addAll(p.extraColumns());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "DVC BVHTTDL", "1.0")) {
            wb.setGlobalDefaultFont("Times New Roman", 11);
            Worksheet ws = wb.newWorksheet("II.06a");
            ws.width(0, 6);
            ws.width(1, 48);
            for (int i = 0; i < cols.size(); i++) ws.width(i + 2, 14);
            // rows and columns count from 0 here: A1 is (0, 0)
            int r = 0;
            for (String h : headingLines(p)) {
                ws.value(r, 0, h);
                if (r <= 1) bold(ws, r, 0);
                r++;
            }
            r++; // blank
            int groupRow = r;
            text(ws, r, 0, "STT", true);
            text(ws, r, 1, "Lĩnh vực, thủ tục", true);
            for (int i = 0; i < cols.size(); ) {
                String g = group(cols.get(i));
                int span = 0;
                while (i + span < cols.size() && g.equals(group(cols.get(i + span)))) span++;
                text(ws, r, i + 2, groups().getOrDefault(g, ""), true);
                if (span > 1) ws.range(r, i + 2, r, i + 1 + span).merge();
                i += span;
            }
            r++;
            for (int i = 0; i < cols.size(); i++) text(ws, r, i + 2, cols.get(i).name().vi(), true);
            ws.range(groupRow, 0, r, 0).merge();
            ws.range(groupRow, 1, r, 1).merge();
            for (Line l : lines(p)) {
                r++;
                boolean strong = !l.kind().equals("procedure");
                text(ws, r, 0, l.number(), strong);
                text(ws, r, 1, l.label(), strong);
                for (int i = 0; i < l.values().size(); i++) {
                    ws.value(r, i + 2, l.values().get(i));
                    if (strong) bold(ws, r, i + 2);
                }
            }
            r += 2;
            ws.value(r, 0, "Thời gian chốt số liệu: " + p.cutOffRule().vi());
            ws.value(r + 1, 0, "Căn cứ: " + p.basis() + (p.basis().confirmed() ? "" : " (chưa đối chiếu văn bản)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String group(ReportII06a.Column c) {
        return c.group() == null ? "extra" : c.group();
    }

    private static void text(Worksheet ws, int row, int col, String value, boolean strong) {
        ws.value(row, col, value);
        if (strong) bold(ws, row, col);
    }

    /** The headings' and totals' style: bold, wrapped, centred vertically. */
    private static void bold(Worksheet ws, int row, int col) {
        ws.style(row, col).bold().wrapText(true).verticalAlignment("center").set();
    }

    // --- PDF --------------------------------------------------------------------------------------------------------

    static byte[] pdf(PeriodicReport.Page p, Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        PdfWriter.getInstance(doc, out);
        doc.open();
        Font normal = new Font(REGULAR, 8), bold = new Font(BOLD, 8), small = new Font(REGULAR, 7);
        PdfPTable head = new PdfPTable(2);
        head.setWidthPercentage(100);
        head.addCell(borderless("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH\n" + p.agencyName().vi().toUpperCase(java.util.Locale.ROOT), new Font(BOLD, 10)));
        head.addCell(borderless("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", new Font(BOLD, 10)));
        doc.add(head);
        var local = now.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        Paragraph placeDate = new Paragraph("Hà Nội, ngày " + String.format("%02d", local.getDayOfMonth()) + " tháng "
                + String.format("%02d", local.getMonthValue()) + " năm " + local.getYear(), new Font(REGULAR, 10, Font.ITALIC));
        placeDate.setAlignment(Element.ALIGN_RIGHT);
        doc.add(placeDate);
        List<String> heading = headingLines(p);
        doc.add(new Paragraph(heading.get(0), small));
        for (int i = 1; i < heading.size(); i++) {
            Paragraph para = new Paragraph(heading.get(i), i == 1 ? new Font(BOLD, 13) : new Font(REGULAR, 10));
            para.setAlignment(Element.ALIGN_CENTER);
            doc.add(para);
        }
        List<ReportII06a.Column> cols = new ArrayList<>(p.columns());
        cols.addAll(p.extraColumns());
        float[] widths = new float[cols.size() + 2];
        widths[0] = 3;
        widths[1] = 22;
        for (int i = 0; i < cols.size(); i++) widths[i + 2] = 6;
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingBefore(8);
        t.setHeaderRows(2);
        PdfPCell stt = cell("STT", bold, Element.ALIGN_CENTER);
        stt.setRowspan(2);
        t.addCell(stt);
        PdfPCell label = cell("Lĩnh vực, thủ tục", bold, Element.ALIGN_CENTER);
        label.setRowspan(2);
        t.addCell(label);
        for (int i = 0; i < cols.size(); ) {
            String g = cols.get(i).group() == null ? "extra" : cols.get(i).group();
            int span = 0;
            while (i + span < cols.size() && g.equals(cols.get(i + span).group() == null ? "extra" : cols.get(i + span).group())) span++;
            PdfPCell c = cell(groups().getOrDefault(g, ""), bold, Element.ALIGN_CENTER);
            c.setColspan(span);
            t.addCell(c);
            i += span;
        }
        for (ReportII06a.Column c : cols) t.addCell(cell(c.name().vi(), bold, Element.ALIGN_CENTER));
        for (Line l : lines(p)) {
            Font f = l.kind().equals("procedure") ? normal : bold;
            t.addCell(cell(l.number(), f, Element.ALIGN_CENTER));
            t.addCell(cell(l.label(), f, Element.ALIGN_LEFT));
            for (Long v : l.values()) t.addCell(cell(Long.toString(v), f, Element.ALIGN_RIGHT));
        }
        doc.add(t);
        doc.add(new Paragraph("Thời gian chốt số liệu: " + p.cutOffRule().vi(), small));
        doc.add(new Paragraph("Căn cứ: " + p.basis() + (p.basis().confirmed() ? "" : " (chưa đối chiếu văn bản)"), small));
        doc.close();
        return out.toByteArray();
    }

    private static PdfPCell borderless(String text, Font f) {
        PdfPCell c = cell(text, f, Element.ALIGN_CENTER);
        c.setBorder(PdfPCell.NO_BORDER);
        return c;
    }

    private static PdfPCell cell(String text, Font f, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text, f));
        c.setHorizontalAlignment(align);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setPadding(3);
        return c;
    }
}
