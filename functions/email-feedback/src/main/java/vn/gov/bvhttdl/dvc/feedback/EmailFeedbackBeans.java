package vn.gov.bvhttdl.dvc.feedback;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.NoticeTable;
import vn.gov.bvhttdl.dvc.application.NoticeStore;

/** The email feedback function's wiring: the only class of it that names the adapters. */
@Factory
final class EmailFeedbackBeans {
    @Singleton
    NoticeStore notices() {
        DossierStore store = DossierStore.primedFromSettings("email-feedback", null);
        return new NoticeTable(store.client(), store.tableName());
    }
}
