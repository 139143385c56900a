package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryHandOverMarkers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryPayments;
import vn.gov.bvhttdl.dvc.application.fakes.RecordingTaxAuthority;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.ElectronicReceipt;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.ReceiptRules;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/** The hand-over of an e-receipt's data to the tax authority: once per receipt, whatever the deliveries. */
class HandOverReceiptsTest {
    /** 10:00 in Hanoi on 3 Aug 2026. */
    static final Instant ISSUED = Instant.parse("2026-08-03T03:00:00Z");

    static final class MovingClock extends Clock {
        volatile Instant now;
        MovingClock(Instant now) { this.now = now; }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    InMemoryPayments payments;
    RecordingTaxAuthority authority;
    InMemoryHandOverMarkers markers;
    MovingClock clock;
    HandOverReceipts handOver;

    @BeforeEach
    void setUp() {
        payments = new InMemoryPayments(new InMemoryDossiers());
        authority = new RecordingTaxAuthority();
        markers = new InMemoryHandOverMarkers();
        clock = new MovingClock(ISSUED.plusSeconds(60));
        handOver = new HandOverReceipts(payments, authority, markers, clock, Duration.ofMinutes(2));
    }

    /** A payment credited at {@code at}, with its receipt numbered in the same write. */
    ElectronicReceipt credited(Instant at, long amount) {
        String ref = "TT" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        Payment pending = new Payment(ref, "d-" + ref, "000.00.12.G17-260803-0001", "owner", "CDLQG", "vnpay",
                List.of(new Payment.Line(new Text("Phí thẩm định", "Appraisal fee"), amount, null)), amount, Payment.Status.PENDING,
                at.minusSeconds(300), at.plusSeconds(600), null, null, null, null, null, 0);
        payments.create(pending);
        Payment paid = pending.apply(new Payment.Notice("vnpay", ref, "TX" + ref, amount, "VND", Payment.Outcome.SUCCESS, "00"), at)
                .next().credited(UUID.randomUUID().toString().replace("-", "").substring(0, 26));
        ReceiptRules rules = ReceiptRules.standard();
        return payments.credit(paid, null, ElectronicReceipt.draft(paid, "Trần Thị Bình", rules, rules.collector("CDLQG").orElseThrow()));
    }

    @Test
    void aReceiptIsHandedOverWithItsNumberSymbolsTaxCodeAndAmountUnderItsIdAsKey() {
        ElectronicReceipt r = credited(ISSUED, 1_500_000);
        HandOverReceipts.Result res = handOver.handle(r.id());
        assertEquals(HandOverReceipts.Outcome.SENT, res.outcome());
        assertFalse(res.late(), "handed over on the day of issue");
        assertEquals(r.designation(), res.designation());
        assertEquals(1, authority.calls.size());
        RecordingTaxAuthority.Call c = authority.calls.getFirst();
        assertEquals(r, c.receipt(), "the receipt as recorded with its credit");
        assertEquals(r.id(), c.key());
        assertTrue(markers.handedOver(r.id()));
    }

    @Test
    void aRedeliveredReceiptIsNotSentAgain() {
        ElectronicReceipt r = credited(ISSUED, 1_500_000);
        assertEquals(HandOverReceipts.Outcome.SENT, handOver.handle(r.id()).outcome());
        for (int i = 0; i < 3; i++) assertEquals(HandOverReceipts.Outcome.ALREADY, handOver.handle(r.id()).outcome());
        assertEquals(List.of(r.id()), authority.ids());
    }

