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
 * @param provenance   where the component came from (an upload unless said otherwise; issue #20's dossier facts)
 */
public record Attachment(String dossierId, String key, String componentCode, String fileName, String declaredType,
                         long declaredSize, Status status, Text reason, String detectedType, String sha256,
                         Integer pages, Instant createdAt, Instant scannedAt, String versionId, Provenance provenance) {

    public enum Status { PENDING, ACCEPTED, REJECTED, CANCELLED }

    /**
     * Where a component came from, as the national portal counts it (TaiLieuNop[]: DuocSoHoa, DuocTaiSuDung,
     * DuocLayTuKhoDMQG, and DSKetNoiCSDL for a national database).
     */
    public enum Origin {
        /** Uploaded by the applicant (every file before this field existed). */
        UPLOADED,
        /** Scanned at the one-stop desk from paper. */
        DIGITISED,
        /** Reused from an earlier dossier's digitised component. */
        REUSED,
        /** Taken from the person's data warehouse on the national portal. */
        WAREHOUSE,
        /** Filled from a national database (the state already holds it: Resolution 66.7/2025/NQ-CP). */
        NATIONAL_DATABASE
    }

    /**
     * @param database    for {@link Origin#NATIONAL_DATABASE}: the database's code ({@link Procedure.NationalData})
     * @param retrievedAt when the data was retrieved
     * @param reference   what was retrieved (e.g. the enterprise code), for the official; for a document taken from a
     *                    warehouse, its id there
     * @param owner       for a document taken from a warehouse: the warehouse's owner ({@link WarehouseDocument#owner()})
     * @param resultCode  for a result taken from a warehouse: its result code ({@code <dossier code>-KQ<n>}), else null
     */
    public record Provenance(Origin origin, String database, Instant retrievedAt, String reference, String owner, String resultCode) {
        public static final Provenance UPLOADED = new Provenance(Origin.UPLOADED, null, null, null);

        /** This system's warehouse ({@link Origin#REUSED}); the {@code database} of its references. */
        public static final String THIS_WAREHOUSE = "warehouse";
        /** The person's document list on the national portal ({@link Origin#WAREHOUSE}). */
        public static final String NATIONAL_WAREHOUSE = "national-warehouse";

        public Provenance {
            if (origin == null) origin = Origin.UPLOADED;
        }

        public Provenance(Origin origin, String database, Instant retrievedAt, String reference) {
            this(origin, database, retrievedAt, reference, null, null);
        }

        /**
         * A document taken by reference from this system's warehouse (origin {@link Origin#REUSED}: the national
         * portal's DuocTaiSuDung) or from the person's document list on the national portal ({@link Origin#WAREHOUSE}:
         * DuocLayTuKhoDMQG): nothing uploaded again.
         */
        public static Provenance warehouse(boolean national, String id, String owner, String resultCode, Instant at) {
            return new Provenance(national ? Origin.WAREHOUSE : Origin.REUSED, national ? NATIONAL_WAREHOUSE : THIS_WAREHOUSE,
                    at, id, owner, resultCode);
        }

        public static Provenance nationalDatabase(String database, Instant at, String reference) {
            return new Provenance(Origin.NATIONAL_DATABASE, database, at, reference);
        }
    }

    public Attachment {
        if (provenance == null) provenance = Provenance.UPLOADED;
    }

    /** An attachment with the provenance of an upload. */
    public Attachment(String dossierId, String key, String componentCode, String fileName, String declaredType,
                      long declaredSize, Status status, Text reason, String detectedType, String sha256,
                      Integer pages, Instant createdAt, Instant scannedAt, String versionId) {
        this(dossierId, key, componentCode, fileName, declaredType, declaredSize, status, reason, detectedType, sha256,
                pages, createdAt, scannedAt, versionId, Provenance.UPLOADED);
    }

    /** The component's origin (never null). */
    public Origin origin() { return provenance.origin(); }

    /** Whether the component is a document taken by reference from a warehouse (this system's or the national portal's). */
    public boolean fromWarehouse() {
        return provenance.origin() == Origin.REUSED && Provenance.THIS_WAREHOUSE.equals(provenance.database())
                || provenance.origin() == Origin.WAREHOUSE;
    }

    /** Whether the component was filled from a national database (there is no file of the applicant's behind it). */
    public boolean fromNationalDatabase() { return provenance.origin() == Origin.NATIONAL_DATABASE; }

    /** How long a presigned upload link works; an authorisation older than this (plus a minute of grace) has expired. */
    public static final java.time.Duration LINK_LIFETIME = java.time.Duration.ofMinutes(15);

    /** An authorisation not yet judged (no version recorded). */
    public Attachment(String dossierId, String key, String componentCode, String fileName, String declaredType,
                      long declaredSize, Status status, Text reason, String detectedType, String sha256,
                      Integer pages, Instant createdAt, Instant scannedAt) {
        this(dossierId, key, componentCode, fileName, declaredType, declaredSize, status, reason, detectedType, sha256,
                pages, createdAt, scannedAt, null, Provenance.UPLOADED);
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
                detected, hash, pageCount, createdAt, at, versionId, provenance);
    }

    /** The object version the verdict is about (null where the bucket keeps no versions). */
    public Attachment ofVersion(String version) {
        return new Attachment(dossierId, key, componentCode, fileName, declaredType, declaredSize, status, reason,
                detectedType, sha256, pages, createdAt, scannedAt, version, provenance);
    }

    public Attachment cancelled(Instant at) {
        return new Attachment(dossierId, key, componentCode, fileName, declaredType, declaredSize, Status.CANCELLED, reason,
                detectedType, sha256, pages, createdAt, at, versionId, provenance);
    }
}
