package vn.gov.bvhttdl.dvc.api.citizen;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import vn.gov.bvhttdl.dvc.api.Forms;
import vn.gov.bvhttdl.dvc.api.SignedIn;
import vn.gov.bvhttdl.dvc.api.Views;
import vn.gov.bvhttdl.dvc.application.CitizenDesk;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.DossierCode;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A citizen's own dossiers: HTTP in, one {@link CitizenDesk} call, a view out. Every route needs a signed-in caller;
 * a dossier that belongs to someone else answers exactly like one that does not exist (404), so codes and ids cannot
 * be probed. One dossier's page comes with one request, and each move answers the page it leaves.
 */
@Controller("/api/dossiers")
@SecurityRequirement(name = "cognito")
final class DossierController {
    private final CitizenDesk desk;

    DossierController(CitizenDesk desk) {
        this.desk = desk;
    }

    @Post
    @Operation(summary = "Tạo hồ sơ nháp / create a draft dossier")
    HttpResponse<CitizenViews.DossierPageView> create(@Parameter(hidden = true) SignedIn me, @Body CitizenViews.NewDossier body,
                                                      @Header("Idempotency-Key") @Nullable String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        if (key != null && !key.matches("[A-Za-z0-9_-]{8,64}")) {
            throw new DomainException(DomainException.Kind.MALFORMED, "invalid-idempotency-key",
                    new Text("Idempotency-Key phải gồm 8–64 ký tự chữ, số, '-' hoặc '_'.", "Idempotency-Key must be 8–64 letters, digits, '-' or '_'."));
        }
        var r = desk.create(me.actor(), me.verified(), body.procedureCode(), body.applicant() == null ? null : body.applicant().toDomain(),
                body.form(), key, key == null ? null : fingerprint(body));
        var page = CitizenViews.DossierPageView.of(desk.dossier(me.applicant(), r.dossier().id()));
        // the same request again (a retry, a double click): the dossier it created, not a second one
        if (r.replayed()) return HttpResponse.ok(page);
        return HttpResponse.created(page, URI.create("/api/dossiers/" + r.dossier().id()));
    }

    @Get
    @Operation(summary = "Hồ sơ của tôi / my dossiers, newest first")
    List<Views.DossierView> mine(@Parameter(hidden = true) SignedIn me) {
        var mine = desk.mine(me.applicant(), me.verified());
        return mine.items().stream().map(x -> Views.DossierView.of(x.dossier(), x.procedure(), null, null, mine.calendar(), Role.CITIZEN)).toList();
    }

    @Get("/{id}")
    @Operation(summary = "Một hồ sơ với mọi thứ trang của người nộp cần / one dossier with its history, checklist, fees, results")
    CitizenViews.DossierPageView get(@Parameter(hidden = true) SignedIn me, @PathVariable String id) {
        return CitizenViews.DossierPageView.of(desk.dossier(me.applicant(), id));
    }

    /** Who looked at my dossier: the officials' reads, newest first, a page at a time ({@code after}: the page before's {@code next}). */
    @Get("/{id}/reads{?size,after}")
    @Operation(summary = "Ai đã xem hồ sơ của tôi / who looked at my dossier (the officials' reads, newest first)")
    CitizenViews.ReadsPage reads(@Parameter(hidden = true) SignedIn me, @PathVariable String id,
                                 @io.micronaut.http.annotation.QueryValue @io.micronaut.core.annotation.Nullable Integer size,
                                 @io.micronaut.http.annotation.QueryValue @io.micronaut.core.annotation.Nullable String after) {
        return CitizenViews.ReadsPage.of(desk.reads(me.applicant(), id, size == null ? 20 : size, after));
    }

    @Get("/by-code/{code}")
    @Operation(summary = "Tra cứu theo mã hồ sơ / look up by dossier code")
    CitizenViews.DossierPageView byCode(@Parameter(hidden = true) SignedIn me, @PathVariable String code) {
        if (!DossierCode.standard().isWellFormed(code)) {
            throw new DomainException(DomainException.Kind.MALFORMED, "malformed-dossier-code",
                    new Text("Mã hồ sơ \"" + Limits.clip(code) + "\" không đúng định dạng <mã đơn vị>-<YYMMDD>-<số thứ tự 4 chữ số>.",
                            "Dossier code \"" + Limits.clip(code) + "\" is not of the form <unit code>-<YYMMDD>-<4-digit number>."));
        }
        return CitizenViews.DossierPageView.of(desk.byCode(me.applicant(), code));
    }

    @Put("/{id}")
    @Operation(summary = "Sửa hồ sơ nháp / edit a draft")
    CitizenViews.DossierPageView edit(@Parameter(hidden = true) SignedIn me, @PathVariable String id, @Body CitizenViews.EditDossier body) {
        return CitizenViews.DossierPageView.of(desk.edit(me.actor(), me.verified(), id, body.applicant() == null ? null : body.applicant().toDomain(), body.form()));
    }

    /**
     * Submits a draft: checks completeness first (all that is missing, in one answer), then hands it to the
     * validation function. Repeating the call for a dossier submitted and not yet received sends it again (safe:
     * validation is idempotent), so a lost message or a double click loses nothing.
     */
    @Post("/{id}/submit")
    @Operation(summary = "Nộp hồ sơ / submit")
    HttpResponse<CitizenViews.DossierPageView> submit(@Parameter(hidden = true) SignedIn me, @PathVariable String id) {
        return HttpResponse.<CitizenViews.DossierPageView>status(HttpStatus.ACCEPTED).body(CitizenViews.DossierPageView.of(desk.submit(me.applicant(), id)));
    }

