package vn.gov.bvhttdl.dvc.lambda;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The cold-start metric: one EMF line, on the first invocation only. */
class ColdStartTest {

    @Test
    void theLineIsEmbeddedMetricFormatWithTheTotalAndTheFunctionName() {
        Map<?, ?> line = (Map<?, ?>) Json.parse(ColdStart.line("StatusCountsFunction", 1_767_225_600_000L));
        Map<?, ?> aws = (Map<?, ?>) line.get("_aws");
        assertEquals(1_767_225_600_000L, ((Number) aws.get("Timestamp")).longValue());
        Map<?, ?> cw = (Map<?, ?>) ((List<?>) aws.get("CloudWatchMetrics")).getFirst();
        assertEquals("DVC/Service", cw.get("Namespace"));
        assertEquals(List.of(List.of(), List.of("FunctionName")), cw.get("Dimensions"));
        assertEquals(List.of(Map.of("Name", "ColdStart", "Unit", "Count")), cw.get("Metrics"));
        assertEquals("StatusCountsFunction", line.get("FunctionName"));
        assertEquals(1, ((Number) line.get("ColdStart")).intValue());
    }

    @Test
    void aNameThatNeedsEscapingStaysOneJsonValue() {
        Map<?, ?> line = (Map<?, ?>) Json.parse(ColdStart.line("a\"b\\c\n", 0));
        assertEquals("a\"b\\c\n", line.get("FunctionName"));
        assertEquals("unknown", ((Map<?, ?>) Json.parse(ColdStart.line(null, 0))).get("FunctionName"));
    }

    @Test
    void onlyTheFirstInvocationCounts() {
        ColdStart.FIRST.set(true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ColdStart.invoked("F", out);
        ColdStart.invoked("F", out);
        ColdStart.invoked("F", out);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(1, lines.length);
        assertEquals("F", ((Map<?, ?>) Json.parse(lines[0])).get("FunctionName"));
    }
}
