package vn.gov.bvhttdl.dvc.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDTrueTypeFont;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * Makes a drawn document a PDF/A-2b file (ISO 19005-2, level B), before it is signed — a signed file cannot be
 * converted afterwards. OpenPDF draws with embedded fonts (Liberation Sans subsets), DeviceRGB colours and no
 * transparency; what it does not write is added here with PDFBox: PDF 1.7, the XMP metadata stream with the PDF/A
 * identification (part 2, conformance B) agreeing with the document information, an sRGB output intent (the JDK's
 * sRGB ICC profile), the file identifier, and an embedded font for any standard font OpenPDF used without
 * embedding it; written without object streams.
 */
public final class PdfA {
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private static final byte[] REGULAR_ASCII = asciiSubset("liberation/LiberationSans-Regular.ttf");
    private static final byte[] BOLD_ASCII = asciiSubset("liberation/LiberationSans-Bold.ttf");

    private PdfA() {}

    /**
     * Liberation Sans (metric-compatible with Helvetica) cut down to the printable ASCII letters: what replaces a
     * standard font that OpenPDF uses without embedding it (a paragraph drawn without a font, e.g. a blank line),
     * since PDF/A wants every font embedded. Such text can only be ASCII: a standard font has no Vietnamese letters.
     */
    private static byte[] asciiSubset(String resource) {
        try (InputStream in = PdfA.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("font " + resource + " is not packaged");
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            TTFSubsetter subset = new TTFSubsetter(ttf);
            for (int c = 32; c < 127; c++) subset.add(c);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            subset.writeToStream(out);
            ttf.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each standard (not embedded) font in the pages' and their forms' resources replaced by an embedded Liberation Sans. */
    private static void embedStandardFonts(PDDocument doc) throws IOException {
        PDFont[] replacement = new PDFont[2];
        java.util.Set<org.apache.pdfbox.cos.COSBase> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (PDPage page : doc.getPages()) embedStandardFonts(doc, page.getResources(), replacement, seen);
    }

    private static void embedStandardFonts(PDDocument doc, PDResources resources, PDFont[] replacement,
                                           java.util.Set<org.apache.pdfbox.cos.COSBase> seen) throws IOException {
        if (resources == null || !seen.add(resources.getCOSObject())) return;
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            if (font == null || font.isEmbedded()) continue;
            int i = font.getName() != null && font.getName().contains("Bold") ? 1 : 0;
            if (replacement[i] == null) {
                replacement[i] = PDTrueTypeFont.load(doc, new ByteArrayInputStream(i == 1 ? BOLD_ASCII : REGULAR_ASCII), WinAnsiEncoding.INSTANCE);
            }
            resources.put(name, replacement[i]);
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDFormXObject form) embedStandardFonts(doc, form.getResources(), replacement, seen);
        }
    }

    /** {@code pdf} as PDF/A-2b, titled {@code title}, created and modified at {@code at}. */
    public static byte[] convert(byte[] pdf, String title, Instant at) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            doc.getDocument().setVersion(1.7f);
            doc.setVersion(1.7f);
            Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(at.toEpochMilli() / 1000 * 1000); // PDF dates have seconds; XMP must say the same
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setCreator(Letterhead.SYSTEM);
            String producer = "OpenPDF 3; PDFBox 3 (PDF/A-2b)";
            info.setProducer(producer);
            info.setCreationDate(when);
            info.setModificationDate(when);
            info.setAuthor(null);
            info.setSubject(null);
            info.setKeywords(null);

            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(2);
            id.setConformance("B");
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(title);
            dc.addCreator(Letterhead.SYSTEM);
            dc.setFormat("application/pdf");
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreatorTool(Letterhead.SYSTEM);
            basic.setCreateDate(when);
            basic.setModifyDate(when);
            AdobePDFSchema adobe = xmp.createAndAddAdobePDFSchema();
            adobe.setProducer(producer);
            ByteArrayOutputStream x = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, x, true);
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(x.toByteArray());
            catalog.setMetadata(metadata);

            catalog.getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
            PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(SRGB));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);

            if (!(doc.getDocument().getTrailer().getDictionaryObject(COSName.ID) instanceof COSArray)) {
                byte[] fileId = MessageDigest.getInstance("MD5").digest(pdf);
                COSArray ids = new COSArray();
                ids.add(new COSString(fileId));
                ids.add(new COSString(fileId));
                doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            }
            embedStandardFonts(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException | javax.xml.transform.TransformerException | org.apache.xmpbox.type.BadFieldValueException e) {
            throw new IllegalStateException("PDF/A: " + e.getMessage(), e);
        }
    }
}
