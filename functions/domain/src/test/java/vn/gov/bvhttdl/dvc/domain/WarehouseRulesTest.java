package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** rules/warehouse.json against the catalogue: every procedure and component it names exists, every mapping is cited. */
class WarehouseRulesTest {
    final WarehouseRules rules = WarehouseRules.standard();
    final ProcedureCatalogue catalogue = ProcedureCatalogue.load();

    @Test
    void everyProcedureOfTheCatalogueHasTheKindOfItsResult() {
        for (Procedure p : catalogue.all()) {
            String kind = rules.documentKindOf(p.code());
            assertNotNull(kind, p.code());
            assertTrue(rules.name(kind).isPresent(), kind);
        }
        assertNull(rules.documentKindOf("NO-SUCH-PROCEDURE"));
    }

    @Test
    void everyComponentNamedIsTheCataloguesAndEveryMappingIsCited() {
        for (WarehouseRules.ComponentRule r : rules.components()) {
            Set<String> codes = catalogue.history(r.procedure()).stream().flatMap(p -> p.components().stream())
                    .map(Procedure.Component::code).collect(Collectors.toSet());
            assertTrue(codes.contains(r.component()), r.procedure() + "/" + r.component() + " is not in the catalogue");
            assertNotNull(r.citation().document(), r.component());
            assertFalse(r.satisfiedBy().isEmpty(), r.component());
        }
        for (WarehouseRules.ResultRule r : rules.results()) assertNotNull(r.citation().document(), r.procedure());
        assertFalse(rules.basis().isEmpty());
    }

    @Test
    void aLicenceIssuedHereSatisfiesTheLicenceAskedForWhenItIsReplaced() {
        String licence = rules.documentKindOf("BVHTTDL-DL-001");
        assertEquals(List.of(licence), rules.documentKindsFor("BVHTTDL-DL-002", "GPCU"));
        assertEquals(licence, rules.documentKindOf("BVHTTDL-DL-003"), "a re-issued licence is the same kind");
        assertTrue(rules.documentKindsFor("BVHTTDL-DA-001", "BANQUYEN").contains(rules.documentKindOf("BVHTTDL-BQ-001")),
                "a copyright certificate proves the rights in a film");
        assertEquals(List.of(), rules.documentKindsFor("BVHTTDL-DL-001", "DON"), "an application form is filled for each dossier");
        assertNull(rules.of("BVHTTDL-DL-001", "DON"));
        assertEquals("enterprise-registration-certificate", rules.of("BVHTTDL-DL-001", "DKDN"));
        assertNull(rules.nationalTypeCode("BVHTTDL-DL-001"), "the national result codes are not known yet");
    }

    @Test
    void anUnknownKindIsRefused() {
        Map<String, Object> bad = Map.of("documentKinds", Map.of(), "results", List.of(Map.of("procedure", "P", "documentKind", "nope",
                "citation", Map.of("document", "d"))), "components", List.of(), "basis", List.of());
        assertThrows(IllegalStateException.class, () -> WarehouseRules.read(bad));
    }
}
