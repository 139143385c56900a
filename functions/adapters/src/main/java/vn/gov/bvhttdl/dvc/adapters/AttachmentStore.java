package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import vn.gov.bvhttdl.dvc.application.Attachments;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dossier's files in the table ({@code DOSSIER#<id>} / {@code FILE#<object key>}, {@link Layout}): the uploads
 * authorised, the scan's verdicts, the files withdrawn; each change in one transaction with its audit entry.
 */
public final class AttachmentStore implements Attachments {
    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<Items.DossierItem> dossiers;
    private final DynamoDbTable<Items.AuditItem> audit;
    private final DynamoDbTable<Items.AttachmentItem> attachments;

    AttachmentStore(DynamoDbEnhancedClient enhanced, String tableName) {
        this.enhanced = enhanced;
        this.dossiers = enhanced.table(tableName, Items.DOSSIER);
        this.audit = enhanced.table(tableName, Items.AUDIT);
        this.attachments = enhanced.table(tableName, Items.ATTACHMENT);
    }

    @Override
    public List<Attachment> attachments(String id) {
        List<Attachment> out = new ArrayList<>();
        attachments.query(QueryEnhancedRequest.builder().queryConditional(QueryConditional.sortBeginsWith(
                Layout.attachmentsOf(id))).consistentRead(true).build())
                .items().forEach(i -> out.add(Layout.toAttachment(i)));
        out.sort(java.util.Comparator.comparing(Attachment::createdAt));
        return out;
    }

    /** One attachment by its object key. */
    @Override
    public Optional<Attachment> attachment(String dossierId, String key) {
        return Optional.ofNullable(attachments.getItem(r -> r.key(Layout.attachmentKey(dossierId, key)).consistentRead(true))).map(Layout::toAttachment);
    }

    /** Records an authorised upload (PENDING) against an existing dossier, before the browser sends the bytes. */
    @Override
    public void authoriseUpload(Attachment pending) {
        try {
            enhanced.transactWriteItems(t -> t
                    .addConditionCheck(dossiers, ConditionCheck.builder().key(Layout.dossierKey(pending.dossierId()))
                            .conditionExpression(Expression.builder().expression("attribute_exists(PK)").build()).build())
                    .addPutItem(attachments, TransactPutItemEnhancedRequest.builder(Items.AttachmentItem.class).item(Layout.toItem(pending))
                            .conditionExpression(Expression.builder().expression("attribute_not_exists(SK)").build()).build()));
        } catch (TransactionCanceledException e) {
            if (DossierStore.conditionFailed(e, 0)) throw notFound(pending.dossierId());
            throw e;
        }
    }

    /**
     * Records a component filled from a national database (ACCEPTED at once: there are no bytes to scan) against an
     * existing dossier, with its audit entry {@code attachment-retrieved} carrying what the database said.
     */
    @Override
    public void recordRetrieved(Attachment filled, Map<String, String> extract) {
        Map<String, String> details = new java.util.LinkedHashMap<>(extract);
        details.put("key", filled.key());
        details.put("component", filled.componentCode());
        AuditEvent event = new AuditEvent(filled.dossierId(), filled.createdAt(), "national-database", Role.SYSTEM,
                "attachment-retrieved", null, null, null, details);
        try {
            enhanced.transactWriteItems(t -> t
                    .addConditionCheck(dossiers, ConditionCheck.builder().key(Layout.dossierKey(filled.dossierId()))
                            .conditionExpression(Expression.builder().expression("attribute_exists(PK)").build()).build())
                    .addPutItem(attachments, Layout.toItem(filled))
                    .addPutItem(audit, Layout.toItem(event)));
        } catch (TransactionCanceledException e) {
            if (DossierStore.conditionFailed(e, 0)) throw notFound(filled.dossierId());
            throw e;
        }
    }

