package vn.gov.bvhttdl.dvc.bench;

import vn.gov.bvhttdl.dvc.local.runner.InvocationRecords;
import vn.gov.bvhttdl.dvc.local.runner.LocalRunner;
import vn.gov.bvhttdl.dvc.local.runner.ReceptionLoad;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Receptions per second on the whole offline stack (issue #28 item 2): the local runner as {@code local/run} starts
 * it (every function from its jar, the runner's concurrency), {@code n} dossiers prepared through the API, each by its
 * own citizen, then all submitted at the same moment; reports receptions per second (from the first submission sent
 * to the last reception in the audit trails), p50/p95/p99 from submit to received, the instances each function on the
 * path grew to, and the load average beside them. A warm-up round of n/5 (at least 8) comes first (the instances' cold starts, as a
 * deployed stack that has been serving has warm ones); the second round is the figure. It also checks exactly once
 * (one reception per dossier, distinct codes). Where the CPU goes in each round: the CPU-seconds per reception of each
 * function (its invocations' thread CPU, {@link InvocationRecords}), of the runner's process as a whole, and of each
 * emulator's process (dynoxide, ElasticMQ, S3Proxy, GreenMail). Usage: local/bench receptions [n]
 */
public final class ReceptionBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        // Lambda-like: several instances per function (the runner's own default is one); DVC_RUNNER_CONCURRENCY wins
        if (System.getenv("DVC_RUNNER_CONCURRENCY") == null && System.getProperty("dvc.runner.concurrency") == null) {
            System.setProperty("dvc.runner.concurrency", "4");
        }
        System.out.printf(Locale.ROOT, "concurrency per function: %s (DVC_RUNNER_CONCURRENCY / -Ddvc.runner.concurrency; 4 here, the runner's default 1)%n",
                System.getenv().getOrDefault("DVC_RUNNER_CONCURRENCY", System.getProperty("dvc.runner.concurrency")));
        try (LocalRunner runner = LocalRunner.start(new LocalRunner.Options(0, null, null))) {
            ReceptionLoad load = new ReceptionLoad(runner);
            int citizen = 1;
            for (int[] round : new int[][]{{Math.max(8, n / 5), 0}, {n, 1}}) {
                int count = round[0];
                long p0 = System.nanoTime();
                List<ReceptionLoad.Prepared> dossiers = load.prepare(count, citizen, 4);
                citizen += count;
                double prepared = (System.nanoTime() - p0) / 1e9;
                String before = loadAverage();
                InvocationRecords.reset();
                Map<String, Double> cpu0 = processCpu();
                long w0 = System.nanoTime();
                ReceptionLoad.Result r = load.submitAtOnce(dossiers, Duration.ofMinutes(10));
                Map<String, Double> cpu1 = processCpu();
                double window = (System.nanoTime() - w0) / 1e9;
                Map<String, InvocationRecords.Totals> byFunction = InvocationRecords.snapshot();
                String after = loadAverage();
                long once = r.receptions().stream().filter(x -> x.actions().stream().filter("receive"::equals).count() == 1).count();
                long codes = r.receptions().stream().map(ReceptionLoad.Reception::code).filter(java.util.Objects::nonNull).distinct().count();
                long refused = r.receptions().stream().filter(x -> x.submitStatus() != 202).count();
                System.out.printf(Locale.ROOT, "%s: %d dossiers (prepared in %.1f s), submitted at once: %.1f receptions/s, "
                                + "submit->received p50 %d ms, p95 %d ms, p99 %d ms, max %d ms; queue empty after %.2f s; "
                                + "received exactly once: %d/%d, distinct codes %d, submissions refused %d; load average before %s, after %s%n",
                        round[1] == 0 ? "warm-up" : "measured", count, prepared, r.perSecond(), r.percentile(50), r.percentile(95),
                        r.percentile(99), r.percentile(100), r.drainSeconds(), once, count, codes, refused, before, after);
                for (String f : List.of("CitizenApiFunction", "ValidationFunction", "UploadScanFunction", "StatusCountsFunction", "StatusNotifyFunction")) {
                    System.out.printf(Locale.ROOT, "  %-22s instances %d, at most %d at once (limit %d)%n", f, runner.functionInstances(f),
                            runner.peakConcurrency(f), runner.concurrency(f));
                }
                // the window: from the submissions to the last dossier read back (the queue drained, the stream's
                // consumers and the national sync still at work on what the receptions wrote)
                int cores = Runtime.getRuntime().availableProcessors();
                System.out.printf(Locale.ROOT, "  CPU-seconds per reception, from the submissions to the last dossier read back (%.1f s; "
                        + "%d cores give %.3f a reception in that time, 50 receptions/s would allow %.3f):%n",
                        window, cores, window * cores / count, cores / 50.0);
                double total = 0;
                for (var e : cpu1.entrySet()) {
                    double d = e.getValue() - cpu0.getOrDefault(e.getKey(), 0.0);
                    total += d;
                    System.out.printf(Locale.ROOT, "    process %-12s %.3f%n", e.getKey(), d / count);
                }
                System.out.printf(Locale.ROOT, "    all processes        %.3f%n", total / count);
                new TreeMap<>(byFunction).forEach((f, t) -> System.out.printf(Locale.ROOT,
                        "    function %-24s %.3f (%d invocations, %.1f ms CPU each)%n", f, t.cpuMillis() / 1000 / count,
                        t.invocations(), t.invocations() == 0 ? 0 : t.cpuMillis() / t.invocations()));
                if (once != count || codes != count || refused != 0) {
                    System.out.println("NOT EXACTLY ONCE");
                    System.exit(1);
                }
            }
        }
        System.exit(0);
    }

    /**
     * CPU-seconds so far of this JVM (the runner: every function, the API gateway, the event sources, the sandboxes)
     * and of each emulator it started, named by its command line.
     */
    static Map<String, Double> processCpu() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("runner", cpuSeconds(ProcessHandle.current()));
        ProcessHandle.current().descendants().forEach(p -> {
            String cmd = p.info().commandLine().orElse("");
            String name = cmd.contains("dynoxide") ? "dynoxide" : cmd.contains("elasticmq") ? "elasticmq"
                    : cmd.contains("s3proxy") ? "s3proxy" : cmd.contains("greenmail") ? "greenmail" : "other";
            out.merge(name, cpuSeconds(p), Double::sum);
        });
        return out;
    }

    static double cpuSeconds(ProcessHandle p) {
        return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "n/a". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "n/a";
        }
    }
}
