package vn.gov.bvhttdl.dvc.api.citizen;

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
import vn.gov.bvhttdl.dvc.adapters.SubmissionQueue;
import vn.gov.bvhttdl.dvc.adapters.SurveyTable;
import vn.gov.bvhttdl.dvc.api.SharedBeans;
import vn.gov.bvhttdl.dvc.adapters.national.DkkdEnterpriseRegistry;
import vn.gov.bvhttdl.dvc.application.CitizenDesk;
import vn.gov.bvhttdl.dvc.application.EnterpriseRegistry;
import vn.gov.bvhttdl.dvc.application.PaymentGateway;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The citizens' function's wiring, the one place that names its adapters: the desk (every dossier route's use case
 * or query) over the table's stores, the submission queue, the upload and download links, the payment providers (no
 * signing key here).
 */
@Factory
final class CitizenBeans {
    /** The portal's public address, read when a payment starts (the providers send the citizen back there). */
    interface PublicBase extends Supplier<String> {}

    @Singleton
    PublicBase publicBase() {
        return () -> {
            String b = Settings.require("PUBLIC_BASE_URL");
            return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        };
    }

    @Singleton
    SubmissionQueue submissions() { return SubmissionQueue.fromSettings(); }

    /** The providers; their settings (Secrets Manager on AWS, the sandbox file offline) are read on the first payment. */
    @Singleton
    Map<String, PaymentGateway> gateways(Clock clock) {
        return vn.gov.bvhttdl.dvc.payments.Gateways.fromEnvironment(clock);
    }

    /**
     * The national enterprise database (issue #20 part 5): its address {@code ENTERPRISE_REGISTRY_URL} (offline the
     * runner's sandbox), its credentials the secret {@code ENTERPRISE_REGISTRY_SECRET_ID} (offline the committed
     * sandbox file), read on the first look-up; none configured: every look-up is unavailable and the component is
     * asked for.
     */
    @Singleton
    EnterpriseRegistry enterprises() {
        // the address is read at each look-up (offline the runner's sandbox, known only once it is bound)
        DkkdEnterpriseRegistry registry = new DkkdEnterpriseRegistry(() -> java.net.URI.create(Settings.require("ENTERPRISE_REGISTRY_URL")),
                CitizenBeans::enterpriseSecret,
                java.time.Duration.ofSeconds(Settings.get("ENTERPRISE_REGISTRY_TIMEOUT_SECONDS").map(Integer::parseInt).orElse(5)));
        return code -> Settings.get("ENTERPRISE_REGISTRY_URL").isPresent() ? registry.find(code) : EnterpriseRegistry.NONE.find(code);
    }

    static String enterpriseSecret() {
        var file = Settings.get("ENTERPRISE_REGISTRY_SECRETS_FILE");
        if (file.isPresent()) {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of(file.get()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read the enterprise registry's settings file", e);
            }
        }
        String id = Settings.require("ENTERPRISE_REGISTRY_SECRET_ID");
        try (var sm = software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder()
                .httpClient(vn.gov.bvhttdl.dvc.adapters.AwsClients.HTTP)
                .credentialsProvider(vn.gov.bvhttdl.dvc.adapters.AwsClients.credentials()).build()) {
            return sm.getSecretValue(b -> b.secretId(id)).secretString();
        }
    }

    /**
     * The citizen's own data (issue #25 item 4): the stores the desk reads, the warehouse, and {@link OwnDataStore}
     * (uploads' bytes, drafts erased, the archive in the documents bucket behind a short-lived link, the deletions' trail).
     */
    @Singleton
    vn.gov.bvhttdl.dvc.application.MyData myData(vn.gov.bvhttdl.dvc.adapters.Table table, DossierStore store, S3Presigner presigner, NoticeTable notices,
                                                 PaymentStore payments, ResultStore results, SurveyTable surveys,
                                                 vn.gov.bvhttdl.dvc.application.Warehouse warehouse, Clock clock) {
        return new vn.gov.bvhttdl.dvc.application.MyData(store, table.workQueues(), table.attachments(), payments, results, notices, surveys,
                table.readLog(), warehouse, vn.gov.bvhttdl.dvc.adapters.OwnDataStore.over(table, vn.gov.bvhttdl.dvc.adapters.AwsClients::s3, presigner, clock),
                vn.gov.bvhttdl.dvc.domain.PersonalData.standard(), clock);
    }

