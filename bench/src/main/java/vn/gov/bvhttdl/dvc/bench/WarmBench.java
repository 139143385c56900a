package vn.gov.bvhttdl.dvc.bench;

import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.Provisioner;
import vn.gov.bvhttdl.dvc.local.emulators.Template;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Warm invocations of the citizen API in one JVM (issue #7, defect 1): 20,000 calls of {@code GET /api/calendar/2025}
 * from the deployment jar, once as shipped and once with micronaut-function-aws's stock Lambda-context factory
 * turned back on, reporting median latency and heap after GC per thousand calls. Usage:
 * {@code local/bench warm [count]}; writes bench/warm-results.md.
 */
public final class WarmBench {
    private WarmBench() {}

    record Block(int n, long p50us, long p99us, long heapKb) {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path root = Emulators.repoRoot();
        Template template = Template.read(root.resolve("template.yaml"));
        Template.Function api = template.functions().stream().filter(f -> f.logicalId().equals("PublicApiFunction")).findFirst().orElseThrow(); // the calendar route is the public function's
        try (Emulators e = Emulators.start(null)) {
            Provisioner.Resources r = Provisioner.provision(template, e);
            Map<String, String> env = new LinkedHashMap<>(e.sdkEnvironment());
            r.environment(api).forEach((k, v) -> { if (!k.equals("JAVA_TOOL_OPTIONS")) env.put(k, v); });
            String event = Files.readString(root.resolve("events/public-api-list-procedures.json"))
                    .replace("/api/procedures", "/api/calendar/2025").replace("GET /api/calendar/2025", "GET /api/calendar/{year}");
            Path file = Files.createTempFile("warm-event", ".json");
            Files.writeString(file, event);
            String cp = root.resolve(api.codeUri()) + File.pathSeparator + ColdStartBench.invokerClasspath(root);
            List<Block> fixed = run(cp, api.handler(), file, count, env, false);
            List<Block> stock = run(cp, api.handler(), file, count, env, true);
            StringBuilder md = new StringBuilder();
            md.append("Measured ").append(LocalDate.now()).append(", JDK ").append(Runtime.version().feature())
                    .append(", one JVM per variant (`-Xmx256m -XX:+UseSerialGC`, one CPU), ").append(count)
                    .append(" × `GET /api/calendar/2025` through the deployment jar, against dynoxide.\n\n");
            md.append("| thousand | p50 µs as shipped | heap after GC KiB as shipped | p50 µs stock factory | heap after GC KiB stock factory |\n|---:|---:|---:|---:|---:|\n");
            for (int i = 0; i < Math.min(fixed.size(), stock.size()); i++) {
                if (i < 3 || i % 5 == 4 || i == fixed.size() - 1) {
                    md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d |%n", fixed.get(i).n(), fixed.get(i).p50us(),
                            fixed.get(i).heapKb(), stock.get(i).p50us(), stock.get(i).heapKb()));
                }
            }
            md.append(String.format(Locale.ROOT, "%nLast thousand ÷ second thousand: latency %.2f× as shipped, %.2f× with the stock factory; "
                            + "heap %.2f× as shipped, %.2f× with the stock factory.%n",
                    ratio(fixed, Block::p50us), ratio(stock, Block::p50us), ratio(fixed, Block::heapKb), ratio(stock, Block::heapKb)));
            Files.writeString(root.resolve("bench/warm-results.md"), md.toString());
            System.out.println(md);
        }
    }

    private static double ratio(List<Block> b, java.util.function.ToLongFunction<Block> f) {
        return (double) f.applyAsLong(b.get(b.size() - 1)) / f.applyAsLong(b.get(1));
    }

    private static List<Block> run(String cp, String handler, Path event, int count, Map<String, String> env, boolean stock) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>();
        if (new File("/usr/bin/taskset").canExecute()) cmd.addAll(List.of("/usr/bin/taskset", "-c", "0"));
        cmd.addAll(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=1",
                "-Ddvc.lambda.stock-context-factory=" + stock, "-cp", cp, WarmSim.class.getName(), handler, event.toString(),
                Integer.toString(count)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        List<Block> blocks = new ArrayList<>();
        StringBuilder other = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("BLOCK ")) {
                    Map<String, Long> v = new LinkedHashMap<>();
                    String[] parts = line.split(" ");
                    for (int i = 2; i < parts.length; i++) v.put(parts[i].split("=")[0], Long.parseLong(parts[i].split("=")[1]));
                    blocks.add(new Block(Integer.parseInt(parts[1]), v.get("p50_us"), v.get("p99_us"), v.get("heap_kb")));
                    System.out.println((stock ? "stock " : "shipped ") + line);
                } else if (other.length() < 20_000) {
                    other.append(line).append('\n');
                }
            }
        }
        if (p.waitFor() != 0 || blocks.size() < 2) throw new IllegalStateException("warm run failed:\n" + other);
        return blocks;
    }
}
