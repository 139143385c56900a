package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Processing;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dossiers in the single DynamoDB table. Every change is written together with its audit entry in one
 * TransactWriteItems, guarded by the version the change was made from (optimistic locking).
 */
public final class DossierStore implements vn.gov.bvhttdl.dvc.application.Dossiers {
    static final String DOSSIER = "DOSSIER#";

    private final DynamoDbClient client;
    private final DynamoDbEnhancedClient enhanced;
    private final String tableName;
    private final DynamoDbTable<Items.DossierItem> dossiers;
    private final DynamoDbTable<Items.AuditItem> audit;
    private final DynamoDbTable<Items.AttachmentItem> attachments;

    public DossierStore(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        this.dossiers = enhanced.table(tableName, Items.DOSSIER);
        this.audit = enhanced.table(tableName, Items.AUDIT);
        this.attachments = enhanced.table(tableName, Items.ATTACHMENT);
    }

    /** The store a function uses: the table named in its {@code TABLE_NAME} setting. */
    public static DossierStore fromSettings() {
        return new DossierStore(AwsClients.dynamo(), Settings.require("TABLE_NAME"));
    }

    /**
     * The store of a function, primed for SnapStart: before the snapshot it reads DynamoDB once (plus {@code more},
     * if given) so that the SDK's first-call work is in the snapshot.
     */
    public static DossierStore primedFromSettings(String function, Runnable more) {
        DossierStore store = fromSettings();
        Priming.register(function, () -> {
            store.find("priming-" + System.nanoTime());
            if (more != null) more.run();
        });
        return store;
    }

    /** For the other stores of this package ({@link Table}): no other module builds an adapter from the client. */
    DynamoDbClient client() { return client; }

    String tableName() { return tableName; }

    /** Stores a new dossier and its creation event. */
    public void create(Dossier.Change change) {
        write(change, Expression.builder().expression("attribute_not_exists(PK)").build());
    }

