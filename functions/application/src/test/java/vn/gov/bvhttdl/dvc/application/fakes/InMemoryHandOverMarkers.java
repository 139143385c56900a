package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.HandOverMarkers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The hand-over markers in memory, with the same conditional writes as the table's. */
public final class InMemoryHandOverMarkers implements HandOverMarkers {
    private record Marker(String owner, Instant until, boolean done, boolean late) {}

    private final Map<String, Marker> markers = new HashMap<>();
    /** Every hand-over recorded: receipt id (and " late"). */
    public final List<String> log = new ArrayList<>();

    @Override
    public synchronized boolean handedOver(String receiptId) {
        Marker m = markers.get(receiptId);
        return m != null && m.done();
    }

    @Override
    public synchronized boolean claim(String receiptId, String owner, Instant now, Instant until) {
        Marker m = markers.get(receiptId);
        if (m != null && (m.done() || m.until().isAfter(now))) return false;
        markers.put(receiptId, new Marker(owner, until, false, false));
        return true;
    }

    @Override
    public synchronized boolean handedOver(String receiptId, String owner, Instant at, boolean late) {
        Marker m = markers.get(receiptId);
        if (m == null || m.done() || !m.owner().equals(owner)) return false;
        markers.put(receiptId, new Marker(owner, m.until(), true, late));
        log.add(receiptId + (late ? " late" : ""));
        return true;
    }

    @Override
    public synchronized void release(String receiptId, String owner) {
        Marker m = markers.get(receiptId);
        if (m != null && !m.done() && m.owner().equals(owner)) markers.remove(receiptId);
    }
}
