package vn.gov.bvhttdl.dvc.adapters;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class PrimingTest {
    @Test
    void theActionRunsBeforeTheSnapshotAndItsFailureDoesNotStopTheSnapshot() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        Priming.resource("counts", ran::incrementAndGet).beforeCheckpoint(null);
        assertEquals(1, ran.get());
        assertDoesNotThrow(() -> Priming.resource("fails", () -> { throw new IllegalStateException("no table"); }).beforeCheckpoint(null));
        assertDoesNotThrow(() -> Priming.register("registers", ran::incrementAndGet));
        assertEquals(1, ran.get(), "registering must not run the action (only a checkpoint does)");
    }
}
