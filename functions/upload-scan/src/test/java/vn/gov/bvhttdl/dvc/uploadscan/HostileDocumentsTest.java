package vn.gov.bvhttdl.dvc.uploadscan;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** The hostile uploads of issue #7 (defect 3): each was accepted by the byte-pattern scan; each is refused now. */
class HostileDocumentsTest {
    final FileInspector inspector = new FileInspector();

    FileInspector.Verdict check(byte[] b, String ext) { return inspector.inspect(b, ext, b.length); }

    static byte[] save(PDDocument doc, boolean objectStreams) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (objectStreams) doc.save(out, CompressParameters.DEFAULT_COMPRESSION);
        else doc.save(out, CompressParameters.NO_COMPRESSION);
        doc.close();
        return out.toByteArray();
    }

    static PDDocument onePage() {
        PDDocument doc = new PDDocument();
        doc.addPage(new PDPage());
        return doc;
    }

    @Test
    void javaScriptInsideACompressedObjectStreamIsFound() throws IOException {
        PDDocument doc = onePage();
        doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('x')"));
        byte[] pdf = save(doc, true);
        assertEquals(-1, FileInspector.indexOf(pdf, "/JavaScript".getBytes(StandardCharsets.US_ASCII), 0),
                "the fixture hides the name from a byte search");
        FileInspector.Verdict v = check(pdf, "pdf");
        assertFalse(v.accepted());
        assertTrue(v.reason().en().contains("scripts"), v.reason().en());
    }

    @Test
    void namesWrittenWithHexEscapesAreDecodedFirst() throws IOException {
        PDDocument doc = onePage();
        doc.getDocumentCatalog().setOpenAction(new PDActionLaunch());
        String text = new String(save(doc, false), StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("/Launch"));
        byte[] escaped = text.replace("/Launch", "/L#61unch").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(-1, FileInspector.indexOf(escaped, "/Launch".getBytes(StandardCharsets.US_ASCII), 0));
        assertFalse(check(escaped, "pdf").accepted());
        byte[] js = new String(Fixtures.pdf(1, false), StandardCharsets.ISO_8859_1)
                .replace("/Type/Catalog", "/Type/Catalog /OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertFalse(check(js, "pdf").accepted());
    }

    @Test
    void anEmbeddedExecutableIsRefused() throws IOException {
        PDDocument doc = onePage();
        PDEmbeddedFile ef = new PDEmbeddedFile(doc, new ByteArrayInputStream(Fixtures.exe()));
        ef.setSubtype("application/octet-stream");
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile("setup.exe");
        spec.setEmbeddedFile(ef);
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of("setup.exe", spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        doc.getDocumentCatalog().setNames(names);
        FileInspector.Verdict v = check(save(doc, true), "pdf");
        assertFalse(v.accepted());
        assertTrue(v.reason().en().contains("embeds"), v.reason().en());
    }

    @Test
    void aPlainPdfMadeByPdfBoxIsAcceptedWithItsPages() throws IOException {
        PDDocument doc = onePage();
        doc.addPage(new PDPage());
        doc.getDocumentInformation().setTitle("Đơn đề nghị");
        FileInspector.Verdict v = check(save(doc, true), "pdf");
        assertTrue(v.accepted(), () -> String.valueOf(v.reason()));
        assertEquals(2, v.pages());
        assertEquals(COSName.getPDFName("JavaScript"), COSName.JAVA_SCRIPT);
    }

    @Test
    void textFollowedByAPdfIsAPolyglot() {
        // an all-ASCII PDF after a line of text: valid UTF-8 throughout, so it reads as text
        String asciiPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
        byte[] poly = ("Ghi chú của người nộp hồ sơ\n" + asciiPdf).getBytes(StandardCharsets.UTF_8);
        FileInspector.Verdict v = check(poly, "txt");
        assertFalse(v.accepted());
        assertTrue(v.reason().en().contains("polyglot"), v.reason().en());
        assertTrue(check("Phụ đề\n1\n00:00:01,000 --> 00:00:02,000\nXin chào\n".getBytes(StandardCharsets.UTF_8), "srt").accepted());
    }

    /** A .docx whose document part inflates to {@code mib} MiB of zeros. */
    static byte[] zipBomb(int mib) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(9);
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < mib; i++) z.write(zeros);
            z.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void aZipBombIsStoppedWithinItsBudgetQuickly() throws IOException {
        byte[] bomb = zipBomb(400);
        assertTrue(bomb.length < 1024 * 1024, "the bomb is small: " + bomb.length);
        long t0 = System.nanoTime();
        FileInspector.Verdict v = check(bomb, "docx");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(v.accepted());
        assertTrue(v.reason().en().contains("zip bomb"), v.reason().en());
        // no timing assertion (speed is for bench/): the budget is what bounds it, checked here
        assertTrue(DocumentPolicy.maxInflated(bomb.length) <= 200L * 1024 * 1024, "budget " + DocumentPolicy.maxInflated(bomb.length) + ", took " + ms + " ms");
        assertTrue(check(Fixtures.docx(), "docx").accepted());
    }

    @Test
    void officeFilesWithMacrosOrEmbeddedObjectsAreRefused() throws IOException {
        for (String part : new String[]{"word/vbaProject.bin", "word/embeddings/oleObject1.bin", "word/activeX/activeX1.xml", "../evil.xml"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                for (String name : new String[]{"[Content_Types].xml", "word/document.xml", part}) {
                    z.putNextEntry(new ZipEntry(name));
                    z.write("<x/>".getBytes(StandardCharsets.UTF_8));
                }
            }
            assertFalse(check(out.toByteArray(), "docx").accepted(), part);
        }
    }
}
