package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import vn.gov.bvhttdl.dvc.application.OfficialAccounts;
import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The officials' and administrators' accounts in the dossier table ({@link Layout#accountKey}: one partition
 * {@code OFFICIALS}, one item per account) and their trail ({@link Layout#accountChangeKey}: one item per change,
 * under the account's own partition). An account and its trail entry are written in one transaction, the account
 * guarded by its version, the entry never overwritten. {@link #find} is one consistent {@code GetItem}: the APIs call
 * it on every request of an official or administrator.
 */
public final class OfficialAccountStore implements OfficialAccounts {
    private final DynamoDbClient ddb;
    private final String table;

    OfficialAccountStore(DynamoDbClient ddb, String table) {
        this.ddb = ddb;
        this.table = table;
    }

    @Override
    public Optional<Account> find(String subject) {
        if (subject == null || subject.isBlank() || subject.length() > 200) return Optional.empty();
        var item = ddb.getItem(b -> b.tableName(table).key(Layout.accountKey(subject)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(account(item));
    }

    @Override
    public List<Account> all() {
        List<Account> out = new ArrayList<>();
        Map<String, AttributeValue> after = null;
        do {
            Map<String, AttributeValue> start = after;
            var q = ddb.query(b -> {
                b.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :a)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Layout.OFFICIALS), ":a", AttributeValue.fromS(Layout.ACCOUNT)));
                if (start != null) b.exclusiveStartKey(start);
            });
            q.items().forEach(i -> out.add(account(i)));
            after = q.lastEvaluatedKey() == null || q.lastEvaluatedKey().isEmpty() ? null : q.lastEvaluatedKey();
        } while (after != null);
        out.sort(Comparator.comparing(Account::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Account::subject));
        return out;
    }

    @Override
    public void save(Account a, Change c) {
        Map<String, AttributeValue> item = new HashMap<>(Layout.accountKey(a.subject()));
        put(item, "subject", a.subject());
        put(item, "username", a.username());
        put(item, "name", a.name());
        put(item, "email", a.email());
        put(item, "agency", a.agency());
        put(item, "unit", a.unit());
        put(item, "role", a.role().name());
        put(item, "status", a.status().name());
        item.put("version", AttributeValue.fromN(Long.toString(a.version())));
        put(item, "changedAt", a.changedAt().toString());
        put(item, "changedBy", a.changedBy());
        put(item, "title", a.title());
        if (a.delegation() != null) {
            put(item, "signMode", a.delegation().mode());
            put(item, "signFor", a.delegation().forName());
        }
        Map<String, AttributeValue> entry = new HashMap<>(Layout.accountChangeKey(c.subject(), c.version()));
        put(entry, "subject", c.subject());
        entry.put("version", AttributeValue.fromN(Long.toString(c.version())));
        put(entry, "at", c.at().toString());
        put(entry, "by", c.by());
        put(entry, "action", c.action());
        put(entry, "before", c.before());
        put(entry, "after", c.after());
        long expected = a.version() - 1;
        TransactWriteItem account = TransactWriteItem.builder().put(p -> {
            p.tableName(table).item(item);
            if (expected == 0) p.conditionExpression("attribute_not_exists(PK)");
            else p.conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expected))));
        }).build();
        TransactWriteItem trail = TransactWriteItem.builder().put(p -> p.tableName(table).item(entry).conditionExpression("attribute_not_exists(SK)")).build();
        try {
            ddb.transactWriteItems(t -> t.transactItems(account, trail));
        } catch (TransactionCanceledException e) {
            if (DossierStore.conditionFailed(e, 0) || DossierStore.conditionFailed(e, 1)) {
                throw new ConcurrentChange("official " + a.subject() + " is no longer at version " + expected);
            }
            throw e;
        }
    }

    @Override
    public List<Change> history(String subject) {
        var q = ddb.query(b -> b.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :c)").consistentRead(true)
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Layout.accountTrailPk(subject)), ":c", AttributeValue.fromS("CHANGE#"))));
        List<Change> out = new ArrayList<>();
        for (var i : q.items()) {
            out.add(new Change(str(i, "subject"), Long.parseLong(i.get("version").n()), Instant.parse(str(i, "at")), str(i, "by"),
                    str(i, "action"), str(i, "before"), str(i, "after")));
        }
        return out;
    }

    private static Account account(Map<String, AttributeValue> i) {
        return new Account(Layout.accountSubject(i.get("SK").s()), str(i, "username"), str(i, "name"), str(i, "email"), str(i, "agency"),
                str(i, "unit"), AccountRole.valueOf(str(i, "role")), Status.valueOf(str(i, "status")), Long.parseLong(i.get("version").n()),
                Instant.parse(str(i, "changedAt")), str(i, "changedBy"), str(i, "title"),
                vn.gov.bvhttdl.dvc.domain.Actor.Delegation.parse(str(i, "signMode"), str(i, "signFor"), str(i, "title")));
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) item.put(name, AttributeValue.fromS(value));
    }

    private static String str(Map<String, AttributeValue> i, String k) {
        return i.containsKey(k) ? i.get(k).s() : null;
    }
}
