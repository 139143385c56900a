package vn.gov.bvhttdl.dvc.uploadscan;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import io.micronaut.context.annotation.Factory;
import vn.gov.bvhttdl.dvc.lambda.EventFunction;
import jakarta.inject.Inject;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.adapters.Settings;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Runs on every object created under {@code dossiers/} in the uploads bucket and scans it ({@link UploadScan}).
 * An object that cannot be handled makes the invocation fail: Lambda retries the asynchronous event and then sends
 * it to the function's dead-letter queue, so no upload goes unnoticed.
 */
public class UploadScanHandler extends EventFunction<S3Event, Void> {
    @Inject
    UploadScan scan;

    @Override
    public Void execute(S3Event event) {
        for (S3EventNotification.S3EventNotificationRecord r : event.getRecords()) {
            // keys in S3 notifications are URL-encoded, with '+' for spaces
            scan.handle(r.getS3().getBucket().getName(), URLDecoder.decode(r.getS3().getObject().getKey(), StandardCharsets.UTF_8),
                    r.getS3().getObject().getVersionId());
        }
        return null;
    }

    @Factory
    static final class Beans {
        @Singleton
        Table table() { return Table.primedFromSettings("upload-scan", null); }

        @Singleton
        S3Client s3() { return AwsClients.s3(); }

        // what only this function injects is a prototype: the module's other function (MalwareVerdictHandler) sees
        // this factory too, and its context makes every singleton at start (issue #28, cold start)
        @Prototype
        MalwareScanner scanner() { return MalwareScanner.fromSettings(); }

        @Singleton
        Clock clock() { return Clock.systemUTC(); }

        @Prototype
        UploadScan scan(Table table, S3Client s3, MalwareScanner scanner, Clock clock) {
            return new UploadScan(table.dossiers(), table.attachments(), s3, scanner, clock, Settings.require("QUARANTINE_BUCKET"),
                    vn.gov.bvhttdl.dvc.adapters.EmfServiceMetrics.lambda());
        }
    }
}
