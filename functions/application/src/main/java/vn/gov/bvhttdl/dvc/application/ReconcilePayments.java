package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.PaymentRules;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reconciliation, run on a schedule: asks each provider about payments still pending past the rules' delay and
 * applies the answer as a callback would (settled, failed, or expired when the provider never saw it or has no final
 * answer past the payment window); asks for the refund of money whose dossier was refused, withdrawn or stopped where
 * the procedure's rule returns the fee (rules/payments.json), or paid twice, and follows it to completion.
 * Every change is a conditional write, so two runs at once, or a run racing a callback, change nothing twice.
 */
public final class ReconcilePayments {
    private static final int PAGE = 200;
    private static final Set<DossierStatus> DECIDED = Set.of(DossierStatus.RESULT_READY, DossierStatus.RESULT_RETURNED, DossierStatus.CLOSED);
    /** Ended without a result: the fee goes back only where the procedure's rule says so (rules/payments.json). */
    private static final Set<DossierStatus> ENDED = Set.of(DossierStatus.REFUSED, DossierStatus.WITHDRAWN, DossierStatus.STOPPED);

    private final Payments payments;
    private final Dossiers dossiers;
    private final Map<String, PaymentGateway> gateways;
    private final PaymentLedger ledger;
    private final Clock clock;

    private final PaymentRules rules;

    public ReconcilePayments(Payments payments, Dossiers dossiers, Map<String, PaymentGateway> gateways, Clock clock) {
        this(payments, dossiers, gateways, clock, PaymentRules.standard());
    }

    public ReconcilePayments(Payments payments, Dossiers dossiers, Map<String, PaymentGateway> gateways, Clock clock, PaymentRules rules) {
        this(payments, dossiers, gateways, clock, rules, ServiceMetrics.NONE);
    }

    /** With {@code metrics}, where a payment the reconciliation credits is counted once ({@link ServiceMetrics#PAID_ONLINE}). */
    public ReconcilePayments(Payments payments, Dossiers dossiers, Map<String, PaymentGateway> gateways, Clock clock, PaymentRules rules,
                             ServiceMetrics metrics) {
        this.rules = rules;
        this.payments = payments;
        this.dossiers = dossiers;
        this.gateways = gateways;
        this.ledger = new PaymentLedger(payments, dossiers, clock, vn.gov.bvhttdl.dvc.domain.ReceiptRules.standard(), metrics);
        this.clock = clock;
    }

    /** What one run did; {@code mismatches} lists what a person should look at (the daily report). */
    public record Report(int checked, int settled, int expired, int refundsAsked, int refunded, int unreachable, List<String> mismatches) {}

    public Report run() {
        Instant now = clock.instant();
        int checked = 0, settled = 0, expired = 0, asked = 0, refunded = 0, unreachable = 0;
        List<String> mismatches = new ArrayList<>();
        for (Payment p : payments.inStatus(Payment.Status.PENDING, PAGE)) {
            if (p.createdAt().plus(rules.reconcileAfter()).isAfter(now)) continue;
            checked++;
            PaymentGateway g = gateways.get(p.provider());
            try {
                var notice = g == null ? java.util.Optional.<Payment.Notice>empty() : g.query(p);
                if (notice.isPresent() && notice.get().outcome() != Payment.Outcome.PENDING) {
                    PaymentGateway.Verdict v = ledger.apply(notice.get());
                    if (v == PaymentGateway.Verdict.CONFIRMED) settled++;
                    if (v == PaymentGateway.Verdict.WRONG_AMOUNT) mismatches.add(p.reference() + ": the provider reports " + notice.get().amountVnd() + " " + notice.get().currency() + ", requested " + p.amountVnd() + " VND");
                } else if (now.isAfter(p.expiresAt())) {
                    // the provider never saw it, or saw it and has no final answer past the payment window (VNPay 01,
                    // MoMo 1000: the citizen left the provider's page): abandoned. The ledger keeps it as EXPIRED; money
                    // that still arrives for it is credited (Payment.apply) and refunded if the dossier no longer waits
                    if (saved(p.expired(now))) expired++;
                }
            } catch (PaymentGateway.Unavailable e) {
                unreachable++;
            }
        }
        for (Payment p : payments.inStatus(Payment.Status.PAID, PAGE)) {
            Dossier d = dossiers.find(p.dossierId()).orElse(null);
            if (d == null) continue;
            if (rules.refundOn(d.procedureCode(), d.status())) {
                saved(p.refundDue("dossier " + d.status().name().toLowerCase(java.util.Locale.ROOT), now));
            } else if (DECIDED.contains(d.status()) || ENDED.contains(d.status())) {
                // decided, or ended where the procedure's rule keeps the fee (the appraisal took place): settled
                payments.settle(p);
            }
        }
        // both lists read first: a refund asked in this run is not asked again in it
        List<Payment> refunds = new ArrayList<>(payments.inStatus(Payment.Status.REFUND_DUE, PAGE));
        refunds.addAll(payments.inStatus(Payment.Status.REFUNDING, PAGE));
        {
            for (Payment p : refunds) {
                PaymentGateway g = gateways.get(p.provider());
                if (g == null) continue;
                try {
                    PaymentGateway.RefundAnswer a = g.refund(p);
                    switch (a.state()) {
                        case DONE -> { if (saved(p.refunded(a.providerRef(), now))) refunded++; }
                        case PENDING -> { if (p.status() == Payment.Status.REFUND_DUE && saved(p.refunding(a.providerRef()))) asked++; }
                        case REFUSED -> mismatches.add(p.reference() + ": refund refused by " + p.provider() + " (" + a.code() + ")");
                    }
                } catch (PaymentGateway.Unavailable e) {
                    unreachable++;
                }
            }
        }
        for (Payment p : payments.inStatus(Payment.Status.HELD, PAGE)) {
            mismatches.add(p.reference() + ": held for review (" + p.provider() + " " + p.note() + ")");
        }
        return new Report(checked, settled, expired, asked, refunded, unreachable, List.copyOf(mismatches));
    }

    private boolean saved(Payment next) {
        try {
            payments.save(next, null);
            return true;
        } catch (vn.gov.bvhttdl.dvc.domain.ConcurrentChange e) {
            return false; // a callback or another run changed it first; the next run sees the new state
        }
    }
}
