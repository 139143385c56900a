package vn.gov.bvhttdl.dvc.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;
import vn.gov.bvhttdl.dvc.domain.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** A poison item goes to the dead-letter queue at once; a transient failure is reported to come back; nothing is lost. */
class BatchesTest {
    record Dead(String body, String id, String reason) {}

    final List<Dead> dead = new ArrayList<>();
    final Batches.DeadLetters dlq = (body, id, reason) -> dead.add(new Dead(body, id, reason));

    static SQSEvent sqs(String... bodies) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("m" + (i + 1));
            m.setBody(bodies[i]);
            records.add(m);
        }
        SQSEvent e = new SQSEvent();
        e.setRecords(records);
        return e;
    }

    /** poison: not a message we can read; busy: a lost race; down: the table throttles; anything else works. */
    static void handle(String body) {
        switch (body) {
            case "poison" -> throw DomainException.of("dossier-not-found", "ref", "nope");
            case "busy" -> throw new ConcurrentChange("dossier busy");
            case "down" -> throw new IllegalStateException("ProvisionedThroughputExceeded");
            default -> { }
        }
    }

    static List<String> ids(SQSBatchResponse r) { return r.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList(); }

    @Test
    void aPoisonMessageGoesToTheDeadLetterQueueAtOnceAndTransientOnesComeBack() {
        SQSBatchResponse r = Batches.sqs(sqs("ok", "poison", "busy", "ok", "down"), m -> handle(m.getBody()), () -> dlq);
        assertEquals(List.of("m3", "m5"), ids(r), "the lost race and the throttled table are retried, each on its own");
        assertEquals(1, dead.size());
        assertEquals("poison", dead.get(0).body());
        assertEquals("m2", dead.get(0).id());
        assertTrue(dead.get(0).reason().startsWith("dossier-not-found"), dead.get(0).reason());
    }

    @Test
    void withoutAReachableDeadLetterQueueThePoisonIsRetriedNotDropped() {
        SQSBatchResponse down = Batches.sqs(sqs("poison", "ok"), m -> handle(m.getBody()),
                () -> (b, id, why) -> { throw new IllegalStateException("SQS down"); });
        assertEquals(List.of("m1"), ids(down));
        assertEquals(List.of("m1"), ids(Batches.sqs(sqs("poison"), m -> handle(m.getBody()), () -> null)), "no queue set");
        assertEquals(List.of(), ids(Batches.sqs(null, m -> handle(m.getBody()), () -> dlq)));
    }

    static DynamodbEvent stream(String... bodies) {
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            DynamodbEvent.DynamodbStreamRecord r = new DynamodbEvent.DynamodbStreamRecord();
            r.setEventID("e" + (i + 1));
            r.setEventName("INSERT");
            StreamRecord s = new StreamRecord();
            s.setSequenceNumber(String.valueOf(100 + i));
            s.setKeys(Map.of("PK", new AttributeValue().withS("DOSSIER#" + bodies[i]), "SK", new AttributeValue().withS("META")));
            r.setDynamodb(s);
            records.add(r);
        }
        DynamodbEvent e = new DynamodbEvent();
        e.setRecords(records);
        return e;
    }

    static String body(DynamodbEvent.DynamodbStreamRecord r) { return r.getDynamodb().getKeys().get("PK").getS().substring("DOSSIER#".length()); }

    @Test
    void aStreamSkipsAPoisonRecordToTheDeadLetterQueueAndStopsAtTheFirstTransientFailure() {
        List<String> seen = new ArrayList<>();
        StreamsEventResponse r = Batches.stream(stream("ok", "poison", "ok", "down", "ok"), rec -> {
            seen.add(body(rec));
            handle(body(rec));
        }, () -> dlq);
        assertEquals(List.of("103"), r.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList());
        assertEquals(List.of("ok", "poison", "ok", "down"), seen, "the shard is not held up by the poison; it stops at the throttled one");
        assertEquals(1, dead.size());
        assertTrue(dead.get(0).body().contains("\"DOSSIER#poison\"") && dead.get(0).body().contains("\"sequenceNumber\":\"101\""), dead.get(0).body());
        assertEquals("101", dead.get(0).id());
    }

    @Test
    void onlyADomainFailureOtherThanARaceIsPermanent() {
        assertTrue(Batches.permanent(DomainException.of("malformed-body")));
        assertFalse(Batches.permanent(new ConcurrentChange("x")));
        assertFalse(Batches.permanent(new IllegalArgumentException("a bug or a bad SDK answer: retried, then redriven")));
    }
}
