package vn.gov.bvhttdl.dvc.local.runner;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One function as Lambda runs it: a pool of execution environments ("containers"), each its deployment jar in a
 * class loader of its own (nothing of the runner leaks in, and nothing of one instance leaks into another: statics,
 * caches, clients), its handler created once (the cold start) and invoked one event at a time. Several invocations
 * run at once, each in an instance of its own, up to the function's concurrency (its reserved concurrency in
 * template.yaml, or the runner's default): an invocation takes the instance freed last (warm), else a new one is
 * created (a cold start, while the others go on; one at a time per function), else it waits for one to be freed — as
 * an event source mapping or an API waits for Lambda's capacity. The first instance is created at start, so that a function that cannot
 * initialise stops the runner at once.
 */
final class FunctionHost implements AutoCloseable {
    /** The runner's default concurrency per function when template.yaml reserves none (system property or environment). */
    static final String CONCURRENCY_PROPERTY = "dvc.runner.concurrency";
    static final String CONCURRENCY_ENV = "DVC_RUNNER_CONCURRENCY";
    /**
     * One instance per function unless asked for more: `local/bench receptions`, ConcurrentReceptionIT and
     * `DVC_RUNNER_CONCURRENCY=4 local/run` ask for four. The default stays one until the concurrent stack is measured on
     * a quiet machine (issue #28; under a load of 30-47 a burst's extra cold starts took 30-44 s, past some ITs' waits).
     */
    static final int DEFAULT_CONCURRENCY = 1;

    /**
     * One execution environment: a class loader and a handler of its own. An instance after the first reads its own
     * link to (or copy of) the jar: the JDK keeps one zip file system per jar path for the whole JVM, which Micronaut
     * opens and closes while it starts, so two instances starting at once from the same path closed it under each
     * other (ClosedFileSystemException) — as separate containers, each has its own file.
     */
    private static final class Instance {
        final URLClassLoader loader;
        final Object invoker;
        final Method invoke;
        final Path ownJar;

        Instance(String name, Path jar, String handler, int memoryMb, boolean ownCopy) throws Exception {
            this.ownJar = ownCopy ? ownCopy(jar) : null;
            Path read = ownCopy ? ownJar : jar;
            this.loader = new URLClassLoader("function-" + name,
                    new URL[]{read.toUri().toURL(), locate("vn/gov/bvhttdl/dvc/local/invoker/Invoker.class"),
                            locate("com/amazonaws/services/lambda/runtime/serialization/PojoSerializer.class")},
                    ClassLoader.getPlatformClassLoader());
            Thread t = Thread.currentThread();
            ClassLoader previous = t.getContextClassLoader();
            t.setContextClassLoader(loader);
            try {
                Class<?> type = loader.loadClass("vn.gov.bvhttdl.dvc.local.invoker.Invoker");
                this.invoker = type.getConstructor(String.class, String.class, int.class).newInstance(handler, name, memoryMb);
                this.invoke = type.getMethod("invoke", String.class, String.class, long.class);
            } catch (InvocationTargetException e) {
                loader.close();
                deleteOwnJar();
                throw new IllegalStateException("function " + name + " failed to initialise", e.getCause());
            } finally {
                t.setContextClassLoader(previous);
            }
        }

        /** A hard link to the jar in a folder of its own (a copy where links cannot be made), removed on close. */
        private static Path ownCopy(Path jar) throws java.io.IOException {
            Path dir = Files.createTempDirectory("dvc-instance-");
            Path own = dir.resolve(jar.getFileName());
            try {
                Files.createLink(own, jar.toAbsolutePath());
            } catch (java.io.IOException | UnsupportedOperationException noLink) {
                Files.copy(jar, own);
            }
            return own;
        }

        private void deleteOwnJar() {
            if (ownJar == null) return;
            try {
                Files.deleteIfExists(ownJar);
                Files.deleteIfExists(ownJar.getParent());
            } catch (java.io.IOException ignored) {
                // a temporary file left behind
            }
        }

        void close() throws Exception {
            try {
                invoker.getClass().getMethod("close").invoke(invoker);
            } finally {
                loader.close();
                deleteOwnJar();
            }
        }
    }

    final String name;
    private final Path jar;
    private final String handler;
    private final int memoryMb;
    private final long timeoutMillis;
    private final int concurrency;
    private final Instance first;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    /** Idle instances, the one freed last first (the warmest, as Lambda reuses them). */
    private final Deque<Instance> idle = new ArrayDeque<>();
    private final List<Instance> all = new ArrayList<>();
    private int creating;
    private int busy;
    private int peak;
    private boolean closed;
    /** Where each invocation's AWS/Lambda metrics go (the dashboard), or nowhere. */
    private volatile MetricStore metrics;

    /** A function with the runner's default concurrency ({@link #defaultConcurrency()}). */
    FunctionHost(String name, Path jar, String handler, int memoryMb, int timeoutSeconds) throws Exception {
        this(name, jar, handler, memoryMb, timeoutSeconds, defaultConcurrency());
    }

