package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.ElectronicReceipt;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.util.List;
import java.util.Locale;

/**
 * The e-receipt of a credited payment: numbered and recorded with the credit itself ({@link PaymentLedger},
 * {@link Payments#credit}: Decree 254/2026/NĐ-CP Art 24(1), at the time of collection), then drawn from those data and
 * signed ({@link #issue}, by the functions that credit payments: the providers' callbacks and the reconciliation,
 * which also catches up a receipt whose signing failed), stored once under the
 * verification address the ledger gave the payment (two issuers at once store one), verifiable from its QR code like
 * a result; the applicant reads it ({@link #receipt}) through a function that cannot sign.
 */
public final class PaymentReceipts {
    /** Draws and signs the receipt. */
    public interface Renderer {
        record Signed(byte[] pdf, String signer) {}

        /** The receipt {@code receipt} (numbered) drawn and signed; {@code procedureName} is added information. */
        Signed render(ElectronicReceipt receipt, String procedureName, String verifyUrl);
    }

    private final Dossiers dossiers;
    private final Payments payments;
    private final Results results;
    private final Renderer renderer;
    private final Rules rules;
    private final java.util.function.Function<String, String> verifyUrl;

    public PaymentReceipts(Dossiers dossiers, Payments payments, Results results, Renderer renderer, Rules rules,
                           java.util.function.Function<String, String> verifyUrl) {
        this.dossiers = dossiers;
        this.payments = payments;
        this.results = results;
        this.renderer = renderer;
        this.rules = rules;
        this.verifyUrl = verifyUrl;
    }

    /** Only reads receipts (the applicant's function, which holds no signing key). */
    public PaymentReceipts(Dossiers dossiers, Payments payments, Results results) {
        this(dossiers, payments, results, null, null, null);
    }

    /**
     * The receipt's record (its file is {@link Results#file}); NOT_FOUND unless the applicant's payment was received,
     * and NOT_FOUND {@code receipt-pending} while its receipt is being issued.
     */
    public IssuedResult receipt(Actor applicant, String dossierId, String reference) {
        Dossier d = Access.owned(dossiers, applicant, dossierId);
        Payment p = credited(reference).filter(x -> x.dossierId().equals(d.id())).orElseThrow(() -> noReceipt(reference));
        return results.find(p.receiptId()).orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "receipt-pending", new Text(
                "Biên lai của khoản thanh toán " + Limits.clip(reference) + " đang được phát hành; vui lòng thử lại sau ít phút.",
                "The receipt of payment " + Limits.clip(reference) + " is being issued; please try again in a few minutes.")));
    }

    /**
     * Where the receipt of {@code p} stands, for the lists that offer it: {@code ISSUED} once its signed file is stored
     * (and only then is it offered), {@code ISSUING} while a credited payment's receipt is still being drawn and signed,
     * {@code NONE} for a payment that was not credited.
     */
    public ReceiptState state(Payment p) {
        if (!p.status().received() || p.receiptId() == null) return ReceiptState.NONE;
        return results.find(p.receiptId()).isPresent() ? ReceiptState.ISSUED : ReceiptState.ISSUING;
    }

    /** See {@link #state}. */
    public enum ReceiptState { NONE, ISSUING, ISSUED }

    private java.util.Optional<Payment> credited(String reference) {
        return payments.find(reference).filter(x -> x.status().received() && x.receiptId() != null);
    }

    private static DomainException noReceipt(String reference) {
        return DomainException.of("receipt-not-found", "ref", reference);
    }

    /**
     * The receipts of the credited payments ({@code PAID}, up to {@code limit}): each {@link #issue}d, a failure handed
     * to {@code failed} and the others issued all the same (the reconciliation's sweep after the callbacks). Returns
     * how many have their receipt now.
     */
    public int issueCredited(int limit, java.util.function.Consumer<RuntimeException> failed) {
        int issued = 0;
        for (Payment p : payments.inStatus(Payment.Status.PAID, limit)) {
            try {
                if (issue(p.reference()).isPresent()) issued++;
            } catch (RuntimeException e) {
                failed.accept(e);
            }
        }
        return issued;
    }

    /**
     * Issues the receipt of the credited payment {@code reference} once: its record if it was issued already, else
     * drawn from the receipt data recorded with the credit (number, symbols, collector: {@link Payments#receipt}),
     * signed and stored now, its structured data (XML) beside the signed file. Empty for a payment that was not
     * credited.
     */
    public java.util.Optional<IssuedResult> issue(String reference) {
        if (renderer == null) throw new IllegalStateException("this PaymentReceipts only reads receipts");
        var credited = credited(reference);
        if (credited.isEmpty()) return java.util.Optional.empty();
        Payment p = credited.get();
        var existing = results.find(p.receiptId());
        if (existing.isPresent()) return existing;
        ElectronicReceipt e = payments.receipt(p.receiptId()).orElseThrow(() -> new IllegalStateException(
                "payment " + p.reference() + " was credited without its e-receipt's data"));
        Dossier d = dossiers.find(p.dossierId()).orElseThrow(() -> new IllegalStateException("payment " + p.reference() + " names no dossier"));
        Procedure proc = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null);
        List<IssuedResult.Line> face = List.of(
                new IssuedResult.Line("Ký hiệu mẫu biên lai", e.formSymbol()),
                new IssuedResult.Line("Ký hiệu biên lai", e.receiptSymbol()),
                new IssuedResult.Line("Số", e.numberText()),
                new IssuedResult.Line("Đơn vị thu", e.collectorName().vi()),
                new IssuedResult.Line("Mã số thuế", e.collectorTaxCode()),
                new IssuedResult.Line("Người nộp", e.payerName() == null ? "" : e.payerName()),
                new IssuedResult.Line("Hồ sơ", d.code() == null ? "" : d.code()),
                new IssuedResult.Line("Số tiền", String.format(Locale.ROOT, "%,d", e.totalVnd()).replace(',', '.') + " đồng"),
                new IssuedResult.Line("Bằng chữ", e.totalInWords()),
                new IssuedResult.Line("Kênh thanh toán", p.provider() + " " + (p.transaction() == null ? "" : p.transaction())));
        IssuedResult draft = new IssuedResult(p.receiptId(), e.designation(), 0, d.id(), d.code(), d.procedureCode(), d.procedureVersion(), d.agencyCode(),
                new Text("Biên lai thu phí, lệ phí điện tử", "Electronic receipt of fees"), face, e.issuedAt(), null, null, null,
                IssuedResult.Status.VALID, null, null, null);
        Renderer.Signed signed = renderer.render(e, proc == null ? d.procedureCode() : proc.name().vi(), verifyUrl.apply(p.receiptId()));
        IssuedResult r = draft.withSignature(IssueResult.sha256(signed.pdf()), signed.signer());
        results.storeDocumentData(p.receiptId(), e.toXml().getBytes(java.nio.charset.StandardCharsets.UTF_8)); // before the record: issued means both are there
        try {
            results.storeDocument(r, signed.pdf());
            return java.util.Optional.of(r);
        } catch (vn.gov.bvhttdl.dvc.domain.ConcurrentChange ce) {
            return java.util.Optional.of(results.find(p.receiptId()).orElseThrow(() -> ce)); // another issuer stored it first
        }
    }

    /** A payment as the pages list it: with where its receipt stands and, once credited, the receipt's number and symbols. */
    public PaymentLine line(Payment p) {
        ReceiptState state = state(p);
        ElectronicReceipt e = state == ReceiptState.NONE ? null : payments.receipt(p.receiptId()).orElse(null);
        return new PaymentLine(p, state, e);
    }
}
