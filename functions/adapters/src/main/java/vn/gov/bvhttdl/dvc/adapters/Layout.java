package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Facts;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Processing;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key layout of the dossier table (docs/architecture.md, "Table") in one place: every partition and sort key,
 * the indexes' names and keys, and the mapping of a dossier, an audit entry and an attachment to their items
 * ({@link Items}) and back. The stores over the table, {@link StreamItems} and the tools write no key of their own.
 */
public final class Layout {
    private Layout() {}

    static final String DOSSIER = "DOSSIER#";
    static final String META = "META";
    static final String FILE = "FILE#";
    static final String HOLDER = "HOLDER#";
    static final String AUDIT = SortableTime.AUDIT;

    /** The indexes over the dossiers' own items, with the attribute names of their keys. */
    static final String BY_OWNER = "ByOwner", BY_AGENCY_STATUS = "ByAgencyStatus", BY_CODE = "ByCode",
            BY_HOLDER = "ByHolder", BY_ASSIGNEE = "ByAssignee", BY_CONSULTED = "ByConsulted";

    /** The attribute prefix ({@code GSI4}, …) of a work queue's index: {@code <prefix>PK}, {@code <prefix>SK}. */
    static String queueKeyPrefix(String index) {
        return switch (index) {
            case BY_HOLDER -> "GSI4";
            case BY_ASSIGNEE -> "GSI5";
            case BY_CONSULTED -> "GSI6";
            default -> throw new IllegalArgumentException(index);
        };
    }

    /** The partition of everything about one dossier (its item, audit trail, files, payments' pointers, notices…). */
    public static String dossierPk(String dossierId) { return DOSSIER + dossierId; }

    /** The dossier id of a partition key, null when it is not a dossier's. */
    static String dossierId(String pk) { return pk != null && pk.startsWith(DOSSIER) ? pk.substring(DOSSIER.length()) : null; }

    /** A dossier's own item. */
    static Key dossierKey(String id) { return Key.builder().partitionValue(dossierPk(id)).sortValue(META).build(); }

    static Map<String, AttributeValue> dossierKeyMap(String id) {
        return Map.of("PK", AttributeValue.fromS(dossierPk(id)), "SK", AttributeValue.fromS(META));
    }

    /** Whether {@code pk}/{@code sk} are a dossier's own item. */
    static boolean isDossier(String pk, String sk) { return pk != null && pk.startsWith(DOSSIER) && META.equals(sk); }

    /** Whether {@code pk}/{@code sk} are an audit entry. */
    static boolean isAudit(String pk, String sk) { return pk != null && pk.startsWith(DOSSIER) && sk != null && sk.startsWith(AUDIT); }

    /** An attachment's item. */
    static Key attachmentKey(String dossierId, String objectKey) {
        return Key.builder().partitionValue(dossierPk(dossierId)).sortValue(FILE + objectKey).build();
    }

    /** The first sort key of a dossier's attachments (a {@code begins_with} prefix). */
    static Key attachmentsOf(String dossierId) { return Key.builder().partitionValue(dossierPk(dossierId)).sortValue(FILE).build(); }

    /** The first sort key of a dossier's audit trail (a {@code begins_with} prefix). */
    static Key auditOf(String dossierId) { return Key.builder().partitionValue(dossierPk(dossierId)).sortValue(AUDIT).build(); }

    /** The sweep's hand-over counter of one submitted version. */
    static Map<String, AttributeValue> sweepKey(String dossierId, long version) {
        return Map.of("PK", AttributeValue.fromS(dossierPk(dossierId)), "SK", AttributeValue.fromS("SWEEP#" + version));
    }

    /** The status counts' marker of the last version counted. */
    static Map<String, AttributeValue> countedKey(String dossierId) {
        return Map.of("PK", AttributeValue.fromS(dossierPk(dossierId)), "SK", AttributeValue.fromS("COUNTED"));
    }

    /** The Decision-766 counters' marker of the last dossier version applied ({@link ScorecardStore}). */
    static Map<String, AttributeValue> scoredKey(String dossierId) {
        return Map.of("PK", AttributeValue.fromS(dossierPk(dossierId)), "SK", AttributeValue.fromS("SCORED"));
    }

