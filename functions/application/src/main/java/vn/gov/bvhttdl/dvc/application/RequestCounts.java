package vn.gov.bvhttdl.dvc.application;

/**
 * Port: counters of requests for rate limits (the public look-up and verification pages: requests per address and
 * minute), kept where the public function may write and expired on their own.
 */
public interface RequestCounts {
    /** Counts one more request in {@code bucket} and returns the count; the counter may go at {@code expiresAtEpochSecond}. */
    long count(String bucket, long expiresAtEpochSecond);
}
