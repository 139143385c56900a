package vn.gov.bvhttdl.dvc.adapters;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.OfficialAccounts.Account;
import vn.gov.bvhttdl.dvc.application.OfficialAccounts.AccountRole;
import vn.gov.bvhttdl.dvc.application.OfficialAccounts.Change;
import vn.gov.bvhttdl.dvc.application.OfficialAccounts.Status;
import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The accounts and their trail in the table (dynoxide): version-guarded, the trail never overwritten, read back as written. */
class OfficialAccountStoreIT {
    static OfficialAccountStore store;

    @BeforeAll
    static void stack() {
        TestStack.get();
        store = new Table(AwsClients.dynamo(), Settings.require("TABLE_NAME")).officialAccounts();
    }

    @Test
    void anAccountAndItsTrailAreWrittenTogetherGuardedByTheVersion() {
        String sub = "sub-" + UUID.randomUUID();
        Instant t1 = Instant.parse("2026-12-06T03:00:00Z");
        Account v1 = new Account(sub, "u-" + sub, "Trần Thị Bình", "binh@example.vn", "CDLQG", "MOTCUA", AccountRole.DESK, Status.ACTIVE, 1, t1, "admin-1");
        assertTrue(store.find(sub).isEmpty());
        store.save(v1, new Change(sub, 1, t1, "admin-1", "CREATED", null, "DESK CDLQG/MOTCUA"));
        assertEquals(v1, store.find(sub).orElseThrow());
        assertThrows(ConcurrentChange.class, () -> store.save(v1, new Change(sub, 1, t1, "admin-1", "CREATED", null, "again")), "created once");

        Instant t2 = t1.plusSeconds(60);
        Account v2 = new Account(sub, v1.username(), v1.name(), v1.email(), "CDLQG", "MOTCUA", AccountRole.DESK, Status.DEACTIVATED, 2, t2, "admin-2");
        store.save(v2, new Change(sub, 2, t2, "admin-2", "DEACTIVATED", "ACTIVE", "DEACTIVATED"));
        assertFalse(store.find(sub).orElseThrow().active());
        Account stale = new Account(sub, v1.username(), v1.name(), v1.email(), "CDLQG", "CHUYENMON", AccountRole.LEADER, Status.ACTIVE, 2, t2, "admin-3");
        assertThrows(ConcurrentChange.class, () -> store.save(stale, new Change(sub, 2, t2, "admin-3", "ASSIGNED", "x", "y")));
        assertEquals(Status.DEACTIVATED, store.find(sub).orElseThrow().status(), "the lost race changed nothing");

        List<Change> trail = store.history(sub);
        assertEquals(List.of("CREATED", "DEACTIVATED"), trail.stream().map(Change::action).toList());
        assertEquals(new Change(sub, 2, t2, "admin-2", "DEACTIVATED", "ACTIVE", "DEACTIVATED"), trail.get(1));
        assertTrue(store.all().stream().anyMatch(a -> a.subject().equals(sub) && a.version() == 2));
    }

    @Test
    void anAdministratorWithoutAgencyOrUnitIsReadBack() {
        String sub = "sub-" + UUID.randomUUID();
        Instant t = Instant.parse("2026-12-06T04:00:00Z");
        Account a = new Account(sub, "u", "Quản trị", "qt@example.vn", null, null, AccountRole.ADMIN, Status.ACTIVE, 1, t, "seed");
        store.save(a, new Change(sub, 1, t, "seed", "CREATED", null, "ADMIN -/-"));
        assertEquals(a, store.find(sub).orElseThrow());
    }

    @Test
    void aTitleAndASigningDelegationAreReadBack() {
        String sub = "sub-" + UUID.randomUUID();
        Instant t = Instant.parse("2026-12-06T05:00:00Z");
        var kt = new vn.gov.bvhttdl.dvc.domain.Actor.Delegation("KT", "Nguyễn Văn Trưởng", "Phó Cục trưởng");
        Account a = new Account(sub, "u", "Lê Thị Phó", "pho@example.vn", "CDLQG", "LUHANH", AccountRole.LEADER, Status.ACTIVE, 1, t, "admin",
                "Phó Cục trưởng", kt);
        store.save(a, new Change(sub, 1, t, "admin", "CREATED", null, "LEADER CDLQG/LUHANH «Phó Cục trưởng» KT. Nguyễn Văn Trưởng"));
        assertEquals(a, store.find(sub).orElseThrow());
        Account own = new Account(sub, "u", "Lê Thị Phó", "pho@example.vn", "CDLQG", "LUHANH", AccountRole.LEADER, Status.ACTIVE, 2, t, "admin",
                "Trưởng phòng", null);
        store.save(own, new Change(sub, 2, t, "admin", "ASSIGNED", "x", "y"));
        assertEquals(own, store.find(sub).orElseThrow(), "a delegation removed is gone, not left over from the version before");
    }
}
