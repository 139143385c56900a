package vn.gov.bvhttdl.dvc.paymentcallback;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.application.PaymentGateway;
import vn.gov.bvhttdl.dvc.application.PaymentReceipts;
import vn.gov.bvhttdl.dvc.application.ReceivePaymentCallback;
import vn.gov.bvhttdl.dvc.payments.Gateways;

import java.time.Clock;
import java.util.Map;

/** The payment callback function's wiring: the only class of it that names the adapters. */
@Factory
final class PaymentCallbackBeans {
    @Singleton
    Table table() { return Table.primedFromSettings("payment-callback", null); }

    @Singleton
    Map<String, PaymentGateway> gateways() { return Gateways.fromEnvironment(Clock.systemUTC()); }

    /** The e-receipts: the payment's unit key signs them (KMS on AWS, the development CA offline), on first use. */
    @Singleton
    PaymentReceipts receipts(Table table) {
        return vn.gov.bvhttdl.dvc.signing.PaymentReceiptIssuer.receipts(table);
    }

    @Singleton
    ReceivePaymentCallback callbacks(Table table, Map<String, PaymentGateway> gateways) {
        return new ReceivePaymentCallback(table.payments(), table.dossiers(), table.workQueues(), gateways, Clock.systemUTC(),
                vn.gov.bvhttdl.dvc.adapters.EmfServiceMetrics.lambda());
    }
}
