package vn.gov.bvhttdl.dvc.api;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;

import java.time.Clock;

/** The few objects the API needs, made once per Lambda container (and before a SnapStart snapshot, primed). */
@Factory
final class Beans {
    @Singleton
    ProcedureCatalogue catalogue() { return ProcedureCatalogue.load(); }

    @Singleton
    DossierStore store(ProcedureCatalogue catalogue) {
        return DossierStore.primedFromSettings("citizen-api", () -> catalogue.all().forEach(Views.ProcedureView::of));
    }

    @Singleton
    SubmissionQueue submissions() { return SubmissionQueue.fromSettings(); }

    @Singleton
    Clock clock() { return Clock.systemUTC(); }
}
