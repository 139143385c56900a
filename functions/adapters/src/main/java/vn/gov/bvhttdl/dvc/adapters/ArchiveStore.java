package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import vn.gov.bvhttdl.dvc.application.ArchiveRecords;
import vn.gov.bvhttdl.dvc.application.DraftLifecycle;
import vn.gov.bvhttdl.dvc.domain.ArchiveRecord;
import vn.gov.bvhttdl.dvc.domain.DestructionDecision;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The archive's items in the dossier table ({@link Layout}): a record {@code ARCHIVE#<agency>#<end year>} / archive
 * code with the record as JSON, written in one transaction with the dossier's marker {@code DOSSIER#id / ARCHIVED}
 * (conditional: exactly once); the decisions and certificates {@code DESTRUCTION#id}; the trail
 * {@code ARCHIVELOG#<agency>} / time#uuid. Also the drafts' lifecycle: the idle drafts by the {@code ByAgencyStatus}
 * index, the notice marker {@code DOSSIER#id / EXPIRY}, and the expiry — {@code expiresAt} (the table's TTL
 * attribute) on every item of the draft's partition, the dossier's own only if it is still the version noticed.
 */
public final class ArchiveStore implements ArchiveRecords, DraftLifecycle {
    private final DynamoDbClient client;
    private final String table;
    private final DossierStore dossiers;
    private final Organisation organisation;
    /** Tags a draft's uploads for the uploads bucket's lifecycle rule (the adapter over S3; nothing offline without one). */
    private final java.util.function.Consumer<List<String>> tagUnattached;

    public ArchiveStore(DossierStore dossiers, Organisation organisation, java.util.function.Consumer<List<String>> tagUnattached) {
        this.client = dossiers.client();
        this.table = dossiers.tableName();
        this.dossiers = dossiers;
        this.organisation = organisation;
        this.tagUnattached = tagUnattached;
    }

    private static AttributeValue s(String v) { return AttributeValue.fromS(v); }

    @Override
    public boolean record(ArchiveRecord r) {
        Map<String, AttributeValue> item = new HashMap<>(Layout.archiveKey(r.agencyCode(), r.end().getYear(), r.archiveCode()));
        item.put("record", s(Json.write(r.toMap())));
        item.put("dossierId", s(r.dossierId()));
        Map<String, AttributeValue> marker = new HashMap<>(Layout.archivedMarkerKey(r.dossierId()));
        marker.put("archiveCode", s(r.archiveCode()));
        marker.put("archivedAt", s(r.archivedAt().toString()));
        try {
            client.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(marker).conditionExpression("attribute_not_exists(PK)").build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(PK)").build()).build()));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().stream().anyMatch(c -> "ConditionalCheckFailed".equals(c.code()))) return false;
            throw e;
        }
    }

    @Override
    public Optional<ArchiveRecord> ofDossier(String dossierId) {
        var m = client.getItem(b -> b.tableName(table).key(Layout.archivedMarkerKey(dossierId)).consistentRead(true)).item();
        if (m == null || m.isEmpty()) return Optional.empty();
        return byCode(m.get("archiveCode").s());
    }

    @Override
    public Optional<ArchiveRecord> byCode(String archiveCode) {
        String[] p = Layout.archiveCodeParts(archiveCode);
        if (p == null) return Optional.empty();
        var i = client.getItem(b -> b.tableName(table).key(Layout.archiveKey(p[0], Integer.parseInt(p[1]), archiveCode)).consistentRead(true)).item();
        if (i == null || i.isEmpty()) return Optional.empty();
        return Optional.of(ArchiveRecord.fromMap(Json.obj(Json.parse(i.get("record").s()))));
    }

    @Override
    public List<ArchiveRecord> of(String agency, int endYear) {
        List<ArchiveRecord> out = new ArrayList<>();
        client.queryPaginator(QueryRequest.builder().tableName(table).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(Layout.archivePartition(agency, endYear)))).build())
                .items().forEach(i -> out.add(ArchiveRecord.fromMap(Json.obj(Json.parse(i.get("record").s())))));
        return out;
    }

    @Override
    public void saveDecision(DestructionDecision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("agency", d.agencyCode());
        m.put("members", d.members());
        m.put("minutes", d.minutesReference());
        m.put("decidedOn", d.decidedOn().toString());
        m.put("archiveCodes", d.archiveCodes());
        m.put("recordedBy", d.recordedBy());
        m.put("recordedAt", d.recordedAt().toString());
        Map<String, AttributeValue> item = new HashMap<>(Layout.destructionDecisionKey(d.id()));
        item.put("decision", s(Json.write(m)));
        client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
    }

    @Override
    public Optional<DestructionDecision> decision(String id) {
        var i = client.getItem(b -> b.tableName(table).key(Layout.destructionDecisionKey(id)).consistentRead(true)).item();
        if (i == null || i.isEmpty()) return Optional.empty();
        Map<String, Object> m = Json.obj(Json.parse(i.get("decision").s()));
        return Optional.of(new DestructionDecision(Json.str(m, "id"), Json.str(m, "agency"), strings(m.get("members")), Json.str(m, "minutes"),
                LocalDate.parse(Json.str(m, "decidedOn")), strings(m.get("archiveCodes")), Json.str(m, "recordedBy"), Instant.parse(Json.str(m, "recordedAt"))));
    }

    private static List<String> strings(Object o) { return Json.list(o).stream().map(String::valueOf).toList(); }

    @Override
    public boolean certify(Certificate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decision", c.decisionId());
        m.put("agency", c.agencyCode());
        m.put("destroyed", c.destroyed());
        m.put("destroyedBy", c.destroyedBy());
        m.put("destroyedAt", c.destroyedAt().toString());
        Map<String, AttributeValue> item = new HashMap<>(Layout.destructionCertificateKey(c.decisionId()));
        item.put("certificate", s(Json.write(m)));
        try {
            client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException done) {
            return false;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Certificate> certificate(String decisionId) {
        var i = client.getItem(b -> b.tableName(table).key(Layout.destructionCertificateKey(decisionId)).consistentRead(true)).item();
        if (i == null || i.isEmpty()) return Optional.empty();
        Map<String, Object> m = Json.obj(Json.parse(i.get("certificate").s()));
        List<Map<String, Object>> destroyed = Json.list(m.get("destroyed")).stream().map(o -> (Map<String, Object>) o).toList();
        return Optional.of(new Certificate(Json.str(m, "decision"), Json.str(m, "agency"), destroyed, Json.str(m, "destroyedBy"),
                Instant.parse(Json.str(m, "destroyedAt"))));
    }

    @Override
    public void remove(ArchiveRecord r) {
        client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(Layout.archiveKey(r.agencyCode(), r.end().getYear(), r.archiveCode())).build()).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(Layout.archivedMarkerKey(r.dossierId())).build()).build()));
    }

    @Override
    public void trail(Event e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", s(Layout.archiveTrailPk(e.agencyCode())));
        item.put("SK", s(SortableTime.format(e.at()) + "#" + UUID.randomUUID()));
        item.put("action", s(e.action()));
        item.put("actor", s(e.actor()));
        item.put("at", s(e.at().toString()));
        item.put("details", s(Json.write(e.details())));
        client.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public List<Event> trail(String agency) {
        List<Event> out = new ArrayList<>();
        client.queryPaginator(QueryRequest.builder().tableName(table).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(Layout.archiveTrailPk(agency)))).build())
                .items().forEach(i -> out.add(new Event(agency, i.get("action").s(), i.get("actor").s(), Instant.parse(i.get("at").s()),
                        Json.obj(Json.parse(i.get("details").s())))));
        return out;
    }

    // the drafts' lifecycle

    @Override
    public List<Dossier> idleDrafts(Instant before) {
        List<Dossier> out = new ArrayList<>();
        for (String agency : organisation.agencies().keySet()) {
            client.queryPaginator(QueryRequest.builder().tableName(table).indexName(Layout.BY_AGENCY_STATUS)
                            .keyConditionExpression("GSI2PK = :pk AND GSI2SK < :before")
                            .expressionAttributeValues(Map.of(":pk", s(Layout.draftsKey(agency)), ":before", s(before.toString()))).build())
                    .items().forEach(i -> {
                        if (i.containsKey("expiresAt")) return; // expired already, waiting for the TTL
                        dossiers.find(Layout.dossierId(i.get("PK").s())).ifPresent(out::add);
                    });
        }
        return out;
    }

    @Override
    public Optional<Notice> notice(String dossierId) {
        var i = client.getItem(b -> b.tableName(table).key(Layout.expiryNoticeKey(dossierId)).consistentRead(true)).item();
        if (i == null || i.isEmpty()) return Optional.empty();
        return Optional.of(new Notice(Instant.parse(i.get("noticedAt").s()), Instant.parse(i.get("draftUpdatedAt").s())));
    }

    @Override
    public void recordNotice(String dossierId, Notice n) {
        Map<String, AttributeValue> item = new HashMap<>(Layout.expiryNoticeKey(dossierId));
        item.put("noticedAt", s(n.at().toString()));
        item.put("draftUpdatedAt", s(n.draftUpdatedAt().toString()));
        client.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public boolean expire(Dossier draft, Instant at) {
        AttributeValue ttl = AttributeValue.fromN(Long.toString(at.getEpochSecond()));
        try {
            // the dossier first, only if nobody changed it since the notice's version
            client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(Layout.dossierKeyMap(draft.id())).updateExpression("SET expiresAt = :t")
                    .conditionExpression("version = :v AND #s = :draft")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":t", ttl, ":v", AttributeValue.fromN(Long.toString(draft.version())), ":draft", s("DRAFT"))).build()).build()));
        } catch (TransactionCanceledException changed) {
            return false;
        }
        List<String> uploads = new ArrayList<>();
        client.queryPaginator(QueryRequest.builder().tableName(table).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(Layout.dossierPk(draft.id())))).build())
                .items().forEach(i -> {
                    String sk = i.get("SK").s();
                    if (Layout.META.equals(sk)) return;
                    if (sk.startsWith(Layout.FILE) && i.get("objectKey") != null) uploads.add(i.get("objectKey").s());
                    client.updateItem(b -> b.tableName(table).key(Layout.keyMap(i.get("PK").s(), sk)).updateExpression("SET expiresAt = :t")
                            .expressionAttributeValues(Map.of(":t", ttl)));
                });
        if (!uploads.isEmpty()) tagUnattached.accept(uploads);
        return true;
    }

    /** Every item of the dossier's partition deleted (after a recorded destruction); answers how many. */
    int eraseItems(String dossierId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        client.queryPaginator(QueryRequest.builder().tableName(table).keyConditionExpression("PK = :pk").projectionExpression("PK, SK")
                        .expressionAttributeValues(Map.of(":pk", s(Layout.dossierPk(dossierId)))).build())
                .items().forEach(keys::add);
        for (var k : keys) client.deleteItem(b -> b.tableName(table).key(k));
        return keys.size();
    }

}
