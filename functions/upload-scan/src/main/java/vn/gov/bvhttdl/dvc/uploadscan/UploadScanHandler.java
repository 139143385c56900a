package vn.gov.bvhttdl.dvc.uploadscan;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import io.micronaut.context.annotation.Factory;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs on every object created under {@code dossiers/} in the uploads bucket: checks the bytes ({@link FileInspector},
 * then the malware hook), records the verdict on the attachment the API authorised, and moves a rejected file to the
 * quarantine bucket (kept, never served). An object that cannot be handled makes the invocation fail: Lambda retries
 * the asynchronous event and then sends it to the function's dead-letter queue, so no upload goes unnoticed.
 */
public class UploadScanHandler extends MicronautRequestHandler<S3Event, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(UploadScanHandler.class);
    /** {@code dossiers/<dossier id>/<component code>/<upload id>} */
    static final Pattern KEY = Pattern.compile("^dossiers/([0-9a-fA-F-]{36})/([A-Za-z0-9_-]{1,40})/([0-9a-fA-F-]{36})$");

    @Inject
    DossierStore store;

    @Inject
    S3Client s3;

    @Inject
    MalwareScanner scanner;

    @Inject
    Clock clock;

    private final FileInspector inspector = new FileInspector();

    @Override
    public Void execute(S3Event event) {
        for (S3EventNotification.S3EventNotificationRecord r : event.getRecords()) {
            String bucket = r.getS3().getBucket().getName();
            // keys in S3 notifications are URL-encoded, with '+' for spaces
            String key = URLDecoder.decode(r.getS3().getObject().getKey(), StandardCharsets.UTF_8);
            handle(bucket, key);
        }
        return null;
    }

    private void handle(String bucket, String key) {
        Matcher m = KEY.matcher(key);
        Optional<Attachment> authorised = m.matches() ? store.attachment(m.group(1), key) : Optional.empty();
        if (authorised.isEmpty()) {
            // nobody authorised this upload: keep it out of reach, but keep it
            quarantine(bucket, key);
            LOG.warn("s3://{}/{} was not authorised by the API: quarantined", bucket, key);
            return;
        }
        Attachment a = authorised.get();
        if (a.status() != Attachment.Status.PENDING) {
            LOG.info("s3://{}/{} already scanned: {}", bucket, key, a.status());
            return;
        }
        ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        byte[] bytes = object.asByteArray();
        FileInspector.Verdict v = inspector.inspect(bytes, Attachment.extension(a.fileName()), a.declaredSize());
        if (v.accepted()) {
            String found;
            try {
                found = scanner.scan(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("malware scanner unavailable; the event will be retried", e);
            }
            if (found != null) {
                v = new FileInspector.Verdict(false, new Text("phát hiện mã độc: " + found, "malware found: " + found),
                        v.detectedType(), v.sha256(), null);
            }
        }
        if (!v.accepted()) quarantine(bucket, key);
        boolean recorded = store.recordVerdict(a.scanned(v.accepted() ? Attachment.Status.ACCEPTED : Attachment.Status.REJECTED,
                v.reason(), v.detectedType(), v.sha256(), v.pages(), clock.instant()));
        LOG.info("s3://{}/{}: {} {}", bucket, key, v.accepted() ? "accepted" : "rejected", recorded ? "" : "(already recorded)");
    }

    private void quarantine(String bucket, String key) {
        String target = Settings.require("QUARANTINE_BUCKET");
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(key).destinationBucket(target).destinationKey(key));
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    @Factory
    static final class Beans {
        @Singleton
        DossierStore store() { return DossierStore.primedFromSettings("upload-scan", null); }

        @Singleton
        S3Client s3() { return AwsClients.s3(); }

        @Singleton
        MalwareScanner scanner() { return MalwareScanner.fromSettings(); }

        @Singleton
        Clock clock() { return Clock.systemUTC(); }
    }
}
