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
    private final java.util.function.Supplier<String> documents;
    private final java.util.function.Supplier<String> results;

    /** The buckets are read when a link is made (a function that never opens a kind of file needs no bucket set for it). */
    public S3FileLinks(S3Presigner presigner, java.util.function.Supplier<String> uploadsBucket, java.util.function.Supplier<String> documentsBucket,
                       java.util.function.Supplier<String> resultsBucket) {
        this.presigner = presigner;
        this.uploads = uploadsBucket;
        this.documents = documentsBucket;
        this.results = resultsBucket;
    }

    /** With the buckets the functions' settings name (UPLOADS_BUCKET, DOCUMENTS_BUCKET, RESULTS_BUCKET). */
    public static S3FileLinks fromSettings(S3Presigner presigner) {
        return new S3FileLinks(presigner, () -> Settings.require("UPLOADS_BUCKET"), () -> Settings.require("DOCUMENTS_BUCKET"),
                () -> Settings.require("RESULTS_BUCKET"));
    }

    @Override
    public URI receipt(String dossierCode) {
        return get(documents.get(), Documents.receiptKey(dossierCode), null, "application/pdf", "giay-hen-" + dossierCode + ".pdf");
    }

    @Override
    public URI result(vn.gov.bvhttdl.dvc.domain.IssuedResult r, String fileName) {
        return get(results.get(), ResultStore.key(r.id()), null, "application/pdf", fileName);
    }

    private URI get(String bucket, String key, String version, String type, String fileName) {
        String name = fileName.replaceAll("[\"\\\\\r\n]", "_");
        var get = presigner.presignGetObject(r -> r.signatureDuration(Attachment.LINK_LIFETIME)
                .getObjectRequest(o -> {
                    o.bucket(bucket).key(key).responseContentType(type).responseContentDisposition("inline; filename=\"" + name + "\"");
                    if (version != null) o.versionId(version);
                }));
        return URI.create(get.url().toString());
    }

    @Override
    public URI open(Attachment a) {
        return get(uploads.get(), a.key(), a.versionId(), a.declaredType(), a.fileName());
    }
}
