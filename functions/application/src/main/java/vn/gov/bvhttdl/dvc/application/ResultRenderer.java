package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.IssuedResult;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Signature;

/** Port: renders a result as PDF and signs it with the unit's key (PAdES). */
public interface ResultRenderer {
    /** The signed file and the name of who signed it. */
    record Signed(byte[] pdf, String signer) {}

    /**
     * What is printed beside the face: who signs (with KT./TL. and both names when on behalf of a superior) and, for
     * a correction, which result it corrects and why (null otherwise). The leader's approval note is internal and is
     * never printed.
     */
    record Printed(Signature signature, String correction) {}

    Signed render(IssuedResult result, Procedure procedure, String verifyUrl, Printed printed);
}
