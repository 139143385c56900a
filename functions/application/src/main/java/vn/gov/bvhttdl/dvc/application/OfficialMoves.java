package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The moves an official makes on a dossier of their agency, one method per move: take it into processing, approve
 * it, refuse it with the reason (form 03). The workflow data says from which status and for which role each is
 * allowed; a dossier of another agency does not exist for the official; two officials moving the same dossier at
 * once: one wins, the other gets CONFLICT with nothing stored.
 */
public final class OfficialMoves {
    /** The moves the officials' API offers now (the workflow knows more; they come with the rest of issue #10). */
    public static final Set<String> OFFERED = Set.of("request-supplement", "start-processing", "approve", "refuse");

    private final Dossiers dossiers;
    private final Clock clock;

    public OfficialMoves(Dossiers dossiers, Clock clock) {
        this.dossiers = dossiers;
        this.clock = clock;
    }

    public Dossier startProcessing(Actor official, String id) {
        return move(official, id, new Command.StartProcessing());
    }

    public Dossier approve(Actor official, String id, String note) {
        if (note != null && note.length() > Limits.MAX_REASON) throw tooLong("note");
        return move(official, id, new Command.Approve(note));
    }

    public Dossier refuse(Actor official, String id, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            Text t = new Text("Nêu rõ lý do từ chối (mẫu 03).", "Give the reason for the refusal (form 03).").at("refuse.reason");
            throw new DomainException(DomainException.Kind.INVALID, "reason-required", t, List.of(t));
        }
        if (why.length() > Limits.MAX_REASON) throw tooLong("refuse.reason");
        return move(official, id, new Command.Refuse(why));
    }

    private static DomainException tooLong(String field) {
        Text t = new Text("Tối đa " + Limits.MAX_REASON + " ký tự.", "At most " + Limits.MAX_REASON + " characters.").at(field);
        return new DomainException(DomainException.Kind.INVALID, "text-too-long", t, List.of(t));
    }

    /** The moves of {@link #OFFERED} that {@code official} may make on {@code d} now. */
    public static List<String> offered(Dossier d, Actor official) {
        if (!Access.inScope(official, d)) return List.of();
        return d.allowedActions(official.role()).stream().filter(OFFERED::contains).toList();
    }

    private Dossier move(Actor official, String id, Command command) {
        Dossier d = Access.inScope(dossiers, official, id);
        Dossier.Change c = d.handle(command, official, clock.instant());
        dossiers.save(c);
        return c.dossier();
    }
}
