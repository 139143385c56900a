package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The template's dashboard bodies resolved to local names, and their widgets computed from points. */
class DashboardsTest {
    static final Template TEMPLATE = Template.read(Emulators.repoRoot().resolve("template.yaml"));
    static final long NOW = 1_767_225_600_000L; // 2026-01-01T00:00:00Z, a whole day

    @Test
    void bothDashboardsAreReadWithEveryNameResolvedToItsLocalName() {
        List<Dashboards.Dashboard> ds = Dashboards.read(TEMPLATE, "ap-southeast-1", "dvc-local");
        assertEquals(List.of("OperationsDashboard", "ServiceDashboard"), ds.stream().map(Dashboards.Dashboard::logicalId).toList());
        assertEquals(List.of("dvc-local-operations", "dvc-local-service"), ds.stream().map(Dashboards.Dashboard::name).toList());
        for (Dashboards.Dashboard d : ds) {
            String body = Json.write(d.widgets());
            assertFalse(body.contains("${"), d.logicalId() + " keeps an unresolved name");
            assertTrue(d.widgets().size() > 5, d.logicalId());
        }
        // a function, a queue's QueueName and the region, as the runner names them
        assertTrue(Dashboards.named(ds, "AWS/Lambda", "Errors").contains(Map.of("FunctionName", "StatusCountsFunction")));
        assertTrue(Dashboards.named(ds, "AWS/SQS", "ApproximateNumberOfMessagesVisible").contains(Map.of("QueueName", "SubmissionDLQ")));
        assertTrue(Json.write(ds.getFirst().widgets()).contains("\"region\":\"ap-southeast-1\""));
        assertEquals("a ${literal} in ap, stack s, table DossierTable", Dashboards.resolve("a ${!literal} in ${AWS::Region}, stack ${AWS::StackName}, table ${DossierTable}", TEMPLATE, "ap", "s"));
    }

    private static MetricStore.Point svc(String name, Map<String, String> dims, long at) {
        return new MetricStore.Point("DVC/Service", name, dims, at, 1);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> widget) { return (List<Map<String, Object>>) widget.get("lines"); }

    private static double total(Map<String, Object> line) {
        double s = 0;
        for (Object p : (List<?>) line.get("points")) s += ((Number) ((List<?>) p).get(1)).doubleValue();
        return s;
    }

    @Test
    void metricsSearchesAndMathAreComputedByTheWidgetsStatAndPeriod() {
        long day = 86_400_000L;
        List<MetricStore.Point> pts = new ArrayList<>();
        // two days: day 1 three on time (two agencies) and one late; day 2 one late
        for (String agency : List.of("CDLQG", "CDLQG", "CVH")) {
            pts.add(svc("DecidedOnTime", Map.of(), NOW - 2 * day + 1000));
            pts.add(svc("DecidedOnTime", Map.of("Agency", agency), NOW - 2 * day + 1000));
        }
        pts.add(svc("DecidedLate", Map.of(), NOW - 2 * day + 5000));
        pts.add(svc("DecidedLate", Map.of("Agency", "CVH"), NOW - 2 * day + 5000));
        pts.add(svc("DecidedLate", Map.of(), NOW - day + 5000));
        pts.add(svc("DecidedLate", Map.of("Agency", "CVH"), NOW - day + 5000));

        Map<String, Object> share = Dashboards.widget(Json.obj(Json.parse("""
                {"type": "metric", "x": 0, "y": 0, "width": 12, "height": 6, "properties": {"title": "on time %", "view": "timeSeries",
                 "stat": "Sum", "period": 86400, "metrics": [[{"expression": "100 * m1 / (m1 + m2)", "label": "on time %", "id": "share"}],
                 ["DVC/Service", "DecidedOnTime", {"id": "m1", "visible": false}], ["DVC/Service", "DecidedLate", {"id": "m2", "visible": false}]]}}
                """)), pts, NOW - 30 * day, NOW);
        assertEquals(1, lines(share).size(), "the hidden operands are not drawn");
        List<?> points = (List<?>) lines(share).getFirst().get("points");
        assertEquals(List.of(List.of(NOW - 2 * day, 75.0), List.of(NOW - day, 0.0)), points, "per day: 3 of 4, then 0 of 1");

        Map<String, Object> search = Dashboards.widget(Json.obj(Json.parse("""
                {"type": "metric", "x": 0, "y": 0, "width": 12, "height": 6, "properties": {"title": "per agency", "view": "timeSeries", "period": 2592000,
                 "metrics": [[{"expression": "SEARCH('{DVC/Service,Agency} MetricName=\\"DecidedOnTime\\"', 'Sum', 2592000)", "id": "e1", "label": ""}]]}}
                """)), pts, NOW - 30 * day, NOW);
        Map<String, Double> perAgency = new java.util.TreeMap<>();
        for (Map<String, Object> l : lines(search)) perAgency.put((String) l.get("label"), total(l));
        assertEquals(Map.of("CDLQG", 2.0, "CVH", 1.0), perAgency, "one line per agency; the total (no dimension) is not among them");

        Map<String, Object> single = Dashboards.widget(Json.obj(Json.parse("""
                {"type": "metric", "x": 0, "y": 0, "width": 24, "height": 4, "properties": {"title": "30 days", "view": "singleValue", "stat": "Sum",
                 "period": 2592000, "setPeriodToTimeRange": true, "metrics": [["DVC/Service", "DecidedLate", {"label": "late"}],
                 ["DVC/Service", "DecidedLate", "Agency", "CVH", {"label": "late CVH", "stat": "SampleCount"}], ["DVC/Service", "Whatever", {"label": "none"}]]}}
                """)), pts, NOW - 30 * day, NOW);
        assertEquals(List.of(2.0, 2.0, 0.0), lines(single).stream().map(DashboardsTest::total).toList());

        Map<String, Object> unsupported = Dashboards.widget(Json.obj(Json.parse("""
                {"type": "metric", "x": 0, "y": 0, "width": 24, "height": 4, "properties": {"title": "fill", "stat": "Sum", "period": 300,
                 "metrics": [[{"expression": "FILL(m1, 0)", "id": "f"}], ["DVC/Service", "DecidedLate", {"id": "m1"}]]}}
                """)), pts, NOW - 30 * day, NOW);
        assertNotNull(lines(unsupported).getFirst().get("error"), "named as not drawn offline, never guessed");
    }

    @Test
    void percentilesAreNearestRank() {
        List<Double> ms = new ArrayList<>();
        for (int i = 1; i <= 100; i++) ms.add((double) i);
        assertEquals(50.0, Dashboards.reduce("p50", ms));
        assertEquals(99.0, Dashboards.reduce("p99", ms));
        assertEquals(100.0, Dashboards.reduce("Maximum", ms));
        assertEquals(50.5, Dashboards.reduce("Average", ms));
    }
}
