package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.NoticeStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The NoticeStore port in memory, with the store's claim rule (new, failed, or a pending one past the lease). */
public final class InMemoryNotices implements NoticeStore {
    record Row(String dossierId, String state, Instant claimedAt, String to, String subject, String why) {}

    private final Map<String, Row> deliveries = new HashMap<>();
    private final Map<String, List<InboxMessage>> inbox = new HashMap<>();
    private final Map<String, Choices> choices = new HashMap<>();

    @Override
    public synchronized boolean claim(String eventKey, String channel, String dossierId, Instant at) {
        Row r = deliveries.get(eventKey + "#" + channel);
        if (r != null && !r.state().equals("FAILED") && !(r.state().equals("PENDING") && r.claimedAt().isBefore(at.minus(Duration.ofMinutes(5))))) return false;
        deliveries.put(eventKey + "#" + channel, new Row(dossierId, "PENDING", at, null, null, null));
        return true;
    }

    @Override
    public synchronized void sent(String eventKey, String channel, String dossierId, Instant at, String to, String subject) {
        deliveries.put(eventKey + "#" + channel, new Row(dossierId, "SENT", at, to, subject, null));
        failures.remove(eventKey + "#" + channel);
    }

    private final Map<String, Failed> failures = new java.util.LinkedHashMap<>();

    @Override
    public synchronized void skipped(String eventKey, String channel, String dossierId, Instant at, String why) {
        deliveries.put(eventKey + "#" + channel, new Row(dossierId, "SKIPPED", at, null, null, why));
    }

    @Override
    public synchronized void failed(String eventKey, String channel, String dossierId, Instant at, String why, String action, Instant eventAt) {
        deliveries.put(eventKey + "#" + channel, new Row(dossierId, "FAILED", at, null, null, why));
        failures.put(eventKey + "#" + channel, new Failed(eventKey, channel, dossierId, action, eventAt, at));
    }

    @Override
    public synchronized List<Failed> failedDeliveries(int limit) {
        return failures.values().stream().limit(limit).toList();
    }

    @Override
    public synchronized void deliver(InboxMessage m) {
        List<InboxMessage> box = inbox.computeIfAbsent(m.ownerId(), k -> new ArrayList<>());
        if (box.stream().noneMatch(x -> x.id().equals(m.id()))) box.add(m);
    }

    @Override
    public synchronized List<InboxMessage> inbox(String ownerId, int limit) {
        return inbox.getOrDefault(ownerId, List.of()).stream().sorted(Comparator.comparing(InboxMessage::at).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized void markRead(String ownerId, String id) {
        inbox.computeIfPresent(ownerId, (k, box) -> new ArrayList<>(box.stream().map(m -> m.id().equals(id)
                ? new InboxMessage(m.ownerId(), m.id(), m.dossierId(), m.dossierCode(), m.kind(), m.subject(), m.text(), m.at(), true) : m).toList()));
    }

    @Override
    public synchronized Choices choices(String ownerId) { return choices.getOrDefault(ownerId, new Choices(Map.of(), "vi")); }

    @Override
    public synchronized void choose(String ownerId, Choices c) { choices.put(ownerId, c); }

    private final Map<String, String> accountEmails = new HashMap<>();

    @Override
    public synchronized void rememberAccountEmail(String ownerId, String email) { accountEmails.put(ownerId, email); }

    @Override
    public synchronized java.util.Optional<String> accountEmail(String ownerId) { return java.util.Optional.ofNullable(accountEmails.get(ownerId)); }

    @Override
    public synchronized List<Delivery> deliveries(String dossierId) {
        List<Delivery> out = new ArrayList<>();
        deliveries.forEach((k, r) -> {
            if (!r.dossierId().equals(dossierId)) return;
            int cut = k.lastIndexOf('#');
            out.add(new Delivery(k.substring(0, cut), k.substring(cut + 1), r.state(), r.to(), r.subject(), r.claimedAt(), r.why()));
        });
        return out;
    }

    private final java.util.Set<String> suppressed = new java.util.HashSet<>();

    @Override
    public synchronized void suppress(String address, String why, Instant at) { suppressed.add(address.toLowerCase(java.util.Locale.ROOT)); }

    @Override
    public synchronized boolean suppressed(String address) { return suppressed.contains(address.toLowerCase(java.util.Locale.ROOT)); }
}
