package vn.gov.bvhttdl.dvc.api.official;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import vn.gov.bvhttdl.dvc.api.BodyText;
import vn.gov.bvhttdl.dvc.api.OfficialCaller;
import vn.gov.bvhttdl.dvc.api.Views;
import vn.gov.bvhttdl.dvc.application.OfficialDesk;
import vn.gov.bvhttdl.dvc.domain.DomainException;

import java.util.List;
import java.util.Map;

/**
 * The officials' API: HTTP in, one {@link OfficialDesk} call, a view out. The caller is bound once as an
 * {@link OfficialCaller} (403 for anyone else); what they may see and do is the desk's to decide.
 */
@Controller("/api/official/dossiers")
@SecurityRequirement(name = "cognito")
final class OfficialController {
    private final OfficialDesk desk;

    OfficialController(OfficialDesk desk) { this.desk = desk; }

    @Get("/counts")
    @Operation(summary = "Số hồ sơ theo cơ quan và trạng thái / dossiers per agency and status")
    Map<String, Map<String, Long>> counts(@Parameter(hidden = true) OfficialCaller me) {
        return desk.counts(me.actor());
    }

    @Get("/quality{?from,to}")
    @Operation(summary = "Chỉ số chất lượng phục vụ của cơ quan theo tháng / the agency's quality figures per month")
    List<OfficialViews.QualityView> quality(@Parameter(hidden = true) OfficialCaller me, @Nullable String from, @Nullable String to) {
        return desk.quality(me.actor(), from, to).stream().map(OfficialViews.QualityView::of).toList();
    }

    /**
     * {@code scope}: {@code unit} (the unit's dossiers in {@code status}), {@code mine}, {@code consultations} or
     * {@code finished} (a finished {@code status}); neither asked: the tab where the caller's post has work.
     */
    @Get("/queue{?status,scope,size,after}")
    @Operation(summary = "Danh sách hồ sơ cần xử lý của đơn vị / the unit's work queue (unit, mine, consultations)")
    OfficialViews.QueuePage queue(@Parameter(hidden = true) OfficialCaller me, @QueryValue @Nullable String status, @QueryValue @Nullable String scope,
                                  @QueryValue @Nullable Integer size, @QueryValue @Nullable String after) {
        return OfficialViews.queue(desk.queue(me.actor(), OfficialRequests.status(status), OfficialRequests.scope(scope), size == null ? 20 : size, after));
    }

    /** Dossiers in the caller's scope by code, applicant's name or ID number (3–64 characters). */
    @Get("/search{?q}")
    @Operation(summary = "Tìm hồ sơ của đơn vị theo mã, họ tên hoặc số định danh người nộp / find the unit's dossiers by code, applicant's name or ID number")
    OfficialViews.SearchPage search(@Parameter(hidden = true) OfficialCaller me, @QueryValue @Nullable String q) {
        return OfficialViews.search(desk.search(me.actor(), q));
    }

    @Get("/units")
    @Operation(summary = "Các cơ quan, đơn vị / the agencies and their units")
    List<OfficialViews.UnitView> units(@Parameter(hidden = true) OfficialCaller me) {
        return desk.units().stream().map(OfficialViews::unit).toList();
    }

    @Get("/tracking-book{?from,to,format}")
    @Operation(summary = "Sổ theo dõi hồ sơ của đơn vị (mẫu 07, PDF hoặc CSV) / the unit's tracking book (form 07, PDF or CSV)")
    HttpResponse<byte[]> trackingBook(@Parameter(hidden = true) OfficialCaller me, @QueryValue @Nullable String from,
                                      @QueryValue @Nullable String to, @QueryValue @Nullable String format) {
        String fmt = OfficialRequests.format(format);
        var period = desk.bookPeriod(OfficialRequests.date(from), OfficialRequests.date(to)).orElseThrow(() -> DomainException.of("invalid-period.book"));
        return OfficialViews.trackingBook(desk.trackingBook(me.actor(), period), fmt, desk::procedureName);
    }

    @Get("/consultations/{id}")
    @Operation(summary = "Yêu cầu xin ý kiến gửi đơn vị / a consultation sent to the unit")
    OfficialViews.ConsultedView consultation(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id) {
        return OfficialViews.consulted(desk.consultation(me.actor(), me.name(), id));
    }

    @Post("/consultations/{id}/answer")
    @Operation(summary = "Trả lời xin ý kiến / answer a consultation")
    OfficialViews.ConsultedView answer(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @Parameter(hidden = true) BodyText body) {
        return OfficialViews.consulted(desk.answer(me.actor(), id, OfficialRequests.text(body.text(), "answer")));
    }