    /**
     * Records a document taken by reference from a warehouse (ACCEPTED at once), new under its own key, with its audit
     * entry {@code attachment-from-warehouse} by the applicant, against an existing dossier.
     */
    @Override
    public void recordFromWarehouse(Attachment filled, vn.gov.bvhttdl.dvc.domain.Actor by) {
        AuditEvent event = new AuditEvent(filled.dossierId(), filled.createdAt(), by.subject(), by.role(),
                "attachment-from-warehouse", null, null, null, vn.gov.bvhttdl.dvc.application.Attachments.fromWarehouseDetails(filled));
        try {
            enhanced.transactWriteItems(t -> t
                    .addConditionCheck(dossiers, ConditionCheck.builder().key(Layout.dossierKey(filled.dossierId()))
                            .conditionExpression(Expression.builder().expression("attribute_exists(PK)").build()).build())
                    .addPutItem(attachments, TransactPutItemEnhancedRequest.builder(Items.AttachmentItem.class).item(Layout.toItem(filled))
                            .conditionExpression(Expression.builder().expression("attribute_not_exists(SK)").build()).build())
                    .addPutItem(audit, Layout.toItem(event)));
        } catch (TransactionCanceledException e) {
            if (DossierStore.conditionFailed(e, 0)) throw notFound(filled.dossierId());
            throw e;
        }
    }

    /**
     * Records the scan's verdict on a PENDING attachment, with an audit entry, once: a repeated S3 notification for
     * the same object (S3 delivers at least once) changes nothing and returns false.
     *
     * @throws DomainException NOT_FOUND when no upload was authorised for that key
     */
    @Override
    public boolean recordVerdict(Attachment scanned) {
        Map<String, String> details = new HashMap<>(Map.of("key", scanned.key(), "component", scanned.componentCode(),
                "file", scanned.fileName(), "sha256", scanned.sha256() == null ? "" : scanned.sha256()));
        if (scanned.versionId() != null) details.put("versionId", scanned.versionId());
        AuditEvent event = new AuditEvent(scanned.dossierId(), scanned.scannedAt(), "upload-scan", Role.SYSTEM,
                scanned.status() == Attachment.Status.ACCEPTED ? "attachment-accepted" : "attachment-rejected", null, null,
                scanned.reason() == null ? null : scanned.reason().vi(), details);
        try {
            enhanced.transactWriteItems(t -> t
                    .addPutItem(attachments, TransactPutItemEnhancedRequest.builder(Items.AttachmentItem.class).item(Layout.toItem(scanned))
                            .conditionExpression(Expression.builder().expression("attribute_exists(SK) AND #s = :pending")
                                    .putExpressionName("#s", "status")
                                    .putExpressionValue(":pending", AttributeValue.fromS(Attachment.Status.PENDING.name())).build()).build())
                    .addPutItem(audit, Layout.toItem(event)));
            return true;
        } catch (TransactionCanceledException e) {
            if (DossierStore.conditionFailed(e, 0)) {
                if (attachment(scanned.dossierId(), scanned.key()).isPresent()) return false;
                throw new DomainException(DomainException.Kind.NOT_FOUND, "upload-not-authorised",
                        new Text("Không có yêu cầu tải lên cho tệp " + scanned.key() + ".", "No upload was authorised for " + scanned.key() + "."));
            }
            throw e;
        }
    }

    /**
     * The citizen withdraws a file (cancels an upload still on its way, or removes a judged one) while the dossier
     * is editable: the attachment leaves the dossier's current set but stays on the record, with an audit entry.
     * Guarded by the status it was read in, so a verdict arriving at the same moment is not lost.
     */
    @Override
    public void cancelAttachment(Attachment current, String actor, Instant at) {
        Attachment cancelled = current.cancelled(at);
        AuditEvent event = new AuditEvent(current.dossierId(), at, actor, Role.CITIZEN, "attachment-cancelled", null, null, null,
                Map.of("key", current.key(), "component", current.componentCode(), "file", current.fileName(), "was", current.status().name()));
        try {
            enhanced.transactWriteItems(t -> t
                    .addPutItem(attachments, TransactPutItemEnhancedRequest.builder(Items.AttachmentItem.class).item(Layout.toItem(cancelled))
                            .conditionExpression(Expression.builder().expression("#s = :was").putExpressionName("#s", "status")
                                    .putExpressionValue(":was", AttributeValue.fromS(current.status().name())).build()).build())
                    .addPutItem(audit, Layout.toItem(event)));
        } catch (TransactionCanceledException e) {
            if (DossierStore.conditionFailed(e, 0)) {
                throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("file " + current.key() + " is no longer " + current.status());
            }
            throw e;
        }
    }

