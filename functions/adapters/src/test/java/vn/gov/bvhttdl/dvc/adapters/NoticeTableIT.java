package vn.gov.bvhttdl.dvc.adapters;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.NoticeStore;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The account's e-mail kept in the owner's profile, apart from the choices; the inbox by time. */
class NoticeTableIT {
    static NoticeTable notices;

    @BeforeAll
    static void stack() {
        TestStack.get();
        notices = new NoticeTable(AwsClients.dynamo(), Settings.require("TABLE_NAME"));
    }

    @Test
    void theAccountsEmailIsKeptApartFromTheChoices() {
        String owner = "owner-" + UUID.randomUUID();
        assertEquals(Optional.empty(), notices.accountEmail(owner));
        notices.rememberAccountEmail(owner, "an@example.vn");
        assertEquals(new NoticeStore.Choices(Map.of(), "vi"), notices.choices(owner), "no choices made yet");
        notices.choose(owner, new NoticeStore.Choices(Map.of("sms", true), "en"));
        assertEquals(Optional.of("an@example.vn"), notices.accountEmail(owner), "a change of the choices keeps it");
        notices.rememberAccountEmail(owner, "an.moi@example.vn");
        assertEquals(Optional.of("an.moi@example.vn"), notices.accountEmail(owner));
        assertEquals(new NoticeStore.Choices(Map.of("sms", true), "en"), notices.choices(owner), "and keeping it keeps the choices");
    }

    @Test
    void theInboxIsNewestFirstWhateverTheWidthOfTheMoment() {
        String owner = "owner-" + UUID.randomUUID();
        Instant t10 = Instant.parse("2026-03-02T03:00:10Z");
        Instant t10_1 = Instant.parse("2026-03-02T03:00:10.100Z");
        notices.deliver(new NoticeStore.InboxMessage(owner, "e1", "d", null, "received", "s1", "t1", t10, false));
        notices.deliver(new NoticeStore.InboxMessage(owner, "e2", "d", null, "fees", "s2", "t2", t10_1, false));
        List<NoticeStore.InboxMessage> box = notices.inbox(owner, 10);
        assertEquals(List.of("s2", "s1"), box.stream().map(NoticeStore.InboxMessage::subject).toList());
        assertEquals(t10, box.get(1).at());
        assertTrue(box.get(1).id().startsWith("2026-03-02T03:00:10.000000000Z_"), box.get(1).id());
    }
}
