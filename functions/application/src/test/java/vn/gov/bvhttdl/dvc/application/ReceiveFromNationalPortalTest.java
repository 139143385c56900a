package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.ReceiveFromNationalPortal.Outcome;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.FakeNationalInbox;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryWorkQueues;
import vn.gov.bvhttdl.dvc.application.fakes.RecordingQueue;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Facts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Dossiers submitted on the national portal, taken in exactly once, and claimed by their applicant's VNeID sign-in. */
class ReceiveFromNationalPortalTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T03:00:00Z"), ZoneOffset.UTC);
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final InMemoryWorkQueues lists = new InMemoryWorkQueues(dossiers);
    final FakeNationalInbox inbox = new FakeNationalInbox();
    final RecordingQueue queue = new RecordingQueue();
    final List<ReceiveFromNationalPortal.Taken> reported = new ArrayList<>();
    final ReceiveFromNationalPortal receive = new ReceiveFromNationalPortal(inbox, dossiers, dossiers, inbox, new BundledRules(),
            queue, clock, reported::add);

    static NationalInbox.Inbound citizen(String code, String procedure) {
        return new NationalInbox.Inbound(code, procedure, NationalInbox.ApplicantKind.CITIZEN, "Nguyễn Văn An", "001099012345",
                null, "Hà Nội", "0912345678", "an@example.vn", true, Instant.parse("2026-03-02T02:00:00Z"),
                List.of(new NationalInbox.File("DON", "don-de-nghi.pdf", "https://dvcqg.example/files/" + code)), Map.of());
    }

    /** The upload scan's verdict on every file still waiting. */
    void scanAll() {
        for (Dossier d : dossiers.all()) {
            for (Attachment a : dossiers.attachments(d.id())) {
                if (a.status() == Attachment.Status.PENDING) {
                    dossiers.recordVerdict(a.scanned(Attachment.Status.ACCEPTED, null, "application/pdf", "ab", 1, clock.instant()));
                }
            }
        }
    }

    List<Dossier> byNationalCode(String code) {
        return dossiers.all().stream().filter(d -> code.equals(d.facts().nationalCode())).toList();
    }

    @Test
    void aDossierIsCreatedOnceSubmittedAfterItsFilesAreScannedAndAcknowledgedAcrossRedeliveryAndACrash() {
        inbox.submit(citizen("G22.99-260302-0001", "BVHTTDL-DL-003"));
        inbox.served.put("https://dvcqg.example/files/G22.99-260302-0001", "%PDF-1.4 don".getBytes());

        // first run: created, its file fetched into the uploads as a PENDING attachment; not submitted, not acknowledged
        var first = receive.run();
        assertEquals(1, first.count(Outcome.WAITING_FOR_SCAN), first.toString());
        assertEquals(List.of(), inbox.acknowledged);
        assertEquals(1, inbox.uploads.size());
        Dossier d = byNationalCode("G22.99-260302-0001").getFirst();
        assertEquals(DossierStatus.DRAFT, d.status());
        assertEquals(Facts.Origin.NATIONAL_PORTAL, d.facts().origin());
        assertEquals(Facts.Channel.ONLINE, d.facts().channel());
        assertEquals("G22.99-260302-0001", d.facts().nationalCode());
        assertTrue(d.facts().identityVerified());
        assertEquals(Command.Claim.unclaimed("001099012345"), d.ownerId());
        assertEquals("001099012345", d.applicant().idNumber());
        assertEquals(Facts.fromTrail(dossiers.history(d.id())), d.facts(), "the facts are the trail's");
        String key = inbox.uploads.keySet().iterator().next();
        assertTrue(key.startsWith("dossiers/" + d.id() + "/DON/"), key);

        // the scan judges the file; the next run submits; the acknowledgement is lost (a crash before it)
        scanAll();
        inbox.failNextAck = true;
        var second = receive.run();
        assertEquals(1, second.count(Outcome.FAILED), second.toString());
        assertEquals(DossierStatus.SUBMITTED, dossiers.find(d.id()).orElseThrow().status());
        assertEquals(1, queue.sent.size(), "handed to reception");
        assertEquals(List.of(), inbox.acknowledged);

        // the portal hands it out again: nothing is created, fetched or submitted twice; now it is acknowledged
        var third = receive.run();
        assertEquals(1, third.count(Outcome.ALREADY_RECEIVED), third.toString());
        assertEquals(List.of("G22.99-260302-0001"), inbox.acknowledged);
        assertEquals(1, byNationalCode("G22.99-260302-0001").size());
        assertEquals(1, inbox.uploads.size());
        assertEquals(1, queue.sent.size());
        assertEquals(1, dossiers.history(d.id()).stream().filter(e -> e.action().equals("submit")).count());

        // a redelivery after the acknowledgement (the portal's own retry) creates nothing either
        inbox.submit(citizen("G22.99-260302-0001", "BVHTTDL-DL-003"));
        assertEquals(1, receive.run().count(Outcome.ALREADY_RECEIVED));
        assertEquals(1, byNationalCode("G22.99-260302-0001").size());
        assertEquals(1, queue.sent.size());
        assertTrue(reported.stream().allMatch(t -> t.outcome() == Outcome.FAILED), reported.toString());
    }

    @Test
    void aDossierWithoutFilesIsSubmittedAtOnceAndReceptionAsksForWhatIsMissing() {
        var in = citizen("G22.99-260302-0002", "BVHTTDL-DL-003");
        inbox.submit(new NationalInbox.Inbound(in.nationalCode(), in.procedureCode(), in.kind(), in.applicantName(), in.idNumber(),
                null, null, null, null, false, in.submittedAt(), List.of(new NationalInbox.File("DON", "gone.pdf", "https://dvcqg.example/none")), Map.of()));
        var r = receive.run();
        assertEquals(1, r.count(Outcome.RECEIVED), r.toString());
        Dossier d = byNationalCode("G22.99-260302-0002").getFirst();
        assertEquals(DossierStatus.SUBMITTED, d.status());
        assertFalse(d.facts().identityVerified());
        assertEquals(List.of("G22.99-260302-0002"), inbox.acknowledged);
        assertEquals(List.of(), inbox.uploads.keySet().stream().toList(), "a file the portal no longer has is left out");
    }

    @Test
    void anUnknownProcedureOrAnApplicantWithoutIdentifierIsReportedAndLeftWaitingNeverHalfCreated() {
        inbox.submit(citizen("G22.99-260302-0003", "1.000000.000.00.00.H99"));
        var noId = citizen("G22.99-260302-0004", "BVHTTDL-DL-003");
        inbox.submit(new NationalInbox.Inbound(noId.nationalCode(), noId.procedureCode(), noId.kind(), noId.applicantName(), " ",
                null, null, null, null, true, noId.submittedAt(), noId.files(), Map.of()));
        for (int run = 0; run < 2; run++) {
            var r = receive.run();
            assertEquals(1, r.count(Outcome.UNKNOWN_PROCEDURE), r.toString());
            assertEquals(1, r.count(Outcome.INVALID), r.toString());
        }
        assertEquals(List.of(), inbox.acknowledged);
        assertEquals(2, inbox.waiting().size(), "still waiting on the portal");
        assertTrue(dossiers.all().isEmpty(), "nothing created");
        assertEquals(4, reported.size());
        assertEquals("unknown-procedure", reported.getFirst().reason());
        assertEquals("applicant-identifier-missing", reported.get(1).reason());
        assertTrue(reported.stream().noneMatch(t -> String.valueOf(t).contains("Nguyễn") || String.valueOf(t).contains("001099012345")),
                "no personal data in what is reported");
    }

    @Test
    void theApplicantsVNeIDSignInClaimsItOnceAndAnAccountSignInNever() {
        var in = citizen("G22.99-260302-0005", "BVHTTDL-DL-003");
        inbox.submit(new NationalInbox.Inbound(in.nationalCode(), in.procedureCode(), in.kind(), in.applicantName(), in.idNumber(),
                null, null, null, null, true, in.submittedAt(), List.of(), Map.of()));
        receive.run();
        String id = byNationalCode("G22.99-260302-0005").getFirst().id();
        ClaimInboundDossiers claims = new ClaimInboundDossiers(dossiers, lists, clock);
        var desk = new CitizenDesk(dossiers, dossiers, dossiers, lists, new BundledRules(), queue,
                new vn.gov.bvhttdl.dvc.application.fakes.FakeUploadLinks(), new vn.gov.bvhttdl.dvc.application.fakes.FakeFileLinks(),
                new vn.gov.bvhttdl.dvc.application.fakes.InMemoryNotices(), new vn.gov.bvhttdl.dvc.application.fakes.InMemoryPayments(dossiers),
                Map.of(), new vn.gov.bvhttdl.dvc.application.fakes.InMemoryResults(), new vn.gov.bvhttdl.dvc.application.fakes.InMemorySurveyAnswers(),
                clock, x -> "https://dvc.example.vn/verify/" + x);

        // the development sign-in (an account of the pool) with the same ID: claims nothing
        Actor dev = Actor.citizen("dev-subject");
        var account = new VerifiedIdentity("Nguyễn Văn An", "001099012345", null);
        assertTrue(desk.mine(dev, account).items().isEmpty());
        // another person's VNeID: nothing
        Actor other = Actor.citizen("sub-other");
        var otherId = new VerifiedIdentity("Trần Văn Khác", "001099099999", null, VerifiedIdentity.AccountType.CITIZEN, null, null, VerifiedIdentity.VerifiedBy.VNEID);
        assertTrue(claims.claim(other, otherId).isEmpty());
        assertTrue(dossiers.find(id).orElseThrow().ownerId().startsWith(Command.Claim.UNCLAIMED));

        // the applicant's VNeID: the list shows it, the dossier is theirs; a second listing claims nothing again
        Actor an = Actor.citizen("sub-an");
        var vneid = new VerifiedIdentity("Nguyễn Văn An", "001099012345", null, VerifiedIdentity.AccountType.CITIZEN, null, null, VerifiedIdentity.VerifiedBy.VNEID);
        var mine = desk.mine(an, vneid);
        assertEquals(List.of(id), mine.items().stream().map(x -> x.dossier().id()).toList());
        assertEquals("sub-an", dossiers.find(id).orElseThrow().ownerId());
        assertEquals(id, desk.dossier(an, id).dossier().id(), "their page opens");
        assertTrue(claims.claim(an, vneid).isEmpty(), "exactly once");
        assertEquals(List.of(id), desk.mine(an, vneid).items().stream().map(x -> x.dossier().id()).toList());
        assertEquals(1, dossiers.history(id).stream().filter(e -> e.action().equals("claim")).count());
        Dossier claimed = dossiers.find(id).orElseThrow();
        assertEquals(DossierStatus.SUBMITTED, claimed.status(), "the claim changes no status");
        assertEquals(Facts.Origin.NATIONAL_PORTAL, claimed.facts().origin(), "and keeps the facts");
        // the portal hands it out again after the claim: still nothing twice
        inbox.submit(in);
        assertEquals(1, receive.run().count(Outcome.ALREADY_RECEIVED));
        assertEquals(1, byNationalCode("G22.99-260302-0005").size());
        // and another VNeID sign-in of the same person (another subject) cannot take it back
        assertTrue(claims.claim(Actor.citizen("sub-an-2"), vneid).isEmpty());
        assertEquals("sub-an", dossiers.find(id).orElseThrow().ownerId());
    }
}
