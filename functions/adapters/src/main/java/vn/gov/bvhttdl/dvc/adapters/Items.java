package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The item shapes of the single table (see docs/architecture.md, "Table"). Static schemas: no reflection or
 * bean introspection at cold start.
 */
final class Items {
    private Items() {}

    static final class DossierItem {
        String pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi4pk, gsi4sk, gsi5pk, gsi5sk, gsi6pk, gsi6sk;
        String processing;
        String id, code, procedureCode, agencyCode, unitCode, ownerId, status, statusReason;
        String createdAt, updatedAt, submittedAt, receivedAt, dueDate;
        Map<String, String> applicant, form;
        /** The units the dossier has been at (absent on items stored before it was recorded). */
        java.util.List<String> reached;
        /** The facts the state counts, as JSON (absent on items stored before they were recorded). */
        String facts;
        Long version, procedureVersion;
    }

    static final class AuditItem {
        String pk, sk, dossierId, at, actor, role, action, from, to, reason;
        Map<String, String> details;
    }

    static final class AttachmentItem {
        String pk, sk, dossierId, key, componentCode, fileName, declaredType, status, reasonVi, reasonEn, detectedType,
                sha256, createdAt, scannedAt, versionId;
        /** Where the component came from (absent on items written before it was recorded: an upload). */
        String origin, originDatabase, retrievedAt, originReference, originOwner, originResultCode;
        Long declaredSize, pages;
    }

    private static <T> void str(StaticTableSchema.Builder<T> b, String name, Function<T, String> get, BiConsumer<T, String> set) {
        b.addAttribute(String.class, a -> a.name(name).getter(get).setter(set));
    }

    private static <T> void map(StaticTableSchema.Builder<T> b, String name, Function<T, Map<String, String>> get,
                                BiConsumer<T, Map<String, String>> set) {
        b.addAttribute(EnhancedType.mapOf(String.class, String.class), a -> a.name(name).getter(get).setter(set));
    }

    private static <T> void keys(StaticTableSchema.Builder<T> b, Function<T, String> pk, BiConsumer<T, String> setPk,
                                 Function<T, String> sk, BiConsumer<T, String> setSk) {
        b.addAttribute(String.class, a -> a.name("PK").getter(pk).setter(setPk).tags(StaticAttributeTags.primaryPartitionKey()));
        b.addAttribute(String.class, a -> a.name("SK").getter(sk).setter(setSk).tags(StaticAttributeTags.primarySortKey()));
    }

    /** An administrator's publication (a procedure version, a year's calendar): immutable, so also its own record. */
    static final class RuleItem {
        String pk, sk, json, publishedBy, publishedAt;
    }

    static final TableSchema<DossierItem> DOSSIER;
    static final TableSchema<RuleItem> RULE;
    static final TableSchema<AuditItem> AUDIT;
    static final TableSchema<AttachmentItem> ATTACHMENT;

