package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryArchive;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.ArchiveRecord;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Organisation;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Retention;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.*;

/** The archive's use cases on fakes: the record and package, the hand-over of a year, destruction, drafts expiring. */
class ArchiveTest {
    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now;
        MovingClock(Instant now) { this.now = now; }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return Clock.fixed(now, zone); }
        @Override public Instant instant() { return now; }
    }

    MovingClock clock;
    InMemoryDossiers dossiers;
    InMemoryArchive archive;
    ArchiveDossier archiveDossier;
    final Retention retention = Retention.standard();

    @BeforeEach
    void setUp() {
        clock = new MovingClock(Instant.parse("2026-12-06T03:00:00Z"));
        dossiers = new InMemoryDossiers();
        archive = new InMemoryArchive(dossiers, clock);
        archiveDossier = new ArchiveDossier(archive, archive, archive, new BundledRules(), retention, clock);
    }

    Dossier finished(String procedure, DossierStatus status, Instant end) {
        String id = UUID.randomUUID().toString();
        Dossier d = new Dossier(id, "000.00.12.G17-261201-" + id.substring(0, 4), procedure, 1, "CDLQG", "LHQT", "owner", null, Map.of(), status, null,
                end.minus(Duration.ofDays(20)), end, end.minus(Duration.ofDays(19)), null, null, null, null, 5);
        archive.documents.put(id, List.of(new ArchiveRecord.Document("files/don.pdf", "upload", ("đơn " + id).getBytes(StandardCharsets.UTF_8)),
                new ArchiveRecord.Document("results/KQ1.pdf", "result", ("kq " + id).getBytes(StandardCharsets.UTF_8))));
        return d;
    }

    @Test
    void aFinishedDossierGetsItsRecordAndALockedPackageWhoseManifestMatchesOnce() {
        Dossier d = finished("BVHTTDL-DL-001", DossierStatus.RESULT_RETURNED, clock.instant());
        assertEquals(ArchiveDossier.Outcome.ARCHIVED, archiveDossier.archive(d));
        ArchiveRecord r = archive.ofDossier(d.id()).orElseThrow();
        assertEquals(2, r.documentCount());
        assertEquals(LocalDate.of(2026 + retention.period("BVHTTDL-DL-001", DossierStatus.RESULT_RETURNED).years(), 12, 31), r.actionDate());
        assertTrue(r.title().contains("lữ hành"), r.title());
        Map<String, byte[]> pkg = new LinkedHashMap<>();
        for (String k : archive.list(r.packagePrefix())) pkg.put(k.substring(r.packagePrefix().length()), archive.get(k));
        String manifest = new String(pkg.remove(ArchiveDossier.MANIFEST), StandardCharsets.UTF_8);
        assertEquals(List.of("files/don.pdf", "record.json", "results/KQ1.pdf"), pkg.keySet().stream().sorted().toList());
        assertEquals(List.of(), ArchiveRecord.mismatches(manifest, pkg), "the manifest matches the files");
        for (String k : archive.list(r.packagePrefix())) assertEquals(r.actionDate().plusDays(1), archive.objects.get(k).retainUntil());
        // the stream delivers it again: nothing written twice
        int objects = archive.objects.size();
        assertEquals(ArchiveDossier.Outcome.ALREADY_ARCHIVED, archiveDossier.archive(d));
        assertEquals(objects, archive.objects.size());
        // a dossier still in processing has nothing archived
        assertEquals(ArchiveDossier.Outcome.NOT_FINISHED, archiveDossier.archive(new Dossier(UUID.randomUUID().toString(), null, "BVHTTDL-DL-001", 1,
                "CDLQG", "LHQT", "o", null, Map.of(), DossierStatus.IN_PROCESSING, null, clock.instant(), clock.instant(), null, null, null, null, null, 1)));
    }

    @Test
    void aPermanentRecordIsUnderALegalHold() {
        Dossier d = finished("BVHTTDL-BQ-001", DossierStatus.RESULT_RETURNED, clock.instant());
        archiveDossier.archive(d);
        ArchiveRecord r = archive.ofDossier(d.id()).orElseThrow();
        assertTrue(r.permanent());
        assertNull(r.actionDate());
        for (String k : archive.list(r.packagePrefix())) assertNull(archive.objects.get(k).retainUntil(), k);
    }

    @Test
    void theHandOverOfAYearHoldsThatYearsRecordsKeptFiveYearsOrMoreWithAMatchingManifest() throws IOException {
        Dossier in2025 = finished("BVHTTDL-DL-001", DossierStatus.REFUSED, Instant.parse("2025-06-02T03:00:00Z"));
        Dossier forever2025 = finished("BVHTTDL-BQ-002", DossierStatus.RESULT_RETURNED, Instant.parse("2025-11-02T03:00:00Z"));
        Dossier in2026 = finished("BVHTTDL-DL-002", DossierStatus.WITHDRAWN, Instant.parse("2026-02-02T03:00:00Z"));
        for (Dossier d : List.of(in2025, forever2025, in2026)) archiveDossier.archive(d);
        BuildHandover handover = new BuildHandover(archive, archive, retention, Organisation.standard(), clock);
        List<BuildHandover.Result> all = handover.yearBefore();
        BuildHandover.Result r = all.stream().filter(x -> x.agency().equals("CDLQG")).findFirst().orElseThrow();
        assertEquals(2025, r.year());
        assertEquals(2, r.records(), "the year's records only");
        LocalDate longest = ArchiveDossier.lockUntil(archive.ofDossier(in2025.id()).orElseThrow());
        assertEquals(longest, archive.objects.get(r.key()).retainUntil(), "locked as long as its longest fixed-term record");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(archive.get(r.key())))) {
            for (var e = z.getNextEntry(); e != null; e = z.getNextEntry()) entries.put(e.getName(), z.readAllBytes());
        }
        String manifest = new String(entries.remove(ArchiveDossier.MANIFEST), StandardCharsets.UTF_8);
        assertEquals(List.of(), ArchiveRecord.mismatches(manifest, entries));
        String code = archive.ofDossier(in2025.id()).orElseThrow().archiveCode();
        assertArrayEquals(("đơn " + in2025.id()).getBytes(StandardCharsets.UTF_8), entries.get(code + "/files/don.pdf"));
        assertFalse(entries.keySet().stream().anyMatch(k -> k.startsWith(archive.ofDossier(in2026.id()).orElseThrow().archiveCode())));
        assertTrue(archive.trail("CDLQG").stream().anyMatch(e -> e.action().equals("handover-built")));
        assertEquals(List.of(), handover.yearBefore(), "the next day's run finds every package built");
        assertEquals(2, handover.run("CDLQG", 2025, "admin").records(), "an administrator rebuilds one on demand");
        DomainException thisYear = assertThrows(DomainException.class, () -> handover.run("CDLQG", 2026, "admin"));
        assertEquals("invalid-year", thisYear.problem());
    }

    @Test
    void destructionIsRefusedWithoutADecisionForPermanentAndUnexpiredRecordsAndDoneOnceWithACertificate() {
        Dossier old = finished("BVHTTDL-DL-003", DossierStatus.WITHDRAWN, Instant.parse("2026-03-02T03:00:00Z"));
        Dossier forever = finished("BVHTTDL-BQ-001", DossierStatus.RESULT_RETURNED, Instant.parse("2026-03-02T03:00:00Z"));
        archiveDossier.archive(old);
        archiveDossier.archive(forever);
        ArchiveRecord r = archive.ofDossier(old.id()).orElseThrow();
        String foreverCode = archive.ofDossier(forever.id()).orElseThrow().archiveCode();
        DestroyRecords destroy = new DestroyRecords(archive, archive, archive, Organisation.standard(), clock);
        List<String> council = List.of("Chủ tịch", "Lưu trữ viên", "Trưởng phòng");

        assertEquals("destruction-decision-not-found", assertThrows(DomainException.class, () -> destroy.destroy("none", "admin")).problem());
        assertEquals(List.of(), destroy.expired("CDLQG", 2020), "nothing has expired yet");
        assertEquals("record-not-expired", assertThrows(DomainException.class, () -> destroy.recordDecision("CDLQG", council, "BB-1",
                LocalDate.of(2026, 12, 1), List.of(r.archiveCode()), "admin")).problem());

        clock.now = Instant.parse("2032-01-05T03:00:00Z"); // 2026 + 5 years has ended
        assertEquals(List.of(r.archiveCode()), destroy.expired("CDLQG", 2020).stream().map(ArchiveRecord::archiveCode).toList(),
                "the fixed-term record only, never the permanent one");
        assertEquals("permanent-record", assertThrows(DomainException.class, () -> destroy.recordDecision("CDLQG", council, "BB-1",
                LocalDate.of(2032, 1, 4), List.of(r.archiveCode(), foreverCode), "admin")).problem());
        DomainException incomplete = assertThrows(DomainException.class, () -> destroy.recordDecision("CDLQG", List.of("one"), "",
                LocalDate.of(2032, 1, 4), List.of(r.archiveCode()), "admin"));
        assertEquals("invalid-destruction-decision", incomplete.problem());
        assertEquals(2, incomplete.errors().size());
        assertTrue(archive.ofDossier(old.id()).isPresent(), "nothing destroyed by a refused decision");

        var decision = destroy.recordDecision("CDLQG", council, "BB-01/2032", LocalDate.of(2032, 1, 4), List.of(r.archiveCode()), "admin");
        ArchiveRecords.Certificate c = destroy.destroy(decision.id(), "admin");
        assertEquals(1, c.destroyed().size());
        assertEquals(r.archiveCode(), c.destroyed().get(0).get("archiveCode"));
        assertTrue(archive.list(r.packagePrefix()).isEmpty(), "the package is gone");
        assertTrue(archive.ofDossier(old.id()).isEmpty(), "the record is gone");
        assertEquals(List.of(old.id()), archive.erased, "the dossier's items and uploads erased");
        assertFalse(archive.list("destruction/CDLQG/" + decision.id() + "/").isEmpty(), "the certificate kept");
        assertTrue(archive.ofDossier(forever.id()).isPresent());
        assertEquals(List.of("destruction-decision-recorded", "record-destroyed", "destruction-certified"),
                archive.trail("CDLQG").stream().map(ArchiveRecords.Event::action).toList());
        assertEquals("destruction-already-done", assertThrows(DomainException.class, () -> destroy.destroy(decision.id(), "admin")).problem());
    }

    @Test
    void aDraftExpiresOnlyAfterItsNotice() {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-003").orElseThrow();
        Instant created = clock.instant();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, "owner-x", new Applicant("Trần Thị Nháp", "001099000777", null, null, null, null), Map.of(), created);
        dossiers.create(c);
        String id = c.dossier().id();
        List<vn.gov.bvhttdl.dvc.application.NoticeStore.InboxMessage> inbox = new java.util.ArrayList<>();
        Retention.Lifecycle l = retention.lifecycle();
        ExpireDrafts expire = new ExpireDrafts(archive, inbox::add, l, clock);

        clock.now = created.plus(Duration.ofDays(l.draftIdleDays() - 1));
        assertEquals(new ExpireDrafts.Result(0, 0, 0), expire.run(), "not idle long enough");
        clock.now = created.plus(Duration.ofDays(l.draftIdleDays() + 1));
        assertEquals(new ExpireDrafts.Result(1, 1, 0), expire.run(), "a notice first");
        assertEquals(1, inbox.size());
        assertEquals("owner-x", inbox.get(0).ownerId());
        assertEquals(id, inbox.get(0).dossierId());
        assertEquals(new ExpireDrafts.Result(1, 0, 0), expire.run(), "the same day: nothing again");
        clock.now = clock.now.plus(Duration.ofDays(l.draftNoticeDays()));
        assertEquals(new ExpireDrafts.Result(1, 0, 1), expire.run(), "expired after the notice's days");
        assertTrue(archive.expiredDrafts.containsKey(id));
        assertEquals(1, inbox.size(), "one notice in all");
    }
}
