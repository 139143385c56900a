package vn.gov.bvhttdl.dvc.uploadscan;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The upload-scan handler, fed the sample S3 event of events/, against dynoxide. */
class UploadScanHandlerIT {
    static UploadScanHandler handler;
    static DossierStore store;

    @BeforeAll
    static void start() {
        TestStack.get();
        handler = new UploadScanHandler();
        store = DossierStore.fromSettings();
    }

    @AfterAll
    static void stop() { handler.close(); }

    static S3Event sample(String dossierId) {
        S3Event e = EventLoader.loadS3Event(Emulators.repoRoot().resolve("events/upload-scan-object-created.json").toString());
        var o = e.getRecords().get(0).getS3().getObject();
        var replaced = new com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity(
                o.getKey().replace("REPLACED-BY-TEST", dossierId), o.getSizeAsLong(), o.geteTag(), o.getVersionId(), o.getSequencer());
        var s3 = e.getRecords().get(0).getS3();
        var entity = new com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity(
                s3.getConfigurationId(), s3.getBucket(), replaced, s3.getS3SchemaVersion());
        var r = e.getRecords().get(0);
        return new S3Event(java.util.List.of(new com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord(
                r.getAwsRegion(), r.getEventName(), r.getEventSource(), r.getEventTime().toString(), r.getEventVersion(),
                r.getRequestParameters(), r.getResponseElements(), entity, r.getUserIdentity())));
    }

    @Test
    void recordsTheUploadedObjectOnceWithItsDecodedName() {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, "owner-u",
                new Applicant("A", null, null, null, null, null), Map.of(), Instant.now());
        store.create(c);
        String id = c.dossier().id();
        handler.handleRequest(sample(id), null);
        handler.handleRequest(sample(id), null); // S3 may deliver twice
        var files = store.attachments(id);
        assertEquals(1, files.size());
        assertEquals("dossiers/" + id + "/don de nghi đơn.pdf", files.get(0).key());
        assertEquals(48213, files.get(0).size());
        assertEquals("uploadsbucket", files.get(0).bucket());
    }

    @Test
    void anUploadThatCannotBeRecordedFailsTheInvocationSoItReachesTheDlq() {
        assertThrows(RuntimeException.class, () -> handler.handleRequest(sample(UUID.randomUUID().toString()), null));
        assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(sample("../../etc"), null));
    }
}
