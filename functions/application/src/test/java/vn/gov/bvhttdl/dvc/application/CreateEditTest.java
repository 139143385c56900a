package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Starting and correcting a dossier on the in-memory ports. */
class CreateEditTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T03:00:00Z"), ZoneOffset.UTC);
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final CreateDossier create = new CreateDossier(dossiers, new BundledRules(), clock);
    final Actor me = Actor.citizen("sub-1");
    final VerifiedIdentity id = new VerifiedIdentity("Lê Thị Mai", "001099000321", "mai@example.vn");

    @Test
    void theIdentityFixesNameAndIdAndAKeyCreatesOnce() {
        Applicant typed = new Applicant(null, null, "0101234567", "Hà Nội", "0912 000 321", "");
        CreateDossier.Result r = create.create(me, id, "BVHTTDL-DL-003", typed, Map.of("note", "Mất"), "key-00000001", "fp1");
        assertFalse(r.replayed());
        Dossier d = r.dossier();
        assertEquals("Lê Thị Mai", d.applicant().fullName());
        assertEquals("001099000321", d.applicant().idNumber());
        assertNull(d.applicant().email(), "a cleared e-mail stays cleared");
        assertEquals("0912000321", d.applicant().phone(), "spaces taken out of the number");
        CreateDossier.Result again = create.create(me, id, "BVHTTDL-DL-003", typed, Map.of("note", "Mất"), "key-00000001", "fp1");
        assertTrue(again.replayed());
        assertEquals(d.id(), again.dossier().id());
        assertEquals("idempotency-key-reused", assertThrows(DomainException.class,
                () -> create.create(me, id, "BVHTTDL-DL-003", typed, Map.of("note", "Khác"), "key-00000001", "fp2")).problem());
        assertEquals("identity-fields-fixed", assertThrows(DomainException.class,
                () -> create.create(me, id, "BVHTTDL-DL-003", new Applicant("Người Khác", null, null, null, "0912000321", null), Map.of(), null, null)).problem());
        assertEquals("mai@example.vn", create.create(me, id, "BVHTTDL-DL-003", null, Map.of(), null, null).dossier().applicant().email(),
                "no applicant at all: the profile's e-mail");
        assertEquals("unknown-procedure", assertThrows(DomainException.class, () -> create.create(me, id, "NOPE", null, Map.of(), null, null)).problem());
    }

    @Test
    void aDossierRecordsWhetherVNeIDVerifiedItsApplicant() {
        Dossier verified = create.create(me, new VerifiedIdentity("Lê Thị Mai", "001099000321", "mai@example.vn",
                VerifiedIdentity.AccountType.CITIZEN, null, null, VerifiedIdentity.VerifiedBy.VNEID),
                "BVHTTDL-DL-003", null, Map.of(), null, null).dossier();
        assertTrue(verified.facts().identityVerified());
        assertEquals(vn.gov.bvhttdl.dvc.domain.Facts.Channel.ONLINE, verified.facts().channel());
        assertEquals("VNeID", dossiers.history(verified.id()).getFirst().details().get("verifiedBy"), "on the trail too");
        Dossier development = create.create(me, id, "BVHTTDL-DL-003", null, Map.of(), null, null).dossier();
        assertFalse(development.facts().identityVerified(), "the development sign-in verifies nobody");
        assertNull(development.facts().representative(), "a person acting for themself has no representative");

        VerifiedIdentity company = new VerifiedIdentity("Trần Thị Bình", "079190004567", null,
                VerifiedIdentity.AccountType.ORGANISATION, "0312345678", "Công ty TNHH Sen Vàng", VerifiedIdentity.VerifiedBy.VNEID);
        Dossier forCompany = create.create(me, company, "BVHTTDL-DL-003", new Applicant(null, null, null, null, "0912000321", null),
                Map.of(), null, null).dossier();
        assertEquals(new vn.gov.bvhttdl.dvc.domain.Facts.Representative("Trần Thị Bình", "079190004567"), forCompany.facts().representative());
        assertEquals(vn.gov.bvhttdl.dvc.domain.Facts.IdType.ENTERPRISE_CODE, forCompany.ownerIdentifier().type());
        assertEquals(forCompany.facts(), vn.gov.bvhttdl.dvc.domain.Facts.fromTrail(dossiers.history(forCompany.id())),
                "the representative is on the trail too");
    }

    @Test
    void editingChecksTheProceduresFormAndOnlyTheOwnerMayEdit() {
        String dossier = create.create(me, id, "BVHTTDL-DL-004", null, Map.of(), null, null).dossier().id();
        EditDossier edit = new EditDossier(dossiers, new BundledRules(), clock);
        DomainException bad = assertThrows(DomainException.class, () -> edit.edit(me, id, dossier, null, Map.of("starLevel", "6")));
        assertEquals("form.starLevel", bad.errors().get(0).field());
        assertEquals("5", edit.edit(me, id, dossier, null, Map.of("starLevel", "5")).form().get("starLevel"));
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> edit.edit(Actor.citizen("other"), id, dossier, null, Map.of())).kind());
    }
}
