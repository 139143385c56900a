package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.ServiceMetrics;

import java.util.ArrayList;
import java.util.List;

/** The business metrics in memory: what a use case counted, in order. */
public final class RecordingMetrics implements ServiceMetrics {
    private final List<Count> counts = new ArrayList<>();

    @Override
    public synchronized void count(List<Count> cs) { counts.addAll(cs); }

    public synchronized List<Count> counts() { return List.copyOf(counts); }

    /** How many times {@code name} was counted. */
    public synchronized long of(String name) { return counts.stream().filter(c -> c.name().equals(name)).count(); }
}
