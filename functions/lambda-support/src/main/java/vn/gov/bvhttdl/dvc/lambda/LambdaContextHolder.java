package vn.gov.bvhttdl.dvc.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Keeps the Lambda {@link Context} of the invocation in progress instead of registering it as a bean.
 *
 * <p>Why: every handler of micronaut-function-aws (the API's {@code APIGatewayV2HTTPEventFunction} as well as
 * {@code MicronautRequestHandler}) calls {@code HandlerUtils.configureWithContext} on each invocation, and its
 * {@link DefaultLambdaContextFactory} calls {@code BeanContext.registerSingleton} for the new {@code Context} and its
 * {@code LambdaLogger}. A registered singleton is never removed, so a warm container gains two bean definitions and
 * registrations and keeps one {@code Context} alive per request: memory grows and every later bean lookup of those
 * types walks a longer list (measured: 7 ms → 88 ms per request after ~35,000 requests; bench/README.md,
 * "Warm invocations"). Nothing in this project injects the Context, so the factory is replaced by this holder.
 * Being called on every invocation of every handler, it also writes each environment's cold-start metric
 * ({@link ColdStart}).
 * Upstream: the behaviour is documented ("Lambda Context is registered as a singleton each time the handler gets
 * invoked", micronaut-aws guide) and reported nowhere we could find as a leak; see docs/architecture.md.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
// the warm-invocation benchmark turns the stock factory back on to measure the difference
@Requires(property = "dvc.lambda.stock-context-factory", notEquals = "true")
public final class LambdaContextHolder implements LambdaContextFactory {
    private static volatile Context current;

    @Override
    public void registerSingletons(@NonNull Context lambdaContext) {
        current = lambdaContext;
        // the environment's first invocation: its cold-start metric (a flag and, once, one line)
        ColdStart.invoked(lambdaContext == null ? null : lambdaContext.getFunctionName());
    }

    /** The context of the invocation in progress (a function handles one invocation at a time). */
    public static Optional<Context> current() {
        return Optional.ofNullable(current);
    }
}
