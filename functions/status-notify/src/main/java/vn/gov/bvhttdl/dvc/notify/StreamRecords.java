package vn.gov.bvhttdl.dvc.notify;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import vn.gov.bvhttdl.dvc.adapters.StreamItems;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;

import java.util.Map;

/**
 * The audit entry a stream record's new image carries, read by the table's own layout ({@link StreamItems}; no
 * framework: the benchmark's floor reads records the same way).
 */
public final class StreamRecords {
    private StreamRecords() {}

    /** An audit entry and its own key, the same however often the stream delivers it. */
    public record Entry(AuditEvent event, String key) {}

    /** The audit entry a stream record carries (its new image), or null when it is not one. */
    public static Entry entry(Map<String, AttributeValue> img) {
        return StreamItems.audit(img).map(a -> new Entry(a.event(), a.key())).orElse(null);
    }

    /** The audit entry alone, or null. */
    public static AuditEvent audit(Map<String, AttributeValue> img) {
        Entry e = entry(img);
        return e == null ? null : e.event();
    }
}
