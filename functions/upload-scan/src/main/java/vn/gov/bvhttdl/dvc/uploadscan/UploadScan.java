package vn.gov.bvhttdl.dvc.uploadscan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import vn.gov.bvhttdl.dvc.application.Attachments;
import vn.gov.bvhttdl.dvc.application.Dossiers;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
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

    private final Dossiers dossiers;
    private final Attachments store;
    private final S3Client s3;
    private final MalwareScanner scanner;
    private final Clock clock;
    private final String quarantineBucket;
    private final FileInspector inspector = new FileInspector();
    private final vn.gov.bvhttdl.dvc.application.ServiceMetrics metrics;

    public UploadScan(Dossiers dossiers, Attachments store, S3Client s3, MalwareScanner scanner, Clock clock, String quarantineBucket) {
        this(dossiers, store, s3, scanner, clock, quarantineBucket, vn.gov.bvhttdl.dvc.application.ServiceMetrics.NONE);
    }

    /** @param metrics where a file the scan rejects is counted ({@code UploadRejected}, by agency), once per verdict recorded */
    public UploadScan(Dossiers dossiers, Attachments store, S3Client s3, MalwareScanner scanner, Clock clock, String quarantineBucket,
                      vn.gov.bvhttdl.dvc.application.ServiceMetrics metrics) {
        this.metrics = metrics;
        this.dossiers = dossiers;
        this.store = store;
        this.s3 = s3;
        this.scanner = scanner;
        this.clock = clock;
        this.quarantineBucket = quarantineBucket;
    }

    public void handle(String bucket, String key) {
        handle(bucket, key, null);
    }

    /**
     * Judges the object version {@code versionId} (from the S3 event; null where the bucket keeps no versions).
     * Every version is judged on its own: a second write to a key whose file was already judged (a presigned link
     * used again) is quarantined and the judged version stays the one on record.
     */
    public void handle(String bucket, String key, String eventVersionId) {
        // events of buckets without versioning carry none (or "null", or blank, depending on the serializer)
        String versionId = eventVersionId == null || eventVersionId.isBlank() || eventVersionId.equals("null") ? null : eventVersionId;
        Matcher m = KEY.matcher(key);
        Optional<Attachment> authorised = m.matches() ? store.attachment(m.group(1), key) : Optional.empty();
        if (authorised.isEmpty()) {
            // nobody authorised this upload: keep it out of reach, but keep it
            quarantine(bucket, key, versionId);
            LOG.warn("s3://{}/{} was not authorised by the API: quarantined", bucket, key);
            return;
        }
        Attachment a = authorised.get();
        if (a.status() != Attachment.Status.PENDING) {
            judgedAlready(bucket, key, versionId, a);
            return;
        }
        Dossier d = dossiers.find(a.dossierId()).orElse(null);
        if (d == null || !(d.status() == DossierStatus.DRAFT || d.status() == DossierStatus.AWAITING_SUPPLEMENT)) {
            // the link outlived the dossier's editable state (submitted, withdrawn…): the file does not join it
            quarantine(bucket, key, versionId);
            store.recordVerdict(a.ofVersion(versionId).scanned(Attachment.Status.REJECTED, new Text(
                    "hồ sơ không còn nhận tệp (" + (d == null ? "không tồn tại" : d.status().name()) + ")",
                    "the dossier no longer accepts files (" + (d == null ? "gone" : d.status().name()) + ")"), null, null, null, clock.instant()));
            LOG.info("s3://{}/{}: refused, dossier not editable", bucket, key);
            return;
        }
        byte[] bytes = read(bucket, key, versionId, a.declaredSize());
        FileInspector.Verdict v = bytes == null
                ? new FileInspector.Verdict(false, new Text("tệp lớn hơn kích thước đã khai báo (" + a.declaredSize() + " byte)",
                        "the file is larger than its declared size (" + a.declaredSize() + " bytes)"), null, null, null)
                : inspector.inspect(bytes, Attachment.extension(a.fileName()), a.declaredSize());
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
        if (!v.accepted()) quarantine(bucket, key, versionId);
        boolean recorded = store.recordVerdict(a.ofVersion(versionId).scanned(v.accepted() ? Attachment.Status.ACCEPTED : Attachment.Status.REJECTED,
                v.reason(), v.detectedType(), v.sha256(), v.pages(), clock.instant()));
        LOG.info("s3://{}/{} ({}): {}{}", bucket, key, versionId, v.accepted() ? "accepted" : "rejected", recorded ? "" : " (already recorded)");
        if (!v.accepted() && recorded) {
            metrics.count(vn.gov.bvhttdl.dvc.application.ServiceMetrics.Count.of(vn.gov.bvhttdl.dvc.application.ServiceMetrics.UPLOAD_REJECTED, d.agencyCode()));
        }
    }

    /** A notification for a key whose file was judged: the same version again (S3 delivers at least once) or a new write. */
    private void judgedAlready(String bucket, String key, String versionId, Attachment a) {
        if (versionId != null) {
            if (versionId.equals(a.versionId())) {
                LOG.info("s3://{}/{} version {} already judged: {}", bucket, key, versionId, a.status());
                return;
            }
            if (a.versionId() == null && a.sha256() != null) {
                // judged with no version on record (its bytes recorded before they were written): the bytes decide
                byte[] these = read(bucket, key, versionId, Math.max(a.declaredSize(), 1));
                if (these != null && a.sha256().equals(FileInspector.sha256(these))) {
                    LOG.info("s3://{}/{} version {}: the bytes judged already: {}", bucket, key, versionId, a.status());
                    return;
                }
            }
            quarantine(bucket, key, versionId);
            store.recordOverwriteRefused(a, versionId, clock.instant());
            LOG.warn("s3://{}/{}: version {} written over the judged version {}: quarantined", bucket, key, versionId, a.versionId());
            return;
        }
        // no versions kept: the bytes now there are either the judged ones or a replacement
        byte[] now = read(bucket, key, null, Math.max(a.declaredSize(), 1));
        if (now != null && a.sha256() != null && a.sha256().equals(FileInspector.sha256(now))) {
            LOG.info("s3://{}/{} already judged: {}", bucket, key, a.status());
            return;
        }
        quarantine(bucket, key, null);
        if (a.status() == Attachment.Status.ACCEPTED) store.recordReplacedAfterCheck(a, clock.instant());
        LOG.warn("s3://{}/{}: overwritten after it was judged: quarantined", bucket, key);
    }

    /** The object's bytes, reading at most {@code limit} (+1 to notice a larger object): null if it is larger. */
    private byte[] read(String bucket, String key, String versionId, long limit) {
        try (var in = s3.getObject(b -> b.bucket(bucket).key(key).versionId(versionId))) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            return bytes.length > limit ? null : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves one version (or, unversioned, the object) to the quarantine bucket: kept, never served. */
    private void quarantine(String bucket, String key, String versionId) {
        quarantine(s3, bucket, key, versionId, quarantineBucket);
    }

    /**
     * Moves one version (or, unversioned, the object) of {@code bucket} to {@code quarantineBucket} under the same key.
     * Also the late verdict's move ({@link LateVerdict}).
     */
    static void quarantine(S3Client s3, String bucket, String key, String versionId, String quarantineBucket) {
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(key).sourceVersionId(versionId)
                .destinationBucket(quarantineBucket).destinationKey(key));
        s3.deleteObject(b -> b.bucket(bucket).key(key).versionId(versionId));
    }
}
