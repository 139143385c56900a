package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A batch of past results to digitise (issue #25 item 3): one ZIP package holding {@code results.csv} — UTF-8, comma
 * separated, quoted as RFC 4180, a header row naming the columns {@code ownerId, name, numberAndSymbol, issuedOn,
 * validUntil, scope, issuer, summary, file} in any order — and the PDFs its {@code file} column names (by file name,
 * anywhere in the package). Bounded: {@link #MAX_PACKAGE_BYTES} sent, {@link #MAX_ROWS} rows, each PDF at most
 * {@link Digitisation#MAX_SCAN_BYTES}, {@link #MAX_UNPACKED_BYTES} unpacked in all. A row is referred to by its
 * number among the data rows (1 = the first after the header).
 */
public record PastResultsBatch(List<Entry> rows) {
    public static final int MAX_PACKAGE_BYTES = 4 * 1024 * 1024;
    public static final int MAX_ROWS = 200;
    public static final long MAX_UNPACKED_BYTES = 48L * 1024 * 1024;
    public static final String CSV = "results.csv";
    public static final List<String> COLUMNS = List.of("ownerId", "name", "numberAndSymbol", "issuedOn", "validUntil", "scope", "issuer", "summary", "file");

    /** Rows by their number. */
    public static final Comparator<String> REF_ORDER = Comparator.comparingLong(PastResultsBatch::number).thenComparing(Comparator.naturalOrder());

    /** One row: its metadata, its file (null when the package has none by that name), or why it cannot be read. */
    public record Entry(String ref, Digitisation.PaperResult paper, String fileName, byte[] file, Text problem) {}

    private static long number(String ref) {
        try {
            return Long.parseLong(ref);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The package read: its CSV and files. */
    public static PastResultsBatch fromZip(byte[] zip) {
        if (zip == null || zip.length == 0) throw invalid("package-empty", new Text("Chưa có gói nhập.", "No package was sent."));
        if (zip.length > MAX_PACKAGE_BYTES) throw new DomainException(DomainException.Kind.TOO_LARGE, "package-too-large",
                new Text("Gói nhập quá " + MAX_PACKAGE_BYTES / 1048576 + " MB: chia thành nhiều gói.", "The package is larger than " + MAX_PACKAGE_BYTES / 1048576 + " MB: split it."));
        Map<String, byte[]> files = new HashMap<>();
        byte[] csv = null;
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            int entries = 0;
            while ((e = in.getNextEntry()) != null) {
                if (++entries > MAX_ROWS * 2 + 10) throw invalid("package-too-many-files", new Text("Gói có quá nhiều tệp.", "The package has too many files."));
                if (e.isDirectory()) continue;
                String name = baseName(e.getName());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                int n;
                long size = 0;
                while ((n = in.read(buf)) > 0) {
                    size += n;
                    total += n;
                    if (size > Digitisation.MAX_SCAN_BYTES + 1 || total > MAX_UNPACKED_BYTES) {
                        if (total > MAX_UNPACKED_BYTES) throw new DomainException(DomainException.Kind.TOO_LARGE, "package-too-large",
                                new Text("Gói giải nén quá lớn.", "The package unpacks to too much."));
                        break; // a file too large: kept cut, the row is refused as not a PDF
                    }
                    out.write(buf, 0, n);
                }
                if (size > Digitisation.MAX_SCAN_BYTES) files.putIfAbsent(name, new byte[0]); // too large: refused as no readable PDF
                else if (name.equalsIgnoreCase(CSV)) csv = out.toByteArray();
                else files.putIfAbsent(name, out.toByteArray());
            }
            if (entries == 0) throw new IOException("no entries");
        } catch (IOException | IllegalArgumentException e) {
            throw invalid("package-unreadable", new Text("Gói nhập không phải tệp ZIP đọc được.", "The package is not a readable ZIP file."));
        }
        if (csv == null) throw invalid("package-without-csv", new Text("Gói không có tệp " + CSV + ".", "The package has no " + CSV + "."));
        return fromCsv(new String(csv, StandardCharsets.UTF_8), files);
    }

    /** The rows of {@code csv}, each with the file of {@code files} its {@code file} column names. */
    public static PastResultsBatch fromCsv(String csv, Map<String, byte[]> files) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<List<String>> lines = parse(text);
        if (lines.isEmpty()) throw invalid("csv-empty", new Text("Tệp " + CSV + " trống.", CSV + " is empty."));
        List<String> header = lines.get(0).stream().map(h -> h.strip()).toList();
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            for (String c : COLUMNS) if (c.toLowerCase(Locale.ROOT).equals(header.get(i).toLowerCase(Locale.ROOT))) at.put(c, i);
        }
        List<String> absent = COLUMNS.stream().filter(c -> !at.containsKey(c)).toList();
        if (!absent.isEmpty()) throw invalid("csv-columns-missing", new Text("Tệp " + CSV + " thiếu cột: " + String.join(", ", absent) + ".",
                CSV + " lacks the columns: " + String.join(", ", absent) + "."));
        List<List<String>> data = lines.subList(1, lines.size()).stream().filter(l -> !(l.size() == 1 && l.get(0).isBlank())).toList();
        if (data.size() > MAX_ROWS) throw new DomainException(DomainException.Kind.TOO_LARGE, "too-many-rows",
                new Text("Quá " + MAX_ROWS + " dòng trong một gói: chia thành nhiều gói.", "More than " + MAX_ROWS + " rows in one package: split it."));
        List<Entry> rows = new ArrayList<>();
        for (int r = 0; r < data.size(); r++) {
            List<String> l = data.get(r);
            String ref = Integer.toString(r + 1);
            if (l.size() != header.size()) {
                rows.add(new Entry(ref, null, null, null, new Text("Dòng có " + l.size() + " cột, tiêu đề có " + header.size() + ".",
                        "The row has " + l.size() + " columns, the header " + header.size() + ".")));
                continue;
            }
            java.util.function.Function<String, String> v = c -> l.get(at.get(c)).strip();
            String fileName = baseName(v.apply("file"));
            var paper = new Digitisation.PaperResult(v.apply("ownerId"), v.apply("name"), v.apply("numberAndSymbol"), v.apply("issuedOn"),
                    v.apply("validUntil"), v.apply("scope"), v.apply("issuer"), v.apply("summary"));
            Text problem = fileName.isEmpty() ? new Text("Thiếu tên tệp.", "Missing the file name.").at("file") : null;
            rows.add(new Entry(ref, paper, Limits.clip(fileName), fileName.isEmpty() ? null : files.get(fileName), problem));
        }
        return new PastResultsBatch(List.copyOf(rows));
    }

    private static String baseName(String path) {
        String n = path == null ? "" : path.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1).strip();
    }

    /** RFC 4180: fields separated by commas, quoted with double quotes (a quote doubled inside), lines by CRLF or LF. */
    static List<List<String>> parse(String s) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') { f.append('"'); i++; }
                else if (c == '"') quoted = false;
                else f.append(c);
            } else if (c == '"' && f.isEmpty()) quoted = true;
            else if (c == ',') { line.add(f.toString()); f.setLength(0); }
            else if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') continue;
            else if (c == '\n' || c == '\r') { line.add(f.toString()); f.setLength(0); lines.add(line); line = new ArrayList<>(); }
            else f.append(c);
        }
        if (!f.isEmpty() || !line.isEmpty()) { line.add(f.toString()); lines.add(line); }
        return lines;
    }

    private static DomainException invalid(String slug, Text why) {
        return new DomainException(DomainException.Kind.INVALID, slug, why, List.of(why));
    }
}
