package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.PaymentRules;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The applicant starts paying a dossier that waits for payment: the fee lines of its procedure version at the rates
 * in force on the day it was submitted, one new payment request (a reference never used before, an expiry), and the
 * provider's address to send the citizen to.
 */
public final class StartPayment {
    /** At most this many payment requests per dossier (a citizen who keeps cancelling; each is kept in the ledger). */
    public static final int MAX_REQUESTS = 10;
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Dossiers dossiers;
    private final Payments payments;
    private final Map<String, PaymentGateway> gateways;
    private final Rules rules;
    private final Clock clock;

    public StartPayment(Dossiers dossiers, Payments payments, Map<String, PaymentGateway> gateways, Rules rules, Clock clock) {
        this.dossiers = dossiers;
        this.payments = payments;
        this.gateways = gateways;
        this.rules = rules;
        this.clock = clock;
    }

    public record Started(Payment payment, String redirectUrl) {}

    /** What the applicant is asked to pay for {@code d}: empty when nothing is paid online, or its fee depends on the case. */
    public List<Payment.Line> lines(Dossier d) {
        return lines(d, null);
    }

    /** What the applicant pays for {@code d} with the tariff item {@code item} chosen (a fee that depends on the case). */
    public List<Payment.Line> lines(Dossier d, String item) {
        return rules.catalogue().version(d.procedureCode(), d.procedureVersion())
                .map(p -> PaymentRules.standard().linesFor(p, day(d), item))
                .orElse(List.of());
    }

    static LocalDate day(Dossier d) {
        Instant at = d.submittedAt() != null ? d.submittedAt() : d.receivedAt() != null ? d.receivedAt() : d.createdAt();
        return at.atZone(VN).toLocalDate();
    }

    /**
     * @param returnUrl the address the provider sends the citizen back to, given the new reference
     * @param notifyUrl the address of the provider's server-to-server notice
     */
    public Started start(Actor applicant, String dossierId, String provider, String clientIp,
                         java.util.function.Function<String, String> returnUrl, String notifyUrl) {
        return start(applicant, dossierId, provider, null, clientIp, returnUrl, notifyUrl);
    }

    /**
     * @param item the item of the procedure's tariff the applicant chose, when its fee depends on the case (the film's
     *             kind and length, the work's type); ignored when its fees are amounts
     */
    public Started start(Actor applicant, String dossierId, String provider, String item, String clientIp,
                         java.util.function.Function<String, String> returnUrl, String notifyUrl) {
        Dossier d = Access.owned(dossiers, applicant, dossierId);
        PaymentGateway gateway = provider == null ? null : gateways.get(provider);
        if (gateway == null) {
            throw new DomainException(DomainException.Kind.INVALID, "unknown-provider", new Text(
                    "Chọn một trong các kênh thanh toán: " + String.join(", ", gateways.keySet()) + ".",
                    "Choose one of the payment providers: " + String.join(", ", gateways.keySet()) + ".").at("provider"));
        }
        if (d.status() != DossierStatus.AWAITING_PAYMENT) {
            throw new DomainException(DomainException.Kind.REFUSED, "not-awaiting-payment", new Text(
                    "Hồ sơ không ở trạng thái chờ thanh toán.", "The dossier is not waiting for payment."));
        }
        List<Payment> earlier = payments.ofDossier(d.id());
        if (earlier.stream().anyMatch(p -> p.status().received() && p.status() != Payment.Status.REFUND_DUE
                && p.status() != Payment.Status.REFUNDING && p.status() != Payment.Status.REFUNDED)) {
            throw new DomainException(DomainException.Kind.REFUSED, "already-paid", new Text(
                    "Hồ sơ đã được thanh toán; đang chờ xác nhận.", "The dossier is paid; the confirmation is on its way."));
        }
        if (earlier.size() >= MAX_REQUESTS) {
            throw new DomainException(DomainException.Kind.REFUSED, "too-many-payment-requests", new Text(
                    "Đã tạo quá nhiều yêu cầu thanh toán cho hồ sơ này; vui lòng liên hệ Bộ phận Một cửa.",
                    "Too many payment requests for this dossier; contact the one-stop desk."));
        }
        List<PaymentRules.TariffItem> tariff = rules.catalogue().version(d.procedureCode(), d.procedureVersion())
                .map(p -> PaymentRules.standard().tariff(p)).orElse(List.of());
        if (!tariff.isEmpty() && tariff.stream().noneMatch(i -> i.code().equals(item))) {
            throw new DomainException(DomainException.Kind.INVALID, "tariff-item-required", new Text(
                    "Chọn mức phí áp dụng cho hồ sơ: " + String.join(", ", tariff.stream().map(PaymentRules.TariffItem::code).toList()) + ".",
                    "Choose the fee that applies to the dossier: " + String.join(", ", tariff.stream().map(PaymentRules.TariffItem::code).toList()) + ".").at("item"));
        }
        List<Payment.Line> lines = lines(d, item);
        if (lines.isEmpty()) {
            throw new DomainException(DomainException.Kind.REFUSED, "nothing-to-pay-online", new Text(
                    "Thủ tục này không thu phí trực tuyến.", "This procedure's fees are not paid online."));
        }
        Instant now = clock.instant();
        long total = lines.stream().mapToLong(Payment.Line::amountVnd).sum();
        Payment p = null;
        for (int i = 0; i < 3 && p == null; i++) {
            Payment candidate = new Payment(newReference(now), d.id(), d.code(), d.ownerId(), d.agencyCode(), provider, lines, total,
                    Payment.Status.PENDING, now, now.plus(PaymentRules.standard().expiry()), null, null, null, null, null, 1);
            try {
                payments.create(candidate);
                p = candidate;
            } catch (vn.gov.bvhttdl.dvc.domain.ConcurrentChange taken) {
                // a reference drawn twice: draw again
            }
        }
        if (p == null) throw new IllegalStateException("could not draw a new payment reference");
        String info = "Thanh toan phi ho so " + Limits.clip(d.code());
        try {
            return new Started(p, gateway.start(p, info, returnUrl.apply(p.reference()), notifyUrl, clientIp));
        } catch (PaymentGateway.Unavailable e) {
            // the request stays pending in the ledger; reconciliation expires it if the provider never saw it. 409, not
            // 503: the web client repeats a 503 by itself, and each repeat would draw another payment request
            throw new DomainException(DomainException.Kind.REFUSED, "provider-unavailable", new Text(
                    "Kênh thanh toán " + provider + " tạm thời không phản hồi. Vui lòng thử lại hoặc chọn kênh khác.",
                    "The payment provider " + provider + " is not answering. Try again or choose another."));
        }
    }

    /** "TT" + the day (yyMMdd, Vietnam) + 10 characters of an unambiguous alphabet: 50 random bits; never reused (the store refuses a second). */
    static String newReference(Instant now) {
        return "TT" + DateTimeFormatter.ofPattern("yyMMdd").format(now.atZone(VN)) + Codes.draw(10);
    }
}
