package vn.gov.bvhttdl.dvc.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data subject's rights over what the system holds about them ({@code rules/personal-data.json}): the legal basis
 * of each right (know, access, erase, keep) and the bounds of the "download everything" archive.
 *
 * @param basis       the right → its citations
 * @param maxDossiers how many of the newest dossiers the archive holds at most
 * @param maxBytes    the archive's largest size; beyond it the archive is refused, never cut short
 * @param linkMinutes how long the archive's link lives
 * @param maxReadPage the largest page of the officials' reads
 */
public record PersonalData(Map<String, List<Citation>> basis, int maxDossiers, long maxBytes, int linkMinutes, int maxReadPage) {
    private static final PersonalData STANDARD = load(Json.obj(Json.resource("/rules/personal-data.json")));

    public PersonalData {
        basis = Map.copyOf(basis);
        if (maxDossiers < 1 || maxBytes < 1 || linkMinutes < 1 || maxReadPage < 1) throw new IllegalStateException("rules/personal-data.json: bounds must be positive");
    }

    public static PersonalData standard() { return STANDARD; }

    static PersonalData load(Map<String, Object> root) {
        Map<String, List<Citation>> basis = new LinkedHashMap<>();
        Json.obj(root.get("rights")).forEach((right, list) -> basis.put(right, Json.list(list).stream().map(o -> Citation.of(Json.obj(o))).toList()));
        for (String r : List.of("know", "access", "erase", "keep")) {
            if (!basis.containsKey(r) || basis.get(r).isEmpty()) throw new IllegalStateException("rules/personal-data.json: no basis for the right " + r);
        }
        Map<String, Object> export = Json.obj(root.get("export"));
        return new PersonalData(basis, ((Number) export.get("maxDossiers")).intValue(), ((Number) export.get("maxBytes")).longValue(),
                ((Number) export.get("linkMinutes")).intValue(), ((Number) Json.obj(root.get("reads")).get("maxPage")).intValue());
    }

    /** The citations of {@code right} (know, access, erase, keep). */
    public List<Citation> basis(String right) { return basis.getOrDefault(right, List.of()); }
}
