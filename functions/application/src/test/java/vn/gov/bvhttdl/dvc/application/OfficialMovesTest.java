package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Processing to a decision on the in-memory ports. */
class OfficialMovesTest {
    final Instant t0 = Instant.parse("2026-03-02T03:00:00Z");
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final OfficialMoves moves = new OfficialMoves(dossiers, Clock.fixed(t0, ZoneOffset.UTC));
    final Actor official = Actor.official("mc-1", "CDLQG", "MOTCUA");

    String received() {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-003").orElseThrow();
        Dossier.Change c = Dossier.draft("d-" + System.nanoTime(), p, "owner", new Applicant("A", "001099000111", null, null, "0912000111", null), Map.of(), t0);
        dossiers.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner"), t0);
        dossiers.save(s);
        dossiers.save(s.dossier().handle(new Command.Receive("000.00.12.G17-260302-0001", LocalDate.of(2026, 3, 9)), Actor.system("v"), t0));
        return c.dossier().id();
    }

    @Test
    void receivedThenProcessedThenApproved() {
        String id = received();
        assertEquals(List.of("request-supplement", "start-processing", "refuse"), OfficialMoves.offered(dossiers.find(id).orElseThrow(), official));
        assertEquals(DossierStatus.IN_PROCESSING, moves.startProcessing(official, id).status());
        assertEquals(List.of("request-supplement", "approve", "refuse"), OfficialMoves.offered(dossiers.find(id).orElseThrow(), official));
        Dossier done = moves.approve(official, id, "Đủ điều kiện");
        assertEquals(DossierStatus.RESULT_READY, done.status());
        assertEquals(List.of(), OfficialMoves.offered(done, official));
        assertEquals("approve", dossiers.history(id).get(dossiers.history(id).size() - 1).action());
        assertEquals(DomainException.Kind.CONFLICT, assertThrows(DomainException.class, () -> moves.approve(official, id, null)).kind(),
                "approving twice is not a move");
    }

    @Test
    void aRefusalNeedsItsReasonAndIsRecordedWithForm03() {
        String id = received();
        DomainException e = assertThrows(DomainException.class, () -> moves.refuse(official, id, " "));
        assertEquals("refuse.reason", e.errors().get(0).field());
        Dossier refused = moves.refuse(official, id, "Doanh nghiệp không đủ điều kiện ký quỹ");
        assertEquals(DossierStatus.REFUSED, refused.status());
        assertEquals("03", dossiers.history(id).get(dossiers.history(id).size() - 1).details().get("template"));
    }

    @Test
    void anotherAgencyOrACitizenCannotMoveIt() {
        String id = received();
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> moves.startProcessing(Actor.official("x", "CNTBD", "MOTCUA"), id)).kind());
        assertEquals(List.of(), OfficialMoves.offered(dossiers.find(id).orElseThrow(), Actor.official("x", "CNTBD", "MOTCUA")));
        assertEquals(DomainException.Kind.CONFLICT, assertThrows(DomainException.class,
                () -> moves.startProcessing(new Actor("owner", vn.gov.bvhttdl.dvc.domain.Role.CITIZEN, "CDLQG", null), id)).kind());
    }
}
