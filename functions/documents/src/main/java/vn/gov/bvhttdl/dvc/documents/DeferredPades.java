package vn.gov.bvhttdl.dvc.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import vn.gov.bvhttdl.dvc.application.DeferredSigning;
import vn.gov.bvhttdl.dvc.application.Signer;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.List;
import java.util.TimeZone;

/**
 * PAdES B-B signed in two phases with PDFBox's external signing (the {@link DeferredSigning} port): the key is the
 * official's, on a token or at a remote-signing service, never here.
 *
 * <p>{@link #prepare}: a signature field whose widget is a visible box at the top left of the first page (the
 * official's name and the signing time, Liberation Sans: every Vietnamese letter), the signature dictionary (SubFilter
 * {@code ETSI.CAdES.detached}, {@code M} the time) with its Contents reserved and zero-filled, the file saved
 * incrementally — its byte range is then fixed — and the CMS signed attributes {@link Pades#cms} would sign for that
 * byte range and that certificate (content-type, message-digest, signing-certificate-v2): their SHA-256 is the digest
 * the device signs. {@link #complete}: the same signed attributes rebuilt from the prepared file and the chain, the
 * device's signature put in the CMS only if the attributes' digest is the one prepared (another certificate changes
 * signing-certificate-v2, so its digest differs), the CMS checked with BouncyCastle against the certificate, and
 * written into the reserved Contents: nothing else of the file changes.
 */
