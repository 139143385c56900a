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
        assertTrue(IssuedForms.letter("02", d, p, history).isEmpty(), "no supplement was asked");
        Actor desk = Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP);
        apply(d.handle(new Command.RequestSupplement(List.of("1. Giấy chứng nhận ký quỹ đã hết hạn", "2. Ghi rõ thị trường khách")), desk, t0.plusSeconds(3600)));
        String f02 = text(FormPdf.render(IssuedForms.letter("02", d, p, history).orElseThrow()));
        for (String s : List.of("Mẫu số 02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "000.00.12.G17-260302-0001", "Kính gửi: Phạm Thị Hoa",
                "1. Giấy chứng nhận ký quỹ đã hết hạn", "2. Ghi rõ thị trường khách", "Bộ phận Một cửa", "CỤC DU LỊCH QUỐC GIA VIỆT NAM",
                "Cấp giấy phép kinh doanh dịch vụ lữ hành quốc tế")) {
            assertTrue(f02.contains(s), "form 02 says " + s + ": " + f02);
        }
        assertArrayEquals(strip(FormPdf.render(IssuedForms.letter("02", d, p, history).orElseThrow())),
                strip(FormPdf.render(IssuedForms.letter("02", d, p, history).orElseThrow())), "the same record, the same document");
    }

    @Test
    void theApologyGivesTheOldAndTheNewDate() throws Exception {
        received();
        Actor desk = Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP);
        apply(d.handle(new Command.Extend("Chờ xác minh của cơ quan công an", LocalDate.of(2026, 3, 23)), desk, t0.plusSeconds(7200)));
        String f04 = text(FormPdf.render(IssuedForms.letter("04", d, p, history).orElseThrow()));
        for (String s : List.of("Mẫu số 04", "VĂN BẢN XIN LỖI", "16/03/2026", "23/03/2026", "Chờ xác minh của cơ quan công an", "02/03/2026")) {
            assertTrue(f04.contains(s), "form 04 says " + s + ": " + f04);
        }
        apply(d.handle(new Command.Refuse("Doanh nghiệp không đủ điều kiện ký quỹ"), desk, t0.plusSeconds(9000)));
        String f03 = text(FormPdf.render(IssuedForms.letter("03", d, p, history).orElseThrow()));
        assertTrue(f03.contains("PHIẾU TỪ CHỐI") && f03.contains("Doanh nghiệp không đủ điều kiện ký quỹ"), f03);
    }

    @Test
    void theControlSlipAndTheTrackingBook() throws Exception {
        received();
        Process process = Process.of(p);
        apply(d.handle(new Command.StartProcessing("specialist", "LUHANH", LocalDate.of(2026, 3, 11)),
                Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP), t0.plusSeconds(3600)));
        String f06 = text(FormPdf.render(IssuedForms.controlSlip(d, p, process, history, WorkingCalendar.standard(), t0.plusSeconds(7200))));
        for (String s : List.of("Mẫu số 06", "PHIẾU KIỂM SOÁT", "Bộ phận Một cửa tiếp nhận", "Đơn vị chuyên môn thẩm định — LUHANH", "đang xử lý", "Đúng hạn")) {
            assertTrue(f06.contains(s), "form 06 says " + s + ": " + f06);
        }
        var lines = IssuedForms.bookLines(List.of(d), x -> p.name().vi());
        String f07 = text(FormPdf.render(IssuedForms.trackingBook("CDLQG", "MOTCUA", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), lines, t0)));
        assertTrue(f07.contains("SỔ THEO DÕI HỒ SƠ") && f07.contains("000.00.12.G17-260302-0001") && f07.contains("1 hồ sơ"), f07);
        String csv = IssuedForms.trackingBookCsv(lines);
        assertTrue(csv.startsWith("\uFEFFTT,Mã hồ sơ,"), csv);
        assertTrue(csv.contains("000.00.12.G17-260302-0001,Cấp giấy phép kinh doanh dịch vụ lữ hành quốc tế,Phạm Thị Hoa,10:00 02/03/2026,16/03/2026,Đang giải quyết,"), csv);
        assertEquals("'=HYPERLINK(\"x\")".replace("\"", "\"\"").length() + 2, IssuedForms.csv("=HYPERLINK(\"x\")").length(), "a formula stays text");
    }

    /** The PDF without its creation date and id (the rest must be the same). */
    static byte[] strip(byte[] pdf) throws Exception {
        return text(pdf).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
