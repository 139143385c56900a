package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.Payments;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.ElectronicReceipt;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Payments port in memory, with the store's guarantees: a reference is created once; a change is written only
 * from the version read; a provider transaction credits one payment; the dossier's move is written with the credit
 * or not at all (one lock around both checks and both writes).
 */
public final class InMemoryPayments implements Payments {
    private final InMemoryDossiers dossiers;
    private final Map<String, Payment> ledger = new HashMap<>();
    private final Set<String> claimed = new HashSet<>();
    private final Set<String> settled = new HashSet<>();
    public final List<String[]> callbacks = new ArrayList<>();

    public InMemoryPayments(InMemoryDossiers dossiers) { this.dossiers = dossiers; }

    @Override
    public synchronized void create(Payment p) {
        if (ledger.containsKey(p.reference())) throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("payment reference " + p.reference());
        ledger.put(p.reference(), p);
    }

    @Override
    public synchronized Optional<Payment> find(String reference) { return Optional.ofNullable(reference == null ? null : ledger.get(reference)); }

    @Override
    public synchronized List<Payment> ofDossier(String dossierId) {
        return ledger.values().stream().filter(p -> p.dossierId().equals(dossierId)).sorted(Comparator.comparing(Payment::createdAt)).toList();
    }

    @Override
    public void save(Payment next, Dossier.Change move) {
        credit(next, move, null);
    }

    /** The e-receipts recorded with the credits, by id. */
    private final Map<String, ElectronicReceipt> receipts = new HashMap<>();
    /** The last number of each collector's year. */
    private final Map<String, Long> counters = new HashMap<>();

    @Override
    public ElectronicReceipt credit(Payment next, Dossier.Change move, ElectronicReceipt draft) {
        synchronized (dossiers) { // the dossiers' own lock: the move and the credit are one change
            synchronized (this) {
                Payment now = ledger.get(next.reference());
                if (now == null || now.version() != next.version() - 1) {
                    throw new vn.gov.bvhttdl.dvc.domain.ConcurrentChange("payment " + next.reference());
                }
                String txn = next.provider() + "#" + next.transaction();
                boolean claim = next.status() == Payment.Status.PAID && next.transaction() != null && !next.transaction().isBlank();
                if (claim && claimed.contains(txn)) {
                    throw new DomainException(DomainException.Kind.REFUSED, "transaction-used", new Text("Đã dùng.", "Used."));
                }
                if (move != null) dossiers.save(move); // throws ConcurrentChange before anything here is written
                if (claim) claimed.add(txn);
                ledger.put(next.reference(), next);
                if (draft == null) return null;
                if (receipts.containsKey(draft.id())) throw new IllegalStateException("receipt " + draft.id() + " recorded twice");
                ElectronicReceipt numbered = draft.numbered(counters.merge(draft.collectorCode() + "#" + draft.year(), 1L, Long::sum));
                receipts.put(numbered.id(), numbered);
                return numbered;
            }
        }
    }

    @Override
    public synchronized Optional<ElectronicReceipt> receipt(String receiptId) {
        return Optional.ofNullable(receiptId == null ? null : receipts.get(receiptId));
    }

    /** Every e-receipt recorded. */
    public synchronized List<ElectronicReceipt> receipts() { return List.copyOf(receipts.values()); }

    @Override
    public synchronized String recordCallback(String provider, String reference, String raw, Instant at) {
        callbacks.add(new String[]{provider, reference, raw, null});
        return Integer.toString(callbacks.size() - 1);
    }

    @Override
    public synchronized void callbackVerdict(String provider, String reference, String id, String verdict) {
        callbacks.get(Integer.parseInt(id))[3] = verdict;
    }

    @Override
    public synchronized List<Payment> inStatus(Payment.Status status, int limit) {
        return ledger.values().stream().filter(p -> p.status() == status && !(status == Payment.Status.PAID && settled.contains(p.reference())))
                .sorted(Comparator.comparing(Payment::createdAt)).limit(limit).toList();
    }

    @Override
    public synchronized void settle(Payment paid) { settled.add(paid.reference()); }
}
