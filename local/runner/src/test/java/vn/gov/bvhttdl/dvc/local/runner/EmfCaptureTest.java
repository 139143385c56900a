package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EMF lines the functions print are read as CloudWatch reads them, and nothing printed is lost. */
class EmfCaptureTest {
    /** A line as Powertools' EMF sink prints it for one count of the port (the total and its own dimensions). */
    static final String RECEIVED = "{\"_aws\":{\"Timestamp\":1767225600000,\"CloudWatchMetrics\":[{\"Namespace\":\"DVC/Service\","
            + "\"Metrics\":[{\"Name\":\"DossierReceived\",\"Unit\":\"Count\"}],\"Dimensions\":[[],[\"Agency\",\"Channel\"]]}]},"
            + "\"Agency\":\"CDLQG\",\"Channel\":\"ONLINE\",\"DossierReceived\":1.0}";

    @Test
    void oneLineMakesOnePointPerDimensionSetAndTheOutputPassesThrough() {
        MetricStore store = new MetricStore();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new EmfCapture(seen, store), true, StandardCharsets.UTF_8);
        out.println("an ordinary line: Đã tiếp nhận");
        out.println(RECEIVED);
        out.print("{\"_aws\":{\"Timestamp\":1767225600001,\"CloudWatchMetrics\":[{\"Namespace\":\"DVC/Service\",\"Dimensions\":[[],[\"FunctionName\"]],");
        out.println("\"Metrics\":[{\"Name\":\"ColdStart\",\"Unit\":\"Count\"}]}]},\"FunctionName\":\"StatusCountsFunction\",\"ColdStart\":1}");
        out.println("{\"_aws\": not json, \"CloudWatchMetrics\"");
        assertTrue(seen.toString(StandardCharsets.UTF_8).startsWith("an ordinary line: Đã tiếp nhận\n" + RECEIVED + "\n"), seen.toString(StandardCharsets.UTF_8));
        assertTrue(seen.toString(StandardCharsets.UTF_8).endsWith("not json, \"CloudWatchMetrics\"\n"), "every byte passes through");
        List<MetricStore.Point> points = store.points();
        assertEquals(List.of(
                new MetricStore.Point("DVC/Service", "DossierReceived", Map.of(), 1767225600000L, 1.0),
                new MetricStore.Point("DVC/Service", "DossierReceived", Map.of("Agency", "CDLQG", "Channel", "ONLINE"), 1767225600000L, 1.0),
                new MetricStore.Point("DVC/Service", "ColdStart", Map.of(), 1767225600001L, 1.0),
                new MetricStore.Point("DVC/Service", "ColdStart", Map.of("FunctionName", "StatusCountsFunction"), 1767225600001L, 1.0)), points);
        assertEquals(1L, store.counters().get("unreadable"));
    }

    @Test
    void twoThreadsPrintingAtOnceDoNotMixTheirLines() throws Exception {
        MetricStore store = new MetricStore();
        PrintStream out = new PrintStream(new EmfCapture(new ByteArrayOutputStream(), store), false, StandardCharsets.UTF_8);
        CountDownLatch go = new CountDownLatch(1);
        Runnable writer = () -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            for (int i = 0; i < 200; i++) {
                // byte by byte, so that the two threads interleave inside a line
                for (byte b : (RECEIVED + "\n").getBytes(StandardCharsets.UTF_8)) out.write(b);
            }
        };
        Thread a = new Thread(writer), b = new Thread(writer);
        a.start();
        b.start();
        go.countDown();
        a.join();
        b.join();
        assertEquals(800, store.points().size(), "400 lines, two dimension sets each");
        assertEquals(0L, store.counters().get("unreadable"));
    }

    @Test
    void theStoreIsBoundedAndKeepsTheNewest() {
        MetricStore store = new MetricStore(3);
        for (int i = 0; i < 5; i++) store.invocation("F", i, 10 * i, false);
        assertEquals(3, store.points().size());
        assertEquals(4, store.points().getLast().at());
    }

    @Test
    void anInvocationIsWhatLambdaPublishes() {
        MetricStore store = new MetricStore();
        store.invocation("CitizenApiFunction", 5, 12.5, true);
        Map<String, String> fn = Map.of("FunctionName", "CitizenApiFunction");
        assertEquals(List.of(new MetricStore.Point("AWS/Lambda", "Invocations", fn, 5, 1), new MetricStore.Point("AWS/Lambda", "Errors", fn, 5, 1),
                new MetricStore.Point("AWS/Lambda", "Duration", fn, 5, 12.5), new MetricStore.Point("AWS/Lambda", "Throttles", fn, 5, 0)), store.points());
    }
}
