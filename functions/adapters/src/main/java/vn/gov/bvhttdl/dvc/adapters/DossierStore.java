package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import vn.gov.bvhttdl.dvc.application.Dossiers;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dossiers and their audit trail in the single DynamoDB table ({@link Layout}). Every change is written together
 * with its audit entry in one TransactWriteItems, guarded by the version the change was made from (optimistic
 * locking). The other item families of a dossier are {@link AttachmentStore}, {@link LookupKeyStore},
 * {@link SequenceStore}, and its indexes {@link WorkQueueStore}.
 */
public final class DossierStore implements Dossiers {
    private final DynamoDbClient client;
    private final DynamoDbEnhancedClient enhanced;
    private final String tableName;
    private final DynamoDbTable<Items.DossierItem> dossiers;
    private final DynamoDbTable<Items.AuditItem> audit;

    public DossierStore(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        this.dossiers = enhanced.table(tableName, Items.DOSSIER);
        this.audit = enhanced.table(tableName, Items.AUDIT);
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

    DynamoDbEnhancedClient enhanced() { return enhanced; }

    /** Stores a new dossier and its creation event. */
    @Override
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
    @Override
    public String createOnce(Dossier.Change change, String idempotencyKey, String fingerprint) {
        Map<String, AttributeValue> key = Layout.idempotencyKey(change.dossier().ownerId(), idempotencyKey);
        Map<String, AttributeValue> marker = new HashMap<>(key);
        marker.put("dossierId", AttributeValue.fromS(change.dossier().id()));
        marker.put("fingerprint", AttributeValue.fromS(fingerprint));
        try {
            client.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(tableName)
                            .item(marker).conditionExpression("attribute_not_exists(PK)")).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(tableName)
                            .item(Items.DOSSIER.itemToMap(Layout.toItem(change.dossier()), true)).conditionExpression("attribute_not_exists(PK)")).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(tableName)
                            .item(Items.AUDIT.itemToMap(Layout.toItem(change.event(), change.dossier().version()), true))).build()));
            return change.dossier().id();
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, 0)) {
                var existing = client.getItem(g -> g.tableName(tableName).consistentRead(true).key(key)).item();
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
    @Override
    public void save(Dossier.Change change) {
        long expected = change.dossier().version() - 1;
        write(change, Expression.builder().expression("version = :v")
                .putExpressionValue(":v", AttributeValue.fromN(Long.toString(expected))).build());
    }

    private void write(Dossier.Change change, Expression condition) {
        try {
            enhanced.transactWriteItems(t -> t
                    .addPutItem(dossiers, TransactPutItemEnhancedRequest.builder(Items.DossierItem.class)
                            .item(Layout.toItem(change.dossier())).conditionExpression(condition).build())
                    .addPutItem(audit, Layout.toItem(change.event(), change.dossier().version())));
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, 0)) {
                throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("dossier " + change.dossier().id() + " is no longer at version " + (change.dossier().version() - 1));
            }
            throw e;
        }
    }

    static boolean conditionFailed(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /**
     * Ids and codes this store hands out are ASCII letters, digits, '.', '-' and '_'; anything else (a lone UTF-16
     * surrogate, which DynamoDB refuses to deserialise, among others) names nothing, without a round trip.
     */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Whether {@code idOrCode} can name anything in the table (else the answer is "none", without asking). */
    static boolean nameable(String idOrCode) { return idOrCode != null && NAME.matcher(idOrCode).matches(); }

    @Override
    public Optional<Dossier> find(String id) {
        if (!nameable(id)) return Optional.empty();
        Items.DossierItem item = dossiers.getItem(r -> r.key(Layout.dossierKey(id)).consistentRead(true));
        return Optional.ofNullable(item).map(this::toDossier);
    }

    /**
     * The dossier an item holds; one stored before the units it reached or its facts were recorded gets them from its
     * audit trail (read once for both).
     */
    Dossier toDossier(Items.DossierItem i) {
        Dossier d = Layout.stored(i);
        if (d.reached() != null && d.facts() != null) return d;
        List<AuditEvent> trail = history(d.id());
        if (d.reached() == null) d = d.withReached(Dossier.reachedFrom(trail, d.processing()));
        if (d.facts() == null) d = d.withFacts(vn.gov.bvhttdl.dvc.domain.Facts.fromTrail(trail));
        return d;
    }

    /**
     * The audit trail of a dossier, oldest first: sorted by time and sequence after reading, so entries stored under
     * the older keys (time of varying width, no sequence) come out in true order too ({@link SortableTime#inOrder}).
     */
    @Override
    public List<AuditEvent> history(String id) {
        List<SortableTime.Keyed> out = new ArrayList<>();
        audit.query(QueryEnhancedRequest.builder().queryConditional(QueryConditional.sortBeginsWith(Layout.auditOf(id)))
                .consistentRead(true).build())
                .items().forEach(i -> out.add(new SortableTime.Keyed(Layout.toEvent(i), i.sk)));
        return SortableTime.inOrder(out);
    }
}
