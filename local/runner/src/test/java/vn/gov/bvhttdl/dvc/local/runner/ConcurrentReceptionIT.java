package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue #28 item 2: the runner invokes the functions concurrently as Lambda does (a pool of handler instances per
 * function, SQS batches and stream shards at once), and nothing is lost or duplicated. Sixty dossiers, each by its
 * own citizen, are submitted at the same moment: each is received exactly once (one {@code receive} in its audit
 * trail, one code, all codes distinct), nothing is left in the queue or dead-lettered, and the counters kept from the
 * table's stream show every one of them. Speed is measured by {@code local/bench receptions}, not here.
 */
class ConcurrentReceptionIT {
    static final int N = 60;
    static LocalRunner runner;

    @BeforeAll
    static void start() throws Exception {
        System.setProperty(FunctionHost.CONCURRENCY_PROPERTY, "4"); // as Lambda would: several instances per function
        runner = LocalRunner.start(new LocalRunner.Options(0, null, 0));
    }

    @AfterAll
    static void stop() {
        System.clearProperty(FunctionHost.CONCURRENCY_PROPERTY);
        if (runner != null) runner.close();
    }

    @Test
    void sixtyDossiersSubmittedAtOnceAreEachReceivedExactlyOnce() throws Exception {
        ReceptionLoad load = new ReceptionLoad(runner);
        List<ReceptionLoad.Prepared> dossiers = load.prepare(N, 1, 6);
        assertEquals(N, dossiers.stream().map(ReceptionLoad.Prepared::id).distinct().count());

        ReceptionLoad.Result result = load.submitAtOnce(dossiers, Duration.ofMinutes(3));
        assertTrue(result.drainSeconds() >= 0, "the submission queue was not emptied in 3 minutes");
        Set<String> codes = new HashSet<>();
        for (ReceptionLoad.Reception r : result.receptions()) {
            assertEquals(202, r.submitStatus(), r.id());
            // DL-003 has a fee: received, it waits for it (rules/payments.json)
            assertEquals(List.of("create", "submit", "receive", "request-payment"), r.actions(), "dossier " + r.id() + " was not received exactly once");
            assertEquals("AWAITING_PAYMENT", r.status(), r.id());
            assertNotNull(r.code(), r.id());
            assertTrue(codes.add(r.code()), "code " + r.code() + " given twice");
            assertNotNull(r.received(), r.id());
            assertFalse(r.received().isBefore(r.sent()), r.toString());
        }
        assertEquals(N, codes.size());

        // nothing left behind or dead-lettered
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY));
        try (SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(creds)
                .region(Region.of(Emulators.REGION)).endpointOverride(URI.create(runner.emulators().sqsEndpoint())).build()) {
            for (String q : List.of("SubmissionQueue", "SubmissionDLQ", "StatusCountsDLQ")) {
                Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(runner.resources().of(q)).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
                assertEquals(0, a.values().stream().mapToLong(Long::parseLong).sum(), q + ": " + a);
            }
        }

        // the counters kept from the stream, exactly once per version: every dossier of this stack, in its status
        Map<String, Long> expected = new TreeMap<>(result.receptions().stream().collect(Collectors.groupingBy(ReceptionLoad.Reception::status, Collectors.counting())));
        String official = runner.devToken("Cán bộ Đếm", "001080000321", "dem@example.vn", "officials", "CDLQG");
        Map<String, Long> counts = Map.of();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> all = (Map<String, Map<String, Object>>) (Map<?, ?>) LocalRunnerIT.json(
                    LocalRunnerIT.call(runner.baseUrl(), "GET", "/api/official/dossiers/counts", official, null));
            counts = new TreeMap<>();
            for (var e : all.getOrDefault("CDLQG", Map.of()).entrySet()) {
                long v = ((Number) e.getValue()).longValue();
                if (v != 0) counts.put(e.getKey(), v);
            }
            if (counts.equals(expected)) break;
            Thread.sleep(250);
        }
        assertEquals(expected, counts, "the status counters");

        // the work was done concurrently, each invocation in an instance of its own, never more than the function's concurrency
        for (String f : List.of("CitizenApiFunction", "ValidationFunction")) {
            int limit = runner.concurrency(f);
            assertEquals(4, limit, f + ": template.yaml reserves none, the concurrency this test asked for applies");
            assertTrue(runner.peakConcurrency(f) > 1, f + " ran one invocation at a time");
            assertTrue(runner.peakConcurrency(f) <= limit, f + ": " + runner.peakConcurrency(f) + " at once");
            assertTrue(runner.functionInstances(f) > 1 && runner.functionInstances(f) <= limit, f + ": " + runner.functionInstances(f) + " instances");
        }
    }
}
