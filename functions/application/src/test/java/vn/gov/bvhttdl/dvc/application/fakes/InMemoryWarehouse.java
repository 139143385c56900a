package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.Warehouse;
import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;
import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The Warehouse port in memory: entries keyed by owner and id, added once, changed only from the status expected. */
public final class InMemoryWarehouse implements Warehouse {
    private final Map<String, WarehouseDocument> entries = new ConcurrentHashMap<>();

    private static String key(String owner, String id) { return owner + "|" + id; }

    @Override
    public boolean add(WarehouseDocument d) { return entries.putIfAbsent(key(d.owner(), d.id()), d) == null; }

    @Override
    public Optional<WarehouseDocument> find(String owner, String id) {
        return Optional.ofNullable(owner == null || id == null ? null : entries.get(key(owner, id)));
    }

    @Override
    public List<WarehouseDocument> of(String owner) {
        return entries.values().stream().filter(d -> d.owner().equals(owner))
                .sorted(Comparator.comparing(WarehouseDocument::addedAt).reversed()).toList();
    }

    @Override
    public synchronized void update(WarehouseDocument changed, WarehouseDocument.Status expected) {
        WarehouseDocument now = entries.get(key(changed.owner(), changed.id()));
        if (now == null || now.status() != expected) throw new ConcurrentChange("warehouse " + changed.id());
        entries.put(key(changed.owner(), changed.id()), changed);
    }

    @Override
    public void remove(String owner, String id) { entries.remove(key(owner, id)); }
}
