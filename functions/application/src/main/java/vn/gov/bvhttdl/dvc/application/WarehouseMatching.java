package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;

import java.util.Set;

/**
 * Which warehouse documents can satisfy which component (the rules mapping component kinds to document kinds, data
 * with citations in the domain): a document matches a component when its {@link WarehouseDocument#documentKind()} is
 * one of the kinds the rules name for that component of that procedure.
 */
@FunctionalInterface
public interface WarehouseMatching {
    /** The document kinds that satisfy component {@code componentCode} of procedure {@code procedureCode} (empty: none). */
    Set<String> documentKindsFor(String procedureCode, String componentCode);

    /** The rules as data: {@code rules/warehouse.json} ({@link vn.gov.bvhttdl.dvc.domain.WarehouseRules}). */
    static WarehouseMatching standard() {
        vn.gov.bvhttdl.dvc.domain.WarehouseRules rules = vn.gov.bvhttdl.dvc.domain.WarehouseRules.standard();
        return (procedure, component) -> Set.copyOf(rules.documentKindsFor(procedure, component));
    }

    /** No rules: nothing in a warehouse is offered. */
    WarehouseMatching NONE = (procedure, component) -> Set.of();

    /** Whether {@code d} can be used for component {@code componentCode} of procedure {@code procedureCode}. */
    default boolean matches(String procedureCode, String componentCode, WarehouseDocument d) {
        return d.documentKind() != null && documentKindsFor(procedureCode, componentCode).contains(d.documentKind());
    }
}