public final class DeferredPades implements DeferredSigning {
    /** Room for the CMS: the chain (a CA's chain of two or three certificates) and the signature. */
    private static final int CONTENTS_SIZE = 24576;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Override
    public boolean isPdf(byte[] bytes) {
        if (bytes == null || bytes.length < 8 || !new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) return false;
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return doc.getNumberOfPages() > 0 && !doc.isEncrypted();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public Prepared prepare(byte[] pdf, List<X509Certificate> chain, String signerName, Instant at, String reason) {
        if (!isPdf(pdf)) throw new DomainException(DomainException.Kind.INVALID, "not-a-pdf",
                new Text("Tệp không phải là PDF đọc được.", "The file is not a readable PDF.").at("file"));
        if (chain == null || chain.isEmpty()) throw new IllegalArgumentException("a certificate chain");
        byte[] prepared;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(Pades.ETSI_CADES);
            sig.setName(signerName);
            sig.setReason(reason);
            Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(at.toEpochMilli());
            sig.setSignDate(when);
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(CONTENTS_SIZE);
            PDRectangle media = doc.getPage(0).getMediaBox();
            float w = Math.min(230, media.getWidth() - 40), h = 58;
            PDRectangle box = new PDRectangle(media.getLowerLeftX() + 20, media.getUpperRightY() - 20 - h, w, h);
            options.setVisualSignature(visual(media, box, signerName, at));
            options.setPage(0);
            doc.addSignature(sig, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            external.getContent().close();
            external.setSignature(new byte[0]); // the reserved Contents stay zero until the signature comes back
            options.close();
            prepared = out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Prepared(prepared, sha256(signedAttributes(prepared, chain)));
    }

    @Override
    public byte[] complete(byte[] prepared, List<X509Certificate> chain, byte[] signature, byte[] digest) {
        if (chain == null || chain.isEmpty() || signature == null || signature.length == 0 || digest == null) throw mismatch();
        try (PDDocument doc = Loader.loadPDF(prepared)) {
            PDSignature sig = doc.getLastSignatureDictionary();
            int[] range = sig.getByteRange();
            byte[] content = sig.getSignedContent(prepared);
            byte[] cms = Pades.cms(content, given(chain, digest, signature));
            verify(content, cms, chain.get(0));
            byte[] hex = HexFormat.of().withUpperCase().formatHex(cms).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            int start = range[1] + 1, room = range[2] - range[1] - 2;
            if (hex.length > room) throw new IllegalStateException("the signature does not fit its reserved place");
            for (int i = start; i < start + room; i++) if (prepared[i] != '0') throw new IllegalStateException("the reserved place is not empty");
            byte[] signed = Arrays.copyOf(prepared, prepared.length);
            System.arraycopy(hex, 0, signed, start, hex.length);
            return signed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException e) {
            for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof DomainException de) throw de;
            throw e;
        }
    }

    /** The DER of the CMS signed attributes {@link Pades#cms} signs for the prepared file's byte range and {@code chain}. */
    static byte[] signedAttributes(byte[] prepared, List<X509Certificate> chain) {
        try (PDDocument doc = Loader.loadPDF(prepared)) {
            byte[] content = doc.getLastSignatureDictionary().getSignedContent(prepared);
            byte[][] captured = new byte[1][];
            Pades.cms(content, new Signer() {
                @Override public List<X509Certificate> chain() { return chain; }
                @Override public String algorithm() { return algorithmOf(chain.get(0)); }
                @Override public byte[] sign(byte[] data) {
                    captured[0] = data.clone();
                    return new byte[1];
                }
            });
            return captured[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A signer that only hands back the device's signature, and only for the attributes whose digest was prepared. */
    private static Signer given(List<X509Certificate> chain, byte[] digest, byte[] signature) {
        return new Signer() {
            @Override public List<X509Certificate> chain() { return chain; }
            @Override public String algorithm() { return algorithmOf(chain.get(0)); }
            @Override public byte[] sign(byte[] data) {
                if (!MessageDigest.isEqual(sha256(data), digest)) throw mismatch();
                return signature;
            }
        };
    }

    private static void verify(byte[] content, byte[] cms, X509Certificate cert) {
        try {
            CMSSignedData data = new CMSSignedData(new CMSProcessableByteArray(content), cms);
            SignerInformation si = data.getSignerInfos().getSigners().iterator().next();
            if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(new X509CertificateHolder(cert.getEncoded())))) throw mismatch();
        } catch (DomainException e) {
            throw e;
        } catch (Exception e) {
            throw mismatch();
        }
    }

    static String algorithmOf(X509Certificate cert) {
        return "EC".equals(cert.getPublicKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    private static DomainException mismatch() {
        return new DomainException(DomainException.Kind.INVALID, "signature-mismatch",
                new Text("Chữ ký số không khớp với tài liệu đã chuẩn bị hoặc với chứng thư số của cán bộ.",
                        "The digital signature does not match the document prepared or the official's certificate.").at("signature"));
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A one-page template whose signature field's widget draws the box: PDFBox copies it into the signed file. */
    private static InputStream visual(PDRectangle media, PDRectangle box, String name, Instant at) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(media);
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            form.getCOSObject().setDirect(true);
            form.getFields().add(field);
            widget.setRectangle(box);
            widget.setPrinted(true);
            widget.setPage(page);
            page.getAnnotations().add(widget);
            PDFormXObject xobject = new PDFormXObject(new PDStream(doc));
            xobject.setResources(new PDResources());
            xobject.setFormType(1);
            xobject.setBBox(new PDRectangle(box.getWidth(), box.getHeight()));
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.getCOSObject().setDirect(true);
            PDAppearanceStream stream = new PDAppearanceStream(xobject.getCOSObject());
            appearance.setNormalAppearance(stream);
            widget.setAppearance(appearance);
            PDType0Font font;
            try (InputStream in = DeferredPades.class.getClassLoader().getResourceAsStream("liberation/LiberationSans-Regular.ttf")) {
                if (in == null) throw new IllegalStateException("font liberation/LiberationSans-Regular.ttf is not packaged");
                font = PDType0Font.load(doc, in, true); // a subset: only the letters of the box
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, stream)) {
                cs.setNonStrokingColor(1f, 1f, 1f);
                cs.addRect(0, 0, box.getWidth(), box.getHeight());
                cs.fill();
                cs.setStrokingColor(0.75f, 0f, 0f);
                cs.setLineWidth(1f);
                cs.addRect(0.5f, 0.5f, box.getWidth() - 1, box.getHeight() - 1);
                cs.stroke();
                cs.setNonStrokingColor(0.75f, 0f, 0f);
                String[] lines = {"Ký bởi: " + fit(name), "Thời gian ký: " + TIME.format(at), "(Ký số, số hóa tại bộ phận một cửa)"};
                float y = box.getHeight() - 16;
                for (String line : lines) {
                    cs.beginText();
                    cs.setFont(font, 9);
                    cs.newLineAtOffset(6, y);
                    cs.showText(line);
                    cs.endText();
                    y -= 15;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return new ByteArrayInputStream(out.toByteArray());
        }
    }

    private static String fit(String s) {
        if (s == null) return "";
        String t = s.replaceAll("\\p{Cntrl}", " ").strip();
        return t.length() > 40 ? t.substring(0, 39) + "…" : t;
    }
}
