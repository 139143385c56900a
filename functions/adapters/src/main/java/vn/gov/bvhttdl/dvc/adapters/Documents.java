package vn.gov.bvhttdl.dvc.adapters;

/** Where issued documents are kept in the documents bucket (the validation function writes, the API links). */
public final class Documents {
    private Documents() {}

    /** The receipt and appointment slip (form 01) of a dossier. */
    public static String receiptKey(String dossierCode) {
        return "receipts/" + dossierCode + ".pdf";
    }
}
