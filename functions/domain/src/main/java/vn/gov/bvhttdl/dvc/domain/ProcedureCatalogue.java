package vn.gov.bvhttdl.dvc.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The published procedures with every version: read from {@code /catalogue/procedures.json}, plus the versions
 * administrators publish (through the API, stored by the adapters). The public catalogue is the version in force on
 * a day; a dossier keeps the version it was created under.
 */
public final class ProcedureCatalogue {
    /** A page of search results. */
    public record Page(List<Procedure> items, int total, int page, int size) {}

    /** Search criteria; null or blank fields do not filter. */
    public record Query(String text, String field, String agencyCode, Integer serviceLevel, int page, int size) {}

    private final Map<String, List<Procedure>> versions = new TreeMap<>();
    private final Map<String, Text> fields;

    public ProcedureCatalogue(Collection<Procedure> all, Map<String, Text> fields) {
        this.fields = fields;
        for (Procedure p : all) versions.computeIfAbsent(p.code(), k -> new ArrayList<>()).add(p);
        for (Map.Entry<String, List<Procedure>> e : versions.entrySet()) {
            List<Procedure> vs = e.getValue();
            vs.sort(Comparator.comparingInt(Procedure::version));
            for (int i = 0; i < vs.size(); i++) {
                if (vs.get(i).version() != i + 1) {
                    throw new IllegalArgumentException("procedure " + e.getKey() + ": versions must be 1.." + vs.size()
                            + " without gaps or duplicates");
                }
                if (i > 0 && vs.get(i).effectiveFrom().isBefore(vs.get(i - 1).effectiveFrom())) {
                    throw new IllegalArgumentException("procedure " + e.getKey() + " version " + (i + 1) + " takes effect before version " + i);
                }
            }
        }
    }

    private static final ProcedureCatalogue BUNDLED = read();

    /** The bundled catalogue (without administrators' publications). */
    public static ProcedureCatalogue load() { return BUNDLED; }

    private static ProcedureCatalogue read() {
        Map<String, Object> root = Json.obj(Json.resource("/catalogue/procedures.json"));
        Map<String, Text> fields = new LinkedHashMap<>();
        Json.obj(root.get("fields")).forEach((k, v) -> fields.put(k, new Text(Json.str(Json.obj(v), "vi"), Json.str(Json.obj(v), "en"))));
        List<Procedure> all = new ArrayList<>();
        for (Object o : Json.list(root.get("procedures"))) {
            Map<String, Object> m = Json.obj(o);
            for (Object v : Json.list(m.get("versions"))) {
                Map<String, Object> merged = new LinkedHashMap<>(m);
                merged.remove("versions");
                merged.putAll(Json.obj(v));
                all.add(Procedure.of(merged));
            }
        }
        return new ProcedureCatalogue(all, fields);
    }

    /** This catalogue with more published versions. */
    public ProcedureCatalogue with(Collection<Procedure> published) {
        if (published.isEmpty()) return this;
        List<Procedure> all = new ArrayList<>();
        versions.values().forEach(all::addAll);
        all.addAll(published);
        return new ProcedureCatalogue(all, fields);
    }

    public Map<String, Text> fields() { return fields; }

    /** The version of {@code code} in force on {@code day}, unless it has been repealed. */
    public Optional<Procedure> inForce(String code, LocalDate day) {
        List<Procedure> vs = code == null ? null : versions.get(code);
        if (vs == null) return Optional.empty();
        Procedure current = null;
        for (Procedure p : vs) if (!p.effectiveFrom().isAfter(day)) current = p;
        return current == null || current.repealed() ? Optional.empty() : Optional.of(current);
    }

    /** A given version (e.g. the one a dossier was created under), in force or not. */
    public Optional<Procedure> version(String code, int version) {
        List<Procedure> vs = code == null ? null : versions.get(code);
        return vs == null || version < 1 || version > vs.size() ? Optional.empty() : Optional.of(vs.get(version - 1));
    }

    /** Every version of {@code code}, oldest first. */
    public List<Procedure> history(String code) {
        return List.copyOf(versions.getOrDefault(code, List.of()));
    }

    /** Every agency that any version of any procedure (in force, future or repealed) names, sorted. */
    public java.util.SortedSet<String> agencyCodes() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        versions.values().forEach(vs -> vs.forEach(p -> out.add(p.agencyCode())));
        return out;
    }

    /** The next version number for {@code code} (1 for a new procedure). */
    public int nextVersion(String code) {
        return versions.getOrDefault(code, List.of()).size() + 1;
    }

    /** The procedures in force on {@code day}, by code. */
    public List<Procedure> all(LocalDate day) {
        List<Procedure> out = new ArrayList<>();
        for (String code : versions.keySet()) inForce(code, day).ifPresent(out::add);
        return out;
    }

    /** Today's catalogue in Vietnam. */
    public List<Procedure> all() { return all(today()); }

    public Optional<Procedure> find(String code) { return inForce(code, today()); }

    public static LocalDate today() { return LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")); }

    /**
     * Searches the catalogue in force on {@code day}: every word of the text must begin a word of the procedure's
     * name, code, agency or field (diacritics and case ignored), then filters; best matches first.
     */
    public Page search(Query q, LocalDate day) {
        int size = Math.max(1, Math.min(q.size() <= 0 ? 20 : q.size(), 100));
        int page = Math.max(1, q.page());
        List<String> words = Search.words(q.text());
        record Hit(Procedure p, int score) {}
        List<Hit> hits = new ArrayList<>();
        for (Procedure p : all(day)) {
            if (blankOr(q.field(), p.field()) && blankOr(q.agencyCode(), p.agencyCode())
                    && (q.serviceLevel() == null || q.serviceLevel() == p.serviceLevel())) {
                Text field = fields.get(p.field());
                List<String> text = Search.words(p.name().vi() + " " + p.name().en() + " " + p.code() + " "
                        + p.agencyName().vi() + " " + p.agencyName().en() + " " + p.agencyCode() + " "
                        + (field == null ? "" : field.vi() + " " + field.en()));
                int s = Search.score(words, text);
                // the whole query as a phrase of the procedure's own name ranks first
                if (s > 0 && !words.isEmpty() && (" " + Search.fold(p.name().vi()) + " ").contains(" " + String.join(" ", words))) s += 5;
                if (s > 0) hits.add(new Hit(p, s));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed().thenComparing(h -> h.p().code()));
        // long arithmetic: a page number near Integer.MAX_VALUE must give an empty page, not an overflow
        int from = (int) Math.min((long) (page - 1) * size, hits.size());
        int to = Math.min(from + size, hits.size());
        return new Page(hits.subList(from, to).stream().map(Hit::p).toList(), hits.size(), page, size);
    }

    private static boolean blankOr(String wanted, String actual) {
        return wanted == null || wanted.isBlank() || wanted.equals(actual);
    }
}
