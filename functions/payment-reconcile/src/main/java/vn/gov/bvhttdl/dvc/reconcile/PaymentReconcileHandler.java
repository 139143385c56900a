package vn.gov.bvhttdl.dvc.reconcile;

import io.micronaut.context.annotation.Factory;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.PaymentStore;
import vn.gov.bvhttdl.dvc.application.ReconcilePayments;
import vn.gov.bvhttdl.dvc.payments.Gateways;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Payment reconciliation on a schedule (template.yaml; the offline runner ticks it too): pending payments past the
 * rules' delay are asked of their provider and settled or expired; money of refused, withdrawn or stopped dossiers
 * (and second payments) is refunded and followed to completion. Safe to run twice at once. Each run logs its report;
 * a mismatch (a provider's other amount, a refused refund, a payment held for fraud review) is a WARN line for the
 * daily alarm.
 */
public class PaymentReconcileHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentReconcileHandler.class);

    @Inject
    ReconcilePayments reconcile;
    @Inject
    PaymentStore payments;
    @Inject
    vn.gov.bvhttdl.dvc.application.PaymentReceipts receipts;

    @Override
    public Map<String, Object> execute(Map<String, Object> scheduledEvent) {
        ReconcilePayments.Report r = reconcile.run();
        for (String m : r.mismatches()) LOG.warn("payment-mismatch {}", m);
        // the e-receipt of every credited payment: those settled now, and any whose callback could not issue it
        int receiptsIssued = 0;
        for (vn.gov.bvhttdl.dvc.domain.Payment p : payments.inStatus(vn.gov.bvhttdl.dvc.domain.Payment.Status.PAID, 200)) {
            try {
                if (receipts.issue(p.reference()).isPresent()) receiptsIssued++;
            } catch (RuntimeException e) {
                LOG.error("receipt-not-issued: {}", vn.gov.bvhttdl.dvc.domain.Limits.clip(e.toString()));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("checked", r.checked());
        out.put("settled", r.settled());
        out.put("expired", r.expired());
        out.put("refundsAsked", r.refundsAsked());
        out.put("refunded", r.refunded());
        out.put("unreachable", r.unreachable());
        out.put("mismatches", r.mismatches());
        out.put("receipts", receiptsIssued);
        LOG.info("reconciliation {}", out);
        return out;
    }

    @Factory
    static final class Beans {
        @Singleton
        DossierStore store() { return DossierStore.primedFromSettings("payment-reconcile", null); }

        @Singleton
        PaymentStore payments(DossierStore store) { return new PaymentStore(store); }

        @Singleton
        ReconcilePayments reconcile(DossierStore store, PaymentStore payments) {
            return new ReconcilePayments(payments, store, Gateways.fromEnvironment(Clock.systemUTC()), Clock.systemUTC());
        }

        @Singleton
        vn.gov.bvhttdl.dvc.application.PaymentReceipts receipts(DossierStore store, PaymentStore payments) {
            return vn.gov.bvhttdl.dvc.signing.PaymentReceiptIssuer.receipts(store, payments, "payment-reconcile");
        }
    }
}
