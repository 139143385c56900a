package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;

/** The applicant withdraws a dossier that is not finished, saying why; it is recorded like every move. */
public final class WithdrawDossier {
    private final Dossiers dossiers;
    private final Clock clock;

    public WithdrawDossier(Dossiers dossiers, Clock clock) {
        this.dossiers = dossiers;
        this.clock = clock;
    }

    public Dossier withdraw(Actor actor, String id, String reason) {
        Dossier d = Access.owned(dossiers, actor, id);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > Limits.MAX_REASON) {
            throw new DomainException(DomainException.Kind.INVALID, "reason-required",
                    new Text("Vui lòng nêu lý do rút hồ sơ (tối đa " + Limits.MAX_REASON + " ký tự).",
                            "Give the reason for withdrawing (" + Limits.MAX_REASON + " characters at most).").at("withdraw.reason"));
        }
        Dossier.Change c = d.handle(new Command.Withdraw(why), actor, clock.instant());
        dossiers.save(c);
        return c.dossier();
    }
}
