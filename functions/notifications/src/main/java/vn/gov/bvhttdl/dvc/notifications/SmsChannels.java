package vn.gov.bvhttdl.dvc.notifications;

import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.MessageType;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.SendTextMessageRequest;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.application.Channel;

import java.util.function.Supplier;

/**
 * SMS: AWS End User Messaging SMS on AWS ({@code SendTextMessage}, transactional, from the registered origination
 * identity {@code SMS_ORIGINATION_IDENTITY}: a sender ID, phone number or pool ARN; to the number in E.164: a
 * Vietnamese 0xxxxxxxxx becomes +84xxxxxxxxx); offline an outbox in the table ({@code OUTBOX#sms / <time>#<key>}) that
 * the runner's {@code /dev/outbox} lists — there is no SMS server to speak to offline.
 * {@code SMS_CHANNEL}: {@code sms-voice} or {@code outbox}; unset, no SMS.
 */
public final class SmsChannels {
    private SmsChannels() {}

    public static Channel fromSettings(Table table) {
        String kind = SmtpChannel.setting("SMS_CHANNEL");
        if (kind == null) return null;
        return switch (kind) {
            case "sms-voice" -> {
                String identity = SmtpChannel.setting("SMS_ORIGINATION_IDENTITY");
                if (identity == null) throw new IllegalStateException("SMS_CHANNEL=sms-voice needs SMS_ORIGINATION_IDENTITY (the sender ID, phone number or pool ARN)");
                yield new EndUserMessaging(identity, () -> PinpointSmsVoiceV2Client.builder()
                        .httpClient(AwsClients.HTTP).credentialsProvider(AwsClients.credentials()).build());
            }
            case "outbox" -> new Outbox(table);
            default -> throw new IllegalStateException("SMS_CHANNEL is sms-voice or outbox, not " + kind);
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

    /**
     * AWS End User Messaging SMS (the SDK's {@code pinpointsmsvoicev2}): one {@code SendTextMessage} per message, from
     * the origination identity, so the function's permission names that identity's ARN (no {@code Resource: *}).
     * The text is sent as the renderer made it (unaccented, within its segments).
     */
    static final class EndUserMessaging implements Channel {
        private final String originationIdentity;
        private final Supplier<PinpointSmsVoiceV2Client> factory;
        private volatile PinpointSmsVoiceV2Client client;

        EndUserMessaging(String originationIdentity, Supplier<PinpointSmsVoiceV2Client> factory) {
            this.originationIdentity = originationIdentity;
            this.factory = factory;
        }

        /** The request for one message: transactional, from the origination identity, to the number in E.164. */
        static SendTextMessageRequest request(String originationIdentity, Message m) {
            return SendTextMessageRequest.builder()
                    .originationIdentity(originationIdentity)
                    .destinationPhoneNumber(e164(m.to()))
                    .messageBody(m.text())
                    .messageType(MessageType.TRANSACTIONAL)
                    .build();
        }

        private PinpointSmsVoiceV2Client client() {
            if (client == null) {
                synchronized (this) {
                    if (client == null) client = factory.get();
                }
            }
            return client;
        }

        @Override
        public String name() { return "sms"; }

        @Override
        public void send(Message m) {
            client().sendTextMessage(request(originationIdentity, m));
        }
    }

    /** The offline outbox: each message an item of the table ({@link vn.gov.bvhttdl.dvc.adapters.SmsOutbox}), the number in E.164. */
    static final class Outbox implements Channel {
        private final Table table;

        Outbox(Table table) {
            this.table = table;
        }

        @Override
        public String name() { return "sms"; }

        @Override
        public void send(Message m) {
            table.smsOutbox().put(e164(m.to()), m.text(), m.key(), m.dossierCode());
        }
    }
}
