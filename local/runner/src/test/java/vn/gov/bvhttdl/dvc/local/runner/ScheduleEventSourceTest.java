package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** The schedule expressions the runner plays, and the ones it refuses instead of never running them. */
class ScheduleEventSourceTest {
    @Test
    void ratesAreReadAsEventBridgeWritesThem() {
        assertEquals(Duration.ofMinutes(1), ScheduleEventSource.period("rate(1 minute)"));
        assertEquals(Duration.ofMinutes(5), ScheduleEventSource.period("rate(5 minutes)"));
        assertEquals(Duration.ofHours(2), ScheduleEventSource.period("rate(2 hours)"));
        assertEquals(Duration.ofDays(1), ScheduleEventSource.period("rate(1 day)"));
    }

    @Test
    void cronAndNonsenseAreRefusedAtStart() {
        var e = assertThrows(IllegalStateException.class, () -> ScheduleEventSource.period("cron(0 2 * * ? *)"));
        assertTrue(e.getMessage().contains("cron(0 2 * * ? *)"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> ScheduleEventSource.period("rate(five minutes)"));
        assertThrows(IllegalStateException.class, () -> ScheduleEventSource.period(null));
    }
}
