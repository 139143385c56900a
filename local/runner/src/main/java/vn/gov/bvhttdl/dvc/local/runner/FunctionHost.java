package vn.gov.bvhttdl.dvc.local.runner;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One function "container": its deployment jar in a class loader of its own (nothing of the runner leaks in),
 * the handler created once, and invocations one at a time, as Lambda runs them in one execution environment.
 */
final class FunctionHost implements AutoCloseable {
    final String name;
    private final URLClassLoader loader;
    private final Object invoker;
    private final Method invoke;
    private final long timeoutMillis;
    private final ReentrantLock lock = new ReentrantLock();
    /** Where each invocation's AWS/Lambda metrics go (the dashboard), or nowhere. */
    private volatile MetricStore metrics;

    FunctionHost(String name, Path jar, String handler, int memoryMb, int timeoutSeconds) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("function " + name + ": " + jar + " is missing; build first (mvn -DskipTests install)");
        }
        this.name = name;
        this.timeoutMillis = timeoutSeconds * 1000L;
        this.loader = new URLClassLoader("function-" + name,
                new URL[]{jar.toUri().toURL(), locate("vn/gov/bvhttdl/dvc/local/invoker/Invoker.class"),
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
            throw new IllegalStateException("function " + name + " failed to initialise", e.getCause());
        } finally {
            t.setContextClassLoader(previous);
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

    /** Invokes the function with an event; returns the result JSON or throws the function's error. */
    String invoke(String eventJson) throws Exception {
        lock.lock();
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        long startedAt = System.currentTimeMillis(), t0 = System.nanoTime();
        boolean failed = true;
        try {
            String out = (String) invoke.invoke(invoker, eventJson, UUID.randomUUID().toString(), timeoutMillis);
            failed = false;
            return out;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) throw ex;
            throw new IllegalStateException(cause);
        } finally {
            MetricStore m = metrics;
            if (m != null) m.invocation(name, startedAt, (System.nanoTime() - t0) / 1e6, failed);
            t.setContextClassLoader(previous);
            lock.unlock();
        }
    }

    /** A resource from the function's jar (e.g. the OpenAPI document generated at compile time). */
    URL resource(String name) {
        return loader.findResource(name);
    }

    ClassLoader loader() { return loader; }

    @Override
    public void close() throws Exception {
        try {
            invoker.getClass().getMethod("close").invoke(invoker);
        } finally {
            loader.close();
        }
    }
}
