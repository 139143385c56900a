package vn.gov.bvhttdl.dvc.feedback;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.application.NoticeStore;

/** The email feedback function's wiring: the only class of it that names the adapters. */
@Factory
final class EmailFeedbackBeans {
    @Singleton
    NoticeStore notices() {
        return Table.primedFromSettings("email-feedback", null).notices();
    }
}
