package vn.gov.bvhttdl.dvc.local.restore;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The export's item encoding (DynamoDB JSON) read back to the same attribute values, for every type. */
class DynamoJsonTest {
    @Test
    void everyAttributeTypeSurvivesTheExportLine() {
        Map<String, AttributeValue> item = Map.ofEntries(
                Map.entry("PK", AttributeValue.fromS("DOSSIER#1")),
                Map.entry("name", AttributeValue.fromS("Nguyễn Thị Ánh \"Ánh\"\n")),
                Map.entry("version", AttributeValue.fromN("12345678901234567890.5")),
                Map.entry("blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[]{0, 1, (byte) 0xff}))),
                Map.entry("flag", AttributeValue.fromBool(false)),
                Map.entry("none", AttributeValue.fromNul(true)),
                Map.entry("tags", AttributeValue.fromSs(List.of("a", "b"))),
                Map.entry("nums", AttributeValue.fromNs(List.of("1", "2.5"))),
                Map.entry("blobs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[]{7})))),
                Map.entry("list", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromN("3")))),
                Map.entry("map", AttributeValue.fromM(Map.of("inner", AttributeValue.fromM(Map.of("k", AttributeValue.fromBool(true)))))));
        String line = Json.write(Map.of("Item", TableExport.toJson(item)));
        assertTrue(line.contains("\"version\":{\"N\":\"12345678901234567890.5\"}"), "numbers stay strings, digits untouched: " + line);
        assertTrue(line.contains("\"blob\":{\"B\":\"AAH/\"}"), "binaries in base64: " + line);
        Map<String, AttributeValue> back = TableExport.fromJson(Json.obj(Json.obj(Json.parse(line)).get("Item")));
        assertEquals(item, back);
    }

    @Test
    void aValueWithTwoTypesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TableExport.value(Map.of("S", "a", "N", "1")));
        assertThrows(IllegalArgumentException.class, () -> TableExport.value(Map.of("X", "a")));
    }
}
