package vn.gov.bvhttdl.dvc.reconcile;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.PaymentStore;
import vn.gov.bvhttdl.dvc.application.PaymentReceipts;
import vn.gov.bvhttdl.dvc.application.ReconcilePayments;
import vn.gov.bvhttdl.dvc.payments.Gateways;

import java.time.Clock;

/** The reconciliation function's wiring: the only class of it that names the adapters. */
@Factory
final class PaymentReconcileBeans {
    @Singleton
    DossierStore store() { return DossierStore.primedFromSettings("payment-reconcile", null); }

    @Singleton
    PaymentStore payments(DossierStore store) { return new PaymentStore(store); }

    @Singleton
    ReconcilePayments reconcile(DossierStore store, PaymentStore payments) {
        return new ReconcilePayments(payments, store, Gateways.fromEnvironment(Clock.systemUTC()), Clock.systemUTC());
    }

    @Singleton
    PaymentReceipts receipts(DossierStore store, PaymentStore payments) {
        return vn.gov.bvhttdl.dvc.signing.PaymentReceiptIssuer.receipts(store, payments, "payment-reconcile");
    }
}
