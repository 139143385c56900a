package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Payment;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.util.List;
import java.util.Locale;

/**
 * The e-receipt of a credited payment: drawn and signed when the payment is credited ({@link #issue}, by the
 * functions that credit payments: the providers' callbacks and the reconciliation), stored once under the
 * verification address the ledger gave the payment (two issuers at once store one), verifiable from its QR code like
 * a result; the applicant reads it ({@link #receipt}) through a function that cannot sign.
 */
public final class PaymentReceipts {
    /** Draws and signs the receipt. */
    public interface Renderer {
        record Signed(byte[] pdf, String signer) {}

        Signed render(Payment p, String number, String agencyName, String payerName, String procedureName, String verifyUrl);
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
     * drawn, signed and stored now. Empty for a payment that was not credited.
     */
    public java.util.Optional<IssuedResult> issue(String reference) {
        if (renderer == null) throw new IllegalStateException("this PaymentReceipts only reads receipts");
        var credited = credited(reference);
        if (credited.isEmpty()) return java.util.Optional.empty();
        Payment p = credited.get();
        var existing = results.find(p.receiptId());
        if (existing.isPresent()) return existing;
        Dossier d = dossiers.find(p.dossierId()).orElseThrow(() -> new IllegalStateException("payment " + p.reference() + " names no dossier"));
        Procedure proc = rules.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null);
        String agency = proc == null ? d.agencyCode() : proc.agencyName().vi();
        String number = "BL-" + p.reference();
        String payer = d.applicant() == null ? null : d.applicant().fullName();
        List<IssuedResult.Line> face = List.of(
                new IssuedResult.Line("Người nộp", payer == null ? "" : payer),
                new IssuedResult.Line("Hồ sơ", d.code() == null ? "" : d.code()),
                new IssuedResult.Line("Số tiền", String.format(Locale.ROOT, "%,d", p.amountVnd()).replace(',', '.') + " đồng"),
                new IssuedResult.Line("Kênh thanh toán", p.provider() + " " + (p.transaction() == null ? "" : p.transaction())));
        IssuedResult draft = new IssuedResult(p.receiptId(), number, 0, d.id(), d.code(), d.procedureCode(), d.procedureVersion(), d.agencyCode(),
                new Text("Biên lai thu phí, lệ phí điện tử", "Electronic receipt of fees"), face, p.settledAt(), null, null, null,
                IssuedResult.Status.VALID, null, null, null);
        Renderer.Signed signed = renderer.render(p, number, agency, payer, proc == null ? d.procedureCode() : proc.name().vi(), verifyUrl.apply(p.receiptId()));
        IssuedResult r = draft.withSignature(IssueResult.sha256(signed.pdf()), signed.signer());
        try {
            results.storeDocument(r, signed.pdf());
            return java.util.Optional.of(r);
        } catch (vn.gov.bvhttdl.dvc.domain.ConcurrentChange e) {
            return java.util.Optional.of(results.find(p.receiptId()).orElseThrow(() -> e)); // another issuer stored it first
        }
    }
}
