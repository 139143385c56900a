package vn.gov.bvhttdl.dvc.local.runner;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays S3 event notifications, which S3Proxy does not emit: watches the bucket for new objects (under the
 * trigger's prefix) and invokes the function asynchronously with a real {@code ObjectCreated:Put} event. As Lambda
 * does for asynchronous invocations, a failed event is retried twice and then sent to the function's dead-letter
 * queue. Objects found at start-up are notified again (the function must be, and is, idempotent).
 */
final class S3Notifications extends EventSource {
    private final S3Client s3;
    private final SqsClient sqs;
    private final String bucket;
    private final String prefix;
    private final String deadLetterQueueUrl;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private long sequencer = System.nanoTime();

    S3Notifications(S3Client s3, SqsClient sqs, String bucket, String prefix, FunctionHost function, String deadLetterQueueUrl) {
        super("s3", function);
        this.s3 = s3;
        this.sqs = sqs;
        this.bucket = bucket;
        this.prefix = prefix;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    @Override
    protected void poll() throws InterruptedException {
        scan();
        Thread.sleep(300);
    }

    /** One pass over the bucket: notifies every object not notified before. */
    synchronized void scan() {
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            if (seen.add(o.key() + "\u0000" + o.eTag())) notifyCreated(o);
        }
    }

    String bucket() { return bucket; }

    void notifyCreated(S3Object o) {
        String event = Json.write(Map.of("Records", List.of(record(o))));
        Exception last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                function.invoke(event);
                return;
            } catch (Exception e) {
                last = e;
                System.err.println("[s3] " + function.name + " attempt " + attempt + " failed for " + o.key() + ": " + e);
            }
        }
        if (deadLetterQueueUrl != null) {
            String reason = String.valueOf(last);
            sqs.sendMessage(b -> b.queueUrl(deadLetterQueueUrl).messageBody(event).messageAttributes(Map.of(
                    "ErrorMessage", software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder()
                            .dataType("String").stringValue(reason.length() > 1000 ? reason.substring(0, 1000) : reason).build())));
        }
    }

    private Map<String, Object> record(S3Object o) {
        String etag = o.eTag() == null ? "" : o.eTag().replace("\"", "");
        Map<String, Object> object = new LinkedHashMap<>();
        // keys in notifications are URL-encoded with '+' for spaces, like S3's
        object.put("key", URLEncoder.encode(o.key(), StandardCharsets.UTF_8).replace("%2F", "/"));
        object.put("size", o.size());
        object.put("eTag", etag);
        object.put("sequencer", Long.toHexString(sequencer++).toUpperCase());
        Map<String, Object> s3 = new LinkedHashMap<>();
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", function.name + "-local");
        s3.put("bucket", Map.of("name", bucket, "ownerIdentity", Map.of("principalId", "LOCAL"), "arn", "arn:aws:s3:::" + bucket));
        s3.put("object", object);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("eventVersion", "2.1");
        r.put("eventSource", "aws:s3");
        r.put("awsRegion", System.getProperty("aws.region", "ap-southeast-1"));
        r.put("eventTime", (o.lastModified() == null ? Instant.now() : o.lastModified()).toString());
        r.put("eventName", "ObjectCreated:Put");
        r.put("userIdentity", Map.of("principalId", "LOCAL"));
        r.put("requestParameters", Map.of("sourceIPAddress", "127.0.0.1"));
        r.put("responseElements", Map.of("x-amz-request-id", "LOCAL", "x-amz-id-2", "LOCAL"));
        r.put("s3", s3);
        return r;
    }
}
