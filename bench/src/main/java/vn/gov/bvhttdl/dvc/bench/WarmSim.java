package vn.gov.bvhttdl.dvc.bench;

import vn.gov.bvhttdl.dvc.local.invoker.Invoker;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One warm Lambda container: create the handler once, then invoke it {@code count} times with the same event, as
 * a busy function would be. After each block of 1,000 invocations prints
 * {@code BLOCK n p50_us=… p99_us=… heap_kb=…}, the heap measured after a full GC.
 */
public final class WarmSim {
    private WarmSim() {}

    public static void main(String[] args) throws Throwable {
        String handler = args[0];
        String event = Files.readString(Path.of(args[1]));
        int count = Integer.parseInt(args[2]);
        Invoker invoker = new Invoker(handler, "bench", 1024);
        long[] block = new long[1000];
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            String out = invoker.invoke(event, "warm-" + i, 20_000);
            block[i % 1000] = System.nanoTime() - t0;
            if (!out.contains("\"statusCode\":200")) throw new IllegalStateException("invocation " + i + " answered " + out);
            if (i % 1000 == 999) {
                long[] s = block.clone();
                Arrays.sort(s);
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                System.out.printf("BLOCK %d p50_us=%d p99_us=%d heap_kb=%d%n", (i + 1) / 1000, s[500] / 1000, s[990] / 1000, heap / 1024);
                System.out.flush();
            }
        }
        System.exit(0);
    }
}
