package vn.gov.bvhttdl.dvc.domain;

import java.time.Instant;
import java.util.Map;

/** One line of a dossier's audit trail: who did what, when, from which state to which, and why. */
public record AuditEvent(String dossierId, Instant at, String actor, Role role, String action,
                         DossierStatus from, DossierStatus to, String reason, Map<String, String> details) {
    public AuditEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    private static final java.util.Set<String> PUBLIC_DETAILS = java.util.Set.of("code", "dueDate", "previousDueDate",
            "step", "toStep", "template", "items", "files", "form", "stepDue");

    /**
     * What the applicant sees of this entry: when, which move, the statuses, the step and the dates; the reason only
     * for a move addressed to them (a supplement request, a refusal, a new date), never who of the officials did it
     * or what they asked each other.
     */
    public AuditEvent publicPart() {
        boolean internal = Workflow.standard().move(action).map(Workflow.Transition::internal).orElse(false);
        Map<String, String> keep = new java.util.LinkedHashMap<>();
        java.util.Set<String> shown = internal ? java.util.Set.of("step", "toStep") : PUBLIC_DETAILS;
        details.forEach((k, v) -> { if (shown.contains(k)) keep.put(k, v); });
        return new AuditEvent(dossierId, at, role == Role.OFFICIAL ? "official" : actor, role, action, from, to,
                internal ? null : reason, keep);
    }
}
