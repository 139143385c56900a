package vn.gov.bvhttdl.dvc.api.citizen;

import vn.gov.bvhttdl.dvc.api.*;

import vn.gov.bvhttdl.dvc.adapters.SubmissionQueue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.adapters.Documents;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Completeness;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Limits;
import io.micronaut.http.annotation.Header;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import java.time.Duration;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierCode;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A citizen's own dossiers. Every route needs a signed-in caller; a dossier that belongs to someone else answers
 * exactly like one that does not exist (404), so codes and ids cannot be probed.
 */
@Controller("/api/dossiers")
@SecurityRequirement(name = "cognito")
final class DossierController {
    private final RulesStore rules;
    private final DossierStore store;
    private final SubmissionQueue submissions;
    private final S3Presigner presigner;
    private final Clock clock;
    private final vn.gov.bvhttdl.dvc.application.SubmitDossier submitDossier;
    private final vn.gov.bvhttdl.dvc.application.WithdrawDossier withdrawDossier;
    private final vn.gov.bvhttdl.dvc.application.AttachFile attachFile;
    private final vn.gov.bvhttdl.dvc.application.RemoveFile removeFile;
    private final vn.gov.bvhttdl.dvc.application.CreateDossier createDossier;
    private final vn.gov.bvhttdl.dvc.application.EditDossier editDossier;

    private final vn.gov.bvhttdl.dvc.adapters.ResultStore results;

    DossierController(RulesStore rules, DossierStore store, SubmissionQueue submissions, S3Presigner presigner, Clock clock,
                      vn.gov.bvhttdl.dvc.adapters.ResultStore results, vn.gov.bvhttdl.dvc.adapters.NoticeTable notices) {
        this.results = results;
        this.rules = rules;
        this.store = store;
        this.submissions = submissions;
        this.presigner = presigner;
        this.clock = clock;
        this.submitDossier = new vn.gov.bvhttdl.dvc.application.SubmitDossier(store, rules, submissions, clock);
        this.withdrawDossier = new vn.gov.bvhttdl.dvc.application.WithdrawDossier(store, clock);
        this.attachFile = new vn.gov.bvhttdl.dvc.application.AttachFile(store, rules,
                new S3UploadLinks(presigner, Settings.require("UPLOADS_BUCKET")), clock);
        this.removeFile = new vn.gov.bvhttdl.dvc.application.RemoveFile(store, clock);
        this.createDossier = new vn.gov.bvhttdl.dvc.application.CreateDossier(store, rules, notices, clock);
        this.editDossier = new vn.gov.bvhttdl.dvc.application.EditDossier(store, rules, clock);
    }

    /** How long a presigned upload or download link works. */
    static final Duration LINK_LIFETIME = Attachment.LINK_LIFETIME;
    static final int MAX_FILES = vn.gov.bvhttdl.dvc.application.AttachFile.MAX_FILES;

    @Post
    @Operation(summary = "Tạo hồ sơ nháp / create a draft dossier")
    HttpResponse<Views.DossierView> create(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @Body Views.NewDossier body,
                                           @Header("Idempotency-Key") @Nullable String idempotencyKey) {
        Identity me = Identity.of(event);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        if (key != null && !key.matches("[A-Za-z0-9_-]{8,64}")) {
            throw new DomainException(DomainException.Kind.MALFORMED, "invalid-idempotency-key",
                    new Text("Idempotency-Key phải gồm 8–64 ký tự chữ, số, '-' hoặc '_'.", "Idempotency-Key must be 8–64 letters, digits, '-' or '_'."));
        }
        var r = createDossier.create(me.actor(), verified(me), body.procedureCode(),
                body.applicant() == null ? null : body.applicant().toDomain(), body.form(), key, key == null ? null : fingerprint(body));
        // the same request again (a retry, a double click): the dossier it created, not a second one
        if (r.replayed()) return HttpResponse.ok(view(r.dossier(), true));
        return HttpResponse.created(view(r.dossier(), true), URI.create("/api/dossiers/" + r.dossier().id()));
    }

    private static vn.gov.bvhttdl.dvc.application.VerifiedIdentity verified(Identity me) {
        return new vn.gov.bvhttdl.dvc.application.VerifiedIdentity(me.name(), me.idNumber(), me.email());
    }

    @Get
    @Operation(summary = "Hồ sơ của tôi / my dossiers, newest first")
    List<Views.DossierView> mine(@Parameter(hidden = true) APIGatewayV2HTTPEvent event) {
        Identity me = Identity.of(event);
        return store.listByOwner(me.subject(), 100).stream().map(d -> view(d, false)).toList();
    }

    @Get("/{id}")
    @Operation(summary = "Một hồ sơ, kèm lịch sử / one dossier with its history")
    Views.DossierView get(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id) {
        return view(owned(Identity.of(event), id), true);
    }

