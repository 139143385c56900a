package vn.gov.bvhttdl.dvc.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished dossier's archive record (hồ sơ lưu trữ điện tử): what the archive keeps about the work file beside its
 * documents — the fields Decree 30/2020 Art 29(2)(c) names for a work file (title, code, retention period, who made
 * it, start), its end, keywords, counts and the file list with each file's SHA-256, and the archive action date
 * (31 December of end year + period; none when permanent, {@link Retention.Period}). Made once when the dossier is
 * returned, refused, stopped or withdrawn; never changed. The package beside it holds the files and a manifest.
 *
 * @param archiveCode  {@code <agency>.<end year>.<dossier code or id>}: our own code (the agency's list of files
 *                     numbers them by its own scheme, Decree 30/2020 Annex V, not applied here)
 * @param actionDate   null when the record is kept permanently
 */
public record ArchiveRecord(String archiveCode, String dossierId, String dossierCode, String agencyCode, String unitCode,
                            String procedureCode, int procedureVersion, String title, DossierStatus outcome,
                            Integer retentionYears, boolean permanent, Citation retentionBasis, String accessLevel,
                            LocalDate start, LocalDate end, List<String> keywords, int documentCount, long totalBytes,
                            List<FileEntry> files, LocalDate actionDate, Instant archivedAt, String packagePrefix) {

    public ArchiveRecord {
        keywords = List.copyOf(keywords);
        files = List.copyOf(files);
    }

    /** One file of the package: its name in the package, its kind (upload, result, receipt, letter), size and SHA-256. */
    public record FileEntry(String name, String kind, long size, String sha256) {}

    /** A file as it goes into the package. */
    public record Document(String name, String kind, byte[] bytes) {
        public FileEntry entry() { return new FileEntry(name, kind, bytes.length, sha256(bytes)); }
    }

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The record of {@code d} (finished) with {@code documents}, made at {@code at} under {@code rules}. */
    public static ArchiveRecord of(Dossier d, String procedureName, List<Document> documents, Retention rules, Instant at) {
        if (!Retention.FINISHED.contains(d.status())) throw new IllegalArgumentException("dossier " + d.id() + " is not finished: " + d.status());
        Retention.Period p = rules.period(d.procedureCode(), d.status());
        LocalDate end = d.updatedAt().atZone(ZONE).toLocalDate();
        LocalDate start = (d.submittedAt() != null ? d.submittedAt() : d.createdAt()).atZone(ZONE).toLocalDate();
        String ref = d.code() != null ? d.code() : d.id();
        String code = d.agencyCode() + "." + end.getYear() + "." + ref;
        List<FileEntry> files = documents.stream().map(Document::entry).toList();
        long bytes = files.stream().mapToLong(FileEntry::size).sum();
        List<String> keywords = new ArrayList<>(List.of(d.procedureCode(), d.agencyCode(), d.status().name()));
        if (d.code() != null) keywords.add(d.code());
        String title = "Hồ sơ " + (procedureName == null ? d.procedureCode() : procedureName) + " – " + ref;
        return new ArchiveRecord(code, d.id(), d.code(), d.agencyCode(), d.unitCode(), d.procedureCode(), d.procedureVersion(), title,
                d.status(), p.years(), p.permanent(), p.basis(), rules.accessLevel(), start, end, keywords, files.size(), bytes, files,
                p.actionDate(end.getYear()).orElse(null), at, packagePrefix(d.agencyCode(), end.getYear(), d.id()));
    }

    /** Where the package's objects are kept in the archive bucket. */
    public static String packagePrefix(String agency, int endYear, String dossierId) {
        return "records/" + agency + "/" + endYear + "/" + dossierId + "/";
    }

    public Retention.Period period() {
        return permanent ? Retention.Period.forever(retentionBasis) : Retention.Period.ofYears(retentionYears, retentionBasis);
    }

    /** Whether the record may be appraised for destruction on {@code day}: fixed-term and past its action date. */
    public boolean expired(LocalDate day) { return !permanent && actionDate != null && day.isAfter(actionDate); }

    /** The record as the package's {@code record.json} holds it (and the hand-over's index). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("archiveCode", archiveCode);
        m.put("title", title);
        m.put("dossierId", dossierId);
        m.put("dossierCode", dossierCode);
        m.put("agency", agencyCode);
        m.put("unit", unitCode);
        m.put("procedure", procedureCode);
        m.put("procedureVersion", procedureVersion);
        m.put("outcome", outcome.name());
        m.put("retention", permanent ? "permanent" : retentionYears);
        if (retentionBasis != null) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("document", retentionBasis.document());
            b.put("article", retentionBasis.article());
            b.put("confirmed", retentionBasis.confirmed());
            b.put("note", retentionBasis.note());
            m.put("retentionBasis", b);
        }
        m.put("accessLevel", accessLevel);
        m.put("start", start.toString());
        m.put("end", end.toString());
        m.put("keywords", keywords);
        m.put("documentCount", documentCount);
        m.put("totalBytes", totalBytes);
        List<Object> fs = new ArrayList<>();
        for (FileEntry f : files) fs.add(new LinkedHashMap<>(Map.of("name", f.name(), "kind", f.kind(), "size", f.size(), "sha256", f.sha256())));
        m.put("files", fs);
        m.put("actionDate", actionDate == null ? null : actionDate.toString());
        m.put("archivedAt", archivedAt.toString());
        m.put("language", "vi");
        m.put("packagePrefix", packagePrefix);
        return m;
    }

    /** The record back from {@link #toMap()}. */
    public static ArchiveRecord fromMap(Map<String, Object> m) {
        Object ret = m.get("retention");
        boolean permanent = "permanent".equals(ret);
        List<FileEntry> files = Json.list(m.get("files")).stream().map(Json::obj)
                .map(f -> new FileEntry(Json.str(f, "name"), Json.str(f, "kind"), ((Number) f.get("size")).longValue(), Json.str(f, "sha256"))).toList();
        String action = Json.str(m, "actionDate");
        return new ArchiveRecord(Json.str(m, "archiveCode"), Json.str(m, "dossierId"), Json.str(m, "dossierCode"), Json.str(m, "agency"),
                Json.str(m, "unit"), Json.str(m, "procedure"), ((Number) m.get("procedureVersion")).intValue(), Json.str(m, "title"),
                DossierStatus.valueOf(Json.str(m, "outcome")), permanent ? null : ((Number) ret).intValue(), permanent,
                m.get("retentionBasis") == null ? null : Citation.of(Json.obj(m.get("retentionBasis"))), Json.str(m, "accessLevel"),
                LocalDate.parse(Json.str(m, "start")), LocalDate.parse(Json.str(m, "end")),
                Json.list(m.get("keywords")).stream().map(String::valueOf).toList(), ((Number) m.get("documentCount")).intValue(),
                ((Number) m.get("totalBytes")).longValue(), files, action == null ? null : LocalDate.parse(action),
                Instant.parse(Json.str(m, "archivedAt")), Json.str(m, "packagePrefix"));
    }

    public byte[] toJson() { return Json.write(toMap()).getBytes(StandardCharsets.UTF_8); }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A manifest of hashes in the format of {@code sha256sum} ({@code <hex>  <name>} a line, sorted by name), so that an
     * archivist checks a package with {@code sha256sum -c manifest-sha256.txt}.
     */
    public static String manifest(Map<String, byte[]> files) {
        StringBuilder sb = new StringBuilder();
        files.keySet().stream().sorted().forEach(name -> sb.append(sha256(files.get(name))).append("  ").append(name).append('\n'));
        return sb.toString();
    }

    /** The names whose bytes do not match {@code manifest} (missing, extra or changed); empty when the package is whole. */
    public static List<String> mismatches(String manifest, Map<String, byte[]> files) {
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : manifest.split("\n")) {
            if (line.isBlank()) continue;
            int sep = line.indexOf("  ");
            listed.put(line.substring(sep + 2), line.substring(0, sep));
        }
        List<String> bad = new ArrayList<>();
        listed.forEach((name, hash) -> {
            byte[] b = files.get(name);
            if (b == null || !sha256(b).equals(hash)) bad.add(name);
        });
        files.keySet().stream().filter(n -> !listed.containsKey(n)).forEach(bad::add);
        return bad;
    }
}
