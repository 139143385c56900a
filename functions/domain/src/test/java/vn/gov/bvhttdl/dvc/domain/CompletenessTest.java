package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** An upload authorised but never sent must not block submission for good (issue #7, defect 4). */
class CompletenessTest {
    final Procedure p = ProcedureCatalogue.load().find("BVHTTDL-DL-003").orElseThrow();
    final Instant t0 = Instant.parse("2026-03-02T02:00:00Z");
    final Dossier d = Dossier.draft("d1", p, "u1", new Applicant("A", "001099012345", null, null, "0912345678", null), EFormsTest.complete(p), t0).dossier();
    final String component = p.components().get(0).code();

    Attachment file(Attachment.Status s, Instant at) {
        return new Attachment("d1", "dossiers/d1/" + component + "/" + java.util.UUID.randomUUID(), component, "a.pdf",
                "application/pdf", 10, s, null, null, null, null, at, null);
    }

    Completeness.State state(List<Attachment> files, Instant now) {
        return Completeness.check(p, d, files, now).items().stream().filter(i -> component.equals(i.componentCode())).findFirst().orElseThrow().state();
    }

    @Test
    void aPendingUploadCountsOnlyWhileItsLinkLivesAndNeverAgainstAnAcceptedFile() {
        Attachment pending = file(Attachment.Status.PENDING, t0);
        assertEquals(Completeness.State.PENDING, state(List.of(pending), t0.plusSeconds(60)));
        assertEquals(Completeness.State.MISSING, state(List.of(pending), t0.plus(Attachment.LINK_LIFETIME).plusSeconds(120)),
                "an expired authorisation is as if it never was");
        Attachment accepted = file(Attachment.Status.ACCEPTED, t0.plusSeconds(30));
        assertEquals(Completeness.State.OK, state(List.of(pending, accepted), t0.plusSeconds(60)));
        assertTrue(Completeness.check(p, d, List.of(pending, accepted), t0.plusSeconds(60)).complete());
        assertEquals(Completeness.State.MISSING, state(List.of(pending.cancelled(t0.plusSeconds(5))), t0.plusSeconds(60)),
                "a cancelled upload counts for nothing");
    }
}
