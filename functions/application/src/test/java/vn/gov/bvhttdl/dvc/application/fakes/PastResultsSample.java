package vn.gov.bvhttdl.dvc.application.fakes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The done-when sample of issue #25's batch import, generated: 50 rows of past results (travel-service licences and
 * tour-guide cards of made-up people and enterprises) with their one-page PDFs in one ZIP, of which 5 rows are bad —
 * row 7 a bad ID number, row 14 a file that is not a PDF, row 21 no issuer, row 33 a duplicate of row 32, row 45 a file
 * the package does not hold. {@link #BAD} names them with the field each problem names.
 */
public final class PastResultsSample {
    private PastResultsSample() {}

    /** The bad rows and the field their refusal names (null: the row's own problem, e.g. a duplicate). */
    public static final Map<String, String> BAD = Map.of("7", "ownerId", "14", "file", "21", "issuer", "33", "numberAndSymbol", "45", "file");

    public static byte[] zip() { return zip(0); }

    /** The person of row {@code row} (even rows) for owners numbered from {@code base}: 12 digits. */
    public static String person(long base, int row) { return String.format("0791%08d", base + row); }

    /** The enterprise of row {@code row} (odd rows) for owners numbered from {@code base}: 10 digits. */
    public static String enterprise(long base, int row) { return String.format("01%08d", base + row); }

    /** The sample with its owners numbered from {@code base} (a run on a shared table picks its own). */
    public static byte[] zip(long base) {
        StringBuilder csv = new StringBuilder("ownerId,name,numberAndSymbol,issuedOn,validUntil,scope,issuer,summary,file\r\n");
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int row = 1; row <= 50; row++) {
            boolean person = row % 2 == 0;
            String owner = person ? person(base, row) : enterprise(base, row);
            String name = person ? "Thẻ hướng dẫn viên du lịch quốc tế" : "Giấy phép kinh doanh dịch vụ lữ hành quốc tế";
            String number = person ? String.format("%03d/HDV-%d", row, 2021 + row % 3) : String.format("%03d/2022/TCDL-GP LHQT", row);
            String issued = String.format("%02d/%02d/20%d", 1 + row % 28, 1 + row % 12, 21 + row % 3);
            String until = person ? String.format("%02d/%02d/2029", 1 + row % 28, 1 + row % 12) : "";
            String issuer = "Tổng cục Du lịch";
            String file = String.format("kq-%02d.pdf", row);
            byte[] pdf = minimalPdf("Ket qua so hoa " + row);
            switch (row) {
                case 7 -> owner = "07919900123"; // 11 digits
                case 14 -> pdf = "Đây không phải tệp PDF".getBytes(StandardCharsets.UTF_8);
                case 21 -> issuer = "";
                case 33 -> { owner = person(base, 32); number = String.format("%03d/HDV-%d", 32, 2021 + 32 % 3); }
                case 45 -> pdf = null;
                default -> { }
            }
            csv.append(String.join(",", owner, name, quote(number), issued, until, "\"Toàn quốc, \"\"mọi thị trường\"\"\"", issuer,
                    quote("Cấp cho " + (person ? "hướng dẫn viên" : "doanh nghiệp") + " số " + row), file)).append("\r\n");
            if (pdf != null) files.put(file, pdf);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            z.putNextEntry(new ZipEntry("results.csv"));
            z.write(csv.toString().getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            for (var f : files.entrySet()) {
                z.putNextEntry(new ZipEntry("files/" + f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String quote(String s) { return "\"" + s.replace("\"", "\"\"") + "\""; }

    /** A one-page PDF (A4, one line of Helvetica) with a correct cross-reference table. */
    public static byte[] minimalPdf(String line) {
        List<String> objects = new ArrayList<>();
        String content = "BT /F1 14 Tf 72 760 Td (" + line.replaceAll("[()\\\\]", "") + ") Tj ET";
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>");
        objects.add("<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder b = new StringBuilder("%PDF-1.7\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(b.length());
            b.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = b.length();
        b.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) b.append(String.format("%010d 00000 n \n", o));
        b.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
