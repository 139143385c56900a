package vn.gov.bvhttdl.dvc.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** A result signed with the development key: validated with PDFBox and BouncyCastle directly, then tampered with. */
class SignedResultTest {
    @TempDir
    Path dir;

    final Procedure p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();

    IssuedResult result() {
        Dossier d = Dossier.draft("d-1", p, "owner", new Applicant("Phạm Thị Hoa", "079199001234", "0101234567", "51 Ngô Quyền, Hà Nội", "0987000111", null),
                Map.of("companyName", "Công ty TNHH Lữ hành Hoa Sen", "scope", "inbound", "markets", "Nhật Bản, Hàn Quốc"), Instant.parse("2026-03-02T03:00:00Z")).dossier();
        return new IssuedResult("abcdefghijkmnpqrstuvwxyz23", "000.00.12.G17-260302-0001-KQ1", 1, "d-1", "000.00.12.G17-260302-0001", p.code(),
                p.version(), p.agencyCode(), p.resultType(), IssuedResult.face(p, d), Instant.now(), // signed now: the dev certificate is new
                IssuedResult.validUntil(p, LocalDate.now()), null, null, IssuedResult.Status.VALID, null, null, null);
    }

    /** The test's own check, not the production one: PAdES dictionary, byte range, CMS over it, certificate under the CA. */
    static boolean independentlyValid(byte[] pdf, X509Certificate ca) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // the signature (validation data and document timestamps may follow it: SignatureCheck checks what they change)
            PDSignature sig = doc.getSignatureDictionaries().stream().filter(d -> "ETSI.CAdES.detached".equals(d.getSubFilter())).findFirst().orElseThrow();
            assertNotNull(sig.getSignDate(), "the signing time (M)");
            int[] r = sig.getByteRange();
            if (r[0] != 0 || r[2] + r[3] > pdf.length) return false;
            byte[] contents;
            try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(sig.getContents(pdf))) {
                contents = in.readObject().getEncoded(); // without the zero padding of the reserved space
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(sig.getSignedContent(pdf)), contents);
            SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
            assertNotNull(si.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2), "PAdES B-B: signing-certificate-v2");
            assertNull(si.getSignedAttributes().get(PKCSObjectIdentifiers.pkcs_9_at_signingTime), "PAdES B-B: no CMS signing-time");
            X509CertificateHolder holder = (X509CertificateHolder) cms.getCertificates().getMatches(si.getSID()).iterator().next();
            if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))) return false;
            return holder.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder().build(ca.getPublicKey()));
        } catch (org.bouncycastle.cms.CMSException | java.io.IOException e) {
            return false; // a signature that cannot be checked is not valid
        }
    }

    @Test
    void signedWithTheUnitKeyValidUnderTheDevelopmentCaAndNotWithOneByteChanged() throws Exception {
        LocalKeySigner signer = LocalKeySigner.in(dir);
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(dir.resolve(LocalKeySigner.CA_PEM)));
        assertEquals(ca, signer.chain().get(1));
        assertEquals(signer.caPem(), Files.readString(dir.resolve(LocalKeySigner.CA_PEM)));
        // signed by order of the head (TL.): the unit's head signs, the block names both
        Actor unitHead = Actor.official("tp", "CDLQG", "LUHANH", vn.gov.bvhttdl.dvc.domain.Post.LEADER)
                .named("Đỗ Văn Phòng", new Actor.Delegation("TL", "Nguyễn Văn Trưởng", "Trưởng phòng Lữ hành"));
        var signed = new ResultPdf(signer).render(result(), p, "http://127.0.0.1:3000/verify/abcdefghijkmnpqrstuvwxyz23",
                new vn.gov.bvhttdl.dvc.application.ResultRenderer.Printed(vn.gov.bvhttdl.dvc.domain.Signature.of(unitHead, p.agencyCode(),
                        new vn.gov.bvhttdl.dvc.domain.Text("Thủ trưởng đơn vị", "Head")), null));
        assertEquals("Cuc Du lich Quoc gia Viet Nam (dev) — Bo Van hoa The thao va Du lich (dev)", IssuedResult.signerName(signed.signer()),
                "the signer as a person reads it, from the certificate's CN and O");
        byte[] pdf = signed.pdf();
        assertTrue(independentlyValid(pdf, ca));
        assertTrue(SignatureCheck.check(pdf, ca).valid(), SignatureCheck.check(pdf, ca).reason());
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        for (String s : java.util.List.of("GIẤY PHÉP KINH DOANH DỊCH VỤ LỮ HÀNH QUỐC TẾ", "Số: 000.00.12.G17-260302-0001-KQ1",
                "Công ty TNHH Lữ hành Hoa Sen", "Nhật Bản, Hàn Quốc", "không thời hạn", "/verify/abcdefghijkmnpqrstuvwxyz23")) {
            assertTrue(text.contains(s), "the result says " + s + ": " + text);
        }
        assertFalse(text.contains("079199001234"), "no personal ID number on a licence issued to an enterprise");
        assertTrue(text.contains("Phạm vi kinh doanh Khách du lịch quốc tế đến Việt Nam"), "the scope by its option's label: " + text);
        assertFalse(text.contains("inbound") || text.contains("Ghi chú") || text.contains("Lý do:"), "no option code, no approval note: " + text);
        for (String s : java.util.List.of("TL. CỤC TRƯỞNG", "TRƯỞNG PHÒNG LỮ HÀNH", "Đỗ Văn Phòng", "(thừa lệnh Cục trưởng Nguyễn Văn Trưởng)")) {
            assertTrue(text.contains(s), "the signature block says " + s + ": " + text);
        }

        // one byte changed inside the signed range: invalid, for both checks
        byte[] tampered = pdf.clone();
        int at = 200; // inside the first signed range (the page's content)
        tampered[at] = (byte) (tampered[at] ^ 0x01);
        assertFalse(independentlyValid(tampered, ca));
        assertFalse(SignatureCheck.check(tampered, ca).valid());
        // bytes appended after signing: the signature no longer covers the file
        byte[] appended = java.util.Arrays.copyOf(pdf, pdf.length + 8);
        assertFalse(SignatureCheck.check(appended, ca).valid());
        // another CA's certificate: not genuine
        LocalKeySigner other = LocalKeySigner.in(dir.resolve("other"));
        assertFalse(SignatureCheck.check(pdf, other.chain().get(1)).valid());
        // the same folder gives the same key on the next start
        assertEquals(signer.chain().get(0), LocalKeySigner.in(dir).chain().get(0));
    }

    @Test
    void aStarRatingIsValidForFiveYears() {
        Procedure star = ProcedureCatalogue.load().find("BVHTTDL-DL-004").orElseThrow();
        assertEquals(LocalDate.of(2031, 3, 11), IssuedResult.validUntil(star, LocalDate.of(2026, 3, 12)));
        assertNull(IssuedResult.validUntil(p, LocalDate.of(2026, 3, 12)));
        IssuedResult r = result();
        assertEquals("VALID", r.state(LocalDate.of(2030, 1, 1)));
        assertEquals("REVOKED", r.revoked("Sai thông tin", Instant.now()).state(LocalDate.of(2030, 1, 1)));
    }
}
