package vn.gov.bvhttdl.dvc.api;

import io.micronaut.context.annotation.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;

/**
 * SnapStart priming: before Lambda takes the snapshot, run the hot path once (a DynamoDB read and the catalogue)
 * so that the classes, the SDK's marshallers and the TLS stack are loaded and initialised in the snapshot.
 */
@Context
final class Priming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
    private final DossierStore store;
    private final ProcedureCatalogue catalogue;

    Priming(DossierStore store, ProcedureCatalogue catalogue) {
        this.store = store;
        this.catalogue = catalogue;
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        try {
            store.find("priming-" + System.nanoTime());
            catalogue.all().forEach(p -> Views.ProcedureView.of(p));
        } catch (RuntimeException e) {
            LOG.warn("priming read failed; the snapshot is taken without it", e);
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: clients hold no per-container secrets beyond the role's, which the SDK refreshes
    }
}
