package vn.gov.bvhttdl.dvc.api.official;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import vn.gov.bvhttdl.dvc.api.Forms;
import vn.gov.bvhttdl.dvc.api.OfficialCaller;
import vn.gov.bvhttdl.dvc.api.Views;
import vn.gov.bvhttdl.dvc.application.OfficialDesk;
import vn.gov.bvhttdl.dvc.application.OfficialDesk.Move;
import vn.gov.bvhttdl.dvc.documents.FormPdf;
import vn.gov.bvhttdl.dvc.documents.IssuedForms;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The officials' API: HTTP in, one {@link OfficialDesk} call, a view out. The caller is bound once as an
 * {@link OfficialCaller} (403 for anyone else); what they may see and do is the desk's to decide.
 */
@Controller("/api/official/dossiers")
@SecurityRequirement(name = "cognito")
final class OfficialController {
    private final OfficialDesk desk;

    OfficialController(OfficialDesk desk) {
        this.desk = desk;
    }

    // ---- the unit's queue, figures and books

    @Get("/counts")
    @Operation(summary = "Số hồ sơ theo cơ quan và trạng thái / dossiers per agency and status")
    Map<String, Map<String, Long>> counts(@Parameter(hidden = true) OfficialCaller me) {
        return desk.counts(me.actor());
    }

    @Get("/quality{?from,to}")
    @Operation(summary = "Chỉ số chất lượng phục vụ của cơ quan theo tháng / the agency's quality figures per month")
    List<OfficialViews.QualityView> quality(@Parameter(hidden = true) OfficialCaller me, @Nullable String from, @Nullable String to) {
        return desk.quality(me.actor(), from, to).stream()
                .map(q -> new OfficialViews.QualityView(q.month(), q.answers(), q.points(), q.max(), q.ratings())).toList();
    }

    /** {@code scope}: {@code unit} (default, the unit's dossiers in {@code status}), {@code mine} or {@code consultations}. */
    @Get("/queue{?status,scope,size,after}")
    @Operation(summary = "Danh sách hồ sơ cần xử lý của đơn vị / the unit's work queue (unit, mine, consultations)")
    Views.QueuePage queue(@Parameter(hidden = true) OfficialCaller me, @QueryValue @Nullable String status, @QueryValue @Nullable String scope,
                          @QueryValue @Nullable Integer size, @QueryValue @Nullable String after) {
        return OfficialViews.queue(desk.queue(me.actor(), status(status), scope(scope), size == null ? 20 : size, after));
    }

    @Get("/units")
    @Operation(summary = "Các cơ quan, đơn vị / the agencies and their units")
    List<Views.UnitView> units(@Parameter(hidden = true) OfficialCaller me) {
        return desk.units().stream().map(OfficialViews::unit).toList();
    }

    @Get("/tracking-book{?from,to,format}")
    @Operation(summary = "Sổ theo dõi hồ sơ của đơn vị (mẫu 07, PDF hoặc CSV) / the unit's tracking book (form 07, PDF or CSV)")
    HttpResponse<byte[]> trackingBook(@Parameter(hidden = true) OfficialCaller me, @QueryValue @Nullable String from,
                                      @QueryValue @Nullable String to, @QueryValue @Nullable String format) {
        String fmt = format == null || format.isBlank() ? "pdf" : format.strip();
        if (!fmt.equals("pdf") && !fmt.equals("csv")) throw bad("invalid-format", "Định dạng pdf hoặc csv.", "Format pdf or csv.");
        var period = desk.bookPeriod(date(from), date(to))
                .orElseThrow(() -> bad("invalid-period", "Từ ngày không sau đến ngày, tối đa một năm.", "From no later than to, a year at most."));
        OfficialDesk.Book b = desk.trackingBook(me.actor(), period);
        var lines = IssuedForms.bookLines(b.received(), desk::procedureName);
        String name = "so-theo-doi-" + b.agency() + "-" + b.unit() + "-" + b.from() + "-" + b.to();
        if (fmt.equals("csv")) {
            return HttpResponse.ok(IssuedForms.trackingBookCsv(lines).getBytes(StandardCharsets.UTF_8)).contentType(MediaType.of("text/csv; charset=utf-8"))
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").header("Cache-Control", "private, no-store");
        }
        return Forms.pdf(FormPdf.render(IssuedForms.trackingBook(b.agency(), b.unit(), b.from(), b.to(), lines, b.now())), name + ".pdf");
    }

