package vn.gov.bvhttdl.dvc.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The warehouse's rules as data ({@code rules/warehouse.json}, issue #25): the kind of document each procedure's result
 * is, the kind a document kept from a component is, and which kinds satisfy which component of which procedure — a
 * valid warehouse document of such a kind may be offered instead of an upload. Each mapping carries its citation
 * ({@code confirmed: false} where the text was not read). The national result-type code of a procedure's result is
 * {@link NationalPortalRules#resultCode} (empty until read from the national catalogue).
 */
public final class WarehouseRules {
    /** One component's mapping: the kind of the document that fills it and the kinds that may satisfy it. */
    public record ComponentRule(String procedure, String component, String documentKind, List<String> satisfiedBy, Citation citation) {}

    /** One procedure's result: its document kind. */
    public record ResultRule(String procedure, String documentKind, Citation citation) {}

    private static final WarehouseRules STANDARD = read(Json.obj(Json.resource("/rules/warehouse.json")));

    private final Map<String, Text> kinds;
    private final Map<String, ResultRule> results;
    private final Map<String, ComponentRule> components;
    private final List<Citation> basis;

    private WarehouseRules(Map<String, Text> kinds, Map<String, ResultRule> results, Map<String, ComponentRule> components, List<Citation> basis) {
        this.kinds = kinds;
        this.results = results;
        this.components = components;
        this.basis = basis;
    }

    public static WarehouseRules standard() { return STANDARD; }

    static WarehouseRules read(Map<String, Object> m) {
        Map<String, Text> kinds = new LinkedHashMap<>();
        Json.obj(m.get("documentKinds")).forEach((k, v) -> kinds.put(k, Json.text(Json.obj(v), "name")));
        Map<String, ResultRule> results = new LinkedHashMap<>();
        for (Object o : Json.list(m.get("results"))) {
            Map<String, Object> r = Json.obj(o);
            ResultRule rule = new ResultRule(Json.str(r, "procedure"), known(kinds, Json.str(r, "documentKind")), Citation.of(Json.obj(r.get("citation"))));
            if (results.put(rule.procedure(), rule) != null) throw new IllegalStateException("warehouse.json: result of " + rule.procedure() + " twice");
        }
        Map<String, ComponentRule> components = new LinkedHashMap<>();
        for (Object o : Json.list(m.get("components"))) {
            Map<String, Object> c = Json.obj(o);
            String kind = Json.str(c, "documentKind");
            if (kind != null) known(kinds, kind);
            List<String> by = Json.list(c.get("satisfiedBy")).stream().map(Object::toString).map(k -> known(kinds, k)).toList();
            ComponentRule rule = new ComponentRule(Json.str(c, "procedure"), Json.str(c, "component"), kind, by, Citation.of(Json.obj(c.get("citation"))));
            if (components.put(key(rule.procedure(), rule.component()), rule) != null) {
                throw new IllegalStateException("warehouse.json: component " + rule.procedure() + "/" + rule.component() + " twice");
            }
        }
        List<Citation> basis = Json.list(m.get("basis")).stream().map(Json::obj).map(Citation::of).toList();
        return new WarehouseRules(Map.copyOf(kinds), Map.copyOf(results), Map.copyOf(components), basis);
    }

    private static String known(Map<String, Text> kinds, String kind) {
        if (!kinds.containsKey(kind)) throw new IllegalStateException("warehouse.json: unknown document kind " + kind);
        return kind;
    }

    private static String key(String procedure, String component) { return procedure + "/" + component; }

    /** The document kinds a valid warehouse document must have to satisfy {@code componentCode} of {@code procedureCode} (none: upload only). */
    public List<String> documentKindsFor(String procedureCode, String componentCode) {
        ComponentRule r = components.get(key(procedureCode, componentCode));
        return r == null ? List.of() : r.satisfiedBy();
    }

    /** The document kind of a result of {@code procedureCode}; null when the rules do not name one. */
    public String documentKindOf(String procedureCode) {
        ResultRule r = results.get(procedureCode);
        return r == null ? null : r.documentKind();
    }

    /** The document kind of a document that filled {@code componentCode} of {@code procedureCode} (kept from it); null when none. */
    public String of(String procedureCode, String componentCode) {
        ComponentRule r = components.get(key(procedureCode, componentCode));
        return r == null ? null : r.documentKind();
    }

    /** The national result-type code of a result of {@code procedureCode}, null where it is not known. */
    public String nationalTypeCode(String procedureCode) {
        String c = NationalPortalRules.standard().resultCode(procedureCode);
        return c == null || c.isBlank() ? null : c;
    }

    /** The name of a document kind, empty when unknown. */
    public Optional<Text> name(String kind) { return Optional.ofNullable(kind == null ? null : kinds.get(kind)); }

    /** Every document kind named. */
    public java.util.Set<String> kinds() { return kinds.keySet(); }

    /** The component rules. */
    public java.util.Collection<ComponentRule> components() { return components.values(); }

    /** The result rules. */
    public java.util.Collection<ResultRule> results() { return results.values(); }

    /** The general basis of the warehouse. */
    public List<Citation> basis() { return basis; }
}