    /** Records on the dossier's trail that a judged file's key was written again and the new bytes were quarantined. */
    @Override
    public void recordOverwriteRefused(Attachment judged, String versionId, Instant at) {
        audit.putItem(Layout.toItem(new AuditEvent(judged.dossierId(), at, "upload-scan", Role.SYSTEM, "attachment-overwrite-refused", null, null,
                "Tệp đã được kiểm tra; lần ghi đè sau bị cách ly.",
                Map.of("key", judged.key(), "component", judged.componentCode(), "keptVersion", String.valueOf(judged.versionId()),
                        "quarantinedVersion", String.valueOf(versionId)))));
    }

    /** A judged file whose bytes were replaced where no older version is kept: it no longer counts as accepted. */
    @Override
    public void recordReplacedAfterCheck(Attachment judged, Instant at) {
        Attachment refused = judged.scanned(Attachment.Status.REJECTED, new Text("tệp bị ghi đè sau khi đã kiểm tra",
                "the file was overwritten after it was checked"), judged.detectedType(), judged.sha256(), judged.pages(), at);
        enhanced.transactWriteItems(t -> t
                .addPutItem(attachments, Layout.toItem(refused))
                .addPutItem(audit, Layout.toItem(new AuditEvent(judged.dossierId(), at, "upload-scan", Role.SYSTEM, "attachment-rejected", null, null,
                        refused.reason().vi(), Map.of("key", judged.key(), "component", judged.componentCode(), "file", judged.fileName())))));
    }

    /**
     * GuardDuty's late THREATS_FOUND on the file on record: REJECTED with the threat as its reason and an
     * {@code attachment-threat-found} entry, in one transaction guarded by the status it was read in, so that a
     * repeated delivery (or a race with another verdict) writes nothing and answers false.
     */
    @Override
    public boolean recordThreatFound(Attachment judged, String threat, Instant at) {
        if (judged.status() == Attachment.Status.REJECTED || judged.status() == Attachment.Status.CANCELLED) return false;
        Attachment refused = judged.scanned(Attachment.Status.REJECTED, threatReason(threat), judged.detectedType(), judged.sha256(), judged.pages(), at);
        Map<String, String> details = new HashMap<>(Map.of("key", judged.key(), "component", judged.componentCode(), "file", judged.fileName(),
                "threat", Limits.clip(threat), "was", judged.status().name()));
        if (judged.versionId() != null) details.put("versionId", judged.versionId());
        try {
            enhanced.transactWriteItems(t -> t
                    .addPutItem(attachments, TransactPutItemEnhancedRequest.builder(Items.AttachmentItem.class).item(Layout.toItem(refused))
                            .conditionExpression(Expression.builder().expression("#s = :was").putExpressionName("#s", "status")
                                    .putExpressionValue(":was", AttributeValue.fromS(judged.status().name())).build()).build())
                    .addPutItem(audit, Layout.toItem(new AuditEvent(judged.dossierId(), at, "malware-protection", Role.SYSTEM,
                            "attachment-threat-found", null, null, refused.reason().vi(), details))));
            return true;
        } catch (TransactionCanceledException e) {
            if (DossierStore.conditionFailed(e, 0)) return false;
            throw e;
        }
    }

    /** The reason a file found to hold a threat shows (both languages). */
    public static Text threatReason(String threat) {
        String t = Limits.clip(threat == null || threat.isBlank() ? "?" : threat);
        return new Text("kiểm tra lần hai (GuardDuty) phát hiện mã độc: " + t + "; tệp đã được cách ly, đề nghị nộp lại tệp khác",
                "the second check (GuardDuty) found malware: " + t + "; the file was quarantined, another must be provided");
    }

    private static DomainException notFound(String dossierId) {
        return DomainException.of("dossier-not-found", "ref", dossierId);
    }
}
