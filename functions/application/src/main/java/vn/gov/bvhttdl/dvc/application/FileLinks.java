package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Attachment;

import java.net.URI;

/** Short-lived links that open a stored file in the browser. */
public interface FileLinks {
    /** The very version of an accepted upload that the scan judged (a later write to its key is not what is opened). */
    URI open(Attachment accepted);

    /** The receipt and appointment slip (form 01) issued when dossier {@code dossierCode} was received. */
    URI receipt(String dossierCode);

    /** The signed file of a result or e-receipt, under {@code fileName}. */
    URI result(vn.gov.bvhttdl.dvc.domain.IssuedResult r, String fileName);
}
