package vn.gov.bvhttdl.dvc.counts;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import vn.gov.bvhttdl.dvc.adapters.Priming;

/**
 * One cold start in a fresh JVM for {@link PrimingIT}: the event read first, the handler made, the SnapStart priming
 * hooks run or not ({@code primed} / {@code cold}), one invocation. Marker classes are loaded between the phases so
 * that the JVM's class-loading log can be cut into them.
 */
public final class PrimedStart {
    static final class AfterInit {}
    static final class AfterPriming {}
    static final class AfterInvoke {}

    private PrimedStart() {}

    public static void main(String[] args) throws Exception {
        DynamodbEvent event = EventLoader.loadDynamoDbEvent(args[1]);
        int hooks = 0;
        try (StatusCountsHandler handler = new StatusCountsHandler()) {
            mark(AfterInit.class);
            if (args[0].equals("primed")) hooks = Priming.runNow();
            mark(AfterPriming.class);
            var response = handler.handleRequest(event, null);
            mark(AfterInvoke.class);
            System.out.println("HOOKS " + hooks + " FAILURES " + response.getBatchItemFailures().size());
        }
        System.exit(0);
    }

    private static void mark(Class<?> marker) throws ClassNotFoundException {
        Class.forName(marker.getName());
    }
}
