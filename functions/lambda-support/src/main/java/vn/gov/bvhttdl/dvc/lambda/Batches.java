package vn.gov.bvhttdl.dvc.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Limits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one batch loop of the queue and stream consumers (ReportBatchItemFailures). Each item is handled on its own:
 * <ul>
 *   <li>a <b>permanent</b> failure (the item can never be processed: a {@link DomainException} other than a lost race,
 *   e.g. a message that is not JSON, a dossier that does not exist, a rule that refuses) goes to the function's
 *   dead-letter queue at once, with its reason, and the loop goes on: no five receives of a message that cannot
 *   work, no stream shard held up behind a record that never will;</li>
 *   <li>a <b>transient</b> one (a lost race, a throttled table, a service down: anything else) is reported as failed
 *   so that only it comes back: an SQS message after its visibility timeout (and after maxReceiveCount receives, the
 *   queue's redrive moves it to the DLQ), a stream record by the mapping's retry from it (the records after it in
 *   the batch are left for that retry, so the shard stays in order; after MaximumRetryAttempts the mapping describes
 *   the batch on its on-failure queue).</li>
 * </ul>
 * Nothing is dropped: when the dead-letter queue cannot be reached (or none is set), a permanent failure is reported
 * like a transient one.
 */
public final class Batches {
    private static final Logger LOG = LoggerFactory.getLogger(Batches.class);

    /** Where an item that can never be processed goes: its body as it came, its id and the reason. */
    @FunctionalInterface
    public interface DeadLetters {
        void send(String body, String id, String reason);
    }

    private Batches() {}

    /** A failure that sending the item again cannot mend. */
    public static boolean permanent(RuntimeException e) {
        return e instanceof DomainException d && !d.race();
    }

    /**
     * Handles {@code items} one by one; the ids of those to be delivered again.
     * @param ordered a stream: stop at the first transient failure (the rest is delivered again after it)
     * @param deadLetters made on first use (a poison item is rare); null or failing: permanent failures are retried
     */
    public static <T> List<String> run(List<T> items, Function<T, String> id, Function<T, String> body, Consumer<T> handle,
                                       boolean ordered, Supplier<DeadLetters> deadLetters) {
        List<String> failed = new ArrayList<>();
        if (items == null) return failed;
        for (T item : items) {
            String itemId = id.apply(item);
            try {
                handle.accept(item);
            } catch (RuntimeException e) {
                if (permanent(e) && deadLettered(item, itemId, body, e, deadLetters)) continue;
                if (!permanent(e)) LOG.warn("item {} failed, to be delivered again: {}: {}", itemId, e.getClass().getSimpleName(), Limits.clip(e.getMessage()));
                failed.add(itemId);
                if (ordered) break; // the stream retries from here, in order
            }
        }
        return failed;
    }

    private static <T> boolean deadLettered(T item, String itemId, Function<T, String> body, RuntimeException e, Supplier<DeadLetters> deadLetters) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        try {
            DeadLetters dlq = deadLetters == null ? null : deadLetters.get();
            if (dlq == null) throw new IllegalStateException("no dead-letter queue is set");
            dlq.send(body.apply(item), itemId, reason);
            LOG.warn("item {} can never be processed ({}): sent to the dead-letter queue", itemId, Limits.clip(reason));
            return true;
        } catch (RuntimeException dlqDown) {
            LOG.error("item {} can never be processed ({}) and the dead-letter queue failed: {}; reported for retry",
                    itemId, Limits.clip(reason), Limits.clip(dlqDown.toString()));
            return false;
        }
    }

    /** An SQS batch: each failed message is reported by its id; the others are deleted from the queue. */
    public static SQSBatchResponse sqs(SQSEvent event, Consumer<SQSEvent.SQSMessage> handle, Supplier<DeadLetters> deadLetters) {
        List<SQSEvent.SQSMessage> records = event == null ? null : event.getRecords();
        List<SQSBatchResponse.BatchItemFailure> out = new ArrayList<>();
        for (String id : run(records, SQSEvent.SQSMessage::getMessageId, SQSEvent.SQSMessage::getBody, handle, false, deadLetters)) {
            out.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(id).build());
        }
        return new SQSBatchResponse(out);
    }

    /**
     * An SQS FIFO batch, in order: at the first transient failure the loop stops, and that message and every one
     * after it are reported (a FIFO event source holds a group's later messages back only when they are reported
     * too); a permanent failure goes to the dead-letter queue and the loop goes on.
     */
    public static SQSBatchResponse sqsInOrder(SQSEvent event, Consumer<SQSEvent.SQSMessage> handle, Supplier<DeadLetters> deadLetters) {
        List<SQSEvent.SQSMessage> records = event == null ? null : event.getRecords();
        List<SQSBatchResponse.BatchItemFailure> out = new ArrayList<>();
        List<String> failed = run(records, SQSEvent.SQSMessage::getMessageId, SQSEvent.SQSMessage::getBody, handle, true, deadLetters);
        if (!failed.isEmpty()) {
            boolean after = false;
            for (SQSEvent.SQSMessage m : records) {
                if (m.getMessageId().equals(failed.getFirst())) after = true;
                if (after) out.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
            }
        }
        return new SQSBatchResponse(out);
    }

    /** A DynamoDB stream batch, in order: the first transient failure is reported by its sequence number. */
    public static StreamsEventResponse stream(DynamodbEvent event, Consumer<DynamodbEvent.DynamodbStreamRecord> handle,
                                              Supplier<DeadLetters> deadLetters) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event == null ? null : event.getRecords();
        List<StreamsEventResponse.BatchItemFailure> out = new ArrayList<>();
        for (String seq : run(records, r -> r.getDynamodb().getSequenceNumber(), Batches::describe, handle, true, deadLetters)) {
            out.add(new StreamsEventResponse.BatchItemFailure(seq));
        }
        return new StreamsEventResponse(out);
    }

    /** A stream record on the dead-letter queue: where it came from and its item's key (the item itself is in the table). */
    static String describe(DynamodbEvent.DynamodbStreamRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("eventID", r.getEventID());
        out.put("eventName", r.getEventName());
        out.put("eventSourceARN", r.getEventSourceARN());
        if (r.getDynamodb() != null) {
            out.put("sequenceNumber", r.getDynamodb().getSequenceNumber());
            Map<String, Object> keys = new LinkedHashMap<>();
            if (r.getDynamodb().getKeys() != null) {
                r.getDynamodb().getKeys().forEach((k, v) -> keys.put(k, v.getS() != null ? v.getS() : String.valueOf(v.getN())));
            }
            out.put("keys", keys);
        }
        return Json.write(out);
    }
}
