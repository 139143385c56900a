package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.gov.bvhttdl.dvc.application.LookupKeys;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The look-up keys printed on receipts ({@code LOOKUP#<code>}, {@link Layout}). */
public final class LookupKeyStore implements LookupKeys {
    private final DynamoDbClient client;
    private final String tableName;

    LookupKeyStore(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    /** Records (or replaces) the look-up key of a dossier code; written with the receipt that prints it. */
    @Override
    public void putLookupKey(String code, String dossierId, String key) {
        Map<String, AttributeValue> item = new HashMap<>(Layout.lookupKey(code));
        item.put("dossierId", AttributeValue.fromS(dossierId));
        item.put("lookupKey", AttributeValue.fromS(key));
        client.putItem(b -> b.tableName(tableName).item(item));
    }

    @Override
    public Optional<Lookup> lookup(String code) {
        if (!DossierStore.nameable(code)) return Optional.empty();
        var item = client.getItem(b -> b.tableName(tableName).consistentRead(true).key(Layout.lookupKey(code))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(new Lookup(item.get("dossierId").s(), item.get("lookupKey").s()));
    }
}
