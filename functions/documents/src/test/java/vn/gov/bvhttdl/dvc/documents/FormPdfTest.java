package vn.gov.bvhttdl.dvc.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Process;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Forms 02–07 rendered from their templates and read back. */
class FormPdfTest {
    final Procedure p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
    final Instant t0 = Instant.parse("2026-03-02T03:00:00Z");
    final List<AuditEvent> history = new ArrayList<>();
    /** The portal's verification addresses. */
    static final java.util.function.Function<String, String> V = path -> "https://dichvucong.example.vn/verify/" + path;
    Dossier d;

    void apply(Dossier.Change c) {
        d = c.dossier();
        history.add(c.event());
    }

    Dossier received() {
        apply(Dossier.draft("d-1", p, "owner", new Applicant("Phạm Thị Hoa", "079199001234", null, "51 Ngô Quyền", "0987000111", null),
                Map.of(), t0));
        apply(d.handle(new Command.Submit("{}", 0), Actor.citizen("owner"), t0));
        apply(d.handle(new Command.Receive("000.00.12.G17-260302-0001", LocalDate.of(2026, 3, 16), "reception", "MOTCUA", LocalDate.of(2026, 3, 3)),
                Actor.system("v"), t0));
        return d;
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void eachLetterToTheApplicantIsRebuiltFromTheEntryThatIssuedIt() throws Exception {
        received();
        assertTrue(IssuedForms.letter("02", d, p, history, V).isEmpty(), "no supplement was asked");
        Actor desk = Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP).named("Lê Văn Một Cửa", null);
        apply(d.handle(new Command.RequestSupplement(List.of("1. Giấy chứng nhận ký quỹ đã hết hạn", "2. Ghi rõ thị trường khách")), desk, t0.plusSeconds(3600)));
        String f02 = text(FormPdf.render(IssuedForms.letter("02", d, p, history, V).orElseThrow()));
        for (String s : List.of("Mẫu số 02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "000.00.12.G17-260302-0001", "Kính gửi: Phạm Thị Hoa",
                "1. Giấy chứng nhận ký quỹ đã hết hạn", "2. Ghi rõ thị trường khách", "Bộ phận Một cửa", "CỤC DU LỊCH QUỐC GIA VIỆT NAM",
                "Cấp giấy phép kinh doanh dịch vụ lữ hành quốc tế")) {
            assertTrue(f02.contains(s), "form 02 says " + s + ": " + f02);
        }
        byte[] pdf02 = FormPdf.render(IssuedForms.letter("02", d, p, history, V).orElseThrow());
        String qr = qr(pdf02);
        assertEquals("https://dichvucong.example.vn/verify/letters/d-1/02/" + t0.plusSeconds(3600).getEpochSecond(), qr,
                "the QR code is the letter's verification address");
        assertFalse(f02.contains("079199001234") || qr.contains("079199001234"), "no ID number on form 02 nor in its QR code");
        assertTrue(f02.contains("CÔNG CHỨC TIẾP NHẬN HỒ SƠ") && f02.contains("Lê Văn Một Cửa"), "the signer by title and name: " + f02);
        assertArrayEquals(strip(FormPdf.render(IssuedForms.letter("02", d, p, history, V).orElseThrow())),
                strip(FormPdf.render(IssuedForms.letter("02", d, p, history, V).orElseThrow())), "the same record, the same document");
    }