    @Get("/{id}")
    @Operation(summary = "Một hồ sơ với mọi thứ trang của cán bộ cần, kèm các thao tác được phép / one dossier's page with the allowed moves")
    OfficialViews.DossierPageView get(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id) {
        return OfficialViews.DossierPageView.of(desk.dossier(me.actor(), me.name(), id));
    }

    @Get("/by-code/{code}")
    @Operation(summary = "Cán bộ tra cứu hồ sơ theo mã / an official looks a dossier up by code")
    OfficialViews.DossierPageView byCode(@Parameter(hidden = true) OfficialCaller me, @PathVariable String code) {
        return OfficialViews.DossierPageView.of(desk.byCode(me.actor(), me.name(), code));
    }

    @Get("/{id}/notifications")
    @Operation(summary = "Thông báo đã gửi người nộp / the notices sent to the applicant")
    List<OfficialViews.DeliveryView> notifications(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id) {
        return desk.notices(me.actor(), me.name(), id).stream().map(OfficialViews.DeliveryView::of).toList();
    }

    @Get("/{id}/payments")
    @Operation(summary = "Các lần thanh toán phí, lệ phí của hồ sơ / the dossier's payments")
    List<Views.PaymentView> payments(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id) {
        return desk.payments(me.actor(), me.name(), id).stream().map(OfficialViews::payment).toList();
    }

    @Get("/{id}/results")
    @Operation(summary = "Các kết quả đã ban hành của hồ sơ / the dossier's issued results")
    List<Views.ResultView> results(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id) {
        return desk.results(me.actor(), me.name(), id).stream().map(r -> OfficialViews.result(r, desk.today())).toList();
    }

    /** One accepted file: a short-lived link to the very version the scan judged, shown inline. */
    @Get("/{id}/files/{uploadId}")
    @Operation(summary = "Xem một tệp đã được chấp nhận của hồ sơ (đường dẫn ngắn hạn) / view an accepted file (short-lived link)")
    HttpResponse<?> file(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @PathVariable String uploadId) {
        return HttpResponse.seeOther(desk.file(me.actor(), me.name(), id, uploadId));
    }

    /** A form of the dossier as PDF: the letters 02–05 as issued, the control slip (06) as it stands now. */
    @Get("/{id}/forms/{number}")
    @Operation(summary = "Văn bản của hồ sơ (mẫu 02–06, PDF) / a form of the dossier (02–06, PDF)")
    HttpResponse<byte[]> form(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @PathVariable String number) {
        return OfficialViews.form(desk.form(me.actor(), me.name(), id, number), number);
    }

    @Get("/{id}/extension-draft")
    @Operation(summary = "Dự thảo văn bản xin lỗi, gia hạn (mẫu 04) / the draft apology and extension (form 04)")
    OfficialViews.ExtensionDraftView extensionDraft(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id) {
        return OfficialViews.extensionDraft(desk.extensionDraft(me.actor(), me.name(), id));
    }

    @Post("/{id}/results/{number}/revoke")
    @Operation(summary = "Thu hồi kết quả, nêu lý do / revoke a result, with the reason")
    Views.ResultView revoke(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @PathVariable String number,
                            @Parameter(hidden = true) BodyText body) {
        return OfficialViews.result(desk.revoke(me.actor(), id, number, OfficialRequests.text(body.text(), "reason")), desk.today());
    }

    @Post("/{id}/results/{number}/correct")
    @Operation(summary = "Đính chính: ban hành kết quả số mới thay thế kết quả này / correct: issue a new number replacing this result")
    Views.ResultView correct(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @PathVariable String number,
                             @Parameter(hidden = true) BodyText body) {
        return OfficialViews.result(desk.correct(me.actor(), id, number, OfficialRequests.text(body.text(), "reason")), desk.today());
    }

    /** Every official's move by its name (start-processing, assign, forward, return, consult, extend, stop, approve, refuse…). */
    @Post("/{id}/{move}")
    @Operation(summary = "Một thao tác xử lý hồ sơ / an official's move (its name ends the path), answered with the page it leaves")
    OfficialViews.DossierPageView act(@Parameter(hidden = true) OfficialCaller me, @PathVariable String id, @PathVariable String move,
                                      @Parameter(hidden = true) BodyText body) {
        return OfficialViews.DossierPageView.of(desk.act(me.actor(), id, OfficialRequests.move(move, body.text(), me)));
    }
}
