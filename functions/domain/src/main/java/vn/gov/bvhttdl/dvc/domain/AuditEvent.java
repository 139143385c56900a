package vn.gov.bvhttdl.dvc.domain;

import java.time.Instant;
import java.util.Map;

/** One line of a dossier's audit trail: who did what, when, from which state to which, and why. */
public record AuditEvent(String dossierId, Instant at, String actor, Role role, String action,
                         DossierStatus from, DossierStatus to, String reason, Map<String, String> details) {
    public AuditEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
