package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.ResultStore;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.application.fakes.PastResultsSample;
import vn.gov.bvhttdl.dvc.documents.DevelopmentToken;
import vn.gov.bvhttdl.dvc.documents.LocalKeySigner;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;
import static vn.gov.bvhttdl.dvc.api.CitizenApiHandlerIT.*;

/**
 * Digitisation at the desk and the batch import of past results (issue #25 item 3) through the officials' API, on the
 * emulators (the table on dynoxide, the buckets on S3Proxy), signed in two phases by the official's development token
 * — the done-when check: the 50-row sample with 5 bad rows takes 45 and refuses 5 with reasons, and a second run
 * changes nothing; a digitised result verifies on its page and with an independent check of its PDF signature.
 */
class DigitisationApiIT {
    static ApiHandler handler;
    static LocalKeySigner ca;
    static Path dir;

    @BeforeAll
    static void start() {
        TestStack.get();
        handler = new ApiHandler();
        dir = Path.of(Settings.require("LOCAL_SIGNING_DIR"));
        ca = LocalKeySigner.in(dir);
    }

    @AfterAll
    static void stop() { handler.close(); }

    static List<String> chain(DevelopmentToken t) throws Exception {
        List<String> out = new ArrayList<>();
        for (X509Certificate c : t.chain()) out.add(Base64.getEncoder().encodeToString(c.getEncoded()));
        return out;
    }

    static APIGatewayV2HTTPResponse post(String path, Map<String, Object> body, Map<String, String> claims) {
        return handler.handleRequest(request("POST", path, Json.write(body), claims), null);
    }

