package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;
import vn.gov.bvhttdl.dvc.domain.Dossier;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A citizen or organisation signed in with the national identity (VNeID) takes the dossiers they submitted on the
 * National Public Service Portal ({@link ReceiveFromNationalPortal}: held under their verified identifier until then)
 * into their account, when they open their list. Only a VNeID verification counts: an account of this system's user
 * pool (the development sign-in offline) claims nothing, whatever ID it carries. Each dossier passes once, by a
 * conditional write from the version read ({@link Dossiers#save}); a request that loses the race leaves it to the
 * winner, or to the next listing.
 */
public final class ClaimInboundDossiers {
    public static final Actor ACTOR = Actor.system("national-inbox-claim");

    private final Dossiers dossiers;
    private final WorkQueues lists;
    private final Clock clock;

    public ClaimInboundDossiers(Dossiers dossiers, WorkQueues lists, Clock clock) {
        this.dossiers = dossiers;
        this.lists = lists;
        this.clock = clock;
    }

    /** The dossiers {@code applicant} took into their account now (empty when there was nothing to take). */
    public List<Dossier> claim(Actor applicant, VerifiedIdentity identity) {
        if (identity == null || identity.verifiedBy() != VerifiedIdentity.VerifiedBy.VNEID) return List.of();
        String id = identity.applicantId();
        if (id == null || id.isBlank() || applicant.subject().startsWith(Command.Claim.UNCLAIMED)) return List.of();
        String unclaimed = Command.Claim.unclaimed(id);
        List<Dossier> out = new ArrayList<>();
        for (Dossier listed : lists.byOwner(unclaimed, 100)) {
            // the index may lag: the dossier itself decides (still unclaimed, and this identity is its applicant)
            Dossier d = dossiers.find(listed.id()).orElse(null);
            if (d == null || !d.ownerId().equals(unclaimed) || !id.equals(d.ownerIdentifier().value())) continue;
            try {
                Dossier.Change c = d.handle(new Command.Claim(applicant.subject()), ACTOR, clock.instant());
                dossiers.save(c);
                out.add(c.dossier());
            } catch (ConcurrentChange lost) {
                // claimed by another request of the same person, or moved at the desk meanwhile: the next listing tries again
            }
        }
        return List.copyOf(out);
    }
}
