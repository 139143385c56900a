package vn.gov.bvhttdl.dvc.application;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vn.gov.bvhttdl.dvc.application.fakes.FakeGateway;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;
import static vn.gov.bvhttdl.dvc.application.PaymentGateway.Verdict.*;

/**
 * Any sequence of callbacks, in any order, any number of times, some forged, some for other amounts, currencies or
 * orders, some at once on several threads: each payment is credited at most once, for the amount requested; the
 * dossier is moved to paid at most once; every callback gets the answer its provider expects for it.
 */
class PaymentLedgerPropertyTest {
    /** What a callback is: which of the dossier's two payment requests, what it says, how it is damaged. */
    record Spec(int payment, Payment.Outcome outcome, int damage, int copies) {}

    @Provide
    Arbitrary<List<Spec>> sequences() {
        Arbitrary<Spec> one = Combinators.combine(
                Arbitraries.integers().between(0, 1),
                Arbitraries.of(Payment.Outcome.SUCCESS, Payment.Outcome.SUCCESS, Payment.Outcome.FAILED, Payment.Outcome.PENDING, Payment.Outcome.FRAUD_REVIEW),
                Arbitraries.integers().between(0, 5),   // 0-1 intact, 2 forged, 3 other amount, 4 other currency, 5 unknown order
                Arbitraries.integers().between(1, 3)).as(Spec::new);
        return one.list().ofMinSize(1).ofMaxSize(14);
    }

    @Property(tries = 150)
    void theLedgerCreditsAtMostOnceWhateverArrives(@ForAll("sequences") List<Spec> specs, @ForAll boolean concurrent) throws Exception {
        PaymentsTest t = new PaymentsTest();
        String id = t.awaitingPayment();
        long amount = t.due(id);
        String[] refs = {
                t.start.start(t.owner, id, "vnpay", null, r -> "x", "y").payment().reference(),
                t.start.start(t.owner, id, "vnpay", null, r -> "x", "y").payment().reference()};
        List<Runnable> deliveries = new ArrayList<>();
        List<PaymentGateway.Verdict> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        for (Spec s : specs) {
            String ref = s.damage() == 5 ? "TT000000UNKNOWN1" : refs[s.payment()];
            long amt = s.damage() == 3 ? amount + 100 : amount;
            String currency = s.damage() == 4 ? "USD" : "VND";
            var request = FakeGateway.callback(ref, "TXN" + s.payment(), amt, currency, s.outcome(), s.damage() != 2);
            for (int c = 0; c < s.copies(); c++) {
                deliveries.add(() -> {
                    var v = PaymentsTest.verdictOf(t.callbacks.handle("vnpay", request, "raw"));
                    answers.add(v);
                    // the answer each damaged callback must get, whatever came before it
                    PaymentGateway.Verdict expected = switch (s.damage()) {
                        case 2 -> BAD_SIGNATURE;
                        case 3, 4 -> WRONG_AMOUNT;
                        case 5 -> NOT_FOUND;
                        default -> null;
                    };
                    if (expected != null && v != expected) problems.add(s + " answered " + v + ", expected " + expected);
                    if (expected == null && v != CONFIRMED && v != ALREADY) problems.add(s + " answered " + v);
                });
            }
        }
        if (concurrent) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> fs = new ArrayList<>();
            for (Runnable r : deliveries) fs.add(pool.submit(() -> { go.await(); r.run(); return null; }));
            go.countDown();
            for (Future<?> f : fs) f.get();
            pool.shutdown();
        } else {
            deliveries.forEach(Runnable::run);
        }
        assertEquals(List.of(), problems);
        assertTrue(t.credits(id) <= 1, "the dossier is moved to paid at most once");
        long received = 0;
        for (String ref : refs) {
            Payment p = t.payments.find(ref).orElseThrow();
            if (p.status().received()) {
                received++;
                assertEquals(amount, p.amountVnd());
                assertNotNull(p.transaction());
            }
        }
        // the dossier is paid exactly when some intact success arrived for a payment that was not held or failed first
        boolean anyCredit = t.credits(id) == 1;
        assertEquals(anyCredit, t.dossiers.find(id).orElseThrow().status() == DossierStatus.RECEIVED);
        if (anyCredit) {
            long refundsDue = java.util.Arrays.stream(refs).map(r -> t.payments.find(r).orElseThrow())
                    .filter(p -> p.status() == Payment.Status.REFUND_DUE).count();
            assertEquals(received - 1, refundsDue, "every payment received beyond the one credited is to be refunded");
        } else {
            assertEquals(0, received, "money received but the dossier not paid");
        }
    }
}
