package vn.gov.bvhttdl.dvc.archive;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.adapters.ArchiveSources;
import vn.gov.bvhttdl.dvc.adapters.ArchiveStore;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.S3ArchivePackages;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.application.ArchiveDossier;
import vn.gov.bvhttdl.dvc.application.BuildHandover;
import vn.gov.bvhttdl.dvc.application.ExpireDrafts;
import vn.gov.bvhttdl.dvc.domain.Organisation;
import vn.gov.bvhttdl.dvc.domain.Retention;
import vn.gov.bvhttdl.dvc.lambda.Batches;

import java.time.Clock;
import java.util.List;

/**
 * The archive module's wiring, the one place that names its adapters; its three functions (ArchiveFunction,
 * ArchiveHandoverFunction, DraftExpiryFunction) share it, each using the part its role allows.
 */
@Factory
final class ArchiveBeans {
    @Singleton
    Table table() { return Table.primedFromSettings("archive", null); }

    @Singleton
    ArchiveStore store(Table table) { return new ArchiveStore(table.dossiers(), Organisation.standard(), ArchiveBeans::tagUnattached); }

    /** An expired draft's uploads tagged for UploadsBucket's lifecycle rule {@code unattached-uploads} (template.yaml). */
    static void tagUnattached(List<String> keys) {
        var s3 = AwsClients.s3();
        String bucket = Settings.require("UPLOADS_BUCKET");
        for (String key : keys) {
            try {
                s3.putObjectTagging(b -> b.bucket(bucket).key(key).tagging(t -> t.tagSet(
                        software.amazon.awssdk.services.s3.model.Tag.builder().key("dvc-upload").value("unattached").build())));
            } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException gone) {
                // never uploaded: nothing to expire
            }
        }
    }

    // what only some of the three functions inject is a prototype, made when their handler is injected: the context
    // makes every singleton at start, and the draft expiry needs no package bucket (issue #28, cold start)
    @Prototype
    S3ArchivePackages packages() { return S3ArchivePackages.fromSettings(); }

    @Prototype
    ArchiveDossier archive(Table table, ArchiveStore store, S3ArchivePackages packages) {
        ArchiveSources sources = new ArchiveSources(table, store, AwsClients::s3, () -> Settings.require("UPLOADS_BUCKET"),
                () -> Settings.require("DOCUMENTS_BUCKET"));
        return new ArchiveDossier(sources, packages, store, table.rules(), Retention.standard(), Clock.systemUTC());
    }

    @Prototype
    BuildHandover handover(ArchiveStore store, S3ArchivePackages packages) {
        return new BuildHandover(store, packages, Retention.standard(), Organisation.standard(), Clock.systemUTC());
    }

    @Prototype
    ExpireDrafts drafts(Table table, ArchiveStore store) {
        return new ExpireDrafts(store, table.notices()::deliver, Retention.standard().lifecycle(), Clock.systemUTC());
    }

    /** The stream consumer's DLQ, for the records that can never be read (ARCHIVE_DLQ_URL). */
    @Prototype
    @Named("archive")
    Batches.DeadLetters deadLetters() { return vn.gov.bvhttdl.dvc.adapters.DeadLetterQueue.named("ARCHIVE_DLQ_URL")::send; }
}