    @Test
    void theApologyGivesTheOldAndTheNewDate() throws Exception {
        received();
        Actor desk = Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP);
        apply(d.handle(new Command.Extend("Chờ xác minh của cơ quan công an", LocalDate.of(2026, 3, 23)), desk, t0.plusSeconds(7200)));
        String f04 = text(FormPdf.render(IssuedForms.letter("04", d, p, history, V).orElseThrow()));
        for (String s : List.of("Mẫu số 04", "VĂN BẢN XIN LỖI", "16/03/2026", "23/03/2026", "Chờ xác minh của cơ quan công an", "02/03/2026")) {
            assertTrue(f04.contains(s), "form 04 says " + s + ": " + f04);
        }
        apply(d.handle(new Command.Refuse("Doanh nghiệp không đủ điều kiện ký quỹ"), desk, t0.plusSeconds(9000)));
        String f03 = text(FormPdf.render(IssuedForms.letter("03", d, p, history, V).orElseThrow()));
        assertTrue(f03.contains("PHIẾU TỪ CHỐI") && f03.contains("Doanh nghiệp không đủ điều kiện ký quỹ"), f03);
    }

    @Test
    void theControlSlipAndTheTrackingBook() throws Exception {
        received();
        Process process = Process.of(p);
        apply(d.handle(new Command.StartProcessing("specialist", "LUHANH", LocalDate.of(2026, 3, 11)),
                Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP), t0.plusSeconds(3600)));
        String f06 = text(FormPdf.render(IssuedForms.controlSlip(d, p, process, history, WorkingCalendar.standard(), t0.plusSeconds(7200), V)));
        for (String s : List.of("Mẫu số 06", "PHIẾU KIỂM SOÁT", "Bộ phận Một cửa tiếp nhận", "Đơn vị chuyên môn thẩm định — Phòng Lữ hành", "đang xử lý", "Đúng hạn")) {
            assertTrue(f06.contains(s), "form 06 says " + s + ": " + f06);
        }
        var lines = IssuedForms.bookLines(List.of(d), x -> p.name().vi());
        String f07 = text(FormPdf.render(IssuedForms.trackingBook("CDLQG", "MOTCUA", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), lines, t0, V)));
        assertTrue(f07.contains("SỔ THEO DÕI HỒ SƠ") && f07.contains("000.00.12.G17-260302-0001") && f07.contains("1 hồ sơ"), f07);
        String csv = IssuedForms.trackingBookCsv(lines);
        assertTrue(csv.startsWith("\uFEFFTT,Mã hồ sơ,"), csv);
        assertTrue(csv.contains("000.00.12.G17-260302-0001,Cấp giấy phép kinh doanh dịch vụ lữ hành quốc tế,Phạm Thị Hoa,10:00 02/03/2026,16/03/2026,Đang giải quyết,"), csv);
        assertEquals("'=HYPERLINK(\"x\")".replace("\"", "\"\"").length() + 2, IssuedForms.csv("=HYPERLINK(\"x\")").length(), "a formula stays text");
    }

    @Test
    void aLetterSignedOnBehalfOfTheHeadSaysKtWithBothNames() throws Exception {
        received();
        Actor deputy = Actor.official("pct", "CDLQG", "LUHANH", Post.LEADER)
                .named("Trần Thị Phó", new Actor.Delegation("KT", "Nguyễn Văn Trưởng", "Phó Cục trưởng"));
        apply(d.handle(new Command.Stop("Doanh nghiệp đề nghị dừng"), deputy, t0.plusSeconds(7200)));
        String f05 = text(FormPdf.render(IssuedForms.letter("05", d, p, history, V).orElseThrow()));
        for (String s : List.of("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "Trần Thị Phó", "(ký thay Cục trưởng Nguyễn Văn Trưởng)")) {
            assertTrue(f05.contains(s), "form 05 says " + s + ": " + f05);
        }
        assertFalse(f05.contains("THỦ TRƯỞNG ĐƠN VỊ"), "the deputy does not sign as the head: " + f05);
    }

    @Test
    void theControlSlipNamesTheHandlersShowsTheSupplementPauseAndTheOneStopStepOnce() throws Exception {
        received();
        Process process = Process.of(p);
        Actor desk = Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP).named("Lê Văn Một Cửa", null);
        apply(d.handle(new Command.RequestSupplement(List.of("Giấy chứng nhận ký quỹ")), desk, t0.plusSeconds(1800)));
        apply(d.handle(new Command.Resubmit("{}", 1), Actor.citizen("owner"), t0.plusSeconds(86400 * 2)));
        apply(d.handle(new Command.ReceiveSupplement("000.00.12.G17-260302-0001", LocalDate.of(2026, 3, 18), "reception", "MOTCUA", LocalDate.of(2026, 3, 5)), Actor.system("v"), t0.plusSeconds(86400 * 2 + 60)));
        apply(d.handle(new Command.StartProcessing("specialist", "LUHANH", LocalDate.of(2026, 3, 13)), desk, t0.plusSeconds(86400 * 2 + 3600)));
        Instant now = t0.plusSeconds(86400 * 2 + 7200);
        var lines = vn.gov.bvhttdl.dvc.domain.ControlSlip.of(process, d, history, WorkingCalendar.standard(), now);
        assertEquals(List.of("step", "pause", "step"), lines.stream().map(vn.gov.bvhttdl.dvc.domain.ControlSlip.Line::kind).toList(),
                "reception once (resumed after the pause), the pause, then the specialist unit: " + lines);
        assertEquals(List.of("Lê Văn Một Cửa"), lines.get(0).handlers(), "who worked the reception");
        byte[] pdf = FormPdf.render(IssuedForms.controlSlip(d, p, process, history, WorkingCalendar.standard(), now, V));
        String f06 = text(pdf);
        assertEquals(1, f06.split("Bộ phận Một cửa tiếp nhận", -1).length - 1, "the one-stop step once: " + f06);
        for (String s : List.of("Tạm dừng: chờ tổ chức, cá nhân bổ sung hồ sơ", "Người xử lý: Lê Văn Một Cửa", "Phòng Lữ hành")) {
            assertTrue(f06.contains(s), "form 06 says " + s + ": " + f06);
        }
        assertFalse(f06.contains("LUHANH") || f06.contains("MOTCUA") || f06.contains("079199001234"), "no unit code, no ID number: " + f06);
        assertEquals("https://dichvucong.example.vn/verify/letters/d-1/06/" + now.getEpochSecond(), qr(pdf));
    }

    @Test
    void theHeadingsLinesHaveRoomForTheDiacritics() throws Exception {
        received();
        Actor desk = Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP);
        apply(d.handle(new Command.RequestSupplement(List.of("Giấy chứng nhận ký quỹ")), desk, t0.plusSeconds(3600)));
        byte[] pdf = FormPdf.render(IssuedForms.letter("02", d, p, history, V).orElseThrow());
        java.util.Map<String, Float> baseline = new java.util.HashMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                    if (!positions.isEmpty()) baseline.putIfAbsent(text.strip(), positions.get(0).getYDirAdj());
                }
            };
            s.setEndPage(1);
            s.getText(doc);
        }
        Float ministry = baseline.get("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"), agency = baseline.get("CỤC DU LỊCH QUỐC GIA VIỆT NAM");
        assertNotNull(ministry, baseline.keySet().toString());
        assertNotNull(agency, baseline.keySet().toString());
        // 11 pt bold capitals with marks above and below (Ộ, Ị, Ệ): at least 1.3 × the size between baselines
        assertTrue(agency - ministry >= 11 * 1.3f, "the heading's lines are " + (agency - ministry) + " pt apart");
    }

    /** The text the first page's QR code holds (the page drawn at 200 dpi, decoded with ZXing). */
    static String qr(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            java.awt.image.BufferedImage img = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(doc.getNumberOfPages() - 1, 200);
            int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
            var source = new com.google.zxing.RGBLuminanceSource(img.getWidth(), img.getHeight(), px);
            return new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(source)),
                    Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        }
    }

    /** The PDF without its creation date and id (the rest must be the same). */
    static byte[] strip(byte[] pdf) throws Exception {
        return text(pdf).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
