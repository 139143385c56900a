package vn.gov.bvhttdl.dvc.adapters;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.ServiceMetrics;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EMF lines the adapter writes: the namespace, the metric, exactly the dimension sets the dashboards name. */
class EmfServiceMetricsTest {

    private final List<String> lines = new ArrayList<>();
    private final EmfServiceMetrics metrics = EmfServiceMetrics.into(lines::add, () -> 1_767_225_600_000L);

    private static Map<String, Object> directive(String line) {
        return Json.obj(Json.list(Json.obj(Json.obj(Json.parse(line)).get("_aws")).get("CloudWatchMetrics")).getFirst());
    }

    @Test
    void aCountIsOneLineWithTheTotalAndItsOwnDimensions() {
        metrics.count(ServiceMetrics.Count.of(ServiceMetrics.DOSSIER_RECEIVED, "CVH").with(ServiceMetrics.CHANNEL, "ONLINE"));
        assertEquals(1, lines.size());
        Map<String, Object> line = Json.obj(Json.parse(lines.getFirst()));
        assertEquals(1_767_225_600_000L, Json.obj(line.get("_aws")).get("Timestamp"));
        Map<String, Object> cw = directive(lines.getFirst());
        assertEquals(ServiceMetrics.NAMESPACE, cw.get("Namespace"));
        assertEquals(List.of(Map.of("Name", ServiceMetrics.DOSSIER_RECEIVED, "Unit", "Count")), cw.get("Metrics"));
        Set<Set<Object>> sets = new HashSet<>();
        for (Object d : Json.list(cw.get("Dimensions"))) sets.add(new HashSet<>(Json.list(d)));
        assertEquals(Set.of(Set.of(), Set.of(ServiceMetrics.AGENCY, ServiceMetrics.CHANNEL)), sets);
        assertEquals("CVH", line.get(ServiceMetrics.AGENCY));
        assertEquals("ONLINE", line.get(ServiceMetrics.CHANNEL));
        assertEquals(1L, line.get(ServiceMetrics.DOSSIER_RECEIVED));
        assertFalse(line.containsKey("ServiceName"), "no environment dimension");
        assertFalse(line.containsKey("LogGroup"), "no environment dimension");
    }

    @Test
    void aCountWithoutAgencyHasTheTotalOnly() {
        metrics.count(List.of(new ServiceMetrics.Count(ServiceMetrics.NOTICE_FAILED, Map.of()),
                ServiceMetrics.Count.of(ServiceMetrics.SURVEY_ANSWERED, "CVH")));
        assertEquals(2, lines.size());
        Map<String, Object> cw = directive(lines.getFirst());
        assertEquals(List.of(Map.of("Name", ServiceMetrics.NOTICE_FAILED, "Unit", "Count")), cw.get("Metrics"));
        assertEquals(List.of(List.of()), cw.get("Dimensions"), "only the total");
        assertEquals(List.of(List.of(), List.of(ServiceMetrics.AGENCY)), directive(lines.get(1)).get("Dimensions"));
    }

    @Test
    void aSinkThatFailsLosesTheMetricNotTheMove() {
        EmfServiceMetrics failing = EmfServiceMetrics.into(l -> { throw new IllegalStateException("closed"); }, () -> 0L);
        failing.count(ServiceMetrics.Count.of(ServiceMetrics.PAID_ONLINE, "CVH")); // no exception
        assertTrue(lines.isEmpty());
    }

    @Test
    void primingGoesThroughTheWholePathAndPrintsNothing() {
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true));
        try {
            EmfServiceMetrics.prime();
        } finally {
            System.setOut(out);
        }
        assertEquals("", captured.toString(), "no metric from the priming");
    }

    @Test
    void lambdasMetricsGoToTheStandardOutputInForceWhenCounted() {
        ServiceMetrics m = EmfServiceMetrics.lambda();
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            m.count(ServiceMetrics.Count.of(ServiceMetrics.UPLOAD_REJECTED, "CVH"));
        } finally {
            System.setOut(out);
        }
        String[] printed = captured.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n");
        assertEquals(1, printed.length);
        assertEquals(ServiceMetrics.UPLOAD_REJECTED, Json.obj(Json.list(directive(printed[0]).get("Metrics")).getFirst()).get("Name"));
    }
}
