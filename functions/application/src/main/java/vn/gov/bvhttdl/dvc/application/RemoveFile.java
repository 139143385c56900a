package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;

/**
 * The applicant withdraws a file while the dossier is editable: cancels an upload still on its way (its link may
 * have been lost) or removes a judged file. It leaves the dossier's current set and stays on the record.
 */
public final class RemoveFile {
    private final Dossiers dossiers;
    private final Attachments attachments;
    private final Clock clock;

    public RemoveFile(Dossiers dossiers, Attachments attachments, Clock clock) {
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.clock = clock;
    }

    public Dossier remove(Actor actor, String dossierId, String uploadId) {
        Dossier d = Access.owned(dossiers, actor, dossierId);
        Access.requireEditable(d, new Text("Chỉ gỡ tệp khi hồ sơ đang soạn hoặc đang chờ bổ sung.", "Files can be removed only from a draft or a dossier awaiting a supplement."));
        Attachment a = attachments.attachments(d.id()).stream().filter(x -> x.uploadId().equals(uploadId) && x.status() != Attachment.Status.CANCELLED)
                .findFirst().orElseThrow(() -> DomainException.of("attachment-not-found", "ref", uploadId));
        attachments.cancelAttachment(a, actor.subject(), clock.instant());
        return d; // the dossier item itself is unchanged; its files and trail are read fresh
    }
}
