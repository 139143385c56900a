package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.ArchiveRecord;
import vn.gov.bvhttdl.dvc.domain.DestructionDecision;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the archive's records in the table (items {@code ARCHIVE#<agency>#<end year>} / archive code, the marker
 * {@code DOSSIER#id / ARCHIVED}), the appraisal council's decisions, the certificates of destruction and the
 * archive's own trail, which outlives the dossiers it mentions.
 */
public interface ArchiveRecords {
    /** Writes the record with the dossier's {@code ARCHIVED} marker, once: false when the dossier has its record already. */
    boolean record(ArchiveRecord r);

    Optional<ArchiveRecord> ofDossier(String dossierId);

    /** The record of {@code archiveCode} ({@code <agency>.<end year>.<ref>}); empty when none, or destroyed. */
    Optional<ArchiveRecord> byCode(String archiveCode);

    /** The agency's records of work ended in {@code endYear}, by archive code. */
    List<ArchiveRecord> of(String agency, int endYear);

    void saveDecision(DestructionDecision d);

    Optional<DestructionDecision> decision(String id);

    /** A certificate of destruction (biên bản hủy tài liệu): the decision carried out, what was destroyed, by whom, when. */
    record Certificate(String decisionId, String agencyCode, List<Map<String, Object>> destroyed, String destroyedBy, Instant destroyedAt) {
        public Certificate {
            destroyed = List.copyOf(destroyed);
        }
    }

    /** Keeps the certificate, once per decision: false when the decision was carried out already. */
    boolean certify(Certificate c);

    Optional<Certificate> certificate(String decisionId);

    /** Removes a destroyed record (its item and the dossier's marker); the certificate keeps what it was. */
    void remove(ArchiveRecord r);

    /** An entry of the archive's trail: who did what to which records. */
    record Event(String agencyCode, String action, String actor, Instant at, Map<String, Object> details) {
        public Event {
            details = Map.copyOf(details);
        }
    }

    void trail(Event e);

    List<Event> trail(String agencyCode);
}
