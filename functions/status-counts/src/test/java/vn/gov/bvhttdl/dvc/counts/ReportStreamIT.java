package vn.gov.bvhttdl.dvc.counts;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.ScorecardStore;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.domain.Decision766;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The periodic report's monthly counters (form II.06a), fed the sample stream event with the dossier's facts, against
 * dynoxide: kept in the Decision-766 counters' transaction under the same marker, each version once.
 */
class ReportStreamIT {
    static StatusCountsHandler handler;
    static ScorecardStore store;

    @BeforeAll
    static void start() {
        TestStack.get();
        handler = new StatusCountsHandler();
        store = Table.of(DossierStore.fromSettings()).scorecard();
    }

    @AfterAll
    static void stop() { handler.close(); }

    Map<YearMonth, Map<String, Long>> months(String procedure) {
        return store.reportMonths("CDLQG", YearMonth.of(2026, 12)).getOrDefault(procedure, Map.of());
    }

    @Test
    void theMonthsFollowTheLatestVersionOnce() throws Exception {
        String id = UUID.randomUUID().toString(), procedure = "P-" + UUID.randomUUID();
        // received online on 2 Nov (reporting month 2026-11), appointment 13 Nov, still open: open, and overdue from 14 Nov
        String received = ScorecardStreamIT.facts("MINISTRY_PORTAL", null, "[]");
        for (int i = 0; i < 2; i++) {
            assertTrue(handler.handleRequest(ScorecardStreamIT.event(id, procedure, null, received, 3), null).getBatchItemFailures().isEmpty());
            assertEquals(Map.of(YearMonth.of(2026, 11), Map.of("online", 1L, "open", 1L, "over", 1L)), months(procedure));
        }
        // ended on 10 Nov after two supplement requests: late (indicator 2.1), no longer open nor overdue
        String sup = "[{\"requestedAt\":\"2026-11-03T02:00:00Z\",\"afterReceipt\":true,\"answeredAt\":\"2026-11-04T02:00:00Z\"},"
                + "{\"requestedAt\":\"2026-11-05T02:00:00Z\",\"afterReceipt\":true,\"answeredAt\":\"2026-11-06T02:00:00Z\"}]";
        String ended = ScorecardStreamIT.facts("MINISTRY_PORTAL", "2026-11-10T03:00:00Z", sup);
        for (int i = 0; i < 2; i++) {
            assertTrue(handler.handleRequest(ScorecardStreamIT.event(id, procedure, received, ended, 9), null).getBatchItemFailures().isEmpty());
            assertEquals(Map.of(YearMonth.of(2026, 11), Map.of("online", 1L, "late", 1L)), months(procedure));
        }
        // the older version arriving late changes neither the report nor the scorecard
        assertTrue(handler.handleRequest(ScorecardStreamIT.event(id, procedure, null, received, 3), null).getBatchItemFailures().isEmpty());
        assertEquals(Map.of(YearMonth.of(2026, 11), Map.of("online", 1L, "late", 1L)), months(procedure));
        assertEquals(new Decision766.Tally(0, 1), store.read("2026-11", "CDLQG").get("P:CDLQG/" + procedure).get("2.1"));
        // the report's counters are not among the scorecard's lines, nor months after the one asked for in the report
        assertTrue(store.read("2026-11", "CDLQG").values().stream().allMatch(m -> m.keySet().stream().noneMatch(k -> k.startsWith("II06a"))));
        assertTrue(store.reportMonths("CDLQG", YearMonth.of(2026, 10)).getOrDefault(procedure, Map.of()).isEmpty());
    }
}
