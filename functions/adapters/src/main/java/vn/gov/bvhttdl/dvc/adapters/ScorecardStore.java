package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import vn.gov.bvhttdl.dvc.application.ScorecardCounts;
import vn.gov.bvhttdl.dvc.domain.Decision766;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Decision-766 counters in the dossier table ({@link Layout#scoreCellKey}: one item per period, scope and
 * indicator with its numerator {@code n} and denominator {@code d}), kept from the stream as {@link StatusCounts} keeps
 * the status counts: the dossier's marker ({@code DOSSIER#id / SCORED}, the last version applied) and the counters
 * change in one transaction, only when the version is newer than the marker. An agency's period is one Query. The
 * periodic report's monthly counters ({@link vn.gov.bvhttdl.dvc.domain.ReportII06a}) come in the same difference and
 * go to their own partition ({@link Layout#reportPartition}): every month up to a period's last is one Query.
 * The drill-down's members ({@link Layout#missPartition}) are put and deleted in the same transaction; an indicator's
 * members of an agency's period are one Query, a unit's or procedure's filtered from them.
 */
public final class ScorecardStore implements ScorecardCounts {
    /** A transaction's items at most, the marker included (DynamoDB's limit). */
    static final int MAX_ITEMS = 100;

    private final DynamoDbClient client;
    private final String table;

    public ScorecardStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public boolean apply(String dossierId, long version, Map<Decision766.Cell, Decision766.Tally> difference, Members members) {
        return apply(Layout.scoredKey(dossierId), dossierId, version, difference, members);
    }

    @Override
    public boolean applyAnswer(String dossierId, long version, Map<Decision766.Cell, Decision766.Tally> difference, Members members) {
        return apply(Layout.scoredAnswerKey(dossierId), dossierId, version, difference, members);
    }

    private boolean apply(Map<String, AttributeValue> markerKey, String dossierId, long version, Map<Decision766.Cell, Decision766.Tally> difference,
                          Members members) {
        if (difference.size() + members.put().size() + members.delete().size() + 1 > MAX_ITEMS) {
            throw new IllegalStateException("dossier " + dossierId + " v" + version + " changes " + difference.size() + " counters: more than one transaction holds");
        }
        List<TransactWriteItem> items = new ArrayList<>();
        Map<String, AttributeValue> marker = new HashMap<>(markerKey);
        String v = Long.toString(version);
        marker.put("v", AttributeValue.fromN(v));
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(marker)
                .conditionExpression("attribute_not_exists(v) OR v < :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(v))).build()).build());
        difference.forEach((cell, t) -> items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Layout.scoreCellKey(cell))
                .updateExpression("ADD n :n, d :d")
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Long.toString(t.numerator())),
                        ":d", AttributeValue.fromN(Long.toString(t.denominator())))).build()).build()));
        members.delete().forEach(k -> items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(Layout.missKey(k.period(), members.agency(), k.indicator(), dossierId)).build()).build()));
        members.put().forEach((k, why) -> {
            Map<String, AttributeValue> item = new HashMap<>(Layout.missKey(k.period(), members.agency(), k.indicator(), dossierId));
            item.put("unit", AttributeValue.fromS(members.unit()));
            item.put("procedure", AttributeValue.fromS(members.procedure()));
            item.put("why", AttributeValue.fromS(why));
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build());
        });
        try {
            client.transactWriteItems(b -> b.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) return false;
            throw e;
        }
    }

    @Override
    public Map<String, Map<String, Decision766.Tally>> read(String period, String agency) {
        Map<String, Map<String, Decision766.Tally>> out = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = client.query(b -> {
                b.tableName(table).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Layout.scorePartition(period, agency))));
                if (from != null) b.exclusiveStartKey(from);
            });
            for (var item : page.items()) {
                String[] cell = Layout.scoreCell(item.get("SK").s());
                long n = item.containsKey("n") ? Long.parseLong(item.get("n").n()) : 0, d = item.containsKey("d") ? Long.parseLong(item.get("d").n()) : 0;
                if (n != 0 || d != 0) out.computeIfAbsent(cell[0], x -> new TreeMap<>()).put(cell[1], new Decision766.Tally(n, d));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public Map<String, Map<java.time.YearMonth, Map<String, Long>>> reportMonths(String agency, java.time.YearMonth last) {
        Map<String, Map<java.time.YearMonth, Map<String, Long>>> out = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = client.query(b -> {
                b.tableName(table).keyConditionExpression("PK = :pk AND SK < :next")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Layout.reportPartition(agency)),
                                ":next", AttributeValue.fromS(last.plusMonths(1).toString())));
                if (from != null) b.exclusiveStartKey(from);
            });
            for (var item : page.items()) {
                String[] cell = Layout.reportCell(item.get("SK").s());
                long n = item.containsKey("n") ? Long.parseLong(item.get("n").n()) : 0;
                if (n != 0) out.computeIfAbsent(cell[1], x -> new TreeMap<>()).computeIfAbsent(java.time.YearMonth.parse(cell[0]), x -> new TreeMap<>()).put(cell[2], n);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /** Queries read for one page at most: a unit's or procedure's members are filtered from the indicator's, so a page may need a few. */
    static final int MAX_READS = 5;

    @Override
    public MemberPage misses(String period, String agency, String indicator, String unit, String procedure, int size, String after) {
        List<Member> out = new ArrayList<>();
        String pk = Layout.missPartition(period, agency, indicator);
        Map<String, AttributeValue> start = after == null || after.isBlank() || after.length() > 200 ? null
                : Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(after));
        StringBuilder filter = new StringBuilder();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(pk)));
        Map<String, String> names = new HashMap<>();
        if (unit != null) {
            filter.append("#u = :u");
            names.put("#u", "unit");
            values.put(":u", AttributeValue.fromS(unit));
        }
        if (procedure != null) {
            if (!filter.isEmpty()) filter.append(" AND ");
            filter.append("#p = :p");
            names.put("#p", "procedure");
            values.put(":p", AttributeValue.fromS(procedure));
        }
        for (int reads = 0; reads < MAX_READS; reads++) {
            Map<String, AttributeValue> from = start;
            var page = client.query(b -> {
                b.tableName(table).keyConditionExpression("PK = :pk").expressionAttributeValues(values).limit(size - out.size());
                if (!filter.isEmpty()) b.filterExpression(filter.toString()).expressionAttributeNames(names);
                if (from != null) b.exclusiveStartKey(from);
            });
            for (var item : page.items()) {
                out.add(new Member(item.get("SK").s(), item.get("unit").s(), item.get("procedure").s(), item.get("why").s()));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            if (start == null) return new MemberPage(out, null);
            if (out.size() >= size) break;
        }
        return new MemberPage(out, start.get("SK").s());
    }
}
