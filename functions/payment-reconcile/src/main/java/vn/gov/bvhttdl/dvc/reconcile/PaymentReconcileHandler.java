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

    @Override
    public Map<String, Object> execute(Map<String, Object> scheduledEvent) {
        ReconcilePayments.Report r = reconcile.run();
        for (String m : r.mismatches()) LOG.warn("payment-mismatch {}", m);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("checked", r.checked());
        out.put("settled", r.settled());
        out.put("expired", r.expired());
        out.put("refundsAsked", r.refundsAsked());
        out.put("refunded", r.refunded());
        out.put("unreachable", r.unreachable());
        out.put("mismatches", r.mismatches());
        LOG.info("reconciliation {}", out);
        return out;
    }

    @Factory
    static final class Beans {
        @Singleton
        DossierStore store() { return DossierStore.primedFromSettings("payment-reconcile", null); }

        @Singleton
        ReconcilePayments reconcile(DossierStore store) {
            return new ReconcilePayments(new PaymentStore(store), store, Gateways.fromEnvironment(Clock.systemUTC()), Clock.systemUTC());
        }
    }
}