    // ---- consultations

    @Get("/consultations/{id}")
    @Operation(summary = "Yêu cầu xin ý kiến gửi đơn vị / a consultation sent to the unit")
    Views.ConsultedView consultation(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id) {
        return OfficialViews.consulted(desk.consultation(me.actor(), id));
    }

    @Post("/consultations/{id}/answer")
    @Operation(summary = "Trả lời xin ý kiến / answer a consultation")
    Views.ConsultedView answer(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @Body Views.Answer body) {
        return OfficialViews.consulted(desk.answer(me.actor(), id, body == null ? null : body.answer()));
    }

    // ---- one dossier

    @Get("/{id}")
    @Operation(summary = "Một hồ sơ với mọi thứ trang của cán bộ cần, kèm các thao tác được phép / one dossier's page with the allowed moves")
    OfficialViews.DossierPageView get(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id) {
        return OfficialViews.DossierPageView.of(desk.dossier(me.actor(), id));
    }

    @Get("/by-code/{code}")
    @Operation(summary = "Cán bộ tra cứu hồ sơ theo mã / an official looks a dossier up by code")
    OfficialViews.DossierPageView byCode(@Parameter(hidden = true) OfficialCaller me, @PathVariable String code) {
        return OfficialViews.DossierPageView.of(desk.byCode(me.actor(), code));
    }

    @Get("/{id}/notifications")
    @Operation(summary = "Thông báo đã gửi người nộp / the notices sent to the applicant")
    List<OfficialViews.DeliveryView> notifications(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id) {
        return desk.notices(me.actor(), id).stream().map(OfficialViews.DeliveryView::of).toList();
    }

    @Get("/{id}/payments")
    @Operation(summary = "Các lần thanh toán phí, lệ phí của hồ sơ / the dossier's payments")
    List<Views.PaymentView> payments(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id) {
        return desk.payments(me.actor(), id).stream().map(OfficialViews::payment).toList();
    }

    @Get("/{id}/results")
    @Operation(summary = "Các kết quả đã ban hành của hồ sơ / the dossier's issued results")
    List<Views.ResultView> results(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id) {
        var today = desk.today();
        return desk.results(me.actor(), id).stream().map(r -> OfficialViews.result(r, today)).toList();
    }

    /** One accepted file: a short-lived link to the very version the scan judged, shown inline. */
    @Get("/{id}/files/{uploadId}")
    @Operation(summary = "Xem một tệp đã được chấp nhận của hồ sơ (đường dẫn ngắn hạn) / view an accepted file (short-lived link)")
    HttpResponse<?> file(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @PathVariable String uploadId) {
        return HttpResponse.seeOther(desk.file(me.actor(), id, uploadId));
    }

    /** A form of the dossier as PDF: the letters 02–05 as issued, the control slip (06) as it stands now. */
    @Get("/{id}/forms/{number}")
    @Operation(summary = "Văn bản của hồ sơ (mẫu 02–06, PDF) / a form of the dossier (02–06, PDF)")
    HttpResponse<byte[]> form(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @PathVariable String number) {
        OfficialDesk.FormSource f = desk.forms(me.actor(), id);
        var d = f.dossier();
        if (!"06".equals(number)) return Forms.letter(d, number, f.procedure(), f.history());
        if (f.process() == null || d.code() == null) throw Forms.noForm(number);
        return Forms.pdf(FormPdf.render(IssuedForms.controlSlip(d, Forms.present(f.procedure()), f.process(), f.history(), f.calendar(), f.now())),
                "mau-06-" + d.code() + ".pdf");
    }

