package vn.gov.bvhttdl.dvc.notify;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.NotificationRules;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The moves the applicant is told of are named twice: in {@code rules/notifications.json} (what
 * {@code NotifyApplicant} sends) and in the stream filter of {@code StatusNotifyFunction} in template.yaml (which
 * audit entries reach the function at all, on AWS and offline alike). A move in the rules but not in the filter is
 * never sent; a move in the filter but not in the rules costs an invocation that sends nothing. This test fails when
 * the two lists differ, naming the moves missing on each side.
 */
class NotifyFilterTest {
    static final String FUNCTION = "StatusNotifyFunction";

    @Test
    void theTemplateFilterNamesExactlyTheMovesTheRulesNotify() {
        Template template = Template.read(Emulators.repoRoot().resolve("template.yaml"));
        Set<String> filtered = filteredActions(template);
        Set<String> notified = new TreeSet<>(NotificationRules.standard().events().keySet());
        assertTrue(notified.size() >= 5, "rules/notifications.json is read: " + notified);
        assertEquals(List.of(), differences(notified, filtered));
    }

    /** The comparison itself reports each side's missing moves by name (so an empty answer above means something). */
    @Test
    void aDifferenceIsReportedByMoveName() {
        List<String> d = differences(new TreeSet<>(Set.of("receive", "refuse", "extend")),
                new TreeSet<>(Set.of("receive", "approve")));
        assertEquals(List.of(
                "moves rules/notifications.json notifies but template.yaml's " + FUNCTION + " filter drops (never sent): [extend, refuse]",
                "moves template.yaml's " + FUNCTION + " filter passes but rules/notifications.json does not notify (wasted invocations): [approve]"), d);
    }

    /** A filter that does not list the actions by name (a prefix, or no action at all) is refused, not read as empty. */
    @Test
    void aFilterWithoutNamedActionsIsRefused() {
        assertThrows(IllegalStateException.class, () -> actionsOf(
                "{\"dynamodb\": {\"NewImage\": {\"action\": {\"S\": [{\"prefix\": \"re\"}]}}}}"));
        assertThrows(IllegalStateException.class, () -> actionsOf("{\"eventName\": [\"INSERT\"]}"));
        assertEquals(Set.of("receive", "refuse"), actionsOf(
                "{\"dynamodb\": {\"NewImage\": {\"action\": {\"S\": [\"refuse\", \"receive\"]}}}}"));
    }

    static Set<String> filteredActions(Template template) {
        Template.Function f = template.functions().stream().filter(x -> x.logicalId().equals(FUNCTION)).findFirst()
                .orElseThrow(() -> new AssertionError("template.yaml has no " + FUNCTION));
        assertEquals(1, f.streams().size(), FUNCTION + " reads one stream: " + f.streams());
        List<String> patterns = f.streams().get(0).filterPatterns();
        assertEquals(1, patterns.size(), FUNCTION + "'s stream has one filter pattern: " + patterns);
        return actionsOf(patterns.get(0));
    }

    /** The audit actions a filter pattern passes: {@code dynamodb.NewImage.action.S}, each named exactly. */
    static Set<String> actionsOf(String pattern) {
        Map<String, Object> p = Json.obj(Json.parse(pattern));
        Object values = p;
        for (String k : List.of("dynamodb", "NewImage", "action", "S")) {
            values = values instanceof Map<?, ?> m ? m.get(k) : null;
        }
        if (!(values instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalStateException("the filter names no audit action (dynamodb.NewImage.action.S): " + pattern);
        }
        Set<String> out = new TreeSet<>();
        for (Object v : list) {
            if (!(v instanceof String s)) throw new IllegalStateException("the filter must name each action, not " + v);
            out.add(s);
        }
        return out;
    }

    static List<String> differences(Set<String> notified, Set<String> filtered) {
        List<String> out = new ArrayList<>();
        Set<String> dropped = new TreeSet<>(notified);
        dropped.removeAll(filtered);
        Set<String> wasted = new TreeSet<>(filtered);
        wasted.removeAll(notified);
        if (!dropped.isEmpty()) out.add("moves rules/notifications.json notifies but template.yaml's " + FUNCTION
                + " filter drops (never sent): " + dropped);
        if (!wasted.isEmpty()) out.add("moves template.yaml's " + FUNCTION
                + " filter passes but rules/notifications.json does not notify (wasted invocations): " + wasted);
        return out;
    }
}
