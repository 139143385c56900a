package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.SyncMarkers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The national-sync markers in memory, with the same conditional write as the table's. */
public final class InMemorySyncMarkers implements SyncMarkers {
    private final Map<String, Long> last = new ConcurrentHashMap<>();
    /** Every successful advance: dossier, version, outcome. */
    public final List<String> log = new ArrayList<>();

    @Override
    public long last(String dossierId) { return last.getOrDefault(dossierId, 0L); }

    @Override
    public synchronized boolean advance(String dossierId, long expected, long version, String outcome) {
        if (version <= expected || last(dossierId) != expected) return false;
        last.put(dossierId, version);
        log.add(dossierId + "#" + version + " " + outcome);
        return true;
    }
}
