package vn.gov.bvhttdl.dvc.adapters;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EMF writer against AWS's published specification: the document's members, JSON escaping, what it refuses. */
class EmfTest {

    @Test
    void theDocumentHasTheMetadataTheDirectiveAndEveryTargetMemberOnTheRoot() {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("Agency", "CVH");
        dims.put("Channel", "ONLINE");
        String line = Emf.line("DVC/Service", 1_767_225_600_123L, List.of(List.of(), List.of("Agency", "Channel")), dims,
                List.of(new Emf.Metric("DossierReceived", "Count", 1), new Emf.Metric("Bytes", "Bytes", 2048)));
        assertTrue(!line.contains("\n"), "one line");
        Map<String, Object> root = Json.obj(Json.parse(line));
        Map<String, Object> aws = Json.obj(root.get("_aws"));
        assertEquals(1_767_225_600_123L, aws.get("Timestamp"));
        List<Object> directives = Json.list(aws.get("CloudWatchMetrics"));
        assertEquals(1, directives.size());
        Map<String, Object> d = Json.obj(directives.getFirst());
        assertEquals("DVC/Service", d.get("Namespace"));
        assertEquals(List.of(List.of(), List.of("Agency", "Channel")), d.get("Dimensions"));
        assertEquals(List.of(Map.of("Name", "DossierReceived", "Unit", "Count"), Map.of("Name", "Bytes", "Unit", "Bytes")),
                d.get("Metrics"));
        // target members: every dimension key a string, every metric a number, on the root
        assertEquals("CVH", root.get("Agency"));
        assertEquals("ONLINE", root.get("Channel"));
        assertEquals(1L, root.get("DossierReceived"));
        assertEquals(2048L, root.get("Bytes"));
        assertEquals(List.of("_aws", "Agency", "Channel", "DossierReceived", "Bytes"), new ArrayList<>(root.keySet()));
    }

    @Test
    void stringsAreEscapedAsJsonWantsAndNonAsciiStaysAsItIs() {
        String nasty = "a\"b\\c\n\t\u0001 Hà Nội";
        String line = Emf.line("DVC/Service", 0, List.of(List.of("FunctionName")), Map.of("FunctionName", nasty),
                List.of(new Emf.Metric("ColdStart", "Count", 1)));
        assertEquals(nasty, Json.obj(Json.parse(line)).get("FunctionName"));
        assertTrue(line.contains("\\u0001") && line.contains("\\u000a") && line.contains("Hà Nội") && !line.contains("\n"), line);
    }

    @Test
    void whatTheSpecificationForbidsIsRefusedNotWritten() {
        List<Emf.Metric> one = List.of(new Emf.Metric("M", "Count", 1));
        List<List<String>> total = List.of(List.of());
        // namespace 1–255 characters
        assertThrows(IllegalArgumentException.class, () -> Emf.line("", 0, total, Map.of(), one));
        assertThrows(IllegalArgumentException.class, () -> Emf.line("n".repeat(256), 0, total, Map.of(), one));
        // at least one dimension set; at most 9 keys in one
        assertThrows(IllegalArgumentException.class, () -> Emf.line("N", 0, List.of(), Map.of(), one));
        Map<String, String> ten = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) ten.put("D" + i, "v");
        assertThrows(IllegalArgumentException.class, () -> Emf.line("N", 0, List.of(List.copyOf(ten.keySet())), ten, one));
        // a key of a set is a root member with a (non-blank) string value; no value outside the sets
        assertThrows(IllegalArgumentException.class, () -> Emf.line("N", 0, List.of(List.of("Agency")), Map.of(), one));
        assertThrows(IllegalArgumentException.class, () -> Emf.line("N", 0, List.of(List.of("Agency")), Map.of("Agency", " "), one));
        assertThrows(IllegalArgumentException.class, () -> Emf.line("N", 0, total, Map.of("Agency", "CVH"), one));
        // 1 to 100 metrics, CloudWatch units, no name twice, no clash with a dimension or _aws
        assertThrows(IllegalArgumentException.class, () -> Emf.line("N", 0, total, Map.of(), List.of()));
        List<Emf.Metric> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) many.add(new Emf.Metric("M" + i, "Count", 1));
        assertThrows(IllegalArgumentException.class, () -> Emf.line("N", 0, total, Map.of(), many));
        assertEquals(100, Json.list(Json.obj(Json.list(Json.obj(Json.obj(Json.parse(
                Emf.line("N", 0, total, Map.of(), many.subList(0, 100)))).get("_aws")).get("CloudWatchMetrics")).getFirst()).get("Metrics")).size());
        assertThrows(IllegalArgumentException.class, () -> Emf.line("N", 0, total, Map.of(), List.of(new Emf.Metric("M", "Counts", 1))));
        assertThrows(IllegalArgumentException.class, () -> Emf.line("N", 0, total, Map.of(),
                List.of(new Emf.Metric("M", "Count", 1), new Emf.Metric("M", "Count", 2))));
        assertThrows(IllegalArgumentException.class, () -> Emf.line("N", 0, List.of(List.of("M")), Map.of("M", "x"), one));
        assertThrows(IllegalArgumentException.class, () -> Emf.line("N", 0, total, Map.of(), List.of(new Emf.Metric("_aws", "Count", 1))));
    }
}
