package vn.gov.bvhttdl.dvc.signing;

import vn.gov.bvhttdl.dvc.application.SignatureVerifier;
import vn.gov.bvhttdl.dvc.documents.SignatureCheck;

/**
 * The verification page's signature check: one PAdES signature over the whole file by a certificate that the
 * {@link TrustRoot}'s CA issued (read on the first check). It holds no means to sign.
 */
public final class TrustedSignatures implements SignatureVerifier {
    private final TrustRoot trust;

    public TrustedSignatures(TrustRoot trust) {
        this.trust = trust;
    }

    @Override
    public Verdict check(byte[] pdf) {
        SignatureCheck.Verdict v = SignatureCheck.check(pdf, trust.get());
        return new Verdict(v.valid(), v.reason());
    }
}
