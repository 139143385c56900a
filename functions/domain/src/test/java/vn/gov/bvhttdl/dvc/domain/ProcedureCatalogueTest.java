package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ProcedureCatalogueTest {
    final ProcedureCatalogue cat = ProcedureCatalogue.load();
    final LocalDate day = LocalDate.of(2026, 11, 29);

    @Test
    void theCatalogueHoldsAtLeastFifteenProceduresInForceEachComplete() {
        List<Procedure> all = cat.all(day);
        assertTrue(all.size() >= 15, "procedures in force: " + all.size());
        for (Procedure p : all) {
            assertFalse(p.components().isEmpty(), p.code());
            assertFalse(p.legalBasis().isEmpty(), p.code() + " has no legal basis");
            assertNotNull(cat.fields().get(p.field()), p.code() + " field " + p.field());
            assertNotNull(p.resultType(), p.code());
            assertTrue(DossierCode.standard().isWellFormed(p.receivingUnitCode() + "-260101-0001"), p.code());
            for (Procedure.Fee f : p.fees()) assertTrue(f.amountVnd() != null || f.rule() != null, p.code() + " fee without amount or rule");
        }
        Procedure licence = cat.inForce("BVHTTDL-DL-001", day).orElseThrow();
        assertEquals("Cấp giấy phép kinh doanh dịch vụ lữ hành quốc tế", licence.name().vi());
        assertEquals(3_000_000L, licence.fees().get(0).amountVnd());
        assertEquals(10, licence.steps().stream().mapToInt(st -> st.budget().days()).sum());
    }

    @Test
    void theVersionInForceDependsOnTheDayAndARepealedProcedureLeavesTheCatalogue() {
        assertEquals(1, cat.inForce("BVHTTDL-DL-001", LocalDate.of(2020, 6, 1)).orElseThrow().version());
        assertEquals(2, cat.inForce("BVHTTDL-DL-001", LocalDate.of(2025, 12, 31)).orElseThrow().version());
        assertEquals(3, cat.inForce("BVHTTDL-DL-001", LocalDate.of(2026, 1, 1)).orElseThrow().version(), "Resolution 66.7/2025");
        assertEquals("amended", cat.version("BVHTTDL-DL-001", 2).orElseThrow().change());
        assertEquals(3, cat.history("BVHTTDL-DL-001").size());
        assertTrue(cat.inForce("BVHTTDL-DL-001", LocalDate.of(2017, 12, 31)).isEmpty(), "not yet issued");
        // the old performance permit was repealed (replaced by a notification)
        assertTrue(cat.inForce("BVHTTDL-NT-003", LocalDate.of(2020, 1, 1)).isPresent());
        assertTrue(cat.inForce("BVHTTDL-NT-003", day).isEmpty());
        assertTrue(cat.version("BVHTTDL-NT-003", 1).isPresent(), "a dossier under the old version still finds it");
        assertTrue(cat.all(day).stream().noneMatch(p -> p.code().equals("BVHTTDL-NT-003")));
    }

    @Test
    void searchIgnoresDiacriticsAndFiltersAndPages() {
        // a page far past the end is empty, not an overflow (issue #7: page=2147483647 was a 500)
        assertTrue(cat.search(new ProcedureCatalogue.Query(null, null, null, null, Integer.MAX_VALUE, 100), day).items().isEmpty());
        ProcedureCatalogue.Page p = cat.search(new ProcedureCatalogue.Query("giay phep lu hanh", null, null, null, 1, 20), day);
        assertFalse(p.items().isEmpty());
        assertEquals("BVHTTDL-DL-001", p.items().get(0).code(), "the closest name first");
        assertTrue(p.items().stream().allMatch(x -> Search.fold(x.name().vi()).contains("lu hanh")));
        assertEquals(p.total(), cat.search(new ProcedureCatalogue.Query("GIẤY PHÉP LỮ HÀNH", null, null, null, 1, 20), day).total());
        // the agency (Cục Bản quyền tác giả) matches too, but the procedure whose own name matches comes first
        assertEquals("BVHTTDL-BQ-001", cat.search(new ProcedureCatalogue.Query("dang ky quyen tac gia", null, null, null, 1, 20), day)
                .items().get(0).code());
        assertEquals(0, cat.search(new ProcedureCatalogue.Query("xyzzy", null, null, null, 1, 20), day).total());
        assertEquals(0, cat.search(new ProcedureCatalogue.Query("bieu dien", null, null, null, 1, 20), day).items().stream()
                .filter(x -> x.code().equals("BVHTTDL-NT-003")).count(), "repealed procedures are not found");

        ProcedureCatalogue.Page tourism = cat.search(new ProcedureCatalogue.Query(null, "tourism", null, null, 1, 2), day);
        assertEquals(5, tourism.total());
        assertEquals(2, tourism.items().size());
        ProcedureCatalogue.Page third = cat.search(new ProcedureCatalogue.Query(null, "tourism", null, null, 3, 2), day);
        assertEquals(1, third.items().size());
        assertTrue(cat.search(new ProcedureCatalogue.Query(null, null, null, 4, 1, 100), day).items().stream().allMatch(x -> x.serviceLevel() == 4));
        assertTrue(cat.search(new ProcedureCatalogue.Query(null, null, "CBQTG", null, 1, 100), day).items().stream().allMatch(x -> x.agencyCode().equals("CBQTG")));
        assertEquals("lu hanh quoc te dong da", Search.fold("Lữ hành quốc tế — Đống Đa!"));
    }

    @Test
    void publishedVersionsJoinTheCatalogueAndBadOnesAreRefused() {
        Map<String, Object> amended = new LinkedHashMap<>(raw("BVHTTDL-DL-003"));
        amended.put("version", 3L); // after version 2, its e-form
        amended.put("change", "amended");
        amended.put("effectiveFrom", "2027-01-01");
        amended.remove("timeLimit");
        amended.put("processingWorkingDays", 3L); // the older shape is still read: working days
        amended.remove("steps");
        ProcedureCatalogue next = cat.with(List.of(Procedure.of(amended)));
        assertEquals(5, next.inForce("BVHTTDL-DL-003", day).orElseThrow().timeLimit().days());
        assertEquals(3, next.inForce("BVHTTDL-DL-003", LocalDate.of(2027, 1, 2)).orElseThrow().timeLimit().days());
        assertEquals(4, next.nextVersion("BVHTTDL-DL-003"));

        Map<String, Object> gap = new LinkedHashMap<>(amended);
        gap.put("version", 5L);
        assertThrows(IllegalArgumentException.class, () -> cat.with(List.of(Procedure.of(gap))));
        Map<String, Object> badSteps = new LinkedHashMap<>(raw("BVHTTDL-DL-003"));
        badSteps.put("timeLimit", Map.of("days", 9L, "unit", "WORKING_DAYS"));
        DomainException e = assertThrows(DomainException.class, () -> Procedure.of(badSteps));
        assertEquals("invalid-procedure", e.problem());
        Map<String, Object> noBasis = new LinkedHashMap<>(raw("BVHTTDL-DL-003"));
        noBasis.put("legalBasis", List.of());
        assertThrows(DomainException.class, () -> Procedure.of(noBasis));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> raw(String code) {
        Map<String, Object> root = Json.obj(Json.resource("/catalogue/procedures.json"));
        for (Object o : Json.list(root.get("procedures"))) {
            Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) o);
            if (!code.equals(m.get("code"))) continue;
            Map<String, Object> v = Json.obj(((List<Object>) m.remove("versions")).get(0));
            m.putAll(v);
            return m;
        }
        throw new IllegalArgumentException(code);
    }

    @Test
    void jsonRoundTripsVietnameseText() {
        String s = Json.write(Map.of("tên", "Giấy phép lữ hành", "n", 3, "ok", true, "l", new ArrayList<>(List.of("a"))));
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) Json.parse(s);
        assertEquals("Giấy phép lữ hành", back.get("tên"));
        assertEquals(3L, back.get("n"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":"));
    }
}
