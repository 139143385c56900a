package vn.gov.bvhttdl.dvc.api.official;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.gov.bvhttdl.dvc.api.Views;
import vn.gov.bvhttdl.dvc.application.OfficialDesk;
import vn.gov.bvhttdl.dvc.domain.Workflow;

import java.util.List;
import java.util.Map;

/** The officials' answers as JSON, each made from one read model of {@link OfficialDesk}. */
final class OfficialViews {
    private OfficialViews() {}

    /**
     * An official's page of one dossier, opened with one request: the dossier (as {@link Views.DossierView}, with the
     * moves this official may make now in {@code allowedActions}) and beside it its payments, the notices sent to the
     * applicant, its results, the quality survey, and what the offered moves need (the units to consult, the draft
     * extension). A move answers this page.
     */
    @Serdeable
    record DossierPageView(@JsonUnwrapped Views.DossierView dossier, List<Views.PaymentView> payments, List<DeliveryView> notices,
                           List<Views.ResultView> results, @Nullable Views.SurveyView survey, List<Views.UnitView> units,
                           @Nullable Views.ExtensionDraftView extensionDraft) {
        static DossierPageView of(OfficialDesk.DossierPage p) {
            var d = p.dossier();
            var view = Views.DossierView.of(d, p.procedure(), p.history(), p.files(), p.calendar(), null, p.moves(),
                    Views.ProcessingView.of(d, p.process(), p.history(), p.calendar(), true));
            var x = p.extensionDraft();
            return new DossierPageView(view, p.payments().stream().map(OfficialViews::payment).toList(),
                    p.notices().stream().map(DeliveryView::of).toList(),
                    p.results().stream().map(r -> result(r, p.today())).toList(), p.survey() == null ? null : Views.SurveyView.of(p.survey()),
                    p.units().stream().map(OfficialViews::unit).toList(),
                    x == null ? null : new Views.ExtensionDraftView(x.reason(), x.newDue().toString(), x.dueDate() == null ? null : x.dueDate().toString()));
        }
    }

    /** What the applicant was sent about the dossier: each event's channels, sent, skipped or failed (addresses masked). */
    @Serdeable
    record DeliveryView(String event, String channel, String state, @Nullable String to, @Nullable String subject, String at, @Nullable String why) {
        static DeliveryView of(vn.gov.bvhttdl.dvc.application.NoticeStore.Delivery x) {
            return new DeliveryView(x.eventKey(), x.channel(), x.state(), x.to(), x.subject(), x.at().toString(), x.why());
        }
    }

    @Serdeable
    record QualityView(String month, long answers, long points, long max, Map<String, Long> ratings) {}

    static Views.PaymentView payment(vn.gov.bvhttdl.dvc.application.PaymentLine l) {
        return Views.PaymentView.of(l.payment(), l.receipt());
    }

    static Views.ResultView result(vn.gov.bvhttdl.dvc.application.ResultLine r, java.time.LocalDate today) {
        return Views.ResultView.of(r.result(), today, r.verifyUrl());
    }

    static Views.UnitView unit(OfficialDesk.UnitLine u) {
        return new Views.UnitView(u.agency(), Views.I18n.of(u.agencyName()), u.unit(), Views.I18n.of(u.name()), u.kind());
    }

    static Views.QueuePage queue(OfficialDesk.WorkQueue q) {
        return new Views.QueuePage(q.status().name(), q.scope().name().toLowerCase(java.util.Locale.ROOT), q.unit(), q.counts(), q.size(),
                q.lines().stream().map(OfficialViews::line).toList(), q.next());
    }

    private static Views.QueueItem line(OfficialDesk.QueueLine l) {
        var d = l.dossier();
        var pr = d.processing();
        var stage = l.stage();
        return new Views.QueueItem(d.id(), d.code(), l.procedure() == null ? null : Views.I18n.of(l.procedure().name()),
                d.applicant() == null ? null : d.applicant().fullName(), d.status().name(), Views.I18n.of(Workflow.standard().label(d.status())),
                d.receivedAt() == null ? null : d.receivedAt().toString(), d.dueDate() == null ? null : d.dueDate().toString(),
                l.overdue(), l.dueSoon(), stage == null ? null : stage.code(), stage == null ? null : Views.I18n.of(stage.name()),
                l.stepDue() == null ? null : l.stepDue().toString(), l.stepOverdue(),
                pr == null ? null : pr.assigneeName() != null ? pr.assigneeName() : pr.assignee(), pr == null ? null : pr.deadline());
    }

    static Views.ConsultedView consulted(OfficialDesk.ConsultedPage c) {
        var d = c.dossier();
        return new Views.ConsultedView(d.id(), d.code(), d.procedureCode(), c.procedure() == null ? null : Views.I18n.of(c.procedure().name()),
                d.agencyCode(), Views.ConsultationView.of(d.processing().consultation()), c.files().stream().map(Views.AttachmentView::of).toList(),
                c.moves());
    }
}
