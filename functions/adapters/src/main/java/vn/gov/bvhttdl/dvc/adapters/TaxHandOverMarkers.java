package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The e-receipts' hand-over markers ({@code TAXHANDOVER#<receipt id>} / {@code META}, {@link Layout#taxHandOverKey}):
 * {@code state} CLAIMED (with {@code owner} and {@code until}) while a consumer sends, HANDED_OVER (with {@code at},
 * {@code late}) once the tax authority took the data. Read strongly consistent; every write conditional.
 */
public final class TaxHandOverMarkers implements vn.gov.bvhttdl.dvc.application.HandOverMarkers {
    private final DynamoDbClient client;
    private final String table;

    public TaxHandOverMarkers(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public boolean handedOver(String receiptId) {
        var item = client.getItem(b -> b.tableName(table).key(Layout.taxHandOverKey(receiptId)).consistentRead(true)).item();
        AttributeValue s = item == null ? null : item.get("state");
        return s != null && "HANDED_OVER".equals(s.s());
    }

    @Override
    public boolean claim(String receiptId, String owner, Instant now, Instant until) {
        Map<String, AttributeValue> item = new HashMap<>(Layout.taxHandOverKey(receiptId));
        item.put("state", AttributeValue.fromS("CLAIMED"));
        item.put("owner", AttributeValue.fromS(owner));
        item.put("until", AttributeValue.fromS(until.toString()));
        try {
            client.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(PK) OR (#s = :claimed AND #u < :now)")
                    .expressionAttributeNames(Map.of("#s", "state", "#u", "until"))
                    .expressionAttributeValues(Map.of(":claimed", AttributeValue.fromS("CLAIMED"), ":now", AttributeValue.fromS(now.toString()))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public boolean handedOver(String receiptId, String owner, Instant at, boolean late) {
        Map<String, AttributeValue> item = new HashMap<>(Layout.taxHandOverKey(receiptId));
        item.put("state", AttributeValue.fromS("HANDED_OVER"));
        item.put("owner", AttributeValue.fromS(owner));
        item.put("at", AttributeValue.fromS(at.toString()));
        item.put("late", AttributeValue.fromBool(late));
        try {
            client.putItem(b -> b.tableName(table).item(item).conditionExpression("#s = :claimed AND #o = :owner")
                    .expressionAttributeNames(Map.of("#s", "state", "#o", "owner"))
                    .expressionAttributeValues(Map.of(":claimed", AttributeValue.fromS("CLAIMED"), ":owner", AttributeValue.fromS(owner))));
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    @Override
    public void release(String receiptId, String owner) {
        try {
            client.deleteItem(b -> b.tableName(table).key(Layout.taxHandOverKey(receiptId)).conditionExpression("#s = :claimed AND #o = :owner")
                    .expressionAttributeNames(Map.of("#s", "state", "#o", "owner"))
                    .expressionAttributeValues(Map.of(":claimed", AttributeValue.fromS("CLAIMED"), ":owner", AttributeValue.fromS(owner))));
        } catch (ConditionalCheckFailedException notOurs) {
            // another consumer's claim, or handed over: nothing of ours to give up
        }
    }
}
