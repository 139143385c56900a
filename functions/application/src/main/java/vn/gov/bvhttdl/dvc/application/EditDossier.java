package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;
import java.util.Map;

/** The applicant corrects the applicant's data and the e-form of an editable dossier (checked against its procedure's form). */
public final class EditDossier {
    private final Dossiers dossiers;
    private final Rules rules;
    private final Clock clock;

    public EditDossier(Dossiers dossiers, Rules rules, Clock clock) {
        this.dossiers = dossiers;
        this.rules = rules;
        this.clock = clock;
    }

    /** {@code form} null keeps the form as it is. */
    public Dossier edit(Actor actor, VerifiedIdentity identity, String id, Applicant typed, Map<String, String> form) {
        Dossier d = Access.owned(dossiers, actor, id);
        Procedure p = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElseThrow(() -> new DomainException(
                DomainException.Kind.INVALID, "unknown-procedure", new Text("Không có thủ tục mã \"" + Limits.clip(d.procedureCode()) + "\".",
                "No procedure with code \"" + Limits.clip(d.procedureCode()) + "\".")));
        Dossier.Change c = d.editDraft(p, identity.applicant(typed), form == null ? d.form() : form, clock.instant());
        dossiers.save(c);
        return c.dossier();
    }
}
