package vn.gov.bvhttdl.dvc.documents;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Forms 02–07 of Circular 03/2025/TT-VPCP as PDF, from their templates in {@code rules/form-templates.json}: the
 * letterhead, the number and title, the paragraphs with the dossier's data, the table (06, 07), who signs, and the
 * QR code.
 */
public final class FormPdf {
    /** A form's template: its title, paragraphs with {placeholders}, table columns (may be empty) and signer. */
    public record Template(String number, String title, String signer, List<String> body, List<String> columns, float[] widths) {}

    /**
     * What a rendered form is about: its issuer, its data, its table, its QR code's content (the document's
     * verification address), when it was issued, and the signature block's lines (null: the template's signer).
     */
    public record Content(String number, String agencyName, String unitName, Map<String, String> values,
                          List<List<String>> rows, String qrPayload, Instant issuedAt, List<String> signature) {
        public Content(String number, String agencyName, String unitName, Map<String, String> values,
                       List<List<String>> rows, String qrPayload, Instant issuedAt) {
            this(number, agencyName, unitName, values, rows, qrPayload, issuedAt, null);
        }
    }

    private static final Map<String, Template> TEMPLATES = read();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private FormPdf() {}

    public static Template template(String number) {
        Template t = TEMPLATES.get(number);
        if (t == null) throw new IllegalArgumentException("no template for form " + number);
        return t;
    }

    public static boolean has(String number) { return TEMPLATES.containsKey(number); }

    private static Map<String, Template> read() {
        Map<String, Object> root = Json.obj(Json.resource("/rules/form-templates.json"));
        Map<String, Template> out = new java.util.TreeMap<>();
        Json.obj(root.get("forms")).forEach((n, v) -> {
            Map<String, Object> f = Json.obj(v);
            out.put(n, new Template(n, Json.str(f, "title"), Json.str(f, "signer"),
                    Json.list(f.get("body")).stream().map(Object::toString).toList(),
                    Json.list(f.get("columns")).stream().map(Object::toString).toList(), widths(f.get("widths"))));
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    private static float[] widths(Object list) {
        List<Object> l = Json.list(list);
        float[] w = new float[l.size()];
        for (int i = 0; i < w.length; i++) w[i] = ((Number) l.get(i)).floatValue();
        return w;
    }

    /** {@code text} with each {name} replaced by its value (an unknown name stays visible as "…"). */
    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(b, Matcher.quoteReplacement(v == null || v.isBlank() ? "…" : v));
        }
        m.appendTail(b);
        return b.toString();
    }

    public static byte[] render(Content c) {
        Template t = template(c.number());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(c.rows() != null && t.columns().size() > 6 ? PageSize.A4.rotate() : PageSize.A4, 50, 50, 40, 40);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        String code = c.values().getOrDefault("code", "");
        doc.addTitle("Mẫu số " + t.number() + " " + code);
        doc.addCreator(Letterhead.SYSTEM);
        doc.open();
        Letterhead.heading(doc, c.agencyName(), c.unitName(), c.issuedAt());
        Letterhead.formTitle(doc, t.number(), t.title());
        doc.add(new Paragraph(" "));
        for (String line : t.body()) {
            String text = fill(line, c.values());
            if (line.strip().matches("\\{[A-Za-z]+}") && text.contains("\n")) {
                for (String item : text.split("\n")) if (!item.isBlank()) doc.add(indented(item.strip()));
            } else {
                doc.add(new Paragraph(text, Letterhead.normal()));
            }
        }
        if (!t.columns().isEmpty() && c.rows() != null) {
            PdfPTable table = t.widths().length == t.columns().size() ? new PdfPTable(t.widths()) : new PdfPTable(t.columns().size());
            table.setWidthPercentage(100);
            table.setSpacingBefore(6);
            table.setHeaderRows(1);
            // a wide book prints smaller, so that a dossier code stays on one line
            boolean wide = t.columns().size() > 6;
            org.openpdf.text.Font head = wide ? new org.openpdf.text.Font(Letterhead.BOLD, 9) : Letterhead.bold();
            org.openpdf.text.Font body = wide ? new org.openpdf.text.Font(Letterhead.REGULAR, 9) : Letterhead.normal();
            for (String h : t.columns()) table.addCell(Letterhead.padded(new PdfPCell(new Phrase(h, head))));
            for (List<String> row : c.rows()) {
                for (int i = 0; i < t.columns().size(); i++) {
                    table.addCell(Letterhead.padded(new PdfPCell(new Phrase(i < row.size() && row.get(i) != null ? row.get(i) : "", body))));
                }
            }
            doc.add(table);
        }
        doc.add(new Paragraph(" "));
        Letterhead.signature(doc, c.signature() != null ? c.signature() : List.of(t.signer(), "(Ký số)"));
        doc.add(new Paragraph(" "));
        Letterhead.qrFooter(doc, writer, Letterhead.issuedNote(c.issuedAt()) + " Địa chỉ kiểm tra: " + c.qrPayload(), c.qrPayload());
        doc.close();
        return PdfA.convert(out.toByteArray(), "Mẫu số " + t.number() + " " + code, c.issuedAt());
    }

    private static Paragraph indented(String text) {
        Paragraph p = new Paragraph(text, Letterhead.normal());
        p.setIndentationLeft(18);
        return p;
    }
}
