package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import vn.gov.bvhttdl.dvc.application.SurveyAnswers;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The survey answer of a dossier, {@code DOSSIER#<id> / SURVEY} (rating, comment, when, version, its points), and the
 * agency's figures per month, {@code QUALITY#<agency> / <yyyy-MM>} ({@code answers}, {@code points}, {@code max},
 * {@code r_<rating>}), moved in the same transaction as the answer (a changed answer moves only the difference).
 */
public final class SurveyTable implements SurveyAnswers {
    private final DynamoDbClient ddb;
    private final String table;

    public SurveyTable(DynamoDbClient ddb, String table) {
        this.ddb = ddb;
        this.table = table;
    }

    private static AttributeValue s(String v) { return AttributeValue.fromS(v); }

    private static AttributeValue n(long v) { return AttributeValue.fromN(Long.toString(v)); }

    private static Map<String, AttributeValue> key(String dossierId) {
        return Layout.surveyKey(dossierId);
    }

    @Override
    public Optional<Answer> find(String dossierId) {
        var r = ddb.getItem(b -> b.tableName(table).key(key(dossierId)).consistentRead(true));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        var i = r.item();
        return Optional.of(new Answer(i.get("rating").s(), i.containsKey("comment") ? i.get("comment").s() : null,
                Instant.parse(i.get("answeredAt").s()), Long.parseLong(i.get("version").n())));
    }

    @Override
    public void save(String dossierId, String ownerId, Scored sc) {
        Answer a = sc.answer();
        Map<String, AttributeValue> item = new HashMap<>(key(dossierId));
        item.put("rating", s(a.rating()));
        if (a.comment() != null) item.put("comment", s(a.comment()));
        item.put("answeredAt", s(a.at().toString()));
        item.put("version", n(a.version()));
        item.put("ownerId", s(ownerId));
        item.put("score", n(sc.points()));
        // the dossier's agency, unit and procedure: the Decision-766 counters read the answer from the stream (5.4)
        if (sc.agency() != null) item.put("agency", s(sc.agency()));
        if (sc.unit() != null) item.put("unit", s(sc.unit()));
        if (sc.procedure() != null) item.put("procedure", s(sc.procedure()));
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (a.version() == 1) put.conditionExpression("attribute_not_exists(PK)");
        else put.conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(a.version() - 1)));
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        StringBuilder add = new StringBuilder("ADD points :p, #r :one");
        names.put("#r", "r_" + a.rating());
        values.put(":p", n(sc.points() - sc.previousPoints()));
        values.put(":one", n(1));
        if (sc.previous() == null) {
            add.append(", answers :one, #max :max");
            names.put("#max", "max");
            values.put(":max", n(sc.max()));
        } else if (!sc.previous().rating().equals(a.rating())) {
            add.append(", #old :minus");
            names.put("#old", "r_" + sc.previous().rating());
            values.put(":minus", n(-1));
        } else {
            // the same rating again: its count does not move
            add.setLength(0);
            add.append("ADD points :p");
            names.remove("#r");
            values.remove(":one");
        }
        Update update = Update.builder().tableName(table).key(Map.of("PK", s(Layout.qualityPk(sc.agency())), "SK", s(sc.month())))
                .updateExpression(add.toString()).expressionAttributeNames(names.isEmpty() ? null : names).expressionAttributeValues(values).build();
        try {
            ddb.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(put.build()).build(), TransactWriteItem.builder().update(update).build()));
        } catch (TransactionCanceledException e) {
            throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("survey answer of " + dossierId + " changed meanwhile");
        }
    }

    @Override
    public List<Quality> quality(String agency, String fromMonth, String toMonth) {
        var page = ddb.query(b -> b.tableName(table).keyConditionExpression("PK = :pk AND SK BETWEEN :a AND :b")
                .expressionAttributeValues(Map.of(":pk", s(Layout.qualityPk(agency)), ":a", s(fromMonth), ":b", s(toMonth))));
        List<Quality> out = new ArrayList<>();
        for (var i : page.items()) {
            Map<String, Long> ratings = new LinkedHashMap<>();
            i.forEach((k, v) -> { if (k.startsWith("r_") && v.n() != null) ratings.put(k.substring(2), Long.parseLong(v.n())); });
            out.add(new Quality(i.get("SK").s(), num(i, "answers"), num(i, "points"), num(i, "max"), ratings));
        }
        return out;
    }

    private static long num(Map<String, AttributeValue> i, String k) {
        return i.containsKey(k) && i.get(k).n() != null ? Long.parseLong(i.get(k).n()) : 0;
    }
}
