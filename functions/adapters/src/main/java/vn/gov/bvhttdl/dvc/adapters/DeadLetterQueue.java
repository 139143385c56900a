package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A consumer's dead-letter queue, for the items that can never be processed (lambda-support's {@code Batches}): the
 * body as it came (a stream record: its description), with the reason and the original id as attributes
 * ({@code ErrorMessage}, {@code OriginalMessageId}). The queue is named by the function's {@code <NAME>_DLQ_URL} setting
 * (one name per function: offline every function's settings share one JVM's properties); the function needs
 * {@code sqs:SendMessage} on it (template.yaml, checked by LeastPrivilegeTest). The SQS client is made on first
 * use (a poison item is rare; cold starts do not pay for it). The function declares the {@code sqs} dependency.
 */
public class DeadLetterQueue {
    private final Supplier<SqsClient> sqs;
    private final Supplier<String> queueUrl;
    private volatile SqsClient client;

    public DeadLetterQueue(Supplier<SqsClient> sqs, Supplier<String> queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /**
     * The queue the setting {@code name} (e.g. {@code SUBMISSION_DLQ_URL}) names, read at the first send: a function
     * without it starts, and each send fails (the batch loop then reports the item for retry instead).
     */
    public static DeadLetterQueue named(String name) {
        return new DeadLetterQueue(() -> SqsClient.builder().httpClient(AwsClients.HTTP).credentialsProvider(AwsClients.credentials()).build(),
                () -> Settings.get(name).orElseThrow(() -> new IllegalStateException("no dead-letter queue is set (" + name + ")")));
    }

    /** A deduplication id (at most 128 characters of [A-Za-z0-9 punctuation]) for {@code messageId}. */
    static String dedupId(String messageId) {
        String clean = messageId.replaceAll("[^A-Za-z0-9._#:-]", "_");
        return clean.length() <= 128 ? clean : clean.substring(0, 128);
    }

    public void send(String body, String messageId, String reason) {
        String url = queueUrl.get();
        if (client == null) {
            synchronized (this) {
                if (client == null) client = sqs.get();
            }
        }
        String why = reason == null ? "unknown" : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        String original = messageId == null ? "?" : messageId;
        client.sendMessage(b -> {
            b.queueUrl(url).messageBody(body == null || body.isEmpty() ? "(empty)" : body)
                    .messageAttributes(Map.of(
                            "ErrorMessage", MessageAttributeValue.builder().dataType("String").stringValue(why).build(),
                            "OriginalMessageId", MessageAttributeValue.builder().dataType("String").stringValue(original).build()));
            // a FIFO queue's dead-letter queue is FIFO too: one group (order does not matter there), one entry per message
            if (url.endsWith(".fifo")) b.messageGroupId("dead-letters").messageDeduplicationId(dedupId(original));
        });
    }
}
