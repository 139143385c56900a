package vn.gov.bvhttdl.dvc.bench;

import vn.gov.bvhttdl.dvc.local.invoker.Invoker;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start in a fresh JVM, as the Lambda Java runtime does it: load the handler class, create it, read the
 * event JSON, invoke once. Prints {@code RESULT init_ms=… invoke_ms=… rss_kb=…}; the parent measures the wall time.
 */
public final class LambdaSim {
    private LambdaSim() {}

    public static void main(String[] args) throws Throwable {
        String handler = args[0];
        String event = Files.readString(Path.of(args[1]));
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.currentTimeMillis();
        Invoker invoker = new Invoker(handler, "bench", 1024);
        long t1 = System.currentTimeMillis();
        String out = invoker.invoke(event, "bench-request", 20_000);
        long t2 = System.currentTimeMillis();
        if (out.contains("\"statusCode\"") && !out.contains("\"statusCode\":200")) throw new IllegalStateException("handler answered " + out);
        if (out.contains("\"itemIdentifier\"")) throw new IllegalStateException("batch failures: " + out);
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) rss = Long.parseLong(line.replaceAll("\\D", ""));
        }
        System.out.printf("RESULT jvm_to_main_ms=%d init_ms=%d invoke_ms=%d rss_kb=%d%n", t0 - jvmStart, t1 - t0, t2 - t1, rss);
        System.out.flush();
        System.exit(0);
    }
}
