package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryNotices;
import vn.gov.bvhttdl.dvc.application.fakes.PlainRenderer;
import vn.gov.bvhttdl.dvc.application.fakes.RecordingChannel;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/** The applicant is told of each move once per channel, whatever the stream does; a failed send is retried alone. */
class NotifyApplicantTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T03:00:00Z"), ZoneOffset.UTC);
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final InMemoryNotices notices = new InMemoryNotices();
    final RecordingChannel email = new RecordingChannel("email");
    final RecordingChannel sms = new RecordingChannel("sms");
    final NotifyApplicant notify = new NotifyApplicant(dossiers, new BundledRules(), notices, Map.of("email", email, "sms", sms),
            new PlainRenderer(), () -> "https://dichvucong.bvhttdl.gov.vn", clock);

    /** A received DL-003 dossier of owner-n; returns the receive's audit entry. */
    Dossier.Change received(String email) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-003").orElseThrow();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, "owner-n",
                new Applicant("Lê Thị Mai", "001099000321", null, null, "0912000321", email), Map.of(), clock.instant());
        dossiers.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner-n"), clock.instant());
        dossiers.save(s);
        Dossier.Change r = s.dossier().handle(new Command.Receive("000.00.12.G17-261201-0007", LocalDate.of(2026, 12, 8), "reception", "MOTCUA",
                LocalDate.of(2026, 12, 2)), Actor.system("validation"), clock.instant());
        dossiers.save(r);
        return r;
    }

    @Test
    void eachMoveOncePerChannelInTheApplicantsLanguage() {
        Dossier.Change r = received("mai@example.vn");
        NotifyApplicant.Result res = notify.handle(r.event(), "k-receive");
        assertEquals("received", res.kind());
        assertEquals(List.of("inbox", "email"), res.sent(), "SMS is off by default");
        assertEquals("Đã tiếp nhận hồ sơ 000.00.12.G17-261201-0007", email.sent.get(0).subject());
        assertTrue(email.sent.get(0).text().contains("Ngày hẹn trả kết quả: 08/12/2026"), email.sent.get(0).text());
        assertTrue(email.sent.get(0).text().contains("https://dichvucong.bvhttdl.gov.vn/#/dossier/" + r.dossier().id()));
        assertEquals(1, notices.inbox("owner-n", 10).size());
        // the stream delivers it again: nothing more
        assertEquals(List.of(), notify.handle(r.event(), "k-receive").sent());
        assertEquals(1, email.sent.size());
        // a move that is not the applicant's business sends nothing
        AuditEvent assign = new AuditEvent(r.dossier().id(), clock.instant(), "lead", vn.gov.bvhttdl.dvc.domain.Role.OFFICIAL, "assign", null, null, null, Map.of());
        assertSame(NotifyApplicant.Result.NONE, notify.handle(assign, "k-assign"));
        // in English once chosen, and by SMS once switched on
        notices.choose("owner-n", new NoticeStore.Choices(Map.of("sms", true), "en"));
        Dossier.Change sup = r.dossier().handle(new Command.RequestSupplement(List.of("The application form is not signed")), Actor.official("mc", "CDLQG", "MOTCUA", null), clock.instant());
        assertEquals(List.of("inbox", "email", "sms"), notify.handle(sup.event(), "k-sup").sent());
        assertEquals("Dossier 000.00.12.G17-261201-0007: please complete it", email.sent.get(1).subject());
        assertTrue(email.sent.get(1).text().contains("The application form is not signed"));
        assertEquals("0912000321", sms.sent.get(0).to());
    }

    @Test
    void requiredNoticesReachTheEmailEvenWhenItIsSwitchedOff() {
        Dossier.Change r = received("mai@example.vn");
        notices.choose("owner-n", new NoticeStore.Choices(Map.of("email", false, "inbox", false), "vi"));
        assertEquals(List.of(), notify.handle(r.event(), "k1").sent(), "the receipt notice is not required: nothing");
        Dossier.Change refused = r.dossier().handle(new Command.Refuse("Không thuộc thẩm quyền"), Actor.official("mc", "CDLQG", "MOTCUA", null), clock.instant());
        assertEquals(List.of("inbox", "email"), notify.handle(refused.event(), "k2").sent(), "a refusal is always sent (rules/notifications.json)");
        // an address SES reported as bounced: no more email to it, the inbox still
        notices.choose("owner-n", new NoticeStore.Choices(Map.of(), "vi"));
        Dossier.Change bounced = received("bounced@example.vn");
        notices.suppress("Bounced@Example.vn", "Permanent bounce", clock.instant());
        assertEquals(List.of("inbox"), notify.handle(bounced.event(), "k-bounced").sent());
        // without an email address: the inbox only (back to the default choices)
        notices.choose("owner-n", new NoticeStore.Choices(Map.of(), "vi"));
        Dossier.Change other = received(null);
        assertEquals(List.of("inbox"), notify.handle(other.event(), "k3").sent());
    }

    @Test
    void concurrentConsumersOfTheSameEventSendOnce() throws Exception {
        Dossier.Change r = received("mai@example.vn");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<NotifyApplicant.Result>> fs = new ArrayList<>();
        for (int i = 0; i < 16; i++) fs.add(pool.submit(() -> { go.await(); return notify.handle(r.event(), "k-same"); }));
        go.countDown();
        int sentEmail = 0;
        for (var f : fs) sentEmail += f.get().sent().contains("email") ? 1 : 0;
        pool.shutdown();
        assertEquals(1, sentEmail);
        assertEquals(1, email.sent.size());
        assertEquals(1, notices.inbox("owner-n", 10).size());
    }

    @Test
    void aFailedSendIsRetriedAloneAndNeverLost() {
        Dossier.Change r = received("mai@example.vn");
        email.down = true;
        RuntimeException e = assertThrows(RuntimeException.class, () -> notify.handle(r.event(), "k-down"), "the stream is told to retry");
        assertTrue(e.getMessage().contains("unreachable"));
        assertEquals(1, notices.inbox("owner-n", 10).size(), "the inbox got it meanwhile");
        assertEquals("FAILED", notices.deliveries(r.dossier().id()).stream().filter(d -> d.channel().equals("email")).findFirst().orElseThrow().state());
        email.down = false;
        // the stream's retries are over: the schedule resends what failed, once it has been quiet a while
        assertEquals(1, notices.failedDeliveries(10).size());
        ResendNotices resend = new ResendNotices(dossiers, notices, notify, Clock.offset(clock, java.time.Duration.ofMinutes(5)));
        assertEquals(new ResendNotices.Result(1, 1, 0), resend.run());
        assertEquals(List.of(), notices.failedDeliveries(10), "sent: no longer listed");
        assertEquals(new ResendNotices.Result(0, 0, 0), resend.run(), "a second run has nothing to do");
        assertEquals(List.of(), notify.handle(r.event(), "k-down").sent(), "and a late redelivery of the event sends nothing");
        assertEquals(1, email.sent.size());
        assertEquals(1, notices.inbox("owner-n", 10).size());
        assertTrue(notices.deliveries(r.dossier().id()).stream().allMatch(d -> d.state().equals("SENT")));
        assertEquals("m***@example.vn", notices.deliveries(r.dossier().id()).stream().filter(d -> d.channel().equals("email")).findFirst().orElseThrow().to());
    }

    /** A dossier with no e-mail of its own: the notices go to the e-mail of the account that created it. */
    @Test
    void aDossierWithoutEmailIsToldAtTheAccountsEmail() {
        CreateDossier create = new CreateDossier(dossiers, new BundledRules(), notices, clock);
        VerifiedIdentity identity = new VerifiedIdentity("Lê Thị Mai", "001099000321", " mai.account@example.vn ");
        Applicant typed = new Applicant(null, null, null, null, "0912000321", ""); // the e-mail field cleared
        Dossier d = create.create(Actor.citizen("owner-m"), identity, "BVHTTDL-DL-003", typed, Map.of(), null, null).dossier();
        assertNull(d.applicant().email(), "the dossier keeps what was typed");
        assertEquals(java.util.Optional.of("mai.account@example.vn"), notices.accountEmail("owner-m"));
        Dossier.Change s = d.handle(new Command.Submit("{}", 0), Actor.citizen("owner-m"), clock.instant());
        dossiers.save(s);
        Dossier.Change r = s.dossier().handle(new Command.Receive("000.00.12.G17-261201-0008", LocalDate.of(2026, 12, 8), "reception", "MOTCUA",
                LocalDate.of(2026, 12, 2)), Actor.system("validation"), clock.instant());
        dossiers.save(r);
        assertEquals(List.of("inbox", "email"), notify.handle(r.event(), "k-account").sent());
        assertEquals("mai.account@example.vn", email.sent.get(0).to());
        // the dossier's own e-mail comes first
        Dossier.Change own = received("mai@example.vn");
        notify.handle(own.event(), "k-own");
        assertEquals("mai@example.vn", email.sent.get(1).to());
        // an account address that bounced for good is not used either
        notices.suppress("mai.account@example.vn", "bounce", clock.instant());
        Dossier.Change sup = r.dossier().handle(new Command.RequestSupplement(List.of("Thiếu đơn")), Actor.official("mc", "CDLQG", "MOTCUA", null), clock.instant());
        assertEquals(List.of("inbox"), notify.handle(sup.event(), "k-account-2").sent());
        // an owner without a kept address and a dossier without one: the inbox only
        Dossier.Change none = received(null);
        notices.choose("owner-n", new NoticeStore.Choices(Map.of(), "vi"));
        assertEquals(List.of("inbox"), notify.handle(none.event(), "k-none").sent());
        assertTrue(notices.deliveries(none.dossier().id()).stream().anyMatch(x -> x.channel().equals("email") && x.state().equals("SKIPPED")),
                "the e-mail was decided: none to send to");
        // an address known later (the owner signs in with one) does not make a replay of the old event send it
        notices.rememberAccountEmail("owner-n", "mai.later@example.vn");
        int before = email.sent.size();
        assertEquals(List.of(), notify.handle(none.event(), "k-none").sent(), "the replay sends nothing");
        assertEquals(before, email.sent.size());
        // while a new event of the dossier does reach it
        Dossier.Change sup2 = none.dossier().handle(new Command.RequestSupplement(List.of("Thiếu đơn")), Actor.official("mc", "CDLQG", "MOTCUA", null), clock.instant());
        assertEquals(List.of("inbox", "email"), notify.handle(sup2.event(), "k-none-2").sent());
    }
}
