package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import vn.gov.bvhttdl.dvc.application.ArchivePackages;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The archive bucket ({@code ARCHIVE_BUCKET}, template.yaml's {@code ArchiveBucket}: versioned, Object Lock): every
 * object written with its own lock — compliance mode until the start of {@code retainUntil} (UTC) for a fixed-term
 * record (nobody, not even the account's root, can shorten it or delete the version before), a legal hold for a
 * permanent one (lifted only by {@code s3:PutObjectLegalHold}, which no function has). Deleting removes every version
 * of the key, which S3 refuses while a lock holds. S3Proxy, the offline store, does not implement Object Lock: it
 * answers 501 NotImplemented to a put with the lock headers; only then is the object written again without them, with
 * one WARN (AWS answers a bucket without Object Lock with 400, which fails the write: no silent fallback there).
 * docs/archive.md; {@code ArchiveFunctionsIT} shows what the emulator refused.
 */
public final class S3ArchivePackages implements ArchivePackages {
    private final Supplier<S3Client> s3;
    private final Supplier<String> bucket;

    public S3ArchivePackages(Supplier<S3Client> s3, Supplier<String> bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public static S3ArchivePackages fromSettings() {
        S3Client[] client = new S3Client[1];
        return new S3ArchivePackages(() -> {
            synchronized (client) {
                if (client[0] == null) client[0] = AwsClients.s3();
                return client[0];
            }
        }, () -> Settings.require("ARCHIVE_BUCKET"));
    }

    /** The request's lock headers: what is asked of S3 for {@code retainUntil} (null: a legal hold). */
    public static PutObjectRequest.Builder locked(PutObjectRequest.Builder b, LocalDate retainUntil) {
        if (retainUntil == null) return b.objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON);
        return b.objectLockMode(ObjectLockMode.COMPLIANCE).objectLockRetainUntilDate(retainUntil.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(S3ArchivePackages.class);
    private volatile boolean lockNotImplemented;

    /** Whether the store answered a locked put with 501 NotImplemented (S3Proxy offline), so objects go unlocked. */
    public boolean lockNotImplemented() { return lockNotImplemented; }

    @Override
    public void put(String key, byte[] bytes, String contentType, LocalDate retainUntil) {
        PutObjectRequest.Builder b = PutObjectRequest.builder().bucket(bucket.get()).key(key).contentType(contentType);
        if (!lockNotImplemented) {
            try {
                s3.get().putObject(locked(b, retainUntil).build(), RequestBody.fromBytes(bytes));
                return;
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                if (e.statusCode() != 501) throw e;
                lockNotImplemented = true;
                LOG.warn("the archive's store does not implement Object Lock (501): objects are written without a lock (offline emulator only)");
            }
        }
        s3.get().putObject(PutObjectRequest.builder().bucket(bucket.get()).key(key).contentType(contentType).build(), RequestBody.fromBytes(bytes));
    }

    @Override
    public byte[] get(String key) {
        return s3.get().getObjectAsBytes(b -> b.bucket(bucket.get()).key(key)).asByteArray();
    }

    @Override
    public List<String> list(String prefix) {
        List<String> out = new ArrayList<>();
        s3.get().listObjectsV2Paginator(b -> b.bucket(bucket.get()).prefix(prefix)).contents().forEach(o -> out.add(o.key()));
        out.sort(null);
        return out;
    }

    @Override
    public void delete(String key) {
        S3Versions.deleteAll(s3.get(), bucket.get(), key);
    }
}
