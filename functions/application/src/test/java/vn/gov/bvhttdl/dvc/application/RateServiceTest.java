package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemorySurveyAnswers;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Survey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The survey: open from the receipt (and again at a supplement request, the refusal, the result); the computed criteria
 * from the record; one answer, a later one replacing it, editable for the window from the latest moment.
 */
class RateServiceTest {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T03:00:00Z"));
    final Clock clock = new Clock() {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId z) { return this; }
        @Override public Instant instant() { return now.get(); }
    };
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final InMemorySurveyAnswers answers = new InMemorySurveyAnswers();
    final vn.gov.bvhttdl.dvc.application.fakes.RecordingMetrics metrics = new vn.gov.bvhttdl.dvc.application.fakes.RecordingMetrics();
    final RateService rate = new RateService(dossiers, new BundledRules(), answers, clock, metrics);
    final Actor owner = Actor.citizen("owner-s");

    /** A DL-003 dossier received, supplemented once, refused before its appointment date. */
    String refusedAfterASupplement() {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-003").orElseThrow();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, "owner-s",
                new Applicant("Vũ Thị Thu", "001099000111", null, null, "0912000111", null), Map.of(), now.get());
        dossiers.create(c);
        Dossier d = c.dossier();
        d = save(d.handle(new Command.Submit("{}", 0), owner, now.get()));
        d = save(d.handle(new Command.Receive("000.00.12.G17-261201-0009", LocalDate.of(2026, 12, 8), "reception", "MOTCUA", LocalDate.of(2026, 12, 2)),
                Actor.system("validation"), now.get()));
        Actor desk = Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP);
        d = save(d.handle(new Command.RequestSupplement(List.of("Thiếu chữ ký")), desk, now.get()));
        d = save(d.handle(new Command.Resubmit("{}", 1), owner, now.get()));
        d = save(d.handle(new Command.ReceiveSupplement("000.00.12.G17-261201-0009", LocalDate.of(2026, 12, 8), "reception", "MOTCUA", LocalDate.of(2026, 12, 2)),
                Actor.system("validation"), now.get()));
        save(d.handle(new Command.Refuse("Không đủ điều kiện"), desk, now.get()));
        return c.dossier().id();
    }

    Dossier save(Dossier.Change ch) {
        dossiers.save(ch);
        return ch.dossier();
    }

    @Test
    void theCriteriaComeFromTheRecordAndTheApplicantRatesOnceEditableForTheWindow() {
        String id = refusedAfterASupplement();
        RateService.View v = rate.view(owner, id);
        assertTrue(v.open());
        Map<String, Integer> s = new java.util.LinkedHashMap<>();
        v.criteria().forEach(x -> s.put(x.code(), x.score()));
        assertEquals(2, s.get("total-time"), "decided on 1 Dec, appointment 8 Dec: early");
        assertEquals(2, s.get("completion-contacts"), "indicator 3: the one supplement request was the applicant's fault (the default): not counted");
        assertEquals(2, s.get("contacted-bodies"), "indicator 4: submitted on the portal, nothing collected at a desk");
        assertEquals(2, s.get("publicity"), "indicator 6: DL-003 is in the public catalogue with its legal basis");
        assertEquals(2, s.get("conduct"), "indicator 7: decided early, no complaint on record");
        assertEquals(List.of("total-time", "unit-time", "completion-contacts", "contacted-bodies", "publicity", "conduct"), List.copyOf(s.keySet()),
                "the per-dossier indicators 1, 2, 3, 4, 6, 7 of Circular 01/2018/TT-VPCP Art 14; no agency-level rate scored per dossier");
        assertEquals(Survey.rules().criteria().size(), v.criteria().size());
        assertNull(v.answer());

        RateService.View a = rate.answer(owner, id, "SATISFIED", "Cán bộ hướng dẫn tận tình");
        assertEquals("SATISFIED", a.answer().rating());
        assertEquals(a.computed() + 1, answers.scores.get(id), "the total stored with the answer: computed + the rating's 1");
        now.set(now.get().plusSeconds(86400 * 10));
        assertEquals("VERY_SATISFIED", rate.answer(owner, id, "VERY_SATISFIED", null).answer().rating(), "changed within the window");
        assertEquals(java.util.List.of(ServiceMetrics.Count.of(ServiceMetrics.SURVEY_ANSWERED, dossiers.find(id).orElseThrow().agencyCode())
                .with(ServiceMetrics.RATING, "SATISFIED")), metrics.counts(), "answered once, by its first rating: a change is not counted again");
        now.set(now.get().plusSeconds(86400 * 30));
        assertEquals("survey-closed", assertThrows(DomainException.class, () -> rate.answer(owner, id, "DISSATISFIED", null)).problem());
        assertEquals("VERY_SATISFIED", rate.view(owner, id).answer().rating());
        // the agency's month: one answer, its points (the first rating's replaced by the second), the ratings
        var q = rate.quality(Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP), "2026-12", "2026-12");
        assertEquals(1, q.size());
        assertEquals(1, q.get(0).answers());
        assertEquals(a.computed() + 2, q.get(0).points(), "computed + very satisfied's 2, the first answer's 1 taken out");
        assertEquals(a.max(), q.get(0).max());
        assertEquals(1L, q.get(0).ratings().get("VERY_SATISFIED"));
        assertEquals(0L, q.get(0).ratings().get("SATISFIED"));
        assertEquals(List.of(), rate.quality(Actor.official("x", "CNTBD", "MOTCUA", Post.ONE_STOP), "2026-12", "2026-12"), "another agency's figures are its own");
        assertEquals("officials-only", assertThrows(DomainException.class, () -> rate.quality(owner, "2026-12", "2026-12")).problem());
        // an official of the agency sees it; another citizen does not
        assertEquals("VERY_SATISFIED", rate.view(Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP), id).answer().rating());
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class, () -> rate.view(Actor.citizen("other"), id)).kind());
    }

    @Test
    void theSurveyOpensAtTheReceiptAndEachLaterMomentOpensTheWindowAgain() {
        // Circular 01/2018/TT-VPCP Art 12(2) as the issue reads it (unconfirmed): receipt, supplement request, refusal, result
        assertEquals(List.of("receive", "receive-supplement", "request-supplement", "refuse", "return-result", "close"),
                Survey.rules().opensAt().stream().map(Survey.Moment::move).toList());
        assertEquals("Điều 12 khoản 2", Survey.rules().opensAtBasis().article());
        assertFalse(Survey.rules().opensAtBasis().confirmed());
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-003").orElseThrow();
        Instant t0 = now.get();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, "owner-s", new Applicant("Vũ Thị Thu", "001099000111", null, null, "0912000111", null), Map.of(), t0);
        dossiers.create(c);
        Dossier d = save(c.dossier().handle(new Command.Submit("{}", 0), owner, t0));
        assertFalse(rate.view(owner, d.id()).open(), "submitted, not yet received");
        d = save(d.handle(new Command.Receive("000.00.12.G17-261201-0010", LocalDate.of(2026, 12, 8), "reception", "MOTCUA", LocalDate.of(2026, 12, 2)),
                Actor.system("validation"), t0));
        RateService.View atReceipt = rate.view(owner, d.id());
        assertTrue(atReceipt.open());
        assertEquals(t0, atReceipt.openedAt());
        assertEquals(t0.plus(Survey.rules().editWindow()), atReceipt.editableUntil());
        String id = d.id();
        assertEquals("DISSATISFIED", rate.answer(owner, id, "DISSATISFIED", "Chờ lâu").answer().rating());
        // 40 days on the window from the receipt has closed; the agency asks for a supplement: the window opens again
        now.set(t0.plusSeconds(86400 * 40));
        assertEquals("survey-closed", assertThrows(DomainException.class, () -> rate.answer(owner, id, "SATISFIED", null)).problem());
        save(dossiers.find(id).orElseThrow().handle(new Command.RequestSupplement(List.of("1. Thiếu chữ ký"), Command.RequestSupplement.Fault.AGENCY),
                Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP), now.get()));
        RateService.View again = rate.answer(owner, id, "SATISFIED", null);
        assertEquals("SATISFIED", again.answer().rating(), "the later answer replaces the earlier one");
        assertEquals(2, again.answer().version());
        assertEquals(t0, again.openedAt(), "opened at the first moment");
        assertEquals(now.get().plus(Survey.rules().editWindow()), again.editableUntil(), "changeable from the latest moment");
        // one answer per dossier in the agency's month (the month the survey first opened), the first taken out
        var q = rate.quality(Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP), "2026-12", "2026-12");
        assertEquals(1, q.get(0).answers());
        assertEquals(0L, q.get(0).ratings().get("DISSATISFIED"));
        assertEquals(1L, q.get(0).ratings().get("SATISFIED"));
        // indicator 3 counts the agency's fault only: this request was the agency's
        assertEquals(1, again.criteria().stream().filter(x -> x.code().equals("completion-contacts")).findFirst().orElseThrow().score());
    }

    @Test
    void indicator3CountsOnlyTheSupplementRequestsCausedByTheAgency() {
        Survey.Criterion k = Survey.rules().criteria().stream().filter(x -> x.code().equals("completion-contacts")).findFirst().orElseThrow();
        assertEquals(java.util.Set.of("AGENCY"), k.countsFaults());
        assertEquals("APPLICANT", k.faultWhenNotRecorded());
        String id = refusedAfterASupplement(); // one request, the applicant's fault by default
        Dossier d = dossiers.find(id).orElseThrow();
        var history = new java.util.ArrayList<>(dossiers.history(id));
        assertEquals("APPLICANT", history.stream().filter(e -> e.action().equals("request-supplement")).findFirst().orElseThrow().details().get("fault"));
        java.util.function.Function<List<vn.gov.bvhttdl.dvc.domain.AuditEvent>, Integer> contacts = h -> Survey.score(d, h, List.of(), null).stream()
                .filter(x -> x.code().equals("completion-contacts")).findFirst().orElseThrow().score();
        assertEquals(2, contacts.apply(history), "the applicant's fault: not a contact");
        // two more requests the agency caused (a second ask for what it could have asked the first time): counted
        var agency = new Command.RequestSupplement(List.of("1. Bản dịch"), Command.RequestSupplement.Fault.AGENCY);
        var e = new vn.gov.bvhttdl.dvc.domain.AuditEvent(id, now.get(), "mc", vn.gov.bvhttdl.dvc.domain.Role.OFFICIAL, agency.action(), null, null, agency.reason(), agency.details());
        history.add(e);
        assertEquals(1, contacts.apply(history), "one contact caused by the agency");
        history.add(e);
        assertEquals(0, contacts.apply(history), "more than one");
        // a request stored before the fault was recorded counts as the applicant's
        var old = new vn.gov.bvhttdl.dvc.domain.AuditEvent(id, now.get(), "mc", vn.gov.bvhttdl.dvc.domain.Role.OFFICIAL, "request-supplement", null, null, "x", Map.of("items", "1"));
        assertEquals(2, contacts.apply(List.of(old)));
    }

    @Test
    void closedUntilThereIsAResultAndABadRatingIsAClearError() {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-003").orElseThrow();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, "owner-s", new Applicant("Vũ Thị Thu", "001099000111", null, null, "0912000111", null), Map.of(), now.get());
        dossiers.create(c);
        assertFalse(rate.view(owner, c.dossier().id()).open());
        assertEquals("survey-not-open", assertThrows(DomainException.class, () -> rate.answer(owner, c.dossier().id(), "SATISFIED", null)).problem());
        String id = refusedAfterASupplement();
        DomainException bad = assertThrows(DomainException.class, () -> rate.answer(owner, id, "5 stars", null));
        assertEquals("invalid-rating", bad.problem());
        assertEquals("rating", bad.text().field());
        assertEquals("comment-too-long", assertThrows(DomainException.class, () -> rate.answer(owner, id, "SATISFIED", "x".repeat(2001))).problem());
        // half a UTF-16 pair (a JSON "\\udfff") cannot be stored: refused naming the field, before anything is written
        DomainException half = assertThrows(DomainException.class, () -> rate.answer(owner, id, "SATISFIED", "Tốt \udfff"));
        assertEquals("unstorable-text", half.problem());
        assertEquals("comment", half.text().field());
        assertNull(rate.view(owner, id).answer(), "nothing was stored");
        assertEquals("SATISFIED", rate.answer(owner, id, "SATISFIED", "Tốt \ud83d\ude00").answer().rating(), "a whole pair (an emoji) is text");
    }
}
