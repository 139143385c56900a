package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
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
    private final Clock clock;

    DossierController(RulesStore rules, DossierStore store, SubmissionQueue submissions, Clock clock) {
        this.rules = rules;
        this.store = store;
        this.submissions = submissions;
        this.clock = clock;
    }

    @Post
    @Operation(summary = "Tạo hồ sơ nháp / create a draft dossier")
    HttpResponse<Views.DossierView> create(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @Body Views.NewDossier body) {
        Identity me = Identity.of(event);
        if (body.procedureCode() == null || body.procedureCode().isBlank()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "procedure-required",
                    new Text("Vui lòng chọn thủ tục.", "Choose a procedure."));
        }
        Procedure p = procedure(body.procedureCode());
        Applicant applicant = prefill(body.applicant(), me);
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, me.subject(), applicant, body.form(), clock.instant());
        store.create(c);
        return HttpResponse.created(view(c.dossier(), true), URI.create("/api/dossiers/" + c.dossier().id()));
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
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed-dossier-code",
                    new Text("Mã hồ sơ \"" + code + "\" không đúng định dạng <mã đơn vị>-<YYMMDD>-<số thứ tự 4 chữ số>.",
                            "Dossier code \"" + code + "\" is not of the form <unit code>-<YYMMDD>-<4-digit number>."));
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
        Dossier d = owned(me, id);
        Dossier.Change c = d.editDraft(prefill(body.applicant(), me), body.form() == null ? d.form() : body.form(), clock.instant());
        store.save(c);
        return view(c.dossier(), true);
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
        Dossier d = owned(me, id);
        if (d.status() == DossierStatus.SUBMITTED) {
            submissions.send(d.id(), d.version());
            return HttpResponse.accepted().body(view(d, true));
        }
        Procedure p = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElseThrow(() -> procedureGone(d.procedureCode()));
        List<Text> missing = d.missing(p);
        if (!missing.isEmpty() && (d.status() == DossierStatus.DRAFT || d.status() == DossierStatus.AWAITING_SUPPLEMENT)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "dossier-incomplete",
                    new Text("Hồ sơ chưa đủ thông tin (" + missing.size() + " mục).",
                            "The dossier is incomplete (" + missing.size() + " items)."), missing);
        }
        String action = d.status() == DossierStatus.AWAITING_SUPPLEMENT ? "resubmit" : "submit";
        Dossier.Change c = d.apply(action, me.subject(), Role.CITIZEN, clock.instant(), null, Map.of());
        store.save(c);
        submissions.send(c.dossier().id(), c.dossier().version());
        return HttpResponse.<Views.DossierView>status(HttpStatus.ACCEPTED).body(view(c.dossier(), true));
    }

    private Dossier owned(Identity me, String id) {
        return store.find(id).filter(d -> d.ownerId().equals(me.subject())).orElseThrow(() -> notFound(id));
    }

    private static DomainException notFound(String ref) {
        return new DomainException(DomainException.Kind.NOT_FOUND, "dossier-not-found",
                new Text("Không tìm thấy hồ sơ \"" + ref + "\" trong tài khoản của bạn.",
                        "No dossier \"" + ref + "\" in your account."));
    }

    /** The version in force now: a new dossier is created under it and keeps it. */
    private Procedure procedure(String code) {
        return rules.catalogue().inForce(code, ProcedureCatalogue.today()).orElseThrow(() -> procedureGone(code));
    }

    private static ApiException procedureGone(String code) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-procedure",
                new Text("Không có thủ tục mã \"" + code + "\" đang có hiệu lực.", "No procedure with code \"" + code + "\" is in force."));
    }

    /** The form's applicant, with blanks filled from the signed-in profile (never asked twice). */
    private static Applicant prefill(@Nullable Views.ApplicantInput input, Identity me) {
        Applicant a = input == null ? new Applicant(null, null, null, null, null, null) : input.toDomain();
        return new Applicant(or(a.fullName(), me.name()), or(a.idNumber(), me.idNumber()), a.enterpriseCode(),
                a.address(), a.phone(), or(a.email(), me.email()));
    }

    private static String or(String a, String b) { return a == null || a.isBlank() ? b : a; }

    private Views.DossierView view(Dossier d, boolean withHistory) {
        Procedure p = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null);
        return Views.DossierView.of(d, p, withHistory ? store.history(d.id()) : null,
                withHistory ? store.attachments(d.id()) : null);
    }
}
