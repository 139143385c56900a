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

    /** The members of the drill-down of {@code procedure}'s cell: the dossier ids behind the number. */
    java.util.List<String> behind(String period, String procedure, String indicator) {
        return scorecard.misses(period, "CDLQG", indicator, null, procedure, 50, null).items().stream().map(ScorecardStore.Member::dossierId).toList();
    }

    @Test
    void feesResultAndFilesAreCountedOnceWithTheDossiersBehindThem() throws Exception {
        String id = UUID.randomUUID().toString(), procedure = "P-" + UUID.randomUUID();
        // received at the desk without files, asked to pay 150 000 đ: 4.2 and 3.5 below the line, the dossier behind both
        String asked = "{\"origin\":\"ONE_STOP_DESK\",\"files\":0,\"fees\":{\"requestedAt\":\"2026-11-02T03:00:00Z\",\"requestedVnd\":150000,\"paidOnlineVnd\":0},\"supplements\":[]}";
        for (int i = 0; i < 2; i++) {
            assertTrue(handler.handleRequest(event(id, procedure, null, asked, 4), null).getBatchItemFailures().isEmpty());
            assertEquals(new Decision766.Tally(0, 1), tally("2026-11", procedure, "4.2"));
            assertEquals(new Decision766.Tally(0, 1), tally("2026-11", procedure, "3.5"));
            assertEquals(new Decision766.Tally(0, 150000), tally("2026-11", procedure, "3.6"));
            assertEquals(java.util.List.of(id), behind("2026-11", procedure, "3.5"));
            assertEquals(java.util.List.of(id), behind("2026-Q4", procedure, "4.2"));
        }
        // paid online, approved on time with an electronic result: above the line, no longer behind 3.5; still behind 4.2
        String done = "{\"origin\":\"ONE_STOP_DESK\",\"files\":0,\"endedAt\":\"2026-11-10T03:00:00Z\",\"resultIssuedAt\":\"2026-11-10T04:00:00Z\","
                + "\"fees\":{\"requestedAt\":\"2026-11-02T03:00:00Z\",\"requestedVnd\":150000,\"paidAt\":\"2026-11-02T05:00:00Z\",\"paidOnlineVnd\":150000},\"supplements\":[]}";
        for (int i = 0; i < 2; i++) {
            assertTrue(handler.handleRequest(event(id, procedure, asked, done, 8), null).getBatchItemFailures().isEmpty());
            assertEquals(new Decision766.Tally(1, 1), tally("2026-11", procedure, "3.5"));
            assertEquals(new Decision766.Tally(150000, 150000), tally("2026", procedure, "3.6"));
            assertEquals(new Decision766.Tally(1, 1), tally("2026-11", procedure, "4.1"));
            assertEquals(new Decision766.Tally(1, 1), tally("2026-11", procedure, "2.1"));
            assertEquals(new Decision766.Tally(0, 1), tally("2026-11", procedure, "4.2"));
            assertEquals(java.util.List.of(), behind("2026-11", procedure, "3.5"));
            assertEquals(java.util.List.of(id), behind("2026-11", procedure, "4.2"));
        }
        // the older version again: not applied, the member not put back
        assertTrue(handler.handleRequest(event(id, procedure, null, asked, 4), null).getBatchItemFailures().isEmpty());
        assertEquals(java.util.List.of(), behind("2026-11", procedure, "3.5"));
        assertEquals(new Decision766.Tally(1, 1), tally("2026-11", procedure, "3.5"));
        // the unit and the procedure both named: the same member, with its reason
        var m = scorecard.misses("2026-11", "CDLQG", "4.2", "LUHANH", procedure, 50, null);
        assertEquals(java.util.List.of(new ScorecardStore.Member(id, "LUHANH", procedure, "not-digitised")), m.items());
        assertNull(m.next());
        assertEquals(java.util.List.of(), scorecard.misses("2026-11", "CDLQG", "4.2", "OTHER", procedure, 50, null).items());
    }

    /** A survey answer's stream record: {@code DOSSIER#id / SURVEY}, old image {@code oldRating} (null: none) at version − 1. */
    static DynamodbEvent answer(String id, String procedure, String oldRating, String rating, long version) throws Exception {
        DynamodbEvent e = StatusCountsHandlerIT.sample(id);
        var ddb = e.getRecords().get(0).getDynamodb();
        Map<String, AttributeValue> keys = Map.of("PK", new AttributeValue("DOSSIER#" + id), "SK", new AttributeValue("SURVEY"));
        ddb.setKeys(keys);
        java.util.function.BiFunction<String, Long, Map<String, AttributeValue>> image = (r, v) -> {
            Map<String, AttributeValue> m = new java.util.HashMap<>(keys);
            m.put("rating", new AttributeValue(r));
            m.put("answeredAt", new AttributeValue("2026-11-20T03:00:00Z"));
            m.put("version", new AttributeValue().withN(Long.toString(v)));
            m.put("agency", new AttributeValue("CDLQG"));
            m.put("unit", new AttributeValue("LUHANH"));
            m.put("procedure", new AttributeValue(procedure));
            return m;
        };
        ddb.setNewImage(image.apply(rating, version));
        ddb.setOldImage(oldRating == null ? null : image.apply(oldRating, version - 1));
        return e;
    }

    @Test
    void surveyAnswersAreCountedOncePerVersionOfTheAnswer() throws Exception {
        String id = UUID.randomUUID().toString(), procedure = "P-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            assertTrue(handler.handleRequest(answer(id, procedure, null, "SATISFIED", 1), null).getBatchItemFailures().isEmpty());
            assertEquals(new Decision766.Tally(1, 1), tally("2026-11", procedure, "5.4"));
            assertEquals(java.util.List.of(), behind("2026-11", procedure, "5.4"));
        }
        // changed to dissatisfied: one answer still, below the line, the dossier behind it
        for (int i = 0; i < 2; i++) {
            assertTrue(handler.handleRequest(answer(id, procedure, "SATISFIED", "DISSATISFIED", 2), null).getBatchItemFailures().isEmpty());
            assertEquals(new Decision766.Tally(0, 1), tally("2026-Q4", procedure, "5.4"));
            assertEquals(java.util.List.of(id), behind("2026-11", procedure, "5.4"));
        }
        // the sample event of events/ (the answer's version 2 again, as the stream would redeliver it): nothing changes
        String json = java.nio.file.Files.readString(vn.gov.bvhttdl.dvc.local.emulators.Emulators.repoRoot().resolve("events/status-counts-survey-answer.json"))
                .replace("REPLACED-BY-TEST", id).replace("REPLACED-PROCEDURE", procedure);
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("survey", ".json");
        java.nio.file.Files.writeString(tmp, json);
        assertTrue(handler.handleRequest(com.amazonaws.services.lambda.runtime.tests.EventLoader.loadDynamoDbEvent(tmp.toString()), null)
                .getBatchItemFailures().isEmpty());
        assertEquals(new Decision766.Tally(0, 1), tally("2026-11", procedure, "5.4"));
        // the first version late: not applied; the dossier's own versions keep their marker apart from the answer's
        assertTrue(handler.handleRequest(answer(id, procedure, null, "SATISFIED", 1), null).getBatchItemFailures().isEmpty());
        assertEquals(new Decision766.Tally(0, 1), tally("2026", procedure, "5.4"));
        assertTrue(handler.handleRequest(event(id, procedure, null, facts("MINISTRY_PORTAL", null, "[]"), 1), null).getBatchItemFailures().isEmpty());
        assertEquals(new Decision766.Tally(1, 1), tally("2026-11", procedure, "3.3"), "the dossier's version 1 is not the answer's");
    }
}
