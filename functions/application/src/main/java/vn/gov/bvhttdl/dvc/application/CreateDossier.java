package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Facts;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * The applicant starts a dossier under the version of the procedure in force today (it keeps that version). With an
 * idempotency key, a retry or a double click returns the dossier the first request created, not a second one.
 */
public final class CreateDossier {
    /** The dossier; {@code replayed} when the key had already created it. */
    public record Result(Dossier dossier, boolean replayed) {}

    private final Dossiers dossiers;
    private final Rules rules;
    private final Clock clock;
    private final NoticeStore profiles;

    public CreateDossier(Dossiers dossiers, Rules rules, Clock clock) {
        this(dossiers, rules, null, clock);
    }

    /**
     * With the applicants' profiles: the e-mail of the creator's verified identity is kept there, so the notices of
     * a dossier with no e-mail of its own still reach the account's ({@link NotifyApplicant}).
     */
    public CreateDossier(Dossiers dossiers, Rules rules, NoticeStore profiles, Clock clock) {
        this.dossiers = dossiers;
        this.rules = rules;
        this.clock = clock;
        this.profiles = profiles;
    }

    /**
     * Where it comes in (this portal, online), whether VNeID verified the person, and for an organisation the person
     * who acts for it (its representative).
     */
    private static Facts.Intake intake(VerifiedIdentity identity) {
        VerifiedIdentity.Representative r = identity.representative();
        return new Facts.Intake(Facts.Origin.MINISTRY_PORTAL,
                identity.verifiedBy() == VerifiedIdentity.VerifiedBy.VNEID ? Facts.VNEID : null,
                r == null || r.idNumber() == null ? null : new Facts.Representative(r.name(), r.idNumber()));
    }

    public Result create(Actor actor, VerifiedIdentity identity, String procedureCode, Applicant typed, Map<String, String> form,
                         String idempotencyKey, String fingerprint) {
        if (procedureCode == null || procedureCode.isBlank()) {
            throw new DomainException(DomainException.Kind.INVALID, "procedure-required", new Text("Vui lòng chọn thủ tục.", "Choose a procedure."));
        }
        Procedure p = rules.catalogue().inForce(procedureCode, clock.instant().atZone(rules.calendar().zone()).toLocalDate())
                .orElseThrow(() -> new DomainException(DomainException.Kind.INVALID, "unknown-procedure",
                        new Text("Không có thủ tục mã \"" + Limits.clip(procedureCode) + "\" đang có hiệu lực.",
                                "No procedure with code \"" + Limits.clip(procedureCode) + "\" is in force.")));
        rememberAccountEmail(actor, identity);
        // the first facts the state counts: online on this portal, and whether VNeID verified the person (Decree 69/2024)
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, actor.subject(), identity.applicant(typed), form,
                clock.instant(), intake(identity));
        if (idempotencyKey == null) {
            dossiers.create(c);
            return new Result(c.dossier(), false);
        }
        String id = dossiers.createOnce(c, idempotencyKey, fingerprint);
        if (id.equals(c.dossier().id())) return new Result(c.dossier(), false);
        return new Result(Access.owned(dossiers, actor, id), true);
    }

    private void rememberAccountEmail(Actor actor, VerifiedIdentity identity) {
        if (profiles == null || identity == null || identity.email() == null || identity.email().isBlank()) return;
        String email = identity.email().strip();
        if (email.length() > 254 || email.indexOf('@') < 1) return; // not an address: nothing to keep
        profiles.rememberAccountEmail(actor.subject(), email);
    }
}
