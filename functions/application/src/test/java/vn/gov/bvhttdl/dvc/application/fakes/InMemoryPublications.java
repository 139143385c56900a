package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.Publications;
import vn.gov.bvhttdl.dvc.application.Rules;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Rules and Publications ports in memory, as the rules store does it: the bundled catalogue and calendar plus
 * every publication (the latest of a year applies), a key never written twice.
 */
public final class InMemoryPublications implements Rules, Publications {
    private final Map<String, Map<String, Object>> data = new TreeMap<>();
    private final Map<String, Publication> published = new TreeMap<>();
    private final Clock clock;

    public InMemoryPublications(Clock clock) { this.clock = clock; }

    @Override
    public synchronized void publish(Kind kind, String key, Map<String, Object> item, String actor) {
        if (published.containsKey(kind + "|" + key)) {
            throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("publication exists already");
        }
        published.put(kind + "|" + key, new Publication(kind, key, actor, clock.instant()));
        data.put(kind + "|" + key, new java.util.LinkedHashMap<>(item));
    }

    @Override
    public synchronized List<Publication> list(Kind kind) {
        return published.values().stream().filter(p -> p.kind() == kind).toList();
    }

    @Override
    public synchronized ProcedureCatalogue catalogue() {
        List<Procedure> versions = new ArrayList<>();
        data.forEach((k, v) -> { if (k.startsWith(Kind.CATALOGUE + "|")) versions.add(Procedure.of(v)); });
        return ProcedureCatalogue.load().with(versions);
    }

    @Override
    public synchronized WorkingCalendar calendar() {
        Map<Integer, WorkingCalendar.YearSchedule> years = new TreeMap<>();
        data.forEach((k, v) -> {
            if (!k.startsWith(Kind.CALENDAR + "|")) return;
            WorkingCalendar.YearSchedule s = WorkingCalendar.schedule(v);
            years.put(s.year(), s); // keys sort by YEAR#yyyy#V#nnnn: the last of a year wins
        });
        return WorkingCalendar.standard().withSchedules(years.values());
    }
}