    /** The partition of one agency's Decision-766 counters in one period: {@code SCORE#2026-11#CDLQG}. */
    static String scorePartition(String period, String agency) { return "SCORE#" + period + "#" + agency; }

    /**
     * A Decision-766 counter's key: the partition of its period and agency, the sort key its scope and indicator
     * ({@code U:CDLQG/LUHANH#2.1}); the agency is the scope's first part.
     */
    static Map<String, AttributeValue> scoreCellKey(vn.gov.bvhttdl.dvc.domain.Decision766.Cell c) {
        String rest = c.scope().substring(2);
        int slash = rest.indexOf('/');
        String agency = slash < 0 ? rest : rest.substring(0, slash);
        String measure = vn.gov.bvhttdl.dvc.domain.ReportII06a.measure(c.indicator());
        if (measure != null) {
            return Map.of("PK", AttributeValue.fromS(reportPartition(agency)), "SK", AttributeValue.fromS(c.period() + "#" + rest.substring(slash + 1) + "#" + measure));
        }
        return Map.of("PK", AttributeValue.fromS(scorePartition(c.period(), agency)), "SK", AttributeValue.fromS(c.scope() + "#" + c.indicator()));
    }

    /**
     * The partition of one agency's periodic-report counters (form II.06a, {@code REPORT#II06A#CDLQG}): one item per
     * reporting month, procedure and measure, sort key {@code 2026-11#BVHTTDL-DL-001#open}, so that every month up to a
     * period's last is one Query ({@code SK < "2026-12"}).
     */
    static String reportPartition(String agency) { return "REPORT#II06A#" + agency; }

    /** The month, procedure and measure of a report counter's sort key. */
    static String[] reportCell(String sk) {
        int first = sk.indexOf('#'), last = sk.lastIndexOf('#');
        return new String[] {sk.substring(0, first), sk.substring(first + 1, last), sk.substring(last + 1)};
    }

    /**
     * The partition of the drill-down's members of one agency, period and indicator ({@code SCOREMISS#2026-11#CDLQG#2.1}):
     * one item per dossier falling short (sort key its id; its unit, procedure and reason as attributes), written by
     * {@link ScorecardStore} in the transaction of the counters.
     */
    static String missPartition(String period, String agency, String indicator) { return "SCOREMISS#" + period + "#" + agency + "#" + indicator; }

    static Map<String, AttributeValue> missKey(String period, String agency, String indicator, String dossierId) {
        return Map.of("PK", AttributeValue.fromS(missPartition(period, agency, indicator)), "SK", AttributeValue.fromS(dossierId));
    }

    /** The scope and indicator of a counter's sort key ({@link #scoreCellKey}). */
    static String[] scoreCell(String sk) {
        int hash = sk.lastIndexOf('#');
        return new String[] {sk.substring(0, hash), sk.substring(hash + 1)};
    }

    /** The idempotency marker of a creation request. */
    static Map<String, AttributeValue> idempotencyKey(String ownerId, String key) {
        return Map.of("PK", AttributeValue.fromS("IDEMPOTENCY#" + ownerId + "#" + key), "SK", AttributeValue.fromS("CREATE"));
    }

    /** A daily sequence's counter (the receipts' numbers of a unit), or another named sequence's. */
    static Map<String, AttributeValue> sequenceKey(String name, String period) {
        return Map.of("PK", AttributeValue.fromS("SEQ#" + name + "#" + period), "SK", AttributeValue.fromS("SEQ"));
    }

    /** The sequence of a dossier's result numbers (the same counter items as the daily sequences). */
    static Map<String, AttributeValue> resultSequenceKey(String dossierCode) { return sequenceKey("RESULT#" + dossierCode, "KQ"); }

    /** The look-up key printed on a receipt. */
    static Map<String, AttributeValue> lookupKey(String code) {
        return Map.of("PK", AttributeValue.fromS("LOOKUP#" + code), "SK", AttributeValue.fromS("LOOKUP"));
    }

    static String ownerKey(String ownerId) { return "OWNER#" + ownerId; }

