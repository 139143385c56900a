package vn.gov.bvhttdl.dvc.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.gov.bvhttdl.dvc.application.DeferredSigning;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.DomainException;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The two-phase signature: prepared here, signed by the official's (development) token, embedded, checked independently. */
class DeferredPadesTest {
    @TempDir
    Path dir;

    final DeferredPades pades = new DeferredPades();

    static byte[] scan() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.addPage(new PDPage(PDRectangle.A4));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void theOfficialsTokenSignsTheDigestAndTheFileVerifiesIndependentlyWithTheBoxAtTheTopLeft() throws Exception {
        LocalKeySigner ca = LocalKeySigner.in(dir);
        DevelopmentToken token = ca.officialToken(dir, "official-sub-1", "Nguyễn Thị Mai");
        Instant at = Instant.now();
        DeferredSigning.Prepared p = pades.prepare(scan(), token.chain(), "Nguyễn Thị Mai", at, "Số hóa");
        assertEquals(32, p.digest().length);
        // the digest is the SHA-256 of the DER signed attributes for that byte range and that certificate
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(DeferredPades.signedAttributes(p.pdf(), token.chain())), p.digest());
        byte[] signed = pades.complete(p.pdf(), token.chain(), token.signDigest(p.digest()), p.digest());
        assertEquals(p.pdf().length, signed.length, "only the reserved Contents are written");
        java.nio.file.Files.write(java.nio.file.Path.of("target", "deferred-signed.pdf"), signed); // to look at
        X509Certificate root = ca.chain().get(ca.chain().size() - 1);
        assertTrue(SignedResultTest.independentlyValid(signed, root));
        assertTrue(SignatureCheck.check(signed, root).valid(), SignatureCheck.check(signed, root).reason());
        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDSignature sig = doc.getLastSignatureDictionary();
            assertEquals(at.toEpochMilli() / 1000, sig.getSignDate().getTimeInMillis() / 1000);
            PDSignatureField field = doc.getSignatureFields().get(0);
            PDRectangle box = field.getWidgets().get(0).getRectangle();
            PDRectangle media = doc.getPage(0).getMediaBox();
            assertTrue(box.getLowerLeftX() < media.getWidth() / 4, "left");
            assertTrue(box.getUpperRightY() > media.getHeight() - 40, "top");
            assertTrue(box.getWidth() > 100 && box.getHeight() > 30, "visible");
            assertEquals(doc.getPage(0).getCOSObject(), field.getWidgets().get(0).getPage().getCOSObject(), "first page");
            assertNotNull(field.getWidgets().get(0).getAppearance().getNormalAppearance(), "drawn");
        }
        // one byte changed in the signed range: no longer valid
        byte[] tampered = signed.clone();
        tampered[200] ^= 1;
        assertFalse(SignedResultTest.independentlyValid(tampered, root));
    }

    @Test
    void aSignatureOverAnotherDigestOrByAnotherCertificateIsRefused() throws Exception {
        LocalKeySigner ca = LocalKeySigner.in(dir);
        DevelopmentToken mine = ca.officialToken(dir, "official-sub-1", "Nguyễn Thị Mai");
        DevelopmentToken other = ca.officialToken(dir, "official-sub-2", "Trần Văn Bình");
        DeferredSigning.Prepared p = pades.prepare(scan(), mine.chain(), "Nguyễn Thị Mai", Instant.now(), "Số hóa");
        byte[] otherDigest = p.digest().clone();
        otherDigest[0] ^= 1;
        // signed over another digest
        assertEquals("signature-mismatch", assertThrows(DomainException.class,
                () -> pades.complete(p.pdf(), mine.chain(), mine.signDigest(otherDigest), p.digest())).problem());
        // another official's key and certificate over the same digest: the attributes name another certificate
        assertEquals("signature-mismatch", assertThrows(DomainException.class,
                () -> pades.complete(p.pdf(), other.chain(), other.signDigest(p.digest()), p.digest())).problem());
        // another key presented with my certificate
        assertEquals("signature-mismatch", assertThrows(DomainException.class,
                () -> pades.complete(p.pdf(), mine.chain(), other.signDigest(p.digest()), p.digest())).problem());
        // not a PDF
        assertEquals("not-a-pdf", assertThrows(DomainException.class,
                () -> pades.prepare("hello, not a pdf".getBytes(), mine.chain(), "x", Instant.now(), "r")).problem());
        assertFalse(pades.isPdf(Arrays.copyOf(scan(), 40)));
    }

    @Test
    void theCertificateMustBeTheSignedInOfficialsUnderATrustedCa() throws Exception {
        LocalKeySigner ca = LocalKeySigner.in(dir);
        DevelopmentToken mine = ca.officialToken(dir, "official-sub-1", "Nguyễn Thị Mai");
        assertEquals(mine.chain(), ca.officialToken(dir, "official-sub-1", "Nguyễn Thị Mai").chain(), "kept, not made anew");
        var check = new OfficialCertificateCheck(List.of(ca.chain().get(ca.chain().size() - 1)));
        Actor me = Actor.official("official-sub-1", "CDLQG", "MOTCUA", vn.gov.bvhttdl.dvc.domain.Post.SPECIALIST);
        Actor someoneElse = Actor.official("official-sub-9", "CDLQG", "MOTCUA", vn.gov.bvhttdl.dvc.domain.Post.SPECIALIST);
        assertNull(check.refusal(me, mine.chain(), Instant.now()));
        assertNotNull(check.refusal(someoneElse, mine.chain(), Instant.now()));
        assertNotNull(check.refusal(me, mine.chain(), Instant.now().plusSeconds(86400L * 365 * 5)), "expired");
        LocalKeySigner foreign = LocalKeySigner.in(dir.resolve("foreign"));
        DevelopmentToken forged = foreign.officialToken(dir.resolve("foreign"), "official-sub-1", "Nguyễn Thị Mai");
        assertNotNull(check.refusal(me, forged.chain(), Instant.now()), "another CA");
        assertNotNull(check.refusal(me, List.of(), Instant.now()));
    }
}
