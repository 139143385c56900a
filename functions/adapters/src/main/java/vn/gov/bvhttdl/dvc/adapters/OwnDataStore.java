package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import vn.gov.bvhttdl.dvc.application.OwnData;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The citizen's own data on AWS and offline ({@link OwnData}): upload bytes read from the uploads bucket (the version
 * on record), a draft erased from the table (its dossier item first, only while it is still that draft's version, then
 * the rest of its partition) and from the uploads bucket (every version), the "download everything" archive written
 * to a temporary file and then to the documents bucket under {@code exports/} (its lifecycle rule deletes it after a
 * day; template.yaml) behind a presigned GET, and the citizen's trail of deletions ({@link Layout#erasureKey}).
 */
public final class OwnDataStore implements OwnData {
    private final DynamoDbClient ddb;
    private final String table;
    private final Supplier<S3Client> s3;
    private final S3Presigner presigner;
    private final Supplier<String> uploads;
    private final Supplier<String> documents;
    private final Clock clock;

    OwnDataStore(DynamoDbClient ddb, String table, Supplier<S3Client> s3, S3Presigner presigner, Supplier<String> uploads,
                 Supplier<String> documents, Clock clock) {
        this.ddb = ddb;
        this.table = table;
        this.s3 = once(s3);
        this.presigner = presigner;
        this.uploads = uploads;
        this.documents = documents;
        this.clock = clock;
    }

    /** {@code s} made on first use, then the same one. */
    private static <T> Supplier<T> once(Supplier<T> s) {
        return new Supplier<>() {
            private T made;

            @Override
            public synchronized T get() {
                if (made == null) made = s.get();
                return made;
            }
        };
    }

    /** Over the dossier table of {@code t}, with the buckets of the function's settings (UPLOADS_BUCKET, DOCUMENTS_BUCKET). */
    public static OwnDataStore over(Table t, Supplier<S3Client> s3, S3Presigner presigner, Clock clock) {
        return new OwnDataStore(t.dossiers().client(), t.dossiers().tableName(), s3, presigner, () -> Settings.require("UPLOADS_BUCKET"),
                () -> Settings.require("DOCUMENTS_BUCKET"), clock);
    }

    @Override
    public InputStream upload(Attachment a) {
        return s3.get().getObject(b -> {
            b.bucket(uploads.get()).key(a.key());
            if (a.versionId() != null) b.versionId(a.versionId());
        });
    }

    @Override
    public Map<String, Object> eraseDraft(Dossier draft) {
        String pk = Layout.dossierPk(draft.id());
        List<String> keys = new ArrayList<>();
        // the files' object keys first: their items go with the partition
        for (var i : query(pk)) {
            var key = i.get("objectKey");
            if (i.get("SK").s().startsWith(Layout.FILE) && key != null && key.s() != null) keys.add(key.s());
        }
        try {
            // the dossier itself, only while it is still this draft: a submission that came first wins, nothing is erased
            ddb.deleteItem(b -> b.tableName(table).key(Layout.keyMap(pk, Layout.META))
                    .conditionExpression("#v = :v AND #s = :draft")
                    .expressionAttributeNames(Map.of("#v", "version", "#s", "status"))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(draft.version())), ":draft", AttributeValue.fromS("DRAFT"))));
        } catch (ConditionalCheckFailedException changed) {
            throw new ConcurrentChange("dossier " + draft.id() + " is no longer the draft at version " + draft.version());
        }
        int items = 1;
        for (var i : query(pk)) {
            ddb.deleteItem(b -> b.tableName(table).key(Layout.keyMap(pk, i.get("SK").s())));
            items++;
        }
        int versions = 0;
        for (String key : keys) versions += S3Versions.deleteAll(s3.get(), uploads.get(), key);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tableItems", items);
        out.put("uploadVersions", versions);
        return out;
    }

    private List<Map<String, AttributeValue>> query(String pk) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        ddb.queryPaginator(QueryRequest.builder().tableName(table).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))).build()).items().forEach(out::add);
        return out;
    }

    @Override
    public Published publish(String subject, String fileName, Writer writer, int linkMinutes) throws IOException {
        Path tmp = Files.createTempFile("my-data-", ".zip");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            // the key names no person: a digest of the subject and a random part
            String owner = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(subject.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 16);
            String key = "exports/" + owner + "/" + UUID.randomUUID() + ".zip";
            s3.get().putObject(b -> b.bucket(documents.get()).key(key).contentType("application/zip"), RequestBody.fromFile(tmp));
            Duration life = Duration.ofMinutes(linkMinutes);
            String name = fileName.replaceAll("[\"\\\\\r\n]", "_");
            var get = presigner.presignGetObject(r -> r.signatureDuration(life).getObjectRequest(o -> o.bucket(documents.get()).key(key)
                    .responseContentType("application/zip").responseContentDisposition("attachment; filename=\"" + name + "\"")));
            return new Published(URI.create(get.url().toString()), clock.instant().plus(life));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void recordErasure(Erasure e) {
        Map<String, AttributeValue> item = new HashMap<>(Layout.erasureKey(e.subject(), e.at()));
        item.put("what", AttributeValue.fromS(e.what()));
        item.put("ref", AttributeValue.fromS(e.ref()));
        if (e.label() != null) item.put("label", AttributeValue.fromS(e.label()));
        item.put("erased", AttributeValue.fromS(Json.write(e.erased())));
        ddb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(SK)"));
    }

    @Override
    public List<Erasure> erasures(String subject, int limit) {
        var q = ddb.query(b -> b.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :e)").scanIndexForward(false).limit(limit)
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Layout.myDataPk(subject)), ":e", AttributeValue.fromS(Layout.ERASED))));
        List<Erasure> out = new ArrayList<>();
        for (var i : q.items()) {
            String sk = i.get("SK").s();
            Instant at = SortableTime.parse(sk.substring(Layout.ERASED.length(), sk.lastIndexOf('#')));
            Map<String, Object> erased = i.containsKey("erased") ? Json.obj(Json.parse(i.get("erased").s())) : Map.of();
            out.add(new Erasure(subject, at, i.get("what").s(), i.get("ref").s(), i.containsKey("label") ? i.get("label").s() : null, erased));
        }
        return out;
    }
}
