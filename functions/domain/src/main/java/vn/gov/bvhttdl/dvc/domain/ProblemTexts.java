package vn.gov.bvhttdl.dvc.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of the common problems, as data ({@code rules/problems.json}): each slug once, with its kind (or, for what
 * is never raised, its HTTP status) and its Vietnamese and English texts with {@code {name}} placeholders. Raised as
 * {@link DomainException#of}; the HTTP layer reads the texts it writes itself (an unknown address, an unexpected
 * failure) from here too.
 */
public final class ProblemTexts {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final ProblemTexts STANDARD = read();

    /** One problem: {@code kind} null for those answered only with {@code status}. */
    public record Entry(String slug, DomainException.Kind kind, int status, String vi, String en) {
        /** The texts with {@code args} (name, value, …) put in their places; a value is clipped, a missing one left empty. */
        public Text text(Object... args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) values.put(String.valueOf(args[i]), Limits.clip(String.valueOf(args[i + 1])));
            return new Text(fill(vi, values), fill(en, values));
        }

        private String fill(String s, Map<String, String> values) {
            Matcher m = PLACEHOLDER.matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String v = values.get(m.group(1));
                if (v == null) throw new IllegalArgumentException("problem " + slug + " needs {" + m.group(1) + "}");
                m.appendReplacement(out, Matcher.quoteReplacement(v));
            }
            return m.appendTail(out).toString();
        }
    }

    private final Map<String, Entry> entries;

    private ProblemTexts(Map<String, Entry> entries) { this.entries = entries; }

    public static ProblemTexts standard() { return STANDARD; }

    /**
     * The problem {@code slug}, or a wording of one ({@code dossier-not-found.code-and-key}, whose {@link Entry#slug} is
     * {@code dossier-not-found}).
     * @throws IllegalArgumentException for a key the data does not hold (a programming mistake)
     */
    public Entry entry(String slug) {
        Entry e = entries.get(slug);
        if (e == null) throw new IllegalArgumentException("rules/problems.json has no problem " + slug);
        return e;
    }

    public Map<String, Entry> entries() { return entries; }

    private static ProblemTexts read() {
        Map<String, Object> root = Json.obj(Json.resource("/rules/problems.json"));
        Map<String, Entry> out = new LinkedHashMap<>();
        Json.obj(root.get("problems")).forEach((slug, v) -> {
            Map<String, Object> m = Json.obj(v);
            DomainException.Kind kind = m.get("kind") == null ? null : DomainException.Kind.valueOf(String.valueOf(m.get("kind")));
            int status = kind != null ? kind.status() : ((Number) m.get("status")).intValue();
            String vi = Json.str(m, "vi"), en = Json.str(m, "en");
            if (vi == null || en == null) throw new IllegalStateException("rules/problems.json: " + slug + " needs vi and en");
            out.put(slug, new Entry(m.get("slug") == null ? slug : String.valueOf(m.get("slug")), kind, status, vi, en));
        });
        return new ProblemTexts(Map.copyOf(out));
    }
}