    static {
        StaticTableSchema.Builder<DossierItem> d = StaticTableSchema.builder(DossierItem.class).newItemSupplier(DossierItem::new);
        keys(d, i -> i.pk, (i, v) -> i.pk = v, i -> i.sk, (i, v) -> i.sk = v);
        d.addAttribute(String.class, a -> a.name("GSI1PK").getter(i -> i.gsi1pk).setter((i, v) -> i.gsi1pk = v)
                .tags(StaticAttributeTags.secondaryPartitionKey("ByOwner")));
        d.addAttribute(String.class, a -> a.name("GSI1SK").getter(i -> i.gsi1sk).setter((i, v) -> i.gsi1sk = v)
                .tags(StaticAttributeTags.secondarySortKey("ByOwner")));
        d.addAttribute(String.class, a -> a.name("GSI2PK").getter(i -> i.gsi2pk).setter((i, v) -> i.gsi2pk = v)
                .tags(StaticAttributeTags.secondaryPartitionKey("ByAgencyStatus")));
        d.addAttribute(String.class, a -> a.name("GSI2SK").getter(i -> i.gsi2sk).setter((i, v) -> i.gsi2sk = v)
                .tags(StaticAttributeTags.secondarySortKey("ByAgencyStatus")));
        d.addAttribute(String.class, a -> a.name("GSI3PK").getter(i -> i.gsi3pk).setter((i, v) -> i.gsi3pk = v)
                .tags(StaticAttributeTags.secondaryPartitionKey("ByCode")));
        d.addAttribute(String.class, a -> a.name("GSI4PK").getter(i -> i.gsi4pk).setter((i, v) -> i.gsi4pk = v)
                .tags(StaticAttributeTags.secondaryPartitionKey("ByHolder")));
        d.addAttribute(String.class, a -> a.name("GSI4SK").getter(i -> i.gsi4sk).setter((i, v) -> i.gsi4sk = v)
                .tags(StaticAttributeTags.secondarySortKey("ByHolder")));
        d.addAttribute(String.class, a -> a.name("GSI5PK").getter(i -> i.gsi5pk).setter((i, v) -> i.gsi5pk = v)
                .tags(StaticAttributeTags.secondaryPartitionKey("ByAssignee")));
        d.addAttribute(String.class, a -> a.name("GSI5SK").getter(i -> i.gsi5sk).setter((i, v) -> i.gsi5sk = v)
                .tags(StaticAttributeTags.secondarySortKey("ByAssignee")));
        d.addAttribute(String.class, a -> a.name("GSI6PK").getter(i -> i.gsi6pk).setter((i, v) -> i.gsi6pk = v)
                .tags(StaticAttributeTags.secondaryPartitionKey("ByConsulted")));
        d.addAttribute(String.class, a -> a.name("GSI6SK").getter(i -> i.gsi6sk).setter((i, v) -> i.gsi6sk = v)
                .tags(StaticAttributeTags.secondarySortKey("ByConsulted")));
        str(d, "processing", i -> i.processing, (i, v) -> i.processing = v);
        str(d, "facts", i -> i.facts, (i, v) -> i.facts = v);
        d.addAttribute(EnhancedType.listOf(String.class), a -> a.name("reached").getter(i -> i.reached).setter((i, v) -> i.reached = v));
        str(d, "id", i -> i.id, (i, v) -> i.id = v);
        str(d, "code", i -> i.code, (i, v) -> i.code = v);
        str(d, "procedureCode", i -> i.procedureCode, (i, v) -> i.procedureCode = v);
        str(d, "agencyCode", i -> i.agencyCode, (i, v) -> i.agencyCode = v);
        str(d, "unitCode", i -> i.unitCode, (i, v) -> i.unitCode = v);
        str(d, "ownerId", i -> i.ownerId, (i, v) -> i.ownerId = v);
        str(d, "status", i -> i.status, (i, v) -> i.status = v);
        str(d, "statusReason", i -> i.statusReason, (i, v) -> i.statusReason = v);
        str(d, "createdAt", i -> i.createdAt, (i, v) -> i.createdAt = v);
        str(d, "updatedAt", i -> i.updatedAt, (i, v) -> i.updatedAt = v);
        str(d, "submittedAt", i -> i.submittedAt, (i, v) -> i.submittedAt = v);
        str(d, "receivedAt", i -> i.receivedAt, (i, v) -> i.receivedAt = v);
        str(d, "dueDate", i -> i.dueDate, (i, v) -> i.dueDate = v);
        d.addAttribute(Long.class, a -> a.name("procedureVersion").getter(i -> i.procedureVersion).setter((i, v) -> i.procedureVersion = v));
        map(d, "applicant", i -> i.applicant, (i, v) -> i.applicant = v);
        map(d, "form", i -> i.form, (i, v) -> i.form = v);
        d.addAttribute(Long.class, a -> a.name("version").getter(i -> i.version).setter((i, v) -> i.version = v));
        DOSSIER = d.build();

        StaticTableSchema.Builder<AuditItem> au = StaticTableSchema.builder(AuditItem.class).newItemSupplier(AuditItem::new);
        keys(au, i -> i.pk, (i, v) -> i.pk = v, i -> i.sk, (i, v) -> i.sk = v);
        str(au, "dossierId", i -> i.dossierId, (i, v) -> i.dossierId = v);
        str(au, "at", i -> i.at, (i, v) -> i.at = v);
        str(au, "actor", i -> i.actor, (i, v) -> i.actor = v);
        str(au, "role", i -> i.role, (i, v) -> i.role = v);
        str(au, "action", i -> i.action, (i, v) -> i.action = v);
        str(au, "fromStatus", i -> i.from, (i, v) -> i.from = v);
        str(au, "toStatus", i -> i.to, (i, v) -> i.to = v);
        str(au, "reason", i -> i.reason, (i, v) -> i.reason = v);
        map(au, "details", i -> i.details, (i, v) -> i.details = v);
        AUDIT = au.build();

        StaticTableSchema.Builder<AttachmentItem> at = StaticTableSchema.builder(AttachmentItem.class).newItemSupplier(AttachmentItem::new);
        keys(at, i -> i.pk, (i, v) -> i.pk = v, i -> i.sk, (i, v) -> i.sk = v);
        str(at, "dossierId", i -> i.dossierId, (i, v) -> i.dossierId = v);
        str(at, "objectKey", i -> i.key, (i, v) -> i.key = v);
        str(at, "componentCode", i -> i.componentCode, (i, v) -> i.componentCode = v);
        str(at, "fileName", i -> i.fileName, (i, v) -> i.fileName = v);
        str(at, "declaredType", i -> i.declaredType, (i, v) -> i.declaredType = v);
        str(at, "status", i -> i.status, (i, v) -> i.status = v);
        str(at, "reasonVi", i -> i.reasonVi, (i, v) -> i.reasonVi = v);
        str(at, "reasonEn", i -> i.reasonEn, (i, v) -> i.reasonEn = v);
        str(at, "detectedType", i -> i.detectedType, (i, v) -> i.detectedType = v);
        str(at, "sha256", i -> i.sha256, (i, v) -> i.sha256 = v);
        str(at, "createdAt", i -> i.createdAt, (i, v) -> i.createdAt = v);
        str(at, "scannedAt", i -> i.scannedAt, (i, v) -> i.scannedAt = v);
        str(at, "versionId", i -> i.versionId, (i, v) -> i.versionId = v);
        str(at, "origin", i -> i.origin, (i, v) -> i.origin = v);
        str(at, "originDatabase", i -> i.originDatabase, (i, v) -> i.originDatabase = v);
        str(at, "retrievedAt", i -> i.retrievedAt, (i, v) -> i.retrievedAt = v);
        str(at, "originReference", i -> i.originReference, (i, v) -> i.originReference = v);
        str(at, "originOwner", i -> i.originOwner, (i, v) -> i.originOwner = v);
        str(at, "originResultCode", i -> i.originResultCode, (i, v) -> i.originResultCode = v);
        at.addAttribute(Long.class, a -> a.name("declaredSize").getter(i -> i.declaredSize).setter((i, v) -> i.declaredSize = v));
        at.addAttribute(Long.class, a -> a.name("pages").getter(i -> i.pages).setter((i, v) -> i.pages = v));
        ATTACHMENT = at.build();

        StaticTableSchema.Builder<RuleItem> r = StaticTableSchema.builder(RuleItem.class).newItemSupplier(RuleItem::new);
        keys(r, i -> i.pk, (i, v) -> i.pk = v, i -> i.sk, (i, v) -> i.sk = v);
        str(r, "json", i -> i.json, (i, v) -> i.json = v);
        str(r, "publishedBy", i -> i.publishedBy, (i, v) -> i.publishedBy = v);
        str(r, "publishedAt", i -> i.publishedAt, (i, v) -> i.publishedAt = v);
        RULE = r.build();
    }
}
