package vn.gov.bvhttdl.dvc.adapters;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.EnvironmentProvider;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.internal.EmfMetricsLogger;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import vn.gov.bvhttdl.dvc.application.ServiceMetrics;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link ServiceMetrics} port in CloudWatch Embedded Metric Format, through Powertools for AWS Lambda (Java)
 * metrics, its functional API (no AspectJ): each count is one EMF line on standard output, which Lambda ships to
 * CloudWatch Logs and CloudWatch turns into the metric; offline the runner's log shows the same line.
 *
 * <p>Each count is flushed at once with two dimension sets, none (the service's total) and its own dimensions, and
 * none of the environment's (LogGroup, ServiceName, ServiceType): the dashboards and alarms name exactly
 * {@link ServiceMetrics#NAMESPACE}, the metric and these dimensions. The environment is fixed (Lambda's: standard
 * output), never probed, so that nothing is asked of an instance metadata endpoint or an agent at cold start or
 * offline. An emission that fails is logged and dropped: a metric lost is better than a move retried.
 */
public final class EmfServiceMetrics implements ServiceMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(EmfServiceMetrics.class);

    private final EnvironmentProvider environment;

    private EmfServiceMetrics(Environment env) {
        CompletableFuture<Environment> resolved = CompletableFuture.completedFuture(env);
        this.environment = new EnvironmentProvider() {
            @Override
            public CompletableFuture<Environment> resolveEnvironment() { return resolved; }

            @Override
            public Environment getDefaultEnvironment() { return env; }
        };
    }

    /**
     * The metrics on standard output, as Lambda's EMF expects them. Nothing of Powertools, EMF or Jackson is loaded
     * here (the function's start stays as it was); under SnapStart the snapshot is primed with one count written
     * nowhere ({@link #prime}), so that the first real count does not load them.
     */
    public static ServiceMetrics lambda() {
        Priming.register("EMF metrics", EmfServiceMetrics::prime);
        return new EmfServiceMetrics(new LambdaEnvironment());
    }

    /** One count through the whole path (Powertools, EMF, its JSON serialisation) into a sink that drops it. */
    static void prime() {
        into(SILENT).count(Count.of(DOSSIER_SUBMITTED, null));
    }

    private static final Environment SILENT = new Environment() {
        @Override public boolean probe() { return true; }
        @Override public String getName() { return "priming"; }
        @Override public String getType() { return "priming"; }
        @Override public String getLogGroupName() { return "priming"; }
        @Override public void configureContext(MetricsContext context) {}
        @Override public software.amazon.cloudwatchlogs.emf.sinks.ISink getSink() {
            return new software.amazon.cloudwatchlogs.emf.sinks.ISink() {
                @Override public void accept(MetricsContext context) {
                    try {
                        context.serialize(); // the serialiser's classes, then dropped
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                @Override public CompletableFuture<Void> shutdown() { return CompletableFuture.completedFuture(null); }
            };
        }
    };

    /** The metrics into {@code env}'s sink (tests). */
    static EmfServiceMetrics into(Environment env) { return new EmfServiceMetrics(env); }

    @Override
    public void count(List<Count> counts) {
        for (Count c : counts) {
            try {
                Metrics m = new EmfMetricsLogger(environment, new MetricsContext());
                m.setNamespace(NAMESPACE);
                // the total: an empty dimension set, in place of the environment's default dimensions
                m.setDefaultDimensions(new DimensionSet());
                if (!c.dimensions().isEmpty()) m.addDimension(DimensionSet.of(c.dimensions()));
                m.addMetric(c.name(), 1, MetricUnit.COUNT);
                m.flush();
            } catch (RuntimeException e) {
                LOG.warn("metric {} not emitted: {}", c.name(), e.toString());
            }
        }
    }
}