    /**
     * Authorises one file for one component: a presigned PUT bound to the declared size and to the MIME type of the
     * file's format, so the browser sends the bytes straight to S3. The file stays PENDING until the scan has checked it.
     */
    @Post("/{id}/attachments")
    @Operation(summary = "Xin đường dẫn tải tệp lên cho một thành phần hồ sơ / authorise an upload")
    HttpResponse<CitizenViews.UploadView> authoriseUpload(@Parameter(hidden = true) SignedIn me, @PathVariable String id, @Body CitizenViews.NewUpload body) {
        var r = desk.attach(me.applicant(), id, body.componentCode(), body.fileName(), body.size());
        return HttpResponse.created(new CitizenViews.UploadView(r.link().url(), "PUT", r.link().headers(), r.link().expiresAt().toString(),
                Views.AttachmentView.of(r.pending())));
    }

    /**
     * Attaches a document of the applicant's data warehouse to a component by reference (issue #25): nothing is
     * uploaded, it is accepted at once; a document not in the applicant's warehouse is 404, one revoked, replaced or
     * expired 422 naming it. Answers the dossier's page.
     */
    @Post("/{id}/attachments/from-warehouse")
    @Operation(summary = "Dùng giấy tờ trong kho dữ liệu của tôi cho một thành phần hồ sơ / attach a document from my data warehouse")
    CitizenViews.DossierPageView attachFromWarehouse(@Parameter(hidden = true) SignedIn me, @PathVariable String id, @Body CitizenViews.FromWarehouse body) {
        return CitizenViews.DossierPageView.of(desk.attachFromWarehouse(me.applicant(), id, body.componentCode(), body.documentId()));
    }

    /** Cancels an upload still on its way or removes a judged file while the dossier is editable (it stays on the record). */
    @Delete("/{id}/attachments/{uploadId}")
    @Operation(summary = "Hủy tải lên hoặc gỡ một tệp khi hồ sơ còn sửa được / cancel an upload or remove a file")
    CitizenViews.DossierPageView cancelAttachment(@Parameter(hidden = true) SignedIn me, @PathVariable String id, @PathVariable String uploadId) {
        return CitizenViews.DossierPageView.of(desk.removeFile(me.applicant(), id, uploadId));
    }

    @Get("/{id}/checklist")
    @Operation(summary = "Danh mục kiểm tra trước khi nộp / the completeness checklist")
    CitizenViews.ChecklistView checklist(@Parameter(hidden = true) SignedIn me, @PathVariable String id) {
        return CitizenViews.ChecklistView.of(desk.checklist(me.applicant(), id));
    }

    @Post("/{id}/withdraw")
    @Operation(summary = "Rút hồ sơ (nêu lý do) / withdraw, with a reason")
    CitizenViews.DossierPageView withdraw(@Parameter(hidden = true) SignedIn me, @PathVariable String id, @Body CitizenViews.Withdrawal body) {
        return CitizenViews.DossierPageView.of(desk.withdraw(me.applicant(), id, body.reason()));
    }

    /** The receipt and appointment slip (form 01) issued at receipt: a short-lived link to the PDF. */
    @Get("/{id}/receipt")
    @Operation(summary = "Giấy tiếp nhận và hẹn trả kết quả (mẫu 01, PDF) / receipt and appointment slip")
    HttpResponse<?> receipt(@Parameter(hidden = true) SignedIn me, @PathVariable String id) {
        return HttpResponse.seeOther(desk.receipt(me.applicant(), id));
    }

    /** The results issued for the applicant's dossier: number, type, dates, state and the verification address. */
    @Get("/{id}/results")
    @Operation(summary = "Kết quả giải quyết của hồ sơ / the dossier's results")
    List<Views.ResultView> results(@Parameter(hidden = true) SignedIn me, @PathVariable String id) {
        var page = desk.dossier(me.applicant(), id);
        return page.results().stream().map(r -> Views.ResultView.of(r.result(), page.today(), r.verifyUrl())).toList();
    }

    /** The signed result file: the first download returns the result; a revoked or replaced one still downloads. */
    @Get("/{id}/results/{number}")
    @Operation(summary = "Tải kết quả điện tử có chữ ký số (PDF) / download the signed result (PDF)")
    HttpResponse<?> result(@Parameter(hidden = true) SignedIn me, @PathVariable String id, @PathVariable String number) {
        return HttpResponse.seeOther(desk.result(me.applicant(), id, number));
    }

    /** A letter addressed to the applicant (forms 02–05) as the trail issued it, as PDF; 404 when there is none. */
    @Get("/{id}/forms/{number}")
    @Operation(summary = "Văn bản gửi người nộp (mẫu 02–05, PDF) / a letter to the applicant (forms 02–05, PDF)")
    HttpResponse<byte[]> form(@Parameter(hidden = true) SignedIn me, @PathVariable String id, @PathVariable String number) {
        var l = desk.letters(me.applicant(), id);
        return Forms.letter(l.dossier(), number, l.procedure(), l.history());
    }

    /** What a create request asks for, so that a reused Idempotency-Key with another body is told apart from a retry. */
    static String fingerprint(CitizenViews.NewDossier body) {
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
}
