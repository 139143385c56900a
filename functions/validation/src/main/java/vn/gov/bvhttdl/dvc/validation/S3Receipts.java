package vn.gov.bvhttdl.dvc.validation;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import vn.gov.bvhttdl.dvc.adapters.Documents;
import vn.gov.bvhttdl.dvc.adapters.ResultStore;
import vn.gov.bvhttdl.dvc.application.Receipts;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Receipts port: form 01 rendered with OpenPDF ({@link ReceiptPdf}) into the documents bucket, and its
 * verification record, so that its QR code holds the address of the public verification page (no personal data
 * in the code). The receipt's id is derived from the dossier's (random) id and the reception, so a retried
 * reception describes the same receipt.
 */
final class S3Receipts implements Receipts {
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final S3Client s3;
    private final String bucket;
    private final ResultStore records;
    private final Supplier<String> publicBase;

    S3Receipts(S3Client s3, String bucket, ResultStore records, Supplier<String> publicBase) {
        this.s3 = s3;
        this.bucket = bucket;
        this.records = records;
        this.publicBase = publicBase;
    }

    /** 26 letters of the alphabet from SHA-256(dossier id, code, appointment): the same receipt, the same address. */
    static String receiptId(Dossier d) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("receipt:" + d.id() + ":" + d.code() + ":" + d.dueDate())
                    .getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder(26);
            for (int i = 0; i < 26; i++) b.append(ALPHABET.charAt((h[i] & 0xff) % ALPHABET.length()));
            return b.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void issue(Dossier received, Procedure procedure, List<Attachment> files, String lookupKey, Instant issuedAt) {
        String id = receiptId(received);
        String base = publicBase.get();
        String url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/verify/" + id;
        byte[] pdf = ReceiptPdf.render(received, procedure, files, received.receivedAt(), received.dueDate(), issuedAt, lookupKey, url);
        s3.putObject(b -> b.bucket(bucket).key(Documents.receiptKey(received.code())).contentType("application/pdf")
                .metadata(Map.of("dossier-id", received.id(), "verification-id", id)), RequestBody.fromBytes(pdf));
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        // what the receipt's face says, and the metadata of Circular 01/2023 but the applicant's ID number
        List<IssuedResult.Line> face = List.of(
                new IssuedResult.Line("Mã hồ sơ", received.code()),
                new IssuedResult.Line("Thủ tục", procedure.name().vi() + " (mã " + procedure.code() + ")"),
                new IssuedResult.Line("Ngày nhận", day.format(received.receivedAt().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")))),
                new IssuedResult.Line("Ngày hẹn trả kết quả", received.dueDate() == null ? "" : day.format(received.dueDate())),
                new IssuedResult.Line("Hệ thống cấp", ReceiptPdf.SYSTEM));
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        records.recordDocument(new IssuedResult(id, received.code(), 0, received.id(), received.code(), procedure.code(), procedure.version(),
                procedure.agencyCode(), new Text(ReceiptPdf.DOCUMENT_NAME, "Receipt and appointment slip"), face, issuedAt, null, sha, null,
                IssuedResult.Status.VALID, null, null, null));
    }
}
