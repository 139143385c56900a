package vn.gov.bvhttdl.dvc.counts;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.adapters.StatusCounts;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The status counts, fed the sample stream event of events/, against dynoxide: each version counted once. */
class StatusCountsHandlerIT {
    static StatusCountsHandler handler;
    static StatusCounts counts;

    @BeforeAll
    static void start() {
        TestStack.get();
        handler = new StatusCountsHandler();
        DossierStore store = DossierStore.fromSettings();
        counts = Table.of(store).counts();
    }

    @AfterAll
    static void stop() { handler.close(); }

    static DynamodbEvent sample(String id) throws Exception {
        String json = Files.readString(Emulators.repoRoot().resolve("events/status-counts-stream.json")).replace("REPLACED-BY-TEST", id);
        Path tmp = Files.createTempFile("stream", ".json");
        Files.writeString(tmp, json);
        return EventLoader.loadDynamoDbEvent(tmp.toString());
    }

    static long n(String agency, String status) {
        return counts.all().getOrDefault(agency, Map.of()).getOrDefault(status, 0L);
    }

    @Test
    void aChangeOfStatusMovesTheDossierBetweenTwoCountersOnceWhateverTheStreamRedelivers() throws Exception {
        String id = UUID.randomUUID().toString();
        long received = n("CDLQG", "RECEIVED");
        long submitted = n("CDLQG", "SUBMITTED");
        StreamsEventResponse r = handler.handleRequest(sample(id), null);
        assertTrue(r.getBatchItemFailures().isEmpty());
        assertEquals(received + 1, n("CDLQG", "RECEIVED"));
        assertEquals(submitted - 1, n("CDLQG", "SUBMITTED"));
        // delivered again (at least once): nothing changes
        assertTrue(handler.handleRequest(sample(id), null).getBatchItemFailures().isEmpty());
        assertEquals(received + 1, n("CDLQG", "RECEIVED"));
        assertEquals(submitted - 1, n("CDLQG", "SUBMITTED"));
        // an older version arriving late (v2 after v3) is not counted either
        assertFalse(counts.count(id, "CDLQG", "DRAFT", "SUBMITTED", 2));
        assertTrue(counts.count(id, "CDLQG", "RECEIVED", "IN_PROCESSING", 4));
        assertEquals(received, n("CDLQG", "RECEIVED"));
    }

