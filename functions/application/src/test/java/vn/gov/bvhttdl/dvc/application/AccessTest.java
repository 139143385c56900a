package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Process;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Role;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Who sees a dossier follows where it has actually been: for each way a dossier can go (draft, submitted, received,
 * refused at the desk, withdrawn at the desk, in processing, refused by the unit, withdrawn in processing, approved),
 * exactly the desk and the units it reached, never a draft, never a unit it did not get to.
 */
class AccessTest {
    final Instant t0 = Instant.parse("2026-03-02T03:00:00Z");
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final Rules rules = new BundledRules();
    final Clock clock = Clock.fixed(t0, ZoneOffset.UTC);
    final OfficialMoves moves = new OfficialMoves(dossiers, dossiers, rules, clock);
    final Actor desk = Actor.official("mc-1", "CDLQG", "MOTCUA", Post.ONE_STOP);
    final Actor specialist = Actor.official("lh-1", "CDLQG", "LUHANH", Post.SPECIALIST);
    final Actor leader = Actor.official("lh-lead", "CDLQG", "LUHANH", Post.LEADER);
    final List<String> units = List.of("MOTCUA", "LUHANH", "LUUTRU");

    String draft() {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier.Change c = Dossier.draft("d-" + System.nanoTime(), p, "owner",
                new Applicant("A", "001099000111", null, null, "0912000111", null), Map.of(), t0);
        dossiers.create(c);
        return c.dossier().id();
    }

    String submitted() {
        String id = draft();
        dossiers.save(get(id).handle(new Command.Submit("{}", 0), Actor.citizen("owner"), t0));
        return id;
    }

    String received() {
        String id = submitted();
        Process.Stage first = Process.of(ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow()).first();
        dossiers.save(get(id).handle(new Command.Receive("000.00.12.G17-260302-0001", LocalDate.of(2026, 3, 16),
                first.code(), first.unit(), LocalDate.of(2026, 3, 3)), Actor.system("v"), t0));
        return id;
    }

    String inProcessing() {
        String id = received();
        moves.startProcessing(desk, id);
        return id;
    }

    Dossier get(String id) { return dossiers.find(id).orElseThrow(); }

    Set<String> seenBy(String id) {
        Set<String> out = new TreeSet<>();
        for (String unit : units) {
            for (Post post : Post.values()) {
                if (Access.inScope(rules, Actor.official("x", "CDLQG", unit, post), get(id))) out.add(unit);
            }
        }
        assertFalse(Access.inScope(rules, Actor.official("y", "CDSVH", "CHUYENMON", Post.LEADER), get(id)), "another agency");
        assertFalse(Access.inScope(rules, Actor.citizen("owner"), get(id)), "not an official");
        return out;
    }

    @Test
    void aDraftIsTheApplicantsAlone() {
        String id = draft();
        assertEquals(Set.of(), seenBy(id));
        dossiers.save(get(id).handle(new Command.Withdraw("không nộp nữa"), Actor.citizen("owner"), t0));
        assertEquals(Set.of(), seenBy(id), "a withdrawn draft was never sent to anyone");
    }

    @Test
    void theDeskFromSubmissionOn() {
        assertEquals(Set.of("MOTCUA"), seenBy(submitted()));
        assertEquals(Set.of("MOTCUA"), seenBy(received()));
    }

    @Test
    void refusedOrWithdrawnAtTheDeskNeverReachesTheUnit() {
        String refused = received();
        moves.refuse(desk, refused, "Không thuộc thẩm quyền");
        assertEquals(Set.of("MOTCUA"), seenBy(refused));

        String withdrawn = received();
        dossiers.save(get(withdrawn).handle(new Command.Withdraw("thôi"), Actor.citizen("owner"), t0));
        assertEquals(Set.of("MOTCUA"), seenBy(withdrawn));
    }

    @Test
    void theUnitOnceAStepBroughtItThereAndAfterwards() {
        String id = inProcessing();
        assertEquals(Set.of("MOTCUA", "LUHANH"), seenBy(id));
        moves.assign(specialist, id, null, null);
        moves.refuse(leader, id, "Không đủ điều kiện");
        assertEquals(Set.of("MOTCUA", "LUHANH"), seenBy(id), "a refusal by the unit keeps it visible to who had it");

        String withdrawn = inProcessing();
        dossiers.save(get(withdrawn).handle(new Command.Withdraw("thôi"), Actor.citizen("owner"), t0));
        assertEquals(Set.of("MOTCUA", "LUHANH"), seenBy(withdrawn));
    }

    @Test
    void aConsultedUnitSeesOnlyTheConsultation() {
        String id = inProcessing();
        moves.assign(specialist, id, null, null);
        moves.consult(specialist, id, "CDLQG", "LUUTRU", "Ý kiến?", null, null);
        assertEquals(Set.of("MOTCUA", "LUHANH"), seenBy(id), "LUUTRU is consulted, not in scope");
        assertTrue(Access.consulted(Actor.official("lt", "CDLQG", "LUUTRU", Post.SPECIALIST), get(id)));
    }

    @Test
    void aDossierStoredBeforeTheUnitsWereRecordedGetsThemFromItsTrail() {
        String id = inProcessing();
        moves.assign(specialist, id, null, null);
        moves.consult(specialist, id, "CDLQG", "LUUTRU", "Ý kiến?", null, null);
        moves.answer(Actor.official("lt", "CDLQG", "LUUTRU", Post.LEADER), id, "Đồng ý");
        List<AuditEvent> trail = dossiers.history(id);
        assertEquals(List.of("MOTCUA", "LUHANH"), Dossier.reachedFrom(trail, get(id).processing()),
                "the desk and the unit that moved it; the consulted unit's answer does not make it reached");
        assertEquals(get(id).reached(), Dossier.reachedFrom(trail, get(id).processing()));
        assertTrue(trail.stream().anyMatch(e -> e.role() == Role.OFFICIAL));
    }
}
