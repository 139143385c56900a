package vn.gov.bvhttdl.dvc.uploadscan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import vn.gov.bvhttdl.dvc.application.Attachments;
import vn.gov.bvhttdl.dvc.application.Dossiers;
import vn.gov.bvhttdl.dvc.application.ServiceMetrics;
import vn.gov.bvhttdl.dvc.domain.Attachment;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * GuardDuty Malware Protection's verdict on an uploaded object version, which arrives after {@link UploadScan} has
 * already decided (the second opinion does not delay reception; issue #27, docs/uploads.md).
 *
 * <ul>
 *   <li>{@code THREATS_FOUND}: the version is moved to the quarantine bucket (as the scan quarantines), the file on
 *   record becomes REJECTED with the threat as its reason and an {@code attachment-threat-found} entry on the
 *   dossier's trail — what the desk sees — and {@code UploadThreatFound} is counted for the operator's alarm.</li>
 *   <li>{@code NO_THREATS_FOUND}, {@code UNSUPPORTED}, {@code ACCESS_DENIED}, {@code FAILED}: logged, nothing changes
 *   (the first scan's verdict stands).</li>
 * </ul>
 * Exactly once per object version: a repeated delivery finds the version gone from the uploads bucket and the file
 * already rejected, writes nothing and counts nothing.
 */
public final class LateVerdict {
    private static final Logger LOG = LoggerFactory.getLogger(LateVerdict.class);

    /** What was done with one verdict. */
    public enum Outcome { QUARANTINED, ALREADY_DONE, NOT_ON_RECORD, NOTHING_TO_DO }

    private final Dossiers dossiers;
    private final Attachments store;
    private final S3Client s3;
    private final Clock clock;
    private final String quarantineBucket;
    private final ServiceMetrics metrics;

    public LateVerdict(Dossiers dossiers, Attachments store, S3Client s3, Clock clock, String quarantineBucket, ServiceMetrics metrics) {
        this.dossiers = dossiers;
        this.store = store;
        this.s3 = s3;
        this.clock = clock;
        this.quarantineBucket = quarantineBucket;
        this.metrics = metrics;
    }

    /**
     * @param result  GuardDuty's {@code scanResultStatus}
     * @param threats the threats' names (THREATS_FOUND only)
     */
    public Outcome handle(String bucket, String key, String versionId, String result, List<String> threats) {
        String version = versionId == null || versionId.isBlank() || versionId.equals("null") ? null : versionId;
        if (!"THREATS_FOUND".equals(result)) {
            LOG.info("malware-protection s3://{}/{} ({}): {}; the scan's verdict stands", bucket, key, version, result);
            return Outcome.NOTHING_TO_DO;
        }
        String threat = threats == null || threats.isEmpty() ? "unnamed threat" : String.join(", ", threats);
        boolean moved = moveIfThere(bucket, key, version);
        Matcher m = UploadScan.KEY.matcher(key);
        Optional<Attachment> onRecord = m.matches() ? store.attachment(m.group(1), key) : Optional.empty();
        if (onRecord.isEmpty()) {
            LOG.warn("malware-protection s3://{}/{} ({}): threat found in an object no file is on record for{}", bucket, key, version,
                    moved ? "; quarantined" : "");
            return moved ? Outcome.QUARANTINED : Outcome.NOT_ON_RECORD;
        }
        Attachment a = onRecord.get();
        // the verdict is on this version: the file on record is another only if a later write replaced it (then that
        // write was refused and quarantined by the scan, and the file on record is not the infected one)
        if (a.versionId() != null && version != null && !a.versionId().equals(version)) {
            LOG.warn("malware-protection s3://{}/{}: threat found in version {}, not the one on record ({}): nothing else to do",
                    bucket, key, version, a.versionId());
            return moved ? Outcome.QUARANTINED : Outcome.ALREADY_DONE;
        }
        Attachment judged = a.versionId() == null && version != null ? a.ofVersion(version) : a;
        boolean recorded = store.recordThreatFound(judged, threat, clock.instant());
        if (recorded) {
            String agency = dossiers.find(a.dossierId()).map(d -> d.agencyCode()).orElse(null);
            metrics.count(ServiceMetrics.Count.of(ServiceMetrics.UPLOAD_THREAT_FOUND, agency));
            LOG.warn("malware-protection s3://{}/{} ({}): THREATS_FOUND in a file that was {}: quarantined, the dossier's desk told",
                    bucket, key, version, a.status());
            return Outcome.QUARANTINED;
        }
        LOG.info("malware-protection s3://{}/{} ({}): threat already recorded", bucket, key, version);
        return Outcome.ALREADY_DONE;
    }

    /** Moves the version to quarantine; false when it is no longer in the uploads bucket (moved by an earlier delivery). */
    private boolean moveIfThere(String bucket, String key, String version) {
        try {
            UploadScan.quarantine(s3, bucket, key, version, quarantineBucket);
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw e;
        }
    }
}
