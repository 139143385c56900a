package vn.gov.bvhttdl.dvc.lambda;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.DefaultApplicationContext;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.inject.BeanDefinitionReference;

import java.util.ArrayList;
import java.util.List;

/**
 * The base of every event function's handler (streams, queues, schedules, direct invocations — not the HTTP APIs):
 * micronaut-function-aws's {@link MicronautRequestHandler} whose application context knows only the beans an event
 * function can use — this project's factories and Micronaut's injection, AOP and function support — and not the
 * bean definitions of the framework modules that come on the classpath with micronaut-function-aws and the JSON
 * mapper ({@link #HIDDEN}: the HTTP layer's body handlers, codecs, binders and SSL configuration, the schedulers and
 * their four executor services, serde's registry and serdes, the runtime's scopes and graceful shutdown).
 *
 * <p>Why (issue #28, bench/README.md "Cold start, issue #28"): micronaut-function-aws starts the context with
 * {@code eagerInitSingletons}, so each of those definitions was loaded, its conditions checked and, for 86 of them,
 * a bean created on every cold start although no event function injects one: the status-counts function created 99
 * beans and loaded 3,867 classes at init, 13 beans and ≈ 3,480 classes with this filter (≈ 3,130 with the shade
 * filter of {@code lambda-parent}, which leaves the same definitions out of the event functions' jars so that they are
 * not even loaded). The Lambda runtime deserialises the events itself and no event function reads Micronaut's
 * configuration, routes HTTP or schedules tasks ({@code EventFunctionTest} checks that none of these beans is made).
 */
public abstract class EventFunction<I, O> extends MicronautRequestHandler<I, O> {
    /**
     * The packages whose bean definitions an event function's context ignores (the same list as the shade filter's
     * {@code lambda.hidden.beans} excludes in functions/lambda-parent/pom.xml).
     */
    public static final List<String> HIDDEN = List.of("io.micronaut.http.", "io.micronaut.scheduling.",
            "io.micronaut.serde.", "io.micronaut.json.", "io.micronaut.jackson.", "io.micronaut.logging.",
            "io.micronaut.runtime.");

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return new LambdaApplicationContextBuilder() {
            @Override
            protected ApplicationContext newApplicationContext() {
                return new DefaultApplicationContext(this) {
                    private List<BeanDefinitionReference> visible;

                    @Override
                    protected synchronized List<BeanDefinitionReference> resolveBeanDefinitionReferences() {
                        if (visible == null) visible = visible(super.resolveBeanDefinitionReferences());
                        return visible;
                    }
                };
            }
        };
    }

    /** The references outside {@link #HIDDEN}. */
    static List<BeanDefinitionReference> visible(List<BeanDefinitionReference> all) {
        List<BeanDefinitionReference> out = new ArrayList<>(all.size());
        for (BeanDefinitionReference r : all) {
            if (!hidden(r.getBeanDefinitionName())) out.add(r);
        }
        return out;
    }

    static boolean hidden(String beanDefinitionName) {
        for (String p : HIDDEN) {
            if (beanDefinitionName.startsWith(p)) return true;
        }
        return false;
    }
}
