package vn.gov.bvhttdl.dvc.api;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.api.admin.AdminApiHandler;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static vn.gov.bvhttdl.dvc.api.CitizenApiHandlerIT.sample;

/**
 * An API function makes a bean when a request first needs it, except while Lambda initialises it for a SnapStart
 * snapshot, when it makes them all at start (ApiHandler; bench/README.md "Two commits in one interleaved run").
 */
class LazyStartIT {
    /** The admin API's controllers (package-private in their module): the publications' first. */
    static final List<Class<?>> CONTROLLERS = java.util.stream.Stream.of("AdminController", "ScorecardController",
            "ReportController", "ArchiveController", "OfficialsController").<Class<?>>map(LazyStartIT::adminClass).toList();

    @Test
    void anOnDemandStartMakesOnlyWhatTheFirstRequestNeeds() {
        TestStack.get();
        try (var admin = new AdminApiHandler()) {
            ApplicationContext ctx = admin.getApplicationContext();
            for (Class<?> c : CONTROLLERS) assertFalse(made(ctx, c), c.getSimpleName() + " is not made at start");

            var r = admin.handleRequest(sample("admin-api-publications.json"), null);
            assertEquals(200, r.getStatusCode(), r.getBody());
            assertTrue(made(ctx, CONTROLLERS.get(0)), "the publications' controller is made for the request");
            for (Class<?> c : CONTROLLERS.subList(1, CONTROLLERS.size())) {
                assertFalse(made(ctx, c), c.getSimpleName() + " is not made for a request it does not answer");
            }
        }
    }

    @Test
    void aSnapStartInitialisationMakesEveryControllerBeforeTheSnapshot() {
        TestStack.get();
        try (var admin = new AdminApiHandler() {
            @Override
            protected String initializationType() {
                return "snap-start";
            }
        }) {
            ApplicationContext ctx = admin.getApplicationContext();
            for (Class<?> c : CONTROLLERS) assertTrue(made(ctx, c), c.getSimpleName() + " is in the snapshot");
            var r = admin.handleRequest(sample("admin-api-publications.json"), null);
            assertEquals(200, r.getStatusCode(), r.getBody());
        }
    }

    @Test
    void onlySnapStartIsEager() {
        assertTrue(ApiHandler.eagerSingletons("snap-start"));
        assertFalse(ApiHandler.eagerSingletons("on-demand"));
        assertFalse(ApiHandler.eagerSingletons("provisioned-concurrency"));
        assertFalse(ApiHandler.eagerSingletons(null));
    }

    static Class<?> adminClass(String simpleName) {
        try {
            return Class.forName("vn.gov.bvhttdl.dvc.api.admin." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    static boolean made(ApplicationContext ctx, Class<?> type) {
        return !ctx.getActiveBeanRegistrations(type).isEmpty();
    }
}
