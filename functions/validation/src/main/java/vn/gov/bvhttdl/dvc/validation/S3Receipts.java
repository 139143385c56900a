package vn.gov.bvhttdl.dvc.validation;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import vn.gov.bvhttdl.dvc.adapters.Documents;
import vn.gov.bvhttdl.dvc.application.Receipts;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Procedure;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The Receipts port: form 01 rendered with OpenPDF ({@link ReceiptPdf}) into the documents bucket. */
final class S3Receipts implements Receipts {
    private final S3Client s3;
    private final String bucket;

    S3Receipts(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void issue(Dossier received, Procedure procedure, List<Attachment> files, String lookupKey, Instant issuedAt) {
        byte[] pdf = ReceiptPdf.render(received, procedure, files, received.receivedAt(), received.dueDate(), issuedAt, lookupKey);
        s3.putObject(b -> b.bucket(bucket).key(Documents.receiptKey(received.code())).contentType("application/pdf")
                .metadata(Map.of("dossier-id", received.id())), RequestBody.fromBytes(pdf));
    }
}
