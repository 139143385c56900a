package vn.gov.bvhttdl.dvc.api.citizen;

import vn.gov.bvhttdl.dvc.api.*;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.adapters.SubmissionQueue;

import java.time.Clock;

/** The citizen function's own: the submission queue and the payment providers (no signing key here). */
@Factory
final class CitizenBeans {
    @Singleton
    SubmissionQueue submissions() { return SubmissionQueue.fromSettings(); }

    /** The providers; their settings (Secrets Manager on AWS, the sandbox file offline) are read on the first payment. */
    @Singleton
    java.util.Map<String, vn.gov.bvhttdl.dvc.application.PaymentGateway> gateways(Clock clock) {
        return vn.gov.bvhttdl.dvc.payments.Gateways.fromEnvironment(clock);
    }
}