    @Test
    void concurrentConsumersOfOneReceiptSendItOnce() throws Exception {
        ElectronicReceipt r = credited(ISSUED, 2_000_000);
        CountDownLatch release = new CountDownLatch(1);
        authority.hold = release;
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Object>> all = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < n; i++) {
                all.add(pool.submit(() -> {
                    start.await();
                    try {
                        return handOver.handle(r.id()).outcome();
                    } catch (HandOverReceipts.Unavailable busy) {
                        return "busy";
                    }
                }));
            }
            start.countDown();
            Thread.sleep(300); // every consumer reaches the claim while the first is held inside the call
            release.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : all) outcomes.add(f.get());
            assertEquals(1, outcomes.stream().filter(o -> o == HandOverReceipts.Outcome.SENT).count(), outcomes.toString());
            assertTrue(outcomes.stream().allMatch(o -> o == HandOverReceipts.Outcome.SENT || o == HandOverReceipts.Outcome.ALREADY || "busy".equals(o)));
        } finally {
            pool.shutdownNow();
        }
        authority.hold = null;
        // the busy ones come back later (the queue redelivers them): nothing more is sent
        assertEquals(HandOverReceipts.Outcome.ALREADY, handOver.handle(r.id()).outcome());
        assertEquals(List.of(r.id()), authority.ids());
    }

    @Test
    void theTaxAuthorityDownMeansLaterAndThenOnce() {
        ElectronicReceipt r = credited(ISSUED, 1_500_000);
        authority.answer(new vn.gov.bvhttdl.dvc.application.TaxAuthority.Answer(TaxAuthority.Outcome.TRANSIENT, "HTTP 503"),
                new TaxAuthority.Answer(TaxAuthority.Outcome.TRANSIENT, "no answer within 10 s"));
        assertThrows(HandOverReceipts.Unavailable.class, () -> handOver.handle(r.id()));
        assertThrows(HandOverReceipts.Unavailable.class, () -> handOver.handle(r.id()));
        assertFalse(markers.handedOver(r.id()));
        assertEquals(HandOverReceipts.Outcome.SENT, handOver.handle(r.id()).outcome());
        assertEquals(HandOverReceipts.Outcome.ALREADY, handOver.handle(r.id()).outcome());
        assertEquals(3, authority.calls.size(), "two failed calls and one taken");
        assertEquals(List.of(r.id()), markers.log);
    }

    @Test
    void aRefusalIsPermanentWithItsReasonAndTheReceiptCanBeSentAgainOnceMended() {
        ElectronicReceipt r = credited(ISSUED, 1_500_000);
        authority.answer(new TaxAuthority.Answer(TaxAuthority.Outcome.REFUSED, "HTTP 422 MST không hợp lệ"));
        DomainException e = assertThrows(DomainException.class, () -> handOver.handle(r.id()));
        assertEquals("tax-authority-refused", e.problem());
        assertTrue(e.getMessage().contains("HTTP 422") && e.getMessage().contains(r.designation()), e.getMessage());
        assertFalse(markers.handedOver(r.id()));
        // a redrive from the dead-letter queue once the cause is mended
        assertEquals(HandOverReceipts.Outcome.SENT, handOver.handle(r.id()).outcome());
    }

    @Test
    void anUnknownReceiptOrNoIdIsPermanent() {
        assertEquals("e-receipt-not-found", assertThrows(DomainException.class, () -> handOver.handle("nosuchreceipt")).problem());
        assertEquals("unreadable-message", assertThrows(DomainException.class, () -> handOver.handle(" ")).problem());
        assertTrue(authority.calls.isEmpty());
    }

    @Test
    void aClaimLeftByAConsumerThatDiedRunsOutAndTheReceiptIsSentWithTheSameKey() {
        ElectronicReceipt r = credited(ISSUED, 1_500_000);
        assertTrue(markers.claim(r.id(), "dead-consumer", clock.instant(), clock.instant().plusSeconds(120)));
        assertThrows(HandOverReceipts.Unavailable.class, () -> handOver.handle(r.id()), "claimed by another");
        assertTrue(authority.calls.isEmpty());
        clock.now = clock.instant().plusSeconds(121);
        assertEquals(HandOverReceipts.Outcome.SENT, handOver.handle(r.id()).outcome());
        assertEquals(r.id(), authority.calls.getFirst().key());
    }

    @Test
    void aHandOverAfterTheDayOfIssueIsRecordedLate() {
        ElectronicReceipt r = credited(Instant.parse("2026-08-03T16:59:00Z"), 500_000); // 23:59 in Hanoi
        clock.now = Instant.parse("2026-08-03T17:01:00Z"); // 00:01 the next day
        HandOverReceipts.Result res = handOver.handle(r.id());
        assertEquals(HandOverReceipts.Outcome.SENT, res.outcome());
        assertTrue(res.late());
        assertEquals(List.of(r.id() + " late"), markers.log);
    }

    @Test
    void withoutATaxAuthorityAddressNothingIsSentOrRecorded() {
        ElectronicReceipt r = credited(ISSUED, 1_500_000);
        authority.configured = false;
        assertEquals(HandOverReceipts.Outcome.NOT_CONFIGURED, handOver.handle(r.id()).outcome());
        assertTrue(authority.calls.isEmpty());
        assertFalse(markers.handedOver(r.id()));
        authority.configured = true;
        assertEquals(HandOverReceipts.Outcome.SENT, handOver.handle(r.id()).outcome());
    }
}
