package vn.gov.bvhttdl.dvc.domain;

import java.util.List;
import java.util.Map;

/**
 * An administrative procedure (thủ tục hành chính) as published in the catalogue.
 *
 * @param receivingUnitCode the one-stop unit's code used in dossier codes (Circular 01/2018 Art 19)
 * @param serviceLevel 3 (online submission) or 4 (also online payment and electronic result)
 */
public record Procedure(String code, Text name, String field, String agencyCode, Text agencyName,
                        String receivingUnitCode, int serviceLevel, boolean fullProcess,
                        int processingWorkingDays, List<Component> components, List<Fee> fees,
                        List<Citation> legalBasis, String dataNote) {

    /** A document the applicant must (or, when conditional, may) submit. */
    public record Component(String code, Text name, boolean mandatory, List<String> formats) {}

    /** A fee or charge, in Vietnamese đồng. */
    public record Fee(Text name, long amountVnd, Citation basis) {}

    static Procedure of(Map<String, Object> m) {
        List<Component> components = Json.list(m.get("components")).stream().map(Json::obj)
                .map(c -> new Component(Json.str(c, "code"), Json.text(c, "name"),
                        Boolean.TRUE.equals(c.get("mandatory")),
                        Json.list(c.get("formats")).stream().map(Object::toString).toList()))
                .toList();
        List<Fee> fees = Json.list(m.get("fees")).stream().map(Json::obj)
                .map(f -> new Fee(Json.text(f, "name"), ((Number) f.get("amountVnd")).longValue(),
                        f.get("basis") == null ? null : Citation.of(Json.obj(f.get("basis")))))
                .toList();
        List<Citation> basis = Json.list(m.get("legalBasis")).stream().map(Json::obj).map(Citation::of).toList();
        return new Procedure(Json.str(m, "code"), Json.text(m, "name"), Json.str(m, "field"),
                Json.str(m, "agencyCode"), Json.text(m, "agencyName"), Json.str(m, "receivingUnitCode"),
                ((Number) m.get("serviceLevel")).intValue(), Boolean.TRUE.equals(m.get("fullProcess")),
                ((Number) m.get("processingWorkingDays")).intValue(), components, fees, basis,
                Json.str(m, "dataNote"));
    }
}
