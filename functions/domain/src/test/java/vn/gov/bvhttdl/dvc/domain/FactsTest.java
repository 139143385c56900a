package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The facts the state counts: recorded as each move happens, and the same when read back from the trail. */
class FactsTest {
    private final Procedure licence = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
    private final Applicant person = new Applicant("Nguyễn Văn An", "001099012345", null, "Hà Nội", null, "an@example.vn");
    private final Instant t0 = Instant.parse("2026-03-02T02:00:00Z");
    private final Actor desk = Actor.official("o1", "CDLQG", "MOTCUA", Post.ONE_STOP);
    private final Actor specialist = Actor.official("o2", "CDLQG", "LUHANH", Post.SPECIALIST);
    private final Actor leader = Actor.official("o3", "CDLQG", "LUHANH", Post.LEADER);

    /** Walks a dossier and keeps every event, so the recorded facts can be compared with the trail's. */
    private final class Walk {
        Dossier d;
        final List<AuditEvent> trail = new ArrayList<>();
        Instant at = t0;

        Walk(Facts.Intake intake) {
            Dossier.Change c = Dossier.draft("d1", licence, "u1", person, Map.of(), at, intake);
            d = c.dossier();
            trail.add(c.event());
        }

        Walk then(Command c, Actor who) {
            at = at.plusSeconds(3600);
            Dossier.Change ch = d.handle(c, who, at);
            d = ch.dossier();
            trail.add(ch.event());
            return this;
        }
    }

    @Test
    void aDossierFromTheNationalPortalRecordsItsOriginIdentitySupplementsDecisionAndReturn() {
        Walk w = new Walk(new Facts.Intake(Facts.Origin.NATIONAL_PORTAL, Facts.VNEID));
        assertEquals(Facts.Channel.ONLINE, w.d.facts().channel());
        assertTrue(w.d.facts().identityVerified());
        assertEquals("NATIONAL_PORTAL", w.trail.getFirst().details().get("origin"));

        w.then(new Command.Submit("{}", 1), Actor.citizen("u1"));
        Instant firstSubmission = w.at;
        // at validation: a supplement request before receipt (it stops no clock)
        w.then(new Command.RequestSupplement(List.of("Bản sao giấy phép")), Actor.system("validation"));
        assertTrue(w.d.facts().openSupplement().isPresent());
        w.then(new Command.Resubmit("{}", 2), Actor.citizen("u1"));
        w.then(new Command.Receive("000.00.12.G17-260302-0001", LocalDate.of(2026, 3, 16), "reception", "MOTCUA", null), Actor.system("validation"));
        w.then(new Command.StartProcessing("appraisal", "LUHANH", LocalDate.of(2026, 3, 12)), desk);
        Instant asked = w.at.plusSeconds(3600);
        w.then(new Command.RequestSupplement(List.of("Xác nhận ký quỹ")), specialist);
        Instant answered = w.at.plusSeconds(3600);
        w.then(new Command.Resubmit("{}", 3), Actor.citizen("u1"));
        assertEquals(firstSubmission, w.d.facts().submittedAt(), "a resubmission keeps the first submission date");
        w.then(new Command.ReceiveSupplement("000.00.12.G17-260302-0001", LocalDate.of(2026, 3, 18), "appraisal", "LUHANH", null), Actor.system("validation"));
        w.then(new Command.StartProcessing("appraisal", "LUHANH", LocalDate.of(2026, 3, 17)), specialist);
        w.then(new Command.Approve("đạt"), leader);
        Instant decided = w.at;
        w.then(new Command.ReturnResult("online"), Actor.citizen("u1"));

        Facts f = w.d.facts();
        assertEquals(2, f.supplements().size());
        assertFalse(f.supplements().get(0).afterReceipt());
        assertEquals(new Facts.Supplement(asked, true, answered), f.supplements().get(1));
        assertTrue(f.openSupplement().isEmpty());
        assertEquals(decided, f.endedAt());
        assertNull(f.refusedAt());
        assertEquals(w.at, f.returnedAt());
        assertEquals("online", f.returnChannel());
        assertEquals(f, Facts.fromTrail(w.trail), "recorded move by move = read back from the trail");
    }

    @Test
    void aRefusalEndsHandlingAndAWithdrawalIsItsOwnFact() {
        Walk refused = new Walk(Facts.Intake.portal(null));
        refused.then(new Command.Submit("{}", 1), Actor.citizen("u1"))
                .then(new Command.Receive("000.00.12.G17-260302-0002", LocalDate.of(2026, 3, 16), "reception", "MOTCUA", null), Actor.system("validation"))
                .then(new Command.Refuse("Không thuộc thẩm quyền"), desk);
        assertEquals(refused.at, refused.d.facts().refusedAt());
        assertEquals(refused.at, refused.d.facts().endedAt());
        assertFalse(refused.d.facts().identityVerified(), "no national identity recorded: not counted as verified");
        assertEquals(Facts.Origin.MINISTRY_PORTAL, refused.d.facts().origin());
        assertEquals(refused.d.facts(), Facts.fromTrail(refused.trail));

        Walk withdrawn = new Walk(new Facts.Intake(Facts.Origin.ONE_STOP_DESK, null));
        withdrawn.then(new Command.Submit("{}", 1), Actor.citizen("u1")).then(new Command.Withdraw("Nộp nhầm"), Actor.citizen("u1"));
        assertEquals(Facts.Channel.DIRECT, withdrawn.d.facts().channel());
        assertEquals(withdrawn.at, withdrawn.d.facts().withdrawnAt());
        assertNull(withdrawn.d.facts().endedAt(), "a withdrawal is not a decision");
        assertEquals(withdrawn.d.facts(), Facts.fromTrail(withdrawn.trail));
    }

    @Test
    void aDossierStoredBeforeFactsKeepsNoneUntilReadFromItsTrailAndTheOldTrailReadsAsThisPortal() {
        // a trail written before the create entry carried an origin reads as this portal, online, unverified
        AuditEvent oldCreate = new AuditEvent("d0", t0, "u1", Role.CITIZEN, "create", null, DossierStatus.DRAFT, null,
                Map.of("procedureCode", "BVHTTDL-DL-001", "procedureVersion", "1"));
        Facts old = Facts.fromTrail(List.of(oldCreate));
        assertEquals(Facts.Origin.MINISTRY_PORTAL, old.origin());
        assertNull(old.verifiedBy());
        assertEquals(Facts.Origin.POST, Facts.Origin.parse("post"));
        assertNull(Facts.Origin.parse("pigeon"));
    }

    @Test
    void theOwnerIsKnownByTheEnterpriseCodeForABusinessElseThePersonalId() {
        assertEquals(new Facts.OwnerId(Facts.IdType.PERSONAL_ID, "001099012345"), Facts.OwnerId.of(person));
        assertEquals(new Facts.OwnerId(Facts.IdType.ENTERPRISE_CODE, "0101234567"),
                Facts.OwnerId.of(new Applicant("Công ty A", "001099012345", "0101234567", null, null, null)));
        assertEquals(Facts.IdType.NONE, Facts.OwnerId.of(new Applicant("A", null, " ", null, null, null)).type());
    }
}
