package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.FakeFileLinks;
import vn.gov.bvhttdl.dvc.application.fakes.FakeGateway;
import vn.gov.bvhttdl.dvc.application.fakes.FakeUploadLinks;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryNotices;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryPayments;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryResults;
import vn.gov.bvhttdl.dvc.application.fakes.InMemorySurveyAnswers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryWorkQueues;
import vn.gov.bvhttdl.dvc.application.fakes.RecordingQueue;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The citizens' desk through its in-memory ports: the applicant's page holds what their screen shows (and only while
 * it matters: the checklist while the dossier can change), each move answers the page it leaves, someone else's
 * dossier answers like none.
 */
class CitizenDeskTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T03:00:00Z"), ZoneOffset.UTC);
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final RecordingQueue queue = new RecordingQueue();
    final FakeFileLinks links = new FakeFileLinks();
    final InMemoryPayments payments = new InMemoryPayments(dossiers);
    final CitizenDesk desk = new CitizenDesk(dossiers, dossiers, dossiers, new InMemoryWorkQueues(dossiers), new BundledRules(), queue, new FakeUploadLinks(), links,
            new InMemoryNotices(), payments, PaymentLedger.byProvider(List.of(new FakeGateway("vnpay"))), new InMemoryResults(),
            new InMemorySurveyAnswers(), clock, id -> "https://dvc.example.vn/verify/" + id);
    final Actor me = Actor.citizen("sub-1");
    final VerifiedIdentity id = new VerifiedIdentity("Lê Thị Mai", "001099000321", "mai@example.vn");

    @Test
    void aDraftsPageHoldsTheChecklistTheProcedureItKeepsAndItsFees() {
        String d = desk.create(me, id, "BVHTTDL-DL-002", null, Map.of(), null, null).dossier().id();
        CitizenDesk.DossierPage page = desk.dossier(me, d);
        assertEquals(DossierStatus.DRAFT, page.dossier().status());
        assertEquals("BVHTTDL-DL-002", page.procedure().code());
        assertFalse(page.versions().isEmpty());
        assertTrue(page.actions().contains("submit"), page.actions().toString());
        assertNotNull(page.checklist(), "a draft can change: its checklist comes with it");
        assertFalse(page.checklist().complete(), "nothing attached yet");
        assertFalse(page.fees().due(), "fees are due once received");
        assertFalse(page.fees().lines().isEmpty(), "DL-002's fees, with their basis");
        assertTrue(page.fees().lines().stream().allMatch(l -> l.basis() != null));
        assertEquals(List.of(), page.results());
        assertNull(page.survey(), "no survey before the result");
        assertNull(page.lookupKey(), "no code yet, no look-up key");
        assertEquals(List.of("create"), page.history().stream().map(e -> e.action()).toList());

        assertEquals(1, desk.mine(me).items().size());
        assertEquals(List.of(), desk.mine(Actor.citizen("other")).items());
        assertEquals("dossier-not-found", assertThrows(DomainException.class, () -> desk.dossier(Actor.citizen("other"), d)).problem());
        assertEquals("no-receipt-yet", assertThrows(DomainException.class, () -> desk.receipt(me, d)).problem());
    }

    @Test
    void eachMoveAnswersThePageItLeaves() {
        String d = desk.create(me, id, "BVHTTDL-DL-004", null, Map.of(), null, null).dossier().id();
        CitizenDesk.DossierPage edited = desk.edit(me, id, d, null, Map.of("starLevel", "5"));
        assertEquals("5", edited.dossier().form().get("starLevel"));
        assertEquals(List.of("create", "edit"), edited.history().stream().map(e -> e.action()).toList());

        var upload = desk.attach(me, d, edited.procedure().components().get(0).code(), "don.pdf", 1000L);
        assertEquals(Attachment.Status.PENDING, upload.pending().status());
        CitizenDesk.DossierPage removed = desk.removeFile(me, d, upload.pending().uploadId());
        assertTrue(removed.files().stream().allMatch(f -> f.status() == Attachment.Status.CANCELLED));

        DomainException incomplete = assertThrows(DomainException.class, () -> desk.submit(me, d));
        assertFalse(incomplete.errors().isEmpty(), "all that is missing, at once");
        assertEquals(List.of(), queue.sent, "nothing sent on");

        CitizenDesk.DossierPage withdrawn = desk.withdraw(me, d, "Không nộp nữa");
        assertEquals(DossierStatus.WITHDRAWN, withdrawn.dossier().status());
        assertNull(withdrawn.checklist(), "nothing left to complete");
        assertThrows(DomainException.class, () -> desk.withdraw(Actor.citizen("other"), d, "x"));
    }

    @Test
    void theFilesAddressedToTheApplicantOpenThroughLinks() {
        String d = desk.create(me, id, "BVHTTDL-DL-004", null, Map.of(), null, null).dossier().id();
        assertThrows(DomainException.class, () -> desk.result(me, d, "1"), "no such result");
        assertThrows(DomainException.class, () -> desk.paymentReceipt(me, d, "TT000000NOSUCHREF"));
        assertEquals(List.of(), links.opened, "nothing opened for what does not exist");
        assertTrue(desk.letters(me, d).history().size() >= 1);
        assertThrows(DomainException.class, () -> desk.letters(Actor.citizen("other"), d));
    }
}
