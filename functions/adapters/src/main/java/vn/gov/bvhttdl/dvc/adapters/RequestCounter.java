package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.util.Map;

/**
 * Request counters for rate limits (the public look-up and verification pages: requests per address and minute), in
 * a small table of their own ({@code RATE_TABLE_NAME}, template.yaml {@code RateLimitTable}, expired by its TTL): the
 * only table the public function may write, so nothing it does can change a dossier.
 */
public final class RequestCounter implements vn.gov.bvhttdl.dvc.application.RequestCounts {
    private final DynamoDbClient client;
    private final String table;

    public RequestCounter(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    public static RequestCounter fromSettings(DynamoDbClient client) {
        return new RequestCounter(client, Settings.require("RATE_TABLE_NAME"));
    }

    /** Counts one more request in {@code bucket} and returns the count; the counter expires at {@code expiresAtEpochSecond}. */
    @Override
    public long count(String bucket, long expiresAtEpochSecond) {
        var r = client.updateItem(b -> b.tableName(table)
                .key(Map.of("PK", AttributeValue.fromS("RATE#" + bucket)))
                .updateExpression("ADD n :one SET expiresAt = if_not_exists(expiresAt, :exp)")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":exp", AttributeValue.fromN(Long.toString(expiresAtEpochSecond))))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(r.attributes().get("n").n());
    }
}
