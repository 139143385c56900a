package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Decision766;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Facts;

import java.util.ArrayList;
import java.util.List;

/**
 * The business metrics one stored change of a dossier makes ({@link ServiceMetrics}), from its state before and
 * after: the stream's status counts call it once per version they count, which makes each metric exactly once per
 * move. The facts decide, not the status alone: a receipt after a supplement is not a second receipt.
 */
public final class DossierMetrics {
    private DossierMetrics() {}

    /** @param before null for a new dossier */
    public static List<ServiceMetrics.Count> between(Dossier before, Dossier after) {
        List<ServiceMetrics.Count> out = new ArrayList<>();
        if (after == null) return out;
        String agency = after.agencyCode();
        Facts now = after.facts() == null ? Facts.NONE : after.facts();
        // a dossier stored before its facts were recorded: what changed cannot be told from them
        Facts was = before == null ? Facts.NONE : before.facts() == null ? now : before.facts();
        if (now.submittedAt() != null && was.submittedAt() == null) out.add(ServiceMetrics.Count.of(ServiceMetrics.DOSSIER_SUBMITTED, agency));
        if (after.receivedAt() != null && (before == null || before.receivedAt() == null)) {
            out.add(ServiceMetrics.Count.of(ServiceMetrics.DOSSIER_RECEIVED, agency)
                    .with(ServiceMetrics.CHANNEL, now.channel().name()));
        }
        if (now.supplements().size() > was.supplements().size()) out.add(ServiceMetrics.Count.of(ServiceMetrics.SUPPLEMENT_REQUESTED, agency));
        DossierStatus from = before == null ? null : before.status(), to = after.status();
        if (to != from) {
            String name = switch (to) {
                case REFUSED -> ServiceMetrics.DOSSIER_REFUSED;
                case STOPPED -> ServiceMetrics.DOSSIER_STOPPED;
                case WITHDRAWN -> ServiceMetrics.DOSSIER_WITHDRAWN;
                case RESULT_READY -> ServiceMetrics.RESULT_ISSUED;
                default -> null;
            };
            if (name != null) out.add(ServiceMetrics.Count.of(name, agency));
        }
        // the end of handling (approval, refusal or stop), on time or late by indicator 2.1's rule
        if (now.endedAt() != null && was.endedAt() == null) {
            out.add(ServiceMetrics.Count.of(Decision766.standard().onTime(after) ? ServiceMetrics.DECIDED_ON_TIME : ServiceMetrics.DECIDED_LATE, agency));
        }
        return out;
    }
}
