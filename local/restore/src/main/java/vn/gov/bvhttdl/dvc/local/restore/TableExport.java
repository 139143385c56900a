package vn.gov.bvhttdl.dvc.local.restore;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The dossier table copied out to S3 and back into a new table, in the layout DynamoDB's own export to S3
 * ({@code ExportTableToPointInTime}, output format DYNAMODB_JSON) writes:
 * {@code <prefix>/AWSDynamoDB/<exportId>/manifest-summary.json}, {@code manifest-files.json} (one JSON line per data
 * file) and {@code data/<name>.json.gz}, each line {@code {"Item":{"PK":{"S":"…"},…}}}.
 *
 * <p>Why this exists (docs/restore.md): the offline DynamoDB server, dynoxide, implements none of point-in-time
 * recovery, on-demand backups, export to S3 or import from S3. On AWS the export is DynamoDB's (from the
 * point-in-time-recovery window, a consistent snapshot at the chosen second) and {@link #restore} reads it
 * unchanged; offline {@link #export} writes the same files from a consistent-read scan, which is a snapshot only
 * while nothing writes (the drill's case), not a point in the past.
 */
public final class TableExport {
    private TableExport() {}

    /** An export in S3: where its manifest summary is, when it was taken and how many items it holds. */
    public record Export(String bucket, String manifestSummaryKey, String exportId, Instant exportTime, long itemCount) {}

    static final int ITEMS_PER_FILE = 1000;

    /** Scans the whole table (consistent reads) into gzip JSON-lines files under {@code prefix} in {@code bucket}. */
    public static Export export(DynamoDbClient db, S3Client s3, String table, String bucket, String prefix) {
        Instant start = Instant.now();
        TableDescription t = db.describeTable(b -> b.tableName(table)).table();
        String exportId = start.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String base = (prefix == null || prefix.isBlank() ? "" : prefix.replaceAll("/+$", "") + "/") + "AWSDynamoDB/" + exportId + "/";
        List<String> manifestLines = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        long count = 0;
        long bytes = 0;
        Map<String, AttributeValue> from = null;
        do {
            Map<String, AttributeValue> startKey = from;
            var page = db.scan(b -> b.tableName(table).consistentRead(true).exclusiveStartKey(startKey));
            for (Map<String, AttributeValue> item : page.items()) {
                lines.add(Json.write(Map.of("Item", toJson(item))));
                count++;
                if (lines.size() == ITEMS_PER_FILE) bytes += writeDataFile(s3, bucket, base, lines, manifestLines);
            }
            from = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (from != null);
        if (!lines.isEmpty()) bytes += writeDataFile(s3, bucket, base, lines, manifestLines);
        String manifestFiles = base + "manifest-files.json";
        put(s3, bucket, manifestFiles, (String.join("\n", manifestLines) + (manifestLines.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8));
        Instant end = Instant.now();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("version", "2020-06-30");
        summary.put("exportArn", t.tableArn() + "/export/" + exportId);
        summary.put("startTime", start.toString());
        summary.put("endTime", end.toString());
        summary.put("tableArn", t.tableArn());
        summary.put("tableId", t.tableId());
        summary.put("exportTime", start.toString());
        summary.put("s3Bucket", bucket);
        summary.put("s3Prefix", prefix == null ? "" : prefix);
        summary.put("manifestFilesS3Key", manifestFiles);
        summary.put("billedSizeBytes", bytes);
        summary.put("itemCount", count);
        summary.put("outputFormat", "DYNAMODB_JSON");
        summary.put("exportType", "FULL_EXPORT");
        String summaryKey = base + "manifest-summary.json";
        put(s3, bucket, summaryKey, Json.write(summary).getBytes(StandardCharsets.UTF_8));
        return new Export(bucket, summaryKey, exportId, start, count);
    }

    /**
     * Creates {@code target} with the keys and indexes of {@code schema} (the source's description: its key
     * schema, attribute definitions and global secondary indexes, on demand, encrypted) and writes every item of
     * the export into it. Returns the number of items written, which must equal the summary's {@code itemCount}.
     */
    public static long restore(S3Client s3, DynamoDbClient db, String bucket, String manifestSummaryKey, TableDescription schema, String target) {
        Map<String, Object> summary = Json.obj(Json.parse(get(s3, bucket, manifestSummaryKey)));
        if (!"DYNAMODB_JSON".equals(summary.get("outputFormat")))
            throw new IllegalArgumentException("only DYNAMODB_JSON exports are read, not " + summary.get("outputFormat"));
        createLike(db, schema, target);
        long written = 0;
        String manifestFiles = get(s3, bucket, (String) summary.get("manifestFilesS3Key"));
        List<WriteRequest> batch = new ArrayList<>();
        for (String m : manifestFiles.split("\n")) {
            if (m.isBlank()) continue;
            Map<String, Object> entry = Json.obj(Json.parse(m));
            byte[] gz = s3.getObjectAsBytes(b -> b.bucket(bucket).key((String) entry.get("dataFileS3Key"))).asByteArray();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(new java.io.ByteArrayInputStream(gz)), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.isBlank()) continue;
                    Map<String, Object> item = Json.obj(Json.obj(Json.parse(line)).get("Item"));
                    batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(fromJson(item)).build()).build());
                    if (batch.size() == 25) written += flush(db, target, batch);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!batch.isEmpty()) written += flush(db, target, batch);
        Object expected = summary.get("itemCount");
        if (expected instanceof Number n && n.longValue() != written)
            throw new IllegalStateException("the export says " + n + " items, " + written + " were written");
        return written;
    }

    static void createLike(DynamoDbClient db, TableDescription schema, String target) {
        List<GlobalSecondaryIndex> gsis = schema.globalSecondaryIndexes().stream().map(g -> GlobalSecondaryIndex.builder()
                .indexName(g.indexName()).keySchema(g.keySchema()).projection(g.projection()).build()).toList();
        db.createTable(b -> {
            b.tableName(target).billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(schema.attributeDefinitions())
                    .keySchema(schema.keySchema()).sseSpecification(s -> s.enabled(true));
            if (!gsis.isEmpty()) b.globalSecondaryIndexes(gsis);
        });
        db.waiter().waitUntilTableExists(b -> b.tableName(target));
    }

    private static long flush(DynamoDbClient db, String table, List<WriteRequest> batch) {
        long n = batch.size();
        Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > 8) throw new IllegalStateException("items left unwritten after retries: " + pending.get(table).size());
            if (attempt > 0) sleep(50L << attempt);
            Map<String, List<WriteRequest>> ask = pending;
            var out = db.batchWriteItem(b -> b.requestItems(ask));
            pending = out.hasUnprocessedItems() ? out.unprocessedItems() : Map.of();
        }
        batch.clear();
        return n;
    }

    private static long writeDataFile(S3Client s3, String bucket, String base, List<String> lines, List<String> manifest) {
        byte[] raw = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = out.toByteArray();
        String key = base + "data/" + UUID.randomUUID().toString().replace("-", "").substring(0, 26) + ".json.gz";
        String etag = put(s3, bucket, key, body);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("itemCount", lines.size());
        entry.put("md5Checksum", Base64.getEncoder().encodeToString(md5(body)));
        entry.put("etag", etag == null ? HexFormat.of().formatHex(md5(body)) : etag.replace("\"", ""));
        entry.put("dataFileS3Key", key);
        manifest.add(Json.write(entry));
        lines.clear();
        return raw.length;
    }

    // ---------------------------------------------------------------- DynamoDB JSON (the export's item encoding)

    /** An item as DynamoDB JSON: {@code {"name":{"S":"…"}}}, numbers as strings, binaries in base64. */
    public static Map<String, Object> toJson(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, toJson(v)));
        return out;
    }

    static Map<String, Object> toJson(AttributeValue v) {
        return switch (v.type()) {
            case S -> Map.of("S", v.s());
            case N -> Map.of("N", v.n());
            case B -> Map.of("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
            case BOOL -> Map.of("BOOL", v.bool());
            case NUL -> Map.of("NULL", true);
            case SS -> Map.of("SS", List.copyOf(v.ss()));
            case NS -> Map.of("NS", List.copyOf(v.ns()));
            case BS -> Map.of("BS", v.bs().stream().map(b -> Base64.getEncoder().encodeToString(b.asByteArray())).toList());
            case L -> Map.of("L", v.l().stream().map(TableExport::toJson).toList());
            case M -> Map.of("M", toJson(v.m()));
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("an attribute of a type this SDK does not know");
        };
    }

    public static Map<String, AttributeValue> fromJson(Map<String, Object> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, value(Json.obj(v))));
        return out;
    }

    static AttributeValue value(Map<String, Object> typed) {
        if (typed.size() != 1) throw new IllegalArgumentException("an attribute value has exactly one type: " + typed.keySet());
        Map.Entry<String, Object> e = typed.entrySet().iterator().next();
        Object o = e.getValue();
        return switch (e.getKey()) {
            case "S" -> AttributeValue.fromS((String) o);
            case "N" -> AttributeValue.fromN(String.valueOf(o));
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode((String) o)));
            case "BOOL" -> AttributeValue.fromBool((Boolean) o);
            case "NULL" -> AttributeValue.fromNul(true);
            case "SS" -> AttributeValue.fromSs(Json.list(o).stream().map(x -> (String) x).toList());
            case "NS" -> AttributeValue.fromNs(Json.list(o).stream().map(String::valueOf).toList());
            case "BS" -> AttributeValue.fromBs(Json.list(o).stream().map(x -> SdkBytes.fromByteArray(Base64.getDecoder().decode((String) x))).toList());
            case "L" -> AttributeValue.fromL(Json.list(o).stream().map(x -> value(Json.obj(x))).toList());
            case "M" -> AttributeValue.fromM(fromJson(Json.obj(o)));
            default -> throw new IllegalArgumentException("unknown attribute type " + e.getKey());
        };
    }

    // ---------------------------------------------------------------- S3

    private static String put(S3Client s3, String bucket, String key, byte[] body) {
        return s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body)).eTag();
    }

    private static String get(S3Client s3, String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8);
    }

    private static byte[] md5(byte[] b) {
        try {
            return MessageDigest.getInstance("MD5").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- the operator's command line

    /**
     * {@code export --table T --bucket B [--prefix P]} prints the manifest summary's key;
     * {@code restore --bucket B --manifest KEY --schema-from T --to NEW} creates NEW like T and loads the export.
     * Region and credentials come from the SDK's usual places (AWS_REGION, a profile, the endpoint variables offline).
     */
    public static void main(String[] args) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        String cmd = args.length == 0 ? "" : args[0];
        try (DynamoDbClient db = DynamoDbClient.create();
             S3Client s3 = S3Client.builder().forcePathStyle(System.getenv("AWS_ENDPOINT_URL_S3") != null).build()) {
            switch (cmd) {
                case "export" -> {
                    Export e = export(db, s3, need(a, "table"), need(a, "bucket"), a.get("prefix"));
                    System.out.println(e.manifestSummaryKey() + " (" + e.itemCount() + " items, taken " + e.exportTime() + ")");
                }
                case "restore" -> {
                    TableDescription schema = db.describeTable(b -> b.tableName(need(a, "schema-from"))).table();
                    long n = restore(s3, db, need(a, "bucket"), need(a, "manifest"), schema, need(a, "to"));
                    System.out.println(n + " items written to " + a.get("to"));
                }
                default -> {
                    System.err.println("usage: export --table T --bucket B [--prefix P] | restore --bucket B --manifest KEY --schema-from T --to NEW");
                    System.exit(2);
                }
            }
        }
    }

    private static String need(Map<String, String> a, String k) {
        String v = a.get(k);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("--" + k + " is required");
        return v;
    }
}
