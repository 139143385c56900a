package vn.gov.bvhttdl.dvc.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.BeanRegistration;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An event function's context holds none of the HTTP, scheduling, serde and runtime beans (issue #28, cold start). */
class EventFunctionTest {
    static final class Echo extends EventFunction<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> execute(Map<String, Object> input) { return Map.of("echo", input.get("x")); }
    }

    static final class Stock extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> execute(Map<String, Object> input) { return input; }
    }

    private static List<String> definitions(MicronautRequestHandler<?, ?> h) {
        return h.getApplicationContext().getAllBeanDefinitions().stream().map(BeanDefinition::getBeanType).map(Class::getName).toList();
    }

    private static List<String> created(MicronautRequestHandler<?, ?> h) {
        Collection<BeanRegistration<?>> regs = h.getApplicationContext().getActiveBeanRegistrations(Qualifiers.any());
        return regs.stream().map(r -> r.getBeanDefinition().getClass().getName()).toList();
    }

    @Test
    void theHiddenModulesContributeNoBeanAndTheFunctionStillWorks() {
        try (Stock stock = new Stock(); Echo echo = new Echo()) {
            // the stock handler (what every event function was): the hidden modules' definitions are there and made
            assertTrue(definitions(stock).stream().anyMatch(EventFunction::hidden), "the classpath carries the hidden modules");
            long stockMade = created(stock).stream().filter(EventFunction::hidden).count();
            assertTrue(stockMade > 20, "the stock context creates their beans at start: " + stockMade);

            assertEquals(List.of(), definitions(echo).stream().filter(EventFunction::hidden).toList());
            assertEquals(List.of(), created(echo).stream().filter(EventFunction::hidden).toList());
            assertTrue(created(echo).size() < created(stock).size() / 3,
                    "beans made at start: " + created(echo).size() + " against " + created(stock).size());

            // the Lambda context still goes to this project's holder (not registered as a bean), and the event is handled
            Context ctx = LambdaContextHolderTest.context("req-1");
            assertEquals(Map.of("echo", 7), echo.handleRequest(Map.of("x", 7), ctx));
            assertSame(ctx, LambdaContextHolder.current().orElseThrow());
            assertEquals(0, echo.getApplicationContext().getBeanDefinitions(Context.class).size());
        }
    }

    @Test
    void theFilterIsByPackagePrefix() {
        assertTrue(EventFunction.hidden("io.micronaut.http.body.$ByteArrayBodyHandler$Definition"));
        assertTrue(EventFunction.hidden("io.micronaut.scheduling.executor.$ExecutorFactory$Definition"));
        assertFalse(EventFunction.hidden("io.micronaut.function.aws.$DefaultDiagnosticInfoPopulator$Definition"));
        assertFalse(EventFunction.hidden("vn.gov.bvhttdl.dvc.lambda.$LambdaContextHolder$Definition"));
        assertFalse(EventFunction.hidden("io.micronaut.httpx.Other"), "a prefix ends with a dot");
    }
}