    @Get("/by-code/{code}")
    @Operation(summary = "Tra cứu theo mã hồ sơ / look up by dossier code")
    Views.DossierView byCode(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String code) {
        Identity me = Identity.of(event);
        if (!DossierCode.standard().isWellFormed(code)) {
            throw new DomainException(DomainException.Kind.MALFORMED, "malformed-dossier-code",
                    new Text("Mã hồ sơ \"" + Limits.clip(code) + "\" không đúng định dạng <mã đơn vị>-<YYMMDD>-<số thứ tự 4 chữ số>.",
                            "Dossier code \"" + Limits.clip(code) + "\" is not of the form <unit code>-<YYMMDD>-<4-digit number>."));
        }
        Dossier d = store.findByCode(code).filter(x -> x.ownerId().equals(me.subject()))
                .orElseThrow(() -> notFound(code));
        return view(d, true);
    }

    @Put("/{id}")
    @Operation(summary = "Sửa hồ sơ nháp / edit a draft")
    Views.DossierView edit(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id,
                           @Body Views.EditDossier body) {
        Identity me = Identity.of(event);
        return view(editDossier.edit(me.actor(), verified(me), id, body.applicant() == null ? null : body.applicant().toDomain(), body.form()), true);
    }

    /**
     * Submits a draft: checks completeness first (all that is missing, in one answer), then hands it to the
     * validation function. Repeating the call for a dossier that is already submitted and not yet received
     * sends it again (safe: validation is idempotent), so a lost message or a double click loses nothing.
     */
    @Post("/{id}/submit")
    @Operation(summary = "Nộp hồ sơ / submit")
    HttpResponse<Views.DossierView> submit(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id) {
        Identity me = Identity.of(event);
        var r = submitDossier.submit(vn.gov.bvhttdl.dvc.domain.Actor.citizen(me.subject()), id);
        return HttpResponse.<Views.DossierView>status(HttpStatus.ACCEPTED).body(view(r.dossier(), true));
    }

    /**
     * Authorises one file for one component: the answer is a presigned PUT bound to the declared size and to the
     * MIME type of the file's format, so the browser sends the bytes straight to S3. The file stays PENDING until the
     * scan function has checked its bytes.
     */
    @Post("/{id}/attachments")
    @Operation(summary = "Xin đường dẫn tải tệp lên cho một thành phần hồ sơ / authorise an upload")
    HttpResponse<Views.UploadView> authoriseUpload(@Parameter(hidden = true) APIGatewayV2HTTPEvent event,
                                                   @PathVariable String id, @Body Views.NewUpload body) {
        var r = attachFile.attach(vn.gov.bvhttdl.dvc.domain.Actor.citizen(Identity.of(event).subject()), id,
                body.componentCode(), body.fileName(), body.size());
        return HttpResponse.created(new Views.UploadView(r.link().url(), "PUT", r.link().headers(), r.link().expiresAt().toString(),
                Views.AttachmentView.of(r.pending())));
    }

    /**
     * Withdraws a file while the dossier is editable: cancels an upload still on its way (its link may have been
     * lost) or removes a judged file. It leaves the dossier's current set and stays on the record.
     */
    @Delete("/{id}/attachments/{uploadId}")
    @Operation(summary = "Hủy tải lên hoặc gỡ một tệp khi hồ sơ còn sửa được / cancel an upload or remove a file")
    Views.DossierView cancelAttachment(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id,
                                       @PathVariable String uploadId) {
        Identity me = Identity.of(event);
        return view(removeFile.remove(vn.gov.bvhttdl.dvc.domain.Actor.citizen(me.subject()), id, uploadId), true);
    }

    @Get("/{id}/checklist")
    @Operation(summary = "Danh mục kiểm tra trước khi nộp / the completeness checklist")
    Views.ChecklistView checklist(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id) {
        Dossier d = owned(Identity.of(event), id);
        Procedure p = procedureOf(d);
        return Views.ChecklistView.of(Completeness.check(p, d, store.attachments(d.id()), clock.instant()));
    }

    @Post("/{id}/withdraw")
    @Operation(summary = "Rút hồ sơ (nêu lý do) / withdraw, with a reason")
    Views.DossierView withdraw(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id,
                               @Body Views.Withdrawal body) {
        Identity me = Identity.of(event);
        return view(withdrawDossier.withdraw(vn.gov.bvhttdl.dvc.domain.Actor.citizen(me.subject()), id, body.reason()), true);
    }

    /** The receipt and appointment slip (form 01) issued at receipt: a short-lived download link to the PDF. */
    @Get("/{id}/receipt")
    @Operation(summary = "Giấy tiếp nhận và hẹn trả kết quả (mẫu 01, PDF) / receipt and appointment slip")
    HttpResponse<?> receipt(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id) {
        Dossier d = owned(Identity.of(event), id);
        if (d.code() == null) {
            throw new DomainException(DomainException.Kind.REFUSED, "no-receipt-yet",
                    new Text("Hồ sơ chưa được tiếp nhận nên chưa có giấy hẹn.", "The dossier has not been received yet: no receipt."));
        }
        PresignedGetObjectRequest get = presigner.presignGetObject(r -> r.signatureDuration(LINK_LIFETIME)
                .getObjectRequest(o -> o.bucket(Settings.require("DOCUMENTS_BUCKET")).key(Documents.receiptKey(d.code()))
                        .responseContentType("application/pdf")
                        .responseContentDisposition("inline; filename=\"giay-hen-" + d.code() + ".pdf\"")));
        return HttpResponse.seeOther(URI.create(get.url().toString()));
    }

