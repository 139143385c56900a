package vn.gov.bvhttdl.dvc.notify;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.adapters.NoticeTable;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The notification function fed the sample stream record of events/ (a new audit entry: the dossier received),
 * against dynoxide and GreenMail: one email, read back from the SMTP server; the same record again sends nothing;
 * with the SMTP server down the record is reported failed (the stream retries it) and the email goes once it is up.
 */
class StatusNotifyHandlerIT {
    static DossierStore store;
    static TestStack.Stack stack;

    @BeforeAll
    static void start() {
        stack = TestStack.get();
        store = DossierStore.fromSettings();
    }

    static String received(String email) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-003").orElseThrow();
        Instant now = Instant.parse("2026-12-01T03:00:00Z");
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, "owner-notify",
                new Applicant("Đặng Văn Hùng", "001099000654", null, null, "0911000654", email), Map.of(), now);
        store.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner-notify"), now);
        store.save(s);
        store.save(s.dossier().handle(new Command.Receive("000.00.12.G17-261201-0007", LocalDate.of(2026, 12, 8), "reception", "MOTCUA",
                LocalDate.of(2026, 12, 2)), Actor.system("validation"), now));
        return c.dossier().id();
    }

    static DynamodbEvent event(String dossierId, String sk) throws Exception {
        String json = Files.readString(Emulators.repoRoot().resolve("events/status-notify-stream.json"))
                .replace("REPLACED-BY-TEST", dossierId).replace("AUDIT#2026-12-01T03:00:00Z#4f2a9c1e", sk);
        java.nio.file.Path tmp = Files.createTempFile("stream", ".json");
        Files.writeString(tmp, json);
        return EventLoader.loadDynamoDbEvent(tmp.toString());
    }

    @Test
    void theSampleRecordSendsOneEmailOnceAndASendThatFailedIsRetried() throws Exception {
        var mail = stack.emulators().mail();
        int before = mail.getReceivedMessages().length;
        String id = received("hung.dang@example.vn");
        try (StatusNotifyHandler handler = new StatusNotifyHandler()) {
            var first = handler.handleRequest(event(id, "AUDIT#2026-12-01T03:00:00Z#4f2a9c1e"), null);
            assertTrue(first.getBatchItemFailures().isEmpty(), first.toString());
            var got = mail.getReceivedMessages();
            assertEquals(before + 1, got.length);
            assertEquals("Đã tiếp nhận hồ sơ 000.00.12.G17-261201-0007", got[got.length - 1].getSubject());
            assertEquals("hung.dang@example.vn", got[got.length - 1].getAllRecipients()[0].toString());
            var again = handler.handleRequest(event(id, "AUDIT#2026-12-01T03:00:00Z#4f2a9c1e"), null);
            assertTrue(again.getBatchItemFailures().isEmpty());
            assertEquals(before + 1, mail.getReceivedMessages().length, "the same record again sends nothing");

            // the SMTP server down: the record fails (retried by the stream), nothing is lost
            String other = received("hung2@example.vn");
            mail.stop();
            try {
                var failed = handler.handleRequest(event(other, "AUDIT#2026-12-01T03:00:00Z#77777777"), null);
                assertEquals(1, failed.getBatchItemFailures().size(), "reported for a retry");
                var d = Table.of(store).notices().deliveries(other);
                assertTrue(d.stream().anyMatch(x -> x.channel().equals("email") && x.state().equals("FAILED")), d.toString());
                assertTrue(d.stream().anyMatch(x -> x.channel().equals("inbox") && x.state().equals("SENT")), d.toString());
            } finally {
                mail.start();
            }
            var retried = handler.handleRequest(event(other, "AUDIT#2026-12-01T03:00:00Z#77777777"), null);
            assertTrue(retried.getBatchItemFailures().isEmpty(), retried.toString());
            var all = mail.getReceivedMessages();
            assertEquals("hung2@example.vn", all[all.length - 1].getAllRecipients()[0].toString());
            assertEquals(1, Table.of(store).notices().inbox("owner-notify", 10).stream()
                    .filter(m -> m.dossierId().equals(other)).count(), "the inbox got it once");
        }
    }
}
