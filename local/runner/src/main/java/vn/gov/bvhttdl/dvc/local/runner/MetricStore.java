package vn.gov.bvhttdl.dvc.local.runner;

import vn.gov.bvhttdl.dvc.domain.Json;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of the offline stack, in memory and bounded (the oldest points go first): what the functions printed in
 * CloudWatch Embedded Metric Format (read as CloudWatch reads it: one metric per dimension set of each directive), and
 * what the runner itself knows of each invocation (AWS/Lambda {@code Invocations}, {@code Errors}, {@code Duration},
 * {@code Throttles}: never throttled offline). What {@code /dev/dashboard} draws.
 */
final class MetricStore {
    /** One data point of one metric (namespace, name, dimensions), at a time in epoch milliseconds. */
    record Point(String namespace, String name, Map<String, String> dimensions, long at, double value) {}

    /** The most points kept. */
    static final int CAPACITY = 200_000;

    private final ArrayDeque<Point> points = new ArrayDeque<>();
    private final int capacity;
    private long emfLines;
    private long unreadable;

    MetricStore() { this(CAPACITY); }

    MetricStore(int capacity) { this.capacity = capacity; }

    synchronized void add(Point p) {
        if (points.size() >= capacity) points.removeFirst();
        points.addLast(p);
    }

    synchronized List<Point> points() { return new ArrayList<>(points); }

    synchronized Map<String, Long> counters() { return Map.of("points", (long) points.size(), "emfLines", emfLines, "unreadable", unreadable); }

    /** Whether {@code line} is (meant to be) an EMF document: a JSON object with its {@code _aws} metadata first or anywhere. */
    static boolean looksLikeEmf(String line) {
        String s = line.strip();
        return s.startsWith("{") && s.contains("\"_aws\"") && s.contains("\"CloudWatchMetrics\"");
    }

    /**
     * Reads one EMF line: for each directive of {@code _aws.CloudWatchMetrics}, each of its dimension sets and each
     * metric, one point (or one per value of an array) with the dimension values the line carries. Returns how many
     * points it added; a line that is not EMF adds none.
     */
    int acceptEmf(String line) {
        Object parsed;
        try {
            parsed = Json.parse(line.strip());
        } catch (RuntimeException e) {
            synchronized (this) { unreadable++; }
            return 0;
        }
        if (!(parsed instanceof Map<?, ?> doc) || !(doc.get("_aws") instanceof Map<?, ?> aws)
                || !(aws.get("CloudWatchMetrics") instanceof List<?> directives)) {
            synchronized (this) { unreadable++; }
            return 0;
        }
        long at = aws.get("Timestamp") instanceof Number n ? n.longValue() : System.currentTimeMillis();
        List<Point> out = new ArrayList<>();
        for (Object d : directives) {
            if (!(d instanceof Map<?, ?> directive)) continue;
            String ns = String.valueOf(directive.get("Namespace"));
            List<?> sets = directive.get("Dimensions") instanceof List<?> l ? l : List.of(List.of());
            List<?> metrics = directive.get("Metrics") instanceof List<?> l ? l : List.of();
            for (Object set : sets) {
                if (!(set instanceof List<?> names)) continue;
                Map<String, String> dims = new LinkedHashMap<>();
                boolean complete = true;
                for (Object dn : names) {
                    Object v = doc.get(String.valueOf(dn));
                    if (v == null) complete = false;
                    else dims.put(String.valueOf(dn), String.valueOf(v));
                }
                if (!complete) continue; // CloudWatch drops a dimension set whose value is missing
                for (Object m : metrics) {
                    if (!(m instanceof Map<?, ?> metric)) continue;
                    String name = String.valueOf(metric.get("Name"));
                    Object v = doc.get(name);
                    List<?> values = v instanceof List<?> l ? l : v == null ? List.of() : List.of(v);
                    for (Object x : values) if (x instanceof Number num) out.add(new Point(ns, name, Map.copyOf(dims), at, num.doubleValue()));
                }
            }
        }
        synchronized (this) {
            emfLines++;
            out.forEach(this::add);
        }
        return out.size();
    }

    /** What the Lambda service publishes for one invocation of {@code function}. */
    void invocation(String function, long startedAt, double durationMs, boolean error) {
        Map<String, String> dims = Map.of("FunctionName", function);
        synchronized (this) {
            add(new Point("AWS/Lambda", "Invocations", dims, startedAt, 1));
            add(new Point("AWS/Lambda", "Errors", dims, startedAt, error ? 1 : 0));
            add(new Point("AWS/Lambda", "Duration", dims, startedAt, durationMs));
            add(new Point("AWS/Lambda", "Throttles", dims, startedAt, 0));
        }
    }
}
