package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.RecordingMetrics;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Facts;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The business metrics of a dossier's moves: each once, from the facts, with only low-cardinality dimensions. */
class DossierMetricsTest {
    private final Procedure licence = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
    private final Applicant person = new Applicant("Nguyễn Văn An", "001099012345", null, "Hà Nội", null, "an@example.vn");
    private final Actor desk = Actor.official("o1", "CDLQG", "MOTCUA", Post.ONE_STOP);
    private final Actor specialist = Actor.official("o2", "CDLQG", "LUHANH", Post.SPECIALIST);
    private final Actor leader = Actor.official("o3", "CDLQG", "LUHANH", Post.LEADER);
    private final RecordingMetrics metrics = new RecordingMetrics();
    private Dossier d;
    private Instant at = Instant.parse("2026-03-02T02:00:00Z");

    private void start(Facts.Intake intake) {
        d = Dossier.draft("d1", licence, "u1", person, Map.of(), at, intake).dossier();
        metrics.count(DossierMetrics.between(null, d));
    }

    /** One stored change, as the stream delivers it: the metrics of the images before and after. */
    private void then(Command c, Actor who) {
        at = at.plusSeconds(3600);
        Dossier before = d;
        d = d.handle(c, who, at).dossier();
        metrics.count(DossierMetrics.between(before, d));
    }

    @Test
    void aDossierSupplementedTwiceIsSubmittedOnceReceivedOnceAndItsResultIssuedOnce() {
        start(new Facts.Intake(Facts.Origin.NATIONAL_PORTAL, Facts.VNEID));
        then(new Command.Submit("{}", 1), Actor.citizen("u1"));
        then(new Command.RequestSupplement(List.of("Bản sao giấy phép")), Actor.system("validation"));
        then(new Command.Resubmit("{}", 2), Actor.citizen("u1"));
        then(new Command.Receive("000.00.12.G17-260302-0001", LocalDate.of(2026, 3, 16), "reception", "MOTCUA", null), Actor.system("validation"));
        then(new Command.StartProcessing("appraisal", "LUHANH", LocalDate.of(2026, 3, 12)), desk);
        then(new Command.RequestSupplement(List.of("Xác nhận ký quỹ")), specialist);
        then(new Command.Resubmit("{}", 3), Actor.citizen("u1"));
        then(new Command.ReceiveSupplement("000.00.12.G17-260302-0001", LocalDate.of(2026, 3, 18), "appraisal", "LUHANH", null), Actor.system("validation"));
        then(new Command.StartProcessing("appraisal", "LUHANH", LocalDate.of(2026, 3, 17)), specialist);
        then(new Command.Approve("đạt"), leader);

        assertEquals(1, metrics.of(ServiceMetrics.DOSSIER_SUBMITTED), "a resubmission is no second submission");
        assertEquals(1, metrics.of(ServiceMetrics.DOSSIER_RECEIVED), "a receipt after a supplement is no second receipt");
        assertEquals(2, metrics.of(ServiceMetrics.SUPPLEMENT_REQUESTED));
        assertEquals(1, metrics.of(ServiceMetrics.RESULT_ISSUED));
        assertEquals(0, metrics.of(ServiceMetrics.DOSSIER_REFUSED));
        // approved before the appointment moved by the supplement, with one supplement request after receipt
        assertEquals(1, metrics.of(ServiceMetrics.DECIDED_ON_TIME));
        assertEquals(0, metrics.of(ServiceMetrics.DECIDED_LATE));
        ServiceMetrics.Count received = metrics.counts().stream().filter(c -> c.name().equals(ServiceMetrics.DOSSIER_RECEIVED)).findFirst().orElseThrow();
        assertEquals(Map.of(ServiceMetrics.AGENCY, d.agencyCode(), ServiceMetrics.CHANNEL, "ONLINE"), received.dimensions());
        // never personal data: only the port's dimensions, whose values are codes
        metrics.counts().forEach(c -> assertTrue(ServiceMetrics.DIMENSIONS.containsAll(c.dimensions().keySet())));
        metrics.counts().forEach(c -> assertTrue(!c.dimensions().containsValue(person.fullName()) && !c.dimensions().containsValue("d1")));
    }

    @Test
    void aRefusalAndAWithdrawalAreCountedByTheirOwnNames() {
        start(new Facts.Intake(Facts.Origin.ONE_STOP_DESK, null));
        then(new Command.Submit("{}", 1), Actor.citizen("u1"));
        then(new Command.Withdraw("không cần nữa"), Actor.citizen("u1"));
        assertEquals(1, metrics.of(ServiceMetrics.DOSSIER_WITHDRAWN));

        start(new Facts.Intake(Facts.Origin.POST, null));
        then(new Command.Submit("{}", 1), Actor.citizen("u1"));
        then(new Command.Receive("000.00.12.G17-260302-0002", LocalDate.of(2026, 3, 16), "reception", "MOTCUA", null), Actor.system("validation"));
        then(new Command.Refuse("thiếu điều kiện"), desk);
        assertEquals(1, metrics.of(ServiceMetrics.DOSSIER_REFUSED));
        assertEquals("POSTAL", metrics.counts().stream().filter(c -> c.name().equals(ServiceMetrics.DOSSIER_RECEIVED))
                .findFirst().orElseThrow().dimensions().get(ServiceMetrics.CHANNEL));
    }

    @Test
    void aDecisionAfterTheAppointmentIsLateAndAWithdrawalIsNoDecision() {
        start(new Facts.Intake(Facts.Origin.ONE_STOP_DESK, null));
        then(new Command.Submit("{}", 1), Actor.citizen("u1"));
        then(new Command.Withdraw("không cần nữa"), Actor.citizen("u1"));
        assertEquals(0, metrics.of(ServiceMetrics.DECIDED_ON_TIME) + metrics.of(ServiceMetrics.DECIDED_LATE), "a withdrawal ends no handling");

        start(new Facts.Intake(Facts.Origin.ONE_STOP_DESK, null));
        then(new Command.Submit("{}", 1), Actor.citizen("u1"));
        // the appointment is the day before the refusal (Vietnam time)
        then(new Command.Receive("000.00.12.G17-260302-0003", LocalDate.of(2026, 3, 1), "reception", "MOTCUA", null), Actor.system("validation"));
        then(new Command.Refuse("thiếu điều kiện"), desk);
        assertEquals(1, metrics.of(ServiceMetrics.DECIDED_LATE));
        assertEquals(0, metrics.of(ServiceMetrics.DECIDED_ON_TIME));
        Dossier before = d;
        assertEquals(List.of(), DossierMetrics.between(before, d), "the same version again decides nothing again");
    }

    @Test
    void theSameImagesTwiceCountNothingNew() {
        start(new Facts.Intake(Facts.Origin.MINISTRY_PORTAL, null));
        assertEquals(List.of(), DossierMetrics.between(d, d));
    }

    @Test
    void aMetricOrDimensionOutsideThePortIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ServiceMetrics.Count("Whatever", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new ServiceMetrics.Count(ServiceMetrics.NOTICE_SENT, Map.of("Citizen", "x")));
    }
}
