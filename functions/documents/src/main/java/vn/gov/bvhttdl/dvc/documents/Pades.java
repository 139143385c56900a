package vn.gov.bvhttdl.dvc.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSStream;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.tsp.TimeStampToken;
import vn.gov.bvhttdl.dvc.application.RevocationSource;
import vn.gov.bvhttdl.dvc.application.TimestampAuthority;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.gov.bvhttdl.dvc.application.Signer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * Signs a PDF as PAdES baseline B-B, B-T, B-LT or B-LTA (ETSI EN 319 142-1). B-B: a signature dictionary with SubFilter
 * {@code ETSI.CAdES.detached} and the signing time (its {@code M} entry), and a detached CMS SignedData over the
 * file's byte range with the signed attributes content-type, message-digest and signing-certificate-v2 — no
 * signing-time attribute, which the baseline forbids in favour of {@code M}. The key stays behind the
 * {@link Signer} port: only the DER of the signed attributes goes to it. B-T adds the signature-time-stamp unsigned
 * attribute from a {@link TimestampAuthority}; B-LT then a DSS with the certificates and CRLs (incremental update);
 * B-LTA then a document timestamp over the whole file.
 */
public final class Pades {
    private Pades() {}

    /** What makes a signature last (ETSI EN 319 142-1): a TSA (B-T), the validation data (B-LT), a document timestamp (B-LTA). */
    public record LongTerm(TimestampAuthority tsa, RevocationSource revocation, boolean archive) {
        /** B-LTA: the signature timestamp, the validation data, then a document timestamp over all of it. */
        public static LongTerm archival(TimestampAuthority tsa, RevocationSource revocation) { return new LongTerm(tsa, revocation, true); }

        /** B-LT: the signature timestamp and the validation data. */
        public static LongTerm validationData(TimestampAuthority tsa, RevocationSource revocation) { return new LongTerm(tsa, revocation, false); }
    }

    public static final COSName ETSI_CADES = COSName.getPDFName("ETSI.CAdES.detached");
    public static final COSName ETSI_RFC3161 = COSName.getPDFName("ETSI.RFC3161");

    /** Room for the CMS: the chain, the signature and a timestamp token with its TSA's certificates. */
    private static final int CONTENTS_SIZE = 32768;

    /** PAdES B-B: no timestamp, no validation data. */
    public static byte[] sign(byte[] pdf, Signer signer, Instant at, String reason, String location) {
        return sign(pdf, signer, null, at, reason, location);
    }

    /**
     * PAdES B-B when {@code longTerm} is null or has no TSA; B-T with a signature timestamp; B-LT with the validation
     * data in a DSS after it; B-LTA with a document timestamp after the DSS.
     */
    public static byte[] sign(byte[] pdf, Signer signer, LongTerm longTerm, Instant at, String reason, String location) {
        TimestampAuthority tsa = longTerm == null ? null : longTerm.tsa();
        byte[] signed = signOnce(pdf, signer, tsa, at, reason, location);
        if (tsa == null) return signed;
        if (longTerm.revocation() != null) signed = addValidationData(signed, signer.chain(), longTerm.revocation());
        if (longTerm.archive()) signed = documentTimestamp(signed, tsa);
        return signed;
    }

