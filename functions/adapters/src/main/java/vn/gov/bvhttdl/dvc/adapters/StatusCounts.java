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
 * How many dossiers each agency has in each status, kept from the table's stream (work queues and dashboards read
 * it without a Scan). Exactly once per dossier version, whatever the stream redelivers: a dossier's marker
 * ({@code DOSSIER#id / COUNTED}, the last version counted) and the counters change in one transaction, and only
 * when the version is newer than the marker.
 */
public final class StatusCounts {
    private static final String PK = "COUNTS";

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
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(Map.of("PK", AttributeValue.fromS("DOSSIER#" + id), "SK", AttributeValue.fromS("COUNTED"),
                        "v", AttributeValue.fromN(Long.toString(version))))
                .conditionExpression("attribute_not_exists(v) OR v < :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(version)))).build()).build());
        items.add(add(agency + "#" + to, 1));
        if (from != null && !from.equals(to)) items.add(add(agency + "#" + from, -1));
        try {
            client.transactWriteItems(b -> b.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) return false;
            throw e;
        }
    }

    private TransactWriteItem add(String key, int delta) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Map.of("PK", AttributeValue.fromS(PK), "SK", AttributeValue.fromS(key)))
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
