package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.Attachments;
import vn.gov.bvhttdl.dvc.application.Dossiers;
import vn.gov.bvhttdl.dvc.application.LookupKeys;
import vn.gov.bvhttdl.dvc.application.Sequences;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The table's dossier ports in memory — {@link Dossiers} (with the same optimistic locking as the DynamoDB store),
 * {@link Attachments} (their entries on the same audit trail), {@link LookupKeys} and {@link Sequences} — one object
 * a test hands to each port it needs. For use-case tests.
 */
public final class InMemoryDossiers implements Dossiers, Attachments, LookupKeys, Sequences {
    private final Map<String, Dossier> dossiers = new ConcurrentHashMap<>();
    private final Map<String, List<AuditEvent>> audit = new ConcurrentHashMap<>();
    private final Map<String, List<Attachment>> files = new ConcurrentHashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, String[]> keys = new ConcurrentHashMap<>();

    private final Map<String, String[]> idempotency = new ConcurrentHashMap<>();

    /** A new dossier (version 1) with its creation entry. */
    @Override
    public synchronized void create(Dossier.Change change) {
        if (dossiers.putIfAbsent(change.dossier().id(), change.dossier()) != null) throw new IllegalStateException("exists");
        audit.computeIfAbsent(change.dossier().id(), k -> new ArrayList<>()).add(change.event());
    }

    @Override
    public synchronized String createOnce(Dossier.Change change, String idempotencyKey, String fingerprint) {
        String key = change.dossier().ownerId() + "#" + idempotencyKey;
        String[] seen = idempotency.get(key);
        if (seen != null) {
            if (!seen[1].equals(fingerprint)) {
                throw new DomainException(DomainException.Kind.INVALID, "idempotency-key-reused",
                        new Text("Khóa đã dùng cho một yêu cầu khác.", "The key was used for another request."));
            }
            return seen[0];
        }
        create(change);
        idempotency.put(key, new String[]{change.dossier().id(), fingerprint});
        return change.dossier().id();
    }

    public void addFile(Attachment a) {
        files.computeIfAbsent(a.dossierId(), k -> new ArrayList<>()).add(a);
    }

    @Override
    public Optional<Dossier> find(String id) { return Optional.ofNullable(dossiers.get(id)); }

    @Override
    public List<AuditEvent> history(String id) { return List.copyOf(audit.getOrDefault(id, List.of())); }

    @Override
    public List<Attachment> attachments(String id) { return List.copyOf(files.getOrDefault(id, List.of())); }

    @Override
    public synchronized void save(Dossier.Change change) {
        Dossier next = change.dossier();
        Dossier current = dossiers.get(next.id());
        if (current == null || current.version() != next.version() - 1) {
            throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("dossier " + next.id());
        }
        dossiers.put(next.id(), next);
        audit.computeIfAbsent(next.id(), k -> new ArrayList<>()).add(change.event());
    }

    @Override
    public synchronized long nextSequence(String unitCode, String dayKey) {
        return sequences.merge(unitCode + "#" + dayKey, 1L, Long::sum);
    }

    @Override
    public void authoriseUpload(Attachment pending) {
        if (!dossiers.containsKey(pending.dossierId())) throw new IllegalStateException("no dossier " + pending.dossierId());
        addFile(pending);
    }

    @Override
    public synchronized void cancelAttachment(Attachment current, String actor, java.time.Instant at) {
        List<Attachment> list = files.get(current.dossierId());
        int i = list.indexOf(current);
        if (i < 0) throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("file " + current.key());
        list.set(i, current.cancelled(at));
        audit.computeIfAbsent(current.dossierId(), k -> new ArrayList<>()).add(new AuditEvent(current.dossierId(), at, actor,
                vn.gov.bvhttdl.dvc.domain.Role.CITIZEN, "attachment-cancelled", null, null, null,
                Map.of("key", current.key(), "was", current.status().name())));
    }

    @Override
    public Optional<Lookup> lookup(String code) { return Optional.ofNullable(code == null ? null : keys.get(code)).map(k -> new Lookup(k[0], k[1])); }

    @Override
    public void putLookupKey(String code, String dossierId, String key) { keys.put(code, new String[]{dossierId, key}); }

    @Override
    public synchronized long nextResultNumber(String dossierCode) {
        return sequences.merge("RESULT#" + dossierCode, 1L, Long::sum);
    }

    @Override
    public synchronized Optional<Attachment> attachment(String dossierId, String key) {
        return files.getOrDefault(dossierId, List.of()).stream().filter(a -> a.key().equals(key)).findFirst();
    }

    @Override
    public synchronized boolean recordVerdict(Attachment scanned) {
        List<Attachment> list = files.get(scanned.dossierId());
        int i = list == null ? -1 : indexOf(list, scanned.key());
        if (i < 0) throw new DomainException(DomainException.Kind.NOT_FOUND, "upload-not-authorised",
                new Text("Không có yêu cầu tải lên cho tệp " + scanned.key() + ".", "No upload was authorised for " + scanned.key() + "."));
        if (list.get(i).status() != Attachment.Status.PENDING) return false;
        list.set(i, scanned);
        trail(scanned.dossierId(), new AuditEvent(scanned.dossierId(), scanned.scannedAt(), "upload-scan", vn.gov.bvhttdl.dvc.domain.Role.SYSTEM,
                scanned.status() == Attachment.Status.ACCEPTED ? "attachment-accepted" : "attachment-rejected", null, null,
                scanned.reason() == null ? null : scanned.reason().vi(), Map.of("key", scanned.key())));
        return true;
    }