    /**
     * Stores a new dossier once per client request: a retry or a double click with the same idempotency key gets
     * the dossier the first request created (its id is returned), and nothing is created twice.
     *
     * @param fingerprint a hash of what the request asked for: the same key with another request is refused
     * @return the id of the dossier that now stands for this request
     * @throws DomainException INVALID when the key was used before for a different request
     */
    public String createOnce(Dossier.Change change, String idempotencyKey, String fingerprint) {
        Map<String, AttributeValue> marker = Map.of(
                "PK", AttributeValue.fromS("IDEMPOTENCY#" + change.dossier().ownerId() + "#" + idempotencyKey),
                "SK", AttributeValue.fromS("CREATE"),
                "dossierId", AttributeValue.fromS(change.dossier().id()),
                "fingerprint", AttributeValue.fromS(fingerprint));
        try {
            client.transactWriteItems(t -> t.transactItems(
                    software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(p -> p.tableName(tableName)
                            .item(marker).conditionExpression("attribute_not_exists(PK)")).build(),
                    software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(p -> p.tableName(tableName)
                            .item(Items.DOSSIER.itemToMap(toItem(change.dossier()), true)).conditionExpression("attribute_not_exists(PK)")).build(),
                    software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(p -> p.tableName(tableName)
                            .item(Items.AUDIT.itemToMap(toItem(change.event(), change.dossier().version()), true))).build()));
            return change.dossier().id();
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, 0)) {
                var existing = client.getItem(g -> g.tableName(tableName).consistentRead(true)
                        .key(Map.of("PK", marker.get("PK"), "SK", marker.get("SK")))).item();
                AttributeValue first = existing.get("fingerprint");
                if (first != null && !first.s().equals(fingerprint)) {
                    throw new DomainException(DomainException.Kind.INVALID, "idempotency-key-reused",
                            new Text("Khóa Idempotency-Key này đã dùng cho một yêu cầu khác. Hãy dùng khóa mới cho mỗi hồ sơ mới.",
                                    "This Idempotency-Key was used for a different request. Use a new key for each new dossier."));
                }
                return existing.get("dossierId").s();
            }
            throw e;
        }
    }

    /** Stores {@code change} if the dossier is still at the version the change was made from. */
    public void save(Dossier.Change change) {
        long expected = change.dossier().version() - 1;
        write(change, Expression.builder().expression("version = :v")
                .putExpressionValue(":v", AttributeValue.fromN(Long.toString(expected))).build());
    }

    private void write(Dossier.Change change, Expression condition) {
        try {
            enhanced.transactWriteItems(t -> t
                    .addPutItem(dossiers, TransactPutItemEnhancedRequest.builder(Items.DossierItem.class)
                            .item(toItem(change.dossier())).conditionExpression(condition).build())
                    .addPutItem(audit, toItem(change.event(), change.dossier().version())));
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, 0)) {
                throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("dossier " + change.dossier().id() + " is no longer at version " + (change.dossier().version() - 1));
            }
            throw e;
        }
    }

    /**
     * The two writes of {@code change} (the dossier, guarded by the version it was made from, and its audit entry),
     * for a store that writes them in its own transaction (the payment ledger's credit).
     */
    public List<software.amazon.awssdk.services.dynamodb.model.TransactWriteItem> changeItems(Dossier.Change change) {
        long expected = change.dossier().version() - 1;
        var dossierItem = Items.DOSSIER.itemToMap(toItem(change.dossier()), true);
        var auditItem = Items.AUDIT.itemToMap(toItem(change.event(), change.dossier().version()), true);
        return List.of(
                software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(p -> p.tableName(tableName).item(dossierItem)
                        .conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expected))))).build(),
                software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(p -> p.tableName(tableName).item(auditItem)).build());
    }

    private static boolean conditionFailed(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /**
     * Ids and codes this store hands out are ASCII letters, digits, '.', '-' and '_'; anything else (a lone UTF-16
     * surrogate, which DynamoDB refuses to deserialise, among others) names nothing, without a round trip.
     */
    private static final java.util.regex.Pattern LOOKUP = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Optional<Dossier> find(String id) {
        if (id == null || !LOOKUP.matcher(id).matches()) return Optional.empty();
        Items.DossierItem item = dossiers.getItem(r -> r.key(key(id)).consistentRead(true));
        return Optional.ofNullable(item).map(this::toDossier);
    }

    public Optional<Dossier> findByCode(String code) {
        if (code == null || !LOOKUP.matcher(code).matches()) return Optional.empty();
        DynamoDbIndex<Items.DossierItem> byCode = dossiers.index("ByCode");
        for (var page : byCode.query(r -> r.queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue("CODE#" + code).build())).limit(1))) {
            for (Items.DossierItem k : page.items()) return find(k.id != null ? k.id : k.pk.substring(DOSSIER.length()));
        }
        return Optional.empty();
    }

    /** The owner's dossiers, newest first. */
    public List<Dossier> listByOwner(String ownerId, int limit) {
        List<Dossier> out = new ArrayList<>();
        var pages = dossiers.index("ByOwner").query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue("OWNER#" + ownerId).build()))
                .scanIndexForward(false).limit(limit).build());
        for (var page : pages) {
            for (Items.DossierItem i : page.items()) {
                out.add(toDossier(i));
                if (out.size() >= limit) return out;
            }
        }
        return out;
    }

    /**
     * Dossiers of {@code agencyCode} still SUBMITTED whose last change is before {@code cutoff}, oldest first, at most
     * {@code limit} (the submission sweep's look-up, on the ByAgencyStatus index; the index is eventually consistent,
     * which only delays a sweep by one period).
     */
    public List<Dossier> submittedBefore(String agencyCode, Instant cutoff, int limit) {
        List<Dossier> out = new ArrayList<>();
        var pages = dossiers.index("ByAgencyStatus").query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortLessThan(Key.builder()
                        .partitionValue("AGENCY#" + agencyCode + "#STATUS#" + DossierStatus.SUBMITTED)
                        .sortValue(cutoff.toString()).build()))
                .limit(Math.min(limit, 100)).build());
        for (var page : pages) {
            for (Items.DossierItem i : page.items()) {
                out.add(toDossier(i));
                if (out.size() >= limit) return out;
            }
        }
        return out;
    }

    /** A page of a work queue: the dossiers, and where the next page starts (null at the end). */
    public record QueuePage(List<Dossier> items, String next) {}

    /**
     * The dossiers {@code unit} of {@code agency} holds in {@code status}, earliest due date first (overdue first),
     * {@code size} at most, from {@code after} (the {@link QueuePage#next} of the page before) — one Query on ByHolder.
     */
    public QueuePage byHolder(String agency, String unit, DossierStatus status, int size, String after) {
        return page("ByHolder", holderKey(agency, unit, status), size, after);
    }

    @Override
    public Held held(String agency, String unit, DossierStatus status, int size, String after) {
        QueuePage page = byHolder(agency, unit, status, size, after);
        return new Held(page.items(), page.next());
    }

    /** The dossiers at a step assigned to {@code subject}, earliest due first (ByAssignee). */
    public QueuePage byAssignee(String subject, int size, String after) {
        return page("ByAssignee", "ASSIGNEE#" + subject, size, after);
    }

    /** The dossiers waiting for an answer from {@code unit} of {@code agency}, earliest due first (ByConsulted). */
    public QueuePage byConsulted(String agency, String unit, int size, String after) {
        return page("ByConsulted", "CONSULTED#" + agency + "#" + unit, size, after);
    }

    private static final java.util.regex.Pattern CURSOR = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}#[A-Za-z0-9-]{1,64}");

    private QueuePage page(String index, String partition, int size, String after) {
        String pkName = switch (index) { case "ByHolder" -> "GSI4"; case "ByAssignee" -> "GSI5"; default -> "GSI6"; };
        var b = QueryEnhancedRequest.builder().queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()))
                .scanIndexForward(true).limit(size);
        if (after != null) {
            if (!CURSOR.matcher(after).matches()) {
                throw new DomainException(DomainException.Kind.INVALID, "invalid-cursor", new Text("Con trỏ trang không hợp lệ.", "Invalid page cursor."));
            }
            String id = after.substring(after.indexOf('#') + 1);
            b.exclusiveStartKey(Map.of("PK", AttributeValue.fromS(DOSSIER + id), "SK", AttributeValue.fromS("META"),
                    pkName + "PK", AttributeValue.fromS(partition), pkName + "SK", AttributeValue.fromS(after)));
        }
        var first = dossiers.index(index).query(b.build()).iterator().next();
        List<Dossier> out = first.items().stream().map(this::toDossier).toList();
        String next = first.lastEvaluatedKey() == null || first.lastEvaluatedKey().isEmpty() ? null
                : first.lastEvaluatedKey().get(pkName + "SK").s();
        return new QueuePage(out, next);
    }

    /** Dossiers of {@code agencyCode} in {@code status}, most recently changed first, at most {@code limit} (ByAgencyStatus). */
    public List<Dossier> byAgencyStatus(String agencyCode, DossierStatus status, int limit) {
        List<Dossier> out = new ArrayList<>();
        var pages = dossiers.index("ByAgencyStatus").query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue("AGENCY#" + agencyCode + "#STATUS#" + status).build()))
                .scanIndexForward(false).limit(Math.min(limit, 100)).build());
        for (var page : pages) {
            for (Items.DossierItem i : page.items()) {
                out.add(toDossier(i));
                if (out.size() >= limit) return out;
            }
        }
        return out;
    }

    /**
     * Counts one more hand-over by the sweep of {@code dossierId} at {@code version} and returns the count (an atomic
     * counter per submitted version, so a resubmission starts again from one).
     */
    public long countSweep(String dossierId, long version) {
        var r = client.updateItem(b -> b.tableName(tableName)
                .key(Map.of("PK", AttributeValue.fromS(DOSSIER + dossierId), "SK", AttributeValue.fromS("SWEEP#" + version)))
                .updateExpression("ADD n :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(r.attributes().get("n").n());
    }

    /** Records (or replaces) the look-up key of a dossier code; written with the receipt that prints it. */
    public void putLookup(String code, String dossierId, String key) {
        client.putItem(b -> b.tableName(tableName).item(Map.of("PK", AttributeValue.fromS("LOOKUP#" + code),
                "SK", AttributeValue.fromS("LOOKUP"), "dossierId", AttributeValue.fromS(dossierId), "lookupKey", AttributeValue.fromS(key))));
    }

    @Override
    public void putLookupKey(String code, String dossierId, String key) { putLookup(code, dossierId, key); }

    @Override
    public Optional<Lookup> lookup(String code) {
        if (code == null || !LOOKUP.matcher(code).matches()) return Optional.empty();
        var item = client.getItem(b -> b.tableName(tableName).consistentRead(true).key(Map.of("PK", AttributeValue.fromS("LOOKUP#" + code),
                "SK", AttributeValue.fromS("LOOKUP")))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(new Lookup(item.get("dossierId").s(), item.get("lookupKey").s()));
    }

    /**
     * The audit trail of a dossier, oldest first: sorted by time and sequence after reading, so entries stored under
     * the older keys (time of varying width, no sequence) come out in true order too ({@link SortableTime#inOrder}).
     */
    public List<AuditEvent> history(String id) {
        List<SortableTime.Keyed> out = new ArrayList<>();
        audit.query(QueryEnhancedRequest.builder().queryConditional(QueryConditional.sortBeginsWith(
                Key.builder().partitionValue(DOSSIER + id).sortValue(SortableTime.AUDIT).build())).consistentRead(true).build())
                .items().forEach(i -> out.add(new SortableTime.Keyed(toEvent(i), i.sk)));
        return SortableTime.inOrder(out);
    }

    public List<Attachment> attachments(String id) {
        List<Attachment> out = new ArrayList<>();
        attachments.query(QueryEnhancedRequest.builder().queryConditional(QueryConditional.sortBeginsWith(
                Key.builder().partitionValue(DOSSIER + id).sortValue("FILE#").build())).consistentRead(true).build())
                .items().forEach(i -> out.add(toAttachment(i)));
        out.sort(java.util.Comparator.comparing(Attachment::createdAt));
        return out;
    }

    /** One attachment by its object key. */
    public Optional<Attachment> attachment(String dossierId, String key) {
        return Optional.ofNullable(attachments.getItem(r -> r.key(Key.builder().partitionValue(DOSSIER + dossierId)
                .sortValue("FILE#" + key).build()).consistentRead(true))).map(DossierStore::toAttachment);
    }

    /** Records an authorised upload (PENDING) against an existing dossier, before the browser sends the bytes. */
    public void authoriseUpload(Attachment pending) {
        try {
            enhanced.transactWriteItems(t -> t
                    .addConditionCheck(dossiers, ConditionCheck.builder().key(key(pending.dossierId()))
                            .conditionExpression(Expression.builder().expression("attribute_exists(PK)").build()).build())
                    .addPutItem(attachments, TransactPutItemEnhancedRequest.builder(Items.AttachmentItem.class).item(toItem(pending))
                            .conditionExpression(Expression.builder().expression("attribute_not_exists(SK)").build()).build()));
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, 0)) throw notFound(pending.dossierId());
            throw e;
        }
    }

    /**
     * Records the scan's verdict on a PENDING attachment, with an audit entry, once: a repeated S3 notification for
     * the same object (S3 delivers at least once) changes nothing and returns false.
     *
     * @throws DomainException NOT_FOUND when no upload was authorised for that key
     */
    public boolean recordVerdict(Attachment scanned) {
        Map<String, String> details = new HashMap<>(Map.of("key", scanned.key(), "component", scanned.componentCode(),
                "file", scanned.fileName(), "sha256", scanned.sha256() == null ? "" : scanned.sha256()));
        if (scanned.versionId() != null) details.put("versionId", scanned.versionId());
        AuditEvent event = new AuditEvent(scanned.dossierId(), scanned.scannedAt(), "upload-scan", Role.SYSTEM,
                scanned.status() == Attachment.Status.ACCEPTED ? "attachment-accepted" : "attachment-rejected", null, null,
                scanned.reason() == null ? null : scanned.reason().vi(), details);
        try {
            enhanced.transactWriteItems(t -> t
                    .addPutItem(attachments, TransactPutItemEnhancedRequest.builder(Items.AttachmentItem.class).item(toItem(scanned))
                            .conditionExpression(Expression.builder().expression("attribute_exists(SK) AND #s = :pending")
                                    .putExpressionName("#s", "status")
                                    .putExpressionValue(":pending", AttributeValue.fromS(Attachment.Status.PENDING.name())).build()).build())
                    .addPutItem(audit, toItem(event)));
            return true;
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, 0)) {
                if (attachment(scanned.dossierId(), scanned.key()).isPresent()) return false;
                throw new DomainException(DomainException.Kind.NOT_FOUND, "upload-not-authorised",
                        new Text("Không có yêu cầu tải lên cho tệp " + scanned.key() + ".", "No upload was authorised for " + scanned.key() + "."));
            }
            throw e;
        }
    }

    /**
     * The citizen withdraws a file (cancels an upload still on its way, or removes a judged one) while the dossier
     * is editable: the attachment leaves the dossier's current set but stays on the record, with an audit entry.
     * Guarded by the status it was read in, so a verdict arriving at the same moment is not lost.
     */
    public void cancelAttachment(Attachment current, String actor, Instant at) {
        Attachment cancelled = current.cancelled(at);
        AuditEvent event = new AuditEvent(current.dossierId(), at, actor, Role.CITIZEN, "attachment-cancelled", null, null, null,
                Map.of("key", current.key(), "component", current.componentCode(), "file", current.fileName(), "was", current.status().name()));
        try {
            enhanced.transactWriteItems(t -> t
                    .addPutItem(attachments, TransactPutItemEnhancedRequest.builder(Items.AttachmentItem.class).item(toItem(cancelled))
                            .conditionExpression(Expression.builder().expression("#s = :was").putExpressionName("#s", "status")
                                    .putExpressionValue(":was", AttributeValue.fromS(current.status().name())).build()).build())
                    .addPutItem(audit, toItem(event)));
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, 0)) {
                throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("file " + current.key() + " is no longer " + current.status());
            }
            throw e;
        }
    }

    /** Records on the dossier's trail that a judged file's key was written again and the new bytes were quarantined. */
    public void recordOverwriteRefused(Attachment judged, String versionId, Instant at) {
        audit.putItem(toItem(new AuditEvent(judged.dossierId(), at, "upload-scan", Role.SYSTEM, "attachment-overwrite-refused", null, null,
                "Tệp đã được kiểm tra; lần ghi đè sau bị cách ly.",
                Map.of("key", judged.key(), "component", judged.componentCode(), "keptVersion", String.valueOf(judged.versionId()),
                        "quarantinedVersion", String.valueOf(versionId)))));
    }

    /** A judged file whose bytes were replaced where no older version is kept: it no longer counts as accepted. */
    public void recordReplacedAfterCheck(Attachment judged, Instant at) {
        Attachment refused = judged.scanned(Attachment.Status.REJECTED, new Text("tệp bị ghi đè sau khi đã kiểm tra",
                "the file was overwritten after it was checked"), judged.detectedType(), judged.sha256(), judged.pages(), at);
        enhanced.transactWriteItems(t -> t
                .addPutItem(attachments, toItem(refused))
                .addPutItem(audit, toItem(new AuditEvent(judged.dossierId(), at, "upload-scan", Role.SYSTEM, "attachment-rejected", null, null,
                        refused.reason().vi(), Map.of("key", judged.key(), "component", judged.componentCode(), "file", judged.fileName())))));
    }

    private static DomainException notFound(String dossierId) {
        return DomainException.of("dossier-not-found", "ref", dossierId);
    }

    private static Items.AttachmentItem toItem(Attachment a) {
        Items.AttachmentItem i = new Items.AttachmentItem();
        i.pk = DOSSIER + a.dossierId();
        i.sk = "FILE#" + a.key();
        i.dossierId = a.dossierId();
        i.key = a.key();
        i.componentCode = a.componentCode();
        i.fileName = a.fileName();
        i.declaredType = a.declaredType();
        i.declaredSize = a.declaredSize();
        i.status = a.status().name();
        i.reasonVi = a.reason() == null ? null : a.reason().vi();
        i.reasonEn = a.reason() == null ? null : a.reason().en();
        i.detectedType = a.detectedType();
        i.sha256 = a.sha256();
        i.pages = a.pages() == null ? null : a.pages().longValue();
        i.createdAt = str(a.createdAt());
        i.scannedAt = str(a.scannedAt());
        i.versionId = a.versionId();
        return i;
    }

    private static Attachment toAttachment(Items.AttachmentItem i) {
        return new Attachment(i.dossierId, i.key, i.componentCode, i.fileName, i.declaredType,
                i.declaredSize == null ? 0 : i.declaredSize, Attachment.Status.valueOf(i.status),
                i.reasonVi == null ? null : new Text(i.reasonVi, i.reasonEn), i.detectedType, i.sha256,
                i.pages == null ? null : i.pages.intValue(), inst(i.createdAt), inst(i.scannedAt), i.versionId);
    }

    /**
     * The next number of the daily sequence of {@code unitCode} on {@code dayKey}: an atomic counter, so two
     * receipts can never share a number, whatever the concurrency. A number taken by a receipt that then fails is
     * not reused (a gap, never a repeat).
     */
    public long nextSequence(String unitCode, String dayKey) {
        Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("SEQ#" + unitCode + "#" + dayKey),
                "SK", AttributeValue.fromS("SEQ"));
        var r = client.updateItem(b -> b.tableName(tableName).key(key)
                .updateExpression("ADD n :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(r.attributes().get("n").n());
    }

    private static Key key(String id) {
        return Key.builder().partitionValue(DOSSIER + id).sortValue("META").build();
    }

    static Items.DossierItem toItem(Dossier d) {
        Items.DossierItem i = new Items.DossierItem();
        i.pk = DOSSIER + d.id();
        i.sk = "META";
        i.gsi1pk = "OWNER#" + d.ownerId();
        i.gsi1sk = d.createdAt() + "#" + d.id();
        i.gsi2pk = "AGENCY#" + d.agencyCode() + "#STATUS#" + d.status();
        i.gsi2sk = d.updatedAt() + "#" + d.id();
        i.gsi3pk = d.code() == null ? null : "CODE#" + d.code();
        // the work queues: the unit that holds it, by status and due date; the assignee's; the consulted unit's
        String due = sortDue(d);
        String holder = holder(d);
        i.gsi4pk = holder == null ? null : holderKey(d.agencyCode(), holder, d.status());
        i.gsi4sk = holder == null ? null : due + "#" + d.id();
        Processing p = d.processing();
        boolean atStep = p != null && p.step() != null;
        i.gsi5pk = atStep && p.assignee() != null ? "ASSIGNEE#" + p.assignee() : null;
        i.gsi5sk = i.gsi5pk == null ? null : due + "#" + d.id();
        i.gsi6pk = p != null && p.consulting() ? "CONSULTED#" + p.consultation().agency() + "#" + p.consultation().unit() : null;
        i.gsi6sk = i.gsi6pk == null ? null : p.consultation().due() + "#" + d.id();
        i.processing = p == null ? null : Json.write(processingMap(p));
        i.reached = d.reached();
        i.id = d.id();
        i.code = d.code();
        i.procedureCode = d.procedureCode();
        i.agencyCode = d.agencyCode();
        i.unitCode = d.unitCode();
        i.ownerId = d.ownerId();
        i.status = d.status().name();
        i.statusReason = d.statusReason();
        i.createdAt = str(d.createdAt());
        i.updatedAt = str(d.updatedAt());
        i.submittedAt = str(d.submittedAt());
        i.receivedAt = str(d.receivedAt());
        i.dueDate = d.dueDate() == null ? null : d.dueDate().toString();
        i.procedureVersion = (long) d.procedureVersion();
        i.applicant = applicantMap(d.applicant());
        i.form = d.form().isEmpty() ? null : new HashMap<>(d.form());
        i.version = d.version();
        return i;
    }

    /** The dossier an item holds; one stored before the units it reached were recorded gets them from its audit trail. */
    Dossier toDossier(Items.DossierItem i) {
        Dossier d = stored(i);
        return d.reached() != null ? d : d.withReached(Dossier.reachedFrom(history(d.id()), d.processing()));
    }

    static Dossier stored(Items.DossierItem i) {
        Map<String, String> a = i.applicant == null ? Map.of() : i.applicant;
        Applicant applicant = new Applicant(a.get("fullName"), a.get("idNumber"), a.get("enterpriseCode"),
                a.get("address"), a.get("phone"), a.get("email"));
        return new Dossier(i.id, i.code, i.procedureCode, i.procedureVersion == null ? 1 : i.procedureVersion.intValue(),
                i.agencyCode, i.unitCode, i.ownerId, applicant, i.form, DossierStatus.valueOf(i.status), i.statusReason,
                inst(i.createdAt), inst(i.updatedAt), inst(i.submittedAt), inst(i.receivedAt),
                i.dueDate == null ? null : java.time.LocalDate.parse(i.dueDate),
                i.processing == null ? null : processing(Json.obj(Json.parse(i.processing))), i.reached, i.version == null ? 0 : i.version);
    }

    /** The ByHolder partition of a unit's dossiers in one status. */
    static String holderKey(String agency, String unit, DossierStatus status) {
        return "HOLDER#" + agency + "#" + unit + "#" + status;
    }

    /** The due date a queue sorts by: the step's, else the appointment, else last. */
    static String sortDue(Dossier d) {
        if (d.processing() != null && d.processing().stepDue() != null && d.processing().step() != null) return d.processing().stepDue().toString();
        return d.dueDate() == null ? "9999-12-31" : d.dueDate().toString();
    }

    /** The unit whose work the dossier is: its step's unit, else the agency's one-stop desk; none for a draft. */
    static String holder(Dossier d) {
        if (d.status() == DossierStatus.DRAFT) return null;
        if (d.processing() != null && d.processing().step() != null && d.processing().unit() != null) return d.processing().unit();
        return vn.gov.bvhttdl.dvc.domain.Organisation.standard().agency(d.agencyCode()).map(a -> a.oneStop().code()).orElse(null);
    }

    private static Map<String, Object> processingMap(Processing p) {
        Map<String, Object> m = new LinkedHashMap<>();
        putObj(m, "step", p.step());
        putObj(m, "unit", p.unit());
        putObj(m, "since", str(p.since()));
        putObj(m, "stepDue", p.stepDue() == null ? null : p.stepDue().toString());
        putObj(m, "assignee", p.assignee());
        putObj(m, "assigneeName", p.assigneeName());
        putObj(m, "deadline", p.deadline());
        Processing.Consultation c = p.consultation();
        if (c != null) {
            Map<String, Object> cm = new LinkedHashMap<>();
            putObj(cm, "agency", c.agency());
            putObj(cm, "unit", c.unit());
            putObj(cm, "question", c.question());
            cm.put("files", new ArrayList<Object>(c.files()));
            putObj(cm, "askedAt", str(c.askedAt()));
            putObj(cm, "askedBy", c.askedBy());
            putObj(cm, "due", c.due() == null ? null : c.due().toString());
            putObj(cm, "answer", c.answer());
            putObj(cm, "answeredBy", c.answeredBy());
            putObj(cm, "answeredAt", str(c.answeredAt()));
            m.put("consultation", cm);
        }
        return m;
    }

    private static Processing processing(Map<String, Object> m) {
        Processing.Consultation c = null;
        if (m.get("consultation") != null) {
            Map<String, Object> cm = Json.obj(m.get("consultation"));
            c = new Processing.Consultation(Json.str(cm, "agency"), Json.str(cm, "unit"), Json.str(cm, "question"),
                    Json.list(cm.get("files")).stream().map(Object::toString).toList(), inst(Json.str(cm, "askedAt")),
                    Json.str(cm, "askedBy"), date(Json.str(cm, "due")), Json.str(cm, "answer"), Json.str(cm, "answeredBy"),
                    inst(Json.str(cm, "answeredAt")));
        }
        return new Processing(Json.str(m, "step"), Json.str(m, "unit"), inst(Json.str(m, "since")), date(Json.str(m, "stepDue")),
                Json.str(m, "assignee"), Json.str(m, "assigneeName"), c, Json.str(m, "deadline"));
    }

    private static void putObj(Map<String, Object> m, String k, Object v) {
        if (v != null) m.put(k, v);
    }

    private static java.time.LocalDate date(String s) { return s == null ? null : java.time.LocalDate.parse(s); }

    /** An entry that is not a move of the dossier (a file's verdict, a refused overwrite): sequence 0. */
    private static Items.AuditItem toItem(AuditEvent e) {
        return toItem(e, 0);
    }

    /**
     * @param sequence orders the entries of one instant: the dossier's version the move produced (two moves made at
     *                 the same moment, the reception and the payment request, keep their order)
     */
    private static Items.AuditItem toItem(AuditEvent e, long sequence) {
        Items.AuditItem i = new Items.AuditItem();
        i.pk = DOSSIER + e.dossierId();
        // fixed-width time, then the sequence, so the keys sort as the trail happened; a random tail keeps the rest apart
        i.sk = SortableTime.auditKey(e.at(), sequence);
        i.dossierId = e.dossierId();
        i.at = e.at().toString();
        i.actor = e.actor();
        i.role = e.role().name();
        i.action = e.action();
        i.from = e.from() == null ? null : e.from().name();
        i.to = e.to() == null ? null : e.to().name();
        i.reason = e.reason();
        i.details = e.details().isEmpty() ? null : new HashMap<>(e.details());
        return i;
    }

    static AuditEvent toEvent(Items.AuditItem i) {
        return new AuditEvent(i.dossierId, Instant.parse(i.at), i.actor, Role.valueOf(i.role), i.action,
                i.from == null ? null : DossierStatus.valueOf(i.from), i.to == null ? null : DossierStatus.valueOf(i.to),
                i.reason, i.details);
    }

    private static Map<String, String> applicantMap(Applicant a) {
        if (a == null) return null;
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "fullName", a.fullName());
        put(m, "idNumber", a.idNumber());
        put(m, "enterpriseCode", a.enterpriseCode());
        put(m, "address", a.address());
        put(m, "phone", a.phone());
        put(m, "email", a.email());
        return m.isEmpty() ? null : m;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) m.put(k, v);
    }

    private static String str(Instant i) { return i == null ? null : i.toString(); }

    private static Instant inst(String s) { return s == null ? null : Instant.parse(s); }
}
