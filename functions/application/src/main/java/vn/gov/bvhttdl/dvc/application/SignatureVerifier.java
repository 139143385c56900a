package vn.gov.bvhttdl.dvc.application;

/**
 * Port: whether a presented PDF carries one valid signature over the whole file by a certificate of the trusted
 * signing CA (the public verification page checks with it; it cannot sign).
 */
public interface SignatureVerifier {
    /** The verdict, and why when it is not valid. */
    record Verdict(boolean valid, String reason) {}

    Verdict check(byte[] pdf);
}
