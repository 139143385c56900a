package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.s3.S3Client;
import vn.gov.bvhttdl.dvc.application.Results;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Results port: the signed file in the results bucket under {@code results/<id>.pdf} (the id is 130 random
 * bits; the bucket keeps every version under Object Lock on AWS, see template.yaml) written once, and the record
 * in the table ({@code RESULT#<id> / META}) with a pointer under its dossier ({@code DOSSIER#<id> / RESULT#<n>}),
 * both created together.
 */
public final class ResultStore implements Results {
    private final DynamoDbClient ddb;
    private final String table;
    private volatile S3Client s3client;
    private final java.util.function.Supplier<S3Client> s3Factory;
    private final java.util.function.Supplier<String> bucketName;

    public ResultStore(DynamoDbClient ddb, String table, S3Client s3, String bucket) {
        this(ddb, table, () -> s3, () -> bucket);
    }

    private ResultStore(DynamoDbClient ddb, String table, java.util.function.Supplier<S3Client> s3, java.util.function.Supplier<String> bucket) {
        this.ddb = ddb;
        this.table = table;
        this.s3Factory = s3;
        this.bucketName = bucket;
    }

    /** The store with the S3 client and the bucket of the settings, made on first use (not at a function's start). */
    public static ResultStore fromSettings(DynamoDbClient ddb, String table) {
        return new ResultStore(ddb, table, AwsClients::s3, () -> Settings.require("RESULTS_BUCKET"));
    }

    private S3Client s3() {
        S3Client c = s3client;
        if (c == null) {
            synchronized (this) {
                if (s3client == null) s3client = s3Factory.get();
                c = s3client;
            }
        }
        return c;
    }

    /** The bucket the files are in. */
    public String bucket() { return bucketName.get(); }

    public static String key(String id) { return "results/" + id + ".pdf"; }

    @Override
    public void store(IssuedResult r, byte[] pdf) {
        s3().putObject(b -> b.bucket(bucket()).key(key(r.id())).contentType("application/pdf").ifNoneMatch("*")
                .metadata(Map.of("number", r.number(), "sha256", r.sha256())), RequestBody.fromBytes(pdf));
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.putAll(Layout.resultKey(r.id()));
        item.put("result", s(Json.write(toMap(r))));
        item.put("resultStatus", s(r.status().name()));
        Map<String, AttributeValue> pointer = Map.of("PK", s(Layout.dossierPk(r.dossierId())), "SK", s(Layout.resultPointer(r.sequence())),
                "resultId", s(r.id()));
        try {
            ddb.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(PK)").build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(pointer).conditionExpression("attribute_not_exists(PK)").build()).build()));
        } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
            throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("result " + r.number() + " (" + r.id() + ") is stored already");
        }
    }

    @Override
    public void storeDocument(IssuedResult r, byte[] pdf) {
        try {
            s3().putObject(b -> b.bucket(bucket()).key(key(r.id())).contentType("application/pdf").ifNoneMatch("*")
                    .metadata(Map.of("number", r.number(), "sha256", r.sha256())), RequestBody.fromBytes(pdf));
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("document " + r.id() + " is stored already");
            }
            throw e;
        }
        try {
            ddb.putItem(b -> b.tableName(table).item(record(r)).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException e) {
            throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("document " + r.id() + " is recorded already");
        }
    }

    /** Where the structured data of document {@code id} are kept: beside its signed file. */
    public static String dataKey(String id) { return "results/" + id + ".xml"; }

    @Override
    public void storeDocumentData(String id, byte[] xml) {
        try {
            s3().putObject(b -> b.bucket(bucket()).key(dataKey(id)).contentType("application/xml").ifNoneMatch("*"), RequestBody.fromBytes(xml));
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() != 412 && e.statusCode() != 409) throw e; // written already: the same data, kept
        }
    }

    /** The structured data stored beside document {@code id}'s signed file. */
    public byte[] documentData(String id) {
        return s3().getObjectAsBytes(b -> b.bucket(bucket()).key(dataKey(id))).asByteArray();
    }

    /**
     * The verification record of a document whose file is kept elsewhere (the receipt, in the documents bucket):
     * written whole each time, so that a receipt issued again (a retried reception) is the one its record describes.
     */
    public void recordDocument(IssuedResult r) {
        ddb.putItem(b -> b.tableName(table).item(record(r)));
    }

    @Override
    public Optional<IssuedResult> find(String id) {
        if (id == null || !id.matches("[a-z0-9]{26}")) return Optional.empty();
        var r = ddb.getItem(b -> b.tableName(table).key(Layout.resultKey(id)).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(fromMap(Json.obj(Json.parse(r.item().get("result").s())))) : Optional.empty();
    }

    @Override
    public List<IssuedResult> ofDossier(String dossierId) {
        var page = ddb.query(b -> b.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :r)")
                .expressionAttributeValues(Map.of(":pk", s(Layout.dossierPk(dossierId)), ":r", s(Layout.RESULT_POINTERS))));
        List<IssuedResult> out = new ArrayList<>();
        for (var item : page.items()) find(item.get("resultId").s()).ifPresent(out::add);
        return out;
    }

    @Override
    public byte[] file(String id) {
        return s3().getObjectAsBytes(b -> b.bucket(bucket()).key(key(id))).asByteArray();
    }

    @Override
    public void update(IssuedResult changed, IssuedResult.Status expected) {
        try {
            ddb.updateItem(b -> b.tableName(table).key(Layout.resultKey(changed.id()))
                    .updateExpression("SET #r = :r, resultStatus = :s").conditionExpression("resultStatus = :e")
                    .expressionAttributeNames(Map.of("#r", "result"))
                    .expressionAttributeValues(Map.of(":r", s(Json.write(toMap(changed))), ":s", s(changed.status().name()), ":e", s(expected.name()))));
        } catch (ConditionalCheckFailedException e) {
            throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("result " + changed.id() + " is no longer " + expected);
        }
    }

    private static AttributeValue s(String v) { return AttributeValue.fromS(v); }

    static Map<String, Object> toMap(IssuedResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("number", r.number());
        m.put("sequence", r.sequence());
        m.put("dossierId", r.dossierId());
        m.put("dossierCode", r.dossierCode());
        m.put("procedureCode", r.procedureCode());
        m.put("procedureVersion", r.procedureVersion());
        m.put("agencyCode", r.agencyCode());
        m.put("typeVi", r.type() == null ? null : r.type().vi());
        m.put("typeEn", r.type() == null ? null : r.type().en());
        List<Object> face = new ArrayList<>();
        for (IssuedResult.Line l : r.face()) face.add(new LinkedHashMap<>(Map.of("label", l.label(), "value", l.value())));
        m.put("face", face);
        m.put("issuedAt", r.issuedAt().toString());
        m.put("validUntil", r.validUntil() == null ? null : r.validUntil().toString());
        m.put("sha256", r.sha256());
        m.put("signer", r.signer()); // null: an unsigned document (a receipt), genuine when its file's hash is the record's
        m.put("status", r.status().name());
        m.put("replacedBy", r.replacedBy());
        m.put("revokedReason", r.revokedReason());
        m.put("revokedAt", r.revokedAt() == null ? null : r.revokedAt().toString());
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    static IssuedResult fromMap(Map<String, Object> m) {
        List<IssuedResult.Line> face = Json.list(m.get("face")).stream().map(Json::obj)
                .map(l -> new IssuedResult.Line(Json.str(l, "label"), Json.str(l, "value"))).toList();
        return new IssuedResult(Json.str(m, "id"), Json.str(m, "number"), ((Number) m.get("sequence")).intValue(), Json.str(m, "dossierId"),
                Json.str(m, "dossierCode"), Json.str(m, "procedureCode"), ((Number) m.get("procedureVersion")).intValue(), Json.str(m, "agencyCode"),
                new Text(Json.str(m, "typeVi"), Json.str(m, "typeEn")), face, Instant.parse(Json.str(m, "issuedAt")),
                m.get("validUntil") == null ? null : LocalDate.parse(Json.str(m, "validUntil")), Json.str(m, "sha256"), Json.str(m, "signer"),
                IssuedResult.Status.valueOf(Json.str(m, "status")), Json.str(m, "replacedBy"), Json.str(m, "revokedReason"),
                m.get("revokedAt") == null ? null : Instant.parse(Json.str(m, "revokedAt")));
    }

    /** A result's record: its key, the result as JSON, its status. */
    private static Map<String, AttributeValue> record(IssuedResult r) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(Layout.resultKey(r.id()));
        item.put("result", s(Json.write(toMap(r))));
        item.put("resultStatus", s(r.status().name()));
        return item;
    }
}
