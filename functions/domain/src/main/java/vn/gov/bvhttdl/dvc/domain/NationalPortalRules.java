package vn.gov.bvhttdl.dvc.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The National Public Service Portal's (DVCQG) codes and field names, as data ({@code rules/national-portal.json}):
 * the national dossier status of each of our statuses (overridden by the status before the move where that decides),
 * the channels, owner kinds, identifier types, the small yes/no facts, the fee codes, the field names of the dossier
 * record ({@code DongBoHoSoMC}) and of a progress entry ({@code CapNhatTienDoHoSoMC}), the date format and what the
 * portal's answers mean. None of these interfaces is public: each entry names the public implementation it was read
 * in ({@link Source}) and says whether its meaning was read ({@code confirmed}) or inferred/assumed
 * (docs/national-portal.md).
 */
public record NationalPortalRules(DateTimeFormatter dates, ZoneId zone, Map<String, Source> sources,
                                  Map<DossierStatus, Code> statuses, Map<DossierStatus, Map<DossierStatus, Code>> byPrevious,
                                  Map<String, Code> channels, Map<String, Code> returnForms, Map<String, Code> submissionPlaces,
                                  Map<String, Code> ownerKinds, Map<String, Code> identifierTypes, Map<String, Flag> flags,
                                  Map<String, String> feeFields, Map<String, Code> collectionForms, Map<String, Code> feeKinds,
                                  Map<String, Map<String, String>> fields, int whoLimit, Answer done, Answer exists,
                                  List<String> progressNotSent, Map<String, String> resultCodes) {

    /** A public implementation an entry was read in. */
    public record Source(String key, String repo, String commit, String path, String note) {}

    /**
     * One national code: {@code code} null means "send nothing new"; {@code confirmed} when the meaning was read in
     * the named sources, false when inferred or assumed.
     */
    public record Code(String code, String label, boolean confirmed, List<String> source, String note) {}

    /** A yes/no or small code fact of the record: its national field and our value → the national code. */
    public record Flag(String field, Map<String, String> values, boolean confirmed, List<String> source) {
        public String code(String value) {
            String c = values.get(value);
            if (c == null) throw new IllegalArgumentException(field + " has no code for " + value);
            return c;
        }
    }

    /** What an answer of the portal means: its error codes and a text its message contains. */
    public record Answer(List<String> errorCodes, String messageContains) {
        public boolean matches(String errorCode, String message) {
            return errorCode != null && errorCodes.contains(errorCode.strip())
                    && message != null && message.toLowerCase(Locale.ROOT).contains(messageContains.toLowerCase(Locale.ROOT));
        }
    }

    /** The field-name groups of {@code fields()}. */
    public static final String DOSSIER = "dossier", COMPONENT = "component", SUPPLEMENT = "supplement", RESULT = "result",
            IDENTIFIER = "identifier", PROGRESS = "progress", NATIONAL_DATABASE = "nationalDatabase";

    private static final NationalPortalRules STANDARD = read(Json.obj(Json.resource("/rules/national-portal.json")));

    public static NationalPortalRules standard() { return STANDARD; }

    static NationalPortalRules read(Map<String, Object> m) {
        Map<String, Source> sources = new LinkedHashMap<>();
        Json.obj(m.get("sources")).forEach((k, v) -> {
            Map<String, Object> s = Json.obj(v);
            sources.put(k, new Source(k, str(s, "repo"), str(s, "commit"), str(s, "path"), str(s, "note")));
        });
        Map<String, Object> df = Json.obj(m.get("dateFormat"));
        ZoneId zone = ZoneId.of(Json.str(df, "zone"));
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(Json.str(df, "pattern"), Locale.ROOT).withZone(zone);

        Map<DossierStatus, Code> statuses = new LinkedHashMap<>();
        codes(m.get("statuses"), sources).forEach((k, c) -> statuses.put(DossierStatus.valueOf(k), c));
        for (DossierStatus s : DossierStatus.values()) {
            if (!statuses.containsKey(s)) throw new IllegalArgumentException("national-portal.json: no entry for status " + s);
        }
        Map<DossierStatus, Map<DossierStatus, Code>> byPrevious = new LinkedHashMap<>();
        Json.obj(m.get("statusesByPrevious")).forEach((prev, v) -> {
            if (prev.startsWith("_")) return;
            Map<DossierStatus, Code> to = new LinkedHashMap<>();
            codes(v, sources).forEach((k, c) -> to.put(DossierStatus.valueOf(k), c));
            byPrevious.put(DossierStatus.valueOf(prev), Map.copyOf(to));
        });

        Map<String, Flag> flags = new LinkedHashMap<>();
        Json.obj(m.get("flags")).forEach((k, v) -> {
            if (k.startsWith("_")) return;
            Map<String, Object> f = Json.obj(v);
            Map<String, String> values = new LinkedHashMap<>();
            Json.obj(f.get("values")).forEach((a, b) -> values.put(a, String.valueOf(b)));
            flags.put(k, new Flag(Json.str(f, "field"), Map.copyOf(values), Boolean.TRUE.equals(f.get("confirmed")), sourceKeys(f, sources)));
        });

        Map<String, Object> fees = Json.obj(m.get("fees"));
        Map<String, Object> sync = Json.obj(m.get("dossierSync"));
        Map<String, Object> progress = Json.obj(m.get("progressUpdate"));
        Map<String, Map<String, String>> fields = new LinkedHashMap<>();
        fields.put(DOSSIER, strings(sync.get("fields")));
        fields.put(COMPONENT, strings(sync.get("component")));
        fields.put(SUPPLEMENT, strings(sync.get("supplement")));
        fields.put(RESULT, strings(sync.get("result")));
        fields.put(IDENTIFIER, strings(sync.get("identifier")));
        fields.put(NATIONAL_DATABASE, strings(sync.get("nationalDatabase")));
        fields.put(PROGRESS, strings(progress.get("fields")));
        int whoLimit = ((Number) Json.obj(progress.get("limits")).get("who")).intValue();

        Map<String, Object> answers = Json.obj(m.get("answers"));
        List<String> notSent = m.get("progressNotSent") == null ? List.of()
                : Json.list(Json.obj(m.get("progressNotSent")).get("actions")).stream().map(String::valueOf).toList();
        for (String a : notSent) {
            if (Workflow.standard().move(a).isEmpty()) throw new IllegalArgumentException("national-portal.json: no move " + a);
        }
        return new NationalPortalRules(dates, zone, Map.copyOf(sources), Map.copyOf(statuses), Map.copyOf(byPrevious),
                codes(m.get("channels"), sources), codes(m.get("returnForms"), sources), codes(m.get("submissionPlaces"), sources),
                codes(m.get("ownerKinds"), sources), codes(m.get("identifierTypes"), sources), Map.copyOf(flags),
                strings(fees.get("fields")), codes(fees.get("collectionForms"), sources), codes(fees.get("kinds"), sources),
                Map.copyOf(fields), whoLimit, answer(answers.get("done")), answer(answers.get("exists")), notSent,
                strings(Json.obj(m.get("resultTypes")).get("byProcedure")));
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? null : String.valueOf(v);
    }

    private static Map<String, String> strings(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        Json.obj(o).forEach((k, v) -> { if (!k.startsWith("_")) out.put(k, String.valueOf(v)); });
        return Map.copyOf(out);
    }

    private static List<String> sourceKeys(Map<String, Object> e, Map<String, Source> sources) {
        List<String> keys = e.get("source") == null ? List.of() : Json.list(e.get("source")).stream().map(String::valueOf).toList();
        for (String k : keys) {
            if (!sources.containsKey(k)) throw new IllegalArgumentException("national-portal.json: unknown source " + k);
        }
        return keys;
    }

    private static Map<String, Code> codes(Object o, Map<String, Source> sources) {
        Map<String, Code> out = new LinkedHashMap<>();
        Json.obj(o).forEach((k, v) -> {
            if (k.startsWith("_")) return;
            Map<String, Object> e = Json.obj(v);
            boolean confirmed = Boolean.TRUE.equals(e.get("confirmed"));
            List<String> src = sourceKeys(e, sources);
            if (confirmed && src.isEmpty()) throw new IllegalArgumentException("national-portal.json: " + k + " is confirmed with no source");
            out.put(k, new Code(str(e, "code"), str(e, "label"), confirmed, src, str(e, "note")));
        });
        return Map.copyOf(out);
    }

    private static Answer answer(Object o) {
        Map<String, Object> a = Json.obj(o);
        return new Answer(Json.list(a.get("error_code")).stream().map(String::valueOf).toList(), Json.str(a, "messageContains"));
    }

    /**
     * The national status of a dossier a move took from {@code from} to {@code to}: the override for the status
     * before the move if there is one (a refusal before receipt is "not received"), else {@code to}'s own; empty when
     * no national status fits (a draft, our archive step): nothing is sent.
     */
    public Optional<Code> status(DossierStatus from, DossierStatus to) {
        Code c = from == null ? null : byPrevious.getOrDefault(from, Map.of()).get(to);
        if (c == null) c = statuses.get(to);
        return c == null || c.code() == null ? Optional.empty() : Optional.of(c);
    }

    /** An instant as the portal writes it ({@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh); "" when unknown. */
    public String date(Instant at) { return at == null ? "" : dates.format(at); }

    /**
     * A day (an appointment) as the portal writes a date: the end of office hours that day, 17:00 local time [assumed:
     * the portal takes a full timestamp; the appointment is a day]; "" when unknown.
     */
    public String date(LocalDate day) { return day == null ? "" : dates.format(day.atTime(LocalTime.of(17, 0)).atZone(zone)); }

    /** The channel code ({@code KenhThucHien}) of a dossier that came in by {@code c}. */
    public String channel(Facts.Channel c) {
        Code code = channels.get(c.name().toLowerCase(Locale.ROOT));
        if (code == null) throw new IllegalArgumentException("national-portal.json: no channel " + c);
        return code.code();
    }

    /** The owner kind ({@code LoaiDoiTuong}): an enterprise for an enterprise code, else a citizen. */
    public String ownerKind(Facts.OwnerId owner) {
        return ownerKinds.get(owner.type() == Facts.IdType.ENTERPRISE_CODE ? "enterprise" : "citizen").code();
    }

    /** The identifier type ({@code LoaiDinhDanh}): a 12-digit personal ID, an enterprise code, or other. */
    public String identifierType(Facts.OwnerId owner) {
        String key = switch (owner.type()) {
            case PERSONAL_ID -> owner.value() != null && owner.value().matches("\\d{12}") ? "personalId" : "other";
            case ENTERPRISE_CODE -> "enterpriseCode";
            case NONE -> "other";
        };
        return identifierTypes.get(key).code();
    }

    /** The return form ({@code HinhThuc}) for a result returned by {@code channel} ({@code online}, {@code counter}, {@code post}). */
    public String returnForm(String channel) {
        Code c = channel == null ? null : returnForms.get(channel);
        return c == null ? "" : c.code();
    }

    /** The code of flag {@code name} for our value {@code value}. */
    public String flag(String name, String value) {
        Flag f = flags.get(name);
        if (f == null) throw new IllegalArgumentException("national-portal.json: no flag " + name);
        return f.code(value);
    }

    /** The national field name of our fact {@code name} in {@code group} (DOSSIER, COMPONENT, … PROGRESS). */
    public String field(String group, String name) {
        String f = fields.getOrDefault(group, Map.of()).get(name);
        if (f == null) throw new IllegalArgumentException("national-portal.json: no field " + group + "." + name);
        return f;
    }

    /** Whether a move is not sent as a progress entry (e.g. the deadline watch's flag: no one handled anything). */
    public boolean progressSent(String action) { return !progressNotSent.contains(action); }

    /**
     * The national result-type code ({@code MaGiayToKetQua}) of procedure {@code procedureCode}'s result: the
     * national catalogue's per-procedure code, "" until it is filled in the data.
     */
    public String resultCode(String procedureCode) { return resultCodes.getOrDefault(procedureCode, ""); }

    /** What an answer means. */
    public enum Meaning { DONE, EXISTS, OTHER }

    /**
     * The meaning of the portal's answer {@code errorCode}/{@code message}: "exists" is checked first (its codes
     * include 0); "done" by its code alone, as OPENCPS reads it (TH_SYNC also looks for "thành công" in the message).
     */
    public Meaning meaning(String errorCode, String message) {
        if (exists.matches(errorCode, message)) return Meaning.EXISTS;
        if (done.errorCodes().contains(errorCode == null ? "" : errorCode.strip())) return Meaning.DONE;
        return Meaning.OTHER;
    }
}
