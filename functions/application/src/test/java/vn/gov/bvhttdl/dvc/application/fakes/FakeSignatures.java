package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.SignatureVerifier;

import java.nio.charset.StandardCharsets;

/** The SignatureVerifier port for tests: a file "verifies" when it ends with {@link #SIGNATURE} (nothing appended after it). */
public final class FakeSignatures implements SignatureVerifier {
    public static final String SIGNATURE = "%%SIGNED-BY-TEST-CA";

    @Override
    public Verdict check(byte[] pdf) {
        return new String(pdf, StandardCharsets.ISO_8859_1).endsWith(SIGNATURE) ? new Verdict(true, "valid")
                : new Verdict(false, "the signature does not cover the whole file");
    }
}
