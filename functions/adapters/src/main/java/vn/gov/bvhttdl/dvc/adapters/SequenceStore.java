package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import vn.gov.bvhttdl.dvc.application.Sequences;

import java.util.Map;

/**
 * The table's atomic counters ({@code UpdateItem ADD n :1}, {@link Layout}): the receipts' daily sequences
 * ({@code SEQ#…}), the results' numbers of a dossier, and the sweep's hand-overs of a submitted version.
 */
public final class SequenceStore implements Sequences {
    private final DynamoDbClient client;
    private final String tableName;

    SequenceStore(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    /**
     * The next number of the daily sequence of {@code unitCode} on {@code dayKey}: an atomic counter, so two
     * receipts can never share a number, whatever the concurrency. A number taken by a receipt that then fails is
     * not reused (a gap, never a repeat).
     */
    @Override
    public long nextSequence(String unitCode, String dayKey) {
        return increment(Layout.sequenceKey(unitCode, dayKey));
    }

    @Override
    public long nextResultNumber(String dossierCode) {
        return increment(Layout.resultSequenceKey(dossierCode));
    }

    /**
     * Counts one more hand-over by the sweep of {@code dossierId} at {@code version} and returns the count (an atomic
     * counter per submitted version, so a resubmission starts again from one).
     */
    public long countSweep(String dossierId, long version) {
        return increment(Layout.sweepKey(dossierId, version));
    }

    private long increment(Map<String, AttributeValue> key) {
        var r = client.updateItem(b -> b.tableName(tableName).key(key)
                .updateExpression("ADD n :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(r.attributes().get("n").n());
    }
}
