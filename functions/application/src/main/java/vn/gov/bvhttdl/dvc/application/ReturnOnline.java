package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;

/**
 * The applicant takes an issued result online: the result (theirs, issued) is what they download, and the first
 * download returns the dossier's result (RESULT_READY → RESULT_RETURNED, once: a second download changes nothing).
 */
public final class ReturnOnline {
    private final Dossiers dossiers;
    private final Results results;
    private final Clock clock;

    public ReturnOnline(Dossiers dossiers, Results results, Clock clock) {
        this.dossiers = dossiers;
        this.results = results;
        this.clock = clock;
    }

    /** The result {@code number} of the applicant's dossier {@code id}; the dossier is returned if it was not. */
    public IssuedResult take(Actor applicant, String id, String number) {
        Dossier d = Access.owned(dossiers, applicant, id);
        IssuedResult r = results.ofDossier(d.id()).stream().filter(x -> x.number().equals(number)).findFirst()
                .orElseThrow(() -> DomainException.of("result-not-found", "ref", number));
        if (d.status() == DossierStatus.RESULT_READY && r.status() == IssuedResult.Status.VALID) {
            try {
                dossiers.save(d.handle(new Command.ReturnResult("online"), applicant, clock.instant()));
            } catch (vn.gov.bvhttdl.dvc.domain.ConcurrentChange downloadedTwice) {
                // downloaded twice at once: one of them returned it
            }
        }
        return r;
    }
}
