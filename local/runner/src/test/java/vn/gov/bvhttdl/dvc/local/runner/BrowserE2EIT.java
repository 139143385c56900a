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
 * The portal in a real browser (web/test/e2e.mjs: citizen, public look-up, administrator, phone and desktop, axe): headless Chromium (Debian's package) driven by playwright-core against the
 * offline stack. Screenshots land in local/runner/target/e2e.
 */
class BrowserE2EIT {
    @Test
    void aCitizenSubmitsWithRealFilesGetsAReceiptAnswersASupplementAndFollowsTheDossier() throws Exception {
        Path root = Emulators.repoRoot();
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assertTrue(Files.isExecutable(chromium), "Chromium is needed for the browser test: apt-get install -y chromium");
        assertTrue(Files.isDirectory(root.resolve("node_modules/playwright-core")), "run npm install at the repository root");
        try (LocalRunner runner = LocalRunner.start(new LocalRunner.Options(0, null, null))) {
            Path shots = root.resolve("local/runner/target/e2e");
            Process p = new ProcessBuilder("node", root.resolve("web/test/e2e.mjs").toString(), runner.baseUrl(), shots.toString())
                    .directory(root.toFile()).redirectErrorStream(true).start();
            boolean done = p.waitFor(180, TimeUnit.SECONDS);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            System.out.println(out);
            if (!done) p.destroyForcibly();
            assertTrue(done, "the browser test did not finish in 180 s:\n" + out);
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("12 passed, 0 failed"), out);

            // the receipt the browser downloaded: its QR code, as a phone would read it, carries the dossier's data
            Map<String, Object> expected = vn.gov.bvhttdl.dvc.domain.Json.obj(vn.gov.bvhttdl.dvc.domain.Json.parse(
                    Files.readString(shots.resolve("receipt-expected.json"))));
            Map<String, Object> qr;
            try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(shots.resolve("receipt.pdf").toFile())) {
                java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 200);
                String text = new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                        new com.google.zxing.common.HybridBinarizer(new com.google.zxing.client.j2se.BufferedImageLuminanceSource(page))),
                        java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
                qr = vn.gov.bvhttdl.dvc.domain.Json.obj(vn.gov.bvhttdl.dvc.domain.Json.parse(text));
            }
            assertEquals(expected.get("code"), qr.get("maHoSo"));
            assertEquals(expected.get("procedure"), qr.get("maTTHC"));
            assertEquals(expected.get("idNumber"), qr.get("soDinhDanh"));
            assertEquals("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", qr.get("tenGiayTo"));
            assertTrue(((String) qr.get("ngayHenTra")).matches("\\d{4}-\\d{2}-\\d{2}"), qr.toString());
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
}
