package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.FakeUploadLinks;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Adding and removing files, on the in-memory ports. */
class FilesTest {
    final Instant t0 = Instant.parse("2026-03-02T03:00:00Z");
    final Clock clock = Clock.fixed(t0, ZoneOffset.UTC);
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final AttachFile attach = new AttachFile(dossiers, dossiers, new BundledRules(), new FakeUploadLinks(), clock);
    final Actor owner = Actor.citizen("owner-f");

    String draft() {
        Dossier.Change c = Dossier.draft("d-files", ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow(), owner.subject(),
                new Applicant("A", "001099000888", null, null, "0912000888", null), Map.of(), t0);
        dossiers.create(c);
        return c.dossier().id();
    }

    @Test
    void aFileIsCheckedAgainstItsComponentAndGetsALinkForItselfOnly() {
        String id = draft();
        AttachFile.Result r = attach.attach(owner, id, "DKDN", "C:\\Users\\x\\giấy đăng ký.PNG", 2_000_000L);
        assertEquals("giấy đăng ký.PNG", r.pending().fileName());
        assertEquals(Attachment.Status.PENDING, r.pending().status());
        assertEquals("image/png", r.link().headers().get("Content-Type"));
        assertEquals("*", r.link().headers().get("If-None-Match"));
        assertTrue(r.link().url().contains(r.pending().key()));
        assertEquals(1, dossiers.attachments(id).size());

        DomainException big = assertThrows(DomainException.class, () -> attach.attach(owner, id, "KYQUY", "a.pdf", 11L * 1024 * 1024));
        assertEquals("file-too-large", big.problem());
        assertEquals("component.KYQUY", big.errors().get(0).field());
        assertTrue(big.text().vi().contains("11,0 MB"), big.text().vi());
        assertEquals("format-not-accepted", assertThrows(DomainException.class, () -> attach.attach(owner, id, "KYQUY", "virus.exe", 10L)).problem());
        assertEquals("unknown-component", assertThrows(DomainException.class, () -> attach.attach(owner, id, "NOPE", "a.pdf", 10L)).problem());
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> attach.attach(Actor.citizen("stranger"), id, "KYQUY", "a.pdf", 10L)).kind());
    }

    @Test
    void aRemovedFileLeavesTheCurrentSetButNotTheRecordAndNothingChangesOnceSubmitted() {
        String id = draft();
        AttachFile.Result r = attach.attach(owner, id, "DON", "don.pdf", 1000L);
        new RemoveFile(dossiers, dossiers, clock).remove(owner, id, r.pending().uploadId());
        assertEquals(Attachment.Status.CANCELLED, dossiers.attachments(id).get(0).status());
        assertEquals("attachment-cancelled", dossiers.history(id).get(dossiers.history(id).size() - 1).action());
        assertEquals("attachment-not-found", assertThrows(DomainException.class,
                () -> new RemoveFile(dossiers, dossiers, clock).remove(owner, id, r.pending().uploadId())).problem(), "removed once");
        Dossier d = dossiers.find(id).orElseThrow();
        dossiers.save(d.handle(new Command.Withdraw("Đổi ý"), owner, t0));
        assertEquals(DomainException.Kind.REFUSED, assertThrows(DomainException.class, () -> attach.attach(owner, id, "DON", "don.pdf", 10L)).kind());
    }
}
