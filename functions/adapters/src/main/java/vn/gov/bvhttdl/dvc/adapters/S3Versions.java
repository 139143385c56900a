package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Every version of a key deleted (a versioned bucket keeps the older ones otherwise); an unversioned store's object too. */
final class S3Versions {
    private S3Versions() {}

    static int deleteAll(S3Client s3, String bucket, String key) {
        int n = 0;
        try {
            for (var v : s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(key)).versions()) {
                if (!v.key().equals(key)) continue;
                String vid = v.versionId();
                if (vid == null || "null".equals(vid)) s3.deleteObject(b -> b.bucket(bucket).key(key));
                else s3.deleteObject(b -> b.bucket(bucket).key(key).versionId(vid));
                n++;
            }
            for (var m : s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(key)).deleteMarkers()) {
                if (m.key().equals(key) && m.versionId() != null && !"null".equals(m.versionId()))
                    s3.deleteObject(b -> b.bucket(bucket).key(key).versionId(m.versionId()));
            }
        } catch (S3Exception e) {
            if (e.statusCode() != 501 && e.statusCode() != 400) throw e;
        }
        // an emulator without versions (S3Proxy's file store) lists none: the object itself
        if (n == 0) {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
            n = 1;
        }
        return n;
    }
}
