package vn.gov.bvhttdl.dvc.adapters;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One document of CloudWatch Embedded Metric Format (EMF), written as one JSON line — the one EMF writer of the
 * project ({@link EmfServiceMetrics}' business counts, {@code lambda-support}'s {@code ColdStart}).
 *
 * <p>It follows AWS's published specification ("Specification: Embedded metric format", CloudWatch User Guide, with
 * its JSON schema): the root object holds {@code _aws} with {@code Timestamp} (milliseconds since the epoch) and
 * {@code CloudWatchMetrics}, one MetricDirective with {@code Namespace} (1–255 characters), {@code Dimensions} (at
 * least one DimensionSet, each at most 9 keys — the schema's limit; the current page allows 30 — each key 1–255
 * characters and a root member with a string value) and {@code Metrics} (at most 100 MetricDefinitions, each a
 * {@code Name} of 1–255 characters and a {@code Unit} among CloudWatch's units); every metric's value is a numeric root
 * member. A document that would break the specification is refused ({@link IllegalArgumentException}) rather than
 * written: CloudWatch would drop it silently.
 *
 * <p>Why by hand and not through Powertools metrics or the EMF library: their serialisation creates a Jackson
 * {@code ObjectMapper} and introspects the EMF model's classes on the first count, about 1,100 classes and
 * 0.5–1.5 s on one C1 CPU in a fresh JVM; this is a {@link StringBuilder} (docs/adr/0011-emf-written-by-hand.md).
 */
public final class Emf {

    /** The units a MetricDefinition may name (the specification's schema: CloudWatch's {@code StandardUnit}). */
    static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes",
            "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count",
            "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second",
            "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None");

    /** A metric of the document: its name, unit and value. */
    public record Metric(String name, String unit, long value) {}

    private Emf() {}

    /**
     * The document for {@code metrics} in {@code namespace} at {@code epochMillis}, published with each of
     * {@code dimensionSets} (an empty set: the metric without dimensions); {@code dimensions} holds the value of every
     * key the sets name (and may hold none other).
     */
    public static String line(String namespace, long epochMillis, List<List<String>> dimensionSets,
                              Map<String, String> dimensions, List<Metric> metrics) {
        name("namespace", namespace);
        if (dimensionSets.isEmpty()) throw new IllegalArgumentException("a directive needs at least one dimension set");
        if (metrics.isEmpty() || metrics.size() > 100) throw new IllegalArgumentException("1 to 100 metrics, not " + metrics.size());
        for (List<String> set : dimensionSets) {
            if (set.size() > 9) throw new IllegalArgumentException("a dimension set has at most 9 keys: " + set);
            for (String key : set) {
                name("dimension", key);
                String v = dimensions.get(key);
                if (v == null || v.isBlank() || v.length() > 1024) {
                    throw new IllegalArgumentException("dimension " + key + " needs a value of 1 to 1024 characters");
                }
            }
        }
        for (String key : dimensions.keySet()) {
            boolean used = false;
            for (List<String> set : dimensionSets) used |= set.contains(key);
            if (!used) throw new IllegalArgumentException("dimension " + key + " is in no dimension set");
        }
        for (int i = 0; i < metrics.size(); i++) {
            Metric m = metrics.get(i);
            name("metric", m.name());
            if (!UNITS.contains(m.unit())) throw new IllegalArgumentException("unknown unit " + m.unit());
            if (m.name().equals("_aws") || dimensions.containsKey(m.name())) {
                throw new IllegalArgumentException("metric " + m.name() + " clashes with another member");
            }
            for (int j = 0; j < i; j++) {
                if (metrics.get(j).name().equals(m.name())) throw new IllegalArgumentException("metric " + m.name() + " twice");
            }
        }

        StringBuilder b = new StringBuilder(256);
        b.append("{\"_aws\":{\"Timestamp\":").append(epochMillis).append(",\"CloudWatchMetrics\":[{\"Namespace\":");
        string(b, namespace);
        b.append(",\"Dimensions\":[");
        for (int i = 0; i < dimensionSets.size(); i++) {
            if (i > 0) b.append(',');
            b.append('[');
            List<String> set = dimensionSets.get(i);
            for (int j = 0; j < set.size(); j++) {
                if (j > 0) b.append(',');
                string(b, set.get(j));
            }
            b.append(']');
        }
        b.append("],\"Metrics\":[");
        for (int i = 0; i < metrics.size(); i++) {
            if (i > 0) b.append(',');
            b.append("{\"Name\":");
            string(b, metrics.get(i).name());
            b.append(",\"Unit\":");
            string(b, metrics.get(i).unit());
            b.append('}');
        }
        b.append("]}]}");
        for (Map.Entry<String, String> d : dimensions.entrySet()) {
            b.append(',');
            string(b, d.getKey());
            b.append(':');
            string(b, d.getValue());
        }
        for (Metric m : metrics) {
            b.append(',');
            string(b, m.name());
            b.append(':').append(m.value());
        }
        return b.append('}').toString();
    }

    private static void name(String what, String s) {
        if (s == null || s.isEmpty() || s.length() > 255) throw new IllegalArgumentException(what + " name needs 1 to 255 characters: " + s);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** {@code s} as a JSON string (RFC 8259: the quotation mark, the reverse solidus and the control characters escaped). */
    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            else b.append(c);
        }
        b.append('"');
    }
}
