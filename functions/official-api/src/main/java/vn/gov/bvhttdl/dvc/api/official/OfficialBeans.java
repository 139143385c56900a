package vn.gov.bvhttdl.dvc.api.official;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.NoticeTable;
import vn.gov.bvhttdl.dvc.adapters.PaymentStore;
import vn.gov.bvhttdl.dvc.adapters.ResultStore;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.adapters.S3FileLinks;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.adapters.SurveyTable;
import vn.gov.bvhttdl.dvc.application.IssueResult;
import vn.gov.bvhttdl.dvc.application.OfficialDesk;
import vn.gov.bvhttdl.dvc.documents.ResultPdf;
import vn.gov.bvhttdl.dvc.signing.Signers;

import java.time.Clock;

/**
 * The officials' function's wiring, the one place that names its adapters: the desk (every route's use case or query)
 * over the table's stores, the results' store, the uploads' links, and the unit's signing key (KMS, or the development
 * CA offline), created on the first signature, not at start. Every read of a dossier is recorded in the table
 * ({@code ReadLogStore}) before it is answered.
 */
@Factory
final class OfficialBeans {
    @Singleton
    Signers signer() { return new Signers(); }

    @Singleton
    IssueResult issueResult(vn.gov.bvhttdl.dvc.adapters.Table table, DossierStore store, ResultStore results, Signers signer, RulesStore rules, Clock clock,
                            vn.gov.bvhttdl.dvc.application.Warehouse warehouse) {
        // every result is pushed into its owner's warehouse as it is issued, and followed when corrected or revoked (issue #25)
        return new IssueResult(store, table.sequences(), results, new ResultPdf(signer, vn.gov.bvhttdl.dvc.signing.LongTermSigning.results()), rules, clock,
                () -> Settings.require("PUBLIC_BASE_URL"), warehouse);
    }

    @Singleton
    OfficialDesk desk(vn.gov.bvhttdl.dvc.adapters.Table table, DossierStore store, RulesStore rules, PaymentStore payments, ResultStore results, NoticeTable notices, SurveyTable surveys,
                      S3Presigner presigner, IssueResult issueResult, Clock clock, vn.gov.bvhttdl.dvc.application.Warehouse warehouse) {
        // the files taken from an applicant's warehouse open from where it keeps them; a supplement asking for what it holds is warned of
        return new OfficialDesk(store, table.attachments(), table.workQueues(), rules, payments, results, notices, surveys,
                S3FileLinks.fromSettings(presigner), issueResult, table.readLog(), clock, warehouse,
                vn.gov.bvhttdl.dvc.application.WarehouseMatching.standard());
    }

    /**
     * Digitisation at the desk and the batch import (issue #25): the scans prepared here and signed by the official's
     * own device ({@code documents.DeferredPades}); the pending signatures in the uploads bucket; the official's
     * certificate checked against the signing CA's root ({@code TrustRoot}: on AWS the Government Cipher Committee's
     * root that also issues the officials' certificates, offline the development CA that issues their tokens).
     */
    @Singleton
    vn.gov.bvhttdl.dvc.application.Digitisation digitisation(vn.gov.bvhttdl.dvc.adapters.Table table, DossierStore store, ResultStore results,
                                                             vn.gov.bvhttdl.dvc.application.Warehouse warehouse, RulesStore rules, Clock clock) {
        vn.gov.bvhttdl.dvc.signing.TrustRoot trust = new vn.gov.bvhttdl.dvc.signing.TrustRoot();
        vn.gov.bvhttdl.dvc.application.OfficialCertificates certificates = (official, chain, at) ->
                new vn.gov.bvhttdl.dvc.documents.OfficialCertificateCheck(trust.anchors()).refusal(official, chain, at);
        return new vn.gov.bvhttdl.dvc.application.Digitisation(store, table.attachments(), new vn.gov.bvhttdl.dvc.adapters.S3InboundFiles(), results,
                warehouse, vn.gov.bvhttdl.dvc.adapters.S3SigningSessions.fromSettings(), new vn.gov.bvhttdl.dvc.documents.DeferredPades(),
                certificates, rules, clock);
    }
}
