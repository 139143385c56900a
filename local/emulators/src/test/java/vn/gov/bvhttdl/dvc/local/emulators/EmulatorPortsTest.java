package vn.gov.bvhttdl.dvc.local.emulators;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A busy machine: between the moment a port is chosen and the moment the emulator binds it, another process takes it.
 * The thief here watches this JVM's child processes and takes every port it sees announced on their command lines
 * (dynoxide's {@code --port}, ElasticMQ's argument, S3Proxy's endpoint property), and two stacks start at once.
 * Every endpoint must still be served by its own stack's server, speaking its protocol, on ports of its own.
 */
class EmulatorPortsTest {
    /** Takes the ports that the stack's children are told to bind, as fast as it can. */
    static final class PortThief implements AutoCloseable {
        private static final Pattern ENDPOINT = Pattern.compile("s3proxy\\.endpoint=http://127\\.0\\.0\\.1:(\\d+)");
        final Map<Integer, ServerSocket> stolen = new ConcurrentHashMap<>();
        private final Set<Integer> seen = ConcurrentHashMap.newKeySet();
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::run, "port-thief");

        PortThief() {
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            while (running) {
                ProcessHandle.current().descendants().forEach(ph -> ph.info().arguments().ifPresent(args -> {
                    for (int i = 0; i < args.length; i++) {
                        if (i + 1 < args.length && (args[i].equals("--port") || args[i].endsWith("ElasticMqMain"))) steal(args[i + 1]);
                        if (args[i].endsWith("s3proxy.properties")) {
                            try {
                                Matcher m = ENDPOINT.matcher(Files.readString(Path.of(args[i])));
                                if (m.find()) steal(m.group(1));
                            } catch (IOException | RuntimeException notYet) {
                                // written in the meantime
                            }
                        }
                    }
                }));
                Thread.onSpinWait();
            }
        }

        private void steal(String arg) {
            int port;
            try {
                port = Integer.parseInt(arg);
            } catch (NumberFormatException notAPort) {
                return;
            }
            if (port == 0 || !seen.add(port)) return;
            try {
                stolen.put(port, new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1")));
            } catch (IOException lost) {
                // the emulator was faster
            }
        }

        @Override
        public void close() throws IOException {
            running = false;
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (ServerSocket s : stolen.values()) s.close();
        }
    }

    static int port(String endpoint) {
        return URI.create(endpoint).getPort();
    }

    @Test
    void twoStacksStartingWhileAnotherProcessTakesAnnouncedPortsEachGetTheirOwnWorkingPorts() throws Exception {
        List<Emulators> stacks = new ArrayList<>();
        try (PortThief thief = new PortThief()) {
            try {
                CompletableFuture<Emulators> a = CompletableFuture.supplyAsync(() -> Emulators.start(null));
                CompletableFuture<Emulators> b = CompletableFuture.supplyAsync(() -> Emulators.start(null));
                stacks.add(a.join());
                stacks.add(b.join());

                Set<Integer> ports = new HashSet<>();
                for (Emulators e : stacks) {
                    for (int p : List.of(port(e.dynamoEndpoint()), port(e.sqsEndpoint()), port(e.s3Endpoint()), e.smtpPort())) {
                        assertTrue(p > 0, "a real port: " + p);
                        assertFalse(thief.stolen.containsKey(p), "port " + p + " is held by another process, not by the emulator");
                        assertTrue(ports.add(p), "port " + p + " given twice");
                    }
                }

                var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY));
                var http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(5));
                for (int i = 0; i < stacks.size(); i++) {
                    Emulators e = stacks.get(i);
                    String mine = "own-" + i;
                    try (DynamoDbClient ddb = DynamoDbClient.builder().httpClient(http.build()).credentialsProvider(creds).region(Region.of(Emulators.REGION))
                                 .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                                 .endpointOverride(URI.create(e.dynamoEndpoint())).build();
                         SqsClient sqs = SqsClient.builder().httpClient(http.build()).credentialsProvider(creds).region(Region.of(Emulators.REGION))
                                 .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                                 .endpointOverride(URI.create(e.sqsEndpoint())).build();
                         S3Client s3 = S3Client.builder().httpClient(http.build()).credentialsProvider(creds).region(Region.of(Emulators.REGION))
                                 .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                                 .endpointOverride(URI.create(e.s3Endpoint())).forcePathStyle(true).build()) {
                        // each stack holds only what was created in it: no two stacks share a server
                        ddb.createTable(t -> t.tableName(mine).billingMode("PAY_PER_REQUEST")
                                .attributeDefinitions(d -> d.attributeName("PK").attributeType("S")).keySchema(k -> k.attributeName("PK").keyType("HASH")));
                        assertEquals(List.of(mine), ddb.listTables().tableNames());
                        sqs.createQueue(q -> q.queueName(mine));
                        assertEquals(1, sqs.listQueues().queueUrls().size());
                        assertTrue(sqs.listQueues().queueUrls().get(0).endsWith("/" + mine));
                        s3.createBucket(c -> c.bucket(mine));
                        assertEquals(List.of(mine), s3.listBuckets().buckets().stream().map(x -> x.name()).toList());
                    }
                    try (var smtp = new java.net.Socket("127.0.0.1", e.smtpPort())) {
                        smtp.setSoTimeout(5000);
                        assertTrue(new String(smtp.getInputStream().readNBytes(3)).equals("220"), "SMTP greets");
                    }
                }
            } finally {
                for (Emulators e : stacks) e.close();
            }
        }
    }
}
