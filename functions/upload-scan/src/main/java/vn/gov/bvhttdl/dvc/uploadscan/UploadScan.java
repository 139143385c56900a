package vn.gov.bvhttdl.dvc.uploadscan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scan of one uploaded object: checks the bytes ({@link FileInspector}, then the malware hook), records the
 * verdict on the attachment the API authorised, and moves a rejected or unauthorised file to the quarantine bucket
 * (kept, never served). Anything it cannot do throws, so the event is retried and then kept in the DLQ.
 */
public final class UploadScan {
    private static final Logger LOG = LoggerFactory.getLogger(UploadScan.class);
    /** {@code dossiers/<dossier id>/<component code>/<upload id>} */
    static final Pattern KEY = Pattern.compile("^dossiers/([0-9a-fA-F-]{36})/([A-Za-z0-9_-]{1,40})/([0-9a-fA-F-]{36})$");

    private final DossierStore store;
    private final S3Client s3;
    private final MalwareScanner scanner;
    private final Clock clock;
    private final String quarantineBucket;
    private final FileInspector inspector = new FileInspector();

    public UploadScan(DossierStore store, S3Client s3, MalwareScanner scanner, Clock clock, String quarantineBucket) {
        this.store = store;
        this.s3 = s3;
        this.scanner = scanner;
        this.clock = clock;
        this.quarantineBucket = quarantineBucket;
    }

    public void handle(String bucket, String key) {
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
        byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
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
        LOG.info("s3://{}/{}: {}{}", bucket, key, v.accepted() ? "accepted" : "rejected", recorded ? "" : " (already recorded)");
    }

    private void quarantine(String bucket, String key) {
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(key).destinationBucket(quarantineBucket).destinationKey(key));
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }
}
