package vn.gov.bvhttdl.dvc.local.emulators;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The local servers start and hold exactly what template.yaml declares, with the same keys and redrive. */
class EmulatorsTest {
    @Test
    void provisionsTheTemplateOnRealProtocolServers() throws Exception {
        Template template = Template.read(Emulators.repoRoot().resolve("template.yaml"));
        try (Emulators e = Emulators.start(null)) {
            Provisioner.Resources r = Provisioner.provision(template, e);
            // a second run (restart with a data folder) must not fail
            Provisioner.provision(template, e);
            var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY));
            try (DynamoDbClient ddb = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(creds)
                    .region(Region.of(Emulators.REGION)).endpointOverride(URI.create(e.dynamoEndpoint())).build();
                 SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(creds)
                    .region(Region.of(Emulators.REGION)).endpointOverride(URI.create(e.sqsEndpoint())).build();
                 S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(creds)
                    .region(Region.of(Emulators.REGION)).endpointOverride(URI.create(e.s3Endpoint())).forcePathStyle(true).build()) {

                var table = ddb.describeTable(b -> b.tableName(r.of("DossierTable"))).table();
                assertEquals(List.of("ByAgencyStatus", "ByAssignee", "ByCode", "ByConsulted", "ByHolder", "ByOwner", "ByPaymentState"),
                        table.globalSecondaryIndexes().stream().map(g -> g.indexName()).sorted().toList());

                // redrive: a message received maxReceiveCount times without deletion moves to the DLQ
                String queue = r.of("SubmissionQueue");
                String dlq = r.of("SubmissionDLQ");
                String policy = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                        .attributes().get(QueueAttributeName.REDRIVE_POLICY);
                assertTrue(policy.contains("SubmissionDLQ"), policy);
                sqs.setQueueAttributes(b -> b.queueUrl(queue).attributes(java.util.Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "0")));
                sqs.sendMessage(b -> b.queueUrl(queue).messageBody("poison"));
                for (int i = 0; i < 8; i++) {
                    sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL));
                }
                List<Message> dead = sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(2)).messages();
                assertEquals(1, dead.size());
                assertEquals("poison", dead.get(0).body());

                // S3Proxy checks signatures: wrong credentials are refused, right ones work
                String bucket = r.of("UploadsBucket");
                s3.putObject(b -> b.bucket(bucket).key("dossiers/x/a.txt"), RequestBody.fromString("xin chào"));
                assertEquals("xin chào", s3.getObjectAsBytes(b -> b.bucket(bucket).key("dossiers/x/a.txt")).asUtf8String());
                try (S3Client wrong = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulators.ACCESS_KEY, "bad")))
                        .region(Region.of(Emulators.REGION)).endpointOverride(URI.create(e.s3Endpoint())).forcePathStyle(true).build()) {
                    assertThrows(software.amazon.awssdk.services.s3.model.S3Exception.class,
                            () -> wrong.getObjectAsBytes(b -> b.bucket(bucket).key("dossiers/x/a.txt")));
                }
            }
            Template.Function validation = template.functions().stream()
                    .filter(f -> f.logicalId().equals("ValidationFunction")).findFirst().orElseThrow();
            assertEquals("SubmissionQueue", validation.queues().get(0).queueLogicalId());
            assertTrue(validation.queues().get(0).reportBatchItemFailures());
            assertEquals("DossierTable", r.environment(validation).get("TABLE_NAME"));
            Template.Function sweep = template.functions().stream()
                    .filter(f -> f.logicalId().equals("SubmissionSweepFunction")).findFirst().orElseThrow();
            assertEquals(List.of(new Template.ScheduleTrigger("Sweep", "rate(5 minutes)", true)), sweep.schedules());
            assertEquals("SubmissionSweepDLQ", sweep.deadLetterQueue());
            Template.Function counts = template.functions().stream()
                    .filter(f -> f.logicalId().equals("StatusCountsFunction")).findFirst().orElseThrow();
            assertEquals("DossierTable", counts.streams().get(0).tableLogicalId());
            assertEquals("StatusCountsDLQ", counts.streams().get(0).onFailureQueueLogicalId());
            assertTrue(counts.streams().get(0).reportBatchItemFailures());
            assertTrue(r.queueArns().get("DossierTable.StreamArn").contains("/stream/"), "the table is provisioned with its stream");
            assertEquals(r.of("SubmissionQueue"), r.environment(sweep).get("SUBMISSION_QUEUE_URL"));
        }
    }
}
