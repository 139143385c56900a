package vn.gov.bvhttdl.dvc.local.s3;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * S3Proxy with event notifications: what S3 does and S3Proxy does not. The blob store is wrapped so that every
 * write that <em>completed</em> (a PUT, a copy, a completed multipart upload) appends one line to a journal,
 * {@code <eventName> <bucket> <size> <eTag> <versionId|-> <url-encoded key>}; the offline runner reads the journal
 * and plays S3's notifications to the functions. Half-written objects are never announced, unlike a bucket listing,
 * which also shows the store's temporary files. Usage: {@code S3ProxyMain <properties file> <journal file>}; prints
 * {@code READY s3 http://127.0.0.1:<port bound>} once listening.
 */
public final class S3ProxyMain {
    private S3ProxyMain() {}

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            props.load(in);
        }
        Path journal = Path.of(args[1]);
        Files.createDirectories(journal.toAbsolutePath().getParent());
        BlobStore store = BlobStores.create(props.getProperty("jclouds.provider"), props);
        S3Proxy proxy = S3Proxy.Builder.fromProperties(props).blobStore(new Notifying(store, journal)).build();
        proxy.start();
        // the endpoint's port may be 0 (bound by the system): the port actually bound is how the emulators find it
        System.out.println("READY s3 http://127.0.0.1:" + proxy.getPort());
        System.out.flush();
        Thread.currentThread().join();
    }

    static final class Notifying extends ForwardingBlobStore {
        private final Path journal;

        Notifying(BlobStore delegate, Path journal) {
            super(delegate);
            this.journal = journal;
        }

        @Override
        public PutObjectResponse putBlob(PutObjectRequest request, InputStream in) {
            PutObjectResponse r = super.putBlob(request, in);
            announce("ObjectCreated:Put", request.bucket(), request.key(), r.versionId());
            return r;
        }

        @Override
        public CopyObjectResponse copyBlob(CopyObjectRequest request) {
            CopyObjectResponse r = super.copyBlob(request);
            announce("ObjectCreated:Copy", request.destinationBucket(), request.destinationKey(), r.versionId());
            return r;
        }

        @Override
        public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload, CompleteMultipartUploadRequest request) {
            CompleteMultipartUploadResponse r = super.completeMultipartUpload(upload, request);
            announce("ObjectCreated:CompleteMultipartUpload", request.bucket(), request.key(), r.versionId());
            return r;
        }

        private void announce(String event, String bucket, String key, String versionId) {
            long size = -1;
            String etag = "-";
            try {
                HeadObjectResponse h = delegate().blobMetadata(software.amazon.awssdk.services.s3.model.HeadObjectRequest.builder()
                        .bucket(bucket).key(key).versionId(versionId).build());
                size = h.contentLength() == null ? -1 : h.contentLength();
                if (h.eTag() != null) etag = h.eTag().replace("\"", "");
            } catch (RuntimeException gone) {
                // deleted in the meantime: still announced, as S3 would
            }
            String line = event + " " + bucket + " " + size + " " + etag + " " + (versionId == null || versionId.isEmpty() ? "-" : versionId)
                    + " " + java.net.URLEncoder.encode(key, StandardCharsets.UTF_8) + "\n";
            synchronized (this) {
                try {
                    Files.writeString(journal, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                            StandardOpenOption.WRITE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
