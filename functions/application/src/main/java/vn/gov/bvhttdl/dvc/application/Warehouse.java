package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;

import java.util.List;
import java.util.Optional;

/**
 * Port: each owner's electronic data warehouse (issue #25; the table offline and on AWS). Entries are written once
 * and then change only their status; the owner may remove only what they added ({@link WarehouseDocument#ownerMayDelete()}).
 */
public interface Warehouse {
    /**
     * Adds {@code d} unless an entry with its owner and id exists (then nothing changes: pushing the same result twice,
     * or running the same import twice, adds it once).
     *
     * @return whether it was added now
     */
    boolean add(WarehouseDocument d);

    /** The owner's entry {@code id}; empty when there is none or it is another owner's. */
    Optional<WarehouseDocument> find(String owner, String id);

    /** Every entry of {@code owner}, newest first. */
    List<WarehouseDocument> of(String owner);

    /**
     * Replaces the entry with {@code changed} only if its status is still {@code expected}.
     *
     * @throws vn.gov.bvhttdl.dvc.domain.ConcurrentChange when it changed first (or is gone)
     */
    void update(WarehouseDocument changed, WarehouseDocument.Status expected);

    /** Removes the owner's entry {@code id} (the use case checks that the owner may). */
    void remove(String owner, String id);
}
