package vn.gov.bvhttdl.dvc.lambda;

import vn.gov.bvhttdl.dvc.adapters.Emf;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The cold-start metric of every function (issue 23): on an execution environment's first invocation, one line of
 * CloudWatch Embedded Metric Format on standard output, {@code ColdStart = 1} in namespace {@code DVC/Service} with the
 * dimension sets none (the service's total) and {@code FunctionName} — the names of {@code ServiceMetrics.COLD_START}
 * and {@code ServiceMetrics.FUNCTION_NAME} (a structure test keeps them equal). Called from
 * {@link LambdaContextHolder}, which micronaut-function-aws calls with the Lambda context on every invocation of every
 * handler, so that no handler has to remember it.
 *
 * <p>Why not Powertools' {@code Metrics.captureColdStartMetric}: it counts only when
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE} is {@code on-demand} (every function here runs under SnapStart, where it is
 * {@code snap-start}, so it would never count; offline the variable is not set either), and outside its AspectJ aspect
 * nothing marks the cold start done, so called on every invocation it would count every one. This is one line of
 * {@code adapters.Emf} (a {@code StringBuilder}) and one {@code println}.
 *
 * <p>Under SnapStart the flag is still set in the snapshot (no invocation happens before it is taken), so the first
 * invocation of each restored environment counts: what an operator calls a cold start there.
 */
public final class ColdStart {
    /** The namespace, metric and dimension names (equal to {@code ServiceMetrics}' constants). */
    public static final String NAMESPACE = "DVC/Service", METRIC = "ColdStart", DIMENSION = "FunctionName";

    /** Whether the next invocation is the environment's first (package-private: tests set it again). */
    static final AtomicBoolean FIRST = new AtomicBoolean(true);

    private ColdStart() {}

    /** Writes the metric if this is the environment's first invocation; never throws. */
    static void invoked(String functionName) {
        invoked(functionName, System.out);
    }

    static void invoked(String functionName, PrintStream out) {
        if (!FIRST.compareAndSet(true, false)) return;
        try {
            write(out, functionName, System.currentTimeMillis());
        } catch (RuntimeException e) {
            // a metric lost is better than an invocation failed
        }
    }

    /** The EMF line for a cold start of {@code functionName} at {@code epochMillis} (adapters' one EMF writer). */
    static String line(String functionName, long epochMillis) {
        String fn = functionName == null || functionName.isBlank() ? "unknown" : functionName;
        return Emf.line(NAMESPACE, epochMillis, List.of(List.of(), List.of(DIMENSION)), Map.of(DIMENSION, fn),
                List.of(new Emf.Metric(METRIC, "Count", 1)));
    }

    static void write(PrintStream out, String functionName, long epochMillis) {
        out.println(line(functionName, epochMillis));
    }
}
