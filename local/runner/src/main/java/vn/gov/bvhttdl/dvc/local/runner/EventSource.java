package vn.gov.bvhttdl.dvc.local.runner;

/**
 * A background poller that plays one of Lambda's event sources for one function: {@link #poll()} runs in a loop on
 * a daemon thread until {@link #stop()}; an error in one pass is logged and the next pass goes on.
 */
abstract class EventSource implements Runnable {
    protected final FunctionHost function;
    private final Thread thread;
    private volatile boolean running = true;

    EventSource(String kind, FunctionHost function) {
        this.function = function;
        this.thread = new Thread(this, kind + "-" + function.name);
        thread.setDaemon(true);
    }

    /** One pass; may block for a while (long polling) or sleep between passes. */
    protected abstract void poll() throws InterruptedException;

    final void start() { thread.start(); }

    /**
     * Stops and waits for the current pass to end, and for the invocations it handed to workers ({@link #workers}),
     * so that nothing is delivered after this returns.
     */
    final void stop() {
        running = false;
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (workers != null) {
            workers.shutdown();
            try {
                if (!workers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    System.err.println("[" + thread.getName() + "] invocations still running after 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private volatile java.util.concurrent.ExecutorService workers;

    /**
     * The threads that run this source's invocations concurrently (created on first use, daemon, named after the
     * source); how many run at once is bounded by the source itself and by the function's concurrency.
     */
    protected final synchronized java.util.concurrent.ExecutorService workers() {
        if (workers == null) {
            java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
            workers = java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread w = new Thread(r, thread.getName() + "-" + n.incrementAndGet());
                w.setDaemon(true);
                return w;
            });
        }
        return workers;
    }

    /** False once {@link #stop()} was called: a pass that has just received something leaves it undelivered. */
    protected final boolean running() { return running; }

    @Override
    public final void run() {
        while (running) {
            try {
                poll();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) return;
                System.err.println("[" + thread.getName() + "] " + e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }
}