    @Override
    public synchronized void recordRetrieved(Attachment filled, Map<String, String> extract) {
        if (!dossiers.containsKey(filled.dossierId())) throw new IllegalStateException("no dossier " + filled.dossierId());
        List<Attachment> list = files.computeIfAbsent(filled.dossierId(), k -> new ArrayList<>());
        int i = indexOf(list, filled.key());
        if (i < 0) list.add(filled); else list.set(i, filled);
        Map<String, String> details = new java.util.LinkedHashMap<>(extract);
        details.put("key", filled.key());
        details.put("component", filled.componentCode());
        trail(filled.dossierId(), new AuditEvent(filled.dossierId(), filled.createdAt(), "national-database", vn.gov.bvhttdl.dvc.domain.Role.SYSTEM,
                "attachment-retrieved", null, null, null, details));
    }

    @Override
    public synchronized void recordFromWarehouse(Attachment filled, vn.gov.bvhttdl.dvc.domain.Actor by) {
        if (!dossiers.containsKey(filled.dossierId())) throw new IllegalStateException("no dossier " + filled.dossierId());
        files.computeIfAbsent(filled.dossierId(), k -> new ArrayList<>()).add(filled);
        trail(filled.dossierId(), new AuditEvent(filled.dossierId(), filled.createdAt(), by.subject(), by.role(),
                "attachment-from-warehouse", null, null, null, vn.gov.bvhttdl.dvc.application.Attachments.fromWarehouseDetails(filled)));
    }

    @Override
    public synchronized void recordOverwriteRefused(Attachment judged, String versionId, java.time.Instant at) {
        trail(judged.dossierId(), new AuditEvent(judged.dossierId(), at, "upload-scan", vn.gov.bvhttdl.dvc.domain.Role.SYSTEM,
                "attachment-overwrite-refused", null, null, null, Map.of("key", judged.key(), "quarantinedVersion", String.valueOf(versionId))));
    }

    @Override
    public synchronized void recordReplacedAfterCheck(Attachment judged, java.time.Instant at) {
        List<Attachment> list = files.get(judged.dossierId());
        int i = list == null ? -1 : indexOf(list, judged.key());
        if (i < 0) return;
        Attachment refused = judged.scanned(Attachment.Status.REJECTED, new Text("tệp bị ghi đè sau khi đã kiểm tra",
                "the file was overwritten after it was checked"), judged.detectedType(), judged.sha256(), judged.pages(), at);
        list.set(i, refused);
        trail(judged.dossierId(), new AuditEvent(judged.dossierId(), at, "upload-scan", vn.gov.bvhttdl.dvc.domain.Role.SYSTEM,
                "attachment-rejected", null, null, refused.reason().vi(), Map.of("key", judged.key())));
    }

    @Override
    public synchronized boolean recordThreatFound(Attachment judged, String threat, java.time.Instant at) {
        List<Attachment> list = files.get(judged.dossierId());
        int i = list == null ? -1 : indexOf(list, judged.key());
        if (i < 0) return false;
        Attachment now = list.get(i);
        if (now.status() != judged.status() || now.status() == Attachment.Status.REJECTED || now.status() == Attachment.Status.CANCELLED) return false;
        Attachment refused = judged.scanned(Attachment.Status.REJECTED, new Text("kiểm tra lần hai phát hiện mã độc: " + threat,
                "the second check found malware: " + threat), judged.detectedType(), judged.sha256(), judged.pages(), at);
        list.set(i, refused);
        trail(judged.dossierId(), new AuditEvent(judged.dossierId(), at, "malware-protection", vn.gov.bvhttdl.dvc.domain.Role.SYSTEM,
                "attachment-threat-found", null, null, refused.reason().vi(), Map.of("key", judged.key(), "threat", threat)));
        return true;
    }

    private static int indexOf(List<Attachment> list, String key) {
        for (int i = 0; i < list.size(); i++) if (list.get(i).key().equals(key)) return i;
        return -1;
    }

    private void trail(String dossierId, AuditEvent e) {
        audit.computeIfAbsent(dossierId, k -> new ArrayList<>()).add(e);
    }

    /**
     * Erases dossier {@code id} (its trail and files too) if it is still at {@code version}; answers how many items
     * went (the dossier, its trail entries, its files), or -1 when it changed meanwhile.
     */
    public synchronized int erase(String id, long version) {
        Dossier d = dossiers.get(id);
        if (d == null || d.version() != version) return -1;
        dossiers.remove(id);
        int n = 1 + audit.getOrDefault(id, List.of()).size() + files.getOrDefault(id, List.of()).size();
        audit.remove(id);
        files.remove(id);
        return n;
    }

    /** Every dossier stored (for the other in-memory ports over the same table). */
    public synchronized List<Dossier> all() { return List.copyOf(dossiers.values()); }

    static String holder(Dossier d) {
        if (d.processing() != null && d.processing().step() != null && d.processing().unit() != null) return d.processing().unit();
        return vn.gov.bvhttdl.dvc.domain.Organisation.standard().agency(d.agencyCode()).map(a -> a.oneStop().code()).orElse(null);
    }

    static java.time.LocalDate due(Dossier d) {
        if (d.processing() != null && d.processing().step() != null && d.processing().stepDue() != null) return d.processing().stepDue();
        return d.dueDate() == null ? java.time.LocalDate.MAX : d.dueDate();
    }
}
