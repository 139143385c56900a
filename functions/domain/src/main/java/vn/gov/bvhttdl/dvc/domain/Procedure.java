package vn.gov.bvhttdl.dvc.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One version of an administrative procedure (thủ tục hành chính) as published in the catalogue. Procedures are
 * issued, amended, replaced and repealed by decisions with effective dates; each such act is a new version.
 *
 * @param receivingUnitCode the one-stop unit's code used in dossier codes (Circular 01/2018 Art 19)
 * @param serviceLevel      3 (online submission) or 4 (also online payment and electronic result)
 * @param steps             the budget of the time limit per step (reception, specialist unit, other agencies, signing)
 * @param change            what this version's decision did: issued, amended, replaced or repealed
 */
public record Procedure(String code, int version, String change, LocalDate effectiveFrom, Citation decision,
                        Text name, String field, String agencyCode, Text agencyName,
                        String receivingUnitCode, int serviceLevel, boolean fullProcess,
                        int processingWorkingDays, List<Step> steps, List<Component> components, List<Fee> fees,
                        Text resultType, List<Citation> legalBasis, String dataNote) {

    public static final List<String> CHANGES = List.of("issued", "amended", "replaced", "repealed");

    /** A document the applicant must (or, when {@code condition} holds, may) submit. */
    public record Component(String code, Text name, boolean mandatory, Text condition, List<String> formats,
                            int maxSizeMb, int copies, String template) {}

    /** A fee or charge in Vietnamese đồng: a fixed amount, or a rule when it depends on the case. */
    public record Fee(Text name, Long amountVnd, Text rule, Citation basis) {}

    /** A step of the processing and its share of the time limit, in working days. */
    public record Step(String code, Text name, int workingDays) {}

    public boolean repealed() { return "repealed".equals(change); }

    /** Reads a version from catalogue data (the bundled file or an administrator's publication). */
    public static Procedure of(Map<String, Object> m) {
        try {
            return parse(m);
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-procedure",
                    new Text("Dữ liệu thủ tục không hợp lệ: " + e.getMessage(), "Invalid procedure data: " + e.getMessage()));
        }
    }

    private static Procedure parse(Map<String, Object> m) {
        List<Component> components = Json.list(m.get("components")).stream().map(Json::obj)
                .map(c -> new Component(required(c, "code"), Json.text(c, "name"), Boolean.TRUE.equals(c.get("mandatory")),
                        Json.text(c, "condition"), Json.list(c.get("formats")).stream().map(Object::toString).toList(),
                        intOr(c, "maxSizeMb", 10), intOr(c, "copies", 1), Json.str(c, "template")))
                .toList();
        List<Fee> fees = Json.list(m.get("fees")).stream().map(Json::obj)
                .map(f -> new Fee(Json.text(f, "name"), f.get("amountVnd") == null ? null : ((Number) f.get("amountVnd")).longValue(),
                        Json.text(f, "rule"), f.get("basis") == null ? null : Citation.of(Json.obj(f.get("basis")))))
                .toList();
        List<Step> steps = Json.list(m.get("steps")).stream().map(Json::obj)
                .map(s -> new Step(required(s, "code"), Json.text(s, "name"), ((Number) s.get("workingDays")).intValue())).toList();
        List<Citation> basis = Json.list(m.get("legalBasis")).stream().map(Json::obj).map(Citation::of).toList();
        String change = m.get("change") == null ? "issued" : Json.str(m, "change");
        if (!CHANGES.contains(change)) throw new IllegalArgumentException("change must be one of " + CHANGES);
        Procedure p = new Procedure(required(m, "code"), intOr(m, "version", 1), change,
                LocalDate.parse(m.get("effectiveFrom") == null ? "2021-01-01" : Json.str(m, "effectiveFrom")),
                m.get("decision") == null ? null : Citation.of(Json.obj(m.get("decision"))),
                Json.text(m, "name"), Json.str(m, "field"), Json.str(m, "agencyCode"), Json.text(m, "agencyName"),
                Json.str(m, "receivingUnitCode"), intOr(m, "serviceLevel", 3), Boolean.TRUE.equals(m.get("fullProcess")),
                intOr(m, "processingWorkingDays", 0), steps, components, fees, Json.text(m, "resultType"), basis,
                Json.str(m, "dataNote"));
        p.check();
        return p;
    }

    private void check() {
        if (!code.matches("[A-Za-z0-9.\\-]{1,40}")) throw new IllegalArgumentException("code " + code);
        if (version < 1) throw new IllegalArgumentException("version must be ≥ 1");
        if (repealed()) return;
        if (name == null || agencyCode == null || receivingUnitCode == null) throw new IllegalArgumentException("name, agencyCode and receivingUnitCode are required");
        if (serviceLevel != 3 && serviceLevel != 4) throw new IllegalArgumentException("service level must be 3 or 4");
        if (processingWorkingDays < 1) throw new IllegalArgumentException("processingWorkingDays must be ≥ 1");
        if (!steps.isEmpty() && steps.stream().mapToInt(Step::workingDays).sum() != processingWorkingDays) {
            throw new IllegalArgumentException("the steps of " + code + " add up to "
                    + steps.stream().mapToInt(Step::workingDays).sum() + " days, not " + processingWorkingDays);
        }
        if (components.isEmpty()) throw new IllegalArgumentException("at least one dossier component is required");
        if (legalBasis.isEmpty()) throw new IllegalArgumentException("the legal basis is required");
    }

    private static String required(Map<String, Object> m, String k) {
        String v = Json.str(m, k);
        if (v == null || v.isBlank()) throw new IllegalArgumentException(k + " is required");
        return v;
    }

    private static int intOr(Map<String, Object> m, String k, int def) {
        Object v = m.get(k);
        return v == null ? def : ((Number) v).intValue();
    }
}
