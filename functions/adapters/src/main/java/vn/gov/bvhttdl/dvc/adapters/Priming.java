package vn.gov.bvhttdl.dvc.adapters;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.util.ArrayList;
import java.util.List;

/**
 * SnapStart priming: before Lambda takes the snapshot of an initialised function, run its hot path once (a
 * DynamoDB read, a serialisation) so that classes, the SDK's marshallers and TLS are loaded in the snapshot.
 * A failing priming action is logged and the snapshot is taken anyway. Without SnapStart (offline, tests) the
 * actions never run.
 */
public final class Priming {
    /** CRaC contexts may hold resources weakly: keep them here for the life of the function. */
    private static final List<Resource> KEEP = new ArrayList<>();

    private Priming() {}

    public static synchronized void register(String what, Runnable action) {
        Resource r = resource(what, action);
        KEEP.add(r);
        Core.getGlobalContext().register(r);
    }

    /**
     * Runs every registered action now, as the checkpoint would (tests and the bench: there is no CRaC JVM offline,
     * and org.crac drops registrations without one).
     */
    public static synchronized int runNow() {
        for (Resource r : KEEP) {
            try {
                r.beforeCheckpoint(null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return KEEP.size();
    }

    static Resource resource(String what, Runnable action) {
        return new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    System.err.println("priming '" + what + "' failed; snapshot taken without it: " + e);
                }
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
                // clients hold no per-container state that a restore must refresh
            }
        };
    }
}
