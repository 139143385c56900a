package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import vn.gov.bvhttdl.dvc.application.Payments;
import vn.gov.bvhttdl.dvc.domain.Citation;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.ElectronicReceipt;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The payment ledger in the dossier table:
 * <ul>
 *   <li>{@code PAYMENT#<reference> / META}: the entry (JSON), its status and version; while it needs the
 *       reconciliation's attention (pending, paid and not settled, held, refund due or under way) it is in the sparse
 *       index {@code ByPaymentState} ({@code GSI7PK = PAY#<status>}, {@code GSI7SK} = created at);</li>
 *   <li>{@code DOSSIER#<id> / PAYMENT#<reference>}: its pointer under the dossier;</li>
 *   <li>{@code PAYTXN#<provider>#<transaction> / META}: the provider's transaction, claimed by the one payment it credited;</li>
 *   <li>{@code CALLBACK#<provider>#<reference> / <time>#<uuid>}: each callback as received (at most 16 KB), and the verdict answered;</li>
 *   <li>{@code ERECEIPT#<receipt id> / META}: the e-receipt's data, numbered with the credit;</li>
 *   <li>{@code RECEIPTNO#<collector>#<year> / META}: the last e-receipt number of a collector's year ({@code n}).</li>
 * </ul>
 * Every change is conditional on the version read; the credit, the transaction's claim, the dossier's move and the
 * e-receipt with its number are one transaction.
 */
public final class PaymentStore implements Payments {
    /** A callback is kept whole up to this size; a bigger body is cut (and was refused as malformed anyway). */
    public static final int MAX_RAW = 16 * 1024;
    private static final Set<Payment.Status> WATCHED = Set.of(Payment.Status.PENDING, Payment.Status.PAID, Payment.Status.HELD,
            Payment.Status.REFUND_DUE, Payment.Status.REFUNDING);

    private final DynamoDbClient ddb;
    private final String table;

    PaymentStore(DynamoDbClient ddb, String table) {
        this.ddb = ddb;
        this.table = table;
    }

    @Override
    public void create(Payment p) {
        Map<String, AttributeValue> item = item(p, true);
        Map<String, AttributeValue> pointer = Map.of("PK", s(Layout.dossierPk(p.dossierId())), "SK", s(Layout.paymentPointer(p.reference())),
                "reference", s(p.reference()));
        try {
            ddb.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(PK)").build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(pointer).conditionExpression("attribute_not_exists(PK)").build()).build()));
        } catch (TransactionCanceledException e) {
            throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("payment reference " + p.reference() + " is taken");
        }
    }

    @Override
    public Optional<Payment> find(String reference) {
        if (reference == null || !reference.matches("[A-Za-z0-9]{1,40}")) return Optional.empty();
        var r = ddb.getItem(b -> b.tableName(table).key(key(reference)).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(read(r.item())) : Optional.empty();
    }

    @Override
    public List<Payment> ofDossier(String dossierId) {
        var page = ddb.query(b -> b.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :p)")
                .expressionAttributeValues(Map.of(":pk", s(Layout.dossierPk(dossierId)), ":p", s(Layout.paymentPointer("")))));
        List<Payment> out = new ArrayList<>();
        for (var item : page.items()) find(item.get("reference").s()).ifPresent(out::add);
        out.sort(java.util.Comparator.comparing(Payment::createdAt));
        return out;
    }

    @Override
    public void save(Payment next, Dossier.Change dossierMove) {
        boolean claim = claims(next);
        try {
            ddb.transactWriteItems(b -> b.transactItems(writes(next, dossierMove)));
        } catch (TransactionCanceledException e) {
            throw lost(e, next, claim);
        }
    }

    /**
     * The credit and its e-receipt in one transaction: the ledger entry, the transaction's claim and the dossier's move
     * ({@link #save}), the collector's year counter moved from the number read to the next one ({@code n = :last},
     * or created at 1), and the receipt's data under its id. When only the counter moved meanwhile (another credit of
     * the same collector took that number), the counter is read again and the next number tried, with a short random
     * pause; the number is never taken without the credit, so there is no gap and no repeat.
     */
    @Override
    public ElectronicReceipt credit(Payment paid, Dossier.Change dossierMove, ElectronicReceipt draft) {
        boolean claim = claims(paid);
        List<TransactWriteItem> base = writes(paid, dossierMove);
        Map<String, AttributeValue> counter = Layout.receiptCounterKey(draft.collectorCode(), draft.year());
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 1; ; attempt++) {
            var read = ddb.getItem(b -> b.tableName(table).key(counter).consistentRead(true));
            long last = read.hasItem() && read.item().containsKey("n") ? Long.parseLong(read.item().get("n").n()) : 0;
            if (last >= vn.gov.bvhttdl.dvc.domain.ReceiptRules.MAX_NUMBER) {
                throw new IllegalStateException("the e-receipt numbers of " + draft.collectorCode() + " " + draft.year() + " are used up");
            }
            ElectronicReceipt numbered = draft.numbered(last + 1);
            List<TransactWriteItem> writes = new ArrayList<>(base);
            Update.Builder move = Update.builder().tableName(table).key(counter).updateExpression("SET n = :next");
            if (last == 0) {
                move.conditionExpression("attribute_not_exists(PK)").expressionAttributeValues(Map.of(":next", n(1)));
            } else {
                move.conditionExpression("n = :last").expressionAttributeValues(Map.of(":next", n(last + 1), ":last", n(last)));
            }
            writes.add(TransactWriteItem.builder().update(move.build()).build());
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(receiptItem(numbered))
                    .conditionExpression("attribute_not_exists(PK)").build()).build());
            try {
                ddb.transactWriteItems(b -> b.transactItems(writes));
                return numbered;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                boolean onlyTheCounter = reasons != null && reasons.size() == writes.size() && failed(reasons.get(base.size()))
                        && reasons.subList(0, base.size()).stream().noneMatch(PaymentStore::failed);
                if (!onlyTheCounter || attempt >= COUNTER_ATTEMPTS) throw lost(e, paid, claim);
                try {
                    Thread.sleep(random.nextLong(1, 2 + Math.min(40, 2L * attempt)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("interrupted while numbering the receipt of " + paid.reference());
                }
            }
        }
    }

    /** How often a credit tries the next receipt number when other credits of the same collector took the one it read. */
    static final int COUNTER_ATTEMPTS = 500;

    private static boolean failed(CancellationReason r) {
        return r != null && r.code() != null && !"None".equals(r.code());
    }

    @Override
    public Optional<ElectronicReceipt> receipt(String receiptId) {
        if (receiptId == null || !receiptId.matches("[a-z0-9]{26}")) return Optional.empty();
        var r = ddb.getItem(b -> b.tableName(table).key(Layout.eReceiptKey(receiptId)).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(receiptFromMap(Json.obj(Json.parse(r.item().get("receipt").s())))) : Optional.empty();
    }

    private static boolean claims(Payment next) {
        return next.status() == Payment.Status.PAID && next.transaction() != null && !next.transaction().isBlank();
    }

    private List<TransactWriteItem> writes(Payment next, Dossier.Change dossierMove) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(next, WATCHED.contains(next.status())))
                .conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(next.version() - 1))).build()).build());
        if (claims(next)) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(with(Layout.providerTransactionKey(next.provider(), next.transaction()), "reference", s(next.reference())))
                    .conditionExpression("attribute_not_exists(PK)").build()).build());
        }
        if (dossierMove != null) writes.addAll(Layout.changeItems(table, dossierMove));
        return writes;
    }

    private static RuntimeException lost(TransactionCanceledException e, Payment next, boolean claim) {
        List<CancellationReason> reasons = e.cancellationReasons();
        boolean txnTaken = claim && reasons != null && reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())
                && !"ConditionalCheckFailed".equals(reasons.get(0).code());
        if (txnTaken) {
            return new DomainException(DomainException.Kind.REFUSED, "transaction-used",
                    new Text("Giao dịch này đã được ghi nhận cho một khoản thanh toán khác.", "This transaction was credited to another payment."));
        }
        return new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("payment " + next.reference() + " or its dossier changed meanwhile");
    }

    private Map<String, AttributeValue> receiptItem(ElectronicReceipt r) {
        Map<String, AttributeValue> m = new HashMap<>(Layout.eReceiptKey(r.id()));
        m.put("receipt", s(Json.write(receiptToMap(r))));
        m.put("collector", s(r.collectorCode()));
        m.put("receiptYear", n(r.year()));
        m.put("receiptNumber", n(r.number()));
        m.put("paymentReference", s(r.paymentReference()));
        return m;
    }

    static Map<String, Object> receiptToMap(ElectronicReceipt r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("paymentReference", r.paymentReference());
        m.put("dossierId", r.dossierId());
        m.put("dossierCode", r.dossierCode());
        m.put("collectorCode", r.collectorCode());
        m.put("collectorNameVi", r.collectorName().vi());
        m.put("collectorNameEn", r.collectorName().en());
        m.put("collectorTaxCode", r.collectorTaxCode());
        m.put("taxCodePlaceholder", r.taxCodePlaceholder());
        m.put("formSymbol", r.formSymbol());
        m.put("receiptSymbol", r.receiptSymbol());
        m.put("year", r.year());
        m.put("number", r.number());
        m.put("payerName", r.payerName());
        List<Object> lines = new ArrayList<>();
        for (ElectronicReceipt.Line l : r.lines()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("nameVi", l.name().vi());
            x.put("nameEn", l.name().en());
            x.put("amountVnd", l.amountVnd());
            if (l.basis() != null) {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("document", l.basis().document());
                b.put("article", l.basis().article());
                b.put("confirmed", l.basis().confirmed());
                b.values().removeIf(java.util.Objects::isNull);
                x.put("basis", b);
            }
            lines.add(x);
        }
        m.put("lines", lines);
        m.put("totalVnd", r.totalVnd());
        m.put("issuedAt", r.issuedAt().toString());
        m.put("provider", r.provider());
        m.put("transaction", r.transaction());
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    static ElectronicReceipt receiptFromMap(Map<String, Object> m) {
        List<ElectronicReceipt.Line> lines = Json.list(m.get("lines")).stream().map(Json::obj).map(l -> {
            Map<String, Object> b = l.get("basis") == null ? null : Json.obj(l.get("basis"));
            Citation c = b == null ? null : new Citation(Json.str(b, "document"), Json.str(b, "article"), !Boolean.FALSE.equals(b.get("confirmed")), null);
            return new ElectronicReceipt.Line(new Text(Json.str(l, "nameVi"), Json.str(l, "nameEn")), ((Number) l.get("amountVnd")).longValue(), c);
        }).toList();
        return new ElectronicReceipt(Json.str(m, "id"), Json.str(m, "paymentReference"), Json.str(m, "dossierId"), Json.str(m, "dossierCode"),
                Json.str(m, "collectorCode"), new Text(Json.str(m, "collectorNameVi"), Json.str(m, "collectorNameEn")), Json.str(m, "collectorTaxCode"),
                Boolean.TRUE.equals(m.get("taxCodePlaceholder")), Json.str(m, "formSymbol"), Json.str(m, "receiptSymbol"),
                ((Number) m.get("year")).intValue(), ((Number) m.get("number")).longValue(), Json.str(m, "payerName"), lines,
                ((Number) m.get("totalVnd")).longValue(), Instant.parse(Json.str(m, "issuedAt")), Json.str(m, "provider"), Json.str(m, "transaction"));
    }

    @Override
    public String recordCallback(String provider, String reference, String raw, Instant at) {
        String id = at.toString() + "#" + UUID.randomUUID();
        String body = raw == null ? "" : raw;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_RAW) body = new String(bytes, 0, MAX_RAW, StandardCharsets.UTF_8) + "…(cut)";
        String ref = reference == null || !reference.matches("[A-Za-z0-9._-]{1,64}") ? "unknown" : reference;
        Map<String, AttributeValue> item = Map.of("PK", s(Layout.callbacksPk(provider, ref)), "SK", s(id),
                "raw", s(body.isEmpty() ? "(empty)" : body), "receivedAt", s(at.toString()));
        ddb.putItem(b -> b.tableName(table).item(item));
        return id;
    }

    @Override
    public void callbackVerdict(String provider, String reference, String id, String verdict) {
        String ref = reference == null || !reference.matches("[A-Za-z0-9._-]{1,64}") ? "unknown" : reference;
        ddb.updateItem(b -> b.tableName(table).key(Layout.keyMap(Layout.callbacksPk(provider, ref), id))
                .updateExpression("SET verdict = :v").expressionAttributeValues(Map.of(":v", s(verdict))));
    }

    /** The callbacks kept for {@code reference} (oldest first): what a dispute is settled with. */
    public List<Map<String, String>> callbacks(String provider, String reference) {
        var page = ddb.query(b -> b.tableName(table).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(Layout.callbacksPk(provider, reference)))));
        List<Map<String, String>> out = new ArrayList<>();
        for (var item : page.items()) {
            Map<String, String> m = new LinkedHashMap<>();
            item.forEach((k, v) -> { if (v.s() != null) m.put(k, v.s()); });
            out.add(m);
        }
        return out;
    }

    @Override
    public List<Payment> inStatus(Payment.Status status, int limit) {
        List<Payment> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = ddb.query(b -> {
                b.tableName(table).indexName(Layout.BY_PAYMENT_STATE).keyConditionExpression("GSI7PK = :p")
                        .expressionAttributeValues(Map.of(":p", s(Layout.paymentStateKey(status.name())))).limit(Math.min(limit, 100));
                if (from != null) b.exclusiveStartKey(from);
            });
            for (var item : page.items()) {
                if (out.size() >= limit) break;
                Payment p = read(item);
                if (p.status() == status) out.add(p); // the index is eventually consistent: judged again on write
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && out.size() < limit);
        return out;
    }

    @Override
    public void settle(Payment paid) {
        try {
            ddb.updateItem(b -> b.tableName(table).key(key(paid.reference())).updateExpression("REMOVE GSI7PK, GSI7SK")
                    .conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(paid.version()))));
        } catch (ConditionalCheckFailedException changed) {
            // changed meanwhile (a refund): the next run judges it again
        }
    }

    private Map<String, AttributeValue> key(String reference) {
        return Layout.paymentKey(reference);
    }

    private Map<String, AttributeValue> item(Payment p, boolean watched) {
        Map<String, AttributeValue> m = new HashMap<>(key(p.reference()));
        m.put("payment", s(Json.write(toMap(p))));
        m.put("paymentStatus", s(p.status().name()));
        m.put("dossierId", s(p.dossierId()));
        m.put("version", n(p.version()));
        if (watched) {
            m.put("GSI7PK", s(Layout.paymentStateKey(p.status().name())));
            m.put("GSI7SK", s(p.createdAt().toString() + "#" + p.reference()));
        }
        return m;
    }

    private static Payment read(Map<String, AttributeValue> item) {
        Payment p = fromMap(Json.obj(Json.parse(item.get("payment").s())));
        return p;
    }

    static Map<String, Object> toMap(Payment p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reference", p.reference());
        m.put("dossierId", p.dossierId());
        m.put("dossierCode", p.dossierCode());
        m.put("ownerId", p.ownerId());
        m.put("agencyCode", p.agencyCode());
        m.put("provider", p.provider());
        List<Object> lines = new ArrayList<>();
        for (Payment.Line l : p.lines()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("nameVi", l.name().vi());
            x.put("nameEn", l.name().en());
            x.put("amountVnd", l.amountVnd());
            if (l.basis() != null) {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("document", l.basis().document());
                b.put("article", l.basis().article());
                b.put("confirmed", l.basis().confirmed());
                b.values().removeIf(java.util.Objects::isNull);
                x.put("basis", b);
            }
            lines.add(x);
        }
        m.put("lines", lines);
        m.put("amountVnd", p.amountVnd());
        m.put("status", p.status().name());
        m.put("createdAt", p.createdAt().toString());
        m.put("expiresAt", p.expiresAt().toString());
        m.put("transaction", p.transaction());
        m.put("settledAt", p.settledAt() == null ? null : p.settledAt().toString());
        m.put("receiptId", p.receiptId());
        m.put("note", p.note());
        if (p.refund() != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", p.refund().id());
            r.put("reason", p.refund().reason());
            r.put("requestedAt", p.refund().requestedAt() == null ? null : p.refund().requestedAt().toString());
            r.put("doneAt", p.refund().doneAt() == null ? null : p.refund().doneAt().toString());
            r.put("providerRef", p.refund().providerRef());
            r.values().removeIf(java.util.Objects::isNull);
            m.put("refund", r);
        }
        m.put("version", p.version());
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    static Payment fromMap(Map<String, Object> m) {
        List<Payment.Line> lines = Json.list(m.get("lines")).stream().map(Json::obj).map(l -> {
            Map<String, Object> b = l.get("basis") == null ? null : Json.obj(l.get("basis"));
            Citation c = b == null ? null : new Citation(Json.str(b, "document"), Json.str(b, "article"), !Boolean.FALSE.equals(b.get("confirmed")), null);
            return new Payment.Line(new Text(Json.str(l, "nameVi"), Json.str(l, "nameEn")), ((Number) l.get("amountVnd")).longValue(), c);
        }).toList();
        Payment.Refund refund = null;
        if (m.get("refund") != null) {
            Map<String, Object> r = Json.obj(m.get("refund"));
            refund = new Payment.Refund(Json.str(r, "id"), Json.str(r, "reason"), instant(r, "requestedAt"), instant(r, "doneAt"), Json.str(r, "providerRef"));
        }
        return new Payment(Json.str(m, "reference"), Json.str(m, "dossierId"), Json.str(m, "dossierCode"), Json.str(m, "ownerId"),
                Json.str(m, "agencyCode"), Json.str(m, "provider"), lines, ((Number) m.get("amountVnd")).longValue(),
                Payment.Status.valueOf(Json.str(m, "status")), instant(m, "createdAt"), instant(m, "expiresAt"), Json.str(m, "transaction"),
                instant(m, "settledAt"), Json.str(m, "receiptId"), Json.str(m, "note"), refund, ((Number) m.get("version")).longValue());
    }

    private static Instant instant(Map<String, Object> m, String k) {
        return m.get(k) == null ? null : Instant.parse(Json.str(m, k));
    }

    private static AttributeValue s(String v) { return AttributeValue.fromS(v); }

    private static AttributeValue n(long v) { return AttributeValue.fromN(Long.toString(v)); }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> key, String name, AttributeValue value) {
        Map<String, AttributeValue> m = new LinkedHashMap<>(key);
        m.put(name, value);
        return m;
    }
}
