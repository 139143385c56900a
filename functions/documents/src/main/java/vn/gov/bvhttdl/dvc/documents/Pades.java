package vn.gov.bvhttdl.dvc.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
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
import java.util.Hashtable;
import java.util.Map;
import java.util.TimeZone;

/**
 * Signs a PDF as PAdES baseline B-B (ETSI EN 319 142-1): a signature dictionary with SubFilter
 * {@code ETSI.CAdES.detached} and the signing time (its {@code M} entry), and a detached CMS SignedData over the
 * file's byte range with the signed attributes content-type, message-digest and signing-certificate-v2 — no
 * signing-time attribute, which the baseline forbids in favour of {@code M}. The key stays behind the
 * {@link Signer} port: only the DER of the signed attributes goes to it.
 */
public final class Pades {
    private Pades() {}

    public static byte[] sign(byte[] pdf, Signer signer, Instant at, String reason, String location) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
            X509Certificate cert = signer.chain().get(0);
            sig.setName(cert.getSubjectX500Principal().getName());
            sig.setReason(reason);
            sig.setLocation(location);
            Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(at.toEpochMilli());
            sig.setSignDate(when);
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
            doc.addSignature(sig, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            external.setSignature(cms(external.getContent().readAllBytes(), signer));
            options.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The detached CMS SignedData over {@code content}, with the PAdES signed attributes. */
    static byte[] cms(byte[] content, Signer signer) {
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
            return data.getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER); // definite lengths: the zero padding after it is not read as content
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("CMS signature: " + e.getMessage(), e);
        }
    }
}
