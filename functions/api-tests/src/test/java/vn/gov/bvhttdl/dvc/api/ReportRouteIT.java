package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.domain.Decision766;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Facts;
import vn.gov.bvhttdl.dvc.domain.ReportII06a;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The periodic report's route against dynoxide, its counters written as the stream's consumer writes them (the
 * counters' store, the report's contributions of dossiers built here): the JSON's figures, the XLSX read back with
 * Apache POI and the PDF's text read back with PDFBox carry the same numbers.
 */
class ReportRouteIT {
    static ApiHandler handler;
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @BeforeAll
    static void start() {
        TestStack.get();
        handler = new ApiHandler();
    }

    @AfterAll
    static void stop() { handler.close(); }

    static Instant at(LocalDate d) { return d.atTime(10, 0).atZone(VN).toInstant(); }

    static Dossier dossier(String procedure, Facts.Origin origin, LocalDate received, LocalDate due, LocalDate ended) {
        Facts f = new Facts(origin, null, null, at(received), ended == null ? null : at(ended), null, null, null, null, null, List.of());
        return new Dossier(UUID.randomUUID().toString(), "C", procedure, 1, "CDLQG", "LUHANH", "owner", null, Map.of(),
                DossierStatus.IN_PROCESSING, null, at(received), at(received), at(received), at(received), due, null, List.of(), f, 4);
    }

    static Map<String, Object> json(APIGatewayV2HTTPResponse r) { return CitizenApiHandlerIT.json(r); }

