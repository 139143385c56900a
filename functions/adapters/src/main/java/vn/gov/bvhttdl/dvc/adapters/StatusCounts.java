package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many dossiers each agency has in each status, and each unit holds in each status, kept from the table's stream (work queues and dashboards read
 * it without a Scan). Exactly once per dossier version, whatever the stream redelivers: a dossier's marker
 * ({@code DOSSIER#id / COUNTED}, the last version counted) and the counters change in one transaction, and only
 * when the version is newer than the marker.
 */
public final class StatusCounts {
    private static final String PK = "COUNTS";
    private static final String UNIT_PK = "COUNTS-UNIT";

    private final DynamoDbClient client;
    private final String table;

    public StatusCounts(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /**
     * Counts the move of dossier {@code id} (of {@code agency}) from {@code from} (null for a new dossier) to
     * {@code to} at {@code version}; returns false when that version (or a later one) was already counted.
     */
    public boolean count(String id, String agency, String from, String to, long version) {
        return count(id, agency, from, to, null, null, version);
    }

    /**
     * The same, and the move between the work queues of units ({@code fromHolder}, {@code toHolder}: the ByHolder
     * partitions of the old and the new image, {@code HOLDER#agency#unit#status}; null for none): a dossier forwarded
     * to another unit without a change of status moves between the units' counters only.
     */
    public boolean count(String id, String agency, String from, String to, String fromHolder, String toHolder, long version) {
        List<TransactWriteItem> items = new ArrayList<>();
        Map<String, AttributeValue> marker = new java.util.HashMap<>(Layout.countedKey(id));
        marker.put("v", AttributeValue.fromN(Long.toString(version)));
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(marker)
                .conditionExpression("attribute_not_exists(v) OR v < :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(version)))).build()).build());
        if (!to.equals(from)) {
            items.add(add(PK, agency + "#" + to, 1));
            if (from != null) items.add(add(PK, agency + "#" + from, -1));
        }
        if (!java.util.Objects.equals(fromHolder, toHolder)) {
            if (toHolder != null) items.add(add(UNIT_PK, unitKey(toHolder), 1));
            if (fromHolder != null) items.add(add(UNIT_PK, unitKey(fromHolder), -1));
        }
        if (items.size() == 1) return false; // nothing moved: an edit, a note
        try {
            client.transactWriteItems(b -> b.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) return false;
            throw e;
        }
    }

    /** The unit counter of a ByHolder partition ({@link Layout#holderKey}): "CDLQG/LUHANH#IN_PROCESSING". */
    static String unitKey(String holder) {
        Layout.Holder h = Layout.holder(holder);
        return h.agency() + "/" + h.unit() + "#" + h.status();
    }

    /** Status → number of dossiers that {@code unit} of {@code agency} holds (one Query). */
    public Map<String, Long> unit(String agency, String unit) {
        Map<String, Long> out = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = client.query(b -> {
                b.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :u)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(UNIT_PK), ":u", AttributeValue.fromS(agency + "/" + unit + "#")));
                if (from != null) b.exclusiveStartKey(from);
            });
            for (var item : page.items()) {
                long n = Long.parseLong(item.get("n").n());
                if (n != 0) out.put(item.get("SK").s().substring(item.get("SK").s().indexOf('#') + 1), n);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private TransactWriteItem add(String pk, String key, int delta) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(key)))
                .updateExpression("ADD n :d").expressionAttributeValues(Map.of(":d", AttributeValue.fromN(Integer.toString(delta)))).build()).build();
    }

    /** Agency → status → number of dossiers (one Query). */
    public Map<String, Map<String, Long>> all() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = client.query(b -> {
                b.tableName(table).keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PK)));
                if (from != null) b.exclusiveStartKey(from);
            });
            for (var item : page.items()) {
                String[] k = item.get("SK").s().split("#", 2);
                long n = Long.parseLong(item.get("n").n());
                if (n != 0) out.computeIfAbsent(k[0], x -> new LinkedHashMap<>()).put(k[1], n);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }
}
