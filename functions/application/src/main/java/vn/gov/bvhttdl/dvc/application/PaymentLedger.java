package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.ElectronicReceipt;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.ReceiptRules;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

/**
 * Applies what a provider says about a payment (its callback, or the answer to a query) to the ledger, exactly once:
 * the ledger rule ({@link Payment#apply}) decides, the store's conditional write makes a concurrent copy lose and
 * read again, and the dossier's move to paid is written in the same transaction as the credit. A success for a
 * dossier that no longer waits for payment (paid twice, or withdrawn meanwhile) is credited and marked for refund.
 */
public final class PaymentLedger {
    public static final Actor ACTOR = Actor.system("payments");
    private static final int ATTEMPTS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Payments payments;
    private final Dossiers dossiers;
    private final Clock clock;
    private final ReceiptRules receiptRules;
    private final ServiceMetrics metrics;

    public PaymentLedger(Payments payments, Dossiers dossiers, Clock clock) {
        this(payments, dossiers, clock, ReceiptRules.standard());
    }

    public PaymentLedger(Payments payments, Dossiers dossiers, Clock clock, ReceiptRules receiptRules) {
        this(payments, dossiers, clock, receiptRules, ServiceMetrics.NONE);
    }

    /** @param metrics where each credit is counted once ({@link ServiceMetrics#PAID_ONLINE}, by agency) */
    public PaymentLedger(Payments payments, Dossiers dossiers, Clock clock, ReceiptRules receiptRules, ServiceMetrics metrics) {
        this.metrics = metrics;
        this.payments = payments;
        this.dossiers = dossiers;
        this.clock = clock;
        this.receiptRules = receiptRules;
    }

    /** The gateways by provider code. */
    public static Map<String, PaymentGateway> byProvider(java.util.Collection<PaymentGateway> gateways) {
        Map<String, PaymentGateway> m = new java.util.LinkedHashMap<>();
        for (PaymentGateway g : gateways) m.put(g.provider(), g);
        return Map.copyOf(m);
    }

    /** The verdict to answer the provider with. */
    public PaymentGateway.Verdict apply(Payment.Notice n) {
        // another copy of this notice, or a move of the dossier, came first: read again and decide again; when every
        // attempt lost, ERROR (the provider sends the notice again)
        return Races.retryOr(ATTEMPTS, attempt -> applyOnce(n), () -> PaymentGateway.Verdict.ERROR);
    }

    private PaymentGateway.Verdict applyOnce(Payment.Notice n) {
        Payment p = payments.find(n.reference()).orElse(null);
        if (p == null) return PaymentGateway.Verdict.NOT_FOUND;
        if (!p.provider().equals(n.provider())) return PaymentGateway.Verdict.NOT_FOUND; // another provider's order
        Payment.Decision d = p.apply(n, clock.instant());
        try {
            return switch (d.effect()) {
                case WRONG_AMOUNT -> PaymentGateway.Verdict.WRONG_AMOUNT;
                case ALREADY -> PaymentGateway.Verdict.ALREADY;
                case NOTHING -> PaymentGateway.Verdict.CONFIRMED;
                case RECORDED -> {
                    payments.save(d.next(), null);
                    yield PaymentGateway.Verdict.CONFIRMED;
                }
                case CREDIT -> {
                    credit(d.next().credited(newReceiptId()));
                    // the credit is stored once (a second copy of the notice is ALREADY): counted once
                    metrics.count(ServiceMetrics.Count.of(ServiceMetrics.PAID_ONLINE, p.agencyCode()));
                    yield PaymentGateway.Verdict.CONFIRMED;
                }
            };
        } catch (vn.gov.bvhttdl.dvc.domain.ConcurrentChange lost) {
            throw lost;
        } catch (DomainException e) {
            if ("transaction-used".equals(e.problem())) return PaymentGateway.Verdict.ALREADY; // the store's refusal: credited to another payment
            throw e;
        }
    }

    /**
     * The credit and its e-receipt, issued now, at the time of collection (Decree 254/2026/NĐ-CP Art 24(1)): numbered
     * and recorded in the same write (the PDF is drawn and signed right after, from the recorded data). Money
     * collected for a dossier that no longer waits is receipted too (it was collected) and at once due for refund.
     */
    private void credit(Payment paid) {
        Dossier d = dossiers.find(paid.dossierId()).orElse(null);
        ElectronicReceipt draft = ElectronicReceipt.draft(paid, d == null || d.applicant() == null ? null : d.applicant().fullName(),
                receiptRules, collector(paid));
        if (d != null && d.status() == DossierStatus.AWAITING_PAYMENT) {
            Dossier.Change move = d.handle(new Command.ConfirmPayment(paid.reference(), paid.provider(), paid.transaction(),
                    paid.amountVnd()), ACTOR, clock.instant());
            payments.credit(paid, move, draft);
        } else {
            // the money is ours only if the dossier still waited for it: paid twice, or withdrawn or refused meanwhile
            String why = d == null ? "dossier not found"
                    : d.status().name() + ": the dossier did not wait for payment (paid twice, or decided meanwhile)";
            payments.credit(paid.refundDue(why, clock.instant()).atVersion(paid.version()), null, draft);
        }
    }

    private ReceiptRules.Collector collector(Payment p) {
        return receiptRules.collector(p.agencyCode()).orElseThrow(() -> new IllegalStateException(
                "no fee collector for agency " + p.agencyCode() + " in rules/e-receipts.json: the payment cannot be receipted"));
    }

    /** 130 random bits: the e-receipt's verification address (as the results'). */
    static String newReceiptId() { return IssueResult.newId(); }
}
