package vn.gov.bvhttdl.dvc.uploadscan;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import io.micronaut.context.annotation.Factory;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs on every object created under {@code dossiers/} in the uploads bucket and records it against its dossier.
 * (The content checks — real type by magic bytes, size, hash, quarantine — come with the submission issue.)
 * An object that cannot be recorded makes the invocation fail: Lambda retries the asynchronous event and then
 * sends it to the function's dead-letter queue, so no upload goes unnoticed.
 */
public class UploadScanHandler extends MicronautRequestHandler<S3Event, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(UploadScanHandler.class);
    /** {@code dossiers/<dossier id>/<file name>} */
    static final Pattern KEY = Pattern.compile("^dossiers/([0-9a-fA-F-]{36})/([^/]+)$");

    @Inject
    DossierStore store;

    @Inject
    Clock clock;

    @Override
    public Void execute(S3Event event) {
        for (S3EventNotification.S3EventNotificationRecord r : event.getRecords()) {
            String bucket = r.getS3().getBucket().getName();
            // keys in S3 notifications are URL-encoded, with '+' for spaces
            String key = URLDecoder.decode(r.getS3().getObject().getKey(), StandardCharsets.UTF_8);
            Matcher m = KEY.matcher(key);
            if (!m.matches()) {
                throw new IllegalArgumentException("object s3://" + bucket + "/" + key + " is not under dossiers/<id>/");
            }
            Long size = r.getS3().getObject().getSizeAsLong();
            boolean recorded = store.recordAttachment(m.group(1), bucket, key, size == null ? 0 : size,
                    r.getS3().getObject().geteTag(), clock.instant());
            LOG.info("{} s3://{}/{}", recorded ? "recorded" : "already recorded", bucket, key);
        }
        return null;
    }

    @Factory
    static final class Beans {
        @Singleton
        DossierStore store() { return DossierStore.primedFromSettings("upload-scan", null); }

        @Singleton
        Clock clock() { return Clock.systemUTC(); }
    }
}
