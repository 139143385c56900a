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
     * The dossier {@code id} if {@code official} may see it ({@link #inScope(Rules, Actor, Dossier)}); else the same
     * NOT_FOUND as for no dossier (an official of another agency or unit learns nothing about it).
     */
    static Dossier inScope(Dossiers dossiers, Rules rules, Actor official, String id) {
        return dossiers.find(id).filter(d -> inScope(rules, official, d)).orElseThrow(() -> noSuch(id));
    }

    /**
     * Whether {@code official} may see and act on {@code d}: the one decision for every officials' read and move. The
     * dossier belongs to the official's agency and has actually reached the official's unit: the one-stop desk from
     * submission on (never a draft), a specialist unit once a step brought the dossier to it ({@link Dossier#reached()}:
     * a dossier refused at the desk or withdrawn before it got there never reaches it). An official without an agency
     * or unit reaches nothing. A consulted unit is not in scope: it sees what was sent to it
     * ({@link #consulted(Actor, Dossier)}).
     */
    public static boolean inScope(Rules rules, Actor official, Dossier d) {
        if (official.role() != vn.gov.bvhttdl.dvc.domain.Role.OFFICIAL || official.agency() == null || official.unit() == null
                || !official.agency().equals(d.agencyCode())) return false;
        return process(rules, d).map(p -> p.unitsReached(d, d.reached()).contains(official.unit())).orElse(false);
    }

    /** Whether {@code d}'s latest consultation was sent to {@code official}'s agency and unit (they see that part only). */
    public static boolean consulted(Actor official, Dossier d) {
        var c = d.processing() == null ? null : d.processing().consultation();
        return c != null && official.role() == vn.gov.bvhttdl.dvc.domain.Role.OFFICIAL
                && c.agency().equals(official.agency()) && c.unit().equals(official.unit());
    }

    /** The dossier {@code id} if it consulted {@code official}'s unit; else NOT_FOUND. */
    static Dossier consulted(Dossiers dossiers, Actor official, String id) {
        return dossiers.find(id).filter(d -> consulted(official, d)).orElseThrow(() -> noSuch(id));
    }

    /** The process of the procedure version {@code d} was created under. */
    public static java.util.Optional<vn.gov.bvhttdl.dvc.domain.Process> process(Rules rules, Dossier d) {
        return rules.catalogue().version(d.procedureCode(), d.procedureVersion()).flatMap(p -> {
            try {
                return java.util.Optional.of(vn.gov.bvhttdl.dvc.domain.Process.of(p));
            } catch (IllegalStateException noUnits) { // a procedure of an agency the organisation data does not list
                return java.util.Optional.empty();
            }
        });
    }

    static vn.gov.bvhttdl.dvc.domain.Process requireProcess(Rules rules, Dossier d) {
        return process(rules, d).orElseThrow(() -> DomainException.of("procedure-not-in-catalogue"));
    }

    static DomainException noSuch(String id) {
        return DomainException.of("dossier-not-found", "ref", id);
    }

    /** REFUSED {@code not-editable} unless the applicant may still change the dossier. */
    static void requireEditable(Dossier d, Text why) {
        if (!d.editable()) throw new DomainException(DomainException.Kind.REFUSED, "not-editable", why);
    }

    static DomainException dossier(String ref) {
        return DomainException.of("dossier-not-found", "ref", ref);
    }
}
