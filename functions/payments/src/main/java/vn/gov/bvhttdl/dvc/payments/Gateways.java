package vn.gov.bvhttdl.dvc.payments;

import vn.gov.bvhttdl.dvc.application.PaymentGateway;
import vn.gov.bvhttdl.dvc.application.PaymentLedger;
import vn.gov.bvhttdl.dvc.domain.PaymentRules;
import vn.gov.bvhttdl.dvc.payments.momo.MoMoGateway;
import vn.gov.bvhttdl.dvc.payments.vnpay.VnPayGateway;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The providers offered (rules/payments.json) that have settings, one adapter each; the settings are read on first use. */
public final class Gateways {
    private Gateways() {}

    public static Map<String, PaymentGateway> fromEnvironment(Clock clock) {
        return of(ProviderSettings.fromEnvironment(), clock);
    }

    public static Map<String, PaymentGateway> of(ProviderSettings settings, Clock clock) {
        List<PaymentGateway> all = new ArrayList<>();
        for (String code : PaymentRules.standard().providers().keySet()) {
            switch (code) {
                case VnPayGateway.PROVIDER -> all.add(new VnPayGateway(settings, clock));
                case MoMoGateway.PROVIDER -> all.add(new MoMoGateway(settings));
                case vn.gov.bvhttdl.dvc.payments.paygov.PayGovGateway.PROVIDER -> all.add(new vn.gov.bvhttdl.dvc.payments.paygov.PayGovGateway(settings, clock));
                default -> throw new IllegalStateException("no adapter for provider " + code);
            }
        }
        return PaymentLedger.byProvider(all);
    }
}
