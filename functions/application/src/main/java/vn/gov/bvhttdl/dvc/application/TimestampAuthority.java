package vn.gov.bvhttdl.dvc.application;

/**
 * A time-stamping authority (RFC 3161): proves that a digest existed at a time, so that a signature stays verifiable
 * after its certificate expires (PAdES B-T and later). On AWS an RFC 3161 service over HTTP, offline the runner's
 * sandbox ({@code /sandbox/tsa}), in tests the development TSA directly.
 */
public interface TimestampAuthority {
    /** The DER of an RFC 3161 TimeStampToken over {@code sha256} (a SHA-256 digest), with the TSA's certificate in it. */
    byte[] timestamp(byte[] sha256);
}
