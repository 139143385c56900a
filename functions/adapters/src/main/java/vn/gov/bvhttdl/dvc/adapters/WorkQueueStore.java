package vn.gov.bvhttdl.dvc.adapters;

import vn.gov.bvhttdl.dvc.application.WorkQueues;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The WorkQueues port on the table: the queues' indexes (through {@link DossierStore}) and the stream's counts. */
public final class WorkQueueStore implements WorkQueues {
    private final DossierStore store;
    private final StatusCounts counts;

    public WorkQueueStore(DossierStore store) {
        this.store = store;
        this.counts = new StatusCounts(store.client(), store.tableName());
    }

    private static Page page(DossierStore.QueuePage p) { return new Page(p.items(), p.next()); }

    @Override
    public Page byHolder(String agency, String unit, DossierStatus status, int size, String after) {
        return page(store.byHolder(agency, unit, status, size, after));
    }

    @Override
    public Page byAssignee(String subject, int size, String after) { return page(store.byAssignee(subject, size, after)); }

    @Override
    public Page byConsulted(String agency, String unit, int size, String after) { return page(store.byConsulted(agency, unit, size, after)); }

    @Override
    public List<Dossier> byAgencyStatus(String agency, DossierStatus status, int limit) { return store.byAgencyStatus(agency, status, limit); }

    @Override
    public Optional<Dossier> findByCode(String code) { return store.findByCode(code); }

    @Override
    public List<Dossier> byOwner(String ownerId, int limit) { return store.listByOwner(ownerId, limit); }

    @Override
    public Map<String, Long> unitCounts(String agency, String unit) { return counts.unit(agency, unit); }

    @Override
    public Map<String, Long> agencyCounts(String agency) {
        Map<String, Long> mine = counts.all().get(agency);
        return mine == null ? Map.of() : mine;
    }
}
