package vn.gov.bvhttdl.dvc.adapters;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.application.ServiceMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The {@link ServiceMetrics} port in CloudWatch Embedded Metric Format: each count is one EMF line ({@link Emf}) on
 * standard output, which Lambda ships to CloudWatch Logs and CloudWatch turns into the metric; offline the runner's
 * log shows the same line.
 *
 * <p>Each count is written at once with two dimension sets, none (the service's total) and its own dimensions, and
 * nothing else (no LogGroup, ServiceName or ServiceType): the dashboards and alarms name exactly
 * {@link ServiceMetrics#NAMESPACE}, the metric and these dimensions. An emission that fails is logged and dropped: a
 * metric lost is better than a move retried.
 *
 * <p>Written by hand ({@link Emf}), no longer through Powertools for AWS Lambda metrics: its first count cost the
 * functions 0.5–1.5 s of their first invocation (Jackson's ObjectMapper and the EMF model's introspection) and
 * 2.7–2.9 MB of jar; measured in docs/adr/0011-emf-written-by-hand.md.
 */
public final class EmfServiceMetrics implements ServiceMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(EmfServiceMetrics.class);

    private final Consumer<String> sink;
    private final LongSupplier clock;

    private EmfServiceMetrics(Consumer<String> sink, LongSupplier clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /**
     * The metrics on standard output, as Lambda's EMF expects them (the stream in force when a count is written, so
     * that the runner's capture sees it). Under SnapStart the snapshot is primed with one count written nowhere
     * ({@link #prime}).
     */
    public static ServiceMetrics lambda() {
        Priming.register("EMF metrics", EmfServiceMetrics::prime);
        return new EmfServiceMetrics(line -> System.out.println(line), System::currentTimeMillis);
    }

    /** One count through the whole path (the port's record, the writer) into a sink that drops it. */
    static void prime() {
        into(line -> {}, System::currentTimeMillis).count(Count.of(DOSSIER_SUBMITTED, "PRIMING"));
    }

    /** The metrics into {@code sink} at {@code clock}'s time (tests). */
    static EmfServiceMetrics into(Consumer<String> sink, LongSupplier clock) { return new EmfServiceMetrics(sink, clock); }

    /** The EMF line of one count at {@code epochMillis}. */
    static String line(Count c, long epochMillis) {
        List<List<String>> sets = new ArrayList<>(2);
        sets.add(List.of()); // the total
        Map<String, String> dims = new TreeMap<>(c.dimensions());
        if (!dims.isEmpty()) sets.add(List.copyOf(dims.keySet()));
        return Emf.line(NAMESPACE, epochMillis, sets, dims, List.of(new Emf.Metric(c.name(), "Count", 1)));
    }

    @Override
    public void count(List<Count> counts) {
        for (Count c : counts) {
            try {
                sink.accept(line(c, clock.getAsLong()));
            } catch (RuntimeException e) {
                LOG.warn("metric {} not emitted: {}", c.name(), e.toString());
            }
        }
    }
}
