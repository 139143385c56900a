package vn.gov.bvhttdl.dvc.local.runner;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * Plays Lambda's SQS event source mapping: long-polls the queue, invokes the function with a real SQSEvent, deletes
 * what succeeded and leaves the rest (all of the batch if the function failed, only the reported items with
 * ReportBatchItemFailures) to come back after the visibility timeout — and, after maxReceiveCount receives, to be
 * moved to the dead-letter queue by the queue's own redrive policy. A FIFO queue (ElasticMQ plays them) hands out a
 * message group's messages one at a time in order; a message the function reports keeps its group waiting until it
 * comes back.
 * <p>
 * As Lambda's pollers do, batches are invoked concurrently: a batch is received only when the function has a free
 * slot (its concurrency, {@link FunctionHost#concurrency()}), and handed to a worker, so that up to that many batches
 * run at once, each in an instance of its own; a message is in one batch at a time (the queue hides it while
 * invisible). A batch holds up to the template's {@code BatchSize} messages: with no {@code MaximumBatchingWindowInSeconds}
 * what one receive gives (at most 10), with a window the receives go on until the batch is full or the window ends.
 */
final class SqsEventSource extends EventSource {
    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final int batchSize;
    private final long windowMillis;
    private final boolean reportFailures;
    private final Integer retryDelaySeconds;
    private final Semaphore slots;

    /**
     * @param retryDelaySeconds local-only: make failed messages visible again after this many seconds instead of the
     *                          queue's visibility timeout (null keeps AWS behaviour)
     */
    SqsEventSource(SqsClient sqs, String queueUrl, String queueArn, int batchSize, boolean reportFailures,
                   FunctionHost function, Integer retryDelaySeconds) {
        this(sqs, queueUrl, queueArn, batchSize, 0, reportFailures, function, retryDelaySeconds);
    }

    SqsEventSource(SqsClient sqs, String queueUrl, String queueArn, int batchSize, int batchingWindowSeconds, boolean reportFailures,
                   FunctionHost function, Integer retryDelaySeconds) {
        super("sqs", function);
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        // without a batching window a batch is one receive (at most 10); with one, up to 10,000 (Lambda's maximum)
        this.batchSize = batchingWindowSeconds > 0 ? Math.max(1, Math.min(batchSize, 10_000)) : Math.max(1, Math.min(batchSize, 10));
        this.windowMillis = Math.max(0, batchingWindowSeconds) * 1000L;
        this.reportFailures = reportFailures;
        this.retryDelaySeconds = retryDelaySeconds;
        this.slots = new Semaphore(function.concurrency());
    }

    @Override
    protected void poll() throws InterruptedException {
        slots.acquire();
        boolean handed = false;
        try {
            List<Message> messages = receive();
            // stopped while receiving: the messages stay in the queue (visible again after the visibility timeout)
            if (!messages.isEmpty() && running()) {
                workers().execute(() -> {
                    try {
                        deliver(messages);
                    } catch (RuntimeException e) {
                        System.err.println("[sqs] " + function.name + ": " + e);
                    } finally {
                        slots.release();
                    }
                });
                handed = true;
            }
        } finally {
            if (!handed) slots.release();
        }
    }

    /** One batch: one long-poll receive, or with a batching window the receives until it is full or the window ends. */
    private List<Message> receive() throws InterruptedException {
        List<Message> batch = new ArrayList<>(receive(Math.min(batchSize, 10), 1));
        if (windowMillis == 0 || batch.isEmpty()) return batch;
        long deadline = System.currentTimeMillis() + windowMillis;
        while (batch.size() < batchSize && running()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) break;
            List<Message> more = receive(Math.min(batchSize - batch.size(), 10), (int) Math.min(left / 1000, 20));
            batch.addAll(more);
            if (more.isEmpty() && left < 1000) Thread.sleep(Math.min(left, 100));
        }
        return batch;
    }

    private List<Message> receive(int max, int waitSeconds) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(max)
                .waitTimeSeconds(waitSeconds).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
    }

    @SuppressWarnings("unchecked")
    void deliver(List<Message> messages) {
        Set<String> failed = new HashSet<>();
        try {
            String result = function.invoke(Json.write(Map.of("Records", messages.stream().map(this::record).toList())));
            if (reportFailures && result != null && !result.equals("null")) {
                Object parsed = Json.parse(result);
                if (parsed instanceof Map<?, ?> m && m.get("batchItemFailures") instanceof List<?> l) {
                    for (Object f : l) failed.add(String.valueOf(((Map<String, Object>) f).get("itemIdentifier")));
                }
            }
        } catch (Exception e) {
            System.err.println("[sqs] " + function.name + " failed; the whole batch returns to the queue: " + e);
            messages.forEach(m -> failed.add(m.messageId()));
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message m : messages) {
            if (failed.contains(m.messageId())) {
                // a FIFO queue's consumer sets its own backoff (ChangeMessageVisibility): the runner leaves it as set
                if (retryDelaySeconds != null && !queueUrl.endsWith(".fifo")) {
                    sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(retryDelaySeconds));
                }
            } else {
                done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size())).receiptHandle(m.receiptHandle()).build());
            }
        }
        for (int from = 0; from < done.size(); from += 10) {
            List<DeleteMessageBatchRequestEntry> ten = done.subList(from, Math.min(from + 10, done.size()));
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(ten));
        }
    }

    private Map<String, Object> record(Message m) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        m.attributesAsStrings().forEach(attributes::put);
        Map<String, Object> messageAttributes = new LinkedHashMap<>();
        m.messageAttributes().forEach((k, v) -> {
            Map<String, Object> a = new LinkedHashMap<>();
            if (v.stringValue() != null) a.put("stringValue", v.stringValue());
            a.put("dataType", v.dataType());
            messageAttributes.put(k, a);
        });
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("messageId", m.messageId());
        r.put("receiptHandle", m.receiptHandle());
        r.put("body", m.body());
        r.put("attributes", attributes);
        r.put("messageAttributes", messageAttributes);
        r.put("md5OfBody", m.md5OfBody());
        r.put("eventSource", "aws:sqs");
        r.put("eventSourceARN", queueArn);
        r.put("awsRegion", System.getProperty("aws.region", "ap-southeast-1"));
        return r;
    }
}