    @Get("/{id}/extension-draft")
    @Operation(summary = "Dự thảo văn bản xin lỗi, gia hạn (mẫu 04) / the draft apology and extension (form 04)")
    Views.ExtensionDraftView extensionDraft(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id) {
        var x = desk.extensionDraft(me.actor(), id);
        return new Views.ExtensionDraftView(x.reason(), x.newDue().toString(), x.dueDate() == null ? null : x.dueDate().toString());
    }

    @Post("/{id}/results/{number}/revoke")
    @Operation(summary = "Thu hồi kết quả, nêu lý do / revoke a result, with the reason")
    Views.ResultView revoke(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @PathVariable String number,
                            @Nullable @Body Views.Decision body) {
        return OfficialViews.result(desk.revoke(me.actor(), id, number, body == null ? null : body.reason()), desk.today());
    }

    @Post("/{id}/results/{number}/correct")
    @Operation(summary = "Đính chính: ban hành kết quả số mới thay thế kết quả này / correct: issue a new number replacing this result")
    Views.ResultView correct(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @PathVariable String number,
                             @Nullable @Body Views.Decision body) {
        return OfficialViews.result(desk.correct(me.actor(), id, number, body == null ? null : body.reason()), desk.today());
    }

    // ---- the moves: each answers the page it leaves

    @Post("/{id}/start-processing")
    @Operation(summary = "Chuyển hồ sơ đến đơn vị chuyên môn / send the dossier on to the specialist unit")
    OfficialViews.DossierPageView startProcessing(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id) {
        return act(me, id, new Move.StartProcessing());
    }

    @Post("/{id}/assign")
    @Operation(summary = "Phân công / nhận xử lý (assignee trống: chính mình) / assign, or take it (no assignee: yourself)")
    OfficialViews.DossierPageView assign(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @Nullable @Body Views.Assignment body) {
        boolean self = body == null || body.assignee() == null;
        return act(me, id, new Move.Assign(self ? null : body.assignee(), self ? me.name() : body.assigneeName()));
    }

    @Post("/{id}/forward")
    @Operation(summary = "Chuyển bước tiếp theo / forward to the next step")
    OfficialViews.DossierPageView forward(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @Nullable @Body Views.Decision body) {
        return act(me, id, new Move.Forward(body == null ? null : body.note()));
    }

    @Post("/{id}/return")
    @Operation(summary = "Trả lại bước trước, nêu lý do / return to the previous step, with the reason")
    OfficialViews.DossierPageView returnToPrevious(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @Nullable @Body Views.Decision body) {
        return act(me, id, new Move.Return(body == null ? null : body.reason()));
    }

    @Post("/{id}/consult")
    @Operation(summary = "Xin ý kiến cơ quan, đơn vị khác / consult another agency or unit")
    OfficialViews.DossierPageView consult(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id,
                                          @Nullable @Body Views.ConsultationRequest body) {
        Views.ConsultationRequest b = body == null ? new Views.ConsultationRequest(null, null, null, null, null) : body;
        if (b.files() != null && b.files().size() > Limits.MAX_SHARED_FILES) throw bad("too-many-files", "Quá nhiều tệp.", "Too many files.");
        return act(me, id, new Move.Consult(b.agency(), b.unit(), b.question(), b.files(), b.days()));
    }