    static String agencyStatusKey(String agency, DossierStatus status) { return "AGENCY#" + agency + "#STATUS#" + status; }

    static String codeKey(String code) { return "CODE#" + code; }

    static String assigneeKey(String subject) { return "ASSIGNEE#" + subject; }

    static String consultedKey(String agency, String unit) { return "CONSULTED#" + agency + "#" + unit; }

    // ---- the other families under a dossier's partition, and their own partitions

    /** The sort key of a dossier's pointer to payment {@code reference}; with {@code ""} the prefix of them all. */
    static String paymentPointer(String reference) { return "PAYMENT#" + reference; }

    /** A payment's ledger entry. */
    static Map<String, AttributeValue> paymentKey(String reference) { return keyMap("PAYMENT#" + reference, META); }

    /** The claim of a provider's transaction by the one payment it credited. */
    static Map<String, AttributeValue> providerTransactionKey(String provider, String transaction) {
        return keyMap("PAYTXN#" + provider + "#" + transaction, META);
    }

    /**
     * The counter of the e-receipt numbers of {@code collector}'s calendar {@code year} ({@code n}: the last number
     * given), moved only in the transaction that credits a payment and records its receipt.
     */
    static Map<String, AttributeValue> receiptCounterKey(String collector, int year) {
        return keyMap("RECEIPTNO#" + collector + "#" + year, META);
    }

    /** An e-receipt's data (numbered with its credit), by the receipt's id. */
    static Map<String, AttributeValue> eReceiptKey(String receiptId) { return keyMap("ERECEIPT#" + receiptId, META); }

    /** The e-receipt's id an item's key names, if the item is an e-receipt's data (the tax hand-over's stream). */
    static java.util.Optional<String> eReceiptId(String pk, String sk) {
        return pk != null && pk.startsWith("ERECEIPT#") && META.equals(sk) ? java.util.Optional.of(pk.substring("ERECEIPT#".length())) : java.util.Optional.empty();
    }

    /** The marker of an e-receipt's hand-over to the tax authority (claimed, then handed over). */
    static Map<String, AttributeValue> taxHandOverKey(String receiptId) { return keyMap("TAXHANDOVER#" + receiptId, META); }

    /** The partition of the callbacks received for one payment. */
    static String callbacksPk(String provider, String reference) { return "CALLBACK#" + provider + "#" + reference; }

    /** The sparse index of the payments reconciliation still has to do with, and its partition of a status. */
    static final String BY_PAYMENT_STATE = "ByPaymentState";

    static String paymentStateKey(String status) { return "PAY#" + status; }

    /** A result's (or an e-receipt's) record. */
    static Map<String, AttributeValue> resultKey(String resultId) { return keyMap("RESULT#" + resultId, META); }

    /** The sort key of a dossier's pointer to its result number {@code sequence}; {@link #RESULT_POINTERS} their prefix. */
    static String resultPointer(int sequence) { return String.format(java.util.Locale.ROOT, "RESULT#%04d", sequence); }

    static final String RESULT_POINTERS = "RESULT#";

    /** The sort key of a notice's delivery on one channel, under the dossier; {@link #NOTICES} their prefix. */
    static String noticeSk(String eventKey, String channel) { return NOTICES + eventKey + "#" + channel; }

    static final String NOTICES = "NOTICE#";

    /** The partition of the deliveries that failed, to be sent again. */
    static final String FAILED_NOTICES = "NOTICE#FAILED";

    static String inboxPk(String ownerId) { return "INBOX#" + ownerId; }

    static String prefsPk(String ownerId) { return "PREFS#" + ownerId; }

    /** A suppressed address (a permanent bounce or a complaint). */
    static Map<String, AttributeValue> addressKey(String address) {
        return keyMap("ADDRESS#" + address.strip().toLowerCase(java.util.Locale.ROOT), "FEEDBACK");
    }

    /** A dossier's survey answer. */
    static Map<String, AttributeValue> surveyKey(String dossierId) { return keyMap(dossierPk(dossierId), SURVEY); }

    /** A dossier's survey answer's sort key. */
    static final String SURVEY = "SURVEY";

