package vn.gov.bvhttdl.dvc.local.emulators;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates, on the local servers, the table, queues and buckets that template.yaml declares. Idempotent. */
public final class Provisioner {
    /** Physical names: table name, queue URL or bucket name by logical id. */
    public record Resources(Map<String, String> physical, Map<String, String> queueArns) {
        public String of(String logicalId) {
            String v = physical.get(logicalId);
            if (v == null) throw new IllegalArgumentException("template.yaml declares no local resource " + logicalId);
            return v;
        }

        /** A function's environment with {@code !Ref}s resolved to local names (unresolvable values are left out). */
        public Map<String, String> environment(Template.Function f) {
            Map<String, String> env = new LinkedHashMap<>();
            f.environment().forEach((k, v) -> {
                if (v instanceof String s) env.put(k, s);
                else if (v instanceof Map<?, ?> m && m.containsKey("Ref") && physical.containsKey(String.valueOf(m.get("Ref")))) {
                    env.put(k, physical.get(String.valueOf(m.get("Ref"))));
                }
            });
            return env;
        }
    }

    private Provisioner() {}

    public static Resources provision(Template t, Emulators e) {
        Map<String, String> physical = new LinkedHashMap<>();
        Map<String, String> arns = new LinkedHashMap<>();
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY));
        var http = UrlConnectionHttpClient.create();
        try (DynamoDbClient ddb = DynamoDbClient.builder().httpClient(http).credentialsProvider(creds)
                .region(Region.of(Emulators.REGION)).endpointOverride(URI.create(e.dynamoEndpoint())).build();
             SqsClient sqs = SqsClient.builder().httpClient(http).credentialsProvider(creds)
                .region(Region.of(Emulators.REGION)).endpointOverride(URI.create(e.sqsEndpoint())).build();
             S3Client s3 = S3Client.builder().httpClient(http).credentialsProvider(creds)
                .region(Region.of(Emulators.REGION)).endpointOverride(URI.create(e.s3Endpoint()))
                .forcePathStyle(true).build()) {

            t.resources("AWS::DynamoDB::Table").forEach((id, p) -> {
                String stream = createTable(ddb, id, p);
                physical.put(id, id);
                if (stream != null) arns.put(id + ".StreamArn", stream);
            });

            // Queues without a redrive policy first: they are the dead-letter targets of the others.
            Map<String, Map<String, Object>> queues = t.resources("AWS::SQS::Queue");
            queues.forEach((id, p) -> { if (!p.containsKey("RedrivePolicy")) createQueue(sqs, id, p, arns, physical); });
            queues.forEach((id, p) -> { if (p.containsKey("RedrivePolicy")) createQueue(sqs, id, p, arns, physical); });

            t.resources("AWS::S3::Bucket").forEach((id, p) -> {
                String name = Template.localName(id, "AWS::S3::Bucket");
                try {
                    s3.headBucket(b -> b.bucket(name));
                } catch (S3Exception missing) {
                    s3.createBucket(b -> b.bucket(name));
                }
                // versioned as declared: a second PUT to a key makes a new version, and the old one stays readable
                Object versioning = Template.map(p.getOrDefault("VersioningConfiguration", Map.of())).get("Status");
                if ("Enabled".equals(versioning)) {
                    try {
                        s3.putBucketVersioning(b -> b.bucket(name).versioningConfiguration(v -> v.status(
                                software.amazon.awssdk.services.s3.model.BucketVersioningStatus.ENABLED)));
                    } catch (S3Exception unsupported) {
                        // a store without versions: the scan then tells an overwrite by its SHA-256 (docs/uploads.md)
                        System.err.println("bucket " + name + ": versioning not available offline (" + unsupported.getMessage() + ")");
                    }
                }
                physical.put(id, name);
            });
        }
        return new Resources(Map.copyOf(physical), Map.copyOf(arns));
    }

    /** Creates the table as declared (a kept one gets its stream if it lacks it); returns the stream's ARN, if any. */
    private static String createTable(DynamoDbClient ddb, String name, Map<String, Object> p) {
        List<AttributeDefinition> attrs = Template.list(p.get("AttributeDefinitions")).stream().map(Template::map)
                .map(a -> AttributeDefinition.builder().attributeName((String) a.get("AttributeName"))
                        .attributeType((String) a.get("AttributeType")).build()).toList();
        List<GlobalSecondaryIndex> gsis = Template.list(p.get("GlobalSecondaryIndexes")).stream().map(Template::map)
                .map(g -> GlobalSecondaryIndex.builder().indexName((String) g.get("IndexName"))
                        .keySchema(keys(g.get("KeySchema")))
                        .projection(Projection.builder().projectionType(
                                (String) Template.map(g.get("Projection")).get("ProjectionType")).build())
                        .build()).toList();
        CreateTableRequest.Builder req = CreateTableRequest.builder().tableName(name).attributeDefinitions(attrs)
                .keySchema(keys(p.get("KeySchema"))).billingMode(BillingMode.PAY_PER_REQUEST);
        if (!gsis.isEmpty()) req.globalSecondaryIndexes(gsis);
        Object view = Template.map(p.get("StreamSpecification")).get("StreamViewType");
        if (view != null) req.streamSpecification(sp -> sp.streamEnabled(true).streamViewType(String.valueOf(view)));
        try {
            ddb.createTable(req.build());
        } catch (ResourceInUseException exists) {
            // kept from an earlier run (data folder): give it the stream the template now declares
            var d = ddb.describeTable(b -> b.tableName(name)).table();
            if (view != null && (d.streamSpecification() == null || !Boolean.TRUE.equals(d.streamSpecification().streamEnabled()))) {
                ddb.updateTable(b -> b.tableName(name).streamSpecification(sp -> sp.streamEnabled(true).streamViewType(String.valueOf(view))));
            }
        }
        return view == null ? null : ddb.describeTable(b -> b.tableName(name)).table().latestStreamArn();
    }

    private static List<KeySchemaElement> keys(Object schema) {
        return Template.list(schema).stream().map(Template::map)
                .map(k -> KeySchemaElement.builder().attributeName((String) k.get("AttributeName"))
                        .keyType((String) k.get("KeyType")).build()).toList();
    }

    private static void createQueue(SqsClient sqs, String id, Map<String, Object> p, Map<String, String> arns,
                                    Map<String, String> physical) {
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        if (p.get("VisibilityTimeout") != null) {
            attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(p.get("VisibilityTimeout")));
        }
        if (p.get("MessageRetentionPeriod") != null) {
            attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, String.valueOf(p.get("MessageRetentionPeriod")));
        }
        Map<String, Object> redrive = Template.map(p.get("RedrivePolicy"));
        if (!redrive.isEmpty()) {
            String dlq = Template.refOf(redrive.get("deadLetterTargetArn"));
            attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + arns.get(dlq)
                    + "\",\"maxReceiveCount\":\"" + redrive.get("maxReceiveCount") + "\"}");
        }
        // a FIFO queue (template.yaml's FifoQueue: true): named <id>.fifo, as AWS requires (ElasticMQ plays FIFO queues:
        // message groups handed out one in-flight message at a time, deduplication ids)
        boolean fifo = "true".equalsIgnoreCase(String.valueOf(p.get("FifoQueue")));
        if (fifo) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION,
                    String.valueOf("true".equalsIgnoreCase(String.valueOf(p.get("ContentBasedDeduplication")))));
        }
        String name = fifo ? id + ".fifo" : id;
        String url = sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        physical.put(id, url);
        arns.put(id, arn);
    }
}
