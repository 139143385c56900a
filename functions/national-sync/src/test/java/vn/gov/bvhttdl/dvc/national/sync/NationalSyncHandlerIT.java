package vn.gov.bvhttdl.dvc.national.sync;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The sync function fed the sample SQS message of events/ (a received dossier's version 3), against dynoxide and
 * ElasticMQ, with a local HTTP server in the national portal's place (it records the calls and answers as told):
 * the record and the progress entry go once under the event's key; the same message again sends nothing; the portal
 * down reports the message for a retry; a message that is no event goes to the FIFO dead-letter queue with its reason.
 */
class NationalSyncHandlerIT {
    static TestStack.Stack stack;
    static DossierStore store;
    static HttpServer portal;
    static final List<String[]> calls = new CopyOnWriteArrayList<>();
    static final AtomicInteger status = new AtomicInteger(200);

    @BeforeAll
    static void start() throws Exception {
        stack = TestStack.get();
        store = DossierStore.fromSettings();
        portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        portal.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int s = status.get();
            if (s == 200) calls.add(new String[]{ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Idempotency-Key"), body});
            byte[] out = (s == 200 ? "{\"error_code\": \"0\", \"message\": \"Đồng bộ thành công\"}" : "{\"error_code\": \"503\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(s, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        portal.start();
        System.setProperty("NATIONAL_PORTAL_URL", "http://127.0.0.1:" + portal.getAddress().getPort() + "/portal");
        System.setProperty("NATIONAL_PORTAL_SECRETS_FILE", Emulators.repoRoot().resolve("local/sandbox/national-portal.json").toString());
    }

    @AfterAll
    static void stop() { portal.stop(0); }

    /** A dossier of DL-003 submitted and received: version 3. */
    static String received() {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-003").orElseThrow();
        Instant now = Instant.parse("2026-12-01T03:00:00Z");
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, "owner-national",
                new Applicant("Đặng Văn Hùng", "001099000654", null, null, "0911000654", "hung@example.vn"), Map.of(), now);
        store.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner-national"), now);
        store.save(s);
        store.save(s.dossier().handle(new Command.Receive("000.00.12.G17-261201-0009", LocalDate.of(2026, 12, 8), "reception", "MOTCUA",
                LocalDate.of(2026, 12, 2)), Actor.system("validation"), now));
        return c.dossier().id();
    }

    static SQSEvent event(String dossierId, String body) throws Exception {
        String json = Files.readString(Emulators.repoRoot().resolve("events/national-sync-message.json")).replace("REPLACED-BY-TEST", dossierId);
        if (body != null) json = json.replace("{\\\"dossierId\\\":\\\"" + dossierId + "\\\",\\\"version\\\":3}", body);
        java.nio.file.Path tmp = Files.createTempFile("sqs", ".json");
        Files.writeString(tmp, json);
        return EventLoader.loadSQSEvent(tmp.toString());
    }

    @Test
    void theSampleMessageSendsTheRecordAndTheProgressOnceAndAFailureIsRetried() throws Exception {
        String id = received();
        try (NationalSyncHandler handler = new NationalSyncHandler()) {
            var first = handler.handleRequest(event(id, null), null);
            assertTrue(first.getBatchItemFailures().isEmpty(), first.toString());
            List<String[]> mine = calls.stream().filter(c -> c[1].equals(id + "#3")).toList();
            assertEquals(List.of("/portal/DongBoHoSoMC/ThemMoi", "/portal/CapNhatTienDoHoSoMC"), mine.stream().map(c -> c[0]).toList());
            Map<String, Object> record = Json.obj(Json.list(Json.parse(mine.get(0)[2])).getFirst());
            assertEquals("000.00.12.G17-261201-0009", record.get("MaHoSo"));
            assertEquals("2", record.get("TrangThaiHoSo"));
            assertEquals("20261208170000", record.get("NgayHenTra"));
            Map<String, Object> progress = Json.obj(Json.list(Json.parse(mine.get(1)[2])).getFirst());
            assertEquals("2", progress.get("TrangThai"));
            assertEquals("20261202170000", progress.get("NgayKetThucTheoQuyDinh"), "the reception step's deadline");
            assertEquals(3, Table.fromSettings().nationalSync().last(id));

            int before = calls.size();
            assertTrue(handler.handleRequest(event(id, null), null).getBatchItemFailures().isEmpty());
            assertEquals(before, calls.size(), "the same event again sends nothing");

            // the portal down: reported for a retry (the backoff cannot be set on the sample's receipt handle: logged)
            String other = received();
            status.set(503);
            try {
                var failed = handler.handleRequest(event(other, null), null);
                assertEquals(1, failed.getBatchItemFailures().size());
                assertEquals(0, Table.fromSettings().nationalSync().last(other));
            } finally {
                status.set(200);
            }
            assertTrue(handler.handleRequest(event(other, null), null).getBatchItemFailures().isEmpty());
            assertEquals(2, calls.stream().filter(c -> c[1].equals(other + "#3")).count());

            // a message that is no event: the FIFO dead-letter queue at once, with its reason
            var poison = handler.handleRequest(event("poison-" + id, "not json"), null);
            assertTrue(poison.getBatchItemFailures().isEmpty(), "dead-lettered, not retried");
            SqsClient sqs = SqsClient.builder().httpClient(AwsClients.HTTP).credentialsProvider(AwsClients.credentials()).build();
            String dlq = System.getProperty("NATIONAL_SYNC_DLQ_URL");
            assertTrue(dlq.endsWith(".fifo"), dlq);
            List<Message> dead = new ArrayList<>();
            for (int i = 0; i < 5 && dead.isEmpty(); i++) {
                for (Message m : sqs.receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1).messageAttributeNames("All")).messages()) {
                    if (m.body().equals("not json")) dead.add(m);
                }
            }
            assertEquals(1, dead.size());
            assertTrue(dead.getFirst().messageAttributes().get("ErrorMessage").stringValue().contains("cannot be read"),
                    dead.getFirst().messageAttributes().toString());
        }
    }
}
