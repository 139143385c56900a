package vn.gov.bvhttdl.dvc.archive;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import vn.gov.bvhttdl.dvc.adapters.ArchiveSources;
import vn.gov.bvhttdl.dvc.adapters.ArchiveStore;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.S3ArchivePackages;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.application.ArchiveDossier;
import vn.gov.bvhttdl.dvc.application.ArchiveRecords;
import vn.gov.bvhttdl.dvc.application.BuildHandover;
import vn.gov.bvhttdl.dvc.application.DestroyRecords;
import vn.gov.bvhttdl.dvc.application.ExpireDrafts;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.ArchiveRecord;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Organisation;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Retention;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The archive's functions fed their sample events of events/, and its stores, against the emulators (dynoxide,
 * S3Proxy): a finished dossier's record and package once, the manifest matching the files read back; the yearly
 * hand-over; a destruction after a recorded decision only; a draft expiring after its notice.
 */
class ArchiveFunctionsIT {
    static DossierStore dossiers;
    static ArchiveStore store;
    static S3ArchivePackages packages;

    @BeforeAll
    static void stack() {
        TestStack.get();
        dossiers = DossierStore.fromSettings();
        store = new ArchiveStore(dossiers, Organisation.standard(), keys -> {});
        packages = S3ArchivePackages.fromSettings();
    }

    static DynamodbEvent streamEvent(String dossierId) throws Exception {
        String json = Files.readString(Emulators.repoRoot().resolve("events/archive-stream.json")).replace("REPLACED-BY-TEST", dossierId);
        java.nio.file.Path tmp = Files.createTempFile("stream", ".json");
        Files.writeString(tmp, json);
        return com.amazonaws.services.lambda.runtime.tests.EventLoader.loadDynamoDbEvent(tmp.toString());
    }

