package vn.gov.bvhttdl.dvc.adapters.national;

import software.amazon.awssdk.services.sqs.SqsClient;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The national portal's outbox: the SQS FIFO queue of the setting {@code NATIONAL_SYNC_QUEUE_URL}, one message per
 * dossier event ({@code {"dossierId", "version"}}), grouped by dossier (the queue hands a group's messages out one at
 * a time, in order) and deduplicated by {@code <dossier id>#<version>} (a stream record delivered twice within five
 * minutes is one message; later, the sync's marker drops it). The consumer's backoff also goes through here: a
 * message that failed for now is made visible again after a delay that grows with its receive count.
 */
public final class NationalOutbox {
    private final Supplier<SqsClient> sqs;
    private final Supplier<String> queueUrl;
    private volatile SqsClient client;

    public NationalOutbox(Supplier<SqsClient> sqs, Supplier<String> queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public static NationalOutbox fromSettings() {
        return new NationalOutbox(() -> SqsClient.builder().httpClient(AwsClients.HTTP).credentialsProvider(AwsClients.credentials()).build(),
                () -> Settings.require("NATIONAL_SYNC_QUEUE_URL"));
    }

    private SqsClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) client = sqs.get();
            }
        }
        return client;
    }

    /** One dossier event: the change that produced {@code version}. */
    public record Event(String dossierId, long version) {
        public String key() { return dossierId + "#" + version; }
    }

    public void put(Event e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dossierId", e.dossierId());
        body.put("version", e.version());
        client().sendMessage(b -> b.queueUrl(queueUrl.get()).messageBody(Json.write(body))
                .messageGroupId(e.dossierId()).messageDeduplicationId(e.key()));
    }

    /**
     * The event a message carries.
     *
     * @throws DomainException {@code unreadable-message} when it is not one (sending it again gives the same answer)
     */
    public static Event read(String body) {
        try {
            Map<String, Object> m = Json.obj(Json.parse(body));
            Object id = m.get("dossierId"), v = m.get("version");
            if (!(id instanceof String s) || s.isBlank() || !(v instanceof Number n) || n.longValue() < 1) {
                throw new IllegalArgumentException("no dossierId and version");
            }
            return new Event(s, n.longValue());
        } catch (RuntimeException e) {
            throw DomainException.of("unreadable-message", "why", vn.gov.bvhttdl.dvc.domain.Limits.clip(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    /** Makes a received message visible again in {@code seconds} (the backoff of a transient failure). */
    public void retryIn(String receiptHandle, int seconds) {
        client().changeMessageVisibility(b -> b.queueUrl(queueUrl.get()).receiptHandle(receiptHandle).visibilityTimeout(seconds));
    }

    /**
     * The delay before the {@code receiveCount}-th retry: {@code base} doubled per receive, at most {@code max}
     * seconds (SQS allows up to 12 hours).
     */
    public static int backoff(int receiveCount, int base, int max) {
        long d = (long) Math.max(1, base) << Math.min(20, Math.max(0, receiveCount - 1));
        return (int) Math.min(Math.min(d, max), 43_200);
    }
}
