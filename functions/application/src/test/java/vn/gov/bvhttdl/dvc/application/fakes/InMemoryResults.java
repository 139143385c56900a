package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.Results;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The Results port in memory: files written once, records changed only from the status expected. */
public final class InMemoryResults implements Results {
    private final Map<String, IssuedResult> records = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public synchronized void store(IssuedResult r, byte[] pdf) {
        if (records.values().stream().anyMatch(x -> x.number().equals(r.number())) || files.putIfAbsent(r.id(), pdf) != null) {
            throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("result " + r.number());
        }
        records.put(r.id(), r);
    }

    private final Map<String, IssuedResult> documents = new ConcurrentHashMap<>();

    @Override
    public synchronized void storeDocument(IssuedResult r, byte[] pdf) {
        if (files.putIfAbsent(r.id(), pdf) != null) throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("document " + r.id());
        documents.put(r.id(), r);
    }

    /** The structured data stored beside the documents, by id. */
    public final Map<String, byte[]> data = new ConcurrentHashMap<>();

    @Override
    public void storeDocumentData(String id, byte[] xml) { data.putIfAbsent(id, xml); }

    @Override
    public Optional<IssuedResult> find(String id) {
        return Optional.ofNullable(id == null ? null : records.containsKey(id) ? records.get(id) : documents.get(id));
    }

    @Override
    public List<IssuedResult> ofDossier(String dossierId) {
        return records.values().stream().filter(r -> r.dossierId().equals(dossierId)).sorted(Comparator.comparing(IssuedResult::sequence)).toList();
    }

    @Override
    public byte[] file(String id) { return files.get(id); }

    @Override
    public synchronized void update(IssuedResult changed, IssuedResult.Status expected) {
        IssuedResult now = records.get(changed.id());
        if (now == null || now.status() != expected) {
            throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("result " + changed.id());
        }
        records.put(changed.id(), changed);
    }
}
