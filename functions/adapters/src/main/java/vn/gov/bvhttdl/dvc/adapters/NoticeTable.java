package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import vn.gov.bvhttdl.dvc.application.NoticeStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NoticeStore port in the dossier table:
 * <ul>
 *   <li>a delivery: {@code DOSSIER#<id> / NOTICE#<event>#<channel>} ({@code deliveryState} PENDING, SENT or FAILED,
 *       {@code claimedAt}); claimed with {@code attribute_not_exists(PK)}, or over a FAILED one, or over a PENDING one
 *       older than the lease (a consumer that died while sending);</li>
 *   <li>the inbox: {@code INBOX#<owner> / <time>_<event, path-safe>} (read newest first);</li>
 *   <li>the choices: {@code PREFS#<owner> / PREFS}; the e-mail of the owner's account: {@code PREFS#<owner> / ACCOUNT}
 *       ({@code email}, apart from the choices, which a change rewrites whole);</li>
 *   <li>an address SES reported as bounced for good or complained about: {@code ADDRESS#<address> / FEEDBACK}.</li>
 * </ul>
 */
public final class NoticeTable implements NoticeStore {
    /** A claim older than this whose send never finished may be taken again (longer than a function's timeout). */
    public static final Duration LEASE = Duration.ofMinutes(5);

    private final DynamoDbClient ddb;
    private final String table;

    public NoticeTable(DynamoDbClient ddb, String table) {
        this.ddb = ddb;
        this.table = table;
    }

    private static AttributeValue s(String v) { return AttributeValue.fromS(v); }

    private static Map<String, AttributeValue> key(String dossierId, String eventKey, String channel) {
        return Map.of("PK", s(Layout.dossierPk(dossierId)), "SK", s(Layout.noticeSk(eventKey, channel)));
    }

    @Override
    public boolean claim(String eventKey, String channel, String dossierId, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(key(dossierId, eventKey, channel));
        item.put("deliveryState", s("PENDING"));
        item.put("claimedAt", s(at.toString()));
        item.put("channel", s(channel));
        item.put("eventKey", s(eventKey));
        try {
            ddb.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(PK) OR deliveryState = :failed OR (deliveryState = :pending AND claimedAt < :stale)")
                    .expressionAttributeValues(Map.of(":failed", s("FAILED"), ":pending", s("PENDING"), ":stale", s(at.minus(LEASE).toString()))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public void sent(String eventKey, String channel, String dossierId, Instant at, String to, String subject) {
        ddb.updateItem(b -> b.tableName(table).key(key(dossierId, eventKey, channel))
                .updateExpression("SET deliveryState = :sent, sentAt = :at, sentTo = :to, subject = :subject REMOVE why")
                .expressionAttributeValues(Map.of(":sent", s("SENT"), ":at", s(at.toString()), ":to", s(to), ":subject", s(subject == null ? "" : subject))));
        ddb.deleteItem(b -> b.tableName(table).key(failureKey(dossierId, eventKey, channel)));
    }

    @Override
    public void skipped(String eventKey, String channel, String dossierId, Instant at, String why) {
        ddb.updateItem(b -> b.tableName(table).key(key(dossierId, eventKey, channel))
                .updateExpression("SET deliveryState = :skipped, sentAt = :at, why = :why")
                .expressionAttributeValues(Map.of(":skipped", s("SKIPPED"), ":at", s(at.toString()), ":why", s(why))));
    }

    /** The list of deliveries to resend: {@code NOTICE#FAILED / <dossier>|<event>|<channel>} while one is unsent. */
    private static Map<String, AttributeValue> failureKey(String dossierId, String eventKey, String channel) {
        return Map.of("PK", s(Layout.FAILED_NOTICES), "SK", s(dossierId + "|" + eventKey + "|" + channel));
    }

    @Override
    public List<Failed> failedDeliveries(int limit) {
        var page = ddb.query(b -> b.tableName(table).keyConditionExpression("PK = :pk").limit(limit)
                .expressionAttributeValues(Map.of(":pk", s(Layout.FAILED_NOTICES))));
        List<Failed> out = new ArrayList<>();
        for (var i : page.items()) {
            out.add(new Failed(i.get("eventKey").s(), i.get("channel").s(), i.get("dossierId").s(), i.get("action").s(),
                    Instant.parse(i.get("eventAt").s()), Instant.parse(i.get("failedAt").s())));
        }
        out.sort(java.util.Comparator.comparing(Failed::failedAt));
        return out;
    }

    @Override
    public void failed(String eventKey, String channel, String dossierId, Instant at, String why, String action, Instant eventAt) {
        String w = why == null ? "failed" : why.length() > 500 ? why.substring(0, 500) : why;
        ddb.updateItem(b -> b.tableName(table).key(key(dossierId, eventKey, channel))
                .updateExpression("SET deliveryState = :failed, failedAt = :at, why = :why")
                .conditionExpression("deliveryState = :pending")
                .expressionAttributeValues(Map.of(":failed", s("FAILED"), ":pending", s("PENDING"), ":at", s(at.toString()), ":why", s(w))));
        Map<String, AttributeValue> marker = new HashMap<>(failureKey(dossierId, eventKey, channel));
        marker.put("eventKey", s(eventKey));
        marker.put("channel", s(channel));
        marker.put("dossierId", s(dossierId));
        marker.put("action", s(action));
        marker.put("eventAt", s(eventAt.toString()));
        marker.put("failedAt", s(at.toString()));
        ddb.putItem(b -> b.tableName(table).item(marker));
    }

    @Override
    public void deliver(InboxMessage m) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", s(Layout.inboxPk(m.ownerId())));
        // the key is the message's id in addresses (/api/me/inbox/{id}/read): only characters safe in a path segment
        item.put("SK", s(SortableTime.format(m.at()) + "_" + m.id().replaceAll("[^A-Za-z0-9:.-]", "-")));
        item.put("dossierId", s(m.dossierId()));
        if (m.dossierCode() != null) item.put("dossierCode", s(m.dossierCode()));
        item.put("kind", s(m.kind()));
        item.put("subject", s(m.subject()));
        item.put("text", s(m.text()));
        item.put("read", AttributeValue.fromBool(false));
        try {
            ddb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException already) {
            // the same message again (a delivery retried after the inbox write): once is enough
        }
    }

    @Override
    public List<InboxMessage> inbox(String ownerId, int limit) {
        var page = ddb.query(b -> b.tableName(table).keyConditionExpression("PK = :pk").scanIndexForward(false).limit(limit)
                .expressionAttributeValues(Map.of(":pk", s(Layout.inboxPk(ownerId)))));
        List<InboxMessage> out = new ArrayList<>();
        for (var i : page.items()) {
            String sk = i.get("SK").s();
            out.add(new InboxMessage(ownerId, sk, i.get("dossierId").s(), i.containsKey("dossierCode") ? i.get("dossierCode").s() : null,
                    i.get("kind").s(), i.get("subject").s(), i.get("text").s(), SortableTime.parse(sk.substring(0, sk.indexOf('_'))),
                    Boolean.TRUE.equals(i.get("read").bool())));
        }
        // keys written before the fixed-width time may be out of order within a second: newest first by the moment itself
        out.sort(java.util.Comparator.comparing(InboxMessage::at).reversed());
        return out;
    }

    @Override
    public void markRead(String ownerId, String id) {
        try {
            ddb.updateItem(b -> b.tableName(table).key(Map.of("PK", s(Layout.inboxPk(ownerId)), "SK", s(id)))
                    .updateExpression("SET #r = :t").conditionExpression("attribute_exists(PK)")
                    .expressionAttributeNames(Map.of("#r", "read")).expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))));
        } catch (ConditionalCheckFailedException none) {
            throw vn.gov.bvhttdl.dvc.domain.DomainException.of("message-not-found");
        }
    }

    @Override
    public Choices choices(String ownerId) {
        var r = ddb.getItem(b -> b.tableName(table).key(Map.of("PK", s(Layout.prefsPk(ownerId)), "SK", s("PREFS"))));
        if (!r.hasItem() || r.item().isEmpty()) return new Choices(Map.of(), "vi");
        Map<String, Boolean> channels = new LinkedHashMap<>();
        r.item().forEach((k, v) -> { if (k.startsWith("ch_") && v.bool() != null) channels.put(k.substring(3), v.bool()); });
        return new Choices(channels, r.item().containsKey("language") ? r.item().get("language").s() : "vi");
    }

    @Override
    public void choose(String ownerId, Choices c) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of("PK", s(Layout.prefsPk(ownerId)), "SK", s("PREFS"), "language", s(c.language())));
        c.channels().forEach((k, v) -> item.put("ch_" + k, AttributeValue.fromBool(v)));
        ddb.putItem(b -> b.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> accountKey(String ownerId) {
        return Map.of("PK", s(Layout.prefsPk(ownerId)), "SK", s("ACCOUNT"));
    }

    @Override
    public void rememberAccountEmail(String ownerId, String email) {
        ddb.updateItem(b -> b.tableName(table).key(accountKey(ownerId)).updateExpression("SET email = :e")
                .expressionAttributeValues(Map.of(":e", s(email))));
    }

    @Override
    public java.util.Optional<String> accountEmail(String ownerId) {
        var r = ddb.getItem(b -> b.tableName(table).key(accountKey(ownerId)));
        if (!r.hasItem() || r.item().isEmpty() || r.item().get("email") == null) return java.util.Optional.empty();
        return java.util.Optional.ofNullable(r.item().get("email").s());
    }

    @Override
    public List<Delivery> deliveries(String dossierId) {
        var page = ddb.query(b -> b.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :n)")
                .expressionAttributeValues(Map.of(":pk", s(Layout.dossierPk(dossierId)), ":n", s(Layout.NOTICES))));
        List<Delivery> out = new ArrayList<>();
        for (var i : page.items()) {
            String at = i.containsKey("sentAt") ? i.get("sentAt").s() : i.containsKey("failedAt") ? i.get("failedAt").s() : i.get("claimedAt").s();
            out.add(new Delivery(i.get("eventKey").s(), i.get("channel").s(), i.get("deliveryState").s(),
                    i.containsKey("sentTo") ? i.get("sentTo").s() : null, i.containsKey("subject") ? i.get("subject").s() : null,
                    Instant.parse(at), i.containsKey("why") ? i.get("why").s() : null));
        }
        return out;
    }

    private static Map<String, AttributeValue> addressKey(String address) {
        return Layout.addressKey(address);
    }

    @Override
    public void suppress(String address, String why, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(addressKey(address));
        item.put("why", s(why == null ? "suppressed" : why.length() > 300 ? why.substring(0, 300) : why));
        item.put("at", s(at.toString()));
        ddb.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public boolean suppressed(String address) {
        var r = ddb.getItem(b -> b.tableName(table).key(addressKey(address)));
        return r.hasItem() && !r.item().isEmpty();
    }
}
