package vn.gov.bvhttdl.dvc.local.runner;

import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Template;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CloudWatch dashboards of template.yaml drawn from the offline metrics ({@link MetricStore}): each
 * {@code AWS::CloudWatch::Dashboard}'s {@code DashboardBody} with its {@code Fn::Sub} names resolved to the local
 * names (functions, tables and queues keep their logical ids offline, {@link Template#localName}), then each metric
 * widget's lines computed as CloudWatch would: the same metrics, statistic and period (a line's own {@code stat},
 * {@code period} over the widget's), the dashboard's time range ({@code start}); {@code SEARCH('{Namespace,Dims}
 * MetricName="X"', 'Stat', period)} as one line per dimension values found; arithmetic over other lines' ids
 * ({@code + - * /}, parentheses, numbers), a missing operand counting 0 where another has a point (counts), a division
 * by 0 leaving no point. Any other metric math is named as not drawn offline, never guessed.
 */
final class Dashboards {
    private Dashboards() {}

    /** One dashboard of the template, resolved: its logical id, name, start (e.g. {@code -PT12H}) and widgets. */
    record Dashboard(String logicalId, String name, String start, List<Map<String, Object>> widgets) {}

    private static final Pattern SUB = Pattern.compile("\\$\\{([^}]+)}");

    /** {@code ${X}}, {@code ${X.Attr}} → X's local name; {@code ${AWS::Region}}, {@code ${AWS::StackName}} → the local ones; {@code ${!x}} → {@code ${x}}. */
    static String resolve(String body, Template t, String region, String stack) {
        Matcher m = SUB.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            String value;
            if (ref.startsWith("!")) value = "${" + ref.substring(1) + "}";
            else if (ref.equals("AWS::Region")) value = region;
            else if (ref.equals("AWS::StackName")) value = stack;
            else if (ref.startsWith("AWS::")) value = ref.substring(5);
            else {
                String id = ref.contains(".") ? ref.substring(0, ref.indexOf('.')) : ref;
                String type = t.typeOf(id);
                value = type == null ? id : Template.localName(id, type);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String text(Object v, Template t, String region, String stack) {
        if (v instanceof String s) return s;
        if (v instanceof Map<?, ?> m && m.get("Fn::Sub") instanceof String s) return resolve(s, t, region, stack);
        throw new IllegalStateException("a dashboard's name or body is neither a string nor an Fn::Sub string: " + v);
    }

    /** The template's dashboards, resolved, in the template's order. */
    static List<Dashboard> read(Template t, String region, String stack) {
        List<Dashboard> out = new ArrayList<>();
        t.resources("AWS::CloudWatch::Dashboard").forEach((id, p) -> {
            Map<String, Object> body = Json.obj(Json.parse(text(p.get("DashboardBody"), t, region, stack)));
            String name = p.get("DashboardName") == null ? id : text(p.get("DashboardName"), t, region, stack);
            List<Map<String, Object>> widgets = new ArrayList<>();
            for (Object w : (List<?>) body.getOrDefault("widgets", List.of())) widgets.add(Json.obj(w));
            out.add(new Dashboard(id, name, (String) body.getOrDefault("start", "-PT3H"), widgets));
        });
        return out;
    }

    /** What {@code /dev/dashboard/data} answers: each dashboard with each widget and its computed lines. */
    static Map<String, Object> data(List<Dashboard> dashboards, List<MetricStore.Point> points, long now) {
        List<Object> out = new ArrayList<>();
        for (Dashboard d : dashboards) {
            long from = now - Duration.parse(d.start().replaceFirst("^-", "")).toMillis();
            List<Object> widgets = new ArrayList<>();
            for (Map<String, Object> w : d.widgets()) widgets.add(widget(w, points, from, now));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.logicalId());
            m.put("name", d.name());
            m.put("start", d.start());
            m.put("from", from);
            m.put("to", now);
            m.put("widgets", widgets);
            out.add(m);
        }
        return Map.of("dashboards", out, "generatedAt", now);
    }

    /** One computed line: label, id, whether it is drawn, its points (time, value) oldest first, or why it is not drawn. */
    record Line(String id, String label, boolean visible, TreeMap<Long, Double> points, String error) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("label", label);
            List<Object> pts = new ArrayList<>();
            points.forEach((t, v) -> pts.add(List.of(t, v)));
            m.put("points", pts);
            if (error != null) m.put("error", error);
            return m;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> widget(Map<String, Object> w, List<MetricStore.Point> all, long from, long to) {
        // the points of the metrics this widget names only (a metric line's "Name" or a SEARCH's MetricName=\"Name\"),
        // decided once per metric, not every point for every line
        Object ps = w.get("properties") instanceof Map<?, ?> pm ? pm.get("metrics") : null;
        String text = ps == null ? "" : Json.write(ps);
        Map<String, Boolean> named = new HashMap<>();
        List<MetricStore.Point> points = new ArrayList<>();
        for (MetricStore.Point p : all) {
            if (named.computeIfAbsent(p.name(), n -> text.contains("\"" + n + "\"") || text.contains("\\\"" + n + "\\\""))) points.add(p);
        }
        Map<String, Object> props = w.get("properties") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", w.get("type"));
        for (String k : List.of("x", "y", "width", "height")) out.put(k, w.get(k));
        out.put("title", props.get("title"));
        if ("text".equals(w.get("type"))) {
            out.put("markdown", props.get("markdown"));
            return out;
        }
        if ("alarm".equals(w.get("type"))) {
            out.put("alarms", props.getOrDefault("alarms", List.of()));
            return out;
        }
        String view = (String) props.getOrDefault("view", "timeSeries");
        String stat = (String) props.getOrDefault("stat", "Average");
        int period = props.get("period") instanceof Number n ? n.intValue() : 300;
        boolean wholeRange = Boolean.TRUE.equals(props.get("setPeriodToTimeRange")) || "singleValue".equals(view) && period * 1000L >= to - from;
        out.put("view", view);
        out.put("stat", stat);
        out.put("period", period);
        Map<String, Line> byId = new LinkedHashMap<>();
        List<Object> metrics = (List<Object>) props.getOrDefault("metrics", List.of());
        // each line's slot in the widget's order (a SEARCH fills its slot with a line per dimension values)
        List<List<Line>> slots = new ArrayList<>(java.util.Collections.nCopies(metrics.size(), List.<Line>of()));
        Map<Integer, Map<String, Object>> expressions = new LinkedHashMap<>();
        for (int i = 0; i < metrics.size(); i++) {
            List<Object> line = (List<Object>) metrics.get(i);
            Map<String, Object> opts = !line.isEmpty() && line.getLast() instanceof Map<?, ?> o ? (Map<String, Object>) o : Map.of();
            if (opts.get("expression") != null) {
                expressions.put(i, opts);
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (Object o : line) if (o instanceof String s) parts.add(s);
            Map<String, String> dims = new LinkedHashMap<>();
            for (int k = 2; k + 1 < parts.size(); k += 2) dims.put(parts.get(k), parts.get(k + 1));
            String lineStat = (String) opts.getOrDefault("stat", stat);
            int linePeriod = opts.get("period") instanceof Number n ? n.intValue() : period;
            String id = (String) opts.getOrDefault("id", "m" + (i + 1));
            String label = (String) opts.getOrDefault("label", parts.get(1));
            TreeMap<Long, Double> pts = series(points, parts.get(0), parts.get(1), dims, lineStat, linePeriod, from, to, wholeRange);
            Line l = new Line(id, label, !Boolean.FALSE.equals(opts.get("visible")), pts, null);
            byId.put(id, l);
            slots.set(i, List.of(l));
        }
        for (var entry : expressions.entrySet()) {
            Map<String, Object> e = entry.getValue();
            int slot = entry.getKey();
            String expr = (String) e.get("expression");
            String id = (String) e.getOrDefault("id", "e" + (slot + 1));
            String label = (String) e.getOrDefault("label", "");
            boolean visible = !Boolean.FALSE.equals(e.get("visible"));
            Matcher s = SEARCH.matcher(expr);
            if (s.matches()) {
                List<Line> found = search(points, s, label, id, from, to, wholeRange);
                slots.set(slot, visible ? found : found.stream().map(l -> new Line(l.id(), l.label(), false, l.points(), null)).toList());
                continue;
            }
            try {
                Line l = new Line(id, label.isEmpty() ? expr : label, visible, new Expression(expr, byId).evaluate(), null);
                byId.put(id, l);
                slots.set(slot, List.of(l));
            } catch (IllegalArgumentException unsupported) {
                slots.set(slot, List.of(new Line(id, label.isEmpty() ? expr : label, visible, new TreeMap<>(), "not drawn offline: " + unsupported.getMessage())));
            }
        }
        out.put("lines", slots.stream().flatMap(List::stream).filter(Line::visible).map(Line::json).toList());
        return out;
    }

    /** {@code SEARCH('{Namespace,Dim1,…} MetricName="Name"', 'Stat', period)}. */
    static final Pattern SEARCH = Pattern.compile(
            "\\s*SEARCH\\(\\s*'\\{([^,}]+)((?:,[^,}]+)*)}\\s+MetricName=\"([^\"]+)\"'\\s*,\\s*'([^']+)'\\s*,\\s*(\\d+)\\s*\\)\\s*");

    private static List<Line> search(List<MetricStore.Point> points, Matcher s, String label, String id, long from, long to, boolean wholeRange) {
        String ns = s.group(1).strip(), name = s.group(3), stat = s.group(4);
        int period = Integer.parseInt(s.group(5));
        java.util.Set<String> dimNames = new java.util.TreeSet<>();
        for (String d : s.group(2).split(",")) if (!d.isBlank()) dimNames.add(d.strip());
        // every metric with exactly these dimensions, as CloudWatch's SEARCH schema {Namespace,Dims} finds them
        java.util.Set<Map<String, String>> found = new java.util.LinkedHashSet<>();
        for (MetricStore.Point p : points) {
            if (p.namespace().equals(ns) && p.name().equals(name) && p.dimensions().keySet().equals(dimNames)) found.add(p.dimensions());
        }
        List<Line> out = new ArrayList<>();
        int n = 0;
        for (Map<String, String> dims : found) {
            String l = String.join(" ", new TreeMap<>(dims).values());
            out.add(new Line(id + "_" + (++n), label.isEmpty() ? l : label + " " + l, true,
                    series(points, ns, name, dims, stat, period, from, to, wholeRange), null));
        }
        return out;
    }

    /** The points of one metric (exactly these dimensions) in [from, to], by period, reduced by {@code stat}. */
    static TreeMap<Long, Double> series(List<MetricStore.Point> points, String ns, String name, Map<String, String> dims,
                                        String stat, int periodSeconds, long from, long to, boolean wholeRange) {
        long period = Math.max(1, periodSeconds) * 1000L;
        Map<Long, List<Double>> buckets = new TreeMap<>();
        for (MetricStore.Point p : points) {
            if (p.at() < from || p.at() > to || !p.namespace().equals(ns) || !p.name().equals(name) || !p.dimensions().equals(dims)) continue;
            long bucket = wholeRange ? from : Math.floorDiv(p.at(), period) * period;
            buckets.computeIfAbsent(bucket, b -> new ArrayList<>()).add(p.value());
        }
        TreeMap<Long, Double> out = new TreeMap<>();
        buckets.forEach((b, vs) -> out.put(b, reduce(stat, vs)));
        return out;
    }

    static double reduce(String stat, List<Double> vs) {
        return switch (stat) {
            case "Sum" -> vs.stream().mapToDouble(Double::doubleValue).sum();
            case "Average" -> vs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            case "Minimum" -> vs.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            case "Maximum" -> vs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            case "SampleCount" -> vs.size();
            default -> {
                if (!stat.matches("p\\d+(\\.\\d+)?")) throw new IllegalArgumentException("statistic " + stat);
                double q = Double.parseDouble(stat.substring(1)) / 100;
                List<Double> sorted = vs.stream().sorted().toList();
                // nearest rank
                int rank = (int) Math.ceil(q * sorted.size());
                yield sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
            }
        };
    }

    /** Arithmetic metric math over the ids of other lines: {@code + - * /}, parentheses, numbers. */
    static final class Expression {
        private final String src;
        private final Map<String, Line> ids;
        private int pos;

        Expression(String src, Map<String, Line> ids) {
            this.src = src;
            this.ids = ids;
        }

        /** A value per time: a constant, or a series. */
        private record Value(Double constant, TreeMap<Long, Double> series) {}

        TreeMap<Long, Double> evaluate() {
            Value v = sum();
            skip();
            if (pos != src.length()) throw new IllegalArgumentException(src + " (at " + pos + ")");
            if (v.series() == null) throw new IllegalArgumentException(src + " (a constant)");
            return v.series();
        }

        private void skip() { while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++; }

        private Value sum() {
            Value v = product();
            for (skip(); pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-'); skip()) {
                char op = src.charAt(pos++);
                v = combine(v, product(), op);
            }
            return v;
        }

        private Value product() {
            Value v = atom();
            for (skip(); pos < src.length() && (src.charAt(pos) == '*' || src.charAt(pos) == '/'); skip()) {
                char op = src.charAt(pos++);
                v = combine(v, atom(), op);
            }
            return v;
        }

        private Value atom() {
            skip();
            if (pos >= src.length()) throw new IllegalArgumentException(src + " (ends early)");
            char c = src.charAt(pos);
            if (c == '(') {
                pos++;
                Value v = sum();
                skip();
                if (pos >= src.length() || src.charAt(pos) != ')') throw new IllegalArgumentException(src + " (a parenthesis)");
                pos++;
                return v;
            }
            int start = pos;
            if (Character.isDigit(c) || c == '.') {
                while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) pos++;
                return new Value(Double.parseDouble(src.substring(start, pos)), null);
            }
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
            String id = src.substring(start, pos);
            skip();
            if (id.isEmpty() || pos < src.length() && src.charAt(pos) == '(') throw new IllegalArgumentException(src + " (function " + id + ")");
            Line l = ids.get(id);
            if (l == null) throw new IllegalArgumentException(src + " (no line " + id + ")");
            return new Value(null, l.points());
        }

        private static Value combine(Value a, Value b, char op) {
            if (a.series() == null && b.series() == null) return new Value(apply(a.constant(), b.constant(), op), null);
            java.util.TreeSet<Long> times = new java.util.TreeSet<>();
            if (a.series() != null) times.addAll(a.series().keySet());
            if (b.series() != null) times.addAll(b.series().keySet());
            TreeMap<Long, Double> out = new TreeMap<>();
            for (long t : times) {
                double x = a.series() == null ? a.constant() : a.series().getOrDefault(t, 0.0);
                double y = b.series() == null ? b.constant() : b.series().getOrDefault(t, 0.0);
                Double r = apply(x, y, op);
                if (r != null) out.put(t, r);
            }
            return new Value(null, out);
        }

        private static Double apply(double x, double y, char op) {
            return switch (op) {
                case '+' -> x + y;
                case '-' -> x - y;
                case '*' -> x * y;
                default -> y == 0 ? null : x / y;
            };
        }
    }

    /** The metric lines of every widget of {@code dashboards} that name {@code name} of {@code namespace}: their dimension maps. */
    @SuppressWarnings("unchecked")
    static List<Map<String, String>> named(List<Dashboard> dashboards, String namespace, String name) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Dashboard d : dashboards) {
            for (Map<String, Object> w : d.widgets()) {
                Map<String, Object> props = w.get("properties") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
                for (Object o : (List<Object>) props.getOrDefault("metrics", List.of())) {
                    List<String> parts = new ArrayList<>();
                    for (Object x : (List<Object>) o) if (x instanceof String s) parts.add(s);
                    if (parts.size() >= 2 && parts.get(0).equals(namespace) && parts.get(1).equals(name)) {
                        Map<String, String> dims = new HashMap<>();
                        for (int k = 2; k + 1 < parts.size(); k += 2) dims.put(parts.get(k), parts.get(k + 1));
                        out.add(dims);
                    }
                }
            }
        }
        return out;
    }
}
