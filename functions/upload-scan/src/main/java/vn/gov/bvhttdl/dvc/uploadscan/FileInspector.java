package vn.gov.bvhttdl.dvc.uploadscan;

import vn.gov.bvhttdl.dvc.domain.Text;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Looks at the bytes of an uploaded file, never at its name: the real type by its magic number, whether it
 * matches the format the upload was authorised for, executables, polyglots (a file that is two types at once),
 * encrypted archives and PDFs, active PDF content, and the PDF's page count; plus its SHA-256.
 */
public final class FileInspector {
    /** The outcome: accepted or not, why not, what the bytes are, their hash and (PDF) page count. */
    public record Verdict(boolean accepted, Text reason, String detectedType, String sha256, Integer pages) {}

    private static final Set<String> EXECUTABLE = Set.of("exe", "elf", "mach-o", "java-class", "script");

    public Verdict inspect(byte[] bytes, String declaredExtension, long declaredSize) {
        String sha = sha256(bytes);
        // an archive is read once: its kind and the Office policy come from the same pass
        DocumentPolicy.ZipScan zip = starts(bytes, ZIP_LOCAL) ? DocumentPolicy.zip(bytes) : null;
        String type = zip != null ? zip.kind() : detect(bytes);
        String declared = canonical(declaredExtension);
        if (bytes.length != declaredSize) {
            return reject(sha, type, "kích thước tệp (" + bytes.length + " byte) khác kích thước đã khai báo (" + declaredSize + " byte)",
                    "the file's size (" + bytes.length + " bytes) differs from the declared size (" + declaredSize + " bytes)");
        }
        if (type.equals("zip-bomb")) {
            return reject(sha, "zip", "tệp nén bung ra quá lớn (nghi tệp bom nén)", "the archive inflates far beyond its size (a zip bomb)");
        }
        if (EXECUTABLE.contains(type)) {
            return reject(sha, type, "tệp là chương trình chạy được, không phải tài liệu", "the file is an executable program, not a document");
        }
        if (!type.equals(declared)) {
            return reject(sha, type, "nội dung tệp (" + type + ") không đúng định dạng ." + declaredExtension,
                    "the content (" + type + ") is not the ." + declaredExtension + " format it claims");
        }
        if (!type.equals("docx") && !type.equals("xlsx") && (indexOf(bytes, ZIP_END, 0) >= 0 || indexOf(bytes, ZIP_LOCAL, 1) >= 0)) {
            return reject(sha, type, "tệp chứa một tệp nén ẩn bên trong (tệp đa định dạng)", "the file hides an archive inside it (polyglot)");
        }
        if ((type.equals("jpg") || type.equals("png")) && indexOf(bytes, PDF, 1) >= 0) {
            return reject(sha, type, "ảnh chứa một tài liệu PDF ẩn bên trong (tệp đa định dạng)", "the image hides a PDF inside it (polyglot)");
        }
        if (type.equals("txt") && (indexOf(bytes, PDF, 0) >= 0 || indexOf(bytes, "{\\rtf".getBytes(StandardCharsets.US_ASCII), 0) >= 0)) {
            return reject(sha, type, "tệp văn bản chứa một tài liệu khác bên trong (tệp đa định dạng)", "the text file hides another document inside it (polyglot)");
        }
        Integer pages = null;
        if (type.equals("pdf")) {
            DocumentPolicy.PdfResult r = DocumentPolicy.pdf(bytes);
            if (r.refused()) return reject(sha, type, r.vi(), r.en());
            pages = r.pages();
        }
        if (type.equals("docx") || type.equals("xlsx")) {
            String[] problem = zip.problem();
            if (problem != null) return reject(sha, type, problem[0], problem[1]);
        }
        return new Verdict(true, null, type, sha, pages);
    }

    private static Verdict reject(String sha, String type, String vi, String en) {
        return new Verdict(false, new Text(vi, en), type, sha, null);
    }

    static String canonical(String ext) {
        String e = ext == null ? "" : ext.toLowerCase();
        return switch (e) {
            case "jpeg" -> "jpg";
            case "srt" -> "txt";
            default -> e;
        };
    }

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_LOCAL = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] ZIP_END = {0x50, 0x4B, 0x05, 0x06};

    /** The type the bytes say they are. */
    static String detect(byte[] b) {
        if (starts(b, PDF)) return "pdf";
        if (starts(b, 0xFF, 0xD8, 0xFF)) return "jpg";
        if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) return "png";
        if (starts(b, ZIP_LOCAL)) return DocumentPolicy.zip(b).kind();
        if (starts(b, 0x4D, 0x5A)) return "exe";
        if (starts(b, 0x7F, 0x45, 0x4C, 0x46)) return "elf";
        if (starts(b, 0xFE, 0xED, 0xFA, 0xCE) || starts(b, 0xFE, 0xED, 0xFA, 0xCF) || starts(b, 0xCF, 0xFA, 0xED, 0xFE)
                || starts(b, 0xCE, 0xFA, 0xED, 0xFE)) return "mach-o";
        if (starts(b, 0xCA, 0xFE, 0xBA, 0xBE)) return "java-class";
        if (starts(b, 0x23, 0x21)) return "script";
        if (starts(b, 0x52, 0x61, 0x72, 0x21)) return "rar";
        if (starts(b, 0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C)) return "7z";
        if (starts(b, 0x49, 0x44, 0x33) || starts(b, 0xFF, 0xFB) || starts(b, 0xFF, 0xF3) || starts(b, 0xFF, 0xF2)) return "mp3";
        if (b.length > 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') return "mp4";
        if (isText(b)) return "txt";
        return "unknown";
    }

    private static boolean isText(byte[] b) {
        if (b.length == 0) return false;
        for (byte x : b) if (x == 0) return false;
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean starts(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (b[i] != prefix[i]) return false;
        return true;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
        return true;
    }

    static int indexOf(byte[] b, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i + needle.length <= b.length; i++) {
            for (int j = 0; j < needle.length; j++) if (b[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
