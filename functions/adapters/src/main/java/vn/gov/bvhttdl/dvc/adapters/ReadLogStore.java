package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.gov.bvhttdl.dvc.application.ReadLog;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The officials' reads of a dossier, one item per read under the dossier's partition
 * ({@code DOSSIER#<id> / READ#<fixed-width time>#<random>}, {@link Layout#readKey}): the official's subject and
 * display name, agency, unit, post, the action and its detail. Written with {@code attribute_not_exists(SK)}, never
 * overwritten; read newest first, a page at a time.
 */
public final class ReadLogStore implements ReadLog {
    private final DynamoDbClient ddb;
    private final String table;

    ReadLogStore(DynamoDbClient ddb, String table) {
        this.ddb = ddb;
        this.table = table;
    }

    @Override
    public void record(Read r) {
        Map<String, AttributeValue> item = new HashMap<>(Layout.readKey(r.dossierId(), r.at()));
        put(item, "official", r.official());
        put(item, "officialName", r.officialName());
        put(item, "agency", r.agency());
        put(item, "unit", r.unit());
        put(item, "post", r.post());
        put(item, "action", r.action());
        put(item, "detail", r.detail());
        ddb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(SK)"));
    }

    @Override
    public Page reads(String dossierId, int size, String after) {
        if (after != null && !Layout.isReadKey(after)) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-cursor", new Text("Con trỏ trang không hợp lệ.", "Invalid page cursor."));
        }
        String pk = Layout.dossierPk(dossierId);
        var q = ddb.query(b -> {
            b.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :r)").scanIndexForward(false).limit(size)
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":r", AttributeValue.fromS(Layout.READ)));
            if (after != null) b.exclusiveStartKey(Layout.keyMap(pk, after));
        });
        List<Read> out = new ArrayList<>();
        for (var i : q.items()) {
            String sk = i.get("SK").s();
            out.add(new Read(dossierId, Layout.readAt(sk), str(i, "official"), str(i, "officialName"), str(i, "agency"), str(i, "unit"),
                    str(i, "post"), str(i, "action"), str(i, "detail")));
        }
        String next = q.lastEvaluatedKey() == null || q.lastEvaluatedKey().isEmpty() ? null : q.lastEvaluatedKey().get("SK").s();
        return new Page(out, next);
    }

    /** One query: {@code READ#} keys up to the end of {@code notAfter}'s moment, newest first. */
    @Override
    public List<Read> readsUpTo(String dossierId, java.time.Instant notAfter, int size) {
        String pk = Layout.dossierPk(dossierId);
        var q = ddb.query(b -> b.tableName(table).keyConditionExpression("PK = :pk AND SK BETWEEN :lo AND :hi").scanIndexForward(false).limit(size)
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":lo", AttributeValue.fromS(Layout.READ),
                        ":hi", AttributeValue.fromS(Layout.READ + SortableTime.format(notAfter) + "#~"))));
        List<Read> out = new ArrayList<>();
        for (var i : q.items()) {
            out.add(new Read(dossierId, Layout.readAt(i.get("SK").s()), str(i, "official"), str(i, "officialName"), str(i, "agency"), str(i, "unit"),
                    str(i, "post"), str(i, "action"), str(i, "detail")));
        }
        return out;
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) item.put(name, AttributeValue.fromS(value));
    }

    private static String str(Map<String, AttributeValue> i, String k) {
        return i.containsKey(k) ? i.get(k).s() : null;
    }
}
