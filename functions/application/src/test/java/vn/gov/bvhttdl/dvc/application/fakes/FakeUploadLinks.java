package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.UploadLinks;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The UploadLinks port without S3: a link that names what it was asked for. */
public final class FakeUploadLinks implements UploadLinks {
    @Override
    public Link put(String key, String contentType, long size, Duration lifetime) {
        return new Link("https://uploads.test/" + key + "?size=" + size, Map.of("Content-Type", contentType, "If-None-Match", "*"),
                Instant.parse("2026-03-02T03:15:00Z"));
    }
}