    /** The results issued for the applicant's dossier: number, type, dates, state and the verification address. */
    @Get("/{id}/results")
    @Operation(summary = "Kết quả giải quyết của hồ sơ / the dossier's results")
    List<Views.ResultView> results(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id) {
        Dossier d = owned(Identity.of(event), id);
        java.time.LocalDate today = clock.instant().atZone(rules.calendar().zone()).toLocalDate();
        return results.ofDossier(d.id()).stream().map(r -> Views.ResultView.of(r, today, SharedBeans.verifyUrl(r.id()))).toList();
    }

    /**
     * The signed result file: a short-lived link to it. The first download returns the result (the dossier moves
     * to "result returned"); a revoked or replaced one still downloads, its page says so.
     */
    @Get("/{id}/results/{number}")
    @Operation(summary = "Tải kết quả điện tử có chữ ký số (PDF) / download the signed result (PDF)")
    HttpResponse<?> result(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id, @PathVariable String number) {
        Identity me = Identity.of(event);
        var r = new vn.gov.bvhttdl.dvc.application.ReturnOnline(store, results, clock).take(vn.gov.bvhttdl.dvc.domain.Actor.citizen(me.subject()), id, number);
        PresignedGetObjectRequest get = presigner.presignGetObject(x -> x.signatureDuration(LINK_LIFETIME)
                .getObjectRequest(o -> o.bucket(results.bucket()).key(vn.gov.bvhttdl.dvc.adapters.ResultStore.key(r.id()))
                        .responseContentType("application/pdf")
                        .responseContentDisposition("inline; filename=\"ket-qua-" + r.number() + ".pdf\"")));
        return HttpResponse.seeOther(URI.create(get.url().toString()));
    }

    /**
     * A letter addressed to the applicant (form 02 supplement request, 03 refusal, 04 apology and new date, 05 stop)
     * as the trail issued it, as PDF; 404 when this dossier has none of that number.
     */
    @Get("/{id}/forms/{number}")
    @Operation(summary = "Văn bản gửi người nộp (mẫu 02–05, PDF) / a letter to the applicant (forms 02–05, PDF)")
    HttpResponse<byte[]> form(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id, @PathVariable String number) {
        Dossier d = owned(Identity.of(event), id);
        return Forms.letter(d, number, rules, store.history(d.id()));
    }

    private Dossier owned(Identity me, String id) { return owned(store, me, id); }

    /** The caller's dossier {@code id}; someone else's answers exactly like none (404). */
    static Dossier owned(DossierStore store, Identity me, String id) {
        return store.find(id).filter(d -> d.ownerId().equals(me.subject())).orElseThrow(() -> notFound(id));
    }

    private static DomainException notFound(String ref) {
        return DomainException.of("dossier-not-found", "ref", ref);
    }

    /** The version in force now: a new dossier is created under it and keeps it. */
    private Procedure procedure(String code) {
        return rules.catalogue().inForce(code, ProcedureCatalogue.today()).orElseThrow(() -> procedureGone(code));
    }

    /** The version the dossier was created under, in force or not. */
    private Procedure procedureOf(Dossier d) {
        return rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElseThrow(() -> procedureGone(d.procedureCode()));
    }

    private static DomainException procedureGone(String code) {
        return new DomainException(DomainException.Kind.INVALID, "unknown-procedure",
                new Text("Không có thủ tục mã \"" + Limits.clip(code) + "\" đang có hiệu lực.", "No procedure with code \"" + Limits.clip(code) + "\" is in force."));
    }

    /** What a create request asks for, so that a reused Idempotency-Key with another body is told apart from a retry. */
    static String fingerprint(Views.NewDossier body) {
        Map<String, Object> m = new java.util.TreeMap<>();
        m.put("procedureCode", body.procedureCode());
        Views.ApplicantInput a = body.applicant();
        if (a != null) {
            Map<String, Object> am = new java.util.TreeMap<>();
            am.put("fullName", a.fullName()); am.put("idNumber", a.idNumber()); am.put("enterpriseCode", a.enterpriseCode());
            am.put("address", a.address()); am.put("phone", a.phone()); am.put("email", a.email());
            am.values().removeIf(java.util.Objects::isNull);
            m.put("applicant", am);
        }
        if (body.form() != null) m.put("form", new java.util.TreeMap<>(body.form()));
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(m).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Views.DossierView view(Dossier d, boolean withHistory) {
        Procedure p = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null);
        // the applicant reads the public part of the trail: statuses, steps, dates, the reasons addressed to them
        return Views.DossierView.of(d, p, withHistory ? store.history(d.id()).stream().map(vn.gov.bvhttdl.dvc.domain.AuditEvent::publicPart).toList() : null,
                withHistory ? store.attachments(d.id()) : null, rules.calendar(), vn.gov.bvhttdl.dvc.domain.Role.CITIZEN,
                withHistory && d.code() != null ? store.lookup(d.code()).map(DossierStore.Lookup::key).orElse(null) : null);
    }
}
