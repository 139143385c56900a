package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Completeness;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;
import java.util.List;

/**
 * The applicant submits (or, after a supplement request, resubmits) a dossier: the checklist first (all that is
 * missing, in one answer), then the move and the hand-over to reception. Submitting a dossier that is already
 * submitted and not yet received sends it again (reception is idempotent), so a lost message or a double click
 * loses nothing.
 */
public final class SubmitDossier {
    /** The dossier as it now is; {@code sentAgain} when it was already submitted and was only handed over again. */
    public record Result(Dossier dossier, boolean sentAgain) {}

    private final Dossiers dossiers;
    private final Attachments attachments;
    private final Rules rules;
    private final SubmissionQueue queue;
    private final Clock clock;

    public SubmitDossier(Dossiers dossiers, Attachments attachments, Rules rules, SubmissionQueue queue, Clock clock) {
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.rules = rules;
        this.queue = queue;
        this.clock = clock;
    }

    public Result submit(Actor actor, String id) {
        Dossier d = Access.owned(dossiers, actor, id);
        if (d.status() == DossierStatus.SUBMITTED) {
            queue.send(d.id(), d.version());
            return new Result(d, true);
        }
        Procedure p = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElseThrow(() -> new DomainException(
                DomainException.Kind.INVALID, "unknown-procedure", new Text("Không có thủ tục mã \"" + Limits.clip(d.procedureCode()) + "\".",
                "No procedure with code \"" + Limits.clip(d.procedureCode()) + "\".")));
        List<Attachment> files = attachments.attachments(d.id());
        if (d.editable()) {
            List<Text> missing = Completeness.check(p, d, files, clock.instant()).problems();
            if (!missing.isEmpty()) {
                throw new DomainException(DomainException.Kind.INVALID, "dossier-incomplete",
                        new Text("Hồ sơ chưa đủ (" + missing.size() + " mục). Xem danh sách bên dưới.",
                                "The dossier is incomplete (" + missing.size() + " items). See the list below."), missing);
            }
        }
        // every submitted version of the form is kept in the history
        String form = Json.write(d.sortedForm());
        Command command = d.status() == DossierStatus.AWAITING_SUPPLEMENT ? new Command.Resubmit(form, files.size()) : new Command.Submit(form, files.size());
        Dossier.Change c = d.handle(command, actor, clock.instant());
        dossiers.save(c);
        queue.send(c.dossier().id(), c.dossier().version());
        return new Result(c.dossier(), false);
    }
}
