package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.TaxAuthority;
import vn.gov.bvhttdl.dvc.domain.ElectronicReceipt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** The tax authority as a recorder: what it took (receipt designation and key), the answers it is told to give. */
public final class RecordingTaxAuthority implements TaxAuthority {
    /** One call: the receipt and its idempotency key. */
    public record Call(ElectronicReceipt receipt, String key) {}

    public final List<Call> calls = new ArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();
    public volatile boolean configured = true;
    /** When set, each call waits for it (to hold a consumer inside the call). */
    public volatile CountDownLatch hold;

    /** The next answers, in order (then DONE). */
    public synchronized void answer(Answer... next) { answers.addAll(List.of(next)); }

    @Override
    public boolean configured() { return configured; }

    @Override
    public Answer send(ElectronicReceipt receipt, String key) {
        CountDownLatch h = hold;
        if (h != null) {
            try {
                h.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            Answer a = answers.isEmpty() ? Answer.done() : answers.poll();
            calls.add(new Call(receipt, key));
            return a;
        }
    }

    /** The calls that were answered DONE are not told apart here: the receipts' ids of every call, in order. */
    public synchronized List<String> ids() { return calls.stream().map(c -> c.receipt().id()).toList(); }
}
