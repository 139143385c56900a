package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The officials' ways into the dossiers: the work queues (earliest due first, a page at a time), the look-up by
 * code, the dossiers of an agency in a status (for the tracking book), and the counts kept from the table's stream.
 * What an official may see of what these return is {@link Access}'s to decide.
 */
public interface WorkQueues {
    /** One page of a queue and where the next starts ({@code null}: no more). */
    record Page(List<Dossier> items, String next) {}

    /** The dossiers held by the unit in {@code status}. */
    Page byHolder(String agency, String unit, DossierStatus status, int size, String after);

    /** The dossiers at a step assigned to the official {@code subject}. */
    Page byAssignee(String subject, int size, String after);

    /** The dossiers waiting for the unit's answer to a consultation. */
    Page byConsulted(String agency, String unit, int size, String after);

    /** At most {@code limit} dossiers of the agency in {@code status}. */
    List<Dossier> byAgencyStatus(String agency, DossierStatus status, int limit);

    Optional<Dossier> findByCode(String code);

    /** The dossiers of the citizen {@code ownerId}, newest first, at most {@code limit}. */
    List<Dossier> byOwner(String ownerId, int limit);

    /** The unit's dossiers per status. */
    Map<String, Long> unitCounts(String agency, String unit);

    /** The agency's dossiers per status. */
    Map<String, Long> agencyCounts(String agency);
}