    /** Whether {@code pk}/{@code sk} are a dossier's survey answer. */
    static boolean isSurvey(String pk, String sk) { return pk != null && pk.startsWith(DOSSIER) && SURVEY.equals(sk); }

    /** The Decision-766 counters' marker of the last survey-answer version applied (the answer has versions of its own). */
    static Map<String, AttributeValue> scoredAnswerKey(String dossierId) {
        return Map.of("PK", AttributeValue.fromS(dossierPk(dossierId)), "SK", AttributeValue.fromS("SCORED#SURVEY"));
    }

    /** The sort keys' prefix of the officials' reads of a dossier ({@link ReadLogStore}). */
    static final String READ = "READ#";

    /**
     * The key of one official's read of a dossier: {@code DOSSIER#<id> / READ#<time, always 9 fraction digits>#<random>}
     * ({@link SortableTime}: text order is time order; the random tail keeps two reads of one instant apart).
     */
    static Map<String, AttributeValue> readKey(String dossierId, Instant at) {
        return keyMap(dossierPk(dossierId), READ + SortableTime.format(at) + "#" + java.util.UUID.randomUUID().toString().substring(0, 8));
    }

    /** Whether {@code sk} is the sort key of a read (a page's cursor is one). */
    static boolean isReadKey(String sk) {
        return sk != null && sk.length() <= 60 && sk.matches("READ#\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z#[0-9a-f]{8}");
    }

    /** The moment in a read's sort key. */
    static Instant readAt(String sk) {
        return SortableTime.parse(sk.substring(READ.length(), sk.lastIndexOf('#')));
    }

    /** The partition of an owner's electronic data warehouse ({@link WarehouseStore}): {@code WAREHOUSE#<owner>}. */
    static String warehousePk(String owner) { return "WAREHOUSE#" + owner; }

    /** The sort keys' prefix of a warehouse's documents. */
    static final String WAREHOUSE_DOC = "DOC#";

    /** The key of the owner's warehouse document {@code id}: {@code WAREHOUSE#<owner> / DOC#<id>}. */
    static Map<String, AttributeValue> warehouseKey(String owner, String id) { return keyMap(warehousePk(owner), WAREHOUSE_DOC + id); }

    /** The partition of every official's and administrator's account ({@link OfficialAccountStore}); a few hundred items. */
    static final String OFFICIALS = "OFFICIALS";
    static final String ACCOUNT = "ACCOUNT#";

    /** The key of the account of {@code subject} (the tokens' {@code sub}): {@code OFFICIALS / ACCOUNT#<subject>}. */
    static Map<String, AttributeValue> accountKey(String subject) { return keyMap(OFFICIALS, ACCOUNT + subject); }

    /** The subject in an account's sort key. */
    static String accountSubject(String sk) { return sk.substring(ACCOUNT.length()); }

    /**
     * The key of an account's trail entry of {@code version}: {@code OFFICIAL#<subject> / CHANGE#<version, 10 digits>}
     * (text order is version order; never overwritten).
     */
    static Map<String, AttributeValue> accountChangeKey(String subject, long version) {
        return keyMap(accountTrailPk(subject), "CHANGE#" + String.format("%010d", version));
    }

    /** The partition of an account's trail. */
    static String accountTrailPk(String subject) { return "OFFICIAL#" + subject; }

    /** The partition of an agency's monthly quality figures. */
    static String qualityPk(String agency) { return "QUALITY#" + agency; }

    static Map<String, AttributeValue> keyMap(String pk, String sk) {
        return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
    }

