package vn.gov.bvhttdl.dvc.notify;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Role;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The audit entry a stream record's new image carries (no framework: the benchmark's floor reads records the same way). */
public final class StreamRecords {
    private StreamRecords() {}

    static String s(Map<String, AttributeValue> image, String name) {
        AttributeValue v = image == null ? null : image.get(name);
        return v == null ? null : v.getS() != null ? v.getS() : v.getN();
    }

    /** The audit entry a stream record carries (its new image), or null when it is not one. */
    public static AuditEvent audit(Map<String, AttributeValue> img) {
        String pk = s(img, "PK"), sk = s(img, "SK");
        if (pk == null || !pk.startsWith("DOSSIER#") || sk == null || !sk.startsWith("AUDIT#") || s(img, "action") == null) return null;
        Map<String, String> details = new LinkedHashMap<>();
        AttributeValue d = img.get("details");
        if (d != null && d.getM() != null) d.getM().forEach((k, v) -> { if (v.getS() != null) details.put(k, v.getS()); });
        String from = s(img, "fromStatus"), to = s(img, "toStatus"), role = s(img, "role");
        return new AuditEvent(pk.substring("DOSSIER#".length()), Instant.parse(s(img, "at")), s(img, "actor"),
                role == null ? Role.SYSTEM : Role.valueOf(role), s(img, "action"), from == null ? null : DossierStatus.valueOf(from),
                to == null ? null : DossierStatus.valueOf(to), s(img, "reason"), details);
    }

}
