package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import vn.gov.bvhttdl.dvc.application.FileLinks;
import vn.gov.bvhttdl.dvc.domain.Attachment;

import java.net.URI;

/**
 * The FileLinks port on S3: a presigned GET of the very version the scan judged, shown inline under its file name.
 * Signing reads nothing; the function's role decides what the link opens.
 */
public final class S3FileLinks implements FileLinks {
    private final S3Presigner presigner;
    private final java.util.function.Supplier<String> uploads;

    /** {@code uploadsBucket}: read when a link is made (a function that never opens a file needs no bucket set). */
    public S3FileLinks(S3Presigner presigner, java.util.function.Supplier<String> uploadsBucket) {
        this.presigner = presigner;
        this.uploads = uploadsBucket;
    }

    @Override
    public URI open(Attachment a) {
        String name = a.fileName().replaceAll("[\"\\\\\r\n]", "_");
        var get = presigner.presignGetObject(r -> r.signatureDuration(Attachment.LINK_LIFETIME)
                .getObjectRequest(o -> {
                    o.bucket(uploads.get()).key(a.key()).responseContentType(a.declaredType())
                            .responseContentDisposition("inline; filename=\"" + name + "\"");
                    if (a.versionId() != null) o.versionId(a.versionId());
                }));
        return URI.create(get.url().toString());
    }
}
