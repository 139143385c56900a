package vn.gov.bvhttdl.dvc.api.admin;

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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The periodic report (form II.06a) as files to download: XLSX and PDF, in Vietnamese as the form is. The XLSX is
 * written here as its few SpreadsheetML parts (one sheet, inline strings, two styles) rather than with Apache POI,
 * which would add about 20 MB of jars (poi, poi-ooxml, poi-ooxml-lite, xmlbeans, commons-*) to the administrators'
 * function for one sheet; the tests read it back with POI. The PDF is written with OpenPDF in the font the documents
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
        List<String> keys = columnKeys(p);
        List<ReportII06a.Column> cols = new ArrayList<>(p.columns());
        cols.addAll(p.extraColumns());
        StringBuilder rows = new StringBuilder();
        List<String> merges = new ArrayList<>();
        int r = 0;
        for (String h : headingLines(p)) {
            r++;
            rows.append("<row r=\"").append(r).append("\">").append(text(0, r, h, r <= 2 ? 1 : 0)).append("</row>");
        }
        r++; // blank
        // group heading
        r++;
        int groupRow = r;
        rows.append("<row r=\"").append(r).append("\">").append(text(0, r, "STT", 1)).append(text(1, r, "Lĩnh vực, thủ tục", 1));
        String lastGroup = null;
        int start = 2;
        for (int i = 0; i < cols.size(); i++) {
            String g = cols.get(i).group() == null ? "extra" : cols.get(i).group();
            if (!g.equals(lastGroup)) {
                if (lastGroup != null && i + 1 > start) merges.add(ref(start, groupRow) + ":" + ref(i + 1, groupRow));
                rows.append(text(i + 2, r, groups().getOrDefault(g, ""), 1));
                lastGroup = g;
                start = i + 2;
            }
        }
        if (cols.size() + 1 > start) merges.add(ref(start, groupRow) + ":" + ref(cols.size() + 1, groupRow));
        rows.append("</row>");
        r++;
        rows.append("<row r=\"").append(r).append("\">");
        for (int i = 0; i < cols.size(); i++) rows.append(text(i + 2, r, cols.get(i).name().vi(), 1));
        rows.append("</row>");
        merges.add(ref(0, groupRow) + ":" + ref(0, r));
        merges.add(ref(1, groupRow) + ":" + ref(1, r));
        for (Line l : lines(p)) {
            r++;
            int style = l.kind().equals("procedure") ? 0 : 1;
            rows.append("<row r=\"").append(r).append("\">").append(text(0, r, l.number(), style)).append(text(1, r, l.label(), style));
            for (int i = 0; i < keys.size(); i++) rows.append("<c r=\"").append(ref(i + 2, r)).append("\" s=\"").append(style).append("\"><v>").append(l.values().get(i)).append("</v></c>");
            rows.append("</row>");
        }
        r += 2;
        rows.append("<row r=\"").append(r).append("\">").append(text(0, r, "Thời gian chốt số liệu: " + p.cutOffRule().vi(), 0)).append("</row>");
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<cols><col min=\"1\" max=\"1\" width=\"6\" customWidth=\"1\"/><col min=\"2\" max=\"2\" width=\"48\" customWidth=\"1\"/>"
                + "<col min=\"3\" max=\"" + (cols.size() + 2) + "\" width=\"14\" customWidth=\"1\"/></cols><sheetData>");
        sheet.append(rows).append("</sheetData>");
        sheet.append("<mergeCells count=\"").append(merges.size()).append("\">");
        merges.forEach(m -> sheet.append("<mergeCell ref=\"").append(m).append("\"/>"));
        sheet.append("</mergeCells></worksheet>");
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "</Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"II.06a\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                + "</Relationships>");
        parts.put("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Times New Roman\"/></font><font><b/><sz val=\"11\"/><name val=\"Times New Roman\"/></font></fonts>"
                + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
                + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"><alignment wrapText=\"1\" vertical=\"center\"/></xf></cellXfs>"
                + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");
        parts.put("xl/worksheets/sheet1.xml", sheet.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A cell's reference: column 0 is A. */
    static String ref(int col, int row) {
        StringBuilder s = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) s.insert(0, (char) ('A' + (c - 1) % 26));
        return s.append(row).toString();
    }

    private static String text(int col, int row, String value, int style) {
        return "<c r=\"" + ref(col, row) + "\" s=\"" + style + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" + xml(value) + "</t></is></c>";
    }

    /** XML text: the five markup characters escaped, characters XML 1.0 forbids dropped. */
    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000) b.appendCodePoint(c);
                }
            }
        });
        return b.toString();
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
