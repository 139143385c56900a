package vn.gov.bvhttdl.dvc.api.official;

import vn.gov.bvhttdl.dvc.api.*;

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
 * The officials' API: the work queues of a unit (by status, earliest due first), "mine" and the consultations
 * waiting for the unit; one dossier with the moves the caller may make now ({@code allowedActions}), its process,
 * the control slip (form 06) and the files; and one POST per move, each through {@code application.OfficialMoves}.
 * An official sees the dossiers that have reached their unit; a consulted unit sees only what was sent to it.
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

    private final vn.gov.bvhttdl.dvc.adapters.ResultStore results;
    private final vn.gov.bvhttdl.dvc.application.IssueResult issueResult;

    private final vn.gov.bvhttdl.dvc.adapters.PaymentStore payments;
    private final vn.gov.bvhttdl.dvc.adapters.NoticeTable notices;
    private final vn.gov.bvhttdl.dvc.adapters.SurveyTable surveys;

    OfficialController(DossierStore store, RulesStore rules, Clock clock, software.amazon.awssdk.services.s3.presigner.S3Presigner presigner,
                       vn.gov.bvhttdl.dvc.adapters.ResultStore results, vn.gov.bvhttdl.dvc.application.IssueResult issueResult,
                       vn.gov.bvhttdl.dvc.adapters.PaymentStore payments, vn.gov.bvhttdl.dvc.adapters.NoticeTable notices,
                       vn.gov.bvhttdl.dvc.adapters.SurveyTable surveys) {
        this.surveys = surveys;
        this.payments = payments;
        this.notices = notices;
        this.results = results;
        this.issueResult = issueResult;
        this.presigner = presigner;
        this.store = store;
        this.rules = rules;
        this.clock = clock;
        this.requestSupplement = new vn.gov.bvhttdl.dvc.application.RequestSupplement(store, rules, clock);
        this.moves = new vn.gov.bvhttdl.dvc.application.OfficialMoves(store, rules, clock, issueResult, results);
    }

    /**
     * How many dossiers the official's agency has in each status (kept from the table's stream by
     * StatusCountsFunction; a change shows within seconds).
     */
    @Get("/counts")
    @Operation(summary = "Số hồ sơ theo cơ quan và trạng thái / dossiers per agency and status")
    Map<String, Map<String, Long>> counts(@Parameter(hidden = true) APIGatewayV2HTTPEvent event) {
        Identity me = requireOfficial(event);
        if (me.agency() == null) return Map.of(); // an account of no agency counts nothing (and is no server error)
        Map<String, Long> mine = new vn.gov.bvhttdl.dvc.adapters.StatusCounts(store.client(), store.tableName()).all().get(me.agency());
        return Map.of(me.agency(), mine == null ? Map.of() : mine);
    }

    @io.micronaut.serde.annotation.Serdeable
    record QualityView(String month, long answers, long points, long max, Map<String, Long> ratings) {}

    /**
     * The agency's quality of service, month by month, from the surveys: answers, points against the maximum (the
     * criteria computed from each dossier's record plus the applicant's rating), answers per rating. Default: the
     * last three months.
     */
    @Get("/quality{?from,to}")
    @Operation(summary = "Chỉ số chất lượng phục vụ của cơ quan theo tháng / the agency's quality figures per month")
    List<QualityView> quality(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @io.micronaut.core.annotation.Nullable String from,
                              @io.micronaut.core.annotation.Nullable String to) {
        Identity me = requireOfficial(event);
        java.time.LocalDate today = clock.instant().atZone(rules.calendar().zone()).toLocalDate();
        String t = to == null ? today.toString().substring(0, 7) : to;
        String f = from == null ? today.minusMonths(2).toString().substring(0, 7) : from;
        return new vn.gov.bvhttdl.dvc.application.RateService(store, rules, payments, results, surveys, clock).quality(me.actor(), f, t).stream()
                .map(q -> new QualityView(q.month(), q.answers(), q.points(), q.max(), q.ratings())).toList();
    }

    /**
     * A work queue of the official's unit, earliest due date first (so overdue first), one Query a page:
     * {@code scope=unit} (default) the unit's dossiers in {@code status}; {@code mine} those at a step assigned to the
     * caller; {@code consultations} those waiting for the unit's answer. With the unit's counts of every status.
     */
    @Get("/queue{?status,scope,size,after}")
    @Operation(summary = "Danh sách hồ sơ cần xử lý của đơn vị / the unit's work queue (unit, mine, consultations)")
    Views.QueuePage queue(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @io.micronaut.http.annotation.QueryValue @io.micronaut.core.annotation.Nullable String status,
                          @io.micronaut.http.annotation.QueryValue @io.micronaut.core.annotation.Nullable String scope,
                          @io.micronaut.http.annotation.QueryValue @io.micronaut.core.annotation.Nullable Integer size,
                          @io.micronaut.http.annotation.QueryValue @io.micronaut.core.annotation.Nullable String after) {
        Identity me = requireOfficial(event);
        vn.gov.bvhttdl.dvc.domain.DossierStatus st;
        try {
            st = vn.gov.bvhttdl.dvc.domain.DossierStatus.valueOf(status == null || status.isBlank() ? "RECEIVED" : status.strip());
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "unknown-status",
                    new Text("Không có trạng thái \"" + Limits.clip(status) + "\".", "No status \"" + Limits.clip(status) + "\"."));
        }
        String sc = scope == null || scope.isBlank() ? "unit" : scope.strip();
        if (!List.of("unit", "mine", "consultations").contains(sc)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "unknown-scope",
                    new Text("Phạm vi là unit, mine hoặc consultations.", "The scope is unit, mine or consultations."));
        }
        int n = size == null ? 20 : size;
        if (n < 1 || n > Limits.MAX_PAGE_SIZE || (after != null && after.length() > 100)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-page",
                    new Text("Mỗi trang 1–" + Limits.MAX_PAGE_SIZE + " hồ sơ.", "1–" + Limits.MAX_PAGE_SIZE + " dossiers a page."));
        }
        // the unit's own counts per status (kept from the stream by StatusCountsFunction)
        Map<String, Long> counts = me.agency() == null || me.unit() == null ? Map.of()
                : new vn.gov.bvhttdl.dvc.adapters.StatusCounts(store.client(), store.tableName()).unit(me.agency(), me.unit());
        DossierStore.QueuePage page = me.agency() == null || me.unit() == null ? new DossierStore.QueuePage(List.of(), null)
                : switch (sc) {
                    case "mine" -> store.byAssignee(me.subject(), n, after);
                    case "consultations" -> store.byConsulted(me.agency(), me.unit(), n, after);
                    default -> store.byHolder(me.agency(), me.unit(), st, n, after);
                };
        java.time.LocalDate today = clock.instant().atZone(rules.calendar().zone()).toLocalDate();
        java.time.LocalDate soon = rules.calendar().nextWorkingDay(today);
        List<Views.QueueItem> items = page.items().stream()
                .filter(d -> sc.equals("consultations") ? vn.gov.bvhttdl.dvc.application.Access.consulted(me.actor(), d)
                        : vn.gov.bvhttdl.dvc.application.Access.inScope(rules, me.actor(), d))
                .map(d -> item(d, today, soon)).toList();
        return new Views.QueuePage(st.name(), sc, me.unit() == null ? "" : me.unit(), counts, n, items, page.next());
    }

    private Views.QueueItem item(Dossier d, java.time.LocalDate today, java.time.LocalDate soon) {
        var procedure = rules.catalogue().version(d.procedureCode(), d.procedureVersion());
        var stage = vn.gov.bvhttdl.dvc.application.Access.process(rules, d).flatMap(p -> p.current(d));
        var pr = d.processing();
        java.time.LocalDate stepDue = pr == null || stage.isEmpty() ? null : pr.stepDue();
        return new Views.QueueItem(d.id(), d.code(), procedure.map(x -> Views.I18n.of(x.name())).orElse(null),
                d.applicant() == null ? null : d.applicant().fullName(), d.status().name(),
                Views.I18n.of(vn.gov.bvhttdl.dvc.domain.Workflow.standard().label(d.status())),
                d.receivedAt() == null ? null : d.receivedAt().toString(), d.dueDate() == null ? null : d.dueDate().toString(),
                d.dueDate() != null && d.dueDate().isBefore(today), d.dueDate() != null && !d.dueDate().isBefore(today) && !d.dueDate().isAfter(soon),
                stage.map(vn.gov.bvhttdl.dvc.domain.Process.Stage::code).orElse(null), stage.map(s -> Views.I18n.of(s.name())).orElse(null),
                stepDue == null ? null : stepDue.toString(), stepDue != null && stepDue.isBefore(today),
                pr == null ? null : pr.assigneeName() != null ? pr.assigneeName() : pr.assignee(), pr == null ? null : pr.deadline());
    }

    /** The agencies and units that can be consulted (rules/organisation.json). */
    @Get("/units")
    @Operation(summary = "Các cơ quan, đơn vị / the agencies and their units")
    List<Views.UnitView> units(@Parameter(hidden = true) APIGatewayV2HTTPEvent event) {
        requireOfficial(event);
        List<Views.UnitView> out = new java.util.ArrayList<>();
        for (var a : vn.gov.bvhttdl.dvc.domain.Organisation.standard().agencies().values()) {
            for (var u : a.units()) out.add(new Views.UnitView(a.code(), Views.I18n.of(a.name()), u.code(), Views.I18n.of(u.name()), u.kind()));
        }
        return out;
    }

    /** What a consulted agency or unit sees of a dossier: the question, the shared files, its answer. */
    @Get("/consultations/{id}")
    @Operation(summary = "Yêu cầu xin ý kiến gửi đơn vị / a consultation sent to the unit")
    Views.ConsultedView consultation(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id) {
        Identity me = requireOfficial(event);
        Dossier d = store.find(id).filter(x -> vn.gov.bvhttdl.dvc.application.Access.consulted(me.actor(), x)).orElseThrow(() -> notFound(id));
        return consultedView(d, me);
    }

    @Post("/consultations/{id}/answer")
    @Operation(summary = "Trả lời xin ý kiến / answer a consultation")
    Views.ConsultedView answer(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id, @Body Views.Answer body) {
        Identity me = requireOfficial(event);
        return consultedView(moves.answer(me.actor(), id, body == null ? null : body.answer()), me);
    }

    private Views.ConsultedView consultedView(Dossier d, Identity me) {
        var c = d.processing().consultation();
        var files = store.attachments(d.id()).stream().filter(a -> c.files().contains(a.uploadId())
                && a.status() == vn.gov.bvhttdl.dvc.domain.Attachment.Status.ACCEPTED).map(Views.AttachmentView::of).toList();
        return new Views.ConsultedView(d.id(), d.code(), d.procedureCode(),
                rules.catalogue().version(d.procedureCode(), d.procedureVersion()).map(x -> Views.I18n.of(x.name())).orElse(null),
                d.agencyCode(), Views.ConsultationView.of(c), files,
                vn.gov.bvhttdl.dvc.application.OfficialMoves.offered(rules, d, me.actor()).stream().filter("answer-consultation"::equals).toList());
    }

    private static DomainException notFound(String id) {
        return new DomainException(DomainException.Kind.NOT_FOUND, "dossier-not-found", new Text("Không có hồ sơ " + Limits.clip(id) + ".", "No dossier " + Limits.clip(id) + "."));
    }

    /** A dossier of the official's agency, with the moves the official may make now ({@code allowedActions}). */
    /** The dossier {@code id} if it has reached the official's unit; else the same 404 as no dossier. */
    private Dossier inScope(Identity me, String id) {
        return store.find(id).filter(x -> vn.gov.bvhttdl.dvc.application.Access.inScope(rules, me.actor(), x)).orElseThrow(() -> notFound(id));
    }

    @Get("/{id}")
    @Operation(summary = "Một hồ sơ của cơ quan, kèm các thao tác được phép / one dossier of the agency with the allowed moves")
    Views.DossierView get(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id) {
        Identity me = requireOfficial(event);
        Dossier d = inScope(me, id);
        return view(d, me);
    }

    /** What the applicant was sent about this dossier: each event's channels, sent or failed (addresses masked). */
    @io.micronaut.serde.annotation.Serdeable
    record DeliveryView(String event, String channel, String state, @io.micronaut.core.annotation.Nullable String to,
                        @io.micronaut.core.annotation.Nullable String subject, String at, @io.micronaut.core.annotation.Nullable String why) {}

    @Get("/{id}/notifications")
    @Operation(summary = "Thông báo đã gửi người nộp / the notices sent to the applicant")
    List<DeliveryView> notifications(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id) {
        Identity me = requireOfficial(event);
        Dossier d = inScope(me, id);
        return notices.deliveries(d.id()).stream().map(x -> new DeliveryView(x.eventKey(), x.channel(), x.state(), x.to(), x.subject(),
                x.at().toString(), x.why())).toList();
    }

    /** The dossier's payments as the ledger holds them (requested, paid, failed, refunded), for the desk and the units. */
    @Get("/{id}/payments")
    @Operation(summary = "Các lần thanh toán phí, lệ phí của hồ sơ / the dossier's payments")
    List<Views.PaymentView> payments(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id) {
        Identity me = requireOfficial(event);
        Dossier d = inScope(me, id);
        var receipts = new vn.gov.bvhttdl.dvc.application.PaymentReceipts(store, payments, results);
        return payments.ofDossier(d.id()).stream().map(p -> Views.PaymentView.of(p, receipts)).toList();
    }

    /**
     * One accepted file of a dossier of the official's agency: a short-lived link to the very version the scan judged
     * (a later write to the key cannot be what the official reads), shown inline in the browser.
     */
    @Get("/{id}/files/{uploadId}")
    @Operation(summary = "Xem một tệp đã được chấp nhận của hồ sơ (đường dẫn ngắn hạn) / view an accepted file (short-lived link)")
    HttpResponse<?> file(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id, @PathVariable String uploadId) {
        Identity me = requireOfficial(event);
        // the dossier's officials see every accepted file; a consulted unit the files shared with it
        Dossier d = store.find(id).filter(x -> vn.gov.bvhttdl.dvc.application.Access.inScope(rules, me.actor(), x)
                || vn.gov.bvhttdl.dvc.application.Access.consulted(me.actor(), x)).orElseThrow(() -> notFound(id));
        boolean all = vn.gov.bvhttdl.dvc.application.Access.inScope(rules, me.actor(), d);
        vn.gov.bvhttdl.dvc.domain.Attachment a = store.attachments(d.id()).stream()
                .filter(x -> x.uploadId().equals(uploadId) && x.status() == vn.gov.bvhttdl.dvc.domain.Attachment.Status.ACCEPTED)
                .filter(x -> all || d.processing().consultation().files().contains(x.uploadId())).findFirst()
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

    /** A form of the dossier as PDF: the letters 02–05 as issued, the control slip (06) as it stands now. */
    @Get("/{id}/forms/{number}")
    @Operation(summary = "Văn bản của hồ sơ (mẫu 02–06, PDF) / a form of the dossier (02–06, PDF)")
    HttpResponse<byte[]> form(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id, @PathVariable String number) {
        Identity me = requireOfficial(event);
        Dossier d = inScope(me, id);
        var history = store.history(d.id());
        if (!"06".equals(number)) return Forms.letter(d, number, rules, history);
        var process = vn.gov.bvhttdl.dvc.application.Access.process(rules, d).orElseThrow(() -> Forms.noForm(number));
        if (d.code() == null) throw Forms.noForm(number);
        return Forms.pdf(vn.gov.bvhttdl.dvc.documents.FormPdf.render(vn.gov.bvhttdl.dvc.documents.IssuedForms.controlSlip(d,
                Forms.procedure(d, rules), process, history, rules.calendar(), clock.instant())), "mau-06-" + d.code() + ".pdf");
    }

    /** At most this many dossiers of one status are read for a tracking book. */
    static final int BOOK_WINDOW = 2000;

    /**
     * The tracking book (form 07) of the official's unit: the dossiers it received (the desk) or that reached it, by
     * date of receipt from {@code from} to {@code to} (at most a year), as PDF or CSV.
     */
    @Get("/tracking-book{?from,to,format}")
    @Operation(summary = "Sổ theo dõi hồ sơ của đơn vị (mẫu 07, PDF hoặc CSV) / the unit's tracking book (form 07, PDF or CSV)")
    HttpResponse<byte[]> trackingBook(@Parameter(hidden = true) APIGatewayV2HTTPEvent event,
                                      @io.micronaut.http.annotation.QueryValue @io.micronaut.core.annotation.Nullable String from,
                                      @io.micronaut.http.annotation.QueryValue @io.micronaut.core.annotation.Nullable String to,
                                      @io.micronaut.http.annotation.QueryValue @io.micronaut.core.annotation.Nullable String format) {
        Identity me = requireOfficial(event);
        if (me.agency() == null || me.unit() == null || !vn.gov.bvhttdl.dvc.domain.Organisation.standard().hasUnit(me.agency(), me.unit())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "no-unit", new Text("Tài khoản chưa gắn với đơn vị.", "The account belongs to no unit."));
        }
        java.time.LocalDate today = clock.instant().atZone(rules.calendar().zone()).toLocalDate();
        java.time.LocalDate f, t;
        try {
            f = from == null || from.isBlank() ? today.withDayOfMonth(1) : java.time.LocalDate.parse(from.strip());
            t = to == null || to.isBlank() ? today : java.time.LocalDate.parse(to.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-date", new Text("Ngày theo dạng yyyy-mm-dd.", "Dates as yyyy-mm-dd."));
        }
        if (t.isBefore(f) || f.plusYears(1).isBefore(t)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-period",
                    new Text("Từ ngày không sau đến ngày, tối đa một năm.", "From no later than to, a year at most."));
        }
        String fmt = format == null || format.isBlank() ? "pdf" : format.strip();
        if (!fmt.equals("pdf") && !fmt.equals("csv")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-format", new Text("Định dạng pdf hoặc csv.", "Format pdf or csv."));
        }
        java.time.ZoneId zone = rules.calendar().zone();
        List<Dossier> received = new java.util.ArrayList<>();
        for (var st : vn.gov.bvhttdl.dvc.domain.DossierStatus.values()) {
            if (st == vn.gov.bvhttdl.dvc.domain.DossierStatus.DRAFT || st == vn.gov.bvhttdl.dvc.domain.DossierStatus.SUBMITTED) continue;
            for (Dossier d : store.byAgencyStatus(me.agency(), st, BOOK_WINDOW)) {
                if (d.receivedAt() == null) continue;
                java.time.LocalDate on = d.receivedAt().atZone(zone).toLocalDate();
                if (!on.isBefore(f) && !on.isAfter(t) && vn.gov.bvhttdl.dvc.application.Access.inScope(rules, me.actor(), d)) received.add(d);
            }
        }
        var lines = vn.gov.bvhttdl.dvc.documents.IssuedForms.bookLines(received, d -> rules.catalogue()
                .version(d.procedureCode(), d.procedureVersion()).map(x -> x.name().vi()).orElse(d.procedureCode()));
        String name = "so-theo-doi-" + me.agency() + "-" + me.unit() + "-" + f + "-" + t;
        if (fmt.equals("csv")) {
            return HttpResponse.ok(vn.gov.bvhttdl.dvc.documents.IssuedForms.trackingBookCsv(lines).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .contentType(io.micronaut.http.MediaType.of("text/csv; charset=utf-8"))
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").header("Cache-Control", "private, no-store");
        }
        return Forms.pdf(vn.gov.bvhttdl.dvc.documents.FormPdf.render(vn.gov.bvhttdl.dvc.documents.IssuedForms.trackingBook(me.agency(), me.unit(),
                f, t, lines, clock.instant())), name + ".pdf");
    }

    @Post("/{id}/start-processing")
    @Operation(summary = "Chuyển hồ sơ đến đơn vị chuyên môn / send the dossier on to the specialist unit")
    Views.DossierView startProcessing(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id) {
        Identity me = requireOfficial(event);
        return view(moves.startProcessing(me.actor(), id), me);
    }

    @Post("/{id}/assign")
    @Operation(summary = "Phân công / nhận xử lý (assignee trống: chính mình) / assign, or take it (no assignee: yourself)")
    Views.DossierView assign(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id,
                             @io.micronaut.core.annotation.Nullable @Body Views.Assignment body) {
        Identity me = requireOfficial(event);
        return view(moves.assign(me.actor(), id, body == null ? null : body.assignee(),
                body == null || body.assignee() == null ? me.name() : body.assigneeName()), me);
    }

    @Post("/{id}/forward")
    @Operation(summary = "Chuyển bước tiếp theo / forward to the next step")
    Views.DossierView forward(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id,
                              @io.micronaut.core.annotation.Nullable @Body Views.Decision body) {
        Identity me = requireOfficial(event);
        return view(moves.forward(me.actor(), id, body == null ? null : body.note()), me);
    }

    @Post("/{id}/return")
    @Operation(summary = "Trả lại bước trước, nêu lý do / return to the previous step, with the reason")
    Views.DossierView returnToPrevious(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id,
                                       @io.micronaut.core.annotation.Nullable @Body Views.Decision body) {
        Identity me = requireOfficial(event);
        return view(moves.returnToPrevious(me.actor(), id, body == null ? null : body.reason()), me);
    }

    @Post("/{id}/consult")
    @Operation(summary = "Xin ý kiến cơ quan, đơn vị khác / consult another agency or unit")
    Views.DossierView consult(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id,
                              @io.micronaut.core.annotation.Nullable @Body Views.ConsultationRequest body) {
        Identity me = requireOfficial(event);
        Views.ConsultationRequest b = body == null ? new Views.ConsultationRequest(null, null, null, null, null) : body;
        if (b.files() != null && b.files().size() > Limits.MAX_SHARED_FILES) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "too-many-files", new Text("Quá nhiều tệp.", "Too many files."));
        }
        return view(moves.consult(me.actor(), id, b.agency(), b.unit(), b.question(), b.files(), b.days()), me);
    }

    @Get("/{id}/extension-draft")
    @Operation(summary = "Dự thảo văn bản xin lỗi, gia hạn (mẫu 04) / the draft apology and extension (form 04)")
    Views.ExtensionDraftView extensionDraft(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id) {
        Identity me = requireOfficial(event);
        var draft = moves.extensionDraft(me.actor(), id);
        return new Views.ExtensionDraftView(draft.reason(), draft.newDue().toString(), draft.dueDate() == null ? null : draft.dueDate().toString());
    }

    @Post("/{id}/extend")
    @Operation(summary = "Xin lỗi và gia hạn, ngày hẹn mới (mẫu 04) / apologise and extend, with the new date (form 04)")
    Views.DossierView extend(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id,
                             @io.micronaut.core.annotation.Nullable @Body Views.Extension body) {
        Identity me = requireOfficial(event);
        java.time.LocalDate date = null;
        if (body != null && body.newDueDate() != null) {
            try {
                date = java.time.LocalDate.parse(body.newDueDate().strip());
            } catch (java.time.format.DateTimeParseException e) {
                Text t = new Text("Ngày hẹn mới theo dạng yyyy-mm-dd.", "The new date as yyyy-mm-dd.").at("extend.newDue");
                throw new DomainException(DomainException.Kind.INVALID, "invalid-date", t, List.of(t));
            }
        }
        return view(moves.extend(me.actor(), id, body == null ? null : body.reason(), date), me);
    }

    @Post("/{id}/stop")
    @Operation(summary = "Dừng giải quyết hồ sơ, nêu lý do (mẫu 05) / stop resolving, with the reason (form 05)")
    Views.DossierView stop(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id,
                           @io.micronaut.core.annotation.Nullable @Body Views.Decision body) {
        Identity me = requireOfficial(event);
        return view(moves.stop(me.actor(), id, body == null ? null : body.reason()), me);
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
    Views.DossierView refuse(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id,
                             @io.micronaut.core.annotation.Nullable @Body Views.Decision body) {
        Identity me = requireOfficial(event);
        return view(moves.refuse(me.actor(), id, body == null ? null : body.reason()), me);
    }

    @Post("/{id}/issue-result")
    @Operation(summary = "Ban hành kết quả có chữ ký số (khi chưa ban hành cùng phê duyệt) / issue the signed result")
    Views.DossierView issueResult(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id) {
        Identity me = requireOfficial(event);
        return view(moves.issueResult(me.actor(), id), me);
    }

    @Post("/{id}/return-result")
    @Operation(summary = "Ghi nhận trả kết quả tại quầy hoặc qua bưu chính / record the return at the counter or by post")
    Views.DossierView returnResult(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id,
                                   @io.micronaut.core.annotation.Nullable @Body Views.ReturnBody body) {
        Identity me = requireOfficial(event);
        return view(moves.returnResult(me.actor(), id, body == null ? null : body.channel()), me);
    }

    /** The dossier's results, each with its state and the address of its verification page. */
    @Get("/{id}/results")
    @Operation(summary = "Các kết quả đã ban hành của hồ sơ / the dossier's issued results")
    List<Views.ResultView> results(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id) {
        Identity me = requireOfficial(event);
        Dossier d = inScope(me, id);
        java.time.LocalDate today = clock.instant().atZone(rules.calendar().zone()).toLocalDate();
        return results.ofDossier(d.id()).stream().map(r -> Views.ResultView.of(r, today, issueResult.verifyUrl(r.id()))).toList();
    }

    /** The signing unit's leader revokes a result, with the reason; the verification page says so from then on. */
    @Post("/{id}/results/{number}/revoke")
    @Operation(summary = "Thu hồi kết quả, nêu lý do / revoke a result, with the reason")
    Views.ResultView revoke(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id, @PathVariable String number,
                            @io.micronaut.core.annotation.Nullable @Body Views.Decision body) {
        Identity me = requireOfficial(event);
        var revoked = moves.revokeResult(me.actor(), id, number, body == null ? null : body.reason());
        return Views.ResultView.of(revoked, clock.instant().atZone(rules.calendar().zone()).toLocalDate(), issueResult.verifyUrl(revoked.id()));
    }

    /** A correction: the next number is issued and this result marked replaced by it. */
    @Post("/{id}/results/{number}/correct")
    @Operation(summary = "Đính chính: ban hành kết quả số mới thay thế kết quả này / correct: issue a new number replacing this result")
    Views.ResultView correct(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id, @PathVariable String number,
                             @io.micronaut.core.annotation.Nullable @Body Views.Decision body) {
        Identity me = requireOfficial(event);
        var next = moves.correctResult(me.actor(), id, number, body == null ? null : body.reason());
        return Views.ResultView.of(next, clock.instant().atZone(rules.calendar().zone()).toLocalDate(), issueResult.verifyUrl(next.id()));
    }

    @Get("/by-code/{code}")
    @Operation(summary = "Cán bộ tra cứu hồ sơ theo mã / an official looks a dossier up by code")
    Views.DossierView byCode(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String code) {
        Identity me = requireOfficial(event);
        Dossier d = store.findByCode(code).filter(x -> vn.gov.bvhttdl.dvc.application.Access.inScope(rules, me.actor(), x)).orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND,
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
        var history = store.history(d.id());
        var process = vn.gov.bvhttdl.dvc.application.Access.process(rules, d).orElse(null);
        return Views.DossierView.of(d, rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null),
                history, store.attachments(d.id()), rules.calendar(), null,
                offeredNow(d, me),
                Views.ProcessingView.of(d, process, history, rules.calendar(), true));
    }

    /** The moves offered: exactly those the use cases accept (OfficialMoves.offered). */
    private List<String> offeredNow(Dossier d, Identity me) {
        return moves.offered(d, me.actor());
    }

    private static Identity requireOfficial(APIGatewayV2HTTPEvent event) {
        Identity me = Identity.of(event);
        if (me.role() != Role.OFFICIAL) {
            throw new ApiException(HttpStatus.FORBIDDEN, "officials-only",
                    new Text("Chỉ cán bộ, công chức được thực hiện thao tác này.", "Only officials may do this."));
        }
        return me;
    }
}
