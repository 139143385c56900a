package vn.gov.bvhttdl.dvc.api;

import vn.gov.bvhttdl.dvc.adapters.SubmissionQueue;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;

import java.time.Clock;

/** The few objects the API needs, made once per Lambda container (and before a SnapStart snapshot, primed). */
@Factory
final class Beans {
    @Singleton
    DossierStore store() {
        return DossierStore.primedFromSettings("citizen-api", null);
    }

    /** The catalogue and calendar: bundled rules plus administrators' publications, cached for a minute. */
    @Singleton
    RulesStore rules(DossierStore store) {
        RulesStore rules = RulesStore.fromSettings(store.client());
        vn.gov.bvhttdl.dvc.adapters.Priming.register("citizen-api-rules", () -> rules.catalogue().all().forEach(p -> Views.ProcedureView.of(p, null, null, vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue.today())));
        return rules;
    }

    @Singleton
    SubmissionQueue submissions() { return SubmissionQueue.fromSettings(); }

    @Singleton
    software.amazon.awssdk.services.s3.presigner.S3Presigner presigner() { return vn.gov.bvhttdl.dvc.adapters.AwsClients.presigner(); }

    @Singleton
    Clock clock() { return Clock.systemUTC(); }

    /** The results bucket and records; the S3 client is made on first use. */
    @Singleton
    vn.gov.bvhttdl.dvc.adapters.ResultStore results(DossierStore store) {
        return vn.gov.bvhttdl.dvc.adapters.ResultStore.fromSettings(store.client(), store.tableName());
    }

    /** The unit's signer (KMS, or the development CA offline), created on the first signature. */
    @Singleton
    Signers signer() { return new Signers(); }

    @Singleton
    vn.gov.bvhttdl.dvc.application.IssueResult issueResult(DossierStore store, vn.gov.bvhttdl.dvc.adapters.ResultStore results,
                                                           Signers signer, RulesStore rules, Clock clock) {
        return new vn.gov.bvhttdl.dvc.application.IssueResult(store, results, new vn.gov.bvhttdl.dvc.documents.ResultPdf(signer), rules, clock,
                () -> vn.gov.bvhttdl.dvc.adapters.Settings.require("PUBLIC_BASE_URL"));
    }

    /** The payment ledger (the same table). */
    @Singleton
    vn.gov.bvhttdl.dvc.adapters.PaymentStore payments(DossierStore store) { return new vn.gov.bvhttdl.dvc.adapters.PaymentStore(store); }

    /** The providers; their settings (Secrets Manager on AWS, the sandbox file offline) are read on the first payment. */
    @Singleton
    java.util.Map<String, vn.gov.bvhttdl.dvc.application.PaymentGateway> gateways(Clock clock) {
        return vn.gov.bvhttdl.dvc.payments.Gateways.fromEnvironment(clock);
    }

    /** The notices' records: the inbox, the applicants' choices, the deliveries (written by StatusNotifyFunction). */
    @Singleton
    vn.gov.bvhttdl.dvc.adapters.NoticeTable notices(DossierStore store) { return new vn.gov.bvhttdl.dvc.adapters.NoticeTable(store.client(), store.tableName()); }

    /** The survey answers and the agencies' monthly quality figures (written by QualitySurveyFunction). */
    @Singleton
    vn.gov.bvhttdl.dvc.adapters.SurveyTable surveys(DossierStore store) { return new vn.gov.bvhttdl.dvc.adapters.SurveyTable(store.client(), store.tableName()); }
}
