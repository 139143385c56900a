package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.s3.S3Client;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;
import vn.gov.bvhttdl.dvc.local.restore.TableExport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;
import static vn.gov.bvhttdl.dvc.api.CitizenApiHandlerIT.*;

/**
 * The restore drill (docs/restore.md), offline: a dossier is driven through its moves, the table is exported at
 * that point (DynamoDB's export-to-S3 layout, into the BackupBucket), the dossier moves on, and the export is
 * restored into a new table, which must hold the dossier as it was at the point, with its whole trail up to then
 * and nothing after. dynoxide has no point-in-time recovery, backups, export or import (docs/restore.md says what
 * stands in for them), so the export is taken at the point rather than asked of the past.
 */
class RestoreDrillIT {
    static TestStack.Stack stack;
    /** Its own handler: another class's (closed when that class ends) would have no context left. */
    static ApiHandler handler;

    @BeforeAll
    static void start() {
        stack = TestStack.get();
        handler = new ApiHandler();
    }

    @org.junit.jupiter.api.AfterAll
    static void stop() { handler.close(); }

    static APIGatewayV2HTTPResponse call(String method, String path, String body, Map<String, String> claims) {
        return handler.handleRequest(request(method, path, body, claims), null);
    }

    @Test
    void theTableRestoredAtAPointHoldsTheDossierAndItsTrailAsTheyWereThen() throws Exception {
        // a dossier through its moves: created by the citizen's API, submitted and received (the domain's commands
        // saved through the store: through the API the submission is asynchronous and the validation function, not
        // in this module, receives it), then a move of an official's (a supplement request, through the API)
        Map<String, String> me = citizen("drill-" + System.nanoTime(), "Phan Thị Diễn Tập", "001099222333");
        APIGatewayV2HTTPResponse created = call("POST", "/api/dossiers",
                "{\"procedureCode\":\"BVHTTDL-DL-003\",\"applicant\":{\"phone\":\"0900000009\"}," + REISSUE_FORM + "}", me);
        assertEquals(201, created.getStatusCode(), created.getBody());
        String id = (String) json(created).get("id");
        DossierStore live = DossierStore.fromSettings();
        Dossier draft = live.find(id).orElseThrow();
        Dossier.Change submitted = draft.handle(new Command.Submit("{}", 0), Actor.citizen(me.get("sub")), Instant.now());
        live.save(submitted);
        String code = "000.00.12.G17-991231-" + String.format("%04d", (int) (Math.random() * 9000) + 1);
        live.save(submitted.dossier().handle(new Command.Receive(code, LocalDate.of(2030, 1, 2), "reception", "MOTCUA", null),
                Actor.system("validation"), Instant.now()));
        Map<String, String> official = new HashMap<>(citizen("drill-off-" + System.nanoTime(), "Cán bộ Một cửa", "001099222444"));
        official.put("cognito:groups", "[officials]");
        official.put("custom:agency", "CDLQG");
        official.put("custom:unit", "MOTCUA");
        official.put("custom:post", "ONE_STOP");
        APIGatewayV2HTTPResponse asked = call("POST", "/api/official/dossiers/" + id + "/request-supplement",
                "{\"items\":[\"Thiếu bản sao giấy phép cũ\"]}", official);
        assertEquals(200, asked.getStatusCode(), asked.getBody());

        Dossier atPoint = live.find(id).orElseThrow();
        List<AuditEvent> trailAtPoint = live.history(id);
        assertEquals(DossierStatus.AWAITING_SUPPLEMENT, atPoint.status());
        assertEquals(List.of("create", "submit", "receive", "request-supplement"), actions(trailAtPoint));

        // the point: the table exported to the backup bucket, as an operator would
        String table = stack.resources().of("DossierTable");
        String bucket = stack.resources().of("BackupBucket");
        DynamoDbClient db = AwsClients.dynamo();
        S3Client s3 = AwsClients.s3();
        TableExport.Export export = TableExport.export(db, s3, table, bucket, "drill");
        assertTrue(export.itemCount() > 0);
        assertTrue(export.manifestSummaryKey().startsWith("drill/AWSDynamoDB/" + export.exportId() + "/"), export.manifestSummaryKey());

        // an independent reader of the same files: dynoxide's own importer of DynamoDB exports loads the data files
        assertEquals(export.itemCount(), importedByDynoxide(s3, bucket, export, db.describeTable(b -> b.tableName(table)).table()),
                "dynoxide import reads every item of the export's data files");

        // after the point the dossier moves on: the citizen withdraws it
        APIGatewayV2HTTPResponse withdrawn = call("POST", "/api/dossiers/" + id + "/withdraw", "{\"reason\":\"Nộp lại hồ sơ khác\"}", me);
        assertEquals(200, withdrawn.getStatusCode(), withdrawn.getBody());
        assertEquals(DossierStatus.WITHDRAWN, live.find(id).orElseThrow().status());
        assertEquals("withdraw", actions(live.history(id)).getLast());

        // the restore: a new table with the live one's keys and indexes, loaded from the export
        String restored = "DossierTable-restored-" + export.exportId().replaceAll("[^A-Za-z0-9_.-]", "");
        TableDescription schema = db.describeTable(b -> b.tableName(table)).table();
        long written = TableExport.restore(s3, db, bucket, export.manifestSummaryKey(), schema, restored);
        assertEquals(export.itemCount(), written);
        TableDescription copy = db.describeTable(b -> b.tableName(restored)).table();
        assertEquals(schema.keySchema(), copy.keySchema());
        assertEquals(schema.globalSecondaryIndexes().stream().map(g -> g.indexName()).sorted().toList(),
                copy.globalSecondaryIndexes().stream().map(g -> g.indexName()).sorted().toList());

        // the restored table read through the same adapter the functions use: the dossier as it was at the point
        DossierStore back = new DossierStore(db, restored);
        Dossier then = back.find(id).orElseThrow();
        assertEquals(DossierStatus.AWAITING_SUPPLEMENT, then.status(), "the state at the point, not the later withdrawal");
        assertEquals(atPoint, then, "every field of the dossier as it was at the point");
        assertEquals(trailAtPoint, back.history(id), "the whole trail up to the point, and nothing after it");
        assertEquals(code, then.code());

        // the indexes came back too: the dossier is found by its code in the restored table
        var byCode = db.query(b -> b.tableName(restored).indexName("ByCode").keyConditionExpression("GSI3PK = :c")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(gsi3(table, id)))));
        assertEquals(1, byCode.count(), "the restored ByCode index finds the dossier");
    }

    /**
     * The export's data files laid out as dynoxide's importer expects ({@code <dir>/<table>/data/*.json.gz}; it
     * reads no manifest), imported into a scratch SQLite file; answers the item count it reports.
     */
    static long importedByDynoxide(S3Client s3, String bucket, TableExport.Export export, TableDescription t) throws Exception {
        Path dir = Files.createTempDirectory("drill-import");
        Path data = Files.createDirectories(dir.resolve(t.tableName()).resolve("data"));
        String manifestFiles = s3.getObjectAsBytes(b -> b.bucket(bucket).key(export.manifestSummaryKey().replace("manifest-summary.json", "manifest-files.json"))).asUtf8String();
        for (String line : manifestFiles.split("\n")) {
            if (line.isBlank()) continue;
            String key = (String) Json.obj(Json.parse(line)).get("dataFileS3Key");
            Files.write(data.resolve(key.substring(key.lastIndexOf('/') + 1)), s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("TableName", t.tableName());
        table.put("AttributeDefinitions", t.attributeDefinitions().stream().map(a -> Map.of("AttributeName", a.attributeName(), "AttributeType", a.attributeTypeAsString())).toList());
        table.put("KeySchema", keys(t.keySchema()));
        table.put("GlobalSecondaryIndexes", t.globalSecondaryIndexes().stream().map(g -> Map.of("IndexName", g.indexName(),
                "KeySchema", keys(g.keySchema()), "Projection", Map.of("ProjectionType", g.projection().projectionTypeAsString()))).toList());
        Path schema = dir.resolve("schema.json");
        Files.writeString(schema, Json.write(Map.of("Table", table)));
        Path bin = Emulators.repoRoot().resolve("node_modules/@dynoxide/linux-x64/dynoxide");
        Process p = new ProcessBuilder(bin.toString(), "import", "--source", dir.toString(), "--schema", schema.toString(),
                "--output", dir.resolve("imported.sqlite").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        Matcher m = Pattern.compile("Items:\\s+(\\d+)").matcher(out);
        assertTrue(m.find(), out);
        return Long.parseLong(m.group(1));
    }

    static List<Map<String, String>> keys(List<software.amazon.awssdk.services.dynamodb.model.KeySchemaElement> k) {
        return k.stream().map(e -> Map.of("AttributeName", e.attributeName(), "KeyType", e.keyTypeAsString())).toList();
    }

    static List<String> actions(List<AuditEvent> trail) {
        return trail.stream().map(AuditEvent::action).toList();
    }

    /** The dossier item's GSI3PK in the live table (whatever Layout makes of its code). */
    static String gsi3(String table, String id) {
        var item = AwsClients.dynamo().getItem(b -> b.tableName(table).key(Map.of("PK", AttributeValue.fromS("DOSSIER#" + id),
                "SK", AttributeValue.fromS("META")))).item();
        return item.get("GSI3PK").s();
    }
}
