package vn.gov.bvhttdl.dvc.api.official;

import vn.gov.bvhttdl.dvc.api.*;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.signing.Signers;

import java.time.Clock;

/** The officials' function's own: the unit's signing key (KMS, or the development CA offline) and the result's issue. */
@Factory
final class OfficialBeans {
    /** Created on the first signature, not at start. */
    @Singleton
    Signers signer() { return new Signers(); }

    @Singleton
    vn.gov.bvhttdl.dvc.application.IssueResult issueResult(DossierStore store, vn.gov.bvhttdl.dvc.adapters.ResultStore results,
                                                           Signers signer, RulesStore rules, Clock clock) {
        return new vn.gov.bvhttdl.dvc.application.IssueResult(store, results, new vn.gov.bvhttdl.dvc.documents.ResultPdf(signer), rules, clock,
                () -> vn.gov.bvhttdl.dvc.adapters.Settings.require("PUBLIC_BASE_URL"));
    }
}
