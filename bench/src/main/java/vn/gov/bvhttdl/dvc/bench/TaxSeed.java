package vn.gov.bvhttdl.dvc.bench;

import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.domain.ElectronicReceipt;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.ReceiptRules;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fresh data for the tax hand-over's samples: a new receipt id on the outbox's stream record, and a fee credited now
 * (its e-receipt numbered and recorded with the credit, as the ledger does) for the hand-over's message; the tax
 * authority's stand-in is a {@link NationalSeed.Portal} (it answers {@code {"error_code":"0"}} and keeps the keys), so
 * that each hand-over sample is checked to have sent.
 */
final class TaxSeed {
    private TaxSeed() {}

    /** The sample stream record of a new e-receipt id. */
    static String outboxEvent(Path root) {
        return NoticeSeed.read(root, "tax-outbox-stream.json").replace("REPLACED-BY-TEST", UUID.randomUUID().toString().replace("-", "").substring(0, 26));
    }

    /** The sample hand-over message of a receipt credited now; the stand-in expects its id as the key. */
    static String handOverEvent(Path root, DossierStore store, NationalSeed.Portal authority) {
        var payments = Table.of(store).payments();
        Instant at = Instant.now();
        String ref = "TT" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        Payment pending = new Payment(ref, "bench-" + ref, "000.00.12.G17-261206-0001", "bench-tax", "CDLQG", "vnpay",
                List.of(new Payment.Line(new Text("Phí thẩm định", "Appraisal fee"), 2_000_000, null)), 2_000_000, Payment.Status.PENDING,
                at.minusSeconds(300), at.plusSeconds(600), null, null, null, null, null, 0);
        payments.create(pending);
        Payment paid = pending.apply(new Payment.Notice("vnpay", ref, "TX" + ref, 2_000_000, "VND", Payment.Outcome.SUCCESS, "00"), at)
                .next().credited(UUID.randomUUID().toString().replace("-", "").substring(0, 26));
        ReceiptRules rules = ReceiptRules.standard();
        ElectronicReceipt r = payments.credit(paid, null, ElectronicReceipt.draft(paid, "Bench", rules, rules.collector("CDLQG").orElseThrow()));
        authority.expect(r.id());
        return NoticeSeed.read(root, "tax-handover-message.json").replace("REPLACED-BY-TEST", r.id());
    }
}
