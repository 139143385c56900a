package vn.gov.bvhttdl.dvc.reconcile;

import vn.gov.bvhttdl.dvc.lambda.EventFunction;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.application.ReconcilePayments;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Payment reconciliation on a schedule (template.yaml; the offline runner ticks it too): pending payments past the
 * rules' delay are asked of their provider and settled or expired; money of refused, withdrawn or stopped dossiers
 * (and second payments) is refunded and followed to completion. Safe to run twice at once. Each run logs its report;
 * a mismatch (a provider's other amount, a refused refund, a payment held for fraud review) is a WARN line for the
 * daily alarm. The adapters are wired in {@link PaymentReconcileBeans}.
 */
public class PaymentReconcileHandler extends EventFunction<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentReconcileHandler.class);

    @Inject
    ReconcilePayments reconcile;
    @Inject
    vn.gov.bvhttdl.dvc.application.PaymentReceipts receipts;

    @Override
    public Map<String, Object> execute(Map<String, Object> scheduledEvent) {
        ReconcilePayments.Report r = reconcile.run();
        for (String m : r.mismatches()) LOG.warn("payment-mismatch {}", m);
        // the e-receipt of every credited payment: those settled now, and any whose callback could not issue it
        int receiptsIssued = receipts.issueCredited(200,
                e -> LOG.error("receipt-not-issued: {}", vn.gov.bvhttdl.dvc.domain.Limits.clip(e.toString())));
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
}
