package vn.gov.bvhttdl.dvc.adapters;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WarehouseDocument;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** An owner's warehouse on dynoxide: added once, read back whole, newest first, changed only from the status expected. */
class WarehouseStoreIT {
    static WarehouseStore warehouse;

    @BeforeAll
    static void stack() {
        TestStack.get();
        warehouse = new Table(AwsClients.dynamo(), Settings.require("TABLE_NAME")).warehouse();
    }

    static WarehouseDocument result(String owner, String id, Instant addedAt) {
        return new WarehouseDocument(owner, id, WarehouseDocument.Kind.RESULT, "licence.karaoke",
                new Text("Giấy phép kinh doanh dịch vụ karaoke", "Karaoke business licence"), "000.00.12.H01-261201-0001-KQ1",
                "1.000001", "12/GP-SVHTTDL", "Cấp phép cho hộ kinh doanh", LocalDate.parse("2026-12-01"), LocalDate.parse("2031-12-01"),
                "Toàn quốc", "G12", id, null, "ab".repeat(32), id, WarehouseDocument.Status.VALID, null, null, "dossier-1", null,
                addedAt, "system");
    }

    @Test
    void anEntryIsAddedOnceAndReadBackWhole() {
        String owner = WarehouseDocument.personal("0" + (100000000000L + (long) (Math.random() * 899999999999L)));
        String id = UUID.randomUUID().toString().replace("-", "");
        WarehouseDocument d = result(owner, id, Instant.parse("2026-12-01T03:00:00Z"));
        assertTrue(warehouse.add(d));
        assertFalse(warehouse.add(d.withStatus(WarehouseDocument.Status.REVOKED, null, "again")), "the same id twice: added once");
        assertEquals(Optional.of(d), warehouse.find(owner, id), "every field read back, the first one kept");
        assertEquals(Optional.empty(), warehouse.find(WarehouseDocument.personal("001099000000"), id), "another owner's id is nobody's");
        assertEquals(Optional.empty(), warehouse.find(owner, "nope"));
    }

    @Test
    void theOwnersEntriesAreNewestFirstAndOnlyTheirs() {
        String owner = WarehouseDocument.enterprise("E" + UUID.randomUUID().toString().substring(0, 8));
        WarehouseDocument older = result(owner, "a-" + UUID.randomUUID(), Instant.parse("2026-11-01T03:00:00Z"));
        WarehouseDocument newer = result(owner, "b-" + UUID.randomUUID(), Instant.parse("2026-12-01T03:00:00Z"));
        WarehouseDocument kept = new WarehouseDocument(owner, "c-" + UUID.randomUUID(), WarehouseDocument.Kind.KEPT, null,
                new Text("Bản sao", "Copy"), null, null, null, null, null, null, null, null, "dossiers/x/y.pdf", "v1", null, null,
                WarehouseDocument.Status.VALID, null, null, "dossier-2", "C1", Instant.parse("2026-11-15T03:00:00Z"), "citizen-sub");
        warehouse.add(older);
        warehouse.add(newer);
        warehouse.add(kept);
        warehouse.add(result(WarehouseDocument.enterprise("OTHER" + UUID.randomUUID().toString().substring(0, 6)), "d-" + UUID.randomUUID(), Instant.now()));
        assertEquals(List.of(newer, kept, older), warehouse.of(owner));
        assertEquals(List.of(), warehouse.of(WarehouseDocument.personal("001099999999")));
        warehouse.remove(owner, kept.id());
        assertEquals(List.of(newer, older), warehouse.of(owner));
    }

    @Test
    void anEntryChangesOnlyFromTheStatusExpected() {
        String owner = WarehouseDocument.personal("001" + String.format("%09d", (long) (Math.random() * 999999999L)));
        WarehouseDocument d = result(owner, "r-" + UUID.randomUUID(), Instant.parse("2026-12-01T03:00:00Z"));
        warehouse.add(d);
        WarehouseDocument revoked = d.withStatus(WarehouseDocument.Status.REVOKED, null, "Sai thông tin");
        warehouse.update(revoked, WarehouseDocument.Status.VALID);
        assertEquals(Optional.of(revoked), warehouse.find(owner, d.id()));
        assertThrows(ConcurrentChange.class, () -> warehouse.update(d.withStatus(WarehouseDocument.Status.REPLACED, "x", "y"), WarehouseDocument.Status.VALID),
                "revoked already: no longer VALID");
        assertEquals(Optional.of(revoked), warehouse.find(owner, d.id()));
        assertThrows(ConcurrentChange.class, () -> warehouse.update(result(owner, "gone", Instant.now()), WarehouseDocument.Status.VALID),
                "an entry that is not there is not created by an update");
        assertEquals(Optional.empty(), warehouse.find(owner, "gone"));
    }
}
