package vn.gov.bvhttdl.dvc.local.runner;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays Lambda's DynamoDB stream event source mapping: reads every shard of the table's stream (dynoxide's, through
 * the DynamoDB Streams API) from the template's starting position, drops the records the filter criteria do not
 * match (as Lambda does), invokes the function with a real DynamodbEvent in batches, retries a failed batch up to
 * MaximumRetryAttempts (from the first reported failure with ReportBatchItemFailures), and then sends a description
 * of the batch to the on-failure queue and goes on — never skipping a record silently.
 * <p>
 * As Lambda does, a shard has one batch in flight at a time and is read in order: its next records are read only
 * once its batch is done (retries included). The shards are processed concurrently, each batch on a worker (in an
 * instance of the function's own, up to its concurrency). With a {@code ParallelizationFactor} above 1, a shard's
 * batch is split by partition key into that many sub-batches invoked at once: the records of one key stay in order.
 */
final class StreamEventSource extends EventSource {
    private final DynamoDbStreamsClient streams;
    private final SqsClient sqs;
    private final String streamArn;
    private final String startingPosition;
    private final int batchSize;
    private final int maxRetries;
    private final boolean reportFailures;
    private final StreamFilter filter;
    private final String onFailureQueueUrl;
    private final int parallelization;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    /** Each shard's batch in flight, if any. */
    private final Map<String, Future<?>> inFlight = new HashMap<>();
    private volatile boolean rewind;
    private final java.util.concurrent.atomic.AtomicLong delivered = new java.util.concurrent.atomic.AtomicLong();

    /** How many records that passed the filter were handed to the function (retries not counted). */
    long delivered() { return delivered.get(); }

    StreamEventSource(DynamoDbStreamsClient streams, SqsClient sqs, String streamArn, String startingPosition, int batchSize,
                      int maxRetries, boolean reportFailures, List<String> filterPatterns, String onFailureQueueUrl, FunctionHost function) {
        this(streams, sqs, streamArn, startingPosition, batchSize, maxRetries, reportFailures, filterPatterns, onFailureQueueUrl, 1, function);
    }

    StreamEventSource(DynamoDbStreamsClient streams, SqsClient sqs, String streamArn, String startingPosition, int batchSize,
                      int maxRetries, boolean reportFailures, List<String> filterPatterns, String onFailureQueueUrl,
                      int parallelizationFactor, FunctionHost function) {
        super("stream", function);
        this.streams = streams;
        this.sqs = sqs;
        this.streamArn = streamArn;
        this.startingPosition = startingPosition;
        this.batchSize = Math.max(1, Math.min(batchSize, 1000));
        this.maxRetries = maxRetries < 0 ? 3 : maxRetries; // Lambda retries until the record expires; offline: 3
        this.reportFailures = reportFailures;
        this.filter = new StreamFilter(filterPatterns);
        this.onFailureQueueUrl = onFailureQueueUrl;
        this.parallelization = Math.max(1, Math.min(parallelizationFactor, 10));
    }

    String functionName() { return function.name; }

    /** Reads the stream again from its starting position (tests: a replay of every record must change nothing). */
    void rewind() { rewind = true; }

    @Override
    protected void poll() throws InterruptedException {
        if (rewind) {
            for (Future<?> f : inFlight.values()) awaitQuietly(f);
            inFlight.clear();
            iterators.clear();
            rewind = false;
        }
        boolean started = false, busy = false;
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            String shardId = shard.shardId();
            Future<?> running = inFlight.get(shardId);
            if (running != null) {
                if (!running.isDone()) {
                    busy = true;
                    continue; // one batch per shard at a time: the next records wait for this one
                }
                inFlight.remove(shardId);
            }
            String it = iterators.get(shardId);
            if (it == null && !iterators.containsKey(shardId)) {
                it = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                        .shardIteratorType(ShardIteratorType.fromValue(startingPosition))).shardIterator();
            }
            if (it == null) continue; // a closed shard, read to its end
            String current = it;
            var page = streams.getRecords(b -> b.shardIterator(current).limit(batchSize));
            iterators.put(shardId, page.nextShardIterator());
            List<Record> batch = new ArrayList<>();
            for (Record r : page.records()) {
                Map<String, Object> json = record(r);
                if (filter.matches(json)) batch.add(r);
            }
            if (!batch.isEmpty() && running()) {
                started = true;
                delivered.addAndGet(batch.size());
                inFlight.put(shardId, workers().submit(() -> deliverInParallel(batch)));
            }
        }
        if (!started) Thread.sleep(busy ? 20 : 300);
    }

    private static void awaitQuietly(Future<?> f) throws InterruptedException {
        try {
            f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            // reported by the batch itself
        }
    }

    /**
     * A shard's batch: as one invocation, or with a parallelization factor above 1 split by partition key into that
     * many sub-batches invoked at once (each key's records in order), the shard waiting for all of them.
     */
    private void deliverInParallel(List<Record> batch) {
        if (parallelization == 1) {
            deliver(batch);
            return;
        }
        Map<Integer, List<Record>> byKey = new java.util.TreeMap<>();
        for (Record r : batch) {
            Map<String, AttributeValue> keys = r.dynamodb().keys();
            int slot = Math.floorMod(String.valueOf(keys == null ? "" : keys.get("PK")).hashCode(), parallelization);
            byKey.computeIfAbsent(slot, k -> new ArrayList<>()).add(r);
        }
        List<Future<?>> parts = new ArrayList<>();
        for (List<Record> part : byKey.values()) parts.add(workers().submit(() -> deliver(part)));
        for (Future<?> f : parts) {
            try {
                awaitQuietly(f);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Invokes the function with the batch, retrying from the first failure; what still fails goes to the on-failure queue. */
    @SuppressWarnings("unchecked")
    private void deliver(List<Record> batch) {
        List<Record> left = new ArrayList<>(batch);
        for (int attempt = 0; attempt <= maxRetries && !left.isEmpty(); attempt++) {
            try {
                String result = function.invoke(Json.write(Map.of("Records", left.stream().map(this::record).toList())));
                if (!reportFailures || result == null || result.equals("null")) return;
                Object parsed = Json.parse(result);
                List<?> failures = parsed instanceof Map<?, ?> m && m.get("batchItemFailures") instanceof List<?> l ? l : List.of();
                if (failures.isEmpty()) return;
                String first = String.valueOf(((Map<String, Object>) failures.get(0)).get("itemIdentifier"));
                int from = 0;
                for (int i = 0; i < left.size(); i++) if (left.get(i).dynamodb().sequenceNumber().equals(first)) from = i;
                left = new ArrayList<>(left.subList(from, left.size()));
            } catch (Exception e) {
                System.err.println("[stream] " + function.name + " attempt " + (attempt + 1) + " failed: " + e);
            }
        }
        if (!left.isEmpty()) {
            System.err.println("[stream] " + function.name + ": " + left.size() + " records still failing; described on the on-failure queue");
            if (onFailureQueueUrl != null) {
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("requestContext", Map.of("condition", "RetryAttemptsExhausted", "functionArn", function.name));
                info.put("DDBStreamBatchInfo", Map.of("streamArn", streamArn, "batchSize", left.size(),
                        "startSequenceNumber", left.get(0).dynamodb().sequenceNumber(),
                        "endSequenceNumber", left.get(left.size() - 1).dynamodb().sequenceNumber()));
                sqs.sendMessage(b -> b.queueUrl(onFailureQueueUrl).messageBody(Json.write(info)));
            }
        }
    }

    /** A stream record as Lambda delivers it (DynamodbEvent JSON). */
    private Map<String, Object> record(Record r) {
        Map<String, Object> ddb = new LinkedHashMap<>();
        var s = r.dynamodb();
        if (s.approximateCreationDateTime() != null) ddb.put("ApproximateCreationDateTime", s.approximateCreationDateTime().getEpochSecond());
        ddb.put("Keys", image(s.keys()));
        if (s.hasNewImage() && !s.newImage().isEmpty()) ddb.put("NewImage", image(s.newImage()));
        if (s.hasOldImage() && !s.oldImage().isEmpty()) ddb.put("OldImage", image(s.oldImage()));
        ddb.put("SequenceNumber", s.sequenceNumber());
        ddb.put("SizeBytes", s.sizeBytes() == null ? 0 : s.sizeBytes());
        ddb.put("StreamViewType", s.streamViewTypeAsString() == null ? "NEW_AND_OLD_IMAGES" : s.streamViewTypeAsString());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("eventID", r.eventID());
        out.put("eventName", r.eventNameAsString());
        out.put("eventVersion", r.eventVersion() == null ? "1.1" : r.eventVersion());
        out.put("eventSource", "aws:dynamodb");
        out.put("awsRegion", r.awsRegion() == null ? System.getProperty("aws.region", "ap-southeast-1") : r.awsRegion());
        out.put("dynamodb", ddb);
        out.put("eventSourceARN", streamArn);
        return out;
    }

    private static Map<String, Object> image(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (item != null) item.forEach((k, v) -> out.put(k, value(v)));
        return out;
    }

    private static Map<String, Object> value(AttributeValue v) {
        if (v.s() != null) return Map.of("S", v.s());
        if (v.n() != null) return Map.of("N", v.n());
        if (v.bool() != null) return Map.of("BOOL", v.bool());
        if (Boolean.TRUE.equals(v.nul())) return Map.of("NULL", true);
        if (v.hasM()) return Map.of("M", image(v.m()));
        if (v.hasL()) return Map.of("L", v.l().stream().map(StreamEventSource::value).toList());
        if (v.hasSs()) return Map.of("SS", v.ss());
        if (v.hasNs()) return Map.of("NS", v.ns());
        if (v.b() != null) return Map.of("B", java.util.Base64.getEncoder().encodeToString(v.b().asByteArray()));
        return Map.of("NULL", true);
    }
}
