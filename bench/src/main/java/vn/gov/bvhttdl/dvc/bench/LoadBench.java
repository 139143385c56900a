package vn.gov.bvhttdl.dvc.bench;

import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.Template;
import vn.gov.bvhttdl.dvc.local.runner.InvocationRecords;
import vn.gov.bvhttdl.dvc.local.runner.LocalRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The load test and the cost model's counts on the whole offline stack (issue #28 items 3 and 4; bench/README.md).
 * The local runner is started in this JVM as {@code local/run} starts it (every function from its deployment jar, the
 * runner's own concurrency), then Gatling runs {@code LoadSimulation} (bench/load) against it through {@code io.gatling.app.Gatling}.
 *
 * <pre>
 *   load [rates] [seconds]   one Gatling run per rate (journeys started per second, comma-separated), each for
 *                            seconds; per route p50/p95/p99 and errors, the load average beside each
 *   cost [journeys]          counting proxies in front of dynoxide, ElasticMQ and S3Proxy; journeys whole dossier
 *                            journeys (after two not counted, which warm the functions); then every function's
 *                            invocations, durations and CPU time, the DynamoDB units, S3 and SQS requests and
 *                            bytes, and the messages sent, per dossier
 * </pre>
 */
public final class LoadBench {
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "load";
        Path results = Emulators.repoRoot().resolve("bench/target/gatling");
        Files.createDirectories(results);
        if (mode.equals("cost")) {
            cost(args.length > 1 ? Integer.parseInt(args[1]) : 20, results);
        } else {
            String rates = args.length > 1 ? args[1] : "0.2,0.5,1";
            int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
            load(rates, seconds, results);
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------ load

    private static void load(String rates, int seconds, Path results) throws Exception {
        try (LocalRunner runner = LocalRunner.start(new LocalRunner.Options(0, null, null))) {
            int citizen = 1;
            // warm-up: a few journeys, so the first rate does not measure the functions' first instances' cold starts
            citizen = gatling(runner, results, "warm-up", 0, 4, 8, citizen).next;
            System.out.println("rate/s  seconds  requests  req/s  KO  p50  p95  p99 (all requests, ms)  journeys completed  load average before / after");
            for (String r : rates.split(",")) {
                double rate = Double.parseDouble(r);
                String before = ReceptionBench.loadAverage();
                Run run = gatling(runner, results, "rate " + r, rate, 0, seconds, citizen);
                citizen = run.next;
                String after = ReceptionBench.loadAverage();
                Stats all = run.stats.get("All Requests");
                System.out.printf(Locale.ROOT, "%s  %d  %d  %.1f  %d  %d  %d  %d  %s  %s / %s%n", r, seconds, all.total, all.perSecond, all.ko,
                        all.p50, all.p95, all.p99, run.outcomes, before, after);
                System.out.println("  route | requests | KO | p50 | p95 | p99 ms");
                run.stats.forEach((name, s) -> {
                    if (!name.equals("All Requests")) System.out.printf(Locale.ROOT, "  %s | %d | %d | %d | %d | %d%n", name, s.total, s.ko, s.p50, s.p95, s.p99);
                });
                System.out.flush();
            }
        }
    }

    record Stats(long total, long ko, double perSecond, long p50, long p95, long p99) {}

    record Run(Map<String, Stats> stats, Map<String, Integer> outcomes, int next) {}

    /**
     * One Gatling run of {@code LoadSimulation} (bench/load, built on its own: Gatling's dependencies are not the
     * project's), in a JVM of its own; its per-request statistics read back from the report's stats.json and the
     * journeys' outcomes from the file the simulation writes at its end.
     */
    private static Run gatling(LocalRunner runner, Path results, String description, double rate, int journeys, int seconds, int firstCitizen)
            throws IOException, InterruptedException {
        Path load = Emulators.repoRoot().resolve("bench/load/target");
        String cp = load.resolve("classes") + java.io.File.pathSeparator + Files.readString(load.resolve("classpath.txt")).strip();
        Path outcomesFile = results.resolve("outcomes.tsv");
        Files.deleteIfExists(outcomesFile);
        String java = ProcessHandle.current().info().command().orElse("java");
        int journeysPerRun = journeys;
        // Gatling reflects into java.lang and java.util (as its Maven plugin's JVM arguments open them)
        List<String> cmd = List.of(java, "-Xmx512m", "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
                // the cost run counts whole journeys: a slow answer (a cold start on a busy machine) is waited for; the
                // load test keeps Gatling's 60 s, past which a request is an error
                "-Dgatling.http.requestTimeout=" + (journeys > 0 ? 600_000 : 60_000), "-cp", cp, "-Dload.base=" + runner.baseUrl(), "-Dload.rate=" + rate,
                "-Dload.seconds=" + seconds, "-Dload.journeys=" + journeysPerRun, "-Dload.firstCitizen=" + firstCitizen,
                "-Dload.outcomes=" + outcomesFile, "io.gatling.app.Gatling", "-s", "vn.gov.bvhttdl.dvc.bench.load.LoadSimulation",
                "-rf", results.toString(), "-rd", description);
        List<Path> before = listDirs(results);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(results.resolve("gatling.log").toFile()).start();
        int rc = p.waitFor();
        Map<String, Integer> outcomes = new TreeMap<>();
        int started = 0;
        if (Files.exists(outcomesFile)) {
            for (String line : Files.readAllLines(outcomesFile)) {
                String[] f = line.split("\t");
                if (f.length == 2) outcomes.put(f[0], Integer.parseInt(f[1]));
            }
        }
        Path report = listDirs(results).stream().filter(d -> !before.contains(d)).findFirst().orElse(null);
        Map<String, Stats> stats = new LinkedHashMap<>();
        if (report != null && Files.exists(report.resolve("js/stats.js"))) {
            collect(Files.readString(report.resolve("js/stats.js")), stats::put);
            System.out.println("report (" + description + ", exit " + rc + "): " + report.resolve("index.html"));
        } else {
            System.out.println("no report for " + description + " (exit " + rc + "); see " + results.resolve("gatling.log"));
        }
        // the next run's citizens come after every one this run could have started
        started = journeys > 0 ? journeys : (int) Math.ceil(rate * seconds) + 1;
        return new Run(stats, outcomes, firstCitizen + started);
    }

    private static List<Path> listDirs(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(Files::isDirectory).toList();
        }
    }

    /**
     * Gatling's report keeps its statistics in js/stats.js, a script: each group's and request's {@code stats: {...}}
     * object is JSON, found by matching its braces.
     */
    private static void collect(String script, BiConsumer<String, Stats> into) {
        int at = 0;
        while ((at = script.indexOf("stats: {", at)) >= 0) {
            int open = script.indexOf('{', at), depth = 0, end = open;
            for (int i = open; i < script.length(); i++) {
                char c = script.charAt(i);
                if (c == '{') depth++;
                else if (c == '}' && --depth == 0) {
                    end = i;
                    break;
                }
            }
            Map<String, Object> st = Json.obj(Json.parse(script.substring(open, end + 1)));
            into.accept(String.valueOf(st.get("name")), new Stats(num(st, "numberOfRequests", "total"), num(st, "numberOfRequests", "ko"),
                    dbl(st, "meanNumberOfRequestsPerSecond", "total"), num(st, "percentiles1", "ok"), num(st, "percentiles3", "ok"),
                    num(st, "percentiles4", "ok")));
            at = end;
        }
    }

    private static long num(Map<String, Object> s, String field, String which) {
        return Math.round(dbl(s, field, which));
    }

    private static double dbl(Map<String, Object> s, String field, String which) {
        Object v = Json.obj(s.get(field)).get(which);
        if (v instanceof Number n) return n.doubleValue();
        try {
            return Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ------------------------------------------------------------------ cost

    private static void cost(int journeys, Path results) throws Exception {
        CountingProxy dynamo = new CountingProxy(CountingProxy.Kind.DYNAMODB);
        CountingProxy sqs = new CountingProxy(CountingProxy.Kind.SQS);
        CountingProxy s3 = new CountingProxy(CountingProxy.Kind.S3);
        // the functions take their endpoints from the SDK's system properties, which the runner sets from its emulators
        // and then overrides with its settings (LocalRunner.Options): the settings point them at the proxies, and the
        // proxies learn the emulators' ports when the runner applies them (the value it set just before)
        Map<String, CountingProxy> byProperty = Map.of("aws.endpointUrlDynamoDb", dynamo, "aws.endpointUrlSqs", sqs, "aws.endpointUrlS3", s3);
        Map<String, String> settings = new LinkedHashMap<>() {
            @Override
            public void forEach(BiConsumer<? super String, ? super String> action) {
                byProperty.forEach((property, proxy) -> {
                    String emulator = System.getProperty(property);
                    if (emulator != null && !emulator.equals(proxy.endpoint())) proxy.target(emulator);
                });
                super.forEach(action);
            }
        };
        byProperty.forEach((property, proxy) -> settings.put(property, proxy.endpoint()));
        Template template = Template.read(Emulators.repoRoot().resolve("template.yaml"));
        try (LocalRunner runner = LocalRunner.start(new LocalRunner.Options(0, null, null, settings))) {
            System.out.println("proxies: DynamoDB " + dynamo.endpoint() + ", SQS " + sqs.endpoint() + ", S3 " + s3.endpoint());
            Run warm = gatling(runner, results, "cost warm-up", 0, 2, 2, 1);
            System.out.println("warm-up: " + warm.outcomes);
            settle(runner);
            // the outbox is read (a scan of the table, through the proxy) before the counts start and after they are printed
            int messagesBefore = runner.outboxMessages().size();
            List.of(dynamo, sqs, s3).forEach(CountingProxy::reset);
            InvocationRecords.reset();
            String before = ReceptionBench.loadAverage();
            Run run = gatling(runner, results, "cost " + journeys, 0, journeys, Math.max(1, journeys / 2), warm.next);
            settle(runner);
            String after = ReceptionBench.loadAverage();
            int completed = run.outcomes.getOrDefault("completed", 0);
            // per dossier: over the journeys that went the whole way (the others' work is in the counts too: their
            // outcomes are printed, and the figure is meant for a run where every journey completed)
            double per = Math.max(1, completed);
            if (completed < journeys) System.out.println("NOT EVERY JOURNEY COMPLETED: " + completed + " of " + journeys + " (" + run.outcomes + ")");
            System.out.printf(Locale.ROOT, "%n== cost run: %d journeys, %s; load average before %s, after %s ==%n", journeys, run.outcomes, before, after);
            System.out.println("HTTP requests (Gatling, by route), per completed journey:");
            run.stats.forEach((name, s) -> {
                if (!name.equals("All Requests")) System.out.printf(Locale.ROOT, "  %s | %.2f | KO %d%n", name, s.total / per, s.ko);
            });
            Map<String, Integer> memory = new TreeMap<>();
            Map<String, List<Template.HttpRoute>> routes = new TreeMap<>();
            for (Template.Function f : template.functions()) {
                memory.put(f.logicalId(), f.memoryMb());
                routes.put(f.logicalId(), f.routes());
            }
            System.out.println("Lambda per dossier: function | memory MB | invocations | errors | mean ms | mean CPU ms | GB-s");
            InvocationRecords.snapshot().forEach((f, t) -> {
                int mb = memory.getOrDefault(f, 512);
                System.out.printf(Locale.ROOT, "  %s | %d | %.3f | %d | %.1f | %.1f | %.5f%n", f, mb, t.invocations() / per, t.errors(),
                        t.millis() / Math.max(1, t.invocations()), t.cpuMillis() / Math.max(1, t.invocations()),
                        t.millis() / 1000.0 * mb / 1024.0 / per);
            });
            System.out.println("DynamoDB per dossier (requests by operation; units by the sizing rules):");
            dynamo.requests().forEach((k, v) -> System.out.printf(Locale.ROOT, "  requests %s | %.2f%n", k, v / per));
            dynamo.units().forEach((k, v) -> System.out.printf(Locale.ROOT, "  units %s | %.2f%n", k, v / per));
            System.out.println("S3 per dossier:");
            s3.requests().forEach((k, v) -> System.out.printf(Locale.ROOT, "  requests %s | %.2f%n", k, v / per));
            s3.bytes().forEach((k, v) -> System.out.printf(Locale.ROOT, "  bytes %s | %.0f%n", k, v / per));
            System.out.println("SQS per dossier (the functions' own requests; the event source mappings' polling is Lambda's, see README):");
            sqs.requests().forEach((k, v) -> System.out.printf(Locale.ROOT, "  requests %s | %.2f%n", k, v / per));
            sqs.units().forEach((k, v) -> System.out.printf(Locale.ROOT, "  %s | %.2f%n", k, v / per));
            List<Map<String, Object>> sent = runner.outboxMessages();
            Map<String, Integer> channels = new TreeMap<>();
            for (Map<String, Object> m : sent.subList(Math.min(messagesBefore, sent.size()), sent.size())) {
                channels.merge(String.valueOf(m.get("channel")), 1, Integer::sum);
            }
            System.out.println("messages sent per dossier:");
            channels.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %s | %.2f%n", k, v / per));
            double smsParts = 0;
            for (Map<String, Object> m : sent.subList(Math.min(messagesBefore, sent.size()), sent.size())) {
                if ("sms".equals(m.get("channel"))) smsParts += smsParts(String.valueOf(m.get("text")));
            }
            System.out.printf(Locale.ROOT, "  SMS parts | %.2f%n", smsParts / per);

            // the cost of 1,000 dossiers
            Map<String, InvocationRecords.Totals> inv = InvocationRecords.snapshot();
            String dossierTable = runner.resources().of("DossierTable");
            Map<String, Long> dq = dynamo.requests(), sq = s3.requests();
            double invocations = 0, gbSeconds = 0, gbModelled = 0, httpApi = 0;
            for (var t : inv.values()) invocations += t.invocations();
            // the AWS calls the functions made, shared evenly over their invocations (the proxies do not know the caller)
            double awsCalls = dq.getOrDefault("all", 0L) + sq.values().stream().mapToLong(Long::longValue).sum() / 2.0
                    + sqs.requests().getOrDefault("all", 0L);
            double waitMs = invocations == 0 ? 0 : awsCalls / invocations * CostModel.MS_PER_AWS_CALL;
            for (var e : inv.entrySet()) {
                int mb = memory.getOrDefault(e.getKey(), 512);
                var t = e.getValue();
                gbSeconds += t.millis() / 1000.0 * mb / 1024.0;
                gbModelled += t.invocations() * CostModel.durationAt(waitMs, t.cpuMillis() / Math.max(1, t.invocations()), mb) / 1000.0 * mb / 1024.0;
                if (!routes.getOrDefault(e.getKey(), List.of()).isEmpty()) httpApi += t.invocations();
            }
            System.out.printf(Locale.ROOT, "AWS calls per invocation %.2f, modelled wait %.1f ms per invocation%n", awsCalls / Math.max(1, invocations), waitMs);
            double trail = dq.getOrDefault("table " + dossierTable, 0L) + sq.getOrDefault("PUT/COPY/POST/LIST", 0L)
                    + sq.getOrDefault("GET/HEAD/other", 0L) + sq.getOrDefault("DELETE", 0L);
            CostModel.Counts counts = new CostModel.Counts(invocations / per, gbSeconds / per, gbModelled / per, httpApi / per,
                    dynamo.units().getOrDefault("read", 0.0) / per, dynamo.units().getOrDefault("write", 0.0) / per,
                    sq.getOrDefault("PUT/COPY/POST/LIST", 0L) / per, sq.getOrDefault("GET/HEAD/other", 0L) / per,
                    s3.bytes().getOrDefault("stored", 0L) / per, sqs.requests().getOrDefault("all", 0L) / per,
                    sqs.units().getOrDefault("messages", 0.0) / per, trail / per,
                    // the result and the e-receipt are each signed once (KMS offline is a local key: not counted)
                    2, channels.getOrDefault("email", 0) / per, smsParts / per, httpApi / per);
            System.out.println("counts per dossier: " + counts);
            CostModel.print(counts);
            System.out.println("memory: function | MB now | wall ms (measured) | CPU ms (measured) | modelled ms at 512 / 1024 / 1769 MB | GB-s per 1,000 dossiers at 512 / 1024 / 1769");
            inv.forEach((f, t) -> {
                double n = Math.max(1, t.invocations());
                double wall = t.millis() / n, cpu = t.cpuMillis() / n;
                double[] d = {CostModel.durationAt(waitMs, cpu, 512), CostModel.durationAt(waitMs, cpu, 1024), CostModel.durationAt(waitMs, cpu, 1769)};
                double k = t.invocations() / per * 1000 / 1000.0;
                System.out.printf(Locale.ROOT, "  %s | %d | %.1f | %.1f | %.0f / %.0f / %.0f | %.2f / %.2f / %.2f%n", f, memory.getOrDefault(f, 512), wall, cpu,
                        d[0], d[1], d[2], k * d[0] * 0.5, k * d[1] * 1.0, k * d[2] * 1769 / 1024.0);
            });
        } finally {
            dynamo.close();
            sqs.close();
            s3.close();
        }
    }

    /** Parts an SMS is sent in: 160 GSM-7 characters (153 each when split), else 70 UCS-2 (67 each when split). */
    static int smsParts(String text) {
        boolean gsm = text.chars().allMatch(ch -> ch < 128 && ch != '`');
        int n = text.length();
        if (gsm) return n <= 160 ? 1 : (n + 152) / 153;
        return n <= 70 ? 1 : (n + 66) / 67;
    }

    /** Waits until no function has been invoked for 8 s (the queues, streams and schedules' work after the journeys). */
    private static void settle(LocalRunner runner) throws InterruptedException {
        long last = -1, quietSince = System.currentTimeMillis();
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            runner.flushS3Notifications();
            long n = InvocationRecords.snapshot().values().stream().mapToLong(InvocationRecords.Totals::invocations).sum();
            if (n != last) {
                last = n;
                quietSince = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - quietSince > 8_000) {
                return;
            }
            Thread.sleep(500);
        }
    }
}
