package vn.gov.bvhttdl.dvc.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of an administrative procedure (thủ tục hành chính) as published in the catalogue. Procedures are
 * issued, amended, replaced and repealed by decisions with effective dates; each such act is a new version.
 *
 * @param receivingUnitCode the one-stop unit's code used in dossier codes (rules/dossier-code.json)
 * @param serviceLevel      3 (online submission) or 4 (also online payment and electronic result)
 * @param timeLimit         the time limit for resolving the dossier, in working or calendar days
 * @param steps             the budget of the time limit per step (reception, specialist unit, other agencies, signing)
 * @param change            what this version's decision did: issued, amended, replaced or repealed
 * @param formFields        the e-form of this version (empty: a free-text request); see {@link FormField}
 * @param formSource        the official application form the e-form is built from (document, annex and form number;
 *                          {@code confirmed} only when the form itself was read), or null
 */
public record Procedure(String code, int version, String change, LocalDate effectiveFrom, Citation decision,
                        Text name, String field, String agencyCode, Text agencyName,
                        String receivingUnitCode, int serviceLevel, boolean fullProcess,
                        Period timeLimit, List<Step> steps, List<Component> components, List<Fee> fees,
                        Text resultType, List<Citation> legalBasis, Text dataNote, List<FormField> formFields,
                        Citation formSource) {

    public static final List<String> CHANGES = List.of("issued", "amended", "replaced", "repealed");

    /**
     * A document the applicant must (or, when {@code condition} holds, may) submit; {@code nationalData} when the
     * state already holds it in a national database: then it is taken from there and asked of the applicant only if
     * the data cannot be retrieved (Resolution 66.7/2025/NQ-CP Art 2(2), Art 8).
     */
    public record Component(String code, Text name, boolean mandatory, Text condition, List<String> formats,
                            int maxSizeMb, int copies, String template, NationalData nationalData) {
        public Component(String code, Text name, boolean mandatory, Text condition, List<String> formats,
                         int maxSizeMb, int copies, String template) {
            this(code, name, mandatory, condition, formats, maxSizeMb, copies, template, null);
        }

        /** Whether the component is taken from the national database {@code database} when the data can be retrieved. */
        public boolean fromNationalDatabase(String database) {
            return nationalData != null && nationalData.database().equals(database);
        }
    }

    /**
     * A component the state already holds: the national database it is taken from (its code here, e.g.
     * {@code enterprise-registration}), the name shown, and the legal basis for not asking for it.
     */
    public record NationalData(String database, Text name, List<Citation> basis) {
        /** The national enterprise-registration database (Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp). */
        public static final String ENTERPRISE_REGISTRATION = "enterprise-registration";
        public static final List<String> DATABASES = List.of(ENTERPRISE_REGISTRATION);

        public NationalData {
            basis = basis == null ? List.of() : List.copyOf(basis);
        }

        static NationalData of(Map<String, Object> m) {
            if (m == null) return null;
            String db = Json.str(m, "database");
            if (!DATABASES.contains(db)) throw new Invalid("components", "nguồn dữ liệu quốc gia phải là một trong " + DATABASES, "nationalData.database must be one of " + DATABASES);
            Text name = Json.text(m, "name");
            Object b = m.get("basis");
            List<Citation> basis = (b instanceof Map<?, ?> ? List.of(b) : Json.list(b)).stream().map(Json::obj).map(Citation::of).toList();
            if (basis.isEmpty()) throw new Invalid("components", "dữ liệu lấy từ cơ sở dữ liệu quốc gia cần căn cứ pháp lý", "nationalData needs its legal basis");
            return new NationalData(db, name, basis);
        }
    }

    /**
     * A fee or charge in Vietnamese đồng: a fixed amount, or a rule when it depends on the case, and the temporary
     * rates in force for a period (e.g. Circular 64/2025/TT-BTC: 50 % from 1 Jul 2025 to 31 Dec 2026).
     */
    public record Fee(Text name, Long amountVnd, Text rule, Citation basis, List<Rate> rates) {
        public Fee {
            rates = rates == null ? List.of() : List.copyOf(rates);
        }

        /** The rate in force on {@code day}: a temporary one whose period covers it, else the standard one. */
        public Optional<Rate> rateOn(LocalDate day) {
            return rates.stream().filter(r -> r.covers(day)).findFirst();
        }

        /** The amount charged for a dossier submitted on {@code day} (null when the amount depends on the case). */
        public Long amountOn(LocalDate day) {
            return rateOn(day).map(Rate::amountVnd).orElse(amountVnd);
        }
    }

    /** A temporary amount of a fee, in force from {@code from} to {@code until} (both inclusive), with its basis. */
    public record Rate(long amountVnd, LocalDate from, LocalDate until, Citation basis) {
        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && (until == null || !day.isAfter(until));
        }
    }

    /** A step of the processing and its share of the time limit (working or calendar days). */
    public record Step(String code, Text name, Period budget) {}

    public boolean repealed() { return "repealed".equals(change); }

    /** Everything wrong with {@code form} against this version's e-form; {@code complete} at submission. */
    public List<Text> formProblems(Map<String, String> form, boolean complete) {
        return FormField.problems(formFields, form, complete);
    }

    /** The filled fields of {@code form}, labelled and in words, in this version's order (see {@link FormField#lines}). */
    public List<FormField.Line> formLines(Map<String, String> form) {
        return FormField.lines(formFields, form, this::fieldElsewhere);
    }

    /**
     * The definition of field {@code name}: this version's, else the latest version of the same procedure in the
     * bundled catalogue that defines it (a dossier of an older version is still read with the catalogue's labels).
     */
    public Optional<FormField> field(String name) {
        for (FormField f : formFields) if (f.name().equals(name)) return Optional.of(f);
        return fieldElsewhere(name);
    }

    private Optional<FormField> fieldElsewhere(String name) {
        List<Procedure> versions = ProcedureCatalogue.load().history(code);
        for (int i = versions.size() - 1; i >= 0; i--) {
            for (FormField f : versions.get(i).formFields()) if (f.name().equals(name)) return Optional.of(f);
        }
        return Optional.empty();
    }

    /** Reads a version from catalogue data (the bundled file or an administrator's publication). */
    public static Procedure of(Map<String, Object> m) {
        try {
            return parse(m);
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            // a rule of the data names its field in both languages; anything else (a malformed value deep in the data)
            // is not echoed in one language inside the other's sentence
            Text why = e instanceof Invalid i
                    ? new Text("Dữ liệu thủ tục không hợp lệ: " + i.vi + ".", "Invalid procedure data: " + i.getMessage() + ".").at(i.field)
                    : new Text("Dữ liệu thủ tục không hợp lệ (một giá trị sai kiểu hoặc sai định dạng, ví dụ một ngày hay một số tiền).",
                            "Invalid procedure data (a value of the wrong type or format, e.g. a date or an amount).");
            throw new DomainException(DomainException.Kind.INVALID, "invalid-procedure", why, List.of(why));
        }
    }

    /** A rule of the data broken, and the field it is about (for the administrators' form). */
    static final class Invalid extends IllegalArgumentException {
        final String field;
        final String vi;

        Invalid(String field, String vi, String en) {
            super(en);
            this.field = field;
            this.vi = vi;
        }
    }

    private static Procedure parse(Map<String, Object> m) {
        List<Component> components = Json.list(m.get("components")).stream().map(Json::obj)
                .map(c -> new Component(required(c, "code"), Json.text(c, "name"), Boolean.TRUE.equals(c.get("mandatory")),
                        Json.text(c, "condition"), Json.list(c.get("formats")).stream().map(Object::toString).toList(),
                        intOr(c, "maxSizeMb", 10), intOr(c, "copies", 1), Json.str(c, "template"),
                        c.get("nationalData") == null ? null : NationalData.of(Json.obj(c.get("nationalData")))))
                .toList();
        List<Fee> fees = Json.list(m.get("fees")).stream().map(Json::obj)
                .map(f -> new Fee(Json.text(f, "name"), f.get("amountVnd") == null ? null : ((Number) f.get("amountVnd")).longValue(),
                        Json.text(f, "rule"), f.get("basis") == null ? null : Citation.of(Json.obj(f.get("basis"))),
                        Json.list(f.get("rates")).stream().map(Json::obj).map(r -> new Rate(((Number) r.get("amountVnd")).longValue(),
                                LocalDate.parse(Json.str(r, "from")), r.get("until") == null ? null : LocalDate.parse(Json.str(r, "until")),
                                r.get("basis") == null ? null : Citation.of(Json.obj(r.get("basis"))))).toList()))
                .toList();
        List<Step> steps = Json.list(m.get("steps")).stream().map(Json::obj)
                .map(s -> {
                    Period budget = period(s, "budget", "workingDays", "steps");
                    if (budget == null) throw new Invalid("steps", "bước " + s.get("code") + " cần thời hạn", "step " + s.get("code") + " needs a budget");
                    return new Step(required(s, "code"), Json.text(s, "name"), budget);
                }).toList();
        List<Citation> basis = Json.list(m.get("legalBasis")).stream().map(Json::obj).map(Citation::of).toList();
        String change = m.get("change") == null ? "issued" : Json.str(m, "change");
        if (!CHANGES.contains(change)) throw new Invalid("change", "loại thay đổi phải là một trong " + CHANGES, "change must be one of " + CHANGES);
        Procedure p = new Procedure(required(m, "code"), intOr(m, "version", 1), change,
                effectiveFrom(m),
                m.get("decision") == null ? null : Citation.of(Json.obj(m.get("decision"))),
                Json.text(m, "name"), Json.str(m, "field"), Json.str(m, "agencyCode"), Json.text(m, "agencyName"),
                Json.str(m, "receivingUnitCode"), intOr(m, "serviceLevel", 3), Boolean.TRUE.equals(m.get("fullProcess")),
                period(m, "timeLimit", "processingWorkingDays"), steps, components, fees, Json.text(m, "resultType"), basis,
                dataNote(m),
                Json.list(m.get("formFields")).stream().map(Json::obj).map(FormField::of).toList(),
                m.get("formSource") == null ? null : Citation.of(Json.obj(m.get("formSource"))));
        p.check();
        return p;
    }

    private void check() {
        if (!code.matches("[A-Za-z0-9.\\-]{1,40}")) throw new Invalid("code", "mã thủ tục chỉ gồm chữ, số, dấu chấm, gạch ngang (tối đa 40 ký tự)", "the code has letters, digits, dots and hyphens only (40 at most)");
        if (version < 1) throw new Invalid("version", "phiên bản phải từ 1 trở lên", "version must be ≥ 1");
        if (repealed()) return;
        if (name == null || agencyCode == null || receivingUnitCode == null) throw new Invalid(name == null ? "name" : agencyCode == null ? "agencyCode" : "receivingUnitCode", "cần tên thủ tục, mã cơ quan và mã bộ phận tiếp nhận", "name, agencyCode and receivingUnitCode are required");
        if (serviceLevel != 3 && serviceLevel != 4) throw new Invalid("serviceLevel", "mức độ dịch vụ phải là 3 hoặc 4", "service level must be 3 or 4");
        if (timeLimit == null || timeLimit.days() < 1) throw new Invalid("timeLimit", "thời hạn giải quyết phải từ 1 ngày trở lên", "timeLimit must be ≥ 1 day");
        // steps counted in the time limit's own unit must add up to it; a step in the other unit (e.g. "defects
        // notified within 3 working days" inside a 30-calendar-day limit) is a separate budget of its own
        if (!steps.isEmpty() && steps.stream().allMatch(s -> s.budget().unit() == timeLimit.unit())
                && steps.stream().mapToInt(s -> s.budget().days()).sum() != timeLimit.days()) {
            int sum = steps.stream().mapToInt(s -> s.budget().days()).sum();
            throw new Invalid("steps", "các bước của " + code + " cộng lại " + sum + " ngày, không phải " + timeLimit.days(),
                    "the steps of " + code + " add up to " + sum + " days, not " + timeLimit.days());
        }
        for (Step s : steps) {
            if (!Process.kinds().contains(s.code())) throw new Invalid("steps", "bước " + s.code() + " không thuộc " + Process.kinds(), "step " + s.code() + " is not one of " + Process.kinds());
        }
        if (components.isEmpty()) throw new Invalid("components", "cần ít nhất một thành phần hồ sơ", "at least one dossier component is required");
        for (Fee f : fees) {
            List<Rate> rs = f.rates().stream().sorted(java.util.Comparator.comparing(Rate::from)).toList();
            for (int i = 0; i < rs.size(); i++) {
                Rate r = rs.get(i);
                if (r.until() != null && r.until().isBefore(r.from())) throw new Invalid("fees", "một mức thu kết thúc trước khi bắt đầu", "a fee rate ends before it starts");
                if (r.basis() == null) throw new Invalid("fees", "mức thu tạm thời cần căn cứ pháp lý", "a temporary fee rate needs its legal basis");
                if (i > 0 && (rs.get(i - 1).until() == null || !rs.get(i - 1).until().isBefore(r.from()))) {
                    throw new Invalid("fees", "các mức thu tạm thời của một khoản phí chồng lên nhau", "the temporary rates of a fee overlap");
                }
            }
        }
        if (legalBasis.isEmpty()) throw new Invalid("legalBasis", "cần căn cứ pháp lý", "the legal basis is required");
        if (formFields.stream().map(FormField::name).distinct().count() != formFields.size()) {
            throw new Invalid("formFields", "hai trường của biểu mẫu trùng tên", "two form fields have the same name");
        }
    }

    /**
     * The administrators' data note in both languages: {@code {"vi": …, "en": …}}, or (the bundled catalogue) an
     * English {@code dataNote} with its Vietnamese {@code dataNoteVi}; a note in one language only is shown as it is.
     */
    private static Text dataNote(Map<String, Object> m) {
        Object v = m.get("dataNote");
        if (v == null) return null;
        if (v instanceof Map<?, ?>) return Json.text(m, "dataNote");
        String en = v.toString().strip();
        if (en.isEmpty()) return null;
        Object vi = m.get("dataNoteVi");
        return new Text(vi == null || vi.toString().isBlank() ? en : vi.toString().strip(), en);
    }

    private static Period period(Map<String, Object> m, String key, String legacyKey) {
        return period(m, key, legacyKey, key);
    }

    /** A period of the data, its mistakes named in both languages on {@code field}. */
    private static Period period(Map<String, Object> m, String key, String legacyKey, String field) {
        try {
            return Period.read(m, key, legacyKey);
        } catch (Invalid e) {
            throw e;
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new Invalid(field, "thời hạn phải là số ngày từ 0 đến 3650, tính theo ngày làm việc hoặc ngày lịch",
                    "a period is 0–3650 days, in working or calendar days");
        }
    }

    private static LocalDate effectiveFrom(Map<String, Object> m) {
        try {
            return LocalDate.parse(m.get("effectiveFrom") == null ? "2021-01-01" : Json.str(m, "effectiveFrom"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new Invalid("effectiveFrom", "ngày có hiệu lực phải là một ngày có thật (dd/mm/yyyy)", "the effective date must be a real date (dd/mm/yyyy)");
        }
    }

    private static String required(Map<String, Object> m, String k) {
        String v = Json.str(m, k);
        if (v == null || v.isBlank()) throw new Invalid(k, "cần " + k, k + " is required");
        return v;
    }

    private static int intOr(Map<String, Object> m, String k, int def) {
        Object v = m.get(k);
        return v == null ? def : ((Number) v).intValue();
    }
}