    /** @param concurrency how many invocations may run at once, each in its own instance (at least 1) */
    FunctionHost(String name, Path jar, String handler, int memoryMb, int timeoutSeconds, int concurrency) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("function " + name + ": " + jar + " is missing; build first (mvn -DskipTests install)");
        }
        this.name = name;
        this.jar = jar;
        this.handler = handler;
        this.memoryMb = memoryMb;
        this.timeoutMillis = timeoutSeconds * 1000L;
        this.concurrency = Math.max(1, concurrency);
        this.first = new Instance(name, jar, handler, memoryMb, false);
        all.add(first);
        idle.push(first);
    }

    /**
     * The concurrency of a function that template.yaml gives no {@code ReservedConcurrentExecutions}: the system
     * property {@value #CONCURRENCY_PROPERTY}, else the environment's {@value #CONCURRENCY_ENV}, else
     * {@value #DEFAULT_CONCURRENCY}.
     */
    static int defaultConcurrency() {
        String v = System.getProperty(CONCURRENCY_PROPERTY);
        if (v == null || v.isBlank()) v = System.getenv(CONCURRENCY_ENV);
        if (v == null || v.isBlank()) return DEFAULT_CONCURRENCY;
        try {
            return Math.max(1, Integer.parseInt(v.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(CONCURRENCY_PROPERTY + " / " + CONCURRENCY_ENV + " must be a number, not " + v);
        }
    }

    /** How many invocations may run at once. */
    int concurrency() { return concurrency; }

    /** How many instances exist now (created on demand, never more than {@link #concurrency()}). */
    int instances() {
        lock.lock();
        try {
            return all.size();
        } finally {
            lock.unlock();
        }
    }

    /** The most invocations that ran at once so far. */
    int peakConcurrency() {
        lock.lock();
        try {
            return peak;
        } finally {
            lock.unlock();
        }
    }

    /** The jar or folder on the runner's class path that holds {@code resource}. */
    private static URL locate(String resource) throws Exception {
        URL url = FunctionHost.class.getClassLoader().getResource(resource);
        if (url == null) throw new IllegalStateException(resource + " is not on the runner's class path");
        String s = url.toString();
        if (s.startsWith("jar:")) return new URL(s.substring(4, s.indexOf("!/")));
        return new URL(s.substring(0, s.length() - resource.length()));
    }

    /** Reports each invocation (its duration and whether it failed) to {@code store}, as Lambda publishes them. */
    void reportTo(MetricStore store) { this.metrics = store; }

    /**
     * A free instance: the warmest idle one, else a new one if under the concurrency and none is being created, else
     * the next one freed (or created).
     */
    private Instance acquire() throws Exception {
        lock.lockInterruptibly();
        try {
            while (true) {
                if (closed) throw new IllegalStateException("function " + name + " is closed");
                Instance i = idle.pollFirst();
                if (i != null) {
                    busy++;
                    peak = Math.max(peak, busy);
                    return i;
                }
                // one cold start at a time per function: on a 2-core machine concurrent starts of the same function
                // only slow each other down, and an instance freed meanwhile serves the next invocation warm
                if (creating == 0 && all.size() < concurrency) {
                    creating++;
                    break;
                }
                freed.await();
            }
        } finally {
            lock.unlock();
        }
        // a cold start, outside the lock: the other instances go on meanwhile
        Instance created = null;
        try {
            created = new Instance(name, jar, handler, memoryMb, true);
            return created;
        } finally {
            lock.lock();
            try {
                creating--;
                if (created != null) {
                    all.add(created);
                    busy++;
                    peak = Math.max(peak, busy);
                }
                freed.signal(); // a waiter may start the next instance
            } finally {
                lock.unlock();
            }
        }
    }

    private void release(Instance i) {
        lock.lock();
        try {
            busy--;
            idle.push(i);
            freed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Invokes the function with an event in a free instance; returns the result JSON or throws the function's error. */
    String invoke(String eventJson) throws Exception {
        Instance instance = acquire();
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(instance.loader);
        long startedAt = System.currentTimeMillis(), t0 = System.nanoTime();
        long cpu0 = InvocationRecords.cpuNanos();
        boolean failed = true;
        try {
            String out = (String) instance.invoke.invoke(instance.invoker, eventJson, UUID.randomUUID().toString(), timeoutMillis);
            failed = false;
            return out;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) throw ex;
            throw new IllegalStateException(cause);
        } finally {
            MetricStore m = metrics;
            if (m != null) m.invocation(name, startedAt, (System.nanoTime() - t0) / 1e6, failed);
            InvocationRecords.record(name, System.nanoTime() - t0, InvocationRecords.cpuNanos() - cpu0, failed);
            t.setContextClassLoader(previous);
            release(instance);
        }
    }

    /** A resource from the function's jar (e.g. the OpenAPI document generated at compile time). */
    URL resource(String name) {
        return first.loader.findResource(name);
    }

    /** The class loader of the instance created at start. */
    ClassLoader loader() { return first.loader; }

    @Override
    public void close() throws Exception {
        List<Instance> instances;
        lock.lock();
        try {
            closed = true;
            freed.signalAll();
            instances = new ArrayList<>(all);
        } finally {
            lock.unlock();
        }
        Exception failure = null;
        for (Instance i : instances) {
            try {
                i.close();
            } catch (Exception e) {
                if (failure == null) failure = e;
            }
        }
        if (failure != null) throw failure;
    }
}
