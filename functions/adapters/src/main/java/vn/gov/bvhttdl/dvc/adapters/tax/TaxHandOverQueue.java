package vn.gov.bvhttdl.dvc.adapters.tax;

import software.amazon.awssdk.services.sqs.SqsClient;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.adapters.national.NationalOutbox;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The e-receipts' hand-over queue: the standard SQS queue of the setting {@code TAX_HANDOVER_QUEUE_URL}, one message
 * per receipt recorded ({@code {"receiptId"}}). No order is needed (each receipt is handed over on its own) and a
 * message delivered twice is dropped by the hand-over's marker. The consumer's backoff also goes through here.
 */
public final class TaxHandOverQueue {
    private final Supplier<SqsClient> sqs;
    private final Supplier<String> queueUrl;
    private volatile SqsClient client;

    public TaxHandOverQueue(Supplier<SqsClient> sqs, Supplier<String> queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public static TaxHandOverQueue fromSettings() {
        return new TaxHandOverQueue(() -> SqsClient.builder().httpClient(AwsClients.HTTP).credentialsProvider(AwsClients.credentials()).build(),
                () -> Settings.require("TAX_HANDOVER_QUEUE_URL"));
    }

    private SqsClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) client = sqs.get();
            }
        }
        return client;
    }

    /** Puts the receipt {@code receiptId} on the queue. */
    public void put(String receiptId) {
        client().sendMessage(b -> b.queueUrl(queueUrl.get()).messageBody(Json.write(Map.of("receiptId", receiptId))));
    }

    /**
     * The receipt a message names.
     *
     * @throws DomainException {@code unreadable-message} when it names none (sending it again gives the same answer)
     */
    public static String read(String body) {
        try {
            Object id = Json.obj(Json.parse(body)).get("receiptId");
            if (!(id instanceof String s) || s.isBlank()) throw new IllegalArgumentException("no receiptId");
            return s;
        } catch (RuntimeException e) {
            throw DomainException.of("unreadable-message", "why", vn.gov.bvhttdl.dvc.domain.Limits.clip(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    /** Makes a received message visible again in {@code seconds} (the backoff of a transient failure). */
    public void retryIn(String receiptHandle, int seconds) {
        client().changeMessageVisibility(b -> b.queueUrl(queueUrl.get()).receiptHandle(receiptHandle).visibilityTimeout(seconds));
    }

    /** The delay before the {@code receiveCount}-th retry ({@link NationalOutbox#backoff}: doubling, capped). */
    public static int backoff(int receiveCount, int base, int max) { return NationalOutbox.backoff(receiveCount, base, max); }
}
