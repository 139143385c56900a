package vn.gov.bvhttdl.dvc.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;
import vn.gov.bvhttdl.dvc.application.ServiceMetrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EMF lines the adapter writes: the namespace, the metric, exactly the dimension sets the dashboards name. */
class EmfServiceMetricsTest {

    private final List<String> lines = new ArrayList<>();

    private final Environment capture = new Environment() {
        @Override public boolean probe() { return true; }
        @Override public String getName() { return "test"; }
        @Override public String getType() { return "test"; }
        @Override public String getLogGroupName() { return "test"; }
        @Override public void configureContext(MetricsContext context) {}
        @Override public ISink getSink() {
            return new ISink() {
                @Override public void accept(MetricsContext context) {
                    try {
                        lines.addAll(context.serialize());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                @Override public CompletableFuture<Void> shutdown() { return CompletableFuture.completedFuture(null); }
            };
        }
    };

    @Test
    void aCountIsOneLineWithTheTotalAndItsOwnDimensions() throws Exception {
        EmfServiceMetrics.into(capture).count(ServiceMetrics.Count.of(ServiceMetrics.DOSSIER_RECEIVED, "CVH")
                .with(ServiceMetrics.CHANNEL, "ONLINE"));
        assertEquals(1, lines.size());
        JsonNode line = new ObjectMapper().readTree(lines.getFirst());
        JsonNode cw = line.get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals(ServiceMetrics.NAMESPACE, cw.get("Namespace").asText());
        assertEquals(ServiceMetrics.DOSSIER_RECEIVED, cw.get("Metrics").get(0).get("Name").asText());
        assertEquals("Count", cw.get("Metrics").get(0).get("Unit").asText());
        Set<Set<String>> sets = new HashSet<>();
        cw.get("Dimensions").forEach(d -> {
            Set<String> s = new HashSet<>();
            d.forEach(n -> s.add(n.asText()));
            sets.add(s);
        });
        assertEquals(Set.of(Set.of(), Set.of(ServiceMetrics.AGENCY, ServiceMetrics.CHANNEL)), sets);
        assertEquals("CVH", line.get(ServiceMetrics.AGENCY).asText());
        assertEquals("ONLINE", line.get(ServiceMetrics.CHANNEL).asText());
        assertEquals(1.0, line.get(ServiceMetrics.DOSSIER_RECEIVED).asDouble());
        assertFalse(line.has("ServiceName"), "no environment dimension");
        assertFalse(line.has("LogGroup"), "no environment dimension");
    }

    @Test
    void aCountWithoutAgencyHasTheTotalOnly() throws Exception {
        EmfServiceMetrics.into(capture).count(List.of(new ServiceMetrics.Count(ServiceMetrics.NOTICE_FAILED, Map.of()),
                ServiceMetrics.Count.of(ServiceMetrics.SURVEY_ANSWERED, "CVH")));
        assertEquals(2, lines.size());
        JsonNode cw = new ObjectMapper().readTree(lines.getFirst()).get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals(ServiceMetrics.NOTICE_FAILED, cw.get("Metrics").get(0).get("Name").asText());
        cw.get("Dimensions").forEach(d -> assertTrue(d.isEmpty(), "only the total: " + d));
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
}
