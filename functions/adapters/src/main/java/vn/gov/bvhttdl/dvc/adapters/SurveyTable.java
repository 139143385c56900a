package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import vn.gov.bvhttdl.dvc.application.SurveyAnswers;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The survey answer of a dossier: {@code DOSSIER#<id> / SURVEY} (rating, comment, when, version, the total score then). */
public final class SurveyTable implements SurveyAnswers {
    private final DynamoDbClient ddb;
    private final String table;

    public SurveyTable(DynamoDbClient ddb, String table) {
        this.ddb = ddb;
        this.table = table;
    }

    private static AttributeValue s(String v) { return AttributeValue.fromS(v); }

    private static Map<String, AttributeValue> key(String dossierId) {
        return Map.of("PK", s("DOSSIER#" + dossierId), "SK", s("SURVEY"));
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
    public void save(String dossierId, String ownerId, Answer a, int computedScore) {
        Map<String, AttributeValue> item = new HashMap<>(key(dossierId));
        item.put("rating", s(a.rating()));
        if (a.comment() != null) item.put("comment", s(a.comment()));
        item.put("answeredAt", s(a.at().toString()));
        item.put("version", AttributeValue.fromN(Long.toString(a.version())));
        item.put("ownerId", s(ownerId));
        item.put("score", AttributeValue.fromN(Integer.toString(computedScore)));
        try {
            if (a.version() == 1) {
                ddb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            } else {
                ddb.putItem(b -> b.tableName(table).item(item).conditionExpression("version = :v")
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(a.version() - 1)))));
            }
        } catch (ConditionalCheckFailedException e) {
            throw new DomainException(DomainException.Kind.CONFLICT, "survey-changed",
                    new Text("Đánh giá vừa được gửi từ nơi khác. Vui lòng tải lại.", "The answer was just sent from elsewhere. Reload."));
        }
    }
}
