package vn.gov.bvhttdl.dvc.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a presented PDF carries one valid PAdES signature by a certificate that a trusted CA issued, and whether
 * that certificate was valid when it signed:
 * <ul>
 * <li>the CMS signature verifies over its byte range, which starts the file;</li>
 * <li>what follows the signed range (if anything) only adds validation data (a DSS) and document timestamps: no
 * object of the signed revision is redefined except the catalog, the form, its fields, the pages' annotation lists
 * and the pages themselves with their content and resources unchanged; every new annotation is a signature field's;
 * each document timestamp verifies;</li>
 * <li>a signature timestamp (RFC 3161, over the signature value) from a TSA under a trusted CA proves the time of
 * signing: the certificate must have been valid then — so a signature stays valid after its certificate expires.
 * Without one, the time in the file is only claimed, and the certificate must be valid at the time of the check;</li>
 * <li>a CRL of the embedded validation data (DSS) that the issuing CA signed must not list the certificate as revoked
 * before that time.</li>
 * </ul>
 */
public final class SignatureCheck {
    /** The verdict, the signer's name, the signing time (proven by the timestamp when there is one) and the PAdES level. */
    public record Verdict(boolean valid, String reason, String signer, Instant signedAt, String level) {
        public Verdict(boolean valid, String reason, String signer, Instant signedAt) {
            this(valid, reason, signer, signedAt, null);
        }
    }

    private static final Set<String> SIGNATURES = Set.of("ETSI.CAdES.detached", "adbe.pkcs7.detached");

    private SignatureCheck() {}

