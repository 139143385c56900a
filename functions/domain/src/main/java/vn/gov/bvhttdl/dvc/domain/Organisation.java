package vn.gov.bvhttdl.dvc.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agencies that resolve dossiers and their units, read from {@code rules/organisation.json}: which unit is an
 * agency's one-stop desk, which unit resolves which procedure, and the labels of the officials' posts.
 */
public final class Organisation {
    /** A unit of an agency: its code, what kind it is ({@code one-stop} or {@code specialist}) and its name. */
    public record Unit(String code, String kind, Text name) {
        public boolean oneStop() { return "one-stop".equals(kind); }
    }

    /** An agency, its units, the unit that resolves its procedures by default and the exceptions by procedure. */
    public record Agency(String code, Text name, List<Unit> units, String processingUnit, Map<String, String> processingUnits) {
        public Optional<Unit> unit(String code) { return units.stream().filter(u -> u.code().equals(code)).findFirst(); }

        public Unit oneStop() {
            return units.stream().filter(Unit::oneStop).findFirst()
                    .orElseThrow(() -> new IllegalStateException("agency " + this.code + " has no one-stop unit"));
        }

        /** The unit that resolves {@code procedureCode}. */
        public String processingUnitFor(String procedureCode) { return processingUnits.getOrDefault(procedureCode, processingUnit); }
    }

    private final Map<String, Agency> agencies;
    private final Map<Post, Text> posts;
    private final Citation basis;

    private final Citation unitsBasis;

    private Organisation(Map<String, Agency> agencies, Map<Post, Text> posts, Citation basis, Citation unitsBasis) {
        this.agencies = agencies;
        this.posts = posts;
        this.basis = basis;
        this.unitsBasis = unitsBasis;
    }

    private static final Organisation STANDARD = read();

    public static Organisation standard() { return STANDARD; }

    private static Organisation read() {
        Map<String, Object> root = Json.obj(Json.resource("/rules/organisation.json"));
        Map<Post, Text> posts = new java.util.EnumMap<>(Post.class);
        Json.obj(root.get("posts")).forEach((k, v) -> posts.put(Post.valueOf(k), Json.text(Json.obj(v), "label")));
        for (Post p : Post.values()) if (!posts.containsKey(p)) throw new IllegalStateException("organisation data has no label for post " + p);
        Map<String, Agency> agencies = new LinkedHashMap<>();
        Json.obj(root.get("agencies")).forEach((code, v) -> {
            Map<String, Object> a = Json.obj(v);
            List<Unit> units = Json.list(a.get("units")).stream().map(Json::obj)
                    .map(u -> new Unit(Json.str(u, "code"), Json.str(u, "kind"), Json.text(u, "name"))).toList();
            Map<String, String> byProcedure = new LinkedHashMap<>();
            if (a.get("processingUnits") != null) Json.obj(a.get("processingUnits")).forEach((p, u) -> byProcedure.put(p, u.toString()));
            Agency agency = new Agency(code, Json.text(a, "name"), units, Json.str(a, "processingUnit"), Map.copyOf(byProcedure));
            agency.oneStop();
            for (String u : new java.util.HashSet<String>() {{ add(agency.processingUnit()); addAll(byProcedure.values()); }}) {
                if (agency.unit(u).filter(x -> !x.oneStop()).isEmpty()) {
                    throw new IllegalStateException("agency " + code + " resolves procedures in unit " + u + ", which is not one of its specialist units");
                }
            }
            agencies.put(code, agency);
        });
        return new Organisation(java.util.Collections.unmodifiableMap(agencies), posts,
                root.get("basis") == null ? null : Citation.of(Json.obj(root.get("basis"))),
                root.get("unitsBasis") == null ? null : Citation.of(Json.obj(root.get("unitsBasis"))));
    }

    public Map<String, Agency> agencies() { return agencies; }

    public Optional<Agency> agency(String code) { return Optional.ofNullable(code == null ? null : agencies.get(code)); }

    public Text label(Post post) { return posts.get(post); }

    public Citation basis() { return basis; }

    /** What sets the Ministry's agencies (the decree on its organisational structure), as far as it was read. */
    public Citation unitsBasis() { return unitsBasis; }

    /** Whether {@code unit} is a unit of {@code agency}. */
    public boolean hasUnit(String agency, String unit) {
        return agency(agency).flatMap(a -> a.unit(unit)).isPresent();
    }
}
