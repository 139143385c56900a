package vn.gov.bvhttdl.dvc.resend;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.adapters.NoticeTable;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;
import vn.gov.bvhttdl.dvc.notifications.Notifier;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The resend function fed the sample scheduled event of events/, against dynoxide and GreenMail: a notice whose email
 * failed while the SMTP server was down (the stream's retries over) is sent once the server is back, once.
 */
class NoticeResendHandlerIT {
    static TestStack.Stack stack;
    static DossierStore store;

    @BeforeAll
    static void start() {
        stack = TestStack.get();
        System.setProperty("RESEND_QUIET_SECONDS", "0");
        store = DossierStore.fromSettings();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDeliveryThatFailedIsSentOnceTheServerIsBack() throws Exception {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-003").orElseThrow();
        Instant now = Instant.now();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, "owner-resend",
                new Applicant("Tạ Thị Yến", "001099000444", null, null, "0911000444", "yen.ta@example.vn"), Map.of(), now);
        store.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner-resend"), now);
        store.save(s);
        Dossier.Change r = s.dossier().handle(new Command.Receive("000.00.12.G17-261201-0555", LocalDate.now().plusDays(7), "reception", "MOTCUA",
                LocalDate.now().plusDays(1)), Actor.system("validation"), now);
        store.save(r);
        var notify = Notifier.fromSettings(Table.of(store));
        var mail = stack.emulators().mail();
        mail.stop();
        try {
            assertThrows(RuntimeException.class, () -> notify.handle(r.event(), r.dossier().id() + "/AUDIT#resend"));
        } finally {
            mail.start();
        }
        NoticeTable notices = Table.of(store).notices();
        assertTrue(notices.failedDeliveries(100).stream().anyMatch(f -> f.dossierId().equals(r.dossier().id())), "listed for the resend");
        int before = mail.getReceivedMessages().length;
        Map<String, Object> scheduled = (Map<String, Object>) Json.parse(Files.readString(Emulators.repoRoot().resolve("events/notice-resend-scheduled.json")));
        try (NoticeResendHandler handler = new NoticeResendHandler()) {
            Map<String, Object> first = handler.handleRequest(scheduled, null);
            assertTrue(((Number) first.get("sent")).intValue() >= 1, first.toString());
            var got = mail.getReceivedMessages();
            assertEquals(before + 1, got.length);
            assertEquals("yen.ta@example.vn", got[got.length - 1].getAllRecipients()[0].toString());
            assertFalse(notices.failedDeliveries(100).stream().anyMatch(f -> f.dossierId().equals(r.dossier().id())), "no longer listed");
            handler.handleRequest(scheduled, null);
            assertEquals(before + 1, mail.getReceivedMessages().length, "a second run sends nothing");
        }
    }
}
