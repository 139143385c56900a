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

/** The survey: closed until the result is returned; the computed criteria from the record; one answer, editable for the window. */
class RateServiceTest {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T03:00:00Z"));
    final Clock clock = new Clock() {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId z) { return this; }
        @Override public Instant instant() { return now.get(); }
    };
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final InMemorySurveyAnswers answers = new InMemorySurveyAnswers();
    final RateService rate = new RateService(dossiers, new BundledRules(), answers, clock);
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
        assertEquals(1, s.get("completion-contacts"), "indicator 3: one supplement request");
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
