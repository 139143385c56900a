package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

/**
 * Offline, the SMS that would have been sent: {@code OUTBOX#sms / <time>#<key>} ({@code to}, {@code text},
 * {@code sentAt}, {@code dossierCode}), listed by the runner's {@code /dev/outbox}. There is no SMS server offline.
 */
public final class SmsOutbox {
    static final String PK = "OUTBOX#sms";

    private final DynamoDbClient ddb;
    private final String table;

    SmsOutbox(DynamoDbClient ddb, String table) {
        this.ddb = ddb;
        this.table = table;
    }

    /** Keeps one message to {@code to} (already in E.164), {@code key} telling it from others of the same moment. */
    public void put(String to, String text, String key, String dossierCode) {
        String at = Instant.now().toString();
        ddb.putItem(b -> b.tableName(table).item(Map.of("PK", AttributeValue.fromS(PK), "SK", AttributeValue.fromS(at + "#" + key),
                "to", AttributeValue.fromS(to), "text", AttributeValue.fromS(text), "sentAt", AttributeValue.fromS(at),
                "dossierCode", AttributeValue.fromS(dossierCode == null ? "" : dossierCode))));
    }
}
