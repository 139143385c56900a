package vn.gov.bvhttdl.dvc.api.pub;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import vn.gov.bvhttdl.dvc.api.Views;
import vn.gov.bvhttdl.dvc.application.PublicDesk;
import vn.gov.bvhttdl.dvc.domain.Workflow;

import java.util.LinkedHashMap;
import java.util.Map;

/** The public answers, each made from one read model of {@link PublicDesk}; and the caller's address the limits count. */
final class PublicViews {
    private PublicViews() {}

    /** The source address API Gateway saw ({@code unknown} without one): what the look-up and verification limits count. */
    static String address(APIGatewayV2HTTPEvent event) {
        return event == null || event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? "unknown" : String.valueOf(event.getRequestContext().getHttp().getSourceIp());
    }

    static Views.ProcedurePage catalogue(PublicDesk.CataloguePage c) {
        Map<String, Views.I18n> fields = new LinkedHashMap<>();
        c.fields().forEach((k, v) -> fields.put(k, Views.I18n.of(v)));
        var p = c.page();
        return new Views.ProcedurePage(p.items().stream().map(x -> Views.ProcedureSummary.of(x, c.today())).toList(),
                p.total(), p.page(), p.size(), fields);
    }

    static Views.TrackView tracked(PublicDesk.Tracked t) {
        return new Views.TrackView(t.code(), t.procedureName() == null ? null : Views.I18n.of(t.procedureName()), t.status().name(),
                Views.I18n.of(Workflow.standard().label(t.status())),
                t.receivedOn() == null ? null : t.receivedOn().toString(),
                t.dueDate() == null ? null : t.dueDate().toString(), t.dueDateProvisional(), t.applicantInitials());
    }

    static Views.FileVerdict verdict(PublicDesk.FileCheck c) {
        return new Views.FileVerdict(c.genuine(), c.matchesRecord(), c.signatureValid(), c.state(), Views.I18n.of(c.message()));
    }
}
