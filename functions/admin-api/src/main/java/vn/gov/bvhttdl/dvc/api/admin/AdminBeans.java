package vn.gov.bvhttdl.dvc.api.admin;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.adapters.national.DvcqgNationalCatalogue;
import vn.gov.bvhttdl.dvc.application.AdminDesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The administrators' function's wiring, the one place that names its adapters: the desk over the rules store, which
 * both serves the rules in force and keeps the publications, and the national procedure database
 * ({@code NATIONAL_CATALOGUE_URL}, read at each call: blank means not configured; the national portal's credentials).
 */
@Factory
final class AdminBeans {
    @Singleton
    AdminDesk desk(RulesStore rules, Clock clock, vn.gov.bvhttdl.dvc.adapters.Table table) {
        DvcqgNationalCatalogue national = new DvcqgNationalCatalogue(() -> Settings.get("NATIONAL_CATALOGUE_URL").orElse(""),
                AdminBeans::secret, Duration.ofSeconds(Settings.get("NATIONAL_CATALOGUE_TIMEOUT_SECONDS").map(Integer::parseInt).orElse(10)));
        // the open dossiers (read only) for a calendar's preview of the due dates it moves
        return new AdminDesk(rules, rules, clock, national, table.workQueues(), table.dossiers());
    }

    /**
     * The officials' accounts: the Cognito user pool {@code USER_POOL_ID} on AWS, none offline (blank: the runner's
     * development issuer reads the accounts from the table), and the accounts with their trail in the table. Made at
     * the first request of the officials' page ({@link Later}), as the four below.
     */
    @Singleton
    Later<vn.gov.bvhttdl.dvc.application.ManageOfficials> manageOfficials(vn.gov.bvhttdl.dvc.application.OfficialAccounts accounts, Clock clock) {
        return Later.of(() -> {
            vn.gov.bvhttdl.dvc.application.StaffDirectory directory = Settings.get("USER_POOL_ID").filter(s -> !s.isBlank()).isPresent()
                    ? vn.gov.bvhttdl.dvc.adapters.CognitoDirectory.fromSettings() : new vn.gov.bvhttdl.dvc.adapters.LocalDirectory();
            return new vn.gov.bvhttdl.dvc.application.ManageOfficials(accounts, directory, vn.gov.bvhttdl.dvc.domain.Organisation.standard(), clock);
        });
    }

    /** The Decision-766 scorecard over the counters the stream keeps in the table. */
    @Singleton
    Later<vn.gov.bvhttdl.dvc.application.Scorecard> scorecard(vn.gov.bvhttdl.dvc.adapters.Table table, Clock clock) {
        return Later.of(() -> new vn.gov.bvhttdl.dvc.application.Scorecard(table.scorecard(), vn.gov.bvhttdl.dvc.domain.Decision766.standard(),
                vn.gov.bvhttdl.dvc.domain.Organisation.standard(), clock, table.dossiers(), table.workQueues()));
    }

    /** The periodic report (form II.06a) over the same counters, the fields as the catalogue in force gives them. */
    @Singleton
    Later<vn.gov.bvhttdl.dvc.application.PeriodicReport> periodicReport(vn.gov.bvhttdl.dvc.adapters.Table table, RulesStore rules, Clock clock) {
        return Later.of(() -> new vn.gov.bvhttdl.dvc.application.PeriodicReport(table.scorecard(), vn.gov.bvhttdl.dvc.domain.ReportII06a.standard(), rules,
                vn.gov.bvhttdl.dvc.domain.Organisation.standard(), clock));
    }

    /** The archive's table items (records, decisions, certificates, trail; the admin API expires no drafts) and the packages' bucket. */
    @Singleton
    Later<Archive> archive(vn.gov.bvhttdl.dvc.adapters.Table table) {
        return Later.of(() -> new Archive(new vn.gov.bvhttdl.dvc.adapters.ArchiveStore(table.dossiers(), vn.gov.bvhttdl.dvc.domain.Organisation.standard(), keys -> {}),
                vn.gov.bvhttdl.dvc.adapters.S3ArchivePackages.fromSettings()));
    }

    record Archive(vn.gov.bvhttdl.dvc.adapters.ArchiveStore store, vn.gov.bvhttdl.dvc.adapters.S3ArchivePackages packages) {}

    /** The hand-over on demand (the yearly function's use case, docs/archive.md). */
    @Singleton
    Later<vn.gov.bvhttdl.dvc.application.BuildHandover> handover(Later<Archive> archive, Clock clock) {
        return Later.of(() -> new vn.gov.bvhttdl.dvc.application.BuildHandover(archive.get().store(), archive.get().packages(),
                vn.gov.bvhttdl.dvc.domain.Retention.standard(), vn.gov.bvhttdl.dvc.domain.Organisation.standard(), clock));
    }

    /** Destruction after a recorded decision: the package, the dossier's items and uploads (UPLOADS_BUCKET). */
    @Singleton
    Later<vn.gov.bvhttdl.dvc.application.DestroyRecords> destroyRecords(vn.gov.bvhttdl.dvc.adapters.Table table, Later<Archive> archive, Clock clock) {
        return Later.of(() -> {
            var sources = new vn.gov.bvhttdl.dvc.adapters.ArchiveSources(table, archive.get().store(), AwsClients::s3, () -> Settings.require("UPLOADS_BUCKET"),
                    () -> Settings.require("DOCUMENTS_BUCKET"));
            return new vn.gov.bvhttdl.dvc.application.DestroyRecords(archive.get().store(), archive.get().packages(), sources,
                    vn.gov.bvhttdl.dvc.domain.Organisation.standard(), clock);
        });
    }

    /** The credentials: the secret dvc/national-portal on AWS, the committed sandbox file offline (development only). */
    static String secret() {
        var file = Settings.get("NATIONAL_PORTAL_SECRETS_FILE");
        if (file.isPresent()) {
            try {
                return Files.readString(Path.of(file.get()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the national portal's settings file", e);
            }
        }
        String id = Settings.require("NATIONAL_PORTAL_SECRET_ID");
        try (var sm = software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder()
                .httpClient(AwsClients.HTTP).credentialsProvider(AwsClients.credentials()).build()) {
            return sm.getSecretValue(b -> b.secretId(id)).secretString();
        }
    }
}
