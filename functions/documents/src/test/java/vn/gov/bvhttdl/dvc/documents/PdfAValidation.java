package vn.gov.bvhttdl.dvc.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.preflight.PreflightDocument;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * PDF/A validation for the tests, in two parts, because no PDF/A-2 validator resolves here (veraPDF is not served by
 * the registry; PDFBox's preflight checks PDF/A-1b only):
 * <ol>
 * <li>preflight 3.0.8 (PDF/A-1b, whose rules are those of PDF/A-2b and stricter: embedded fonts, the XMP metadata
 * agreeing with the document information, an output intent, no transparency, no encryption, no forbidden actions),
 * with only the findings that PDF/A-2 allows ignored — listed in {@link #PDFA2_ALLOWS}, each with its reason;</li>
 * <li>the PDF/A-2b essentials checked here directly: the header says 1.7 or lower, the XMP says part 2 conformance B,
 * one output intent GTS_PDFA1 with an ICC profile, every font embedded, no soft mask, constant alpha below 1 or
 * blend mode other than Normal, and every annotation printable.</li>
 * </ol>
 */
public final class PdfAValidation {
    /**
     * Preflight's findings that are PDF/A-1-only: the part number in the XMP (1.x: preflight wants part 1, the file
     * says part 2: 7.11.2 "part must be 1"). The header version (1.7) it does not object to.
     */
    static final Set<String> PDFA2_ALLOWS = Set.of("7.11.2");

    private PdfAValidation() {}

    /** What is wrong with {@code pdf} as PDF/A-2b (empty: nothing found). */
    public static List<String> problems(byte[] pdf) throws Exception {
        List<String> out = new ArrayList<>();
        File f = File.createTempFile("pdfa", ".pdf");
        try {
            Files.write(f.toPath(), pdf);
            PreflightParser parser = new PreflightParser(f);
            try (PreflightDocument doc = (PreflightDocument) parser.parse()) {
                ValidationResult r = doc.validate();
                for (ValidationResult.ValidationError e : r.getErrorsList()) {
                    if (!PDFA2_ALLOWS.contains(e.getErrorCode())) out.add("preflight " + e.getErrorCode() + ": " + e.getDetails());
                }
            }
        } finally {
            Files.deleteIfExists(f.toPath());
        }
        out.addAll(pdfa2Essentials(pdf));
        return out;
    }

    static List<String> pdfa2Essentials(byte[] pdf) throws Exception {
        List<String> out = new ArrayList<>();
        String header = new String(pdf, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!header.matches("%PDF-1\\.[0-7]")) out.add("header " + header);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.isEncrypted()) out.add("encrypted");
            var meta = doc.getDocumentCatalog().getMetadata();
            if (meta == null) {
                out.add("no XMP metadata");
            } else {
                XMPMetadata xmp = new DomXmpParser().parse(meta.toByteArray());
                PDFAIdentificationSchema id = xmp.getPDFAIdentificationSchema();
                if (id == null || id.getPart() == null || id.getPart() != 2 || !"B".equals(id.getConformance())) out.add("XMP is not PDF/A-2B");
            }
            List<PDOutputIntent> intents = doc.getDocumentCatalog().getOutputIntents();
            if (intents.size() != 1 || !"GTS_PDFA1".equals(intents.get(0).getCOSObject().getNameAsString(COSName.S))
                    || intents.get(0).getDestOutputIntent() == null) out.add("no PDF/A output intent with an ICC profile");
            for (PDPage page : doc.getPages()) {
                for (COSName n : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(n);
                    if (!font.isEmbedded()) out.add("font not embedded: " + font.getName());
                }
                for (PDAnnotation a : page.getAnnotations()) {
                    if (!a.isPrinted() || a.isHidden() || a.isInvisible() || a.isNoView()) out.add("annotation not printable: " + a.getSubtype());
                }
            }
            transparency(doc.getDocument().getTrailer(), new IdentityHashMap<>(), out);
        }
        return out;
    }

    /** Walks every object: a soft mask, a constant alpha below 1 or a blend mode other than Normal is transparency. */
    private static void transparency(COSBase b, IdentityHashMap<Object, Boolean> seen, List<String> out) {
        if (b instanceof COSObject o) b = o.getObject();
        if (b == null || seen.put(b, true) != null) return;
        if (b instanceof COSDictionary d) {
            COSBase smask = d.getDictionaryObject(COSName.SMASK);
            if (smask != null && !COSName.NONE.equals(smask)) out.add("soft mask");
            for (COSName alpha : List.of(COSName.CA, COSName.CA_NS)) {
                if (d.getDictionaryObject(alpha) instanceof COSNumber n && n.floatValue() < 1f) out.add("constant alpha " + n.floatValue());
            }
            if (d.getDictionaryObject(COSName.BM) instanceof COSName bm && !bm.getName().equals("Normal") && !bm.getName().equals("Compatible")) {
                out.add("blend mode " + bm.getName());
            }
            if (COSName.TRANSPARENCY.equals(d.getDictionaryObject(COSName.S)) && d.containsKey(COSName.CS) == false) {
                out.add("transparency group without a colour space");
            }
            for (COSName k : d.keySet()) {
                if (!k.equals(COSName.PARENT) && !k.equals(COSName.P)) transparency(d.getItem(k), seen, out);
            }
        } else if (b instanceof org.apache.pdfbox.cos.COSArray a) {
            for (COSBase e : a) transparency(e, seen, out);
        }
    }
}