    /** The person's data warehouse (issue #25): the page, keeping a document, an entry's file. */
    @Singleton
    vn.gov.bvhttdl.dvc.application.CitizenWarehouse warehouse(vn.gov.bvhttdl.dvc.adapters.Table table, DossierStore store, ResultStore results,
                                                              S3Presigner presigner, RulesStore rules, Clock clock,
                                                              vn.gov.bvhttdl.dvc.application.Warehouse warehouse) {
        return new vn.gov.bvhttdl.dvc.application.CitizenWarehouse(store, table.attachments(), table.workQueues(), warehouse, results,
                S3FileLinks.fromSettings(presigner), rules, clock);
    }

    @Singleton
    CitizenDesk desk(vn.gov.bvhttdl.dvc.adapters.Table table, DossierStore store, RulesStore rules, SubmissionQueue submissions, S3Presigner presigner, NoticeTable notices,
                     PaymentStore payments, Map<String, PaymentGateway> gateways, ResultStore results, SurveyTable surveys, Clock clock,
                     EnterpriseRegistry enterprises, vn.gov.bvhttdl.dvc.application.Warehouse warehouse,
                     vn.gov.bvhttdl.dvc.application.DocumentList nationalList) {
        // the checklist offers the applicant's warehouse documents by the rules of rules/warehouse.json (issue #25)
        return new CitizenDesk(store, table.attachments(), table.lookupKeys(), table.workQueues(), rules, submissions,
                new S3UploadLinks(presigner, () -> Settings.require("UPLOADS_BUCKET")), S3FileLinks.fromSettings(presigner), notices, payments,
                gateways, results, surveys, clock, SharedBeans::verifyUrl, enterprises, table.readLog(), warehouse,
                vn.gov.bvhttdl.dvc.application.WarehouseMatching.standard(), nationalList);
    }

    /**
     * The person's document list on the national portal (issue #25 item 2; docs/national-portal.md §5): the portal's
     * address {@code NATIONAL_PORTAL_URL} (offline the runner's sandbox), its credentials the secret
     * {@code NATIONAL_PORTAL_SECRET_ID} (offline the committed sandbox file), a short timeout
     * ({@code DOCUMENT_LIST_TIMEOUT_SECONDS}, 3 s): the citizen is waiting for the checklist. Not configured, down or
     * slow: nothing offered from it (the reason logged, no personal data).
     */
    @Singleton
    vn.gov.bvhttdl.dvc.application.DocumentList nationalDocumentList() {
        System.Logger log = System.getLogger("national-document-list");
        vn.gov.bvhttdl.dvc.adapters.national.DvcqgDocumentList list = new vn.gov.bvhttdl.dvc.adapters.national.DvcqgDocumentList(
                () -> java.net.URI.create(Settings.require("NATIONAL_PORTAL_URL")), CitizenBeans::nationalPortalSecret,
                java.time.Duration.ofSeconds(Settings.get("DOCUMENT_LIST_TIMEOUT_SECONDS").map(Integer::parseInt).orElse(3)),
                reason -> log.log(System.Logger.Level.WARNING, reason));
        return (owner, procedure) -> Settings.get("NATIONAL_PORTAL_URL").filter(u -> !u.isBlank()).isPresent()
                ? list.find(owner, procedure) : java.util.List.of();
    }

    static String nationalPortalSecret() {
        var file = Settings.get("NATIONAL_PORTAL_SECRETS_FILE");
        if (file.isPresent()) {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of(file.get()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read the national portal's settings file", e);
            }
        }
        String id = Settings.require("NATIONAL_PORTAL_SECRET_ID");
        try (var sm = software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder()
                .httpClient(vn.gov.bvhttdl.dvc.adapters.AwsClients.HTTP)
                .credentialsProvider(vn.gov.bvhttdl.dvc.adapters.AwsClients.credentials()).build()) {
            return sm.getSecretValue(b -> b.secretId(id)).secretString();
        }
    }
}
