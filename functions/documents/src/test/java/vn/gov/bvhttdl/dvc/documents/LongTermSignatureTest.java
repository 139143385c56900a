package vn.gov.bvhttdl.dvc.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * PAdES B-T, B-LT and B-LTA with the development TSA: a result stays valid after its signing certificate expires
 * when a timestamp proves it was signed while the certificate was valid (the verification's clock injected), and
 * not without one; what is added after the signature may not change the document; and openssl, independently,
 * verifies the CMS signature at the timestamp's time and the timestamp tokens.
 */
class LongTermSignatureTest {
    @TempDir
    Path dir;

    final SignedResultTest results = new SignedResultTest();

    byte[] result(vn.gov.bvhttdl.dvc.application.Signer signer, Pades.LongTerm longTerm) {
        var r = results.result();
        return new ResultPdf(signer, longTerm).render(r, results.p, "http://127.0.0.1:3000/verify/" + r.id(), null).pdf();
    }

    @Test
    void aResultSignedWithAShortLivedCertificateStaysValidAfterItsExpiryWithItsTimestampAndNotWithout() throws Exception {
        LocalKeySigner dev = LocalKeySigner.in(dir);
        X509Certificate ca = dev.chain().get(1);
        Instant now = Instant.now();
        LocalKeySigner shortLived = dev.shortLived(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(1)));
        assertEquals(now.plus(Duration.ofHours(1)).getEpochSecond(), shortLived.chain().get(0).getNotAfter().toInstant().getEpochSecond());
        var tsa = dev.tsa(Clock.systemUTC());

        byte[] lta = result(shortLived, Pades.LongTerm.archival(tsa, dev.revocation()));
        byte[] bb = result(shortLived, null);
        Instant afterExpiry = now.plus(Duration.ofDays(400));

        // while the certificate is valid, both are valid
        assertTrue(SignatureCheck.check(bb, List.of(ca), now).valid(), SignatureCheck.check(bb, List.of(ca), now).reason());
        SignatureCheck.Verdict before = SignatureCheck.check(lta, List.of(ca), now);
        assertTrue(before.valid(), before.reason());
        assertEquals("B-LTA", before.level());
        // after it expired: the timestamp proves the signature was made while it was valid
        SignatureCheck.Verdict withTimestamp = SignatureCheck.check(lta, List.of(ca), afterExpiry);
        assertTrue(withTimestamp.valid(), withTimestamp.reason());
        assertFalse(withTimestamp.signedAt().isBefore(now.minusSeconds(5)), "the time proven is the TSA's: " + withTimestamp.signedAt());
        SignatureCheck.Verdict without = SignatureCheck.check(bb, List.of(ca), afterExpiry);
        assertFalse(without.valid(), "no timestamp: the certificate must be valid at the time of the check");
        assertTrue(without.reason().contains("no timestamp"), without.reason());

        // a timestamp from a TSA no trusted CA issued proves nothing
        LocalKeySigner stranger = LocalKeySigner.in(dir.resolve("stranger"));
        byte[] foreignStamp = result(shortLived, new Pades.LongTerm(stranger.tsa(Clock.systemUTC()), null, false));
        SignatureCheck.Verdict foreign = SignatureCheck.check(foreignStamp, List.of(ca), afterExpiry);
        assertFalse(foreign.valid());
        assertTrue(foreign.reason().contains("TSA"), foreign.reason());
        // a TSA whose clock says the certificate had already expired: not valid either
        byte[] late = result(shortLived, new Pades.LongTerm(dev.tsa(Clock.offset(Clock.systemUTC(), Duration.ofDays(2))), null, false));
        assertFalse(SignatureCheck.check(late, List.of(ca), afterExpiry).valid());
        assertFalse(SignatureCheck.check(late, List.of(ca), now).valid(), "a timestamp after the expiry: not valid at any time of the check");
    }

    @Test
    void theValidationDataAndTheDocumentTimestampAreThereAndNothingElseMayFollowTheSignature() throws Exception {
        LocalKeySigner dev = LocalKeySigner.in(dir);
        X509Certificate ca = dev.chain().get(1);
        byte[] pdf = result(dev, Pades.LongTerm.archival(dev.tsa(Clock.systemUTC()), dev.revocation()));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> sigs = doc.getSignatureDictionaries();
            assertEquals(List.of("ETSI.CAdES.detached", "ETSI.RFC3161"), sigs.stream().map(PDSignature::getSubFilter).toList());
            COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
            assertNotNull(dss, "B-LT: a DSS");
            assertEquals(3, ((COSArray) dss.getDictionaryObject(COSName.getPDFName("Certs"))).size(), "the unit's, the CA's and the TSA's certificates");
            assertEquals(1, ((COSArray) dss.getDictionaryObject(COSName.getPDFName("CRLs"))).size(), "the development CA's CRL");
            COSDictionary vri = dss.getCOSDictionary(COSName.getPDFName("VRI"));
            String key = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(sigs.get(0).getContents()));
            assertNotNull(vri.getCOSDictionary(COSName.getPDFName(key)), "the VRI of the signature");
            // the document timestamp covers the whole file, after the DSS
            int[] r = sigs.get(1).getByteRange();
            assertEquals(pdf.length, r[2] + r[3]);
            assertTrue(sigs.get(0).getByteRange()[2] + sigs.get(0).getByteRange()[3] < pdf.length);
        }
        assertTrue(SignatureCheck.check(pdf, ca).valid(), SignatureCheck.check(pdf, ca).reason());
        assertTrue(SignedResultTest.independentlyValid(pdf, ca));

        // an incremental update that replaces the page's text: not valid, though the signature's own bytes are intact
        byte[] changed;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            PDStream other = new PDStream(doc);
            try (var out = other.createOutputStream()) {
                out.write("BT /F1 12 Tf 72 720 Td (Giay phep gia) Tj ET".getBytes(StandardCharsets.US_ASCII));
            }
            page.setContents(other);
            page.getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            changed = out.toByteArray();
        }
        SignatureCheck.Verdict v = SignatureCheck.check(changed, ca);
        assertFalse(v.valid());
        assertTrue(v.reason().contains("does not cover the whole file"), v.reason());
        // a byte of the DSS changed: the document timestamp no longer verifies
        byte[] tampered = pdf.clone();
        int dssAt = indexOf(pdf, "/DSS".getBytes(StandardCharsets.US_ASCII), sigEnd(pdf));
        assertTrue(dssAt > 0);
        tampered[dssAt + 1] = (byte) 'd';
        assertFalse(SignatureCheck.check(tampered, ca).valid());
    }

    @Test
    void opensslVerifiesTheSignatureAtItsTimestampAndBothTimestampTokens() throws Exception {
        Assumptions.assumeTrue(run(dir, "openssl", "version") == 0, "openssl is on this machine");
        LocalKeySigner dev = LocalKeySigner.in(dir);
        Instant now = Instant.now();
        LocalKeySigner shortLived = dev.shortLived(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(1)));
        byte[] pdf = result(shortLived, Pades.LongTerm.archival(dev.tsa(Clock.systemUTC()), dev.revocation()));
        Path ca = dir.resolve(LocalKeySigner.CA_PEM);
        PDSignature sig;
        PDSignature docStamp;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            sig = doc.getSignatureDictionaries().get(0);
            docStamp = doc.getSignatureDictionaries().get(1);
        }
        byte[] cmsDer = SignatureCheck.unpadded(sig.getContents(pdf));
        Files.write(dir.resolve("signature.p7s"), cmsDer);
        Files.write(dir.resolve("signed.bin"), sig.getSignedContent(pdf));
        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(sig.getSignedContent(pdf)), cmsDer);
        SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
        TimeStampToken token = SignatureCheck.signatureTimestamp(si);
        Files.write(dir.resolve("signature-ts.tst"), token.getEncoded());
        long genTime = token.getTimeStampInfo().getGenTime().toInstant().getEpochSecond();
        // the CMS signature over the signed bytes, the certificate under the development CA, at the timestamp's time
        assertEquals(0, run(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "signature.p7s", "-content", "signed.bin",
                "-CAfile", ca.toString(), "-purpose", "any", "-attime", Long.toString(genTime), "-out", "/dev/null"));
        // one day after the certificate's expiry openssl refuses it without the timestamp's time
        assertNotEquals(0, run(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "signature.p7s", "-content", "signed.bin",
                "-CAfile", ca.toString(), "-purpose", "any", "-attime", Long.toString(now.plus(Duration.ofDays(1)).getEpochSecond()), "-out", "/dev/null"));
        // the signature timestamp: over the SHA-256 of the signature value, by a TSA the development CA issued
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(si.getSignature()));
        assertEquals(0, run(dir, "openssl", "ts", "-verify", "-digest", digest, "-in", "signature-ts.tst", "-token_in", "-CAfile", ca.toString()));
        // the document timestamp: over the whole file's byte range
        Files.write(dir.resolve("document-ts.tst"), SignatureCheck.unpadded(docStamp.getContents(pdf)));
        Files.write(dir.resolve("document.bin"), docStamp.getSignedContent(pdf));
        assertEquals(0, run(dir, "openssl", "ts", "-verify", "-data", "document.bin", "-in", "document-ts.tst", "-token_in", "-CAfile", ca.toString()));
        // and not over other data
        Files.write(dir.resolve("other.bin"), "other".getBytes(StandardCharsets.US_ASCII));
        assertNotEquals(0, run(dir, "openssl", "ts", "-verify", "-data", "other.bin", "-in", "document-ts.tst", "-token_in", "-CAfile", ca.toString()));
    }

    static int sigEnd(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int[] r = doc.getSignatureDictionaries().get(0).getByteRange();
            return r[2] + r[3];
        }
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    static int run(Path dir, String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("openssl.log").toFile()).start();
            int rc = p.waitFor();
            System.out.println(String.join(" ", command) + " -> " + rc + ": " + Files.readString(dir.resolve("openssl.log")).strip());
            return rc;
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