    static String draft(Instant at, String owner) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-003").orElseThrow();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, owner, new Applicant("Lê Thị Lưu", "001099000555", null, null, null, null), Map.of(), at);
        dossiers.create(c);
        return c.dossier().id();
    }

    /**
     * The module's jar holds three functions and each context sees the one factory: the draft expiry makes neither
     * the archiving nor the hand-over use case nor the package bucket at start (issue #28, cold start).
     */
    @Test
    void theDraftExpiryMakesOnlyWhatItUses() {
        try (DraftExpiryHandler drafts = new DraftExpiryHandler()) {
            List<Class<?>> made = drafts.getApplicationContext().getActiveBeanRegistrations(io.micronaut.inject.qualifiers.Qualifiers.any())
                    .stream().<Class<?>>map(r -> r.getBeanDefinition().getBeanType()).toList();
            assertFalse(made.contains(vn.gov.bvhttdl.dvc.application.ArchiveDossier.class), made.toString());
            assertFalse(made.contains(vn.gov.bvhttdl.dvc.application.BuildHandover.class), made.toString());
            assertFalse(made.contains(vn.gov.bvhttdl.dvc.adapters.S3ArchivePackages.class), made.toString());
            assertTrue(made.contains(vn.gov.bvhttdl.dvc.adapters.Table.class), made.toString());
        }
    }

    @Test
    void theSampleStreamRecordArchivesARefusedDossierOnceWithAManifestThatMatches() throws Exception {
        String id = draft(Instant.parse("2026-12-01T01:00:00Z"), "owner-archive");
        try (ArchiveHandler handler = new ArchiveHandler()) {
            StreamsEventResponse first = handler.handleRequest(streamEvent(id), null);
            assertTrue(first.getBatchItemFailures().isEmpty(), first.toString());
            ArchiveRecord r = store.ofDossier(id).orElseThrow();
            assertEquals("CDLQG.2026.000.00.12.G17-261201-0042", r.archiveCode());
            assertEquals(LocalDate.of(2026 + Retention.standard().period("BVHTTDL-DL-003", vn.gov.bvhttdl.dvc.domain.DossierStatus.REFUSED).years(), 12, 31),
                    r.actionDate());
            List<String> keys = packages.list(r.packagePrefix());
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String k : keys) files.put(k.substring(r.packagePrefix().length()), packages.get(k));
            String manifest = new String(files.remove(ArchiveDossier.MANIFEST), StandardCharsets.UTF_8);
            assertTrue(files.containsKey("trail.json") && files.containsKey(ArchiveDossier.RECORD), files.keySet().toString());
            assertEquals(List.of(), ArchiveRecord.mismatches(manifest, files), "the manifest matches the files read back");
            assertEquals(r, ArchiveRecord.fromMap(Json.obj(Json.parse(new String(files.get(ArchiveDossier.RECORD), StandardCharsets.UTF_8)))));

            // the stream delivers it again: the marker is there, nothing is written again
            StreamsEventResponse again = handler.handleRequest(streamEvent(id), null);
            assertTrue(again.getBatchItemFailures().isEmpty());
            assertEquals(keys, packages.list(r.packagePrefix()));
            assertEquals(1, store.of("CDLQG", 2026).stream().filter(x -> x.dossierId().equals(id)).count());
        }
    }

    @Test
    void theLockHeadersAreAskedForAndWhatS3ProxyDoesWithThemIsSaid() {
        PutObjectRequest fixed = S3ArchivePackages.locked(PutObjectRequest.builder().bucket("b").key("k"), LocalDate.of(2037, 1, 1)).build();
        assertEquals(ObjectLockMode.COMPLIANCE, fixed.objectLockMode());
        assertEquals(Instant.parse("2037-01-01T00:00:00Z"), fixed.objectLockRetainUntilDate());
        PutObjectRequest forever = S3ArchivePackages.locked(PutObjectRequest.builder().bucket("b").key("k"), null).build();
        assertEquals(ObjectLockLegalHoldStatus.ON, forever.objectLockLegalHoldStatus());
        assertNull(forever.objectLockMode());
        // S3Proxy (the offline store) does not implement Object Lock: a put with the headers is answered 501, and the
        // adapter writes the object again without them (AWS answers 400 for a bucket without Object Lock: no fallback)
        String key = "records/IT/" + UUID.randomUUID() + "/x.txt";
        S3ArchivePackages fresh = S3ArchivePackages.fromSettings();
        fresh.put(key, "x".getBytes(StandardCharsets.UTF_8), "text/plain", LocalDate.of(2037, 1, 1));
        assertArrayEquals("x".getBytes(StandardCharsets.UTF_8), fresh.get(key));
        var head = AwsClients.s3().headObject(b -> b.bucket(Settings.require("ARCHIVE_BUCKET")).key(key));
        if (fresh.lockNotImplemented()) {
            System.out.println("S3Proxy refused the Object Lock headers (501 NotImplemented): offline the archive's objects are not locked");
            assertNull(head.objectLockMode(), "written without the lock");
            fresh.delete(key); // and so it deletes what AWS would refuse to
            assertTrue(fresh.list(key).isEmpty());
        } else {
            assertEquals(ObjectLockMode.COMPLIANCE, head.objectLockMode(), "a store that takes the headers keeps the lock");
        }
    }

    @Test
    void theYearlyHandOverAndARecordedDestructionOnTheEmulators() throws Exception {
        // a dossier finished in 2026, archived by hand through the same adapters
        String id = draft(Instant.parse("2026-06-01T01:00:00Z"), "owner-handover");
        Dossier d = dossiers.find(id).orElseThrow();
        Dossier withdrawn = new Dossier(d.id(), "000.00.12.G17-260601-" + id.substring(0, 4), d.procedureCode(), d.procedureVersion(), d.agencyCode(),
                d.unitCode(), d.ownerId(), d.applicant(), d.form(), vn.gov.bvhttdl.dvc.domain.DossierStatus.WITHDRAWN, null, d.createdAt(),
                Instant.parse("2026-06-03T03:00:00Z"), d.createdAt(), null, null, null, null, d.version());
        Table table = Table.of(dossiers);
        ArchiveSources sources = new ArchiveSources(table, store, AwsClients::s3, () -> Settings.require("UPLOADS_BUCKET"),
                () -> Settings.require("DOCUMENTS_BUCKET"));
        Clock in2027 = Clock.fixed(Instant.parse("2027-01-15T02:00:00Z"), ZoneOffset.UTC);
        assertEquals(ArchiveDossier.Outcome.ARCHIVED,
                new ArchiveDossier(sources, packages, store, table.rules(), Retention.standard(), in2027).archive(withdrawn));
        ArchiveRecord r = store.ofDossier(id).orElseThrow();

        BuildHandover.Result h = new BuildHandover(store, packages, Retention.standard(), Organisation.standard(), in2027).run("CDLQG", 2026, "it");
        assertTrue(h.records() >= 1);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(packages.get(h.key())))) {
            for (var e = z.getNextEntry(); e != null; e = z.getNextEntry()) entries.put(e.getName(), z.readAllBytes());
        }
        String manifest = new String(entries.remove(ArchiveDossier.MANIFEST), StandardCharsets.UTF_8);
        assertEquals(List.of(), ArchiveRecord.mismatches(manifest, entries));
        assertTrue(entries.containsKey(r.archiveCode() + "/" + ArchiveDossier.RECORD));

        // the scheduled function's sample event: every agency's year before
        @SuppressWarnings("unchecked")
        Map<String, Object> scheduled = (Map<String, Object>) Json.parse(Files.readString(Emulators.repoRoot().resolve("events/archive-handover-scheduled.json")));
        try (HandoverHandler handler = new HandoverHandler()) {
            Map<String, Object> out = handler.handleRequest(scheduled, null);
            for (String agency : out.keySet()) assertTrue(packages.list(BuildHandover.key(agency, java.time.Year.now().getValue() - 1)).size() == 1, agency);
            assertEquals(Map.of(), handler.handleRequest(scheduled, null), "built once a year");
        }

        // destruction: refused without a decision, then done after one, in 2032 (2026 + 5 years has ended)
        Clock in2032 = Clock.fixed(Instant.parse("2032-01-05T02:00:00Z"), ZoneOffset.UTC);
        DestroyRecords destroy = new DestroyRecords(store, packages, sources, Organisation.standard(), in2032);
        assertEquals("destruction-decision-not-found", assertThrows(DomainException.class, () -> destroy.destroy(UUID.randomUUID().toString(), "it")).problem());
        assertTrue(destroy.expired("CDLQG", 2026).stream().anyMatch(x -> x.archiveCode().equals(r.archiveCode())));
        var decision = destroy.recordDecision("CDLQG", List.of("Chủ tịch", "Lưu trữ viên", "Trưởng phòng"), "BB-07/2032", LocalDate.of(2032, 1, 4),
                List.of(r.archiveCode()), "it");
        ArchiveRecords.Certificate c = destroy.destroy(decision.id(), "it");
        assertEquals(r.archiveCode(), c.destroyed().get(0).get("archiveCode"));
        assertTrue(store.byCode(r.archiveCode()).isEmpty());
        assertTrue(dossiers.find(id).isEmpty(), "the dossier's items erased");
        assertTrue(packages.list(r.packagePrefix()).isEmpty());
        assertEquals(c.destroyed().size(), store.certificate(decision.id()).orElseThrow().destroyed().size());
        assertTrue(store.trail("CDLQG").stream().map(ArchiveRecords.Event::action).toList()
                .containsAll(List.of("handover-built", "destruction-decision-recorded", "record-destroyed", "destruction-certified")));
    }

    @Test
    void theSampleScheduleNoticesAnIdleDraftAndItExpiresAfterTheNotice() throws Exception {
        Retention.Lifecycle l = Retention.standard().lifecycle();
        String owner = "owner-idle-" + UUID.randomUUID().toString().substring(0, 8);
        String id = draft(Instant.now().minus(Duration.ofDays(l.draftIdleDays() + 2)), owner);
        @SuppressWarnings("unchecked")
        Map<String, Object> scheduled = (Map<String, Object>) Json.parse(Files.readString(Emulators.repoRoot().resolve("events/draft-expiry-scheduled.json")));
        try (DraftExpiryHandler handler = new DraftExpiryHandler()) {
            Map<String, Object> first = handler.handleRequest(scheduled, null);
            assertTrue(((Number) first.get("noticed")).intValue() >= 1, first.toString());
            assertTrue(store.notice(id).isPresent());
            var inbox = Table.of(dossiers).notices().inbox(owner, 10);
            assertEquals(1, inbox.size());
            assertEquals(id, inbox.get(0).dossierId());
            Map<String, Object> second = handler.handleRequest(scheduled, null);
            assertEquals(1, Table.of(dossiers).notices().inbox(owner, 10).size(), "no second notice: " + second);
        }
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(l.draftNoticeDays() + 1)), ZoneOffset.UTC);
        ExpireDrafts.Result r = new ExpireDrafts(store, Table.of(dossiers).notices()::deliver, l, later).run();
        assertTrue(r.expired() >= 1, r.toString());
        assertTrue(store.idleDrafts(later.instant()).stream().noneMatch(x -> x.id().equals(id)), "expired: waiting for the TTL");
    }
}
