package vn.gov.bvhttdl.dvc.validation;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierCode;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/** The validation handler, fed the sample SQS event of events/, against dynoxide. */
class ValidationHandlerIT {
    static ValidationHandler handler;
    static DossierStore store;

    @BeforeAll
    static void start() {
        TestStack.get();
        handler = new ValidationHandler();
        store = DossierStore.fromSettings();
    }

    @AfterAll
    static void stop() { handler.close(); }

    static String submitted(Applicant applicant) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, "owner-v", applicant, Map.of(), Instant.now());
        store.create(c);
        store.save(c.dossier().apply("submit", "owner-v", Role.CITIZEN, Instant.now(), null, null));
        return c.dossier().id();
    }

    static final Applicant COMPLETE = new Applicant("Đỗ Minh Khoa", "001099888777", null, null, "0911222333", null);

    static SQSEvent event(String... bodies) {
        SQSEvent sample = EventLoader.loadSQSEvent(Emulators.repoRoot().resolve("events/validation-submission.json").toString());
        SQSEvent.SQSMessage template = sample.getRecords().get(0);
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("msg-" + i);
            m.setBody(bodies[i]);
            m.setAttributes(template.getAttributes());
            m.setEventSource(template.getEventSource());
            m.setEventSourceArn(template.getEventSourceArn());
            m.setAwsRegion(template.getAwsRegion());
            m.setReceiptHandle(template.getReceiptHandle());
            records.add(m);
        }
        sample.setRecords(records);
        return sample;
    }

    @Test
    void sampleEventReceivesTheDossierWithACodeAndIsIdempotent() {
        String id = submitted(COMPLETE);
        SQSEvent sample = EventLoader.loadSQSEvent(Emulators.repoRoot().resolve("events/validation-submission.json").toString());
        sample.getRecords().get(0).setBody(sample.getRecords().get(0).getBody().replace("REPLACED-BY-TEST", id));

        SQSBatchResponse r = handler.handleRequest(sample, null);
        assertTrue(r.getBatchItemFailures().isEmpty());
        Dossier d = store.find(id).orElseThrow();
        assertEquals(DossierStatus.RECEIVED, d.status());
        assertTrue(DossierCode.standard().isWellFormed(d.code()), d.code());
        assertTrue(d.code().startsWith("000.00.12.G17-"), d.code());
        assertNotNull(d.receivedAt());
        // 10 working days of BVHTTDL-DL-001, counted by the working calendar from the submission
        assertEquals(vn.gov.bvhttdl.dvc.domain.WorkingCalendar.standard()
                .appointment(d.submittedAt(), 10, List.of()).dueDate(), d.dueDate());

        // SQS delivers at least once: the same message again changes nothing
        assertTrue(handler.handleRequest(sample, null).getBatchItemFailures().isEmpty());
        Dossier again = store.find(id).orElseThrow();
        assertEquals(d.code(), again.code());
        assertEquals(d.version(), again.version());
        assertEquals(1, store.history(id).stream().filter(e -> e.action().equals("receive")).count());
        assertEquals(d.id(), store.findByCode(d.code()).orElseThrow().id());
    }

    @Test
    void onlyTheBadMessagesOfABatchAreReportedForRetry() {
        String good = submitted(COMPLETE);
        SQSBatchResponse r = handler.handleRequest(event(
                "{\"dossierId\":\"" + good + "\"}", "not json", "{\"dossierId\":\"" + UUID.randomUUID() + "\"}", "{}"), null);
        assertEquals(List.of("msg-1", "msg-2", "msg-3"),
                r.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
        assertEquals(DossierStatus.RECEIVED, store.find(good).orElseThrow().status());
    }

    @Test
    void anIncompleteDossierIsSentBackForSupplementWithEveryReason() {
        String id = submitted(new Applicant("Ngô Văn Lâm", "123", null, null, null, null));
        assertTrue(handler.handleRequest(event("{\"dossierId\":\"" + id + "\"}"), null).getBatchItemFailures().isEmpty());
        Dossier d = store.find(id).orElseThrow();
        assertEquals(DossierStatus.AWAITING_SUPPLEMENT, d.status());
        assertNull(d.code());
        assertTrue(d.statusReason().contains("12 chữ số"), d.statusReason());
        assertTrue(d.statusReason().contains("liên lạc"), d.statusReason());
    }

    @Test
    void concurrentReceiptsNeverShareACode() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 24; i++) ids.add(submitted(COMPLETE));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<SQSBatchResponse>> fs = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            List<String> slice = ids.subList(t * 4, t * 4 + 4);
            fs.add(pool.submit(() -> handler.handleRequest(event(slice.stream()
                    .map(id -> "{\"dossierId\":\"" + id + "\"}").toArray(String[]::new)), null)));
        }
        for (Future<SQSBatchResponse> f : fs) assertTrue(f.get().getBatchItemFailures().isEmpty());
        pool.shutdown();
        Set<String> codes = new HashSet<>();
        for (String id : ids) codes.add(store.find(id).orElseThrow().code());
        assertEquals(24, codes.size(), codes.toString());
    }
}
