package vn.gov.bvhttdl.dvc.api.citizen;

import vn.gov.bvhttdl.dvc.api.*;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.PaymentStore;
import vn.gov.bvhttdl.dvc.adapters.ResultStore;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.application.PaymentGateway;
import vn.gov.bvhttdl.dvc.application.PaymentReceipts;
import vn.gov.bvhttdl.dvc.application.StartPayment;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Citation;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.PaymentRules;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Paying a dossier's fees online (level 4): what is due with its legal basis, the providers, the payments made and
 * their state (pending until the provider's notice, paid, failed, expired, refunded), a new payment request, and the
 * e-receipt of a paid one.
 */
@Controller("/api/dossiers/{id}/payments")
@SecurityRequirement(name = "cognito")
final class PaymentController {
    private final DossierStore store;
    private final PaymentStore payments;
    private final ResultStore results;
    private final S3Presigner presigner;
    private final StartPayment start;
    private final PaymentReceipts receipts;

    PaymentController(DossierStore store, PaymentStore payments, ResultStore results, S3Presigner presigner, RulesStore rules,
                      Map<String, PaymentGateway> gateways, Clock clock) {
        this.store = store;
        this.payments = payments;
        this.results = results;
        this.presigner = presigner;
        this.start = new StartPayment(store, payments, gateways, rules, clock);
        // the receipts are issued (drawn and signed) by the functions that credit payments: here they are only read
        this.receipts = new PaymentReceipts(store, payments, results);
    }

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

    @Serdeable
    record Summary(boolean due, List<Line> lines, long totalVnd, List<Provider> providers, List<Views.PaymentView> payments, List<Views.CitationView> basis) {}

    @Serdeable
    record NewPayment(@Nullable String provider) {}

    @Serdeable
    record Started(String reference, String redirectUrl, String expiresAt, long amountVnd) {}

    @Get
    @Operation(summary = "Phí, lệ phí và các lần thanh toán của hồ sơ / the dossier's fees and payments")
    Summary summary(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id) {
        Dossier d = owned(Identity.of(event), id);
        List<Payment.Line> lines = start.lines(d);
        PaymentRules rules = PaymentRules.standard();
        return new Summary(d.status() == DossierStatus.AWAITING_PAYMENT && !lines.isEmpty(), lines.stream().map(Line::of).toList(),
                lines.stream().mapToLong(Payment.Line::amountVnd).sum(),
                rules.providers().values().stream().map(p -> new Provider(p.code(), Views.I18n.of(p.name()))).toList(),
                payments.ofDossier(d.id()).stream().map(p -> Views.PaymentView.of(p, receipts)).toList(), rules.basis().stream().map(Views.CitationView::of).toList());
    }

    @Post
    @Operation(summary = "Bắt đầu thanh toán trực tuyến / start an online payment (answers the provider's address)")
    HttpResponse<Started> pay(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id, @Body @Nullable NewPayment body) {
        Identity me = Identity.of(event);
        String ip = event.getRequestContext() == null || event.getRequestContext().getHttp() == null ? null
                : event.getRequestContext().getHttp().getSourceIp();
        String base = base();
        String provider = body == null ? null : body.provider();
        StartPayment.Started s = start.start(Actor.citizen(me.subject()), id, provider, ip,
                ref -> base + "/api/payments/" + provider + "/return", base + "/api/payments/" + provider + "/ipn");
        return HttpResponse.created(new Started(s.payment().reference(), s.redirectUrl(), s.payment().expiresAt().toString(), s.payment().amountVnd()),
                URI.create("/api/dossiers/" + id + "/payments"));
    }

    /** The e-receipt of a paid payment: a short-lived link to the signed PDF (issued when the payment was credited). */
    @Get("/{reference}/receipt")
    @Operation(summary = "Biên lai điện tử (PDF có chữ ký số) / the e-receipt (signed PDF)")
    HttpResponse<?> receipt(@Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id, @PathVariable String reference) {
        Identity me = Identity.of(event);
        var r = receipts.receipt(Actor.citizen(me.subject()), id, reference);
        var get = presigner.presignGetObject(x -> x.signatureDuration(DossierController.LINK_LIFETIME)
                .getObjectRequest(o -> o.bucket(results.bucket()).key(ResultStore.key(r.id()))
                        .responseContentType("application/pdf")
                        .responseContentDisposition("inline; filename=\"bien-lai-" + r.number() + ".pdf\"")));
        return HttpResponse.seeOther(URI.create(get.url().toString()));
    }

    private static String base() {
        String b = Settings.require("PUBLIC_BASE_URL");
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private Dossier owned(Identity me, String id) { return DossierController.owned(store, me, id); }
}
