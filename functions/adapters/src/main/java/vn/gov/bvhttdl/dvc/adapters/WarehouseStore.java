package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import vn.gov.bvhttdl.dvc.application.Warehouse;
import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Warehouse port over the dossier table: one item per document under its owner's partition
 * ({@code WAREHOUSE#<owner> / DOC#<id>}, {@link Layout#warehouseKey}), the entry as JSON in {@code doc} and its status
 * in {@code docStatus}. Added with {@code attribute_not_exists(PK)} (the same result pushed twice is added once),
 * changed only from the status expected ({@code docStatus = :expected}), read with one query per owner.
 */
public final class WarehouseStore implements Warehouse {
    private final DynamoDbClient ddb;
    private final String table;

    WarehouseStore(DynamoDbClient ddb, String table) {
        this.ddb = ddb;
        this.table = table;
    }

    @Override
    public boolean add(WarehouseDocument d) {
        try {
            ddb.putItem(b -> b.tableName(table).item(item(d)).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<WarehouseDocument> find(String owner, String id) {
        if (owner == null || id == null || owner.isBlank() || id.isBlank() || id.length() > 100 || owner.length() > 100) return Optional.empty();
        var r = ddb.getItem(b -> b.tableName(table).key(Layout.warehouseKey(owner, id)).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(fromItem(r.item())) : Optional.empty();
    }

    @Override
    public List<WarehouseDocument> of(String owner) {
        if (owner == null || owner.isBlank()) return List.of();
        List<WarehouseDocument> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var q = ddb.query(b -> {
                b.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :d)").consistentRead(true)
                        .expressionAttributeValues(Map.of(":pk", s(Layout.warehousePk(owner)), ":d", s(Layout.WAREHOUSE_DOC)));
                if (from != null) b.exclusiveStartKey(from);
            });
            for (var i : q.items()) out.add(fromItem(i));
            start = q.lastEvaluatedKey() == null || q.lastEvaluatedKey().isEmpty() ? null : q.lastEvaluatedKey();
        } while (start != null);
        out.sort(Comparator.comparing(WarehouseDocument::addedAt, Comparator.nullsFirst(Comparator.naturalOrder())).reversed());
        return out;
    }

    @Override
    public void update(WarehouseDocument changed, WarehouseDocument.Status expected) {
        try {
            ddb.putItem(b -> b.tableName(table).item(item(changed)).conditionExpression("docStatus = :e")
                    .expressionAttributeValues(Map.of(":e", s(expected.name()))));
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentChange("warehouse " + changed.id() + " is no longer " + expected);
        }
    }

    @Override
    public void remove(String owner, String id) {
        ddb.deleteItem(b -> b.tableName(table).key(Layout.warehouseKey(owner, id)));
    }

    private static Map<String, AttributeValue> item(WarehouseDocument d) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(Layout.warehouseKey(d.owner(), d.id()));
        item.put("doc", s(Json.write(toMap(d))));
        item.put("docStatus", s(d.status().name()));
        return item;
    }

    private static WarehouseDocument fromItem(Map<String, AttributeValue> i) {
        return fromMap(Json.obj(Json.parse(i.get("doc").s())));
    }

    static Map<String, Object> toMap(WarehouseDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("owner", d.owner());
        m.put("id", d.id());
        m.put("kind", d.kind().name());
        m.put("documentKind", d.documentKind());
        m.put("nameVi", d.name() == null ? null : d.name().vi());
        m.put("nameEn", d.name() == null ? null : d.name().en());
        m.put("resultCode", d.resultCode());
        m.put("nationalTypeCode", d.nationalTypeCode());
        m.put("numberAndSymbol", d.numberAndSymbol());
        m.put("summary", d.summary());
        m.put("issuedOn", str(d.issuedOn()));
        m.put("validUntil", str(d.validUntil()));
        m.put("scope", d.scope());
        m.put("issuer", d.issuer());
        m.put("fileKey", d.fileKey());
        m.put("versionId", d.versionId());
        m.put("sha256", d.sha256());
        m.put("verificationId", d.verificationId());
        m.put("status", d.status().name());
        m.put("replacedBy", d.replacedBy());
        m.put("statusReason", d.statusReason());
        m.put("sourceDossierId", d.sourceDossierId());
        m.put("sourceComponent", d.sourceComponent());
        m.put("addedAt", d.addedAt() == null ? null : d.addedAt().toString());
        m.put("addedBy", d.addedBy());
        m.values().removeIf(Objects::isNull);
        return m;
    }

    static WarehouseDocument fromMap(Map<String, Object> m) {
        String vi = Json.str(m, "nameVi");
        return new WarehouseDocument(Json.str(m, "owner"), Json.str(m, "id"), WarehouseDocument.Kind.valueOf(Json.str(m, "kind")),
                Json.str(m, "documentKind"), vi == null ? null : new Text(vi, Json.str(m, "nameEn")), Json.str(m, "resultCode"),
                Json.str(m, "nationalTypeCode"), Json.str(m, "numberAndSymbol"), Json.str(m, "summary"), date(Json.str(m, "issuedOn")),
                date(Json.str(m, "validUntil")), Json.str(m, "scope"), Json.str(m, "issuer"), Json.str(m, "fileKey"),
                Json.str(m, "versionId"), Json.str(m, "sha256"), Json.str(m, "verificationId"),
                WarehouseDocument.Status.valueOf(Json.str(m, "status")), Json.str(m, "replacedBy"), Json.str(m, "statusReason"),
                Json.str(m, "sourceDossierId"), Json.str(m, "sourceComponent"),
                m.get("addedAt") == null ? null : Instant.parse(Json.str(m, "addedAt")), Json.str(m, "addedBy"));
    }

    private static String str(LocalDate d) { return d == null ? null : d.toString(); }

    private static LocalDate date(String s) { return s == null ? null : LocalDate.parse(s); }

    private static AttributeValue s(String v) { return AttributeValue.fromS(v); }
}
