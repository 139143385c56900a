package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.WorkQueues;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The WorkQueues port over {@link InMemoryDossiers}, as the table's indexes answer: earliest due first, pages of
 * {@code size} from the id after which the last page ended; counts computed from the dossiers.
 */
public final class InMemoryWorkQueues implements WorkQueues {
    private final InMemoryDossiers dossiers;

    public InMemoryWorkQueues(InMemoryDossiers dossiers) { this.dossiers = dossiers; }

    private Page page(Predicate<Dossier> which, int size, String after) {
        List<Dossier> all = dossiers.all().stream().filter(which)
                .sorted(Comparator.comparing(InMemoryDossiers::due).thenComparing(Dossier::id)).toList();
        int from = 0;
        if (after != null) {
            for (int i = 0; i < all.size(); i++) if (all.get(i).id().equals(after)) from = i + 1;
        }
        List<Dossier> out = all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
        return new Page(out, from + size < all.size() ? out.get(out.size() - 1).id() : null);
    }

    @Override
    public Page byHolder(String agency, String unit, DossierStatus status, int size, String after) {
        return page(d -> d.agencyCode().equals(agency) && d.status() == status && unit.equals(InMemoryDossiers.holder(d)), size, after);
    }

    @Override
    public Page byAssignee(String subject, int size, String after) {
        return page(d -> d.processing() != null && subject.equals(d.processing().assignee()), size, after);
    }

    @Override
    public Page byConsulted(String agency, String unit, int size, String after) {
        return page(d -> d.processing() != null && d.processing().consultation() != null && d.processing().consultation().answer() == null
                && d.processing().consultation().agency().equals(agency) && d.processing().consultation().unit().equals(unit), size, after);
    }

    @Override
    public List<Dossier> byAgencyStatus(String agency, DossierStatus status, int limit) {
        return dossiers.all().stream().filter(d -> d.agencyCode().equals(agency) && d.status() == status).limit(limit).toList();
    }

    @Override
    public Optional<Dossier> findByCode(String code) {
        return dossiers.all().stream().filter(d -> code.equals(d.code())).findFirst();
    }

    @Override
    public List<Dossier> byOwner(String ownerId, int limit) {
        return dossiers.all().stream().filter(d -> d.ownerId().equals(ownerId))
                .sorted(Comparator.comparing(Dossier::createdAt).reversed()).limit(limit).toList();
    }

    @Override
    public Map<String, Long> unitCounts(String agency, String unit) {
        Map<String, Long> out = new TreeMap<>();
        dossiers.all().stream().filter(d -> d.agencyCode().equals(agency) && unit.equals(InMemoryDossiers.holder(d)))
                .forEach(d -> out.merge(d.status().name(), 1L, Long::sum));
        return out;
    }

    @Override
    public Map<String, Long> agencyCounts(String agency) {
        Map<String, Long> out = new TreeMap<>();
        dossiers.all().stream().filter(d -> d.agencyCode().equals(agency)).forEach(d -> out.merge(d.status().name(), 1L, Long::sum));
        return out;
    }
}