    @Post("/{id}/extend")
    @Operation(summary = "Xin lỗi và gia hạn, ngày hẹn mới (mẫu 04) / apologise and extend, with the new date (form 04)")
    OfficialViews.DossierPageView extend(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @Nullable @Body Views.Extension body) {
        LocalDate date = null;
        if (body != null && body.newDueDate() != null) {
            try {
                date = LocalDate.parse(body.newDueDate().strip());
            } catch (DateTimeParseException e) {
                Text t = new Text("Ngày hẹn mới theo dạng yyyy-mm-dd.", "The new date as yyyy-mm-dd.").at("extend.newDue");
                throw new DomainException(DomainException.Kind.INVALID, "invalid-date", t, List.of(t));
            }
        }
        return act(me, id, new Move.Extend(body == null ? null : body.reason(), date));
    }

    @Post("/{id}/stop")
    @Operation(summary = "Dừng giải quyết hồ sơ, nêu lý do (mẫu 05) / stop resolving, with the reason (form 05)")
    OfficialViews.DossierPageView stop(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @Nullable @Body Views.Decision body) {
        return act(me, id, new Move.Stop(body == null ? null : body.reason()));
    }

    @Post("/{id}/approve")
    @Operation(summary = "Phê duyệt: có kết quả / approve: the result is ready")
    OfficialViews.DossierPageView approve(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @Nullable @Body Views.Decision body) {
        return act(me, id, new Move.Approve(body == null ? null : body.note()));
    }

    @Post("/{id}/refuse")
    @Operation(summary = "Từ chối giải quyết hồ sơ, nêu rõ lý do (mẫu 03) / refuse, with the reason (form 03)")
    OfficialViews.DossierPageView refuse(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @Nullable @Body Views.Decision body) {
        return act(me, id, new Move.Refuse(body == null ? null : body.reason()));
    }

    @Post("/{id}/issue-result")
    @Operation(summary = "Ban hành kết quả có chữ ký số (khi chưa ban hành cùng phê duyệt) / issue the signed result")
    OfficialViews.DossierPageView issueResult(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id) {
        return act(me, id, new Move.IssueResult());
    }

    @Post("/{id}/return-result")
    @Operation(summary = "Ghi nhận trả kết quả tại quầy hoặc qua bưu chính / record the return at the counter or by post")
    OfficialViews.DossierPageView returnResult(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @Nullable @Body Views.ReturnBody body) {
        return act(me, id, new Move.ReturnResult(body == null ? null : body.channel()));
    }

    @Post("/{id}/request-supplement")
    @Operation(summary = "Yêu cầu bổ sung hồ sơ (mẫu 02), nêu một lần tất cả nội dung / request a supplement, all items at once")
    OfficialViews.DossierPageView requestSupplement(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @Body Views.SupplementRequest body) {
        return act(me, id, new Move.RequestSupplement(body.items()));
    }

    private OfficialViews.DossierPageView act(OfficialCaller me, String id, Move move) {
        return OfficialViews.DossierPageView.of(desk.act(me.actor(), id, move));
    }

    // ---- reading the query string

    private static DossierStatus status(String status) {
        try {
            return DossierStatus.valueOf(status == null || status.isBlank() ? "RECEIVED" : status.strip());
        } catch (IllegalArgumentException e) {
            throw bad("unknown-status", "Không có trạng thái \"" + Limits.clip(status) + "\".", "No status \"" + Limits.clip(status) + "\".");
        }
    }

    private static OfficialDesk.Scope scope(String scope) {
        String s = scope == null || scope.isBlank() ? "unit" : scope.strip();
        if (!List.of("unit", "mine", "consultations").contains(s)) {
            throw bad("unknown-scope", "Phạm vi là unit, mine hoặc consultations.", "The scope is unit, mine or consultations.");
        }
        return OfficialDesk.Scope.valueOf(s.toUpperCase(Locale.ROOT));
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw bad("invalid-date", "Ngày theo dạng yyyy-mm-dd.", "Dates as yyyy-mm-dd.");
        }
    }

    /** A query or body that cannot be read (400). */
    private static DomainException bad(String slug, String vi, String en) {
        return new DomainException(DomainException.Kind.MALFORMED, slug, new Text(vi, en));
    }
}
