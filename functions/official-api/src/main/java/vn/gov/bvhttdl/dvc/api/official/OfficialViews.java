package vn.gov.bvhttdl.dvc.api.official;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.serde.annotation.Serdeable;
import vn.gov.bvhttdl.dvc.api.Forms;
import vn.gov.bvhttdl.dvc.api.Views;
import vn.gov.bvhttdl.dvc.application.OfficialDesk;
import vn.gov.bvhttdl.dvc.documents.FormPdf;
import vn.gov.bvhttdl.dvc.documents.IssuedForms;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Workflow;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

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
                           List<Views.ResultView> results, @Nullable Views.SurveyView survey, List<UnitView> units,
                           @Nullable ExtensionDraftView extensionDraft, @Nullable SupplementWindowView supplementWindow,
                           List<Views.I18n> warnings) {
        static DossierPageView of(OfficialDesk.DossierPage p) {
            var d = p.dossier();
            var view = Views.DossierView.of(d, p.procedure(), p.history(), p.files(), p.calendar(), null, p.moves(),
                    Views.ProcessingView.of(d, p.process(), p.controlSlip(), true));
            var x = p.extensionDraft();
            return new DossierPageView(view, p.payments().stream().map(OfficialViews::payment).toList(),
                    p.notices().stream().map(DeliveryView::of).toList(),
                    p.results().stream().map(r -> result(r, p.today())).toList(), p.survey() == null ? null : Views.SurveyView.of(p.survey()),
                    p.units().stream().map(OfficialViews::unit).toList(),
                    x == null ? null : OfficialViews.extensionDraft(x),
                    p.supplementWindow() == null ? null : SupplementWindowView.of(p.supplementWindow()),
                    // what the move just made should make the official think again about (issue #25: the warehouse holds it)
                    p.warnings().stream().map(Views.I18n::of).toList());
        }
    }

    /**
     * The deadline to ask for a supplement while the dossier waits at reception (Resolution 66.7/2025/NQ-CP Art 8(1):
     * 8 working hours for an online dossier): from when, until when, whether it has passed, and the rule's basis.
     */
    @Serdeable
    record SupplementWindowView(String rule, Views.I18n label, String from, String deadline, boolean passed, long workingHours,
                                Views.CitationView basis) {
        static SupplementWindowView of(vn.gov.bvhttdl.dvc.domain.SupplementWindow.Window w) {
            return new SupplementWindowView(w.rule().id(), Views.I18n.of(w.rule().label()), w.from().toString(), w.deadline().toString(),
                    w.passed(), w.rule().workingHours().toHours(), Views.CitationView.of(w.rule().basis()));
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
    record QualityView(String month, long answers, long points, long max, Map<String, Long> ratings) {
        static QualityView of(vn.gov.bvhttdl.dvc.application.SurveyAnswers.Quality q) {
            return new QualityView(q.month(), q.answers(), q.points(), q.max(), q.ratings());
        }
    }

    static ExtensionDraftView extensionDraft(vn.gov.bvhttdl.dvc.application.OfficialMoves.ExtensionDraft x) {
        return new ExtensionDraftView(x.reason(), x.newDue().toString(), x.dueDate() == null ? null : x.dueDate().toString());
    }

    /** A form of the dossier as PDF: the letters 02–05 as issued, the control slip (06) as it stands now. */
    static HttpResponse<byte[]> form(OfficialDesk.FormSource f, String number) {
        var d = f.dossier();
        if (!"06".equals(number)) return Forms.letter(d, number, f.procedure(), f.history());
        if (f.process() == null || d.code() == null) throw Forms.noForm(number);
        return Forms.pdf(FormPdf.render(IssuedForms.controlSlip(d, Forms.present(f.procedure()), f.process(), f.history(), f.calendar(), f.now(),
                        vn.gov.bvhttdl.dvc.api.SharedBeans::letterUrl)),
                "mau-06-" + d.code() + ".pdf");
    }

    /** The tracking book (form 07) as PDF or as CSV, for download. */
    static HttpResponse<byte[]> trackingBook(OfficialDesk.Book b, String format, Function<Dossier, String> procedureName) {
        var lines = IssuedForms.bookLines(b.received(), procedureName);
        String name = "so-theo-doi-" + b.agency() + "-" + b.unit() + "-" + b.from() + "-" + b.to();
        if (format.equals("csv")) {
            return HttpResponse.ok(IssuedForms.trackingBookCsv(lines).getBytes(StandardCharsets.UTF_8)).contentType(MediaType.of("text/csv; charset=utf-8"))
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").header("Cache-Control", "private, no-store");
        }
        return Forms.pdf(FormPdf.render(IssuedForms.trackingBook(b.agency(), b.unit(), b.from(), b.to(), lines, b.now(),
                vn.gov.bvhttdl.dvc.api.SharedBeans::letterUrl)), name + ".pdf");
    }

    static Views.PaymentView payment(vn.gov.bvhttdl.dvc.application.PaymentLine l) {
        return Views.PaymentView.of(l);
    }

    static Views.ResultView result(vn.gov.bvhttdl.dvc.application.ResultLine r, java.time.LocalDate today) {
        return Views.ResultView.of(r.result(), today, r.verifyUrl());
    }

    static UnitView unit(OfficialDesk.UnitLine u) {
        return new UnitView(u.agency(), Views.I18n.of(u.agencyName()), u.unit(), Views.I18n.of(u.name()), u.kind());
    }

    static QueuePage queue(OfficialDesk.WorkQueue q) {
        return new QueuePage(q.status().name(), q.scope().name().toLowerCase(java.util.Locale.ROOT), q.unit(), q.counts(), q.size(),
                q.lines().stream().map(OfficialViews::line).toList(), q.next(), q.tabs(), q.landed());
    }

    static SearchPage search(OfficialDesk.Found f) {
        return new SearchPage(f.query(), f.lines().stream().map(OfficialViews::line).toList(), f.more());
    }

    private static QueueItem line(OfficialDesk.QueueLine l) {
        var d = l.dossier();
        var pr = d.processing();
        var stage = l.stage();
        return new QueueItem(d.id(), d.code(), l.procedure() == null ? null : Views.I18n.of(l.procedure().name()),
                d.applicant() == null ? null : d.applicant().fullName(), d.status().name(), Views.I18n.of(Workflow.standard().label(d.status())),
                d.receivedAt() == null ? null : d.receivedAt().toString(), d.dueDate() == null ? null : d.dueDate().toString(),
                l.overdue(), l.dueSoon(), stage == null ? null : stage.code(), stage == null ? null : Views.I18n.of(stage.name()),
                l.stepDue() == null ? null : l.stepDue().toString(), l.stepOverdue(),
                pr == null ? null : pr.assigneeName() != null ? pr.assigneeName() : pr.assignee(), pr == null ? null : pr.deadline());
    }

    static ConsultedView consulted(OfficialDesk.ConsultedPage c) {
        var d = c.dossier();
        return new ConsultedView(d.id(), d.code(), d.procedureCode(), c.procedure() == null ? null : Views.I18n.of(c.procedure().name()),
                d.agencyCode(), Views.I18n.of(vn.gov.bvhttdl.dvc.domain.Labels.agency(d.agencyCode())),
                Views.ConsultationView.of(d.processing().consultation()),
                c.files().stream().map(a -> Views.AttachmentView.of(a, c.procedure())).toList(), c.moves());
    }

    // ---- the shapes this audience alone uses

    /** One line of a work queue: overdue when the due date has passed, dueSoon when it is today or the next working day. */
    @Serdeable
    public record QueueItem(String id, @Nullable String code, @Nullable Views.I18n procedureName, @Nullable String applicantName,
                            String status, Views.I18n statusLabel, @Nullable String receivedAt, @Nullable String dueDate,
                            boolean overdue, boolean dueSoon, @Nullable String step, @Nullable Views.I18n stepName,
                            @Nullable String stepDue, boolean stepOverdue, @Nullable String assigneeName, @Nullable String deadline) {}

    /**
     * One page of a work queue: {@code scope} is {@code unit} (the unit's dossiers in {@code status}), {@code mine}
     * (assigned to the caller) or {@code consultations} (waiting for the unit's answer); {@code next} is the cursor of
     * the next page (null at the end); {@code tabs} the count of every tab (each work status, {@code finished},
     * {@code mine}, {@code consultations}); {@code landed}: the tab was chosen for the caller's post.
     */
    @Serdeable
    public record QueuePage(String status, String scope, String unit, Map<String, Long> counts, int size,
                            List<QueueItem> items, @Nullable String next, Map<String, Long> tabs, boolean landed) {}

    /** What a search found in the caller's scope (at most 20; {@code more}: there were more, narrow the search). */
    @Serdeable
    public record SearchPage(String query, List<QueueItem> items, boolean more) {}

    /** What a consulted agency or unit sees: the dossier's code and procedure, the question, the shared files. */
    @Serdeable
    public record ConsultedView(String id, @Nullable String code, String procedureCode, @Nullable Views.I18n procedureName,
                                String askingAgency, @Nullable Views.I18n askingAgencyName, Views.ConsultationView consultation,
                                List<Views.AttachmentView> files,
                                List<String> allowedActions) {}

    @Serdeable
    public record ExtensionDraftView(String reason, String newDueDate, @Nullable String dueDate) {}

    /** An agency and its units, for the consultation form. */
    @Serdeable
    public record UnitView(String agency, Views.I18n agencyName, String unit, Views.I18n name, String kind) {}
}