    /** What the browser's signing step does: the device signs each digest, the answer goes back with the chain. */
    @SuppressWarnings("unchecked")
    static APIGatewayV2HTTPResponse signAndComplete(Map<String, Object> started, DevelopmentToken token, Map<String, String> claims) throws Exception {
        Map<String, Object> signatures = new LinkedHashMap<>();
        for (Object o : (List<Object>) started.get("toSign")) {
            Map<String, Object> t = (Map<String, Object>) o;
            signatures.put((String) t.get("ref"), Base64.getEncoder().encodeToString(token.signDigest(Base64.getDecoder().decode((String) t.get("digest")))));
        }
        return post("/api/official/digitisation/sessions/" + started.get("sessionId") + "/complete", Map.of("chain", chain(token), "signatures", signatures), claims);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFiftyRowSampleTakes45Refuses5WithReasonsAndASecondRunChangesNothing() throws Exception {
        Map<String, String> desk = PortalApiIT.official("sub-dig-import-" + UUID.randomUUID(), "CDLQG", "MOTCUA", "ONE_STOP");
        desk.put("name", "Lê Văn Nhập");
        DevelopmentToken token = ca.officialToken(dir, desk.get("sub"), desk.get("name"));
        long base = (long) (Math.random() * 90_000_000L);
        String pkg = Base64.getEncoder().encodeToString(PastResultsSample.zip(base));

        APIGatewayV2HTTPResponse prepared = post("/api/official/digitisation/imports/prepare", Map.of("package", pkg, "chain", chain(token)), desk);
        assertEquals(200, prepared.getStatusCode(), prepared.getBody());
        Map<String, Object> started = json(prepared);
        assertEquals(45, ((List<Object>) started.get("toSign")).size());
        APIGatewayV2HTTPResponse done = signAndComplete(started, token, desk);
        assertEquals(200, done.getStatusCode(), done.getBody());
        Map<String, Object> report = json(done);
        assertEquals(45, ((Number) report.get("taken")).intValue(), done.getBody());
        assertEquals(5, ((Number) report.get("refused")).intValue());
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("rows");
        assertEquals(50, rows.size(), "row by row");
        Map<String, String> refusedFields = new LinkedHashMap<>();
        for (var r : rows) if ("REFUSED".equals(r.get("outcome"))) {
            assertNotNull(r.get("why"));
            assertNotNull(r.get("whyEn"));
            refusedFields.put((String) r.get("ref"), (String) r.get("field"));
        }
        assertEquals(PastResultsSample.BAD, refusedFields);

        var warehouse = Table.of(DossierStore.fromSettings()).warehouse();
        Map<String, Object> row2 = rows.stream().filter(r -> "2".equals(r.get("ref"))).findFirst().orElseThrow();
        String owner = WarehouseDocument.personal(PastResultsSample.person(base, 2));
        WarehouseDocument entry = warehouse.find(owner, (String) row2.get("documentId")).orElseThrow();
        assertEquals(WarehouseDocument.Kind.DIGITISED_RESULT, entry.kind());
        assertEquals("/verify/" + entry.verificationId(), row2.get("verifyPath"));
        int before = 0;
        for (int r = 1; r <= 50; r++) before += warehouse.of(WarehouseDocument.personal(PastResultsSample.person(base, r))).size()
                + warehouse.of(WarehouseDocument.enterprise(PastResultsSample.enterprise(base, r))).size();
        assertEquals(45, before);

        // the file is signed by the official: checked independently (PDFBox + BouncyCastle), under the development CA
        byte[] pdf = ResultStore.fromSettings(AwsClients.dynamo(), Settings.require("TABLE_NAME")).file(entry.verificationId());
        assertTrue(independentlyValid(pdf, token.chain().get(0), ca.chain().get(ca.chain().size() - 1)));
        // and its public verification page says so
        APIGatewayV2HTTPResponse page = handler.handleRequest(request("GET", "/verify/" + entry.verificationId(), null, null), null);
        assertEquals(200, page.getStatusCode());
        assertTrue(page.getBody().contains(entry.numberAndSymbol().replace("/", "/")), "the number on the page");

        // the same package again: nothing to sign, 45 unchanged, 5 refused, nothing added
        APIGatewayV2HTTPResponse again = post("/api/official/digitisation/imports/prepare", Map.of("package", pkg, "chain", chain(token)), desk);
        assertEquals(200, again.getStatusCode(), again.getBody());
        Map<String, Object> second = json(again);
        assertNull(second.get("sessionId"));
        assertTrue(((List<Object>) second.get("toSign")).isEmpty());
        List<Map<String, Object>> rows2 = (List<Map<String, Object>>) second.get("rows");
        assertEquals(45, rows2.stream().filter(r -> "UNCHANGED".equals(r.get("outcome"))).count());
        assertEquals(5, rows2.stream().filter(r -> "REFUSED".equals(r.get("outcome"))).count());
        int after = 0;
        for (int r = 1; r <= 50; r++) after += warehouse.of(WarehouseDocument.personal(PastResultsSample.person(base, r))).size()
                + warehouse.of(WarehouseDocument.enterprise(PastResultsSample.enterprise(base, r))).size();
        assertEquals(before, after);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPaperComponentScannedAtTheDeskJoinsTheDossierSignedByTheOfficialAndOtherUnitsAndOtherCertificatesAreRefused() throws Exception {
        String owner = "owner-dig-" + UUID.randomUUID();
        String id = PortalApiIT.received(owner, new Applicant("Đỗ Thị Giấy", "001099000451", null, null, "0912000451", null),
                PortalApiIT.randomCode("261203"), LocalDate.now().plusDays(10));
        Map<String, String> desk = PortalApiIT.official("sub-dig-mc-" + UUID.randomUUID(), "CDLQG", "MOTCUA", "ONE_STOP");
        desk.put("name", "Trần Thị Số");
        DevelopmentToken token = ca.officialToken(dir, desk.get("sub"), desk.get("name"));
        String scan = Base64.getEncoder().encodeToString(PastResultsSample.minimalPdf("Don de nghi"));
        Map<String, Object> body = new LinkedHashMap<>(Map.of("dossierId", id, "component", "DON", "fileName", "don.pdf", "file", scan, "chain", chain(token)));

        // another unit's official: the same 404 as for no dossier (it learns nothing of it); another official's certificate: 422
        Map<String, String> otherUnit = PortalApiIT.official("sub-dig-lt", "CDLQG", "LUUTRU", "SPECIALIST");
        APIGatewayV2HTTPResponse forbidden = post("/api/official/digitisation/components/prepare", body, otherUnit);
        assertEquals(404, forbidden.getStatusCode(), forbidden.getBody());
        assertTrue(forbidden.getBody().contains("dossier-not-found"));
        DevelopmentToken someoneElses = ca.officialToken(dir, "sub-dig-other-" + UUID.randomUUID(), "Người Khác");
        Map<String, Object> withTheirs = new LinkedHashMap<>(body);
        withTheirs.put("chain", chain(someoneElses));
        APIGatewayV2HTTPResponse notMine = post("/api/official/digitisation/components/prepare", withTheirs, desk);
        assertEquals(422, notMine.getStatusCode(), notMine.getBody());
        assertTrue(notMine.getBody().contains("certificate-not-yours"));
        Map<String, Object> notPdf = new LinkedHashMap<>(body);
        notPdf.put("file", Base64.getEncoder().encodeToString("hello".getBytes()));
        APIGatewayV2HTTPResponse bad = post("/api/official/digitisation/components/prepare", notPdf, desk);
        assertEquals(422, bad.getStatusCode(), bad.getBody());
        assertTrue(bad.getBody().contains("not-a-pdf"));

        APIGatewayV2HTTPResponse prepared = post("/api/official/digitisation/components/prepare", body, desk);
        assertEquals(200, prepared.getStatusCode(), prepared.getBody());
        Map<String, Object> started = json(prepared);
        // a signature by another key over the digest is refused, and nothing is filed
        Map<String, Object> forged = new LinkedHashMap<>(started);
        APIGatewayV2HTTPResponse wrong = post("/api/official/digitisation/sessions/" + started.get("sessionId") + "/complete",
                Map.of("chain", chain(token), "signatures", Map.of("1", Base64.getEncoder().encodeToString(someoneElses.signDigest(
                        Base64.getDecoder().decode((String) ((Map<String, Object>) ((List<Object>) forged.get("toSign")).get(0)).get("digest")))))), desk);
        assertEquals(422, wrong.getStatusCode(), wrong.getBody());
        assertTrue(wrong.getBody().contains("signature-mismatch"));
        var attachments = Table.of(DossierStore.fromSettings()).attachments();
        assertTrue(attachments.attachments(id).stream().noneMatch(a -> a.origin() == Attachment.Origin.DIGITISED));

        APIGatewayV2HTTPResponse done = signAndComplete(started, token, desk);
        assertEquals(200, done.getStatusCode(), done.getBody());
        assertEquals(1, ((Number) json(done).get("taken")).intValue());
        Attachment a = attachments.attachments(id).stream().filter(x -> x.origin() == Attachment.Origin.DIGITISED).findFirst().orElseThrow();
        assertEquals("DON", a.componentCode());
        byte[] stored = AwsClients.s3().getObjectAsBytes(b -> b.bucket(Settings.require("UPLOADS_BUCKET")).key(a.key())).asByteArray();
        assertTrue(independentlyValid(stored, token.chain().get(0), ca.chain().get(ca.chain().size() - 1)));
        assertEquals(1, Table.of(DossierStore.fromSettings()).warehouse().of(WarehouseDocument.personal("001099000451")).stream()
                .filter(w -> w.kind() == WarehouseDocument.Kind.DIGITISED && id.equals(w.sourceDossierId())).count());
    }

    /** The test's own check: one CAdES signature over the byte range from the file's start, by {@code signer}, issued by {@code root}. */
    static boolean independentlyValid(byte[] pdf, X509Certificate signer, X509Certificate root) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature sig = doc.getLastSignatureDictionary();
            assertEquals("ETSI.CAdES.detached", sig.getSubFilter());
            int[] r = sig.getByteRange();
            if (r[0] != 0 || r[2] + r[3] != pdf.length) return false;
            byte[] contents;
            try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(sig.getContents(pdf))) {
                contents = in.readObject().getEncoded();
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(sig.getSignedContent(pdf)), contents);
            SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
            X509CertificateHolder holder = (X509CertificateHolder) cms.getCertificates().getMatches(si.getSID()).iterator().next();
            assertEquals(new X509CertificateHolder(signer.getEncoded()), holder, "the official's certificate");
            return si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))
                    && holder.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder().build(root.getPublicKey()));
        }
    }
}
