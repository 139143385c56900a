package vn.gov.bvhttdl.dvc.sweep;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.adapters.SubmissionQueue;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The submission sweep, fed the sample scheduled event of events/, against dynoxide and ElasticMQ. */
class SubmissionSweepHandlerIT {
    static TestStack.Stack stack;
    static DossierStore store;
    static SqsClient sqs;
    static String queueUrl;

    @BeforeAll
    static void start() {
        stack = TestStack.get();
        store = DossierStore.fromSettings();
        queueUrl = stack.resources().of("SubmissionQueue");
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY));
        sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(creds).region(Region.of(Emulators.REGION))
                .endpointOverride(URI.create(stack.emulators().sqsEndpoint())).build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        System.clearProperty("SWEEP_AFTER_MINUTES");
    }

    /** A dossier of BVHTTDL-DL-001 whose submission was stored at {@code at} (and whose message, say, was lost). */
    static Dossier submittedAt(Instant at) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, "owner-s",
                new Applicant("Hồ Thị Lan", "001099000321", null, null, "0911000321", null), Map.of(), at.minusSeconds(60));
        store.create(c);
        Dossier.Change s = c.dossier().handle(new vn.gov.bvhttdl.dvc.domain.Command.Submit("{}", 0), vn.gov.bvhttdl.dvc.domain.Actor.citizen("owner-s"), at);
        store.save(s);
        return s.dossier();
    }

    /** Takes every message off the submission queue and returns the bodies that name {@code dossierId}. */
    static List<Map<?, ?>> drain(String dossierId) {
        List<Map<?, ?>> out = new ArrayList<>();
        for (List<Message> batch; !(batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages()).isEmpty(); ) {
            for (Message m : batch) {
                Map<?, ?> body = (Map<?, ?>) Json.parse(m.body());
                if (dossierId.equals(body.get("dossierId"))) out.add(body);
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return out;
    }

    @Test
    void theSampleEventHandsALostSubmissionOverAtMostThreeTimes() throws Exception {
        System.setProperty("SWEEP_AFTER_MINUTES", "0");
        Dossier lost = submittedAt(Instant.now().minusSeconds(5));
        String event = Files.readString(Emulators.repoRoot().resolve("events/submission-sweep-scheduled.json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> scheduled = (Map<String, Object>) Json.parse(event);
        assertEquals("Scheduled Event", scheduled.get("detail-type"));
        try (SubmissionSweepHandler handler = new SubmissionSweepHandler()) {
            for (int run = 1; run <= SubmissionSweep.MAX_HANDOVERS; run++) {
                Map<String, Object> r = handler.handleRequest(scheduled, null);
                assertTrue(((Number) r.get("handedOver")).intValue() >= 1, "run " + run + ": " + r);
                List<Map<?, ?>> sent = drain(lost.id());
                assertEquals(1, sent.size(), "run " + run + " sends it once");
                assertEquals(lost.version(), ((Number) sent.get(0).get("version")).longValue(), "the submitted version");
            }
            Map<String, Object> r = handler.handleRequest(scheduled, null);
            assertTrue(((Number) r.get("givenUp")).intValue() >= 1, r.toString());
            assertEquals(List.of(), drain(lost.id()), "after " + SubmissionSweep.MAX_HANDOVERS + " hand-overs it is left to the DLQ and an official");
        }
        assertEquals("SUBMITTED", store.find(lost.id()).orElseThrow().status().name(), "the sweep never changes a dossier itself");
    }

    @Test
    void aSubmissionStillWithinTheQueuesRetriesIsLeftAloneAndOnlySubmittedOnesAreLookedAt() {
        Instant now = Instant.now();
        Dossier recent = submittedAt(now.minus(Duration.ofMinutes(10)));
        Dossier old = submittedAt(now.minus(Duration.ofMinutes(20)));
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier.Change draft = Dossier.draft(UUID.randomUUID().toString(), p, "owner-s",
                new Applicant("Hồ Thị Lan", "001099000321", null, null, "0911000321", null), Map.of(), now.minus(Duration.ofHours(2)));
        store.create(draft);
        SubmissionQueue queue = SubmissionQueue.fromSettings();
        SubmissionSweep sweep = new SubmissionSweep(vn.gov.bvhttdl.dvc.adapters.Table.of(store).workQueues(), vn.gov.bvhttdl.dvc.adapters.Table.of(store).sequences(), vn.gov.bvhttdl.dvc.adapters.Table.of(store).rules(), () -> queue,
                Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(15));
        sweep.run();
        assertEquals(1, drain(old.id()).size(), "20 minutes SUBMITTED: lost");
        assertEquals(List.of(), drain(recent.id()), "10 minutes: the queue may still be retrying it");
        assertEquals(List.of(), drain(draft.dossier().id()), "a draft is not a submission");

        // a resubmission (a new version) gets its own hand-overs
        assertEquals(2, vn.gov.bvhttdl.dvc.adapters.Table.of(store).sequences().countSweep(old.id(), old.version()));
        assertEquals(1, vn.gov.bvhttdl.dvc.adapters.Table.of(store).sequences().countSweep(old.id(), old.version() + 1));
    }

    @Test
    void aSubmissionGivenUpOnIsCountedStuckOnceByAgency() {
        Instant now = Instant.now();
        Dossier lost = submittedAt(now.minus(Duration.ofMinutes(30)));
        SubmissionQueue queue = SubmissionQueue.fromSettings();
        List<vn.gov.bvhttdl.dvc.application.ServiceMetrics.Count> counted = new java.util.concurrent.CopyOnWriteArrayList<>();
        var table = vn.gov.bvhttdl.dvc.adapters.Table.of(store);
        SubmissionSweep sweep = new SubmissionSweep(table.workQueues(), table.sequences(), table.rules(), () -> queue,
                Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(15), counted::addAll);
        for (int run = 1; run <= SubmissionSweep.MAX_HANDOVERS + 2; run++) sweep.run();
        drain(lost.id());
        List<vn.gov.bvhttdl.dvc.application.ServiceMetrics.Count> stuck = counted.stream()
                .filter(c -> c.name().equals(vn.gov.bvhttdl.dvc.application.ServiceMetrics.SUBMISSION_STUCK)
                        && lost.agencyCode().equals(c.dimensions().get(vn.gov.bvhttdl.dvc.application.ServiceMetrics.AGENCY)))
                .toList();
        // other tests' dossiers of the same agency may be given up on in the same runs: at least this one
        assertTrue(stuck.size() >= 1, counted.toString());
        // every dossier looked at has now been given up on: one more run counts none of them again
        int before = counted.size();
        sweep.run();
        drain(lost.id());
        assertEquals(before, counted.size(), "a version given up on is counted stuck once");
    }
}
