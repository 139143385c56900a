package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.ArchivePackages;
import vn.gov.bvhttdl.dvc.application.ArchiveRecords;
import vn.gov.bvhttdl.dvc.application.DossierArchiveSources;
import vn.gov.bvhttdl.dvc.application.DraftLifecycle;
import vn.gov.bvhttdl.dvc.domain.ArchiveRecord;
import vn.gov.bvhttdl.dvc.domain.DestructionDecision;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The archive's ports in memory: the records, decisions, certificates and trail; a bucket that refuses to delete an
 * object while its lock holds (as S3 Object Lock in compliance mode, or a legal hold); the dossiers' documents and
 * their erasure over {@link InMemoryDossiers}; the drafts' notices and expiry.
 */
public final class InMemoryArchive implements ArchiveRecords, ArchivePackages, DossierArchiveSources, DraftLifecycle {
    /** An object as kept: bytes, type, lock (null with a legal hold). */
    public record StoredObject(byte[] bytes, String contentType, LocalDate retainUntil) {}

    private final Map<String, ArchiveRecord> records = new TreeMap<>();
    private final Map<String, String> markers = new HashMap<>();
    private final Map<String, DestructionDecision> decisions = new HashMap<>();
    private final Map<String, Certificate> certificates = new HashMap<>();
    private final List<Event> trail = new ArrayList<>();
    public final Map<String, StoredObject> objects = new TreeMap<>();
    private final Map<String, Notice> notices = new HashMap<>();
    public final Map<String, Instant> expiredDrafts = new HashMap<>();
    public final Map<String, List<ArchiveRecord.Document>> documents = new HashMap<>();
    public final List<String> erased = new ArrayList<>();
    private final InMemoryDossiers dossiers;
    private final Clock clock;

    public InMemoryArchive(InMemoryDossiers dossiers, Clock clock) {
        this.dossiers = dossiers;
        this.clock = clock;
    }

    // ArchiveRecords
    @Override public synchronized boolean record(ArchiveRecord r) {
        if (markers.containsKey(r.dossierId())) return false;
        markers.put(r.dossierId(), r.archiveCode());
        records.put(r.archiveCode(), r);
        return true;
    }
    @Override public synchronized Optional<ArchiveRecord> ofDossier(String id) { return Optional.ofNullable(markers.get(id)).map(records::get); }
    @Override public synchronized Optional<ArchiveRecord> byCode(String code) { return Optional.ofNullable(records.get(code)); }
    @Override public synchronized List<ArchiveRecord> of(String agency, int year) {
        return records.values().stream().filter(r -> r.agencyCode().equals(agency) && r.end().getYear() == year).toList();
    }
    @Override public synchronized void saveDecision(DestructionDecision d) { decisions.put(d.id(), d); }
    @Override public synchronized Optional<DestructionDecision> decision(String id) { return Optional.ofNullable(decisions.get(id)); }
    @Override public synchronized boolean certify(Certificate c) { return certificates.putIfAbsent(c.decisionId(), c) == null; }
    @Override public synchronized Optional<Certificate> certificate(String id) { return Optional.ofNullable(certificates.get(id)); }
    @Override public synchronized void remove(ArchiveRecord r) { records.remove(r.archiveCode()); markers.remove(r.dossierId()); }
    @Override public synchronized void trail(Event e) { trail.add(e); }
    @Override public synchronized List<Event> trail(String agency) { return trail.stream().filter(e -> e.agencyCode().equals(agency)).toList(); }

    // ArchivePackages
    @Override public synchronized void put(String key, byte[] bytes, String type, LocalDate until) { objects.put(key, new StoredObject(bytes.clone(), type, until)); }
    @Override public synchronized byte[] get(String key) {
        StoredObject o = objects.get(key);
        if (o == null) throw new IllegalStateException("no object " + key);
        return o.bytes().clone();
    }
    @Override public synchronized List<String> list(String prefix) { return objects.keySet().stream().filter(k -> k.startsWith(prefix)).sorted().toList(); }
    @Override public synchronized void delete(String key) {
        StoredObject o = objects.get(key);
        if (o == null) return;
        LocalDate today = LocalDate.now(clock.withZone(ArchiveRecord.ZONE));
        if (o.retainUntil() == null || today.isBefore(o.retainUntil())) throw new IllegalStateException("AccessDenied: " + key + " is locked");
        objects.remove(key);
    }

    // DossierArchiveSources
    @Override public List<ArchiveRecord.Document> documents(Dossier d) { return documents.getOrDefault(d.id(), List.of()); }
    @Override public synchronized Map<String, Object> erase(String dossierId) {
        erased.add(dossierId);
        return Map.of("items", 1 + dossiers.history(dossierId).size(), "uploads", documents.getOrDefault(dossierId, List.of()).size());
    }

    // DraftLifecycle
    @Override public List<Dossier> idleDrafts(Instant before) {
        return dossiers.all().stream().filter(d -> d.status() == DossierStatus.DRAFT && d.updatedAt().isBefore(before))
                .filter(d -> !expiredDrafts.containsKey(d.id())).sorted(Comparator.comparing(Dossier::id)).toList();
    }
    @Override public synchronized Optional<Notice> notice(String id) { return Optional.ofNullable(notices.get(id)); }
    @Override public synchronized void recordNotice(String id, Notice n) { notices.put(id, n); }
    @Override public synchronized boolean expire(Dossier draft, Instant at) {
        Dossier now = dossiers.find(draft.id()).orElse(null);
        if (now == null || !now.updatedAt().equals(draft.updatedAt())) return false;
        expiredDrafts.put(draft.id(), at);
        return true;
    }
}
