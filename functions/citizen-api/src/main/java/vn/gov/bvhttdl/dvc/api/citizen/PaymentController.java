package vn.gov.bvhttdl.dvc.api.citizen;

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
import vn.gov.bvhttdl.dvc.api.SignedIn;
import vn.gov.bvhttdl.dvc.application.CitizenDesk;

import java.net.URI;
import java.util.function.Supplier;

/**
 * Paying a dossier's fees online (level 4): what is due with its legal basis, the providers, the payments made and
 * their state (pending until the provider's notice, paid, failed, expired, refunded), a new payment request, and the
 * e-receipt of a paid one. HTTP in, one {@link CitizenDesk} call, a view out.
 */
@Controller("/api/dossiers/{id}/payments")
@SecurityRequirement(name = "cognito")
final class PaymentController {
    private final CitizenDesk desk;
    private final Supplier<String> publicBase;

    PaymentController(CitizenDesk desk, CitizenBeans.PublicBase publicBase) {
        this.desk = desk;
        this.publicBase = publicBase;
    }

    @Serdeable
    record NewPayment(@Nullable String provider, @Nullable String item) {}

    @Serdeable
    record Started(String reference, String redirectUrl, String expiresAt, long amountVnd) {}

    @Get
    @Operation(summary = "Phí, lệ phí và các lần thanh toán của hồ sơ / the dossier's fees and payments")
    CitizenViews.Fees summary(@Parameter(hidden = true) SignedIn me, @PathVariable String id) {
        return CitizenViews.Fees.of(desk.fees(me.applicant(), id));
    }

    @Post
    @Operation(summary = "Bắt đầu thanh toán trực tuyến / start an online payment (answers the provider's address)")
    HttpResponse<Started> pay(@Parameter(hidden = true) SignedIn me, @Parameter(hidden = true) APIGatewayV2HTTPEvent event, @PathVariable String id,
                              @Body @Nullable NewPayment body) {
        // the payer's address as the provider asks for it: the viewer's behind CloudFront (CallerAddress)
        String address = vn.gov.bvhttdl.dvc.api.CallerAddress.of(event);
        String ip = address.equals("unknown") ? null : address;
        String base = publicBase.get();
        String provider = body == null ? null : body.provider();
        String item = body == null ? null : body.item();
        var s = desk.pay(me.applicant(), id, provider, item, ip, ref -> base + "/api/payments/" + provider + "/return", base + "/api/payments/" + provider + "/ipn");
        return HttpResponse.created(new Started(s.payment().reference(), s.redirectUrl(), s.payment().expiresAt().toString(), s.payment().amountVnd()),
                URI.create("/api/dossiers/" + id + "/payments"));
    }

    /** The e-receipt of a paid payment: a short-lived link to the signed PDF (issued when the payment was credited). */
    @Get("/{reference}/receipt")
    @Operation(summary = "Biên lai điện tử (PDF có chữ ký số) / the e-receipt (signed PDF)")
    HttpResponse<?> receipt(@Parameter(hidden = true) SignedIn me, @PathVariable String id, @PathVariable String reference) {
        return HttpResponse.seeOther(desk.paymentReceipt(me.applicant(), id, reference));
    }
}
