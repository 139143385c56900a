package vn.gov.bvhttdl.dvc.adapters;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.OwnData;
import vn.gov.bvhttdl.dvc.application.ReadLog;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The citizen's own data in the table (dynoxide): a draft erased only while it is still that draft (a submission that
 * came first keeps everything), the citizen's trail of deletions read back newest first, and a dossier's reads up to
 * a moment in one query.
 */
class OwnDataStoreIT {
    static Table table;
    static OwnDataStore store;

    @BeforeAll
    static void stack() {
        TestStack.get();
        table = new Table(AwsClients.dynamo(), Settings.require("TABLE_NAME"));
        // no S3 is reached here: the drafts erased have no files
        store = new OwnDataStore(table.dossiers().client(), table.dossiers().tableName(), () -> { throw new AssertionError("no S3 expected"); },
                null, () -> "uploads", () -> "documents", Clock.systemUTC());
    }

    Dossier.Change draft(String owner) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, owner, new Applicant("Phạm Thị Hoa", "079199001234", null, null, "0987000111", null),
                Map.of("companyName", "Công ty"), Instant.now());
        table.dossiers().create(c);
        return c;
    }

    @Test
    void aDraftIsErasedWithItsTrailButNotOnceSubmitted() {
        Dossier.Change c = draft("owner-" + UUID.randomUUID());
        Map<String, Object> erased = store.eraseDraft(c.dossier());
        assertTrue(((Number) erased.get("tableItems")).intValue() >= 2, "the dossier and its creation entry: " + erased);
        assertTrue(table.dossiers().find(c.dossier().id()).isEmpty());
        assertEquals(List.of(), table.dossiers().history(c.dossier().id()));

        Dossier.Change other = draft("owner-" + UUID.randomUUID());
        Dossier.Change submitted = other.dossier().handle(new Command.Submit("{}", 0), Actor.citizen(other.dossier().ownerId()), Instant.now());
        table.dossiers().save(submitted);
        assertThrows(ConcurrentChange.class, () -> store.eraseDraft(other.dossier()), "the draft read before it was submitted");
        assertTrue(table.dossiers().find(other.dossier().id()).isPresent(), "nothing erased");
        assertFalse(table.dossiers().history(other.dossier().id()).isEmpty());
    }

    @Test
    void theDeletionsAreReadBackNewestFirst() {
        String subject = "sub-" + UUID.randomUUID();
        Instant t1 = Instant.parse("2026-12-06T03:00:00.123456789Z");
        store.recordErasure(new OwnData.Erasure(subject, t1, "DRAFT", "d-1", "BVHTTDL-DL-001", Map.of("tableItems", 3, "uploadVersions", 1)));
        store.recordErasure(new OwnData.Erasure(subject, t1.plusSeconds(5), "WAREHOUSE_DOCUMENT", "w-1", "Bản sao", Map.of("warehouseEntries", 1)));
        List<OwnData.Erasure> back = store.erasures(subject, 10);
        assertEquals(List.of("w-1", "d-1"), back.stream().map(OwnData.Erasure::ref).toList());
        assertEquals(t1, back.get(1).at());
        assertEquals(3L, ((Number) back.get(1).erased().get("tableItems")).longValue());
        assertEquals("Bản sao", back.get(0).label());
        assertEquals(List.of(), store.erasures("sub-" + UUID.randomUUID(), 10), "another subject's trail is apart");
    }

    @Test
    void aDossiersReadsUpToAMomentInOneQuery() {
        String dossier = "d-" + UUID.randomUUID();
        ReadLog log = table.readLog();
        Instant t = Instant.parse("2026-12-06T03:00:00Z");
        for (int i = 0; i < 5; i++) log.record(new ReadLog.Read(dossier, t.plusSeconds(i), "acct", "Cán bộ " + i, "CDLQG", "MOTCUA", "ONE_STOP", "dossier", null));
        assertEquals(List.of("Cán bộ 3", "Cán bộ 2"), log.readsUpTo(dossier, t.plusSeconds(3), 2).stream().map(ReadLog.Read::officialName).toList());
        assertEquals(List.of("Cán bộ 4", "Cán bộ 3", "Cán bộ 2", "Cán bộ 1", "Cán bộ 0"),
                log.readsUpTo(dossier, t.plusSeconds(60), 10).stream().map(ReadLog.Read::officialName).toList());
        assertEquals(List.of(), log.readsUpTo(dossier, t.minusNanos(1), 10));
    }
}
