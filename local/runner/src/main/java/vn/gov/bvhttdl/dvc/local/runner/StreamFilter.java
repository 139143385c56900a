package vn.gov.bvhttdl.dvc.local.runner;

import vn.gov.bvhttdl.dvc.domain.Json;

import java.util.List;
import java.util.Map;

/**
 * The filter criteria of a Lambda event source mapping (EventBridge pattern syntax), as far as this project uses
 * them: nested objects, lists of exact values, {@code {"prefix": …}}, {@code {"exists": true|false}} and
 * {@code {"anything-but": [...]}}. A record matches when any pattern matches; no pattern matches everything.
 */
final class StreamFilter {
    private final List<Map<String, Object>> patterns;

    StreamFilter(List<String> patterns) {
        this.patterns = patterns.stream().map(p -> Json.obj(Json.parse(p))).toList();
    }

    boolean matches(Map<String, Object> record) {
        if (patterns.isEmpty()) return true;
        for (Map<String, Object> p : patterns) if (matches(p, record)) return true;
        return false;
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Map<String, Object> pattern, Object value) {
        Map<String, Object> v = value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        for (Map.Entry<String, Object> e : pattern.entrySet()) {
            Object actual = v.get(e.getKey());
            if (e.getValue() instanceof Map<?, ?> nested) {
                if (!matches((Map<String, Object>) nested, actual)) return false;
            } else if (e.getValue() instanceof List<?> alternatives) {
                if (alternatives.stream().noneMatch(a -> test(a, actual))) return false;
            } else {
                throw new IllegalStateException("filter pattern values must be lists or objects: " + e);
            }
        }
        return true;
    }

    private static boolean test(Object rule, Object actual) {
        if (rule instanceof Map<?, ?> m) {
            if (m.containsKey("prefix")) return actual instanceof String s && s.startsWith(String.valueOf(m.get("prefix")));
            if (m.containsKey("exists")) return Boolean.TRUE.equals(m.get("exists")) == (actual != null);
            if (m.containsKey("anything-but")) {
                Object but = m.get("anything-but");
                List<?> no = but instanceof List<?> l ? l : List.of(but);
                return actual != null && no.stream().noneMatch(x -> String.valueOf(x).equals(String.valueOf(actual)));
            }
            throw new IllegalStateException("unsupported filter rule " + m);
        }
        return actual != null && String.valueOf(rule).equals(String.valueOf(actual));
    }
}
