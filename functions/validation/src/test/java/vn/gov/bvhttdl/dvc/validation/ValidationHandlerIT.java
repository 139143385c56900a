package vn.gov.bvhttdl.dvc.validation;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Attachment;
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
    static TestStack.Stack stack;

    @BeforeAll
    static void start() {
        stack = TestStack.get();
        handler = new ValidationHandler();
        store = DossierStore.fromSettings();
    }

    @AfterAll
    static void stop() { handler.close(); }

    static String submitted(Applicant applicant) {
        return submitted(applicant, true);
    }

    /** A submitted dossier of BVHTTDL-DL-001, with an accepted file for every mandatory component if {@code files}. */
    static String submitted(Applicant applicant, boolean files) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, "owner-v", applicant,
                Map.of("companyName", "Công ty TNHH Lữ hành Sông Hồng", "scope", "inbound"), Instant.now());
        store.create(c);
        if (files) {
            for (var comp : p.components()) {
                if (!comp.mandatory()) continue;
                Attachment a = new Attachment(c.dossier().id(), "dossiers/" + c.dossier().id() + "/" + comp.code() + "/" + UUID.randomUUID(),
                        comp.code(), comp.code().toLowerCase() + ".pdf", "application/pdf", 100, Attachment.Status.PENDING, null,
                        null, null, null, Instant.now(), null);
                vn.gov.bvhttdl.dvc.adapters.Table.of(store).attachments().authoriseUpload(a);
                vn.gov.bvhttdl.dvc.adapters.Table.of(store).attachments().recordVerdict(a.scanned(Attachment.Status.ACCEPTED, null, "pdf", "00".repeat(32), 1, Instant.now()));
            }
        }
        store.save(c.dossier().handle(new vn.gov.bvhttdl.dvc.domain.Command.Submit("{}", 0), vn.gov.bvhttdl.dvc.domain.Actor.citizen("owner-v"), Instant.now()));
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
    void sampleEventReceivesTheDossierWithACodeAndIsIdempotent() throws Exception {
        String id = submitted(COMPLETE);
        SQSEvent sample = EventLoader.loadSQSEvent(Emulators.repoRoot().resolve("events/validation-submission.json").toString());
        sample.getRecords().get(0).setBody(sample.getRecords().get(0).getBody().replace("REPLACED-BY-TEST", id));

        SQSBatchResponse r = handler.handleRequest(sample, null);
        assertTrue(r.getBatchItemFailures().isEmpty());
        Dossier d = store.find(id).orElseThrow();
        // DL-001 is level 4 with a fee: received, it waits for its fee at the desk's step (rules/payments.json)
        assertEquals(DossierStatus.AWAITING_PAYMENT, d.status());
        assertEquals(List.of("receive", "request-payment"), store.history(id).stream().map(e -> e.action())
                .filter(a -> a.equals("receive") || a.equals("request-payment")).toList());
        assertTrue(DossierCode.standard().isWellFormed(d.code()), d.code());
        assertTrue(d.code().startsWith("000.00.12.G17-"), d.code());
        assertNotNull(d.receivedAt());
        // 10 (calendar) days of BVHTTDL-DL-001 (Tourism Law Art 33(2)(b)), counted by the working calendar from the submission
        assertEquals(vn.gov.bvhttdl.dvc.domain.WorkingCalendar.standard()
                .appointment(d.submittedAt(), vn.gov.bvhttdl.dvc.domain.Period.calendarDays(10), List.of()).dueDate(), d.dueDate());

        // SQS delivers at least once: the same message again changes nothing
        assertTrue(handler.handleRequest(sample, null).getBatchItemFailures().isEmpty());
        Dossier again = store.find(id).orElseThrow();
        assertEquals(d.code(), again.code());
        assertEquals(d.version(), again.version());
        assertEquals(1, store.history(id).stream().filter(e -> e.action().equals("receive")).count());
        assertEquals(d.id(), vn.gov.bvhttdl.dvc.adapters.Table.of(store).workQueues().findByCode(d.code()).orElseThrow().id());

        // the receipt (form 01) is in the documents bucket; its QR code holds only the address of its verification
        // page, whose record keeps the Circular 01/2023 metadata (but not the applicant's ID number) and the file's hash
        byte[] pdf = vn.gov.bvhttdl.dvc.adapters.AwsClients.s3().getObjectAsBytes(b -> b.bucket(stack.resources().of("DocumentsBucket"))
                .key(vn.gov.bvhttdl.dvc.adapters.Documents.receiptKey(d.code()))).asByteArray();
        String qr = Receipts.decodeQrText(pdf);
        assertTrue(qr.matches("http://127\\.0\\.0\\.1:3000/verify/[a-z0-9]{26}"), qr);
        assertFalse(qr.contains("001099888777"), "no ID number in the QR code");
        var record = vn.gov.bvhttdl.dvc.adapters.Table.of(store).results()
                .find(qr.substring(qr.lastIndexOf('/') + 1)).orElseThrow();
        assertEquals(d.code(), record.number());
        assertEquals("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", record.type().vi());
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf)), record.sha256());
        assertTrue(record.face().stream().anyMatch(l -> l.value().equals("BVHTTDL-DL-001") || l.value().contains("(mã BVHTTDL-DL-001)")));
        assertTrue(record.face().stream().noneMatch(l -> l.value().contains("001099888777")));
        assertTrue(Receipts.text(pdf).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"), "Vietnamese text survives in the PDF");
        assertTrue(Receipts.text(pdf).contains("Đỗ Minh Khoa"));
    }

    @Test
    void aSupplementedDossierKeepsItsCodeAndTheWaitIsNotCounted() throws Exception {
        String id = submitted(COMPLETE);
        handler.handleRequest(event("{\"dossierId\":\"" + id + "\"}"), null);
        // its fee paid online (the ledger's move), the dossier is back at the desk
        Dossier awaiting = store.find(id).orElseThrow();
        assertEquals(DossierStatus.AWAITING_PAYMENT, awaiting.status());
        store.save(awaiting.handle(new vn.gov.bvhttdl.dvc.domain.Command.ConfirmPayment("TT260302VALID", "vnpay", "T1", 1_500_000),
                vn.gov.bvhttdl.dvc.application.PaymentLedger.ACTOR, awaiting.receivedAt().plusSeconds(60)));
        Dossier received = store.find(id).orElseThrow();
        assertEquals(DossierStatus.RECEIVED, received.status());
        // an official asks for a supplement; the citizen answers later; validation receives it again
        Instant asked = received.receivedAt().plusSeconds(3600);
        store.save(received.handle(new vn.gov.bvhttdl.dvc.domain.Command.RequestSupplement(java.util.List.of("1. Bản sao công chứng mờ")), vn.gov.bvhttdl.dvc.domain.Actor.official("official-1", "CDLQG", "MOTCUA", vn.gov.bvhttdl.dvc.domain.Post.ONE_STOP), asked));
        Dossier waiting = store.find(id).orElseThrow();
        Instant answered = asked.plus(java.time.Duration.ofDays(7));
        store.save(waiting.handle(new vn.gov.bvhttdl.dvc.domain.Command.Resubmit("{}", 0), vn.gov.bvhttdl.dvc.domain.Actor.citizen("owner-v"), answered));
        assertTrue(handler.handleRequest(event("{\"dossierId\":\"" + id + "\"}"), null).getBatchItemFailures().isEmpty());
        Dossier again = store.find(id).orElseThrow();
        assertEquals(DossierStatus.RECEIVED, again.status());
        assertEquals(received.code(), again.code(), "the code does not change");
        var expected = vn.gov.bvhttdl.dvc.domain.WorkingCalendar.standard().appointment(received.receivedAt(), vn.gov.bvhttdl.dvc.domain.Period.calendarDays(10),
                List.of(new vn.gov.bvhttdl.dvc.domain.WorkingCalendar.Pause(asked, answered))).dueDate();
        assertEquals(expected, again.dueDate());
        assertTrue(again.dueDate().isAfter(received.dueDate()), "the week of waiting moved the appointment");
        // (the request and answer above are dated in the future, so compare without the time order)
        // asked to pay once, at the first reception: not again after the supplement
        assertEquals(java.util.Set.of("create", "submit", "receive", "request-payment", "confirm-payment", "request-supplement", "resubmit", "receive-supplement"),
                store.history(id).stream().map(e -> e.action()).filter(a -> !a.startsWith("attachment"))
                        .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void messagesThatCanNeverBeProcessedGoStraightToTheDeadLetterQueueWithTheirReason() {
        String good = submitted(COMPLETE);
        String unknown = UUID.randomUUID().toString();
        String dlq = stack.resources().of("SubmissionDLQ");
        try (software.amazon.awssdk.services.sqs.SqsClient sqs = software.amazon.awssdk.services.sqs.SqsClient.builder()
                .httpClient(vn.gov.bvhttdl.dvc.adapters.AwsClients.HTTP).credentialsProvider(vn.gov.bvhttdl.dvc.adapters.AwsClients.credentials()).build()) {
            sqs.purgeQueue(b -> b.queueUrl(dlq));
            SQSBatchResponse r = handler.handleRequest(event(
                    "{\"dossierId\":\"" + good + "\"}", "not json", "{\"dossierId\":\"" + unknown + "\"}", "{}"), null);
            assertEquals(List.of(), r.getBatchItemFailures(), "no retries for what can never work");
            assertEquals(DossierStatus.AWAITING_PAYMENT, store.find(good).orElseThrow().status(), "received, then waits for its fee");
            List<software.amazon.awssdk.services.sqs.model.Message> dead = new ArrayList<>();
            for (int i = 0; i < 5 && dead.size() < 3; i++) {
                dead.addAll(sqs.receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1).messageAttributeNames("All")).messages());
            }
            assertEquals(3, dead.size(), dead.toString());
            assertEquals(Set.of("msg-1", "msg-2", "msg-3"), dead.stream().map(m -> m.messageAttributes().get("OriginalMessageId").stringValue())
                    .collect(java.util.stream.Collectors.toSet()));
            assertTrue(dead.stream().anyMatch(m -> m.body().contains(unknown)
                    && m.messageAttributes().get("ErrorMessage").stringValue().contains("dossier-not-found")), "the reason goes with it");
        }
    }

    @Test
    void aDossierWithoutItsFilesIsSentBackListingEachMissingComponent() {
        String id = submitted(COMPLETE, false);
        assertTrue(handler.handleRequest(event("{\"dossierId\":\"" + id + "\"}"), null).getBatchItemFailures().isEmpty());
        Dossier d = store.find(id).orElseThrow();
        assertEquals(DossierStatus.AWAITING_SUPPLEMENT, d.status());
        assertEquals(4, d.statusReason().split("\n").length, d.statusReason());
        assertTrue(d.statusReason().contains("Giấy chứng nhận ký quỹ"), d.statusReason());
    }

    @Test
    void anIncompleteDossierIsSentBackForSupplementWithEveryReason() {
        // a malformed ID number is refused when typed (DossierTest); here the ID and every contact are missing
        String id = submitted(new Applicant("Ngô Văn Lâm", null, null, null, null, null));
        assertTrue(handler.handleRequest(event("{\"dossierId\":\"" + id + "\"}"), null).getBatchItemFailures().isEmpty());
        Dossier d = store.find(id).orElseThrow();
        assertEquals(DossierStatus.AWAITING_SUPPLEMENT, d.status());
        assertNull(d.code());
        assertTrue(d.statusReason().contains("số định danh"), d.statusReason());
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
