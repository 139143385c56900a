package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.ArchiveRecord;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Organisation;
import vn.gov.bvhttdl.dvc.domain.Retention;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The yearly hand-over package of an agency to its archive (nộp lưu hồ sơ vào Lưu trữ cơ quan): the records of the
 * work that ended in a year, kept five years or more (Decree 30/2020 Art 31(2)(c)), handed over within the next year
 * (Art 30(2)(b)) — one ZIP with {@code index.json} (the list of records handed over, mục lục hồ sơ nộp lưu), each
 * record's {@code record.json} and files under {@code <archive code>/}, and {@code manifest-sha256.txt} over all of
 * them; written to {@code handover/<agency>/<year>/handover.zip} in the archive bucket, locked in compliance mode as long
 * as the longest fixed-term record in it, and at least to the end of the year after the hand-over year (a copy: the
 * permanent records' own packages stay under their legal hold, so no function that builds it needs the right to
 * place or lift one). The scheduled run builds the year before for every agency; an
 * administrator may build any past year again (the same records give the same entries).
 */
public final class BuildHandover {
    public record Result(String agency, int year, int records, int files, String key, String manifestSha256) {}

    private final ArchiveRecords records;
    private final ArchivePackages packages;
    private final Retention retention;
    private final Organisation organisation;
    private final Clock clock;

    public BuildHandover(ArchiveRecords records, ArchivePackages packages, Retention retention, Organisation organisation, Clock clock) {
        this.records = records;
        this.packages = packages;
        this.retention = retention;
        this.organisation = organisation;
        this.clock = clock;
    }

    /**
     * The package of the year before this one of every agency that has none yet (the daily schedule's run: the first
     * run of a year builds them, the others find them built; an administrator rebuilds one with {@link #run}).
     */
    public List<Result> yearBefore() {
        int year = LocalDate.now(clock.withZone(ArchiveRecord.ZONE)).getYear() - 1;
        List<Result> out = new ArrayList<>();
        for (String agency : organisation.agencies().keySet()) {
            if (!packages.list(key(agency, year)).isEmpty()) continue;
            out.add(run(agency, year, "schedule"));
        }
        return out;
    }

    /** Where an agency's package of a year is kept. */
    public static String key(String agency, int year) { return "handover/" + agency + "/" + year + "/handover.zip"; }

    /** The package of {@code agency}'s year {@code year}, which must have ended. */
    public Result run(String agency, int year, String actor) {
        int thisYear = LocalDate.now(clock.withZone(ArchiveRecord.ZONE)).getYear();
        if (year >= thisYear || year < 2000) throw vn.gov.bvhttdl.dvc.domain.DomainException.of("invalid-year");
        if (organisation.agency(agency).isEmpty()) throw vn.gov.bvhttdl.dvc.domain.DomainException.of("unknown-agency", "agency", agency);
        List<ArchiveRecord> handed = records.of(agency, year).stream().filter(r -> retention.handedOver(r.period())).toList();
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Object> index = new ArrayList<>();
        LocalDate lock = LocalDate.of(retention.handOverYear(year) + 1, 1, 1);
        for (ArchiveRecord r : handed) {
            Map<String, Object> entry = r.toMap();
            index.add(entry);
            files.put(r.archiveCode() + "/" + ArchiveDossier.RECORD, r.toJson());
            for (ArchiveRecord.FileEntry f : r.files()) files.put(r.archiveCode() + "/" + f.name(), packages.get(r.packagePrefix() + f.name()));
            if (!r.permanent() && ArchiveDossier.lockUntil(r).isAfter(lock)) lock = ArchiveDossier.lockUntil(r);
        }
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("agency", agency);
        head.put("year", year);
        head.put("handOverBy", retention.handOverYear(year) + "-12-31");
        head.put("basis", retention.handOverBasis().stream().map(Object::toString).toList());
        head.put("builtAt", clock.instant().toString());
        head.put("records", index);
        files.put("index.json", Json.write(head).getBytes(StandardCharsets.UTF_8));
        String manifest = ArchiveRecord.manifest(files);
        byte[] zip = zip(files, manifest);
        String key = key(agency, year);
        LocalDate until = lock;
        packages.put(key, zip, "application/zip", until);
        byte[] m = manifest.getBytes(StandardCharsets.UTF_8);
        packages.put("handover/" + agency + "/" + year + "/manifest-sha256.txt", m, "text/plain; charset=utf-8", until);
        Result res = new Result(agency, year, handed.size(), files.size(), key, ArchiveRecord.sha256(m));
        records.trail(new ArchiveRecords.Event(agency, "handover-built", actor, clock.instant(),
                Map.of("year", year, "records", handed.size(), "key", key, "manifestSha256", res.manifestSha256())));
        return res;
    }

    static byte[] zip(Map<String, byte[]> files, String manifest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry(ArchiveDossier.MANIFEST));
            z.write(manifest.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
