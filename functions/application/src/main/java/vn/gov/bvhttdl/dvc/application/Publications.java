package vn.gov.bvhttdl.dvc.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Port: what administrators publish without a deploy (procedure versions, yearly calendar announcements), kept as
 * published and never overwritten; the {@link Rules} in force are the bundled data plus these.
 */
public interface Publications {
    enum Kind { CATALOGUE, CALENDAR }

    /** A publication as listed to administrators: its key (e.g. {@code PROC#<code>#V#0002}, {@code YEAR#2027#V#0001}). */
    record Publication(Kind kind, String key, String publishedBy, Instant publishedAt) {}

    /**
     * Stores {@code data} under {@code key}, with who published it and when, and makes it take effect (every
     * container's next look at the rules sees it).
     *
     * @throws vn.gov.bvhttdl.dvc.domain.DomainException CONFLICT {@code already-published} when {@code key} is taken
     */
    void publish(Kind kind, String key, Map<String, Object> data, String actor);

    /** Every publication of a kind, oldest key first. */
    List<Publication> list(Kind kind);
}
