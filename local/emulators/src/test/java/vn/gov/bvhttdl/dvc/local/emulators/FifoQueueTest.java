package vn.gov.bvhttdl.dvc.local.emulators;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What the national portal's outbox relies on, played by ElasticMQ as by SQS: template.yaml's FIFO queue is created
 * as {@code <id>.fifo} with its FIFO DLQ; a message group hands out its next message only once the one in flight is
 * deleted; a message made visible again (the consumer's backoff) comes back before the group's later ones, with its
 * receive count; a deduplication id sent twice is one message.
 */
class FifoQueueTest {
    @Test
    void aGroupIsHandedOutInOrderOneInFlightMessageAtATime() {
        Template template = Template.read(Emulators.repoRoot().resolve("template.yaml"));
        try (Emulators e = Emulators.start(null)) {
            Provisioner.Resources r = Provisioner.provision(template, e);
            var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY));
            try (SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(creds)
                    .region(Region.of(Emulators.REGION)).endpointOverride(URI.create(e.sqsEndpoint())).build()) {
                String q = r.of("NationalSyncQueue");
                assertTrue(q.endsWith("NationalSyncQueue.fifo"), q);
                assertTrue(r.of("NationalSyncDLQ").endsWith(".fifo"));
                assertEquals("true", sqs.getQueueAttributes(b -> b.queueUrl(q).attributeNames(QueueAttributeName.FIFO_QUEUE))
                        .attributes().get(QueueAttributeName.FIFO_QUEUE));
                for (String[] m : List.of(new String[]{"A", "A#1"}, new String[]{"A", "A#2"}, new String[]{"B", "B#1"}, new String[]{"A", "A#1"})) {
                    sqs.sendMessage(b -> b.queueUrl(q).messageBody(m[1]).messageGroupId(m[0]).messageDeduplicationId(m[1]));
                }
                Message a1 = receive(sqs, q, 1).getFirst();
                assertEquals("A#1", a1.body());
                // A#1 in flight: group A waits, group B does not
                assertEquals(List.of("B#1"), receive(sqs, q, 10).stream().map(Message::body).toList());
                // the consumer's backoff: A#1 visible again comes back first, counted
                sqs.changeMessageVisibility(b -> b.queueUrl(q).receiptHandle(a1.receiptHandle()).visibilityTimeout(0));
                List<Message> again = receive(sqs, q, 1);
                assertEquals("A#1", again.getFirst().body());
                assertEquals("2", again.getFirst().attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
                sqs.deleteMessage(b -> b.queueUrl(q).receiptHandle(again.getFirst().receiptHandle()));
                List<Message> rest = receive(sqs, q, 10);
                assertEquals(List.of("A#2"), rest.stream().map(Message::body).toList(), "A#1 sent twice is one message");
            }
        }
    }

    private static List<Message> receive(SqsClient sqs, String q, int max) {
        return sqs.receiveMessage(b -> b.queueUrl(q).maxNumberOfMessages(max).waitTimeSeconds(1).visibilityTimeout(30)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }
}
