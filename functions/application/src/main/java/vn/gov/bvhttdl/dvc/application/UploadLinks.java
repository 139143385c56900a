package vn.gov.bvhttdl.dvc.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Port: a link the browser sends one file to, bound to its key, type and size, writing once (S3 presigned PUT). */
public interface UploadLinks {
    record Link(String url, Map<String, String> headers, Instant expiresAt) {}

    Link put(String key, String contentType, long size, Duration lifetime);
}
