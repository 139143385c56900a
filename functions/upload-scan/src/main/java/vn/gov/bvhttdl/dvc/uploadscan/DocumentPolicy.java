package vn.gov.bvhttdl.dvc.uploadscan;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The scan's policy for documents, by parsing them with real parsers rather than looking for byte patterns
 * (docs/uploads.md, "Scan policy"):
 * <ul>
 *   <li>PDF (Apache PDFBox): every object is read, including those inside compressed object streams, with names
 *       decoded ({@code /Java#53cript} is {@code /JavaScript}). Refused: JavaScript anywhere, actions that launch,
 *       import, submit or open other files ({@code Launch}, {@code ImportData}, {@code SubmitForm}, {@code GoToR},
 *       {@code GoToE}, {@code Rendition}), embedded files, rich media and XFA forms, encryption. At most
 *       {@link #PDF_MEMORY} bytes of decoded streams and {@link #MAX_PDF_OBJECTS} objects.</li>
 *   <li>Office files (ZIP): read entry by entry while counting; refused beyond {@link #maxInflated} bytes
 *       inflated (a zip bomb stops within that budget), {@link #MAX_ENTRIES} entries, macros
 *       ({@code vbaProject.bin}), embedded objects ({@code embeddings/}), ActiveX, encrypted or unsafe entry names.</li>
 * </ul>
 * Each method returns the reason to refuse (vi, en) or null.
 */
final class DocumentPolicy {
    static final long PDF_MEMORY = 64L * 1024 * 1024;
    static final int MAX_PDF_OBJECTS = 200_000;
    static final int MAX_ENTRIES = 5_000;

    private static final Set<String> ACTIVE_ACTIONS = Set.of("JavaScript", "Launch", "ImportData", "SubmitForm", "GoToR",
            "GoToE", "Rendition", "RichMediaExecute", "Sound", "Movie");

    private DocumentPolicy() {}

    /** Page count and refusal of a PDF: {@code [reasonVi, reasonEn]} or {@code [null, pages]}. */
    record PdfResult(String vi, String en, int pages) {
        boolean refused() { return vi != null; }
    }

    static PdfResult pdf(byte[] bytes) {
        try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBuffer(bytes), "",
                MemoryUsageSetting.setupMainMemoryOnly(PDF_MEMORY).streamCache)) {
            if (doc.isEncrypted()) return refuse("PDF được đặt mật khẩu hoặc mã hóa", "the PDF is password-protected or encrypted");
            String active = activeContent(doc.getDocument());
            if (active != null) return active.equals("embedded")
                    ? refuse("PDF chứa tệp đính kèm bên trong", "the PDF embeds other files")
                    : refuse("PDF chứa mã lệnh hoặc hành động tự chạy (" + active + ")", "the PDF contains scripts or active actions (" + active + ")");
            int pages = doc.getNumberOfPages();
            if (pages < 1) return refuse("PDF không có trang nào", "the PDF has no pages");
            return new PdfResult(null, null, pages);
        } catch (InvalidPasswordException e) {
            return refuse("PDF được đặt mật khẩu hoặc mã hóa", "the PDF is password-protected or encrypted");
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError damaged) {
            return refuse("PDF bị hỏng hoặc quá phức tạp, không đọc được", "the PDF is damaged or too complex to read");
        }
    }

    private static PdfResult refuse(String vi, String en) { return new PdfResult(vi, en, 0); }

    /** The first active feature found in any object of the document ("embedded" for embedded files), or null. */
    static String activeContent(COSDocument cos) throws IOException {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.add(cos.getTrailer());
        for (COSObjectKey k : cos.getXrefTable().keySet()) {
            COSObject o = cos.getObjectFromPool(k);
            if (o != null) todo.add(o);
        }
        int visited = 0;
        while (!todo.isEmpty()) {
            COSBase b = todo.poll();
            if (b instanceof COSObject o) b = o.getObject();
            if (b == null || !seen.add(b)) continue;
            if (++visited > MAX_PDF_OBJECTS) throw new IOException("too many objects");
            if (b instanceof COSDictionary d) {
                if (d.containsKey(COSName.JAVA_SCRIPT) || d.containsKey(COSName.JS)) return "JavaScript";
                COSName s = d.getCOSName(COSName.S);
                if (s != null && ACTIVE_ACTIONS.contains(s.getName())) return s.getName();
                if (d.containsKey(COSName.EMBEDDED_FILES) || d.containsKey(COSName.EF)
                        || COSName.EMBEDDED_FILE.equals(d.getCOSName(COSName.TYPE))) return "embedded";
                if (d.containsKey(COSName.getPDFName("RichMedia")) || COSName.getPDFName("RichMedia").equals(d.getCOSName(COSName.SUBTYPE))) return "RichMedia";
                if (d.containsKey(COSName.XFA)) return "XFA";
                for (COSName key : d.keySet()) todo.add(d.getItem(key));
            } else if (b instanceof COSArray a) {
                for (int i = 0; i < a.size(); i++) todo.add(a.get(i));
            }
        }
        return null;
    }

    /** The inflated-size budget of an archive of {@code size} bytes: 100 times its size, between 10 MiB and 200 MiB. */
    static long maxInflated(long size) {
        return Math.max(10L * 1024 * 1024, Math.min(200L * 1024 * 1024, 100 * size));
    }

    /**
     * One pass over a ZIP: what it is ({@code docx}, {@code xlsx}, {@code zip}, or {@code zip-bomb} as soon as
     * inflating it goes over its budget; {@code zip} when it cannot be read) and, for an Office file, why it is
     * refused ({@code [vi, en]}) or null.
     */
    record ZipScan(String kind, String[] problem) {}

    static ZipScan zip(byte[] bytes) {
        String[] problem = null;
        for (int i = 0; i + 8 < bytes.length && problem == null; i++) {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04 && (bytes[i + 6] & 0x01) != 0) {
                problem = new String[]{"tệp nén được mã hóa", "the archive is encrypted"};
            }
        }
        long budget = maxInflated(bytes.length);
        long inflated = 0;
        int entries = 0;
        boolean word = false;
        boolean excel = false;
        byte[] buf = new byte[16384];
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.getName().equals("word/document.xml")) word = true;
                if (e.getName().equals("xl/workbook.xml")) excel = true;
                String name = e.getName().toLowerCase(Locale.ROOT);
                if (problem == null && ++entries > MAX_ENTRIES) problem = new String[]{"tệp Office có quá nhiều thành phần", "the Office file has too many parts"};
                if (problem == null && (name.startsWith("/") || name.contains("..") || name.contains("\\"))) {
                    problem = new String[]{"tệp Office có tên thành phần không an toàn", "the Office file has an unsafe part name"};
                }
                if (problem == null && (name.endsWith("vbaproject.bin") || name.contains("/activex/") || name.contains("/embeddings/"))) {
                    problem = new String[]{"tệp Office chứa macro hoặc đối tượng nhúng", "the Office file contains macros or embedded objects"};
                }
                // read the entry here (getNextEntry would inflate it unseen, however large)
                for (int n; (n = z.read(buf)) > 0; ) {
                    inflated += n;
                    if (inflated > budget) return new ZipScan("zip-bomb", null);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new ZipScan("zip", null);
        }
        if (problem == null && entries == 0) problem = new String[]{"tệp Office bị hỏng", "the Office file is damaged"};
        return new ZipScan(word ? "docx" : excel ? "xlsx" : "zip", problem);
    }
}
