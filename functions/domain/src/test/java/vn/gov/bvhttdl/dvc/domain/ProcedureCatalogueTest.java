package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ProcedureCatalogueTest {
    @Test
    void catalogueDataIsCompleteForEachProcedure() {
        List<Procedure> all = ProcedureCatalogue.load().all();
        assertTrue(all.size() >= 4);
        for (Procedure p : all) {
            assertTrue(p.serviceLevel() == 3 || p.serviceLevel() == 4, p.code());
            assertTrue(p.processingWorkingDays() > 0, p.code());
            assertFalse(p.components().isEmpty(), p.code());
            assertFalse(p.legalBasis().isEmpty(), p.code() + " has no legal basis");
            assertTrue(DossierCode.standard().isWellFormed(p.receivingUnitCode() + "-260101-0001"), p.code());
        }
        Procedure licence = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        assertEquals("Cấp giấy phép kinh doanh dịch vụ lữ hành quốc tế", licence.name().vi());
        assertEquals(3_000_000, licence.fees().get(0).amountVnd());
        assertTrue(ProcedureCatalogue.load().find("nope").isEmpty());
        assertTrue(ProcedureCatalogue.load().find(null).isEmpty());
    }

    @Test
    void duplicateCodesAreRejected() {
        Procedure p = ProcedureCatalogue.load().all().get(0);
        assertThrows(IllegalArgumentException.class, () -> new ProcedureCatalogue(List.of(p, p)));
    }

    @Test
    void jsonRoundTripsVietnameseText() {
        String s = Json.write(Map.of("tên", "Giấy phép lữ hành", "n", 3, "ok", true, "l", List.of("a")));
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) Json.parse(s);
        assertEquals("Giấy phép lữ hành", back.get("tên"));
        assertEquals(3L, back.get("n"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":"));
    }
}