    private static byte[] signOnce(byte[] pdf, Signer signer, TimestampAuthority tsa, Instant at, String reason, String location) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(ETSI_CADES);
            X509Certificate cert = signer.chain().get(0);
            sig.setName(cert.getSubjectX500Principal().getName());
            sig.setReason(reason);
            sig.setLocation(location);
            Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(at.toEpochMilli());
            sig.setSignDate(when);
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(CONTENTS_SIZE);
            doc.addSignature(sig, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            external.setSignature(cms(external.getContent().readAllBytes(), signer, tsa));
            options.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * B-LT: a DSS dictionary (ISO 32000-2 §12.8.4.3) in an incremental update, with the certificates (the signer's
     * chain, the TSA's from its token), the CRLs the {@code revocation} source has for them, and a VRI entry for the
     * signature (the key: SHA-1 of its Contents, upper-case hex).
     */
    static byte[] addValidationData(byte[] signed, List<X509Certificate> chain, RevocationSource revocation) {
        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDSignature sig = doc.getLastSignatureDictionary();
            byte[] contents = sig.getContents();
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(sig.getSignedContent(signed)), SignatureCheck.unpadded(contents));
            Map<String, X509Certificate> certs = new LinkedHashMap<>();
            for (X509Certificate c : chain) certs.put(c.getSerialNumber() + c.getIssuerX500Principal().getName(), c);
            SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
            TimeStampToken token = SignatureCheck.signatureTimestamp(si);
            if (token != null) {
                var converter = new JcaX509CertificateConverter();
                for (Object h : token.getCertificates().getMatches(null)) {
                    X509Certificate c = converter.getCertificate((X509CertificateHolder) h);
                    certs.put(c.getSerialNumber() + c.getIssuerX500Principal().getName(), c);
                }
            }
            List<byte[]> crls = revocation.crls(new ArrayList<>(certs.values()));

            COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
            COSDictionary dss = new COSDictionary();
            COSArray certArray = streams(doc, certs.values().stream().map(Pades::encoded).toList());
            COSArray crlArray = streams(doc, crls);
            dss.setItem(COSName.getPDFName("Certs"), certArray);
            if (crlArray.size() > 0) dss.setItem(COSName.getPDFName("CRLs"), crlArray);
            COSDictionary entry = new COSDictionary();
            entry.setItem(COSName.getPDFName("Cert"), copy(certArray));
            if (crlArray.size() > 0) entry.setItem(COSName.getPDFName("CRL"), copy(crlArray));
            entry.setDate(COSName.getPDFName("TU"), java.util.GregorianCalendar.from(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)));
            entry.setNeedToBeUpdated(true);
            COSDictionary vri = new COSDictionary();
            vri.setItem(COSName.getPDFName(HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(contents))), entry);
            vri.setNeedToBeUpdated(true);
            dss.setItem(COSName.getPDFName("VRI"), vri);
            dss.setNeedToBeUpdated(true);
            catalog.setItem(COSName.getPDFName("DSS"), dss);
            // the extension that brings the DSS to PDF 1.7 (ETSI EN 319 142-1: ESIC, level 5)
            COSDictionary esic = new COSDictionary();
            esic.setName(COSName.getPDFName("BaseVersion"), "1.7");
            esic.setInt(COSName.getPDFName("ExtensionLevel"), 5);
            esic.setNeedToBeUpdated(true);
            COSDictionary extensions = new COSDictionary();
            extensions.setItem(COSName.getPDFName("ESIC"), esic);
            extensions.setNeedToBeUpdated(true);
            catalog.setItem(COSName.getPDFName("Extensions"), extensions);
            catalog.setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("validation data: " + e.getMessage(), e);
        }
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static COSArray streams(PDDocument doc, List<byte[]> items) throws IOException {
        COSArray a = new COSArray();
        for (byte[] b : items) {
            COSStream s = doc.getDocument().createCOSStream();
            try (OutputStream o = s.createOutputStream(COSName.FLATE_DECODE)) {
                o.write(b);
            }
            s.setNeedToBeUpdated(true);
            a.add(s);
        }
        a.setNeedToBeUpdated(true);
        return a;
    }

    private static COSArray copy(COSArray a) {
        COSArray c = new COSArray();
        for (int i = 0; i < a.size(); i++) c.add(a.get(i));
        c.setNeedToBeUpdated(true);
        return c;
    }

    /** B-LTA: a document timestamp (SubFilter ETSI.RFC3161) over the whole file as it is, validation data included. */
    static byte[] documentTimestamp(byte[] pdf, TimestampAuthority tsa) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature ts = new PDSignature();
            ts.setType(COSName.DOC_TIME_STAMP);
            ts.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            ts.setSubFilter(ETSI_RFC3161);
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(CONTENTS_SIZE / 2);
            doc.addSignature(ts, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            external.setSignature(tsa.timestamp(MessageDigest.getInstance("SHA-256").digest(external.getContent().readAllBytes())));
            options.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The detached CMS SignedData over {@code content}, with the PAdES signed attributes (B-B). */
    static byte[] cms(byte[] content, Signer signer) {
        return cms(content, signer, null);
    }

    /**
     * The detached CMS SignedData over {@code content}, with the PAdES signed attributes, and with a TSA the
     * signature-time-stamp unsigned attribute (RFC 3161 token over the signature value: B-T).
     */
    static byte[] cms(byte[] content, Signer signer, TimestampAuthority tsa) {
        try {
            X509Certificate cert = signer.chain().get(0);
            AlgorithmIdentifier algorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(signer.algorithm());
            ContentSigner contentSigner = new ContentSigner() {
                private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

                @Override public AlgorithmIdentifier getAlgorithmIdentifier() { return algorithm; }

                @Override public OutputStream getOutputStream() { return buffer; }

                @Override public byte[] getSignature() { return signer.sign(buffer.toByteArray()); }
            };
            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                    X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()))), cert.getSerialNumber());
            ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certHash, issuerSerial);
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(new SigningCertificateV2(new ESSCertIDv2[]{id}))));
            DefaultSignedAttributeTableGenerator table = new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)) {
                @Override
                @SuppressWarnings({"rawtypes", "unchecked"})
                protected Hashtable createStandardAttributeTable(Map parameters) {
                    Hashtable t = super.createStandardAttributeTable(parameters);
                    t.remove(CMSAttributes.signingTime); // PAdES B-B: the time is the dictionary's M, not a CMS attribute
                    return t;
                }
            };
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(table).build(contentSigner, cert));
            gen.addCertificates(new JcaCertStore(signer.chain()));
            CMSSignedData data = gen.generate(new CMSProcessableByteArray(content), false);
            if (tsa != null) {
                SignerInformation si = data.getSignerInfos().getSigners().iterator().next();
                byte[] token = tsa.timestamp(MessageDigest.getInstance("SHA-256").digest(si.getSignature()));
                ASN1EncodableVector unsigned = new ASN1EncodableVector();
                unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, new DERSet(ASN1Primitive.fromByteArray(token))));
                si = SignerInformation.replaceUnsignedAttributes(si, new AttributeTable(unsigned));
                data = CMSSignedData.replaceSigners(data, new SignerInformationStore(si));
            }
            return data.getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER); // definite lengths: the zero padding after it is not read as content
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("CMS signature: " + e.getMessage(), e);
        }
    }
}
