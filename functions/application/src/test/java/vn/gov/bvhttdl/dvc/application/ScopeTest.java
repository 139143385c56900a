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

/** An official acts only on the dossiers of their own agency; to anyone else a dossier does not exist. */
class ScopeTest {
    final Instant t0 = Instant.parse("2026-03-02T03:00:00Z");
    final InMemoryDossiers dossiers = new InMemoryDossiers();

    @Test
    void theMatrixOfAgenciesForASupplementRequest() {
        // a received dossier of each of two agencies
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (String code : List.of("BVHTTDL-DL-003", "BVHTTDL-NT-002")) {
            var p = ProcedureCatalogue.load().find(code).orElseThrow();
            Dossier.Change c = Dossier.draft("d-" + code, p, "owner", new Applicant("A", "001099000111", null, null, "0912000111", null), Map.of(), t0);
            dossiers.create(c);
            Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner"), t0);
            dossiers.save(s);
            dossiers.save(s.dossier().handle(new Command.Receive(p.receivingUnitCode() + "-260302-000" + (ids.size() + 1), LocalDate.of(2026, 3, 9), "reception", "MOTCUA", null),
                    Actor.system("validation"), t0));
            ids.put(p.agencyCode(), c.dossier().id());
        }
        RequestSupplement ask = new RequestSupplement(dossiers, new vn.gov.bvhttdl.dvc.application.fakes.BundledRules(), Clock.fixed(t0, ZoneOffset.UTC));
        for (String agencyOfOfficial : List.of("CDLQG", "CNTBD", "OTHER")) {
            for (Map.Entry<String, String> dossier : ids.entrySet()) {
                Actor official = Actor.official("o-" + agencyOfOfficial, agencyOfOfficial, "MOTCUA", vn.gov.bvhttdl.dvc.domain.Post.ONE_STOP);
                if (agencyOfOfficial.equals(dossier.getKey())) {
                    assertEquals(DossierStatus.AWAITING_SUPPLEMENT, ask.request(official, dossier.getValue(), List.of("Thiếu chữ ký")).status());
                } else {
                    DomainException e = assertThrows(DomainException.class, () -> ask.request(official, dossier.getValue(), List.of("x")));
                    assertEquals(DomainException.Kind.NOT_FOUND, e.kind(), agencyOfOfficial + " on " + dossier.getKey());
                }
            }
        }
        DomainException none = assertThrows(DomainException.class,
                () -> ask.request(Actor.official("o-none", null, null, vn.gov.bvhttdl.dvc.domain.Post.ONE_STOP), ids.get("CDLQG"), List.of("x")));
        assertEquals(DomainException.Kind.NOT_FOUND, none.kind(), "an official without an agency reaches nothing");
        DomainException citizen = assertThrows(DomainException.class,
                () -> ask.request(new Actor("owner", vn.gov.bvhttdl.dvc.domain.Role.CITIZEN, "CDLQG", null), ids.get("CDLQG"), List.of("x")));
        assertEquals(DomainException.Kind.NOT_FOUND, citizen.kind(), "a citizen claiming an agency reaches no official's move");
    }
}
