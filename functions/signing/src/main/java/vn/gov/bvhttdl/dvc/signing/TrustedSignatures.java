package vn.gov.bvhttdl.dvc.signing;

import vn.gov.bvhttdl.dvc.application.SignatureVerifier;
import vn.gov.bvhttdl.dvc.documents.SignatureCheck;

/**
 * The verification page's signature check: one PAdES signature by a certificate that the {@link TrustRoot}'s CA
 * issued (read on the first check), valid when it signed — proven by its timestamp, or now when it has none; only
 * validation data and document timestamps may follow it ({@code documents.SignatureCheck}). It holds no means to sign.
 */
public final class TrustedSignatures implements SignatureVerifier {
    private final TrustRoot trust;
    private final java.time.Clock clock;

    public TrustedSignatures(TrustRoot trust) {
        this(trust, java.time.Clock.systemUTC());
    }

    /** Checks at {@code clock}'s time: a certificate expired then is accepted only when a valid timestamp proves an earlier signature. */
    public TrustedSignatures(TrustRoot trust, java.time.Clock clock) {
        this.trust = trust;
        this.clock = clock;
    }

    @Override
    public Verdict check(byte[] pdf) {
        SignatureCheck.Verdict v = SignatureCheck.check(pdf, trust.anchors(), clock.instant());
        return new Verdict(v.valid(), v.reason());
    }
}
