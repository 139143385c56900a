package vn.gov.bvhttdl.dvc.signing;

import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.application.PaymentReceipts;
import vn.gov.bvhttdl.dvc.documents.PaymentReceiptPdf;

/**
 * The e-receipts' issuer as the functions that credit payments (the providers' callbacks, the reconciliation) wire
 * it: the receipt numbered with the credit drawn by {@link PaymentReceiptPdf}, signed by the unit's key ({@link Signers}, made on the first
 * signature), stored in the results bucket with its structured data beside it, its QR code the public verification address ({@code PUBLIC_BASE_URL}).
 */
public final class PaymentReceiptIssuer {
    private PaymentReceiptIssuer() {}

    public static PaymentReceipts receipts(Table table) {
        PaymentReceiptPdf pdf = new PaymentReceiptPdf(new Signers(), LongTermSigning.receipts());
        return new PaymentReceipts(table.dossiers(), table.payments(), table.results(),
                (receipt, procedure, url) -> {
                    var s = pdf.render(receipt, procedure, url);
                    return new PaymentReceipts.Renderer.Signed(s.pdf(), s.signer());
                }, table.rules(), PaymentReceiptIssuer::verifyUrl);
    }

    /** The public verification page of {@code id}. */
    public static String verifyUrl(String id) {
        String base = Settings.require("PUBLIC_BASE_URL");
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/verify/" + id;
    }
}
