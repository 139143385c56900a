package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Procedure;

import java.time.Instant;
import java.util.List;

/** Port: renders the receipt and appointment slip (form 01) and keeps it (OpenPDF + S3). */
public interface Receipts {
    /** Renders the receipt of {@code received} with the files it lists and the look-up key, and stores it. */
    void issue(Dossier received, Procedure procedure, List<Attachment> files, String lookupKey, Instant issuedAt);
}
