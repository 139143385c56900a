package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The one official action the citizen's supplement loop needs: a one-stop officer looks a dossier up by its code
 * and requests a supplement (form 02), listing everything missing or wrong at once. The clock stops until the
 * citizen resubmits. (The rest of the officials' work is its own issue.)
 */
@Controller("/api/official/dossiers")
@SecurityRequirement(name = "cognito")
final class OfficialController {
    private final DossierStore store;
    private final RulesStore rules;
    private final Clock clock;
    private final vn.gov.bvhttdl.dvc.application.RequestSupplement requestSupplement;
    private final vn.gov.bvhttdl.dvc.application.OfficialMoves moves;

    private final software.amazon.awssdk.services.s3.presigner.S3Presigner presigner;

    OfficialController(DossierStore store, RulesStore rules, Clock clock, software.amazon.awssdk.services.s3.presigner.S3Presigner presigner) {
        this.presigner = presigner;
        this.store = store;
        this.rules = rules;
        this.clock = clock;
        this.requestSupplement = new vn.gov.bvhttdl.dvc.application.RequestSupplement(store, clock);
        this.moves = new vn.gov.bvhttdl.dvc.application.OfficialMoves(store, clock);
    }

    /**
     * How many dossiers the official's agency has in each status (kept from the table's stream by
     * StatusCountsFunction; a change shows within seconds).
     */
    @Get("/counts")
    @Operation(summary = "Số hồ sơ theo cơ quan và trạng thái / dossiers per agency and status")
    Map<String, Map<String, Long>> counts(@Parameter(hidden = true) APIGatewayV2HTTPEvent event) {
        Identity me = requireOfficial(event);
        Map<String, Long> mine = new vn.gov.bvhttdl.dvc.adapters.StatusCounts(store.client(), store.tableName()).all().get(me.agency());
        return me.agency() == null ? Map.of() : Map.of(me.agency(), mine == null ? Map.of() : mine);
    }

    /** At most this many dossiers of one status are sorted for a work queue (a larger backlog pages by recency first). */
    static final int QUEUE_WINDOW = 1000;

    /**
     * The work queue of the official's agency for one status: overdue first, then by due date (dossiers without one,
     * not yet received, last, oldest change first), paged, with the counts of every status.
     */
    @Get("/queue{?status,page,size}")
    @Operation(summary = "Danh sách hồ sơ cần xử lý của cơ quan theo trạng thái / the agency's work queue for a status")
    Views.QueuePage queue(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @io.micronaut.http.annotation.QueryValue @io.micronaut.core.annotation.Nullable String status,
                          @io.micronaut.http.annotation.QueryValue @io.micronaut.core.annotation.Nullable Integer page,
                          @io.micronaut.http.annotation.QueryValue @io.micronaut.core.annotation.Nullable Integer size) {
        Identity me = requireOfficial(event);
        vn.gov.bvhttdl.dvc.domain.DossierStatus st;
        try {
            st = vn.gov.bvhttdl.dvc.domain.DossierStatus.valueOf(status == null || status.isBlank() ? "RECEIVED" : status.strip());
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "unknown-status",
                    new Text("Không có trạng thái \"" + Limits.clip(status) + "\".", "No status \"" + Limits.clip(status) + "\"."));
        }
        int p = page == null ? 1 : page;
        int n = size == null ? 20 : size;
        if (p < 1 || p > Limits.MAX_PAGE || n < 1 || n > Limits.MAX_PAGE_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-page",
                    new Text("Trang từ 1 đến " + Limits.MAX_PAGE + ", mỗi trang 1–" + Limits.MAX_PAGE_SIZE + " hồ sơ.",
                            "Pages 1–" + Limits.MAX_PAGE + ", 1–" + Limits.MAX_PAGE_SIZE + " dossiers a page."));
        }
        Map<String, Long> counts = me.agency() == null ? Map.of()
                : new vn.gov.bvhttdl.dvc.adapters.StatusCounts(store.client(), store.tableName()).all().getOrDefault(me.agency(), Map.of());
        List<Dossier> all = me.agency() == null ? List.of() : new java.util.ArrayList<>(store.byAgencyStatus(me.agency(), st, QUEUE_WINDOW));
        java.time.LocalDate today = clock.instant().atZone(rules.calendar().zone()).toLocalDate();
        java.time.LocalDate soon = rules.calendar().nextWorkingDay(today);
        all.sort(java.util.Comparator.comparing((Dossier d) -> d.dueDate() == null ? java.time.LocalDate.MAX : d.dueDate())
                .thenComparing(Dossier::updatedAt));
        List<Views.QueueItem> items = all.stream().skip((long) (p - 1) * n).limit(n).map(d -> new Views.QueueItem(d.id(), d.code(),
                rules.catalogue().version(d.procedureCode(), d.procedureVersion()).map(x -> Views.I18n.of(x.name())).orElse(null),
                d.applicant() == null ? null : d.applicant().fullName(), d.status().name(),
                Views.I18n.of(vn.gov.bvhttdl.dvc.domain.Workflow.standard().label(d.status())),
                d.receivedAt() == null ? null : d.receivedAt().toString(), d.dueDate() == null ? null : d.dueDate().toString(),
                d.dueDate() != null && d.dueDate().isBefore(today), d.dueDate() != null && !d.dueDate().isBefore(today) && !d.dueDate().isAfter(soon))).toList();
        return new Views.QueuePage(st.name(), counts, all.size(), p, n, items);
    }

    /** A dossier of the official's agency, with the moves the official may make now ({@code allowedActions}). */
    @Get("/{id}")
    @Operation(summary = "Một hồ sơ của cơ quan, kèm các thao tác được phép / one dossier of the agency with the allowed moves")
    Views.DossierView get(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id) {
        Identity me = requireOfficial(event);
        Dossier d = store.find(id).filter(x -> vn.gov.bvhttdl.dvc.application.Access.inScope(me.actor(), x)).orElseThrow(() ->
                new DomainException(DomainException.Kind.NOT_FOUND, "dossier-not-found", new Text("Không có hồ sơ " + Limits.clip(id) + ".", "No dossier " + Limits.clip(id) + ".")));
        return view(d, me);
    }

    /**
     * One accepted file of a dossier of the official's agency: a short-lived link to the very version the scan judged
     * (a later write to the key cannot be what the official reads), shown inline in the browser.
     */
    @Get("/{id}/files/{uploadId}")
    @Operation(summary = "Xem một tệp đã được chấp nhận của hồ sơ (đường dẫn ngắn hạn) / view an accepted file (short-lived link)")
    HttpResponse<?> file(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id, @PathVariable String uploadId) {
        Identity me = requireOfficial(event);
        Dossier d = store.find(id).filter(x -> vn.gov.bvhttdl.dvc.application.Access.inScope(me.actor(), x)).orElseThrow(() ->
                new DomainException(DomainException.Kind.NOT_FOUND, "dossier-not-found", new Text("Không có hồ sơ " + Limits.clip(id) + ".", "No dossier " + Limits.clip(id) + ".")));
        vn.gov.bvhttdl.dvc.domain.Attachment a = store.attachments(d.id()).stream()
                .filter(x -> x.uploadId().equals(uploadId) && x.status() == vn.gov.bvhttdl.dvc.domain.Attachment.Status.ACCEPTED).findFirst()
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "attachment-not-found",
                        new Text("Không có tệp hợp lệ \"" + Limits.clip(uploadId) + "\" trong hồ sơ.", "No accepted file \"" + Limits.clip(uploadId) + "\" in the dossier.")));
        String name = a.fileName().replaceAll("[\"\\\\\r\n]", "_");
        var get = presigner.presignGetObject(r -> r.signatureDuration(vn.gov.bvhttdl.dvc.domain.Attachment.LINK_LIFETIME)
                .getObjectRequest(o -> {
                    o.bucket(vn.gov.bvhttdl.dvc.adapters.Settings.require("UPLOADS_BUCKET")).key(a.key()).responseContentType(a.declaredType())
                            .responseContentDisposition("inline; filename=\"" + name + "\"");
                    if (a.versionId() != null) o.versionId(a.versionId());
                }));
        return HttpResponse.seeOther(java.net.URI.create(get.url().toString()));
    }

    @Post("/{id}/start-processing")
    @Operation(summary = "Chuyển xử lý hồ sơ đã tiếp nhận / take a received dossier into processing")
    Views.DossierView startProcessing(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id) {
        Identity me = requireOfficial(event);
        return view(moves.startProcessing(me.actor(), id), me);
    }

    @Post("/{id}/approve")
    @Operation(summary = "Phê duyệt: có kết quả / approve: the result is ready")
    Views.DossierView approve(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id,
                              @io.micronaut.core.annotation.Nullable @Body Views.Decision body) {
        Identity me = requireOfficial(event);
        return view(moves.approve(me.actor(), id, body == null ? null : body.note()), me);
    }

    @Post("/{id}/refuse")
    @Operation(summary = "Từ chối giải quyết hồ sơ, nêu rõ lý do (mẫu 03) / refuse, with the reason (form 03)")
    Views.DossierView refuse(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id, @Body Views.Decision body) {
        Identity me = requireOfficial(event);
        return view(moves.refuse(me.actor(), id, body == null ? null : body.reason()), me);
    }

    @Get("/by-code/{code}")
    @Operation(summary = "Cán bộ tra cứu hồ sơ theo mã / an official looks a dossier up by code")
    Views.DossierView byCode(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String code) {
        Identity me = requireOfficial(event);
        Dossier d = store.findByCode(code).filter(x -> vn.gov.bvhttdl.dvc.application.Access.inScope(me.actor(), x)).orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND,
                "dossier-not-found", new Text("Không có hồ sơ mã \"" + Limits.clip(code) + "\".", "No dossier with code \"" + Limits.clip(code) + "\".")));
        return view(d, me);
    }

    @Post("/{id}/supplement-request")
    @Operation(summary = "Yêu cầu bổ sung hồ sơ (mẫu 02), nêu một lần tất cả nội dung / request a supplement, all items at once")
    Views.DossierView requestSupplement(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id,
                                        @Body Views.SupplementRequest body) {
        Identity official = requireOfficial(event);
        return view(requestSupplement.request(official.actor(), id, body.items()), official);
    }

    private Views.DossierView view(Dossier d, Identity me) {
        return Views.DossierView.of(d, rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null),
                store.history(d.id()), store.attachments(d.id()), rules.calendar(), null,
                vn.gov.bvhttdl.dvc.application.OfficialMoves.offered(d, me.actor()));
    }

    private static Identity requireOfficial(APIGatewayV2HTTPEvent event) {
        Identity me = Identity.of(event);
        if (me.role() != Role.OFFICIAL) {
            throw new ApiException(HttpStatus.FORBIDDEN, "officials-only",
                    new Text("Chỉ cán bộ bộ phận một cửa được thực hiện thao tác này.", "Only one-stop officials may do this."));
        }
        return me;
    }
}
