package vn.gov.bvhttdl.dvc.api.pub;

import vn.gov.bvhttdl.dvc.api.*;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The public function's own: the certificate signatures are checked against (it cannot sign) and the look-up counter. */
@Factory
final class PublicBeans {
    @Singleton
    vn.gov.bvhttdl.dvc.signing.TrustRoot trustRoot() { return new vn.gov.bvhttdl.dvc.signing.TrustRoot(); }

    /** The look-ups per address and minute, in the small table of its own that the public function may write. */
    @Singleton
    vn.gov.bvhttdl.dvc.adapters.RequestCounter counter(vn.gov.bvhttdl.dvc.adapters.DossierStore store) {
        return vn.gov.bvhttdl.dvc.adapters.RequestCounter.fromSettings(store.client());
    }
}