    @Test
    void aCountedReceiptEmitsItsBusinessMetricOnceWhateverTheStreamRedelivers() throws Exception {
        String id = UUID.randomUUID().toString();
        String json = Files.readString(Emulators.repoRoot().resolve("events/status-counts-stream.json")).replace("REPLACED-BY-TEST", id)
                .replace("\"NewImage\": {", "\"NewImage\": {\"receivedAt\": {\"S\": \"2026-03-02T03:00:00Z\"}, ");
        Path tmp = Files.createTempFile("stream", ".json");
        Files.writeString(tmp, json);
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertTrue(handler.handleRequest(EventLoader.loadDynamoDbEvent(tmp.toString()), null).getBatchItemFailures().isEmpty());
            assertTrue(handler.handleRequest(EventLoader.loadDynamoDbEvent(tmp.toString()), null).getBatchItemFailures().isEmpty());
        } finally {
            System.setOut(out);
        }
        java.util.List<String> emf = captured.toString(java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("{\"_aws\"")).toList();
        assertEquals(1, emf.size(), "one EMF line for the receipt, none for its redelivery: " + emf);
        String line = emf.getFirst();
        assertTrue(line.contains("\"Namespace\":\"DVC/Service\"") && line.contains("\"Name\":\"DossierReceived\""), line);
        assertTrue(line.contains("\"Agency\":\"CDLQG\""), line);
        assertFalse(line.contains(id), "no dossier id in a metric: " + line);
    }

    @Test
    void recordsThatAreNotADossiersStatusAreLeftAlone() throws Exception {
        DynamodbEvent e = sample(UUID.randomUUID().toString());
        var img = e.getRecords().get(0).getDynamodb();
        img.getNewImage().put("SK", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue("AUDIT#x"));
        Map<String, Map<String, Long>> before = counts.all();
        assertTrue(handler.handleRequest(e, null).getBatchItemFailures().isEmpty());
        assertEquals(before, counts.all());
    }

    /** A record that can never be counted goes to the dead-letter queue at once; the good record after it is still counted. */
    @Test
    void aRecordThatCanNeverBeCountedGoesToTheDeadLetterQueueAtOnceAndTheShardGoesOn() throws Exception {
        String dlq = TestStack.get().resources().of("StatusCountsDLQ");
        String poisonId = UUID.randomUUID().toString(), goodId = UUID.randomUUID().toString();
        DynamodbEvent e = sample(poisonId);
        var poison = e.getRecords().get(0);
        poison.getDynamodb().getNewImage().put("version", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withN("x"));
        poison.getDynamodb().setSequenceNumber("1000");
        e.getRecords().add(sample(goodId).getRecords().get(0));
        e.getRecords().get(1).getDynamodb().setSequenceNumber("1001");
        long received = n("CDLQG", "RECEIVED");
        try (software.amazon.awssdk.services.sqs.SqsClient sqs = software.amazon.awssdk.services.sqs.SqsClient.builder()
                .httpClient(vn.gov.bvhttdl.dvc.adapters.AwsClients.HTTP).credentialsProvider(vn.gov.bvhttdl.dvc.adapters.AwsClients.credentials()).build()) {
            sqs.purgeQueue(b -> b.queueUrl(dlq));
            StreamsEventResponse r = handler.handleRequest(e, null);
            assertEquals(java.util.List.of(), r.getBatchItemFailures(), "not retried: it would hold the shard up for nothing");
            assertEquals(received + 1, n("CDLQG", "RECEIVED"), "the record after it is counted");
            java.util.List<software.amazon.awssdk.services.sqs.model.Message> dead = new java.util.ArrayList<>();
            for (int i = 0; i < 5 && dead.isEmpty(); i++) {
                dead.addAll(sqs.receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1).messageAttributeNames("All")).messages());
            }
            assertEquals(1, dead.size(), dead.toString());
            assertTrue(dead.get(0).body().contains(vn.gov.bvhttdl.dvc.adapters.Layout.dossierPk(poisonId)) || dead.get(0).body().contains(poisonId), dead.get(0).body());
            assertEquals("1000", dead.get(0).messageAttributes().get("OriginalMessageId").stringValue());
            assertTrue(dead.get(0).messageAttributes().get("ErrorMessage").stringValue().startsWith("unreadable-message"),
                    dead.get(0).messageAttributes().get("ErrorMessage").stringValue());
        }
    }

    /** The ByHolder partition of a unit's dossiers in one status, as the table writes it. */
    static String holder(String agency, String unit, String status) {
        return vn.gov.bvhttdl.dvc.adapters.Layout.holderKey(agency, unit, vn.gov.bvhttdl.dvc.domain.DossierStatus.valueOf(status));
    }

    long unit(String agency, String unit, String status) {
        return counts.unit(agency, unit).getOrDefault(status, 0L);
    }

    @Test
    void aDossierForwardedToAnotherUnitMovesBetweenTheUnitsCounters() {
        String id = UUID.randomUUID().toString();
        long lh = unit("CDLQG", "LUHANH", "IN_PROCESSING");
        long deskReceived = unit("CDLQG", "MOTCUA", "RECEIVED");
        long deskProcessing = unit("CDLQG", "MOTCUA", "IN_PROCESSING");
        long agency = n("CDLQG", "IN_PROCESSING");
        assertTrue(counts.count(id, "CDLQG", null, "RECEIVED", null, holder("CDLQG", "MOTCUA", "RECEIVED"), 3));
        assertEquals(deskReceived + 1, unit("CDLQG", "MOTCUA", "RECEIVED"));
        // the desk sends it on: a new status and another unit
        assertTrue(counts.count(id, "CDLQG", "RECEIVED", "IN_PROCESSING", holder("CDLQG", "MOTCUA", "RECEIVED"), holder("CDLQG", "LUHANH", "IN_PROCESSING"), 4));
        assertEquals(deskReceived, unit("CDLQG", "MOTCUA", "RECEIVED"));
        assertEquals(lh + 1, unit("CDLQG", "LUHANH", "IN_PROCESSING"));
        assertEquals(agency + 1, n("CDLQG", "IN_PROCESSING"));
        // to the leader of the same unit: nothing moves
        assertFalse(counts.count(id, "CDLQG", "IN_PROCESSING", "IN_PROCESSING", holder("CDLQG", "LUHANH", "IN_PROCESSING"), holder("CDLQG", "LUHANH", "IN_PROCESSING"), 5));
        // returned to the desk, still in processing: the units' counters move, the agency's stay
        assertTrue(counts.count(id, "CDLQG", "IN_PROCESSING", "IN_PROCESSING", holder("CDLQG", "LUHANH", "IN_PROCESSING"), holder("CDLQG", "MOTCUA", "IN_PROCESSING"), 6));
        assertEquals(lh, unit("CDLQG", "LUHANH", "IN_PROCESSING"));
        assertEquals(deskProcessing + 1, unit("CDLQG", "MOTCUA", "IN_PROCESSING"));
        assertEquals(agency + 1, n("CDLQG", "IN_PROCESSING"));
        // the same version again (the stream delivers at least once): nothing twice
        assertFalse(counts.count(id, "CDLQG", "IN_PROCESSING", "IN_PROCESSING", holder("CDLQG", "LUHANH", "IN_PROCESSING"), holder("CDLQG", "MOTCUA", "IN_PROCESSING"), 6));
        assertEquals(deskProcessing + 1, unit("CDLQG", "MOTCUA", "IN_PROCESSING"));
    }
}
