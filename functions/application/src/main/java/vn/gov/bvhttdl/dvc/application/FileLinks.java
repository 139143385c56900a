package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Attachment;

import java.net.URI;

/** Short-lived links that open a stored file in the browser. */
public interface FileLinks {
    /** The very version of an accepted upload that the scan judged (a later write to its key is not what is opened). */
    URI open(Attachment accepted);
}
