package vn.gov.bvhttdl.dvc.paymentcallback;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.PaymentStore;
import vn.gov.bvhttdl.dvc.adapters.WorkQueueStore;
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
    DossierStore store() { return DossierStore.primedFromSettings("payment-callback", null); }

    @Singleton
    PaymentStore payments(DossierStore store) { return new PaymentStore(store); }

    @Singleton
    Map<String, PaymentGateway> gateways() { return Gateways.fromEnvironment(Clock.systemUTC()); }

    /** The e-receipts: the payment's unit key signs them (KMS on AWS, the development CA offline), on first use. */
    @Singleton
    PaymentReceipts receipts(DossierStore store, PaymentStore payments) {
        return vn.gov.bvhttdl.dvc.signing.PaymentReceiptIssuer.receipts(store, payments, "payment-callback");
    }

    @Singleton
    ReceivePaymentCallback callbacks(PaymentStore payments, DossierStore store, Map<String, PaymentGateway> gateways) {
        return new ReceivePaymentCallback(payments, store, new WorkQueueStore(store), gateways, Clock.systemUTC());
    }
}
