package vn.gov.bvhttdl.dvc.api.citizen;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.gov.bvhttdl.dvc.api.Views;
import vn.gov.bvhttdl.dvc.application.CitizenDesk;
import vn.gov.bvhttdl.dvc.domain.Citation;
import vn.gov.bvhttdl.dvc.domain.Payment;

import java.util.List;
import java.util.Map;

/** The citizens' answers as JSON, each made from one read model of {@link CitizenDesk}. */
final class CitizenViews {
    private CitizenViews() {}

    /**
     * The applicant's page of one dossier, opened with one request: the dossier (as {@link Views.DossierView}, with
     * the moves the applicant may make in {@code allowedActions}) and beside it the procedure version it keeps, the
     * checklist while it can change, the fees and payments, the results and the quality survey. A move answers it.
     */
    @Serdeable
    record DossierPageView(@JsonUnwrapped Views.DossierView dossier, @Nullable Views.ProcedureView procedure, @Nullable ChecklistView checklist,
                           Fees fees, List<Views.ResultView> results, @Nullable Views.SurveyView survey, ReadsPage reads,
                           List<WarehouseOffer> fromWarehouse) {
        static DossierPageView of(CitizenDesk.DossierPage p) {
            var view = Views.DossierView.of(p.dossier(), p.procedure(), p.history(), p.files(), p.calendar(), p.lookupKey(), p.actions());
            return new DossierPageView(view, p.procedure() == null ? null : Views.ProcedureView.of(p.procedure(), p.fieldName(), p.versions(), p.today()),
                    p.checklist() == null ? null : ChecklistView.of(p.checklist()), Fees.of(p.fees()),
                    p.results().stream().map(r -> Views.ResultView.of(r.result(), p.today(), r.verifyUrl())).toList(),
                    p.survey() == null ? null : Views.SurveyView.of(p.survey()), ReadsPage.of(p.reads()),
                    p.fromWarehouse() == null ? List.of() : p.fromWarehouse().stream().map(WarehouseOffer::of).toList());
        }
    }

    /** The applicant's valid warehouse documents that satisfy one component still to fill (issue #25: reuse first). */
    @Serdeable
    record WarehouseOffer(String componentCode, List<WarehouseChoice> choices) {
        static WarehouseOffer of(vn.gov.bvhttdl.dvc.application.ReuseFromWarehouse.Offer o) {
            return new WarehouseOffer(o.componentCode(), o.choices().stream().map(WarehouseChoice::of).toList());
        }
    }

    /** One document offered: {@code national} when it is on the national portal's document list. */
    @Serdeable
    record WarehouseChoice(String id, boolean national, @Nullable String kind, Views.I18n name, @Nullable String resultCode,
                           @Nullable String numberAndSymbol, @Nullable String issuedOn, @Nullable String validUntil, @Nullable String issuer) {
        static WarehouseChoice of(vn.gov.bvhttdl.dvc.application.ReuseFromWarehouse.Choice c) {
            return new WarehouseChoice(c.id(), c.national(), c.kind() == null ? null : c.kind().name(), Views.I18n.of(c.name()), c.resultCode(),
                    c.numberAndSymbol(), c.issuedOn() == null ? null : c.issuedOn().toString(),
                    c.validUntil() == null ? null : c.validUntil().toString(), c.issuer());
        }
    }

    /** The applicant's choice: document {@code documentId} of their warehouse for component {@code componentCode}. */
    @Serdeable
    public record FromWarehouse(@Nullable String componentCode, @Nullable String documentId) {}

    /**
     * One official's read of the applicant's dossier as the applicant sees it: when, the official's name as their
     * sign-in gives it (null when it gives none), agency and unit (code and name), post, what was read
     * ({@code action}: view-dossier, download-file, download-form, view-consultation, view-payments, view-notices,
     * view-results, view-extension-draft) and which file or form ({@code detail}). The official's account id is not shown.
     */
    @Serdeable
    record ReadView(String at, @Nullable String officialName, @Nullable String agency, @Nullable Views.I18n agencyName,
                    @Nullable String unit, @Nullable Views.I18n unitName, @Nullable String post, @Nullable Views.I18n postName,
                    String action, @Nullable String detail) {
        static ReadView of(vn.gov.bvhttdl.dvc.application.ReadLog.Read r) {
            var org = vn.gov.bvhttdl.dvc.domain.Organisation.standard();
            var agency = org.agency(r.agency());
            var unit = agency.flatMap(a -> a.unit(r.unit()));
            var post = vn.gov.bvhttdl.dvc.domain.Post.parse(r.post());
            return new ReadView(r.at().toString(), r.officialName(), r.agency(), agency.map(a -> Views.I18n.of(a.name())).orElse(null),
                    r.unit(), unit.map(u -> Views.I18n.of(u.name())).orElse(null), r.post(),
                    post == null ? null : Views.I18n.of(org.label(post)), r.action(), r.detail());
        }
    }

