package vn.gov.bvhttdl.dvc.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * A file the applicant attached to a dossier for one of the procedure's components. It is PENDING from the moment
 * the upload is authorised until the scan has looked at the bytes, then ACCEPTED or REJECTED (with the reason);
 * CANCELLED when the citizen withdrew it while the dossier was editable. A PENDING authorisation whose link has
 * expired without bytes arriving counts for nothing (docs/uploads.md, "Lifecycle").
 *
 * @param key          the object key: {@code dossiers/<dossier id>/<component>/<random id>} (never the file name)
 * @param fileName     the applicant's file name, for display only (cleaned of any path)
 * @param declaredType the MIME type the upload was authorised for
 */
public record Attachment(String dossierId, String key, String componentCode, String fileName, String declaredType,
                         long declaredSize, Status status, Text reason, String detectedType, String sha256,
                         Integer pages, Instant createdAt, Instant scannedAt, String versionId) {

    public enum Status { PENDING, ACCEPTED, REJECTED, CANCELLED }

    /** How long a presigned upload link works; an authorisation older than this (plus a minute of grace) has expired. */
    public static final java.time.Duration LINK_LIFETIME = java.time.Duration.ofMinutes(15);

    /** An authorisation not yet judged (no version recorded). */
    public Attachment(String dossierId, String key, String componentCode, String fileName, String declaredType,
                      long declaredSize, Status status, Text reason, String detectedType, String sha256,
                      Integer pages, Instant createdAt, Instant scannedAt) {
        this(dossierId, key, componentCode, fileName, declaredType, declaredSize, status, reason, detectedType, sha256,
                pages, createdAt, scannedAt, null);
    }

    /** A PENDING authorisation whose link expired with no bytes judged: it neither blocks nor counts. */
    public boolean expired(Instant now) {
        return status == Status.PENDING && createdAt.plus(LINK_LIFETIME).plusSeconds(60).isBefore(now);
    }

    /** The id the API names the attachment by: the last segment of its object key. */
    public String uploadId() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /** The MIME type of each file format a component may accept (the data names formats by extension). */
    public static final Map<String, String> MIME = Map.ofEntries(
            Map.entry("pdf", "application/pdf"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("txt", "text/plain"), Map.entry("srt", "text/plain"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("mp4", "video/mp4"));

    /** The file name as shown: the last path segment, no control characters, at most 120 characters. */
    public static String cleanFileName(String name) {
        if (name == null) return "";
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        n = n.replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
        while (n.startsWith(".")) n = n.substring(1);
        return n.length() > 120 ? n.substring(n.length() - 120) : n;
    }

    /** The extension of a cleaned file name, lower case ("" if none). */
    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public Attachment scanned(Status verdict, Text why, String detected, String hash, Integer pageCount, Instant at) {
        return new Attachment(dossierId, key, componentCode, fileName, declaredType, declaredSize, verdict, why,
                detected, hash, pageCount, createdAt, at, versionId);
    }

    /** The object version the verdict is about (null where the bucket keeps no versions). */
    public Attachment ofVersion(String version) {
        return new Attachment(dossierId, key, componentCode, fileName, declaredType, declaredSize, status, reason,
                detectedType, sha256, pages, createdAt, scannedAt, version);
    }

    public Attachment cancelled(Instant at) {
        return new Attachment(dossierId, key, componentCode, fileName, declaredType, declaredSize, Status.CANCELLED, reason,
                detectedType, sha256, pages, createdAt, at, versionId);
    }
}
