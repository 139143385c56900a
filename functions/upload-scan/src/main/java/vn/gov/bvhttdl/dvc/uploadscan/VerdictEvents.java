package vn.gov.bvhttdl.dvc.uploadscan;

import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GuardDuty's scan-result events as {@link MalwareVerdictHandler} reads them, apart from the handler so that code
 * without Micronaut (the bench's floor) reads them the same way.
 */
public final class VerdictEvents {
    private VerdictEvents() {}

    /** The EventBridge detail-type of the verdicts. */
    static final String DETAIL_TYPE = "GuardDuty Malware Protection Object Scan Result";

    /** One message: the event's verdict, handed to {@code verdicts} (also the bench's floor). */
    public static LateVerdict.Outcome handle(LateVerdict verdicts, String body) {
        Verdict v = read(body);
        return verdicts.handle(v.bucket(), v.key(), v.versionId(), v.result(), v.threats());
    }

    /** What the handler needs of the event. */
    record Verdict(String bucket, String key, String versionId, String result, List<String> threats) {}

    /** Reads the EventBridge event (the fields as GuardDuty documents them); anything else is a permanent failure. */
    @SuppressWarnings("unchecked")
    static Verdict read(String body) {
        Object parsed;
        try {
            parsed = Json.parse(body);
        } catch (RuntimeException e) {
            throw notAVerdict("not JSON");
        }
        if (!(parsed instanceof Map<?, ?> event) || !DETAIL_TYPE.equals(event.get("detail-type"))
                || !(event.get("detail") instanceof Map<?, ?> detail)) {
            throw notAVerdict("not a " + DETAIL_TYPE + " event");
        }
        Map<String, Object> d = (Map<String, Object>) detail;
        if (!(d.get("s3ObjectDetails") instanceof Map<?, ?> object) || !(object.get("bucketName") instanceof String bucket)
                || !(object.get("objectKey") instanceof String key)) {
            throw notAVerdict("no s3ObjectDetails");
        }
        Object version = object.get("versionId");
        Map<String, Object> result = d.get("scanResultDetails") instanceof Map<?, ?> r ? (Map<String, Object>) r : Map.of();
        String status = result.get("scanResultStatus") instanceof String s ? s : String.valueOf(d.get("scanStatus"));
        List<String> threats = new ArrayList<>();
        if (result.get("threats") instanceof List<?> list) {
            for (Object t : list) if (t instanceof Map<?, ?> tm && tm.get("name") != null) threats.add(String.valueOf(tm.get("name")));
        }
        return new Verdict(bucket, key, version == null ? null : String.valueOf(version), status, threats);
    }

    private static DomainException notAVerdict(String why) {
        return new DomainException(DomainException.Kind.MALFORMED, "not-a-malware-verdict",
                new Text("Thông điệp không phải kết quả quét của GuardDuty (" + why + ").", "The message is not a GuardDuty scan result (" + why + ")."));
    }

}