    /**
     * The two writes of {@code change} (the dossier, guarded by the version it was made from, and its audit entry),
     * for a store that writes them in a transaction of its own (the payment ledger's credit).
     */
    static List<TransactWriteItem> changeItems(String tableName, Dossier.Change change) {
        long expected = change.dossier().version() - 1;
        var dossierItem = Items.DOSSIER.itemToMap(toItem(change.dossier()), true);
        var auditItem = Items.AUDIT.itemToMap(toItem(change.event(), change.dossier().version()), true);
        return List.of(
                TransactWriteItem.builder().put(p -> p.tableName(tableName).item(dossierItem)
                        .conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expected))))).build(),
                TransactWriteItem.builder().put(p -> p.tableName(tableName).item(auditItem)).build());
    }

    static Items.AttachmentItem toItem(Attachment a) {
        Items.AttachmentItem i = new Items.AttachmentItem();
        i.pk = dossierPk(a.dossierId());
        i.sk = FILE + a.key();
        i.dossierId = a.dossierId();
        i.key = a.key();
        i.componentCode = a.componentCode();
        i.fileName = a.fileName();
        i.declaredType = a.declaredType();
        i.declaredSize = a.declaredSize();
        i.status = a.status().name();
        i.reasonVi = a.reason() == null ? null : a.reason().vi();
        i.reasonEn = a.reason() == null ? null : a.reason().en();
        i.detectedType = a.detectedType();
        i.sha256 = a.sha256();
        i.pages = a.pages() == null ? null : a.pages().longValue();
        i.createdAt = str(a.createdAt());
        i.scannedAt = str(a.scannedAt());
        i.versionId = a.versionId();
        // an upload writes no origin (the older items' default); any other origin with its database and time
        Attachment.Provenance from = a.provenance();
        if (from.origin() != Attachment.Origin.UPLOADED) {
            i.origin = from.origin().name();
            i.originDatabase = from.database();
            i.retrievedAt = str(from.retrievedAt());
            i.originReference = from.reference();
        }
        return i;
    }

    static Attachment toAttachment(Items.AttachmentItem i) {
        return new Attachment(i.dossierId, i.key, i.componentCode, i.fileName, i.declaredType,
                i.declaredSize == null ? 0 : i.declaredSize, Attachment.Status.valueOf(i.status),
                i.reasonVi == null ? null : new Text(i.reasonVi, i.reasonEn), i.detectedType, i.sha256,
                i.pages == null ? null : i.pages.intValue(), inst(i.createdAt), inst(i.scannedAt), i.versionId,
                i.origin == null ? Attachment.Provenance.UPLOADED
                        : new Attachment.Provenance(Attachment.Origin.valueOf(i.origin), i.originDatabase, inst(i.retrievedAt), i.originReference));
    }

    static Items.DossierItem toItem(Dossier d) {
        Items.DossierItem i = new Items.DossierItem();
        i.pk = dossierPk(d.id());
        i.sk = META;
        i.gsi1pk = ownerKey(d.ownerId());
        i.gsi1sk = d.createdAt() + "#" + d.id();
        i.gsi2pk = agencyStatusKey(d.agencyCode(), d.status());
        i.gsi2sk = d.updatedAt() + "#" + d.id();
        i.gsi3pk = d.code() == null ? null : codeKey(d.code());
        // the work queues: the unit that holds it, by status and due date; the assignee's; the consulted unit's
        String due = sortDue(d);
        String holder = holder(d);
        i.gsi4pk = holder == null ? null : holderKey(d.agencyCode(), holder, d.status());
        i.gsi4sk = holder == null ? null : due + "#" + d.id();
        Processing p = d.processing();
        boolean atStep = p != null && p.step() != null;
        i.gsi5pk = atStep && p.assignee() != null ? assigneeKey(p.assignee()) : null;
        i.gsi5sk = i.gsi5pk == null ? null : due + "#" + d.id();
        i.gsi6pk = p != null && p.consulting() ? consultedKey(p.consultation().agency(), p.consultation().unit()) : null;
        i.gsi6sk = i.gsi6pk == null ? null : p.consultation().due() + "#" + d.id();
        i.processing = p == null ? null : Json.write(processingMap(p));
        i.reached = d.reached();
        i.facts = d.facts() == null ? null : Json.write(factsMap(d.facts()));
        i.id = d.id();
        i.code = d.code();
        i.procedureCode = d.procedureCode();
        i.agencyCode = d.agencyCode();
        i.unitCode = d.unitCode();
        i.ownerId = d.ownerId();
        i.status = d.status().name();
        i.statusReason = d.statusReason();
        i.createdAt = str(d.createdAt());
        i.updatedAt = str(d.updatedAt());
        i.submittedAt = str(d.submittedAt());
        i.receivedAt = str(d.receivedAt());
        i.dueDate = d.dueDate() == null ? null : d.dueDate().toString();
        i.procedureVersion = (long) d.procedureVersion();
        i.applicant = applicantMap(d.applicant());
        i.form = d.form().isEmpty() ? null : new HashMap<>(d.form());
        i.version = d.version();
        return i;
    }

    static Dossier stored(Items.DossierItem i) {
        Map<String, String> a = i.applicant == null ? Map.of() : i.applicant;
        Applicant applicant = new Applicant(a.get("fullName"), a.get("idNumber"), a.get("enterpriseCode"),
                a.get("address"), a.get("phone"), a.get("email"));
        return new Dossier(i.id, i.code, i.procedureCode, i.procedureVersion == null ? 1 : i.procedureVersion.intValue(),
                i.agencyCode, i.unitCode, i.ownerId, applicant, i.form, DossierStatus.valueOf(i.status), i.statusReason,
                inst(i.createdAt), inst(i.updatedAt), inst(i.submittedAt), inst(i.receivedAt),
                i.dueDate == null ? null : java.time.LocalDate.parse(i.dueDate),
                i.processing == null ? null : processing(Json.obj(Json.parse(i.processing))), i.reached,
                i.facts == null ? null : facts(Json.obj(Json.parse(i.facts))), i.version == null ? 0 : i.version);
    }

    private static Map<String, Object> factsMap(Facts f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("origin", f.origin().name());
        putObj(m, "verifiedBy", f.verifiedBy());
        if (f.representative() != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            putObj(r, "name", f.representative().name());
            putObj(r, "idNumber", f.representative().idNumber());
            m.put("representative", r);
        }
        putObj(m, "submittedAt", str(f.submittedAt()));
        putObj(m, "endedAt", str(f.endedAt()));
        putObj(m, "refusedAt", str(f.refusedAt()));
        putObj(m, "stoppedAt", str(f.stoppedAt()));
        putObj(m, "withdrawnAt", str(f.withdrawnAt()));
        putObj(m, "returnedAt", str(f.returnedAt()));
        putObj(m, "returnChannel", f.returnChannel());
        putObj(m, "nationalCode", f.nationalCode());
        if (f.fees() != null) {
            Map<String, Object> fee = new LinkedHashMap<>();
            putObj(fee, "requestedAt", str(f.fees().requestedAt()));
            fee.put("requestedVnd", f.fees().requestedVnd());
            putObj(fee, "paidAt", str(f.fees().paidAt()));
            fee.put("paidOnlineVnd", f.fees().paidOnlineVnd());
            m.put("fees", fee);
        }
        putObj(m, "resultIssuedAt", str(f.resultIssuedAt()));
        putObj(m, "files", f.files());
        List<Object> sup = new ArrayList<>();
        for (Facts.Supplement x : f.supplements()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("requestedAt", str(x.requestedAt()));
            e.put("afterReceipt", x.afterReceipt());
            putObj(e, "answeredAt", str(x.answeredAt()));
            sup.add(e);
        }
        m.put("supplements", sup);
        return m;
    }

    private static Facts facts(Map<String, Object> m) {
        Facts.Representative rep = null;
        if (m.get("representative") != null) {
            Map<String, Object> r = Json.obj(m.get("representative"));
            rep = new Facts.Representative(Json.str(r, "name"), Json.str(r, "idNumber"));
        }
        List<Facts.Supplement> sup = new ArrayList<>();
        for (Object o : Json.list(m.get("supplements"))) {
            Map<String, Object> e = Json.obj(o);
            sup.add(new Facts.Supplement(inst(Json.str(e, "requestedAt")), Boolean.TRUE.equals(e.get("afterReceipt")),
                    inst(Json.str(e, "answeredAt"))));
        }
        return new Facts(Facts.Origin.parse(Json.str(m, "origin")), Json.str(m, "verifiedBy"), rep,
                inst(Json.str(m, "submittedAt")), inst(Json.str(m, "endedAt")), inst(Json.str(m, "refusedAt")),
                inst(Json.str(m, "stoppedAt")), inst(Json.str(m, "withdrawnAt")), inst(Json.str(m, "returnedAt")),
                Json.str(m, "returnChannel"), sup, Json.str(m, "nationalCode"), fees(m.get("fees")),
                inst(Json.str(m, "resultIssuedAt")), m.get("files") instanceof Number n ? Integer.valueOf(n.intValue()) : null);
    }

    private static Facts.Fees fees(Object o) {
        if (o == null) return null;
        Map<String, Object> f = Json.obj(o);
        return new Facts.Fees(inst(Json.str(f, "requestedAt")), f.get("requestedVnd") instanceof Number n ? n.longValue() : 0,
                inst(Json.str(f, "paidAt")), f.get("paidOnlineVnd") instanceof Number p ? p.longValue() : 0);
    }

    /** The ByHolder partition of a unit's dossiers in one status. */
    public static String holderKey(String agency, String unit, DossierStatus status) {
        return HOLDER + agency + "#" + unit + "#" + status;
    }

    /** The parts of a ByHolder partition. */
    record Holder(String agency, String unit, String status) {}

    /** The parts of {@code holderKey}, a partition written by {@link #holderKey}. */
    static Holder holder(String holderKey) {
        String[] p = holderKey.substring(HOLDER.length()).split("#");
        return new Holder(p[0], p[1], p[2]);
    }

    /** The due date a queue sorts by: the step's, else the appointment, else last. */
    static String sortDue(Dossier d) {
        if (d.processing() != null && d.processing().stepDue() != null && d.processing().step() != null) return d.processing().stepDue().toString();
        return d.dueDate() == null ? "9999-12-31" : d.dueDate().toString();
    }

    /** The unit whose work the dossier is: its step's unit, else the agency's one-stop desk; none for a draft. */
    static String holder(Dossier d) {
        if (d.status() == DossierStatus.DRAFT) return null;
        if (d.processing() != null && d.processing().step() != null && d.processing().unit() != null) return d.processing().unit();
        return vn.gov.bvhttdl.dvc.domain.Organisation.standard().agency(d.agencyCode()).map(a -> a.oneStop().code()).orElse(null);
    }

    private static Map<String, Object> processingMap(Processing p) {
        Map<String, Object> m = new LinkedHashMap<>();
        putObj(m, "step", p.step());
        putObj(m, "unit", p.unit());
        putObj(m, "since", str(p.since()));
        putObj(m, "stepDue", p.stepDue() == null ? null : p.stepDue().toString());
        putObj(m, "assignee", p.assignee());
        putObj(m, "assigneeName", p.assigneeName());
        putObj(m, "deadline", p.deadline());
        Processing.Consultation c = p.consultation();
        if (c != null) {
            Map<String, Object> cm = new LinkedHashMap<>();
            putObj(cm, "agency", c.agency());
            putObj(cm, "unit", c.unit());
            putObj(cm, "question", c.question());
            cm.put("files", new ArrayList<Object>(c.files()));
            putObj(cm, "askedAt", str(c.askedAt()));
            putObj(cm, "askedBy", c.askedBy());
            putObj(cm, "due", c.due() == null ? null : c.due().toString());
            putObj(cm, "answer", c.answer());
            putObj(cm, "answeredBy", c.answeredBy());
            putObj(cm, "answeredAt", str(c.answeredAt()));
            m.put("consultation", cm);
        }
        return m;
    }

    private static Processing processing(Map<String, Object> m) {
        Processing.Consultation c = null;
        if (m.get("consultation") != null) {
            Map<String, Object> cm = Json.obj(m.get("consultation"));
            c = new Processing.Consultation(Json.str(cm, "agency"), Json.str(cm, "unit"), Json.str(cm, "question"),
                    Json.list(cm.get("files")).stream().map(Object::toString).toList(), inst(Json.str(cm, "askedAt")),
                    Json.str(cm, "askedBy"), date(Json.str(cm, "due")), Json.str(cm, "answer"), Json.str(cm, "answeredBy"),
                    inst(Json.str(cm, "answeredAt")));
        }
        return new Processing(Json.str(m, "step"), Json.str(m, "unit"), inst(Json.str(m, "since")), date(Json.str(m, "stepDue")),
                Json.str(m, "assignee"), Json.str(m, "assigneeName"), c, Json.str(m, "deadline"));
    }

    private static void putObj(Map<String, Object> m, String k, Object v) {
        if (v != null) m.put(k, v);
    }

    private static java.time.LocalDate date(String s) { return s == null ? null : java.time.LocalDate.parse(s); }

    /** An entry that is not a move of the dossier (a file's verdict, a refused overwrite): sequence 0. */
    static Items.AuditItem toItem(AuditEvent e) {
        return toItem(e, 0);
    }

    /**
     * @param sequence orders the entries of one instant: the dossier's version the move produced (two moves made at
     *                 the same moment, the reception and the payment request, keep their order)
     */
    static Items.AuditItem toItem(AuditEvent e, long sequence) {
        Items.AuditItem i = new Items.AuditItem();
        i.pk = dossierPk(e.dossierId());
        // fixed-width time, then the sequence, so the keys sort as the trail happened; a random tail keeps the rest apart
        i.sk = SortableTime.auditKey(e.at(), sequence);
        i.dossierId = e.dossierId();
        i.at = e.at().toString();
        i.actor = e.actor();
        i.role = e.role().name();
        i.action = e.action();
        i.from = e.from() == null ? null : e.from().name();
        i.to = e.to() == null ? null : e.to().name();
        i.reason = e.reason();
        i.details = e.details().isEmpty() ? null : new HashMap<>(e.details());
        return i;
    }

    static AuditEvent toEvent(Items.AuditItem i) {
        return new AuditEvent(i.dossierId, Instant.parse(i.at), i.actor, Role.valueOf(i.role), i.action,
                i.from == null ? null : DossierStatus.valueOf(i.from), i.to == null ? null : DossierStatus.valueOf(i.to),
                i.reason, i.details);
    }

    private static Map<String, String> applicantMap(Applicant a) {
        if (a == null) return null;
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "fullName", a.fullName());
        put(m, "idNumber", a.idNumber());
        put(m, "enterpriseCode", a.enterpriseCode());
        put(m, "address", a.address());
        put(m, "phone", a.phone());
        put(m, "email", a.email());
        return m.isEmpty() ? null : m;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) m.put(k, v);
    }

    private static String str(Instant i) { return i == null ? null : i.toString(); }

    private static Instant inst(String s) { return s == null ? null : Instant.parse(s); }

    // the archive (docs/archive.md): records by agency and end year, keyed by archive code; the dossier's marker; the
    // appraisal council's decisions and certificates; the archive's own trail; a draft's expiry notice
    static final String ARCHIVED = "ARCHIVED", EXPIRY = "EXPIRY";

    static String archivePartition(String agency, int endYear) { return "ARCHIVE#" + agency + "#" + endYear; }

    static Map<String, AttributeValue> archiveKey(String agency, int endYear, String archiveCode) {
        return keyMap(archivePartition(agency, endYear), archiveCode);
    }

    /** The agency and end year an archive code ({@code <agency>.<year>.<ref>}) names, or null when it is no such code. */
    static String[] archiveCodeParts(String archiveCode) {
        if (archiveCode == null) return null;
        String[] p = archiveCode.split("\\.", 3);
        if (p.length < 3 || !p[1].matches("\\d{4}")) return null;
        return p;
    }

    static Map<String, AttributeValue> archivedMarkerKey(String dossierId) { return keyMap(dossierPk(dossierId), ARCHIVED); }

    static Map<String, AttributeValue> destructionDecisionKey(String id) { return keyMap("DESTRUCTION#" + id, META); }

    static Map<String, AttributeValue> destructionCertificateKey(String id) { return keyMap("DESTRUCTION#" + id, "CERTIFICATE"); }

    static String archiveTrailPk(String agency) { return "ARCHIVELOG#" + agency; }

    static Map<String, AttributeValue> expiryNoticeKey(String dossierId) { return keyMap(dossierPk(dossierId), EXPIRY); }

    static String draftsKey(String agency) { return agencyStatusKey(agency, DossierStatus.DRAFT); }

}
