package vn.gov.bvhttdl.dvc.local.runner;

import software.amazon.awssdk.services.sqs.SqsClient;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays S3 event notifications, which S3Proxy does not emit: reads the journal of completed writes that the
 * project's S3Proxy appends to (one line per PUT, copy or completed multipart upload, with the version id), and for
 * each write in the trigger's bucket and under its prefix invokes the function asynchronously with a real
 * {@code ObjectCreated:*} event. As S3 does, only complete objects are announced, each write once, with the version
 * it created. As Lambda does for asynchronous invocations, a failed event is retried twice and then sent to the
 * function's dead-letter queue.
 * <p>
 * Where the journal has been read up to is kept in a position file (in the runner's data folder): advanced after
 * each write is announced (delivered, or after its retries sent to the dead-letter queue), so that a runner
 * restarted after a crash or a stop goes on from the first write not yet announced. Every write is announced at
 * least once; one whose announcement was under way when the runner died is announced again (the function is
 * idempotent, as it must be on AWS).
 */
final class S3Notifications extends EventSource {
    /** One completed write, as the journal records it. */
    record Write(String event, String bucket, long size, String eTag, String versionId, String key) {
        /** A journal line with the journal offset just past it. */
        record At(Write write, long end) {}

        static Write parse(String line) {
            String[] f = line.split(" ", 6);
            if (f.length < 6) return null;
            return new Write(f[0], f[1], Long.parseLong(f[2]), f[3].equals("-") ? "" : f[3], f[4].equals("-") ? null : f[4],
                    URLDecoder.decode(f[5], StandardCharsets.UTF_8));
        }
    }

    private final SqsClient sqs;
    private final String bucket;
    private final String prefix;
    private final String deadLetterQueueUrl;
    private final Path journal;
    private final Path position;
    private long offset;
    private long sequencer = System.nanoTime();

    /**
     * @param position where the journal offset reached is kept across restarts (null: nothing kept, the journal is
     *                 read from its start, as a transient stack's journal is new)
     */
    S3Notifications(Path journal, Path position, SqsClient sqs, String bucket, String prefix, FunctionHost function, String deadLetterQueueUrl) {
        super("s3", function);
        this.journal = journal;
        this.position = position;
        this.sqs = sqs;
        this.bucket = bucket;
        this.prefix = prefix;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
        this.offset = resumeAt();
    }

    /**
     * The offset to go on from: the one kept, unless the journal is now shorter (a new journal: from its start).
     * With no position kept yet, from the journal's start: what is in it may never have been announced.
     */
    private long resumeAt() {
        try {
            long size = Files.exists(journal) ? Files.size(journal) : 0;
            if (position == null || !Files.exists(position)) return 0;
            long kept = Long.parseLong(Files.readString(position, StandardCharsets.US_ASCII).trim());
            return kept >= 0 && kept <= size ? kept : 0;
        } catch (NumberFormatException unreadable) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps {@code end} as the offset reached (written whole, then renamed into place: never half a number). */
    private void keep(long end) {
        offset = end;
        if (position == null) return;
        try {
            Files.createDirectories(position.toAbsolutePath().getParent());
            Path tmp = position.resolveSibling(position.getFileName() + ".tmp");
            Files.writeString(tmp, Long.toString(end), StandardCharsets.US_ASCII);
            Files.move(tmp, position, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void poll() throws InterruptedException {
        scan();
        Thread.sleep(100);
    }

    /**
     * Announces every complete write recorded since the last pass, each one's position kept once announced. Stopped
     * (the runner closing), it leaves the rest for the next start.
     */
    synchronized void scan() {
        long reached = offset;
        for (Write.At at : newWrites()) {
            if (!running()) break;
            Write w = at.write();
            if (w != null && w.bucket().equals(bucket) && w.key().startsWith(prefix)) {
                notifyCreated(w);
                keep(at.end());
            }
            reached = at.end();
        }
        if (reached != offset) keep(reached);
    }

    /** The lines complete since {@link #offset} (an unreadable one as a null write), with the offset past each. */
    private List<Write.At> newWrites() {
        List<Write.At> out = new ArrayList<>();
        if (!Files.exists(journal)) return out;
        try (RandomAccessFile f = new RandomAccessFile(journal.toFile(), "r")) {
            if (f.length() <= offset) return out;
            f.seek(offset);
            byte[] bytes = new byte[(int) Math.min(f.length() - offset, 4 * 1024 * 1024)];
            f.readFully(bytes);
            int end = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    Write w;
                    try {
                        w = Write.parse(new String(bytes, end, i - end, StandardCharsets.UTF_8));
                    } catch (RuntimeException unreadable) {
                        w = null;
                    }
                    out.add(new Write.At(w, offset + i + 1));
                    end = i + 1;
                }
            }
            // a line still being written is read on the next pass
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    String bucket() { return bucket; }

    void notifyCreated(Write w) {
        String event = Json.write(Map.of("Records", List.of(record(w))));
        Exception last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                function.invoke(event);
                return;
            } catch (Exception e) {
                last = e;
                System.err.println("[s3] " + function.name + " attempt " + attempt + " failed for " + w.key() + ": " + e);
            }
        }
        if (deadLetterQueueUrl != null) {
            String reason = String.valueOf(last);
            sqs.sendMessage(b -> b.queueUrl(deadLetterQueueUrl).messageBody(event).messageAttributes(Map.of(
                    "ErrorMessage", software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder()
                            .dataType("String").stringValue(reason.length() > 1000 ? reason.substring(0, 1000) : reason).build())));
        }
    }

    private Map<String, Object> record(Write w) {
        Map<String, Object> object = new LinkedHashMap<>();
        // keys in notifications are URL-encoded with '+' for spaces, like S3's
        object.put("key", URLEncoder.encode(w.key(), StandardCharsets.UTF_8).replace("%2F", "/"));
        object.put("size", Math.max(0, w.size()));
        object.put("eTag", w.eTag());
        if (w.versionId() != null) object.put("versionId", w.versionId());
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
        r.put("eventTime", Instant.now().toString());
        r.put("eventName", w.event());
        r.put("userIdentity", Map.of("principalId", "LOCAL"));
        r.put("requestParameters", Map.of("sourceIPAddress", "127.0.0.1"));
        r.put("responseElements", Map.of("x-amz-request-id", "LOCAL", "x-amz-id-2", "LOCAL"));
        r.put("s3", s3);
        return r;
    }
}
