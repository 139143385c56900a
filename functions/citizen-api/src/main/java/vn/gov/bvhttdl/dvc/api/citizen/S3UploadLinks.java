package vn.gov.bvhttdl.dvc.api.citizen;

import vn.gov.bvhttdl.dvc.api.*;

import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import vn.gov.bvhttdl.dvc.application.UploadLinks;

import java.time.Duration;
import java.util.Map;

/**
 * The UploadLinks port: an S3 presigned PUT bound to the key, the content type and the size; {@code If-None-Match: *}
 * makes S3 refuse a second PUT to the key, so the link writes one file, once.
 */
final class S3UploadLinks implements UploadLinks {
    private final S3Presigner presigner;
    private final java.util.function.Supplier<String> bucket;

    /** {@code bucket}: read when a link is made. */
    S3UploadLinks(S3Presigner presigner, java.util.function.Supplier<String> bucket) {
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public Link put(String key, String contentType, long size, Duration lifetime) {
        PresignedPutObjectRequest put = presigner.presignPutObject(r -> r.signatureDuration(lifetime)
                .putObjectRequest(o -> o.bucket(bucket.get()).key(key).contentType(contentType).contentLength(size).ifNoneMatch("*")));
        return new Link(put.url().toString(), Map.of("Content-Type", contentType, "If-None-Match", "*"), put.expiration());
    }
}
