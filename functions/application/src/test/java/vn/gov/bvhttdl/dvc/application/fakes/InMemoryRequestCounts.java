package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.RequestCounts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The RequestCounts port in memory: one counter per bucket (expiry is the table's TTL; nothing expires here). */
public final class InMemoryRequestCounts implements RequestCounts {
    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    @Override
    public long count(String bucket, long expiresAtEpochSecond) {
        return counts.merge(bucket, 1L, Long::sum);
    }

    /** The buckets counted so far (the address and the minute are in their names). */
    public Map<String, Long> buckets() { return Map.copyOf(counts); }
}
