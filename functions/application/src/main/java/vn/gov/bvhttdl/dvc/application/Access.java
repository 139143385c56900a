package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Text;

/** Who may reach which dossier in the use cases: one "no such dossier", the same for a dossier that does not exist and one the actor may not see. */
public final class Access {
    private Access() {}

    /** The dossier {@code id} if {@code actor} is its applicant; else the same NOT_FOUND as for no dossier at all. */
    static Dossier owned(Dossiers dossiers, Actor actor, String id) {
        return dossiers.find(id).filter(x -> x.ownerId().equals(actor.subject())).orElseThrow(() -> dossier(id));
    }

    /**
     * The dossier {@code id} if {@code official} works for its agency; else the same NOT_FOUND as for no dossier
     * (an official of another agency learns nothing about it). An official without an agency reaches nothing.
     */
    static Dossier inScope(Dossiers dossiers, Actor official, String id) {
        return dossiers.find(id).filter(d -> inScope(official, d)).orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND,
                "dossier-not-found", new Text("Không có hồ sơ " + Limits.clip(id) + ".", "No dossier " + Limits.clip(id) + ".")));
    }

    /** Whether {@code official} may see and act on {@code d}: the dossier belongs to the official's agency. */
    public static boolean inScope(Actor official, Dossier d) {
        return official.agency() != null && official.agency().equals(d.agencyCode());
    }

    /** CONFLICT {@code not-editable} unless the applicant may still change the dossier. */
    static void requireEditable(Dossier d, Text why) {
        if (!d.editable()) throw new DomainException(DomainException.Kind.CONFLICT, "not-editable", why);
    }

    static DomainException dossier(String ref) {
        return new DomainException(DomainException.Kind.NOT_FOUND, "dossier-not-found",
                new Text("Không tìm thấy hồ sơ \"" + Limits.clip(ref) + "\" trong tài khoản của bạn.",
                        "No dossier \"" + Limits.clip(ref) + "\" in your account."));
    }
}
