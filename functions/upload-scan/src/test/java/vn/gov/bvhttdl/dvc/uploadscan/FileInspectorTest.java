package vn.gov.bvhttdl.dvc.uploadscan;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

class FileInspectorTest {
    final FileInspector inspector = new FileInspector();

    FileInspector.Verdict check(byte[] b, String ext) {
        return inspector.inspect(b, ext, b.length);
    }

    @Test
    void realDocumentsAreAcceptedWithTheirHashAndPageCount() {
        byte[] pdf = Fixtures.pdf(3, false);
        FileInspector.Verdict v = check(pdf, "pdf");
        assertTrue(v.accepted(), String.valueOf(v.reason()));
        assertEquals(3, v.pages());
        assertEquals(64, v.sha256().length());
        assertEquals(FileInspector.sha256(pdf), v.sha256());
        assertTrue(check(Fixtures.image("jpg"), "jpg").accepted());
        assertTrue(check(Fixtures.image("jpg"), "jpeg").accepted());
        assertTrue(check(Fixtures.image("png"), "png").accepted());
        assertTrue(check(Fixtures.docx(), "docx").accepted());
        assertTrue(check("Danh mục tác phẩm\n1. Hò khoan".getBytes(StandardCharsets.UTF_8), "txt").accepted());
    }

    @Test
    void theContentDecidesNotTheName() {
        FileInspector.Verdict exe = check(Fixtures.exe(), "pdf");
        assertFalse(exe.accepted());
        assertEquals("exe", exe.detectedType());
        assertTrue(exe.reason().en().contains("executable"));
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
        assertEquals("elf", check(elf, "jpg").detectedType());
        assertFalse(check("#!/bin/sh\nrm -rf /".getBytes(StandardCharsets.US_ASCII), "txt").accepted());
        FileInspector.Verdict renamed = check(Fixtures.image("png"), "pdf");
        assertFalse(renamed.accepted());
        assertTrue(renamed.reason().vi().contains("không đúng định dạng"), renamed.reason().vi());
        assertFalse(check(Fixtures.zip("a.txt"), "docx").accepted(), "a plain zip is not a Word file");
    }

    @Test
    void polyglotsEncryptedAndActiveFilesAreRejected() {
        FileInspector.Verdict poly = check(Fixtures.concat(Fixtures.image("jpg"), Fixtures.zip("payload.exe")), "jpg");
        assertFalse(poly.accepted());
        assertTrue(poly.reason().en().contains("polyglot"));
        assertFalse(check(Fixtures.concat(Fixtures.image("png"), Fixtures.pdf(1, false)), "png").accepted());
        FileInspector.Verdict enc = check(Fixtures.pdf(1, true), "pdf");
        assertFalse(enc.accepted());
        assertTrue(enc.reason().en().contains("encrypted"), enc.reason().en());
        byte[] js = new String(Fixtures.pdf(1, false), StandardCharsets.ISO_8859_1)
                .replace("/Type/Catalog", "/Type/Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>").getBytes(StandardCharsets.ISO_8859_1);
        assertFalse(check(js, "pdf").accepted());
        byte[] truncated = java.util.Arrays.copyOf(Fixtures.pdf(2, false), 60);
        FileInspector.Verdict damaged = check(truncated, "pdf");
        assertFalse(damaged.accepted());
        byte[] encryptedZip = Fixtures.docx();
        encryptedZip[6] |= 0x01; // general purpose flag: encrypted
        assertFalse(check(encryptedZip, "docx").accepted());
    }

    @Test
    void aSizeOtherThanTheDeclaredOneIsRefused() {
        byte[] pdf = Fixtures.pdf(1, false);
        FileInspector.Verdict v = inspector.inspect(pdf, "pdf", pdf.length + 10);
        assertFalse(v.accepted());
        assertTrue(v.reason().en().contains("declared size"));
    }
}
