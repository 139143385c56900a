package vn.gov.bvhttdl.dvc.local.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as Lambda treats it for metrics: every byte still goes to the runner's own output, as before, and
 * each complete line a thread writes that is an Embedded Metric Format document (what {@code EmfServiceMetrics} and the
 * cold-start line print with {@code System.out.println}) is also read into the {@link MetricStore}. The functions run
 * in this JVM (each in its own class loader, but with the one {@code System.out}); lines are assembled per thread, so
 * that two functions printing at once do not mix.
 */
final class EmfCapture extends OutputStream {
    private final OutputStream through;
    private final MetricStore store;
    private final ThreadLocal<ByteArrayOutputStream> line = ThreadLocal.withInitial(() -> new ByteArrayOutputStream(256));

    EmfCapture(OutputStream through, MetricStore store) {
        this.through = through;
        this.store = store;
    }

    /** Puts a capture in front of {@code System.out}; returns the stream it replaced (for {@link #uninstall}). */
    static PrintStream install(MetricStore store) {
        PrintStream previous = System.out;
        System.setOut(new PrintStream(new EmfCapture(previous, store), true, StandardCharsets.UTF_8));
        return previous;
    }

    static void uninstall(PrintStream previous) {
        System.out.flush();
        System.setOut(previous);
    }

    @Override
    public void write(int b) throws IOException {
        through.write(b);
        take(line.get(), b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        through.write(b, off, len);
        ByteArrayOutputStream buf = line.get();
        for (int i = off; i < off + len; i++) take(buf, b[i]);
    }

    private void take(ByteArrayOutputStream buf, int b) {
        if (b == '\n') {
            if (buf.size() > 0 && buf.size() < 1_000_000) {
                String s = buf.toString(StandardCharsets.UTF_8);
                if (MetricStore.looksLikeEmf(s)) store.acceptEmf(s);
            }
            buf.reset();
        } else if (buf.size() < 1_000_000) {
            buf.write(b);
        }
    }

    @Override
    public void flush() throws IOException { through.flush(); }
}
