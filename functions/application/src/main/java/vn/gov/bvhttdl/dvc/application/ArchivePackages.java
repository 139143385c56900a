package vn.gov.bvhttdl.dvc.application;

import java.time.LocalDate;
import java.util.List;

/**
 * Port: the archive bucket (S3 with Object Lock): each object written with its lock — retained in compliance mode to
 * the end of {@code retainUntil}, or under a legal hold when {@code retainUntil} is null (a permanent record).
 */
public interface ArchivePackages {
    void put(String key, byte[] bytes, String contentType, LocalDate retainUntil);

    byte[] get(String key);

    /** The keys under {@code prefix}, sorted. */
    List<String> list(String prefix);

    /** Deletes every version of {@code key} (refused by S3 while a lock holds it). */
    void delete(String key);
}
