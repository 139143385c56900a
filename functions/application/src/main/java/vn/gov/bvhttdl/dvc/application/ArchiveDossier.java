package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.ArchiveRecord;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Retention;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished dossier's archive record and package (docs/archive.md): when a dossier is returned, refused, stopped or
 * withdrawn, its record (archive code, title, period, access, dates, keywords, counts, files with SHA-256, action
 * date) and its package — {@code record.json}, the documents under {@code files/}, {@code manifest-sha256.txt} — are
 * written to the archive bucket, locked to the end of the action date's year-end (a permanent record under a legal
 * hold); then the record and its {@code ARCHIVED} marker are written once. A retry after a failure writes the same
 * objects again (the same bytes: Object Lock keeps both versions); once the marker is there nothing is written again.
 */
public final class ArchiveDossier {
    public enum Outcome { ARCHIVED, ALREADY_ARCHIVED, NOT_FINISHED }

    public static final String RECORD = "record.json", MANIFEST = "manifest-sha256.txt";

    private final DossierArchiveSources sources;
    private final ArchivePackages packages;
    private final ArchiveRecords records;
    private final Rules rules;
    private final Retention retention;
    private final Clock clock;

    public ArchiveDossier(DossierArchiveSources sources, ArchivePackages packages, ArchiveRecords records, Rules rules, Retention retention, Clock clock) {
        this.sources = sources;
        this.packages = packages;
        this.records = records;
        this.rules = rules;
        this.retention = retention;
        this.clock = clock;
    }

    public Outcome archive(Dossier d) {
        if (!Retention.FINISHED.contains(d.status())) return Outcome.NOT_FINISHED;
        if (records.ofDossier(d.id()).isPresent()) return Outcome.ALREADY_ARCHIVED;
        String name = rules.catalogue().find(d.procedureCode()).map(p -> p.name().vi()).orElse(null);
        List<ArchiveRecord.Document> docs = sources.documents(d);
        ArchiveRecord r = ArchiveRecord.of(d, name, docs, retention, clock.instant());
        LocalDate until = lockUntil(r);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (ArchiveRecord.Document doc : docs) files.put(doc.name(), doc.bytes());
        files.put(RECORD, r.toJson());
        for (var e : files.entrySet()) packages.put(r.packagePrefix() + e.getKey(), e.getValue(), type(e.getKey()), until);
        packages.put(r.packagePrefix() + MANIFEST, ArchiveRecord.manifest(files).getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8", until);
        return records.record(r) ? Outcome.ARCHIVED : Outcome.ALREADY_ARCHIVED;
    }

    /** The lock: to the day after the action date (kept through 31 December); null (a legal hold) when permanent. */
    public static LocalDate lockUntil(ArchiveRecord r) { return r.permanent() ? null : r.actionDate().plusDays(1); }

    static String type(String name) {
        if (name.endsWith(".pdf")) return "application/pdf";
        if (name.endsWith(".json")) return "application/json";
        if (name.endsWith(".xml")) return "application/xml";
        if (name.endsWith(".txt")) return "text/plain; charset=utf-8";
        return "application/octet-stream";
    }
}
