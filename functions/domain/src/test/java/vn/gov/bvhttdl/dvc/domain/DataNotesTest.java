package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 24: the administrators' internal data note is in both languages, for every version of the bundled catalogue. */
class DataNotesTest {
    @Test
    void everyBundledNoteHasItsVietnamese() {
        int notes = 0;
        for (Procedure p : ProcedureCatalogue.load().all()) {
            for (Procedure v : ProcedureCatalogue.load().history(p.code())) {
                if (v.dataNote() == null) continue;
                notes++;
                assertNotEquals(v.dataNote().en(), v.dataNote().vi(), v.code() + " v" + v.version() + ": the note is English only");
                assertTrue(v.dataNote().vi().matches("(?s).*[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ].*"),
                        v.code() + ": not Vietnamese: " + v.dataNote().vi());
            }
        }
        assertTrue(notes >= 17, "notes read: " + notes);
    }

    @Test
    void aPublishedNoteIsReadInBothLanguagesOrAsItIs() {
        Map<String, Object> base = new java.util.LinkedHashMap<>(Map.of("code", "X-1", "name", Map.of("vi", "Thủ tục"), "agencyCode", "A",
                "receivingUnitCode", "U", "timeLimit", Map.of("days", 5L, "unit", "WORKING_DAYS"),
                "components", List.of(Map.of("code", "DON", "name", Map.of("vi", "Đơn"))), "legalBasis", List.of(Map.of("document", "Luật"))));
        base.put("dataNote", Map.of("vi", "Ghi chú", "en", "Note"));
        assertEquals(new Text("Ghi chú", "Note"), Procedure.of(base).dataNote());
        base.put("dataNote", "Note only");
        assertEquals("Note only", Procedure.of(base).dataNote().vi());
    }
}