    /** The CMS object of a signature's Contents without the zero padding that fills its reserved space. */
    static byte[] unpadded(byte[] contents) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            return in.readObject().getEncoded(ASN1Encoding.DER);
        }
    }

    /** The signature-time-stamp token of a signer (its unsigned attribute), or null. */
    static TimeStampToken signatureTimestamp(SignerInformation si) throws Exception {
        if (si.getUnsignedAttributes() == null) return null;
        Attribute a = si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (a == null) return null;
        return new TimeStampToken(ContentInfo.getInstance(a.getAttrValues().getObjectAt(0)));
    }

    /** Checks against one CA (the signer's and the TSA's) at the current time. */
    public static Verdict check(byte[] pdf, X509Certificate trustedCa) {
        return check(pdf, List.of(trustedCa), Instant.now());
    }

    /** Checks against the trusted CAs {@code anchors} (the signing CA, the TSA's CA), at the time {@code now}. */
    public static Verdict check(byte[] pdf, List<X509Certificate> anchors, Instant now) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> all = doc.getSignatureDictionaries();
            List<PDSignature> sigs = all.stream().filter(s -> SIGNATURES.contains(s.getSubFilter())).toList();
            List<PDSignature> docStamps = all.stream().filter(s -> Pades.ETSI_RFC3161.getName().equals(s.getSubFilter())).toList();
            if (sigs.size() != 1) return new Verdict(false, sigs.isEmpty() ? "no signature" : "more than one signature", null, null);
            if (sigs.size() + docStamps.size() != all.size()) return new Verdict(false, "a signature of an unknown kind", null, null);
            PDSignature sig = sigs.get(0);
            int[] range = sig.getByteRange();
            long signedEnd = range.length == 4 ? (long) range[2] + range[3] : -1;
            if (range.length != 4 || range[0] != 0 || signedEnd > pdf.length) {
                return new Verdict(false, "the signature does not cover the whole file", null, null);
            }
            if (signedEnd < pdf.length) {
                String tail = new String(pdf, (int) signedEnd, pdf.length - (int) signedEnd, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (!tail.contains("startxref") || !tail.stripTrailing().endsWith("%%EOF")) {
                    return new Verdict(false, "the signature does not cover the whole file: bytes after it that are not an update", null, null);
                }
                String changed = changedAfterSigning(pdf, (int) signedEnd);
                if (changed != null) return new Verdict(false, "the signature does not cover the whole file: " + changed, null, null);
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(sig.getSignedContent(pdf)), unpadded(sig.getContents(pdf)));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) return new Verdict(false, "not one signer", null, null);
            SignerInformation si = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(si.getSID());
            if (matches.isEmpty()) return new Verdict(false, "the signer's certificate is missing", null, null);
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            Instant claimed = sig.getSignDate() == null ? null : sig.getSignDate().toInstant();
            String name = cert.getSubjectX500Principal().getName();
            if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))) return new Verdict(false, "the signature does not match the file", name, claimed);

            TimeStampToken token = signatureTimestamp(si);
            Instant proven = null;
            if (token != null) {
                String bad = timestampProblem(token, MessageDigest.getInstance("SHA-256").digest(si.getSignature()), anchors);
                if (bad != null) return new Verdict(false, "the signature's timestamp is not valid: " + bad, name, claimed);
                proven = token.getTimeStampInfo().getGenTime().toInstant();
            }
            for (PDSignature ts : docStamps) {
                String bad = documentTimestampProblem(pdf, ts, anchors);
                if (bad != null) return new Verdict(false, "a document timestamp is not valid: " + bad, name, claimed);
            }
            X509Certificate issuer = issuer(cert, anchors);
            if (issuer == null) return new Verdict(false, "the certificate is not from the trusted CA", name, claimed);
            Instant at = proven != null ? proven : now;
            try {
                cert.checkValidity(Date.from(at));
            } catch (GeneralSecurityException e) {
                return new Verdict(false, proven != null ? "the certificate was not valid at the time of the signature's timestamp: " + e.getMessage()
                        : "the certificate is not valid now, and no timestamp proves when it signed: " + e.getMessage(), name, claimed);
            }
            COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
            for (X509CRL crl : crls(dss)) {
                try {
                    crl.verify(issuer.getPublicKey());
                } catch (GeneralSecurityException e) {
                    continue; // not the issuer's CRL
                }
                X509CRLEntry revoked = crl.getRevokedCertificate(cert);
                if (revoked != null && !revoked.getRevocationDate().toInstant().isAfter(at)) {
                    return new Verdict(false, "the certificate was revoked on " + revoked.getRevocationDate().toInstant(), name, claimed);
                }
            }
            String level = token == null ? "B-B" : !docStamps.isEmpty() ? "B-LTA" : dss != null ? "B-LT" : "B-T";
            return new Verdict(true, "valid", name, proven != null ? proven : claimed, level);
        } catch (Exception e) {
            // a file that cannot be read as a signed PDF, or a signature that does not verify
            return new Verdict(false, "not a valid signed PDF: " + e.getClass().getSimpleName() + " " + e.getMessage(), null, null);
        }
    }

    /** The trusted CA that issued {@code cert} (its signature verifies under the CA's key), or null. */
    private static X509Certificate issuer(X509Certificate cert, List<X509Certificate> anchors) {
        for (X509Certificate a : anchors) {
            if (!a.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) continue;
            try {
                cert.verify(a.getPublicKey());
                return a;
            } catch (GeneralSecurityException e) {
                // another CA with the same name
            }
        }
        return null;
    }

    /** What is wrong with an RFC 3161 token over {@code digest} (SHA-256), or null when it verifies under a trusted CA. */
    static String timestampProblem(TimeStampToken token, byte[] digest, List<X509Certificate> anchors) {
        try {
            var info = token.getTimeStampInfo();
            if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())) return "not a SHA-256 imprint";
            if (!MessageDigest.isEqual(digest, info.getMessageImprintDigest())) return "it is over other data";
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> tsaCerts = token.getCertificates().getMatches(token.getSID());
            if (tsaCerts.isEmpty()) return "the TSA's certificate is missing";
            X509CertificateHolder holder = tsaCerts.iterator().next();
            X509Certificate tsa = new JcaX509CertificateConverter().getCertificate(holder);
            if (issuer(tsa, anchors) == null) return "the TSA is not from a trusted CA";
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(holder)); // the signature, the TSA's key usage, valid at genTime
            return null;
        } catch (Exception e) {
            return e.getClass().getSimpleName() + " " + e.getMessage();
        }
    }

    private static String documentTimestampProblem(byte[] pdf, PDSignature ts, List<X509Certificate> anchors) throws Exception {
        int[] r = ts.getByteRange();
        if (r.length != 4 || r[0] != 0) return "its byte range";
        TimeStampToken token = new TimeStampToken(new CMSSignedData(unpadded(ts.getContents(pdf))));
        return timestampProblem(token, MessageDigest.getInstance("SHA-256").digest(ts.getSignedContent(pdf)), anchors);
    }

    private static List<X509CRL> crls(COSDictionary dss) throws Exception {
        List<X509CRL> out = new ArrayList<>();
        if (dss == null || !(dss.getDictionaryObject(COSName.getPDFName("CRLs")) instanceof COSArray a)) return out;
        CertificateFactory f = CertificateFactory.getInstance("X.509");
        for (COSBase b : a) {
            if (b instanceof COSObject o) b = o.getObject();
            if (b instanceof COSStream s) {
                try (var in = s.createInputStream()) {
                    out.add((X509CRL) f.generateCRL(in));
                }
            }
        }
        return out;
    }

    /**
     * Why what follows the first {@code signedEnd} bytes is more than validation data and document timestamps, or
     * null: an object of the signed revision redefined other than the catalog, the form and its fields, an
     * annotation list or a page with its contents and resources unchanged; a new annotation that is not a signature
     * field's; a page more or less.
     */
    static String changedAfterSigning(byte[] pdf, int signedEnd) throws IOException {
        try (PDDocument before = Loader.loadPDF(Arrays.copyOf(pdf, signedEnd)); PDDocument after = Loader.loadPDF(pdf)) {
            if (before.getNumberOfPages() != after.getNumberOfPages()) return "pages added or removed";
            Map<COSObjectKey, Long> was = before.getDocument().getXrefTable();
            Map<COSObjectKey, Long> is = after.getDocument().getXrefTable();
            Map<COSObjectKey, String> allowed = new HashMap<>();
            COSDictionary catalog = before.getDocumentCatalog().getCOSObject();
            allowed.put(key(before, catalog), "catalog");
            COSDictionary form = catalog.getCOSDictionary(COSName.ACRO_FORM);
            if (form != null) {
                allowed.put(key(before, form), "form");
                if (form.getItem(COSName.FIELDS) instanceof COSObject f) allowed.put(f.getKey(), "fields");
            }
            for (int i = 0; i < before.getNumberOfPages(); i++) {
                PDPage p = before.getPage(i);
                allowed.put(key(before, p.getCOSObject()), "page");
                if (p.getCOSObject().getItem(COSName.ANNOTS) instanceof COSObject a) allowed.put(a.getKey(), "annotations");
                PDPage q = after.getPage(i);
                for (COSName k : List.of(COSName.CONTENTS, COSName.RESOURCES, COSName.MEDIA_BOX, COSName.CROP_BOX, COSName.ROTATE)) {
                    if (!fp(p.getCOSObject().getItem(k)).equals(fp(q.getCOSObject().getItem(k)))) return "a page's " + k.getName() + " changed";
                }
                int widgetsBefore = 0;
                for (var an : p.getAnnotations()) if (!"Widget".equals(an.getSubtype())) widgetsBefore++;
                int othersAfter = 0;
                for (var an : q.getAnnotations()) {
                    if (!"Widget".equals(an.getSubtype())) {
                        othersAfter++;
                    } else {
                        COSDictionary field = an.getCOSObject().containsKey(COSName.FT) ? an.getCOSObject() : an.getCOSObject().getCOSDictionary(COSName.PARENT);
                        if (field == null || !COSName.SIG.equals(field.getCOSName(COSName.FT))) return "a form field added";
                    }
                }
                if (othersAfter != widgetsBefore) return "annotations added or removed";
            }
            for (var e : was.entrySet()) {
                Long now = is.get(e.getKey());
                if (now == null || now.equals(e.getValue()) || allowed.containsKey(e.getKey())) continue;
                // a signature field redefined when another is added: its value, place and look unchanged
                if (before.getDocument().getObjectFromPool(e.getKey()).getObject() instanceof COSDictionary was1
                        && COSName.SIG.equals(was1.getCOSName(COSName.FT))
                        && after.getDocument().getObjectFromPool(e.getKey()).getObject() instanceof COSDictionary is1
                        && List.of(COSName.V, COSName.RECT, COSName.AP, COSName.FT).stream().allMatch(k -> fp(was1.getItem(k)).equals(fp(is1.getItem(k))))) continue;
                return "object " + e.getKey() + " redefined";
            }
            return null;
        }
    }

    /** A direct object written out, an indirect one by its number (what it holds is checked by its own redefinition). */
    private static String fp(COSBase b) {
        if (b instanceof COSObject o) return "R" + o.getKey();
        if (b instanceof COSDictionary d) {
            StringBuilder sb = new StringBuilder("<<");
            for (COSName k : d.keySet()) sb.append('/').append(k.getName()).append(' ').append(fp(d.getItem(k)));
            return sb.append(">>").toString();
        }
        if (b instanceof COSArray a) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.size(); i++) sb.append(fp(a.get(i))).append(' ');
            return sb.append(']').toString();
        }
        return String.valueOf(b);
    }

    private static COSObjectKey key(PDDocument doc, COSDictionary d) {
        return d.getKey(); // set on every object read from the file
    }
}
