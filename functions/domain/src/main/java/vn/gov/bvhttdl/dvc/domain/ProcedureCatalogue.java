package vn.gov.bvhttdl.dvc.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The published procedures, read from {@code /catalogue/procedures.json}. */
public final class ProcedureCatalogue {
    private final Map<String, Procedure> byCode = new LinkedHashMap<>();

    public ProcedureCatalogue(List<Procedure> procedures) {
        for (Procedure p : procedures) {
            if (byCode.put(p.code(), p) != null) throw new IllegalArgumentException("duplicate procedure " + p.code());
        }
    }

    public static ProcedureCatalogue load() {
        Map<String, Object> root = Json.obj(Json.resource("/catalogue/procedures.json"));
        return new ProcedureCatalogue(Json.list(root.get("procedures")).stream().map(Json::obj).map(Procedure::of).toList());
    }

    public List<Procedure> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Procedure> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }
}
