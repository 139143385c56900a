package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.OfficialAccounts.AccountRole;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryOfficialAccounts;
import vn.gov.bvhttdl.dvc.application.fakes.RecordingDirectory;
import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Organisation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManageOfficialsTest {
    private final InMemoryOfficialAccounts accounts = new InMemoryOfficialAccounts();
    private final RecordingDirectory pool = new RecordingDirectory();
    private final Organisation org = Organisation.standard();
    private final ManageOfficials manage = new ManageOfficials(accounts, pool,
            org, Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC));

    private String agency() { return org.agencies().keySet().iterator().next(); }

    private String unit(int i) { return org.agencies().get(agency()).units().get(i).code(); }

    @Test
    void createsAnOfficialInThePoolAndTheTableWithATrailEntry() {
        var a = manage.create("admin-1", new ManageOfficials.Assignment(" Trần Thị Bình ", "Binh@Example.VN", agency(), unit(0), AccountRole.DESK));
        assertEquals("sub-1", a.subject());
        assertEquals("binh@example.vn", a.email());
        assertEquals("Trần Thị Bình", a.name());
        assertEquals(1, a.version());
        assertTrue(a.active());
        assertEquals("create binh@example.vn officials " + agency() + "/" + unit(0) + " ONE_STOP", pool.calls.get(0));
        var page = manage.account("sub-1");
        assertEquals(1, page.history().size());
        assertEquals("CREATED", page.history().get(0).action());
        assertEquals("admin-1", page.history().get(0).by());
        assertEquals("DESK " + agency() + "/" + unit(0), page.history().get(0).after());
    }

    @Test
    void anAdministratorHasNoUnit() {
        var a = manage.create("admin-1", new ManageOfficials.Assignment("Quản trị", "qt@example.vn", null, unit(0), AccountRole.ADMIN));
        assertNull(a.unit());
        assertTrue(pool.calls.get(0).startsWith("create qt@example.vn admins"));
    }

    @Test
    void refusesAUnitOutsideTheAgencyAMissingRoleABadEmailAndADuplicate() {
        var e = assertThrows(DomainException.class, () -> manage.create("a", new ManageOfficials.Assignment("X", "x@example.vn", agency(), "NOPE", AccountRole.SPECIALIST)));
        assertEquals(422, e.kind().status());
        assertEquals("unit", e.errors().get(0).field());
        assertEquals(422, assertThrows(DomainException.class, () -> manage.create("a", new ManageOfficials.Assignment("X", "x@example.vn", agency(), unit(0), null))).kind().status());
        assertEquals(422, assertThrows(DomainException.class, () -> manage.create("a", new ManageOfficials.Assignment("X", "not-an-email", agency(), unit(0), AccountRole.DESK))).kind().status());
        manage.create("a", new ManageOfficials.Assignment("X", "x@example.vn", agency(), unit(0), AccountRole.DESK));
        assertEquals("official-exists", assertThrows(DomainException.class,
                () -> manage.create("a", new ManageOfficials.Assignment("Y", "X@example.vn", agency(), unit(0), AccountRole.DESK))).problem());
        assertEquals(1, pool.calls.size(), "nothing refused reached the pool");
    }

    @Test
    void changesTheAssignmentMovesTheGroupAndKeepsBeforeAndAfter() {
        var a = manage.create("admin-1", new ManageOfficials.Assignment("Lê Văn C", "c@example.vn", agency(), unit(0), AccountRole.DESK));
        var b = manage.assign("admin-2", a.subject(), 1, new ManageOfficials.Assignment(null, null, agency(), unit(1), AccountRole.LEADER));
        assertEquals(2, b.version());
        assertEquals(AccountRole.LEADER, b.role());
        assertEquals(unit(1), b.unit());
        assertEquals("assign user-1 officials->officials " + agency() + "/" + unit(1) + " LEADER", pool.calls.get(1));
        var h = manage.account(a.subject()).history();
        assertEquals("ASSIGNED", h.get(1).action());
        assertEquals("DESK " + agency() + "/" + unit(0), h.get(1).before());
        assertEquals("LEADER " + agency() + "/" + unit(1), h.get(1).after());
        assertEquals("admin-2", h.get(1).by());
        assertEquals("official-unchanged", assertThrows(DomainException.class,
                () -> manage.assign("admin-2", a.subject(), 2, new ManageOfficials.Assignment(null, null, agency(), unit(1), AccountRole.LEADER))).problem());
        assertThrows(ConcurrentChange.class, () -> manage.assign("admin-2", a.subject(), 1,
                new ManageOfficials.Assignment(null, null, agency(), unit(0), AccountRole.SPECIALIST)));
    }

    @Test
    void deactivatesOnceAndNeverItself() {
        var a = manage.create("admin-1", new ManageOfficials.Assignment("Phạm D", "d@example.vn", agency(), unit(0), AccountRole.SPECIALIST));
        assertEquals("official-self", assertThrows(DomainException.class, () -> manage.deactivate(a.subject(), a.subject(), 1)).problem());
        var d = manage.deactivate("admin-1", a.subject(), 1);
        assertFalse(d.active());
        assertFalse(accounts.find(a.subject()).orElseThrow().active());
        assertEquals("deactivate user-1", pool.calls.get(1));
        assertEquals("DEACTIVATED", manage.account(a.subject()).history().get(1).action());
        assertEquals("official-deactivated", assertThrows(DomainException.class, () -> manage.deactivate("admin-1", a.subject(), 2)).problem());
        assertEquals("official-deactivated", assertThrows(DomainException.class, () -> manage.assign("admin-1", a.subject(), 2,
                new ManageOfficials.Assignment(null, null, agency(), unit(1), AccountRole.DESK))).problem());
    }

    @Test
    void aPoolThatFailsLeavesTheAccountAsItWas() {
        var a = manage.create("admin-1", new ManageOfficials.Assignment("Phạm E", "e@example.vn", agency(), unit(0), AccountRole.SPECIALIST));
        pool.failing = true;
        assertThrows(IllegalStateException.class, () -> manage.deactivate("admin-1", a.subject(), 1));
        assertTrue(accounts.find(a.subject()).orElseThrow().active());
        assertEquals(1, manage.account(a.subject()).history().size());
    }

    @Test
    void setsAndChangesADelegationToSignOnBehalfOfASuperior() {
        var head = manage.create("admin-1", new ManageOfficials.Assignment("Nguyễn Văn Trưởng", "truong@example.vn", agency(), unit(0), AccountRole.LEADER,
                "Cục trưởng", "", null, null));
        assertEquals("Cục trưởng", head.title());
        assertNull(head.delegation());
        var deputy = manage.create("admin-1", new ManageOfficials.Assignment("Lê Thị Phó", "pho@example.vn", agency(), unit(0), AccountRole.LEADER,
                " Phó Cục trưởng ", "kt.", null, head.subject()));
        assertEquals("KT", deputy.delegation().mode());
        assertEquals("Nguyễn Văn Trưởng", deputy.delegation().forName(), "the superior's account gives the name");
        assertEquals("Phó Cục trưởng", deputy.delegation().title());
        assertEquals("create pho@example.vn officials " + agency() + "/" + unit(0) + " LEADER [Phó Cục trưởng|KT Nguyễn Văn Trưởng]", pool.calls.get(1));
        assertEquals("LEADER " + agency() + "/" + unit(0) + " «Phó Cục trưởng» KT. Nguyễn Văn Trưởng", manage.account(deputy.subject()).history().get(0).after());

        var tl = manage.assign("admin-2", deputy.subject(), 1, new ManageOfficials.Assignment(null, null, agency(), unit(0), AccountRole.LEADER,
                "Trưởng phòng", "TL", "Trần Văn Cấp Trên", null));
        assertEquals(2, tl.version());
        assertEquals("TL", tl.delegation().mode());
        assertEquals("Trần Văn Cấp Trên", tl.delegation().forName());
        assertEquals("assign user-2 officials->officials " + agency() + "/" + unit(0) + " LEADER [Trưởng phòng|TL Trần Văn Cấp Trên]", pool.calls.get(2));
        var h = manage.account(deputy.subject()).history().get(1);
        assertEquals("LEADER " + agency() + "/" + unit(0) + " «Phó Cục trưởng» KT. Nguyễn Văn Trưởng", h.before());
        assertEquals("LEADER " + agency() + "/" + unit(0) + " «Trưởng phòng» TL. Trần Văn Cấp Trên", h.after());

        var own = manage.assign("admin-2", deputy.subject(), 2, new ManageOfficials.Assignment(null, null, agency(), unit(0), AccountRole.LEADER,
                "Trưởng phòng", null, null, null));
        assertNull(own.delegation(), "back to signing in their own right");
        assertEquals("Trưởng phòng", accounts.find(deputy.subject()).orElseThrow().title());
    }

    @Test
    void refusesADelegationWithoutItsSuperiorOrTitleOrWithAnUnknownMode() {
        java.util.function.Function<ManageOfficials.Assignment, DomainException> refused = in ->
                assertThrows(DomainException.class, () -> manage.create("a", in));
        var noSuperior = refused.apply(new ManageOfficials.Assignment("X", "x@example.vn", agency(), unit(0), AccountRole.LEADER, "Phó Cục trưởng", "KT", " ", null));
        assertEquals(422, noSuperior.kind().status());
        assertEquals("signFor", noSuperior.errors().get(0).field());
        assertTrue(noSuperior.errors().get(0).vi().contains("cấp trên"));
        assertTrue(noSuperior.errors().get(0).en().contains("superior"));
        assertEquals("title", refused.apply(new ManageOfficials.Assignment("X", "x@example.vn", agency(), unit(0), AccountRole.LEADER, null, "TL", "Trần Văn A", null)).errors().get(0).field());
        assertEquals("signMode", refused.apply(new ManageOfficials.Assignment("X", "x@example.vn", agency(), unit(0), AccountRole.LEADER, "Phó", "TM", "Trần Văn A", null)).errors().get(0).field());
        assertEquals("signForAccount", refused.apply(new ManageOfficials.Assignment("X", "x@example.vn", agency(), unit(0), AccountRole.LEADER, "Phó", "KT", null, "sub-nobody")).errors().get(0).field());
        assertEquals("signFor", refused.apply(new ManageOfficials.Assignment("X", "x@example.vn", agency(), unit(0), AccountRole.LEADER, "Phó", null, "Trần Văn A", null)).errors().get(0).field());
        assertEquals("signMode", refused.apply(new ManageOfficials.Assignment("X", "x@example.vn", null, null, AccountRole.ADMIN, "Phó", "KT", "Trần Văn A", null)).errors().get(0).field());
        assertTrue(pool.calls.isEmpty(), "nothing refused reached the pool");
    }
}
