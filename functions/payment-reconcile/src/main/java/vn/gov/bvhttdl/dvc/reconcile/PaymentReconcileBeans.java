package vn.gov.bvhttdl.dvc.reconcile;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.application.PaymentReceipts;
import vn.gov.bvhttdl.dvc.application.ReconcilePayments;
import vn.gov.bvhttdl.dvc.payments.Gateways;

import java.time.Clock;

/** The reconciliation function's wiring: the only class of it that names the adapters. */
@Factory
final class PaymentReconcileBeans {
    @Singleton
    Table table() { return Table.primedFromSettings("payment-reconcile", null); }

    @Singleton
    ReconcilePayments reconcile(Table table) {
        return new ReconcilePayments(table.payments(), table.dossiers(), Gateways.fromEnvironment(Clock.systemUTC()), Clock.systemUTC(),
                vn.gov.bvhttdl.dvc.domain.PaymentRules.standard(), vn.gov.bvhttdl.dvc.adapters.EmfServiceMetrics.lambda());
    }

    @Singleton
    PaymentReceipts receipts(Table table) {
        return vn.gov.bvhttdl.dvc.signing.PaymentReceiptIssuer.receipts(table);
    }
}
