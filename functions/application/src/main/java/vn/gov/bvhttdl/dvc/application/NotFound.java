package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Text;

/** The one "no such dossier" of the use cases: the same for a dossier that does not exist and one the actor may not see. */
final class NotFound {
    private NotFound() {}

    static DomainException dossier(String ref) {
        return new DomainException(DomainException.Kind.NOT_FOUND, "dossier-not-found",
                new Text("Không tìm thấy hồ sơ \"" + Limits.clip(ref) + "\" trong tài khoản của bạn.",
                        "No dossier \"" + Limits.clip(ref) + "\" in your account."));
    }
}
