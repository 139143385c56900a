package vn.gov.bvhttdl.dvc.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

/**
 * Whether a presented PDF carries one valid PAdES signature over the whole file by a certificate that the trusted
 * CA issued: the signed byte range ends at the end of the file (nothing appended after signing), the CMS signature
 * verifies over it, and the signer's certificate verifies under the CA's key and was valid when it signed.
 */
public final class SignatureCheck {
    /** The verdict, and the signer's name and the signing time when there is a signature. */
    public record Verdict(boolean valid, String reason, String signer, java.time.Instant signedAt) {}

    private SignatureCheck() {}

    /** The CMS object of a signature's Contents without the zero padding that fills its reserved space. */
    static byte[] unpadded(byte[] contents) throws java.io.IOException {
        try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(contents)) {
            return in.readObject().getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
        }
    }

    public static Verdict check(byte[] pdf, X509Certificate trustedCa) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> sigs = doc.getSignatureDictionaries();
            if (sigs.size() != 1) return new Verdict(false, sigs.isEmpty() ? "no signature" : "more than one signature", null, null);
            PDSignature sig = sigs.get(0);
            int[] range = sig.getByteRange();
            if (range.length != 4 || range[0] != 0 || (long) range[2] + range[3] != pdf.length) {
                return new Verdict(false, "the signature does not cover the whole file", null, null);
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(sig.getSignedContent(pdf)), unpadded(sig.getContents(pdf)));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) return new Verdict(false, "not one signer", null, null);
            SignerInformation si = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(si.getSID());
            if (matches.isEmpty()) return new Verdict(false, "the signer's certificate is missing", null, null);
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            java.time.Instant at = sig.getSignDate() == null ? null : sig.getSignDate().toInstant();
            String name = cert.getSubjectX500Principal().getName();
            if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))) return new Verdict(false, "the signature does not match the file", name, at);
            try {
                cert.verify(trustedCa.getPublicKey());
                cert.checkValidity(java.util.Date.from(at == null ? java.time.Instant.now() : at));
            } catch (java.security.GeneralSecurityException e) {
                return new Verdict(false, "the certificate is not from the trusted CA or was not valid: " + e.getMessage(), name, at);
            }
            return new Verdict(true, "valid", name, at);
        } catch (Exception e) {
            // a file that cannot be read as a signed PDF, or a signature that does not verify
            return new Verdict(false, "not a valid signed PDF: " + e.getClass().getSimpleName() + " " + e.getMessage(), null, null);
        }
    }
}
