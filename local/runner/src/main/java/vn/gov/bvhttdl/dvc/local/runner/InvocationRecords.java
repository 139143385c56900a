package vn.gov.bvhttdl.dvc.local.runner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every invocation the runner makes, per function: how many, how many failed, their wall-clock time and the CPU time
 * of the invoking thread (what Lambda would bill and what its CPU share would stretch). Kept for the cost model
 * (bench/README.md, issue #28 item 4); {@link #reset()} starts a new count. A function's work done on other threads
 * (none of the synchronous SDK clients the functions use) would not be in the CPU time.
 */
public final class InvocationRecords {
    /** One function's invocations since the last reset. */
    public record Totals(long invocations, long errors, double millis, double cpuMillis) {}

    private static final class Acc {
        final LongAdder n = new LongAdder(), errors = new LongAdder(), nanos = new LongAdder(), cpu = new LongAdder();
    }

    private static final ConcurrentHashMap<String, Acc> BY_FUNCTION = new ConcurrentHashMap<>();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private InvocationRecords() {}

    static long cpuNanos() {
        try {
            return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
        } catch (UnsupportedOperationException e) {
            return 0;
        }
    }

    static void record(String function, long nanos, long cpuNanos, boolean failed) {
        Acc a = BY_FUNCTION.computeIfAbsent(function, k -> new Acc());
        a.n.increment();
        if (failed) a.errors.increment();
        a.nanos.add(nanos);
        a.cpu.add(Math.max(0, cpuNanos));
    }

    /** Per function (sorted by name), since the last reset. */
    public static Map<String, Totals> snapshot() {
        Map<String, Totals> out = new TreeMap<>();
        BY_FUNCTION.forEach((f, a) -> out.put(f, new Totals(a.n.sum(), a.errors.sum(), a.nanos.sum() / 1e6, a.cpu.sum() / 1e6)));
        return out;
    }

    public static void reset() {
        BY_FUNCTION.clear();
    }
}