    @Test
    void jsonXlsxAndPdfCarryTheSameFigures() throws Exception {
        var store = Table.of(DossierStore.fromSettings()).scorecard();
        // late, online, in November's reporting month; still open by post and past its appointment at 14 Nov
        for (Dossier d : List.of(dossier("BVHTTDL-DL-002", Facts.Origin.MINISTRY_PORTAL, LocalDate.of(2026, 10, 20), LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 6)),
                dossier("BVHTTDL-DL-002", Facts.Origin.POST, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 10), null))) {
            assertTrue(store.apply(d.id(), d.version(), Decision766.difference(ReportII06a.standard().contributions(d), Map.of()),
                    vn.gov.bvhttdl.dvc.application.ScorecardCounts.Members.none(d.agencyCode())));
        }
        APIGatewayV2HTTPResponse res = handler.handleRequest(AccessMatrixIT.get("/api/admin/reports/ii06a", "period=2026-11&agency=CDLQG", AccessMatrixIT.admin()), null);
        assertEquals(200, res.getStatusCode(), res.getBody());
        Map<String, Object> page = json(res);
        assertEquals("2026-10-15", page.get("from"));
        assertEquals("2026-11-14", page.get("to"));
        List<String> keys = new ArrayList<>();
        for (Object c : (List<?>) page.get("columns")) keys.add((String) ((Map<?, ?>) c).get("key"));
        for (Object c : (List<?>) page.get("extraColumns")) keys.add((String) ((Map<?, ?>) c).get("key"));
        Map<?, ?> total = (Map<?, ?>) ((Map<?, ?>) page.get("total")).get("values");
        assertTrue(((Number) total.get("late")).longValue() >= 1);
        assertTrue(((Number) total.get("pastDeadline")).longValue() >= 1);
        assertTrue(((Number) total.get("directPostal")).longValue() >= 1);
        Map<?, ?> tourism = ((List<?>) page.get("fields")).stream().map(f -> (Map<?, ?>) ((Map<?, ?>) f).get("row"))
                .filter(r -> "tourism".equals(r.get("code"))).findFirst().orElseThrow();
        assertEquals("Du lịch", ((Map<?, ?>) tourism.get("name")).get("vi"));

        var xlsx = handler.handleRequest(AccessMatrixIT.get("/api/admin/reports/ii06a", "period=2026-11&agency=CDLQG&format=xlsx", AccessMatrixIT.admin()), null);
        assertEquals(200, xlsx.getStatusCode());
        assertTrue(xlsx.getIsBase64Encoded());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.getHeaders().get("Content-Type"));
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(Base64.getDecoder().decode(xlsx.getBody())))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("Biểu số II.06a/VPCP/KSTT", sheet.getRow(0).getCell(0).getStringCellValue());
            Row totalRow = null, tourismRow = null;
            for (Row r : sheet) {
                Cell label = r.getCell(1);
                if (label == null || label.getCellType() != CellType.STRING) continue;
                if (label.getStringCellValue().equals("Tổng cộng")) totalRow = r;
                if (label.getStringCellValue().equals("Du lịch")) tourismRow = r;
            }
            assertNotNull(totalRow);
            assertNotNull(tourismRow);
            for (int i = 0; i < keys.size(); i++) {
                assertEquals(((Number) total.get(keys.get(i))).doubleValue(), totalRow.getCell(i + 2).getNumericCellValue(), keys.get(i));
                assertEquals(((Number) ((Map<?, ?>) tourism.get("values")).get(keys.get(i))).doubleValue(), tourismRow.getCell(i + 2).getNumericCellValue(), keys.get(i));
            }
            // the heading: STT and the label over two rows, each group's name merged over its columns, the columns' names
            List<Map<?, ?>> columns = new ArrayList<>();
            for (String list : List.of("columns", "extraColumns")) for (Object c : (List<?>) page.get(list)) columns.add((Map<?, ?>) c);
            Row groupRow = null;
            for (Row r : sheet) {
                Cell first = r.getCell(0);
                if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals("STT")) groupRow = r;
            }
            assertNotNull(groupRow);
            int g = groupRow.getRowNum();
            assertEquals("Lĩnh vực, thủ tục", groupRow.getCell(1).getStringCellValue());
            List<String> merged = sheet.getMergedRegions().stream().map(CellRangeAddress::formatAsString).toList();
            assertTrue(merged.contains(new CellRangeAddress(g, g + 1, 0, 0).formatAsString()), merged::toString);
            assertTrue(merged.contains(new CellRangeAddress(g, g + 1, 1, 1).formatAsString()), merged::toString);
            for (int i = 0; i < columns.size(); ) {
                Object group = columns.get(i).get("group");
                int span = 0;
                while (i + span < columns.size() && java.util.Objects.equals(group, columns.get(i + span).get("group"))) span++;
                assertTrue(groupRow.getCell(i + 2).getStringCellValue().length() > 0, "group " + group);
                if (span > 1) assertTrue(merged.contains(new CellRangeAddress(g, g, i + 2, i + 1 + span).formatAsString()), group + " " + merged);
                i += span;
            }
            for (int i = 0; i < columns.size(); i++) {
                assertEquals(((Map<?, ?>) columns.get(i).get("name")).get("vi"), sheet.getRow(g + 1).getCell(i + 2).getStringCellValue());
            }
            // below the table: the cut-off and the basis
            String cutOff = (String) ((Map<?, ?>) ((Map<?, ?>) page.get("cutOff")).get("rule")).get("vi");
            Row note = sheet.getRow(totalRow.getRowNum() + 2), basis = sheet.getRow(totalRow.getRowNum() + 3);
            assertEquals("Thời gian chốt số liệu: " + cutOff, note.getCell(0).getStringCellValue());
            Map<?, ?> cited = (Map<?, ?>) page.get("basis");
            assertEquals("Căn cứ: " + (cited.get("article") == null ? "" : cited.get("article") + ", ") + cited.get("document")
                    + (Boolean.TRUE.equals(cited.get("confirmed")) ? "" : " (chưa đối chiếu văn bản)"), basis.getCell(0).getStringCellValue());
        }

        var pdf = handler.handleRequest(AccessMatrixIT.get("/api/admin/reports/ii06a", "period=2026-11&agency=CDLQG&format=pdf", AccessMatrixIT.admin()), null);
        assertEquals(200, pdf.getStatusCode());
        try (var doc = Loader.loadPDF(Base64.getDecoder().decode(pdf.getBody()))) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Biểu số II.06a/VPCP/KSTT"), text);
            assertTrue(text.contains("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"), text);
            assertTrue(text.contains("từ ngày 15/10/2026 đến ngày 14/11/2026"), text);
            String totalLine = text.lines().filter(l -> l.contains("Tổng cộng")).findFirst().orElseThrow(() -> new AssertionError(text));
            StringBuilder numbers = new StringBuilder();
            for (String k : keys) numbers.append(' ').append(((Number) total.get(k)).longValue());
            assertTrue(totalLine.replaceAll("\\s+", " ").endsWith(numbers.toString()), totalLine + " / " + numbers);
        }
    }
}
