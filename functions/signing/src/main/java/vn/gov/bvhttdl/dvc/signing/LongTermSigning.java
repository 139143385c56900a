package vn.gov.bvhttdl.dvc.signing;

import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.application.RevocationSource;
import vn.gov.bvhttdl.dvc.documents.LocalKeySigner;
import vn.gov.bvhttdl.dvc.documents.Pades;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * How long a signature is made to last, from the settings, read on each signature: with a TSA ({@code TSA_URL}: on
 * AWS the stack's {@code TimestampAuthorityUrl}, offline the runner's {@code /sandbox/tsa}) the results are signed
 * PAdES B-LTA (they are kept for decades, some permanently) and the e-receipts B-LT; the revocation data is the
 * development CA's CRL offline ({@code SIGNER=local}) and the certificates' CRL distribution points on AWS. Without
 * a TSA, B-B (and a line in the log: such a signature cannot be checked once its certificate expires).
 */
public final class LongTermSigning {
    private LongTermSigning() {}

    /** B-LTA for the results. */
    public static Supplier<Pades.LongTerm> results() {
        return () -> longTerm(true);
    }

    /** B-LT for the e-receipts. */
    public static Supplier<Pades.LongTerm> receipts() {
        return () -> longTerm(false);
    }

    private static Pades.LongTerm longTerm(boolean archive) {
        String url = Settings.get("TSA_URL").orElse("");
        if (url.isBlank()) {
            System.err.println("[signing] no TSA_URL: signed PAdES B-B, without a timestamp");
            return null;
        }
        return new Pades.LongTerm(new HttpTimestampAuthority(url), revocation(), archive);
    }

    static RevocationSource revocation() {
        if (Settings.get("SIGNER").orElse("kms").equals("local")) {
            return LocalKeySigner.in(Path.of(Settings.require("LOCAL_SIGNING_DIR"))).revocation();
        }
        return new HttpRevocation();
    }
}
