package vn.gov.bvhttdl.dvc.national.outbox;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The outbox fed the sample stream records of events/ (a dossier's new version, then a change that kept its version),
 * against ElasticMQ's FIFO queue: one message, grouped by the dossier and deduplicated by dossier#version; the same
 * records again put nothing new; a record with no version goes to the dead-letter queue.
 */
class NationalOutboxHandlerIT {
    static TestStack.Stack stack;
    static SqsClient sqs;

    @BeforeAll
    static void start() {
        stack = TestStack.get();
        sqs = SqsClient.builder().httpClient(AwsClients.HTTP).credentialsProvider(AwsClients.credentials()).build();
    }

    static DynamodbEvent event(String dossierId, String replace, String with) throws Exception {
        String json = Files.readString(Emulators.repoRoot().resolve("events/national-outbox-stream.json")).replace("REPLACED-BY-TEST", dossierId);
        if (replace != null) json = json.replace(replace, with);
        java.nio.file.Path tmp = Files.createTempFile("stream", ".json");
        Files.writeString(tmp, json);
        return EventLoader.loadDynamoDbEvent(tmp.toString());
    }

    /** The messages of {@code dossierId} now in the queue (received and deleted; others are left to come back). */
    static List<Message> drain(String url, String dossierId) {
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
            for (Message m : got) {
                if (m.body().contains(dossierId)) {
                    out.add(m);
                    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
                }
            }
        }
        return out;
    }

    @Test
    void aNewVersionIsOneMessageInItsDossiersGroupAndARepeatIsNone() throws Exception {
        String url = System.getProperty("NATIONAL_SYNC_QUEUE_URL");
        assertTrue(url != null && url.endsWith(".fifo"), "the outbox is a FIFO queue: " + url);
        String id = UUID.randomUUID().toString();
        try (NationalOutboxHandler handler = new NationalOutboxHandler()) {
            assertTrue(handler.handleRequest(event(id, null, null), null).getBatchItemFailures().isEmpty());
            assertTrue(handler.handleRequest(event(id, null, null), null).getBatchItemFailures().isEmpty(), "delivered again");
            List<Message> got = drain(url, id);
            assertEquals(1, got.size(), "one message for version 3, none for the change that kept it, none for the repeat");
            Message m = got.getFirst();
            assertEquals(Map.of("dossierId", id, "version", 3L), Json.obj(Json.parse(m.body())).entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue() instanceof Number n ? (Object) n.longValue() : e.getValue())));
            assertEquals(id, m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID));
            assertEquals(id + "#3", m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID));

            // a dossier item without a version cannot be an event: the dead-letter queue, with its reason
            String broken = UUID.randomUUID().toString();
            var res = handler.handleRequest(event(broken, "\"version\": {\"N\": \"3\"}, \"code\"", "\"code\""), null);
            assertTrue(res.getBatchItemFailures().isEmpty(), "dead-lettered, not retried");
            String dlq = System.getProperty("NATIONAL_OUTBOX_DLQ_URL");
            List<Message> dead = drain(dlq, broken);
            assertFalse(dead.isEmpty());
            String why = dead.getFirst().messageAttributes().get("ErrorMessage").stringValue();
            assertTrue(why.contains("no version"), why);
        }
    }
}
