package vn.gov.bvhttdl.dvc.validation;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.Settings;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The submission dead-letter queue, for messages that can never be processed: the body as it came, with the reason
 * and the original message id as attributes. The SQS client is made on first use (a poison message is rare; cold
 * starts do not pay for it).
 */
public class DeadLetters {
    private final Supplier<SqsClient> sqs;
    private final String queueUrl;
    private volatile SqsClient client;

    public DeadLetters(Supplier<SqsClient> sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    static DeadLetters fromSettings() {
        return new DeadLetters(() -> SqsClient.builder().httpClient(AwsClients.HTTP).credentialsProvider(AwsClients.credentials()).build(),
                Settings.require("SUBMISSION_DLQ_URL"));
    }

    public void send(String body, String messageId, String reason) {
        if (client == null) {
            synchronized (this) {
                if (client == null) client = sqs.get();
            }
        }
        String why = reason == null ? "unknown" : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        client.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body == null || body.isEmpty() ? "(empty)" : body)
                .messageAttributes(Map.of(
                        "ErrorMessage", MessageAttributeValue.builder().dataType("String").stringValue(why).build(),
                        "OriginalMessageId", MessageAttributeValue.builder().dataType("String").stringValue(messageId == null ? "?" : messageId).build())));
    }
}
