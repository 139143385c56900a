package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Procedure;

/** Port: renders a result as PDF and signs it with the unit's key (PAdES). */
public interface ResultRenderer {
    /** The signed file and the name of who signed it. */
    record Signed(byte[] pdf, String signer) {}

    Signed render(IssuedResult result, Procedure procedure, String verifyUrl, String decisionNote);
}
