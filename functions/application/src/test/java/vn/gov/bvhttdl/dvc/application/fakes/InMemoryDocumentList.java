package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.DocumentList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The national document list in memory: results per owner; {@link #down} plays a portal that does not answer (no results). */
public final class InMemoryDocumentList implements DocumentList {
    private final Map<String, List<Result>> byOwner = new ConcurrentHashMap<>();
    /** The calls made, as owner + " " + procedure. */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public volatile boolean down;

    public InMemoryDocumentList add(String owner, Result r) {
        byOwner.computeIfAbsent(owner, k -> new CopyOnWriteArrayList<>()).add(r);
        return this;
    }

    @Override
    public List<Result> find(String ownerIdNumber, String procedureCode) {
        calls.add(ownerIdNumber + " " + procedureCode);
        if (down || ownerIdNumber == null) return List.of();
        return new ArrayList<>(byOwner.getOrDefault(ownerIdNumber, List.of()));
    }
}
