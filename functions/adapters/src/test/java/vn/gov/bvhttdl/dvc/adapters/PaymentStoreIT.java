package vn.gov.bvhttdl.dvc.adapters;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;
import vn.gov.bvhttdl.dvc.domain.ElectronicReceipt;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.ReceiptRules;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The payment ledger's credit and its e-receipt's number against dynoxide, a real DynamoDB-protocol server: the number
 * is taken in the credit's transaction, per collector and calendar year (Hanoi), from 1, without gap or repeat.
 */
class PaymentStoreIT {
    static PaymentStore store;
    static final SecureRandom RANDOM = new SecureRandom();
    final ReceiptRules rules = ReceiptRules.standard();

    @BeforeAll
    static void stack() {
        TestStack.get();
        store = Table.of(DossierStore.fromSettings()).payments();
    }

    /** A collector of its own, so that each run starts its numbering afresh in the shared emulator. */
    static ReceiptRules.Collector collector() {
        return new ReceiptRules.Collector("IT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), new Text("Đơn vị thu thử", "Test collector"),
                "0100000000", true, "TT");
    }

    static String receiptId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder(26);
        for (int i = 0; i < 26; i++) b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        return b.toString();
    }

    /** A pending payment stored, and the same entry credited at {@code at} (not yet written). */
    static Payment pendingThenPaid(Instant at) {
        String ref = "TT" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        Payment pending = new Payment(ref, "dossier-" + ref, "000.00.12.G17-261231-0001", "owner", "CDLQG", "vnpay",
                List.of(new Payment.Line(new Text("Phí thẩm định", "Appraisal fee"), 1_500_000, null)), 1_500_000, Payment.Status.PENDING,
                at.minusSeconds(300), at.plusSeconds(600), null, null, null, null, null, 0);
        store.create(pending);
        Payment.Decision d = pending.apply(new Payment.Notice("vnpay", ref, "TX" + ref, 1_500_000, "VND", Payment.Outcome.SUCCESS, "00"), at);
        return d.next().credited(receiptId());
    }

    ElectronicReceipt credit(Payment paid, ReceiptRules.Collector c) {
        return store.credit(paid, null, ElectronicReceipt.draft(paid, "Trần Thị Bình", rules, c));
    }

    @Test
    void fortyConcurrentCreditsNumberTheirReceiptsOneToFortyWithoutGapOrRepeat() throws Exception {
        ReceiptRules.Collector c = collector();
        Instant at = Instant.parse("2026-08-03T02:00:00Z");
        List<Payment> paid = new ArrayList<>();
        for (int i = 0; i < 40; i++) paid.add(pendingThenPaid(at));
        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<Future<ElectronicReceipt>> done = new ArrayList<>();
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            for (Payment p : paid) done.add(pool.submit(() -> { go.await(); return credit(p, c); }));
            go.countDown();
            Set<Long> numbers = new TreeSet<>();
            for (Future<ElectronicReceipt> f : done) numbers.add(f.get().number());
            assertEquals(LongStream.rangeClosed(1, 40).boxed().toList(), List.copyOf(numbers), "1..40, no gap, no repeat");
        } finally {
            pool.shutdownNow();
        }
        Set<Long> stored = new TreeSet<>();
        for (Payment p : paid) {
            assertEquals(Payment.Status.PAID, store.find(p.reference()).orElseThrow().status(), "each credit written with its receipt");
            ElectronicReceipt r = store.receipt(p.receiptId()).orElseThrow();
            assertEquals(p.reference(), r.paymentReference());
            assertEquals("26TTT", r.receiptSymbol());
            stored.add(r.number());
        }
        assertEquals(40, stored.size(), "the recorded receipts carry the 40 numbers");
    }

    @Test
    void aLostCreditTakesNoNumberAndTheYearRestartsAtOneOnFirstJanuaryInHanoi() {
        ReceiptRules.Collector c = collector();
        Payment first = pendingThenPaid(Instant.parse("2026-12-31T16:59:58Z"));
        ElectronicReceipt one = credit(first, c);
        assertEquals(1, one.number());
        assertEquals(one, store.receipt(first.receiptId()).orElseThrow(), "the structured data by id, as numbered");

        // the same credit again (a second copy that read the pending entry): the version has moved, nothing is taken
        Payment again = first.credited(receiptId());
        assertThrows(ConcurrentChange.class, () -> credit(again, c));
        assertTrue(store.receipt(again.receiptId()).isEmpty());

        ElectronicReceipt two = credit(pendingThenPaid(Instant.parse("2026-12-31T16:59:59Z")), c);
        assertEquals(List.of(2026, 2L), List.of(two.year(), two.number()), "no gap after the lost credit");
        ElectronicReceipt newYear = credit(pendingThenPaid(Instant.parse("2026-12-31T17:00:00Z")), c);
        assertEquals(List.of(2027, 1L, "27TTT"), List.of(newYear.year(), newYear.number(), newYear.receiptSymbol()), "00:00 on 1 January 2027 in Hanoi");
        ElectronicReceipt next = credit(pendingThenPaid(Instant.parse("2027-01-01T03:00:00Z")), c);
        assertEquals(2, next.number());
        ReceiptRules.Collector other = collector();
        assertEquals(1, credit(pendingThenPaid(Instant.parse("2027-01-01T03:00:00Z")), other).number(), "each collector its own numbering");
    }
}
