package vn.gov.bvhttdl.dvc.counts;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.ScorecardStore;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.domain.Decision766;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Decision-766 counters, fed the sample stream event of events/ with the dossier's facts in its images, against
 * dynoxide: a version's difference applied once, whatever the stream redelivers.
 */
class ScorecardStreamIT {
    static StatusCountsHandler handler;
    static ScorecardStore scorecard;

    @BeforeAll
    static void start() {
        TestStack.get();
        handler = new StatusCountsHandler();
        scorecard = Table.of(DossierStore.fromSettings()).scorecard();
    }

    @AfterAll
    static void stop() { handler.close(); }

    static String facts(String origin, String ended, String supplements) {
        return "{\"origin\":\"" + origin + "\",\"submittedAt\":\"2026-11-02T01:00:00Z\"" + (ended == null ? "" : ",\"endedAt\":\"" + ended + "\"")
                + ",\"supplements\":" + supplements + "}";
    }

    /** The sample event of dossier {@code id}, procedure {@code procedure}: old image {@code oldFacts} (null: none), new {@code newFacts} at {@code version}. */
    static DynamodbEvent event(String id, String procedure, String oldFacts, String newFacts, long version) throws Exception {
        DynamodbEvent e = StatusCountsHandlerIT.sample(id);
        var ddb = e.getRecords().get(0).getDynamodb();
        for (var img : java.util.List.of(ddb.getNewImage(), ddb.getOldImage())) {
            img.put("procedureCode", new AttributeValue(procedure));
            img.put("unitCode", new AttributeValue("LUHANH"));
            img.put("receivedAt", new AttributeValue("2026-11-02T02:00:00Z"));
            img.put("dueDate", new AttributeValue("2026-11-13"));
        }
        ddb.getNewImage().put("facts", new AttributeValue(newFacts));
        ddb.getNewImage().put("version", new AttributeValue().withN(Long.toString(version)));
        ddb.getNewImage().put("status", new AttributeValue("IN_PROCESSING"));
        ddb.getOldImage().put("status", new AttributeValue("RECEIVED"));
        ddb.getOldImage().put("version", new AttributeValue().withN(Long.toString(version - 1)));
        if (oldFacts != null) ddb.getOldImage().put("facts", new AttributeValue(oldFacts));
        return e;
    }

    Decision766.Tally tally(String period, String procedure, String indicator) {
        return scorecard.read(period, "CDLQG").getOrDefault("P:CDLQG/" + procedure, Map.of()).getOrDefault(indicator, new Decision766.Tally(0, 0));
    }

    @Test
    void eachVersionIsAppliedOnceAndRedeliveryChangesNothing() throws Exception {
        String id = UUID.randomUUID().toString(), procedure = "P-" + UUID.randomUUID();
        // received online: 3.3 counts it, online
        String received = facts("MINISTRY_PORTAL", null, "[]");
        assertTrue(handler.handleRequest(event(id, procedure, null, received, 3), null).getBatchItemFailures().isEmpty());
        assertEquals(new Decision766.Tally(1, 1), tally("2026-11", procedure, "3.3"));
        assertEquals(new Decision766.Tally(1, 1), tally("2026-Q4", procedure, "3.3"));
        assertEquals(new Decision766.Tally(0, 0), tally("2026-11", procedure, "2.1"));
        // the same record again: nothing changes
        assertTrue(handler.handleRequest(event(id, procedure, null, received, 3), null).getBatchItemFailures().isEmpty());
        assertEquals(new Decision766.Tally(1, 1), tally("2026-11", procedure, "3.3"));
        // ended late, after two supplement requests: 2.1 counts it, late; 3.3 unchanged
        String sup = "[{\"requestedAt\":\"2026-11-03T02:00:00Z\",\"afterReceipt\":true,\"answeredAt\":\"2026-11-04T02:00:00Z\"},"
                + "{\"requestedAt\":\"2026-11-05T02:00:00Z\",\"afterReceipt\":true,\"answeredAt\":\"2026-11-06T02:00:00Z\"}]";
        String ended = facts("MINISTRY_PORTAL", "2026-11-10T03:00:00Z", sup);
        for (int i = 0; i < 2; i++) {
            assertTrue(handler.handleRequest(event(id, procedure, received, ended, 9), null).getBatchItemFailures().isEmpty());
            assertEquals(new Decision766.Tally(0, 1), tally("2026-11", procedure, "2.1"));
            assertEquals(new Decision766.Tally(0, 1), tally("2026", procedure, "2.1"));
            assertEquals(new Decision766.Tally(1, 1), tally("2026-11", procedure, "3.3"));
        }
        // an older version arriving late is not applied
        assertTrue(handler.handleRequest(event(id, procedure, null, received, 3), null).getBatchItemFailures().isEmpty());
        assertEquals(new Decision766.Tally(1, 1), tally("2026-11", procedure, "3.3"));
        // the agency's own line holds it too, beside its other dossiers
        assertTrue(scorecard.read("2026-11", "CDLQG").get("A:CDLQG").get("2.1").denominator() >= 1);
    }

    @Test
    void aDossierWithoutFactsCountsNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        var before = scorecard.read("2026-12", "CDLQG");
        assertTrue(handler.handleRequest(StatusCountsHandlerIT.sample(id), null).getBatchItemFailures().isEmpty());
        assertEquals(before, scorecard.read("2026-12", "CDLQG"));
    }
}
