package vn.gov.bvhttdl.dvc.notifications;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.gov.bvhttdl.dvc.application.Channel;

import java.time.Instant;
import java.util.Map;

/**
 * SMS: Amazon SNS on AWS (a transactional SMS to the number, in E.164: a Vietnamese 0xxxxxxxxx becomes +84xxxxxxxxx);
 * offline an outbox in the table ({@code OUTBOX#sms / <time>#<key>}) that the runner's {@code /dev/outbox} lists —
 * there is no SMS server to speak to offline. {@code SMS_CHANNEL}: {@code sns} or {@code outbox}; unset, no SMS.
 */
public final class SmsChannels {
    private SmsChannels() {}

    public static Channel fromSettings(DynamoDbClient ddb, String table) {
        String kind = SmtpChannel.setting("SMS_CHANNEL");
        if (kind == null) return null;
        return switch (kind) {
            case "sns" -> new Sns(SmtpChannel.setting("SMS_SENDER_ID"));
            case "outbox" -> new Outbox(ddb, table);
            default -> throw new IllegalStateException("SMS_CHANNEL is sns or outbox");
        };
    }

    /** +84 for a Vietnamese number written with its leading 0. */
    static String e164(String phone) {
        String digits = phone.replaceAll("[^0-9+]", "");
        if (digits.startsWith("+")) return digits;
        if (digits.startsWith("84")) return "+" + digits;
        if (digits.startsWith("0")) return "+84" + digits.substring(1);
        return "+" + digits;
    }

    static final class Sns implements Channel {
        private final String senderId;
        private volatile software.amazon.awssdk.services.sns.SnsClient client;

        Sns(String senderId) { this.senderId = senderId; }

        private software.amazon.awssdk.services.sns.SnsClient client() {
            if (client == null) {
                synchronized (this) {
                    if (client == null) client = software.amazon.awssdk.services.sns.SnsClient.builder()
                            .httpClient(vn.gov.bvhttdl.dvc.adapters.AwsClients.HTTP).credentialsProvider(vn.gov.bvhttdl.dvc.adapters.AwsClients.credentials()).build();
                }
            }
            return client;
        }

        @Override
        public String name() { return "sms"; }

        @Override
        public void send(Message m) {
            var attrs = new java.util.HashMap<String, software.amazon.awssdk.services.sns.model.MessageAttributeValue>();
            attrs.put("AWS.SNS.SMS.SMSType", software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build());
            if (senderId != null) attrs.put("AWS.SNS.SMS.SenderID", software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder().dataType("String").stringValue(senderId).build());
            client().publish(b -> b.phoneNumber(e164(m.to())).message(m.text()).messageAttributes(attrs));
        }
    }

    static final class Outbox implements Channel {
        private final DynamoDbClient ddb;
        private final String table;

        Outbox(DynamoDbClient ddb, String table) {
            this.ddb = ddb;
            this.table = table;
        }

        @Override
        public String name() { return "sms"; }

        @Override
        public void send(Message m) {
            String at = Instant.now().toString();
            ddb.putItem(b -> b.tableName(table).item(Map.of("PK", AttributeValue.fromS("OUTBOX#sms"), "SK", AttributeValue.fromS(at + "#" + m.key()),
                    "to", AttributeValue.fromS(e164(m.to())), "text", AttributeValue.fromS(m.text()), "sentAt", AttributeValue.fromS(at),
                    "dossierCode", AttributeValue.fromS(m.dossierCode() == null ? "" : m.dossierCode()))));
        }
    }
}
