package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The national portal's per-dossier markers ({@code NATIONAL#<dossier id>} / {@code SYNC}): the last version whose
 * event was handled and how (SENT, SKIPPED). Read strongly consistent; moved only by a conditional put (from the
 * version read, never back), so that two consumers of one event cannot both move it.
 */
public final class NationalSyncMarkers implements vn.gov.bvhttdl.dvc.application.SyncMarkers {
    static final String PREFIX = "NATIONAL#", SK = "SYNC";
    private final DynamoDbClient client;
    private final String table;

    public NationalSyncMarkers(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String dossierId) {
        return Map.of("PK", AttributeValue.fromS(PREFIX + dossierId), "SK", AttributeValue.fromS(SK));
    }

    @Override
    public long last(String dossierId) {
        var item = client.getItem(b -> b.tableName(table).key(key(dossierId)).consistentRead(true)).item();
        AttributeValue v = item == null ? null : item.get("version");
        return v == null ? 0 : Long.parseLong(v.n());
    }

    @Override
    public boolean advance(String dossierId, long expected, long version, String outcome) {
        if (version <= expected) return false;
        Map<String, AttributeValue> item = new HashMap<>(key(dossierId));
        item.put("version", AttributeValue.fromN(Long.toString(version)));
        item.put("outcome", AttributeValue.fromS(outcome));
        item.put("at", AttributeValue.fromS(Instant.now().toString()));
        try {
            if (expected == 0) {
                client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            } else {
                client.putItem(b -> b.tableName(table).item(item).conditionExpression("version = :e")
                        .expressionAttributeValues(Map.of(":e", AttributeValue.fromN(Long.toString(expected)))));
            }
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }
}
