package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Payment;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * A provider's server-to-server callback: kept as received (for disputes), its signature verified by the provider's
 * adapter, applied to the ledger exactly once, and answered in the provider's own terms. A bad signature, an unknown
 * order, a wrong amount or a malformed body gets the provider's error code, never a 5xx, and changes nothing.
 */
public final class ReceivePaymentCallback {
    private final Payments payments;
    private final WorkQueues queues;
    private final Map<String, PaymentGateway> gateways;
    private final PaymentLedger ledger;
    private final Clock clock;

    public ReceivePaymentCallback(Payments payments, Dossiers dossiers, Map<String, PaymentGateway> gateways, Clock clock) {
        this(payments, dossiers, null, gateways, clock);
    }

    /** With {@code queues}, for the look-ups by dossier code ({@link #openBills}). */
    public ReceivePaymentCallback(Payments payments, Dossiers dossiers, WorkQueues queues, Map<String, PaymentGateway> gateways, Clock clock) {
        this(payments, dossiers, queues, gateways, clock, ServiceMetrics.NONE);
    }

    /** With {@code metrics}, where each payment credited online is counted once ({@link ServiceMetrics#PAID_ONLINE}). */
    public ReceivePaymentCallback(Payments payments, Dossiers dossiers, WorkQueues queues, Map<String, PaymentGateway> gateways, Clock clock,
                                  ServiceMetrics metrics) {
        this.payments = payments;
        this.queues = queues;
        this.gateways = gateways;
        this.ledger = new PaymentLedger(payments, dossiers, clock, vn.gov.bvhttdl.dvc.domain.ReceiptRules.standard(), metrics);
        this.clock = clock;
    }

    /** Null when no such provider (the route does not exist). */
    public PaymentGateway.Answer handle(String provider, PaymentGateway.Request request, String raw) {
        PaymentGateway g = gateways.get(provider);
        if (g == null) return null;
        PaymentGateway.Callback c = g.read(request);
        String reference = switch (c) {
            case PaymentGateway.Callback.Verified v -> v.notice().reference();
            case PaymentGateway.Callback.Rejected r -> r.reference();
        };
        String id = payments.recordCallback(provider, reference, raw, clock.instant());
        PaymentGateway.Verdict verdict = switch (c) {
            case PaymentGateway.Callback.Verified v -> ledger.apply(v.notice());
            case PaymentGateway.Callback.Rejected r -> r.verdict();
        };
        payments.callbackVerdict(provider, reference, id, verdict.name());
        return g.answer(verdict);
    }

    /** The payments of the dossier with this code still open with {@code provider} (a platform's look-up of bills); none for an unknown code. */
    public List<Payment> openBills(String provider, String dossierCode) {
        if (queues == null) throw new IllegalStateException("this ReceivePaymentCallback was made without the work queues");
        return queues.findByCode(dossierCode).map(d -> payments.ofDossier(d.id()).stream()
                .filter(p -> p.provider().equals(provider) && p.open(clock.instant())).toList()).orElse(List.of());
    }

    /** The dossier the payment {@code reference} is for, if there is such a payment (to send the citizen back to it). */
    public Optional<String> dossierOf(String reference) {
        return payments.find(reference).map(Payment::dossierId);
    }
}
