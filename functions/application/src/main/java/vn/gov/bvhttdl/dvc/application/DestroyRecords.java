package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.ArchiveRecord;
import vn.gov.bvhttdl.dvc.domain.DestructionDecision;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Organisation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Destruction as the archives law has it (docs/archive.md): an administrator lists an agency's fixed-term records past
 * their action date; records the appraisal council's decision (members, minutes, date, the archive codes it
 * approved) — refused unless every code is an expired fixed-term record of that agency; and only then destroys what
 * the decision lists: each package's objects (their lock has expired), the dossier's table items and uploads, the
 * record. A permanent record is never destroyed, nothing is destroyed without a recorded decision (problem+json),
 * and a certificate of destruction is kept — in the table and, under a legal hold, in the archive bucket — with every
 * step in the archive's trail.
 */
public final class DestroyRecords {
    private final ArchiveRecords records;
    private final ArchivePackages packages;
    private final DossierArchiveSources sources;
    private final Organisation organisation;
    private final Clock clock;

    public DestroyRecords(ArchiveRecords records, ArchivePackages packages, DossierArchiveSources sources, Organisation organisation, Clock clock) {
        this.records = records;
        this.packages = packages;
        this.sources = sources;
        this.organisation = organisation;
        this.clock = clock;
    }

    LocalDate today() { return LocalDate.now(clock.withZone(ArchiveRecord.ZONE)); }

    /** The agency's fixed-term records past their action date, from the year {@code fromYear} on, by archive code. */
    public List<ArchiveRecord> expired(String agency, int fromYear) {
        if (organisation.agency(agency).isEmpty()) throw DomainException.of("unknown-agency", "agency", agency);
        LocalDate today = today();
        List<ArchiveRecord> out = new ArrayList<>();
        for (int y = fromYear; y < today.getYear(); y++) for (ArchiveRecord r : records.of(agency, y)) if (r.expired(today)) out.add(r);
        return out;
    }

    /** Records the council's decision once each listed record is checked; answers it with its id. */
    public DestructionDecision recordDecision(String agency, List<String> members, String minutes, LocalDate decidedOn, List<String> codes, String actor) {
        DestructionDecision d = new DestructionDecision(UUID.randomUUID().toString(), agency, members, minutes, decidedOn,
                codes == null ? List.of() : codes.stream().distinct().toList(), actor, clock.instant());
        DomainException.requireNone("invalid-destruction-decision", d.problems(today()));
        if (organisation.agency(agency).isEmpty()) throw DomainException.of("unknown-agency", "agency", agency);
        for (String code : d.archiveCodes()) check(d, code);
        records.saveDecision(d);
        records.trail(new ArchiveRecords.Event(agency, "destruction-decision-recorded", actor, clock.instant(),
                Map.of("decision", d.id(), "minutes", d.minutesReference(), "decidedOn", d.decidedOn().toString(),
                        "members", d.members(), "archiveCodes", d.archiveCodes())));
        return d;
    }

    private ArchiveRecord check(DestructionDecision d, String code) {
        ArchiveRecord r = records.byCode(code).orElseThrow(() -> DomainException.of("archive-record-not-found", "code", code));
        if (!r.agencyCode().equals(d.agencyCode())) throw DomainException.of("record-of-another-agency", "code", code);
        if (r.permanent()) throw DomainException.of("permanent-record", "code", code);
        if (!r.expired(today())) throw DomainException.of("record-not-expired", "code", code, "until", r.actionDate());
        return r;
    }

    /** Carries out decision {@code decisionId}: refused when none is recorded, when done already, or for any record it may not destroy. */
    public ArchiveRecords.Certificate destroy(String decisionId, String actor) {
        DestructionDecision d = records.decision(decisionId).orElseThrow(() -> DomainException.of("destruction-decision-not-found", "id", decisionId));
        if (records.certificate(decisionId).isPresent()) throw DomainException.of("destruction-already-done", "id", decisionId);
        List<ArchiveRecord> listed = new ArrayList<>();
        for (String code : d.archiveCodes()) listed.add(check(d, code)); // all checked again today before anything goes
        List<Map<String, Object>> destroyed = new ArrayList<>();
        for (ArchiveRecord r : listed) {
            List<String> keys = packages.list(r.packagePrefix());
            for (String k : keys) packages.delete(k);
            Map<String, Object> erased = sources.erase(r.dossierId());
            records.remove(r);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("archiveCode", r.archiveCode());
            line.put("title", r.title());
            line.put("end", r.end().toString());
            line.put("retentionYears", r.retentionYears());
            line.put("actionDate", r.actionDate().toString());
            line.put("packageObjects", keys.size());
            line.put("files", r.files().stream().map(f -> f.name() + " " + f.sha256()).toList());
            line.put("erased", erased);
            destroyed.add(line);
            records.trail(new ArchiveRecords.Event(d.agencyCode(), "record-destroyed", actor, clock.instant(),
                    Map.of("decision", d.id(), "archiveCode", r.archiveCode(), "packageObjects", keys.size(), "erased", erased)));
        }
        ArchiveRecords.Certificate c = new ArchiveRecords.Certificate(d.id(), d.agencyCode(), destroyed, actor, clock.instant());
        if (!records.certify(c)) throw DomainException.of("destruction-already-done", "id", decisionId);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("decision", Map.of("id", d.id(), "agency", d.agencyCode(), "members", d.members(), "minutes", d.minutesReference(),
                "decidedOn", d.decidedOn().toString(), "archiveCodes", d.archiveCodes()));
        doc.put("destroyed", destroyed);
        doc.put("destroyedBy", actor);
        doc.put("destroyedAt", c.destroyedAt().toString());
        packages.put("destruction/" + d.agencyCode() + "/" + d.id() + "/certificate.json", Json.write(doc).getBytes(StandardCharsets.UTF_8),
                "application/json", null);
        records.trail(new ArchiveRecords.Event(d.agencyCode(), "destruction-certified", actor, clock.instant(),
                Map.of("decision", d.id(), "records", destroyed.size())));
        return c;
    }
}
