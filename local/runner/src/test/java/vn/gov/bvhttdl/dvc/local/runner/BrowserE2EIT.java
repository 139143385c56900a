package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The portal in a real browser (web/test/e2e.mjs: citizen, sign-in with VNeID through the national portal sandbox (citizen and organisation), public look-up, administrator, phone and desktop, axe): headless Chromium (Debian's package) driven by playwright-core against the
 * offline stack; over a generated history (POST /dev/history), the scorecard, its drill-down to a late dossier and the
 * periodic report, whose downloaded XLSX is read back here. Screenshots land in local/runner/target/e2e.
 */
class BrowserE2EIT {
    /**
     * A DL-003 dossier of the browser test's citizen (Phạm Thị Hoa, the development sign-in's subject for her ID
     * number), received 21 days ago and left at the desk, stored as reception leaves one; returns its code.
     */
    static String lateDossier() throws Exception {
        var store = vn.gov.bvhttdl.dvc.adapters.DossierStore.fromSettings();
        var p = vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue.load().find("BVHTTDL-DL-003").orElseThrow();
        var cal = vn.gov.bvhttdl.dvc.domain.WorkingCalendar.standard();
        java.time.Instant at = java.time.Instant.now().minus(java.time.Duration.ofDays(21));
        String owner = "dev-" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("079199001234".getBytes(StandardCharsets.UTF_8))).substring(0, 24);
        var draft = vn.gov.bvhttdl.dvc.domain.Dossier.draft(java.util.UUID.randomUUID().toString(), p, owner,
                new vn.gov.bvhttdl.dvc.domain.Applicant("Phạm Thị Hoa", "079199001234", null, "51 Ngô Quyền, Hoàn Kiếm, Hà Nội", "0987000111", null),
                Map.of(), at);
        store.create(draft);
        var submitted = draft.dossier().handle(new vn.gov.bvhttdl.dvc.domain.Command.Submit("{}", 0), vn.gov.bvhttdl.dvc.domain.Actor.citizen(owner), at);
        store.save(submitted);
        var first = vn.gov.bvhttdl.dvc.domain.Process.of(p).first();
        String code = p.receivingUnitCode() + "-" + java.time.format.DateTimeFormatter.ofPattern("yyMMdd").format(at.atZone(cal.zone())) + "-9"
                + (100 + (int) (Math.random() * 899));
        store.save(submitted.dossier().handle(new vn.gov.bvhttdl.dvc.domain.Command.Receive(code,
                cal.appointment(at, p.timeLimit(), java.util.List.of()).dueDate(), first.code(), first.unit(),
                cal.appointment(at, first.budget(), java.util.List.of()).dueDate()), vn.gov.bvhttdl.dvc.domain.Actor.system("validation-function"), at));
        return code;
    }

    @Test
    void aCitizenSubmitsWithRealFilesGetsAReceiptAnswersASupplementAndFollowsTheDossier() throws Exception {
        Path root = Emulators.repoRoot();
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assertTrue(Files.isExecutable(chromium), "Chromium is needed for the browser test: apt-get install -y chromium");
        assertTrue(Files.isDirectory(root.resolve("node_modules/playwright-core")), "run npm install at the repository root");
        try (LocalRunner runner = LocalRunner.start(new LocalRunner.Options(0, null, null))) {
            Path shots = root.resolve("local/runner/target/e2e");
            // a dossier left past its step's budget: received three weeks ago and never sent on; the hourly watch marks it
            String late = lateDossier();
            String watch = runner.fireSchedule("DeadlineWatchFunction").get(0);
            assertTrue(((Number) vn.gov.bvhttdl.dvc.domain.Json.obj(vn.gov.bvhttdl.dvc.domain.Json.parse(watch)).get("overdue")).intValue() >= 1, watch);
            ProcessBuilder pb = new ProcessBuilder("node", root.resolve("web/test/e2e.mjs").toString(), runner.baseUrl(), shots.toString())
                    .directory(root.toFile()).redirectErrorStream(true);
            pb.environment().put("E2E_LATE_CODE", late);
            // every step the script declares must pass: counted from the script, so that adding a step needs no edit here
            long steps = java.util.regex.Pattern.compile("(?m)^\\s*await step\\(")
                    .matcher(Files.readString(root.resolve("web/test/e2e.mjs"))).results().count();
            Process p = pb.start();
            boolean done = p.waitFor(900, TimeUnit.SECONDS); // every step of e2e.mjs; on a shared 2-core machine they took 6-14 minutes
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            System.out.println(out);
            if (!done) p.destroyForcibly();
            assertTrue(done, "the browser test did not finish in 900 s:\n" + out);
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains(steps + " passed, 0 failed"), "expected " + steps + " steps to pass:\n" + out);

            // the periodic report the leader downloaded over the generated history: its XLSX, read back, carries the
            // figures the report route answers for the same period and agency
            reportChecks(runner, shots);

            // the signed result the citizen downloaded: an independent check against the development CA the runner publishes,
            // its QR code holds the address of its verification page, which says genuine; one byte changed is not; revoked is
            resultChecks(runner, shots);

            // issue 24: the date the citizen's results card shows (Hà Nội) is the PDF's date of issue
            String cardDate = (String) vn.gov.bvhttdl.dvc.domain.Json.obj(vn.gov.bvhttdl.dvc.domain.Json.parse(
                    Files.readString(shots.resolve("result-card.json")))).get("cardDate");
            try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(shots.resolve("result.pdf").toFile())) {
                String resultText = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
                assertTrue(resultText.contains("Ngày cấp: " + cardDate), "the card says " + cardDate + ", the PDF:\n" + resultText);
            }

            // replaying the whole stream to the notification function sends nothing new; first the notices of the
            // moves just made (the revocation above) are let through, so that what is counted is all that was sent
            int sentBefore = runner.outboxMessages().size();
            for (long settle = System.currentTimeMillis() + 20_000, quietSince = System.currentTimeMillis();
                 System.currentTimeMillis() - quietSince < 2_000 && System.currentTimeMillis() < settle; Thread.sleep(200)) {
                int now = runner.outboxMessages().size();
                if (now != sentBefore) {
                    sentBefore = now;
                    quietSince = System.currentTimeMillis();
                }
            }
            long delivered = runner.streamDeliveries("StatusNotifyFunction");
            runner.replayStream("StatusNotifyFunction");
            long until = System.currentTimeMillis() + 30_000;
            while (runner.streamDeliveries("StatusNotifyFunction") < 2 * delivered && System.currentTimeMillis() < until) Thread.sleep(200);
            assertTrue(runner.streamDeliveries("StatusNotifyFunction") >= 2 * delivered, "the stream was not replayed");
            Thread.sleep(500);
            assertEquals(sentBefore, runner.outboxMessages().size(), "a replay of the stream sent messages again");

            // the e-receipts the browser downloaded: their QR codes reach their verification pages; a refused paid dossier is refunded
            paymentChecks(runner, shots);

            // the receipt the browser downloaded: its QR code, as a phone would read it, holds the address of its
            // verification page (no personal data), which names the dossier and says the file is the one issued
            Map<String, Object> expected = vn.gov.bvhttdl.dvc.domain.Json.obj(vn.gov.bvhttdl.dvc.domain.Json.parse(
                    Files.readString(shots.resolve("receipt-expected.json"))));
            String receiptUrl = decodeQr(shots.resolve("receipt.pdf"));
            assertTrue(receiptUrl.startsWith(runner.baseUrl() + "/verify/"), receiptUrl);
            assertFalse(receiptUrl.contains((String) expected.get("idNumber")));
            var http = java.net.http.HttpClient.newHttpClient();
            String receiptPage = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(receiptUrl)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(receiptPage.contains((String) expected.get("code")) && receiptPage.contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"), receiptPage);
            // and its text: the ministry above the unit, the enterprise with its name, the look-up key, place and date
            String text;
            try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(shots.resolve("receipt.pdf").toFile())) {
                text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            }
            for (String s : java.util.List.of("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Hà Nội, ngày", "Mẫu số 01",
                    "Mã tra cứu: " + expected.get("key"), (String) expected.get("company"), "Mã số doanh nghiệp: 0101234567")) {
                assertTrue(text.contains(s), "the receipt lacks \"" + s + "\":\n" + text);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static void paymentChecks(LocalRunner runner, Path shots) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        java.util.List<Object> paid = (java.util.List<Object>) vn.gov.bvhttdl.dvc.domain.Json.parse(Files.readString(shots.resolve("payments-expected.json")));
        assertEquals(2, paid.size());
        for (Object o : paid) {
            Map<String, Object> p = vn.gov.bvhttdl.dvc.domain.Json.obj(o);
            Path pdf = shots.resolve("e-receipt-" + p.get("provider") + ".pdf");
            String url = decodeQr(pdf);
            assertTrue(url.startsWith(runner.baseUrl() + "/verify/"), url);
            String page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(page.contains((String) p.get("designation")) && page.contains("Biên lai thu phí, lệ phí điện tử"), page);
            // the page's own check of the file: the one issued, its signature verifies
            var check = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Content-Type", "application/pdf")
                    .header("Accept", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(pdf))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, check.statusCode(), check.body());
            assertTrue(check.body().contains("\"genuine\":true"), check.body());
        }
        // DL-001's fee, paid in the browser at reception: its e-receipt's QR opens its verification page; the PDF says the
        // number, the collector's tax code and the amount in words (Decree 254/2026 Art 23(2))
        Map<String, Object> dl1 = vn.gov.bvhttdl.dvc.domain.Json.obj(vn.gov.bvhttdl.dvc.domain.Json.parse(Files.readString(shots.resolve("payment-dl001-expected.json"))));
        Path dl1Pdf = shots.resolve("e-receipt-vnpay-dl001.pdf");
        String dl1Url = decodeQr(dl1Pdf);
        assertTrue(dl1Url.startsWith(runner.baseUrl() + "/verify/"), dl1Url);
        assertTrue(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(dl1Url)).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                .body().contains((String) dl1.get("designation")));
        try (var doc = org.apache.pdfbox.Loader.loadPDF(dl1Pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            String designation = (String) dl1.get("designation");
            assertTrue(text.contains("Số: " + designation.substring(designation.lastIndexOf('-') + 1)), text);
            assertTrue(text.contains(vn.gov.bvhttdl.dvc.domain.AmountInWords.vnd(((Number) dl1.get("amountVnd")).longValue())), text);
            assertTrue(java.util.regex.Pattern.compile("\\b\\d{10}\\b").matcher(text).find(), "the collector's tax code: " + text);
        }
        // the desk refuses the VNPay-paid DL-002 dossier: its appraisal fee is kept (the procedure's rule in
        // rules/payments.json: no basis found for a refund), so reconciliation asks the sandbox for no refund
        Map<String, Object> first = vn.gov.bvhttdl.dvc.domain.Json.obj(paid.get(0));
        String official = runner.devToken("Cán bộ Một cửa", "001080000999", "motcua@example.vn", "officials", "CDLQG");
        var refused = LocalRunnerIT.call(runner.baseUrl(), "POST", "/api/official/dossiers/" + first.get("dossier") + "/refuse", official,
                "{\"reason\":\"Giấy phép cũ không còn hiệu lực\"}");
        assertEquals(200, refused.statusCode(), refused.body());
        String citizen = runner.devToken("Phạm Thị Hoa", "079199001234", "hoa.pham@example.vn", "citizens");
        String status = null;
        for (int i = 0; i < 2; i++) {
            runner.fireSchedule("PaymentReconcileFunction");
            Thread.sleep(1100);
            var list = (java.util.List<Object>) vn.gov.bvhttdl.dvc.domain.Json.obj(vn.gov.bvhttdl.dvc.domain.Json.parse(LocalRunnerIT.call(runner.baseUrl(), "GET",
                    "/api/dossiers/" + first.get("dossier") + "/payments", citizen, null).body())).get("payments");
            status = (String) list.stream().map(vn.gov.bvhttdl.dvc.domain.Json::obj).filter(x -> first.get("reference").equals(x.get("reference")))
                    .findFirst().orElseThrow().get("status");
        }
        assertEquals("PAID", status, "the refused paid dossier keeps its appraisal fee under its procedure's rule");
    }

    /**
     * The report's XLSX as downloaded in the browser, read with Apache POI: its total row and each field's and procedure's
     * row hold the figures of the report route's JSON for the same period and agency (as the page showed it to the leader
     * and as an administrator reads it now).
     */
    @SuppressWarnings("unchecked")
    static void reportChecks(LocalRunner runner, Path shots) throws Exception {
        Map<String, Object> expected = vn.gov.bvhttdl.dvc.domain.Json.obj(vn.gov.bvhttdl.dvc.domain.Json.parse(
                Files.readString(shots.resolve("report-expected.json"))));
        String admin = runner.devToken("Quản trị", "001080000001", "qt@example.vn", "admins");
        var res = LocalRunnerIT.call(runner.baseUrl(), "GET", "/api/admin/reports/ii06a?period=" + expected.get("period")
                + "&agency=" + expected.get("agency"), admin, null);
        assertEquals(200, res.statusCode(), res.body());
        Map<String, Object> page = vn.gov.bvhttdl.dvc.domain.Json.obj(vn.gov.bvhttdl.dvc.domain.Json.parse(res.body()));
        assertEquals(vn.gov.bvhttdl.dvc.domain.Json.write(expected.get("page")), vn.gov.bvhttdl.dvc.domain.Json.write(page),
                "the report changed between the browser's download and now");
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (String part : java.util.List.of("columns", "extraColumns")) {
            for (Object c : vn.gov.bvhttdl.dvc.domain.Json.list(page.get(part))) keys.add((String) vn.gov.bvhttdl.dvc.domain.Json.obj(c).get("key"));
        }
        assertFalse(keys.isEmpty());
        // the rows the XLSX must hold: the total, each field and each procedure, by their labels in Vietnamese
        java.util.Map<String, Map<String, Object>> rows = new java.util.LinkedHashMap<>();
        rows.put("Tổng cộng", vn.gov.bvhttdl.dvc.domain.Json.obj(vn.gov.bvhttdl.dvc.domain.Json.obj(page.get("total")).get("values")));
        for (Object f : vn.gov.bvhttdl.dvc.domain.Json.list(page.get("fields"))) {
            Map<String, Object> row = vn.gov.bvhttdl.dvc.domain.Json.obj(vn.gov.bvhttdl.dvc.domain.Json.obj(f).get("row"));
            rows.put((String) vn.gov.bvhttdl.dvc.domain.Json.obj(row.get("name")).get("vi"), vn.gov.bvhttdl.dvc.domain.Json.obj(row.get("values")));
        }
        java.util.Map<String, Map<String, Object>> found = new java.util.HashMap<>();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(shots.resolve("report.xlsx")))) {
            var sheet = wb.getSheetAt(0);
            assertEquals("Biểu số II.06a/VPCP/KSTT", sheet.getRow(0).getCell(0).getStringCellValue());
            for (var r : sheet) {
                var label = r.getCell(1);
                if (label == null || label.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING) continue;
                Map<String, Object> want = rows.get(label.getStringCellValue().trim());
                if (want == null) continue;
                for (int i = 0; i < keys.size(); i++) {
                    var cell = r.getCell(i + 2);
                    assertNotNull(cell, label.getStringCellValue() + " " + keys.get(i));
                    assertEquals(((Number) want.getOrDefault(keys.get(i), 0)).doubleValue(), cell.getNumericCellValue(),
                            label.getStringCellValue() + " / " + keys.get(i));
                }
                found.put(label.getStringCellValue().trim(), want);
            }
        }
        assertEquals(rows.keySet(), found.keySet(), "the XLSX lacks rows of the report");
    }

    /**
     * The text of the document's QR code: looked for on each page, the last first (a letter's QR sits under its
     * signature), each page rendered at 200, 300 and 150 dpi and read with both of zxing's binarizers until one reads
     * it (a rendering can leave a module ambiguous: zxing then fails its checksum on that image, not on the code).
     */
    static String decodeQr(Path pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            var renderer = new org.apache.pdfbox.rendering.PDFRenderer(doc);
            com.google.zxing.ReaderException last = null;
            for (int i = doc.getNumberOfPages() - 1; i >= 0; i--) {
                for (int dpi : new int[] {200, 300, 150}) {
                    var source = new com.google.zxing.client.j2se.BufferedImageLuminanceSource(renderer.renderImageWithDPI(i, dpi));
                    for (com.google.zxing.Binarizer b : java.util.List.of(new com.google.zxing.common.HybridBinarizer(source),
                            new com.google.zxing.common.GlobalHistogramBinarizer(source))) {
                        try {
                            return new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(b),
                                    java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
                        } catch (com.google.zxing.ReaderException e) {
                            last = e;
                        }
                    }
                }
            }
            throw new AssertionError("no QR code read on any of the " + doc.getNumberOfPages() + " pages of " + pdf.getFileName(), last);
        }
    }

    static void resultChecks(LocalRunner runner, Path shots) throws Exception {
        byte[] pdf = Files.readAllBytes(shots.resolve("result.pdf"));
        String verifyUrl = (String) vn.gov.bvhttdl.dvc.domain.Json.obj(vn.gov.bvhttdl.dvc.domain.Json.parse(
                Files.readString(shots.resolve("result-expected.json")))).get("verifyUrl");
        assertEquals(verifyUrl, decodeQr(shots.resolve("result.pdf")), "the QR code holds the verification address, nothing else");
        var http = java.net.http.HttpClient.newHttpClient();
        String caPem = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(runner.baseUrl() + "/dev/ca.pem")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        var ca = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
        // independent of the production check: PDFBox reads the signature, BouncyCastle verifies it and the chain
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            // PAdES B-LTA (issue #26): the signature, then the validation data, then a document timestamp over it all
            var sig = doc.getSignatureDictionaries().get(0);
            assertEquals("ETSI.CAdES.detached", sig.getSubFilter());
            var documentTimestamp = doc.getLastSignatureDictionary();
            assertEquals("ETSI.RFC3161", documentTimestamp.getSubFilter());
            int[] r = documentTimestamp.getByteRange();
            assertEquals(pdf.length, r[2] + r[3], "the document timestamp covers the whole file");
            assertNotNull(doc.getDocumentCatalog().getCOSObject().getDictionaryObject(org.apache.pdfbox.cos.COSName.getPDFName("DSS")), "the validation data");
            byte[] contents;
            try (var in = new org.bouncycastle.asn1.ASN1InputStream(sig.getContents(pdf))) {
                contents = in.readObject().getEncoded();
            }
            var cms = new org.bouncycastle.cms.CMSSignedData(new org.bouncycastle.cms.CMSProcessableByteArray(sig.getSignedContent(pdf)), contents);
            var si = cms.getSignerInfos().getSigners().iterator().next();
            var holder = (org.bouncycastle.cert.X509CertificateHolder) cms.getCertificates().getMatches(si.getSID()).iterator().next();
            assertTrue(si.verify(new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder().build(holder)), "the signature verifies");
            assertTrue(holder.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder().build(ca.getPublicKey())),
                    "the signer's certificate was issued by the development CA");
        }
        byte[] tampered = pdf.clone();
        tampered[400] ^= 0x01;
        String verdict = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(verifyUrl)).header("content-type", "application/pdf")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(tampered)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(verdict.contains("\"genuine\":false"), verdict);
        // the leader revoked it in the browser (web/test/e2e.mjs, the reuse walk: a third application can no longer
        // reuse it; the labels step saw it VALID before): its verification page says so, with the leader's reason
        String after = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(verifyUrl)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(after.contains("data-state=\"REVOKED\"") && after.contains("Thu hồi để kiểm tra lại điều kiện kinh doanh"), after);
    }
}