    /** A page of the officials' reads, newest first; {@code next} the cursor of the next page (null: no more). */
    @Serdeable
    record ReadsPage(List<ReadView> reads, @Nullable String next) {
        static ReadsPage of(vn.gov.bvhttdl.dvc.application.ReadLog.Page p) {
            return new ReadsPage(p.reads().stream().map(ReadView::of).toList(), p.next());
        }
    }

    /** A fee line with its amount and legal basis. */
    @Serdeable
    record Line(Views.I18n name, long amountVnd, @Nullable String basis, boolean basisConfirmed) {
        static Line of(Payment.Line l) {
            Citation c = l.basis();
            return new Line(Views.I18n.of(l.name()), l.amountVnd(), c == null ? null : ((c.article() == null ? "" : c.article() + " ") + c.document()).strip(),
                    c != null && c.confirmed());
        }
    }

    @Serdeable
    record Provider(String code, Views.I18n name) {}

    /** One item of a fee that depends on the case, with its amount and basis: the applicant chooses it when paying. */
    @Serdeable
    record TariffItem(String code, Views.I18n name, long amountVnd, @Nullable String basis, boolean confirmed) {
        static TariffItem of(vn.gov.bvhttdl.dvc.domain.PaymentRules.TariffItem i) {
            var c = i.basis();
            return new TariffItem(i.code(), Views.I18n.of(i.name()), i.amountVnd(),
                    c == null ? null : ((c.article() == null ? "" : c.article() + " ") + c.document()).strip(), c != null && c.confirmed());
        }
    }

    /**
     * The dossier's fees, the providers to pay with while it is due, the payments made (an abandoned attempt left
     * out), the rules' basis; {@code tariff} the items to choose from when the fee depends on the case; {@code how}
     * how a fee not paid online is paid.
     */
    @Serdeable
    record Fees(boolean due, List<Line> lines, long totalVnd, List<Provider> providers, List<Views.PaymentView> payments, List<Views.CitationView> basis,
                List<TariffItem> tariff, @Nullable Views.I18n how) {
        static Fees of(CitizenDesk.Fees f) {
            return new Fees(f.due(), f.lines().stream().map(Line::of).toList(), f.totalVnd(),
                    f.providers().stream().map(p -> new Provider(p.code(), Views.I18n.of(p.name()))).toList(),
                    f.payments().stream().map(p -> Views.PaymentView.of(p)).toList(),
                    f.basis().stream().map(Views.CitationView::of).toList(),
                    f.tariff().stream().map(TariffItem::of).toList(), f.how() == null ? null : Views.I18n.of(f.how()));
        }
    }

    // ---- the shapes this audience alone uses

    /** A new draft. The applicant defaults to the signed-in person's profile. */
    @Serdeable
    public record NewDossier(String procedureCode, @Nullable Views.ApplicantInput applicant, @Nullable Map<String, String> form) {}

    @Serdeable
    public record EditDossier(@Nullable Views.ApplicantInput applicant, @Nullable Map<String, String> form) {}

    /** Where and how the browser sends the file: a presigned PUT bound to the size and type declared. */
    @Serdeable
    public record UploadView(String uploadUrl, String method, Map<String, String> headers, String expiresAt,
                             Views.AttachmentView attachment) {}

    @Serdeable
    public record NewUpload(@Nullable String componentCode, @Nullable String fileName, @Nullable Long size) {}

    @Serdeable
    public record ChecklistItemView(@Nullable String componentCode, Views.I18n name, boolean mandatory, String state,
                                    @Nullable Views.I18n reason, @Nullable String field) {}

    @Serdeable
    public record ChecklistView(boolean complete, List<ChecklistItemView> items) {
        public static ChecklistView of(vn.gov.bvhttdl.dvc.domain.Completeness.Result r) {
            return new ChecklistView(r.complete(), r.items().stream().map(i -> new ChecklistItemView(i.componentCode(),
                    Views.I18n.of(i.name()), i.mandatory(), i.state().name(), Views.I18n.of(i.reason()),
                    i.reason() == null ? null : i.reason().field())).toList());
        }
    }

    @Serdeable
    public record Withdrawal(@Nullable String reason) {}
}
