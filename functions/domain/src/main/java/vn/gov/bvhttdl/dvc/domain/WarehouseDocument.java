package vn.gov.bvhttdl.dvc.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One document in an owner's electronic data warehouse (kho quản lý dữ liệu điện tử của tổ chức, cá nhân; Decree
 * 45/2020 as amended, issue #25): a result this system issued, a document of a finished dossier the owner chose to
 * keep, or a paper digitised at the one-stop desk (a component or an old, still-valid result). The owner is the
 * personal ID number, or the enterprise code for an enterprise applicant ({@link #ownerOf(Facts.OwnerId)}).
 *
 * @param owner            {@link #ownerOf(Facts.OwnerId)}: {@code PERSONAL_ID:<12 digits>} or {@code ENTERPRISE_CODE:<code>}
 * @param id               unguessable id (the API names the document by it; never an index the owner could guess)
 * @param kind             where it came from
 * @param documentKind     the kind of document (rules mapping component kinds to document kinds, with citations)
 * @param name             what it is, in both languages
 * @param resultCode       for a result: {@code <dossier code>-KQ<n>}; null otherwise
 * @param nationalTypeCode the national result-type code where known, else null
 * @param numberAndSymbol  số, ký hiệu (may be null)
 * @param summary          trích yếu (may be null)
 * @param issuedOn         the issue (or signing) date
 * @param validUntil       the end of validity, null when unlimited
 * @param scope            phạm vi hiệu lực (may be null)
 * @param issuer           the issuing agency's name or code
 * @param fileKey          where the file is: for a RESULT the result's id in the results store; otherwise an object key
 * @param versionId        the object version the entry names (null where none)
 * @param sha256           the file's SHA-256 (hex)
 * @param verificationId   the id of its public verification page ({@code /verify/<id>}), null when it has none
 * @param status           valid, replaced or revoked (expired is {@link #state(LocalDate)})
 * @param replacedBy       for a replaced entry: the id of the entry that replaced it
 * @param statusReason     why it was revoked or replaced (may be null)
 * @param sourceDossierId  the dossier it came from, null for a paper digitised without a dossier
 * @param sourceComponent  the component it filled in that dossier, null for a result
 * @param addedAt          when it entered the warehouse
 * @param addedBy          who put it there: {@code system} for an issued result, the owner's subject, or the official's
 */
public record WarehouseDocument(String owner, String id, Kind kind, String documentKind, Text name, String resultCode,
                                String nationalTypeCode, String numberAndSymbol, String summary, LocalDate issuedOn,
                                LocalDate validUntil, String scope, String issuer, String fileKey, String versionId,
                                String sha256, String verificationId, Status status, String replacedBy,
                                String statusReason, String sourceDossierId, String sourceComponent, Instant addedAt,
                                String addedBy) {

    public enum Kind {
        /** A result this system issued (pushed when issued; its status follows the result's). */
        RESULT,
        /** An accepted document of a finished dossier the owner chose to keep. */
        KEPT,
        /** A paper component digitised and signed by an official at the desk. */
        DIGITISED,
        /** A paper result issued before the portal, digitised (at the desk or by batch import) and signed by an official. */
        DIGITISED_RESULT
    }

    public enum Status { VALID, REPLACED, REVOKED }

    /** The owner key of a dossier's applicant; null when the applicant has no identifier. */
    public static String ownerOf(Facts.OwnerId id) {
        if (id == null || id.type() == Facts.IdType.NONE || id.value() == null || id.value().isBlank()) return null;
        return id.type().name() + ":" + id.value();
    }

    /** The owner key of a signed-in person (their personal ID number). */
    public static String personal(String idNumber) {
        return idNumber == null || idNumber.isBlank() ? null : Facts.IdType.PERSONAL_ID.name() + ":" + idNumber;
    }

    /** The owner key of an enterprise. */
    public static String enterprise(String code) {
        return code == null || code.isBlank() ? null : Facts.IdType.ENTERPRISE_CODE.name() + ":" + code;
    }

    /** VALID, REPLACED, REVOKED — or EXPIRED on {@code day} when its validity has ended. */
    public String state(LocalDate day) {
        if (status != Status.VALID) return status.name();
        return validUntil != null && day.isAfter(validUntil) ? "EXPIRED" : "VALID";
    }

    /** Whether it may be attached to a new dossier on {@code day}. */
    public boolean usable(LocalDate day) { return "VALID".equals(state(day)); }

    /** Whether the owner may delete it: what they added themselves stays theirs; what the Ministry issued or signed stays. */
    public boolean ownerMayDelete() { return kind == Kind.KEPT; }

    public WarehouseDocument withStatus(Status s, String replacement, String reason) {
        return new WarehouseDocument(owner, id, kind, documentKind, name, resultCode, nationalTypeCode, numberAndSymbol,
                summary, issuedOn, validUntil, scope, issuer, fileKey, versionId, sha256, verificationId, s, replacement,
                reason, sourceDossierId, sourceComponent, addedAt, addedBy);
    }
}
