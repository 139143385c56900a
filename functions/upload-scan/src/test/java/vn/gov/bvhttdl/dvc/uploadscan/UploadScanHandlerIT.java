package vn.gov.bvhttdl.dvc.uploadscan;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The upload-scan handler, fed the sample S3 event of events/, against dynoxide and S3Proxy. */
class UploadScanHandlerIT {
    static UploadScanHandler handler;
    static DossierStore store;
    static S3Client s3;
    static TestStack.Stack stack;

    @BeforeAll
    static void start() {
        stack = TestStack.get();
        handler = new UploadScanHandler();
        store = DossierStore.fromSettings();
        s3 = AwsClients.s3();
    }

    @AfterAll
    static void stop() { handler.close(); }

    /** The sample event, pointed at {@code key} in the local uploads bucket. */
    static S3Event sample(String key) throws Exception {
        String json = Files.readString(Emulators.repoRoot().resolve("events/upload-scan-object-created.json"))
                .replace("dossiers/REPLACED-BY-TEST/DON/0b5f3c2e-8d1a-4c7e-9f21-6a4b3c2d1e0f", key)
                .replace("\"uploadsbucket\"", "\"" + stack.resources().of("UploadsBucket") + "\"");
        java.nio.file.Path f = Files.createTempFile("s3event", ".json");
        Files.writeString(f, json);
        return EventLoader.loadS3Event(f.toString());
    }

    static String upload(String fileName, byte[] bytes, boolean authorise) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, "owner-u",
                new Applicant("A", null, null, null, null, null), Map.of(), Instant.now());
        store.create(c);
        String key = "dossiers/" + c.dossier().id() + "/DON/" + UUID.randomUUID();
        if (authorise) {
            vn.gov.bvhttdl.dvc.adapters.Table.of(store).attachments().authoriseUpload(new Attachment(c.dossier().id(), key, "DON", fileName, "application/pdf", bytes.length,
                    Attachment.Status.PENDING, null, null, null, null, Instant.now(), null));
        }
        s3.putObject(b -> b.bucket(stack.resources().of("UploadsBucket")).key(key), RequestBody.fromBytes(bytes));
        return key;
    }

    static String dossierOf(String key) { return key.split("/")[1]; }

    @Test
    void aRealPdfIsAcceptedOnceWithItsHashAndPages() throws Exception {
        byte[] pdf = Fixtures.pdf(2, false);
        String key = upload("đơn đề nghị.pdf", pdf, true);
        handler.handleRequest(sample(key), null);
        handler.handleRequest(sample(key), null); // S3 may deliver twice
        Attachment a = vn.gov.bvhttdl.dvc.adapters.Table.of(store).attachments().attachment(dossierOf(key), key).orElseThrow();
        assertEquals(Attachment.Status.ACCEPTED, a.status());
        assertEquals(2, a.pages());
        assertEquals(FileInspector.sha256(pdf), a.sha256());
        assertEquals(1, store.history(dossierOf(key)).stream().filter(e -> e.action().equals("attachment-accepted")).count());
    }

    @Test
    void aRenamedExecutableIsRejectedAndQuarantinedNotLost() throws Exception {
        String key = upload("hop-dong.pdf", Fixtures.exe(), true);
        handler.handleRequest(sample(key), null);
        Attachment a = vn.gov.bvhttdl.dvc.adapters.Table.of(store).attachments().attachment(dossierOf(key), key).orElseThrow();
        assertEquals(Attachment.Status.REJECTED, a.status());
        assertTrue(a.reason().vi().contains("chương trình"), a.reason().vi());
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket(stack.resources().of("UploadsBucket")).key(key)));
        assertEquals(512L, s3.headObject(b -> b.bucket(stack.resources().of("QuarantineBucket")).key(key)).contentLength());
    }

    @Test
    void anUploadNobodyAuthorisedIsQuarantined() throws Exception {
        String key = upload("x.pdf", Fixtures.pdf(1, false), false);
        handler.handleRequest(sample(key), null);
        assertTrue(vn.gov.bvhttdl.dvc.adapters.Table.of(store).attachments().attachment(dossierOf(key), key).isEmpty());
        assertNotNull(s3.headObject(b -> b.bucket(stack.resources().of("QuarantineBucket")).key(key)));
    }

    /**
     * A file recorded as judged with its hash before its bytes were written (the history generator's files, no version
     * on record): the scan that the write sets off finds the same bytes and keeps them; other bytes under the key are
     * quarantined as a write over a judged file.
     */
    @Test
    void aFileJudgedBeforeItsBytesWereWrittenKeepsThemAndOtherBytesAreQuarantined() throws Exception {
        byte[] pdf = Fixtures.pdf(1, false);
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, "owner-u",
                new Applicant("A", null, null, null, null, null), Map.of(), Instant.now());
        store.create(c);
        String key = "dossiers/" + c.dossier().id() + "/DON/" + UUID.randomUUID();
        var attachments = vn.gov.bvhttdl.dvc.adapters.Table.of(store).attachments();
        Attachment pending = new Attachment(c.dossier().id(), key, "DON", "don.pdf", "application/pdf", pdf.length,
                Attachment.Status.PENDING, null, null, null, null, Instant.now(), null);
        attachments.authoriseUpload(pending);
        assertTrue(attachments.recordVerdict(pending.scanned(Attachment.Status.ACCEPTED, null, "application/pdf", FileInspector.sha256(pdf), 1, Instant.now())));
        String bucket = stack.resources().of("UploadsBucket");
        String same = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(pdf)).versionId();
        handler.handleRequest(sample(key, same), null);
        assertEquals(pdf.length, s3.headObject(b -> b.bucket(bucket).key(key).versionId(same)).contentLength(), "the same bytes stay");
        byte[] other = Fixtures.pdf(2, false);
        String second = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(other)).versionId();
        if (second != null) { // S3Proxy keeps versions here; without them the unversioned rule (the hash) applies the same way
            handler.handleRequest(sample(key, second), null);
            assertThrows(software.amazon.awssdk.services.s3.model.S3Exception.class,
                    () -> s3.headObject(b -> b.bucket(bucket).key(key).versionId(second)), "other bytes are quarantined");
        }
        assertEquals(Attachment.Status.ACCEPTED, attachments.attachment(dossierOf(key), key).orElseThrow().status());
    }

    /** The sample event for one version of {@code key}. */
    static S3Event sample(String key, String versionId) throws Exception {
        String json = Files.readString(Emulators.repoRoot().resolve("events/upload-scan-object-created.json"))
                .replace("dossiers/REPLACED-BY-TEST/DON/0b5f3c2e-8d1a-4c7e-9f21-6a4b3c2d1e0f", key)
                .replace("\"uploadsbucket\"", "\"" + stack.resources().of("UploadsBucket") + "\"")
                .replace("\"sequencer\"", (versionId == null ? "" : "\"versionId\": \"" + versionId + "\", ") + "\"sequencer\"");
        java.nio.file.Path f = Files.createTempFile("s3event", ".json");
        Files.writeString(f, json);
        return EventLoader.loadS3Event(f.toString());
    }
}
