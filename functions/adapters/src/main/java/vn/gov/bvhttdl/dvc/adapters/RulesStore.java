package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What administrators publish without a deploy — new procedure versions and yearly calendar announcements — and
 * the catalogue and calendar that result (bundled data plus publications), cached for a short time in the
 * container. Publications are never overwritten: each is a new item with who published it and when, so the
 * items are their own audit trail. Two partitions, read with a Query each (no Scan). What may be published is the
 * application's to check ({@code AdminDesk}); this stores it.
 */
public final class RulesStore implements vn.gov.bvhttdl.dvc.application.Rules, vn.gov.bvhttdl.dvc.application.Publications {
    static final String CATALOGUE = Kind.CATALOGUE.name();
    static final String CALENDAR = Kind.CALENDAR.name();

    private final DynamoDbTable<Items.RuleItem> rules;
    private final DynamoDbClient client;
    private final String tableName;
    private final Clock clock;
    private final Duration ttl;
    private volatile Instant loadedAt = Instant.EPOCH;
    /** The publications' revision the cache holds, and when it was last compared with the table's. */
    private volatile long revision = -1;
    private volatile Instant checkedAt = Instant.EPOCH;
    /**
     * How often a container compares its cache with the publications' revision (one strongly consistent GetItem): a
     * publication made by the administrators' function reaches the public and the other functions within this.
     */
    static final Duration REVISION_CHECK = Duration.ofSeconds(1);
    static final String REVISION_PK = "RULES";
    static final String REVISION_SK = "REVISION";
    private volatile ProcedureCatalogue catalogue = ProcedureCatalogue.load();
    private volatile WorkingCalendar calendar = WorkingCalendar.standard();

    public RulesStore(DynamoDbClient client, String tableName, Clock clock, Duration ttl) {
        this.rules = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build().table(tableName, Items.RULE);
        this.client = client;
        this.tableName = tableName;
        this.clock = clock;
        this.ttl = ttl;
    }

    public static RulesStore fromSettings(DynamoDbClient client) {
        return new RulesStore(client, Settings.require("TABLE_NAME"), Clock.systemUTC(), Duration.ofSeconds(60));
    }

    /** Today's catalogue: the bundled procedures plus every published version. */
    @Override
    public ProcedureCatalogue catalogue() {
        refreshIfStale();
        return catalogue;
    }

    /** The working calendar: the bundled rules plus the published yearly announcements. */
    @Override
    public WorkingCalendar calendar() {
        refreshIfStale();
        return calendar;
    }

    private synchronized void refreshIfStale() {
        Instant now = clock.instant();
        boolean stale = Duration.between(loadedAt, now).compareTo(ttl) >= 0;
        if (!stale && Duration.between(checkedAt, now).compareTo(REVISION_CHECK) >= 0) {
            checkedAt = now;
            stale = readRevision() != revision; // another function published since this container loaded
        }
        if (!stale) return;
        long seen = readRevision(); // read before the publications: one published meanwhile is seen by the next check
        List<Procedure> published = new ArrayList<>();
        for (Items.RuleItem i : items(CATALOGUE)) published.add(Procedure.of(Json.obj(Json.parse(i.json))));
        Map<Integer, WorkingCalendar.YearSchedule> years = new TreeMap<>();
        for (Items.RuleItem i : items(CALENDAR)) { // sorted by SK: YEAR#yyyy#V#nnnn, so the last of a year wins
            WorkingCalendar.YearSchedule s = WorkingCalendar.schedule(Json.obj(Json.parse(i.json)));
            years.put(s.year(), s);
        }
        catalogue = ProcedureCatalogue.load().with(published);
        calendar = WorkingCalendar.standard().withSchedules(years.values());
        loadedAt = now;
        checkedAt = now;
        revision = seen;
    }

    /** The publications' revision: how many have been made (0 before the first). */
    private long readRevision() {
        var item = client.getItem(b -> b.tableName(tableName).consistentRead(true).key(Map.of(
                "PK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(REVISION_PK),
                "SK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(REVISION_SK)))).item();
        return item == null || !item.containsKey("n") ? 0 : Long.parseLong(item.get("n").n());
    }

    /** One more publication: every container's next revision check reloads. */
    private void bumpRevision() {
        client.updateItem(b -> b.tableName(tableName).key(Map.of(
                        "PK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(REVISION_PK),
                        "SK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(REVISION_SK)))
                .updateExpression("ADD n :one")
                .expressionAttributeValues(Map.of(":one", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1"))));
    }

    private List<Items.RuleItem> items(String partition) {
        List<Items.RuleItem> out = new ArrayList<>();
        rules.query(QueryEnhancedRequest.builder().queryConditional(QueryConditional.keyEqualTo(
                Key.builder().partitionValue(partition).build())).consistentRead(true).build()).items().forEach(out::add);
        return out;
    }

    /** Stores a publication (never over another) and drops this container's cache; the others see it at their next revision check. */
    @Override
    public void publish(Kind kind, String key, Map<String, Object> data, String actor) {
        put(kind.name(), key, data, actor);
        bumpRevision();
        loadedAt = Instant.EPOCH;
    }

    /** Every publication of a kind, oldest key first. */
    @Override
    public List<Publication> list(Kind kind) {
        return items(kind.name()).stream().map(i -> new Publication(kind, i.sk, i.publishedBy, Instant.parse(i.publishedAt))).toList();
    }

    private void put(String pk, String sk, Map<String, Object> data, String actor) {
        Items.RuleItem item = new Items.RuleItem();
        item.pk = pk;
        item.sk = sk;
        item.json = Json.write(data);
        item.publishedBy = actor;
        item.publishedAt = clock.instant().toString();
        try {
            rules.putItem(PutItemEnhancedRequest.builder(Items.RuleItem.class).item(item)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(SK)").build()).build());
        } catch (ConditionalCheckFailedException e) {
            throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("publication " + pk + " " + sk + " exists already");
        }
    }
}
