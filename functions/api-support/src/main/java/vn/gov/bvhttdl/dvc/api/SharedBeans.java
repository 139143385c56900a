package vn.gov.bvhttdl.dvc.api;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.adapters.Table;

import java.time.Clock;

/**
 * What every API function reads with, made once per Lambda container (and before a SnapStart snapshot, primed): the
 * table, the rules, the clock, and the table's read adapters. None of them holds a permission: what a function may do
 * with them is its role's (template.yaml), so the public function builds the same store and cannot write with it.
 */
@Factory
public final class SharedBeans {
    /** The dossier table: every store below comes from it. */
    @Singleton
    Table table() {
        return Table.primedFromSettings(Settings.get("AWS_LAMBDA_FUNCTION_NAME").orElse("api"), null);
    }

    @Singleton
    DossierStore store(Table table) { return table.dossiers(); }

    /** The officials' and administrators' accounts: read on each request of one ({@link AccountCheck}). */
    @Singleton
    vn.gov.bvhttdl.dvc.application.OfficialAccounts officialAccounts(Table table) { return table.officialAccounts(); }

    /** The catalogue and calendar: bundled rules plus administrators' publications, cached for a minute. */
    @Singleton
    RulesStore rules(Table table) {
        RulesStore rules = table.rules();
        vn.gov.bvhttdl.dvc.adapters.Priming.register("api-rules", () -> rules.catalogue().all().forEach(p -> Views.ProcedureView.of(p, null, null, vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue.today())));
        return rules;
    }

    @Singleton
    Clock clock() { return Clock.systemUTC(); }

    /** Short-lived links to files (uploads, receipts, results): signing a link reads nothing; the role decides what it opens. */
    @Singleton
    software.amazon.awssdk.services.s3.presigner.S3Presigner presigner() { return vn.gov.bvhttdl.dvc.adapters.AwsClients.presigner(); }

    /** The results' records and files; the S3 client is made on first use. */
    @Singleton
    vn.gov.bvhttdl.dvc.adapters.ResultStore results(Table table) {
        return table.results();
    }

    /**
     * The owners' electronic data warehouses (issue #25; the same table): results pushed when issued and followed when
     * corrected or revoked (officials' API), documents kept and the warehouse page (citizens' API). Made on first use.
     */
    @Singleton
    vn.gov.bvhttdl.dvc.application.Warehouse warehouse(Table table) { return table.warehouse(); }

    /** The payment ledger (the same table). */
    @Singleton
    vn.gov.bvhttdl.dvc.adapters.PaymentStore payments(Table table) { return table.payments(); }

    /** The notices' records: the inbox, the applicants' choices, the deliveries (written by StatusNotifyFunction). */
    @Singleton
    vn.gov.bvhttdl.dvc.adapters.NoticeTable notices(Table table) { return table.notices(); }

    /** The survey answers and the agencies' monthly quality figures (written by QualitySurveyFunction). */
    @Singleton
    vn.gov.bvhttdl.dvc.adapters.SurveyTable surveys(Table table) { return table.surveys(); }

    /**
     * The verification page of a letter, a control slip or a tracking book ({@code path} under {@code /verify/}), on the
     * portal's origin; the path alone where no origin is set (the function's tests), never a failed download.
     */
    public static String letterUrl(String path) {
        String base = Settings.get("PUBLIC_BASE_URL").orElse("");
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/verify/" + path;
    }

    /** The public verification page of a result or receipt {@code id}, on the portal's origin. */
    public static String verifyUrl(String id) {
        String base = Settings.require("PUBLIC_BASE_URL");
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/verify/" + id;
    }
}
