package vn.gov.bvhttdl.dvc.adapters;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import software.amazon.awssdk.core.SdkBytes;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Role;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dossier table's stream, read with the table's own item layout ({@link Layout}, as the stores read
 * the table): the stream's consumers (the status counts, the notifications) get a dossier's state or an audit entry,
 * never a raw key or attribute. The images are the Lambda events' ({@code DynamodbEvent}); each consumer brings
 * that library, this module only compiles against it.
 */
public final class StreamItems {
    private StreamItems() {}

    /**
     * A dossier's own item as a stream image shows it: what the counts need.
     *
     * @param holder  the queue the dossier is in (its {@code ByHolder} partition), null when none
     * @param version null when the image has none
     */
    public record DossierState(String dossierId, String agency, String status, String holder, Long version) {}

    /**
     * The dossier's own item ({@code META}) with a status that {@code image} is, else empty (another item, or no image).
     *
     * @throws DomainException {@code unreadable-message} for an image the table's layout cannot read (a version that is
     *                         no number): sending it again gives the same answer
     */
    public static Optional<DossierState> dossier(Map<String, AttributeValue> image) {
        if (image == null) return Optional.empty();
        Items.DossierItem i;
        try {
            i = Items.DOSSIER.mapToItem(sdk(image));
        } catch (RuntimeException e) {
            AttributeValue pk = image.get("PK");
            throw DomainException.of("unreadable-message", "why", (pk == null ? "an item" : pk.getS()) + " is not readable: "
                    + vn.gov.bvhttdl.dvc.domain.Limits.clip(e.toString()));
        }
        if (!Layout.isDossier(i.pk, i.sk) || i.status == null) return Optional.empty();
        return Optional.of(new DossierState(Layout.dossierId(i.pk), i.agencyCode, i.status, i.gsi4pk, i.version));
    }

    /**
     * The survey answer whose item ({@code DOSSIER#id / SURVEY}, {@link SurveyTable}) {@code image} is, with the
     * dossier's agency, unit and procedure it carries; empty for another item or no image. An answer stored before it
     * carried its agency comes without it (and counts nothing).
     *
     * @throws DomainException {@code unreadable-message} for an answer whose date or version cannot be read
     */
    public static Optional<vn.gov.bvhttdl.dvc.domain.Decision766.Answer> surveyAnswer(Map<String, AttributeValue> image) {
        if (image == null || image.get("PK") == null || image.get("SK") == null) return Optional.empty();
        String pk = image.get("PK").getS(), sk = image.get("SK").getS();
        if (!Layout.isSurvey(pk, sk)) return Optional.empty();
        try {
            return Optional.of(new vn.gov.bvhttdl.dvc.domain.Decision766.Answer(Layout.dossierId(pk), str(image, "agency"), str(image, "unit"),
                    str(image, "procedure"), str(image, "rating"), Instant.parse(str(image, "answeredAt")), Long.parseLong(image.get("version").getN())));
        } catch (RuntimeException e) {
            throw DomainException.of("unreadable-message", "why", "the survey answer of " + pk + " is not readable: "
                    + vn.gov.bvhttdl.dvc.domain.Limits.clip(e.toString()));
        }
    }

    private static String str(Map<String, AttributeValue> image, String name) {
        AttributeValue v = image.get(name);
        return v == null ? null : v.getS();
    }

    /**
     * The dossier whose own item {@code image} is, as the stores read it (its facts, dates, unit, procedure, version),
     * else empty (another item, or no image). A dossier stored before its facts were recorded comes without them.
     *
     * @throws DomainException {@code unreadable-message} for an image the table's layout cannot read
     */
    public static Optional<vn.gov.bvhttdl.dvc.domain.Dossier> storedDossier(Map<String, AttributeValue> image) {
        if (image == null) return Optional.empty();
        try {
            Items.DossierItem i = Items.DOSSIER.mapToItem(sdk(image));
            if (!Layout.isDossier(i.pk, i.sk) || i.status == null) return Optional.empty();
            if (i.id == null) i.id = Layout.dossierId(i.pk);
            return Optional.of(Layout.stored(i));
        } catch (RuntimeException e) {
            AttributeValue pk = image.get("PK");
            throw DomainException.of("unreadable-message", "why", (pk == null ? "an item" : pk.getS()) + " is not readable: "
                    + vn.gov.bvhttdl.dvc.domain.Limits.clip(e.toString()));
        }
    }

    /** The id of the e-receipt whose data item {@code keys} (a stream record's keys) are, else empty. */
    public static Optional<String> eReceipt(Map<String, AttributeValue> keys) {
        if (keys == null) return Optional.empty();
        AttributeValue pk = keys.get("PK"), sk = keys.get("SK");
        return Layout.eReceiptId(pk == null ? null : pk.getS(), sk == null ? null : sk.getS());
    }

    /**
     * An audit entry as the stream delivers it.
     *
     * @param key the entry's own key, the same however often the stream delivers it (a notice's once-only key)
     */
    public record Audit(AuditEvent event, String key) {}

    /** The audit entry {@code image} is (a move, a file's verdict…), else empty. */
    public static Optional<Audit> audit(Map<String, AttributeValue> image) {
        if (image == null) return Optional.empty();
        Items.AuditItem i = Items.AUDIT.mapToItem(sdk(image));
        if (!Layout.isAudit(i.pk, i.sk) || i.action == null) {
            return Optional.empty();
        }
        i.dossierId = Layout.dossierId(i.pk);
        if (i.role == null) i.role = Role.SYSTEM.name();
        return Optional.of(new Audit(Layout.toEvent(i), i.dossierId + "/" + i.sk));
    }

    /** A new audit entry's sort key at {@code at} (for tools that write stream samples, such as the benchmark's). */
    public static String auditSortKey(Instant at) { return SortableTime.auditKey(at, 0); }

    /** The Lambda events' attribute values as the SDK's, for the table's schemas. */
    static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> sdk(Map<String, AttributeValue> image) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> out = new LinkedHashMap<>();
        image.forEach((k, v) -> { if (v != null) out.put(k, sdk(v)); });
        return out;
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue sdk(AttributeValue v) {
        var b = software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
        if (v.getS() != null) return b.s(v.getS()).build();
        if (v.getN() != null) return b.n(v.getN()).build();
        if (v.getBOOL() != null) return b.bool(v.getBOOL()).build();
        if (Boolean.TRUE.equals(v.getNULL())) return b.nul(true).build();
        if (v.getM() != null) return b.m(sdk(v.getM())).build();
        if (v.getL() != null) return b.l(v.getL().stream().map(StreamItems::sdk).toList()).build();
        if (v.getSS() != null) return b.ss(v.getSS()).build();
        if (v.getNS() != null) return b.ns(v.getNS()).build();
        if (v.getB() != null) return b.b(SdkBytes.fromByteBuffer(v.getB().duplicate())).build();
        if (v.getBS() != null) return b.bs(v.getBS().stream().map(x -> SdkBytes.fromByteBuffer(x.duplicate())).toList()).build();
        return b.nul(true).build();
    }
}
