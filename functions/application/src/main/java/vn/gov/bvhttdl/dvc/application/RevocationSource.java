package vn.gov.bvhttdl.dvc.application;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Where the revocation data of certificates comes from (CRLs, DER), to embed in a signed file with its validation
 * material (PAdES B-LT): offline the development CA's CRL, on AWS what the certificates' CRL distribution points serve.
 */
public interface RevocationSource {
    /** The DER of the CRLs that say whether each of {@code certificates} is revoked (what could be had; may be empty). */
    List<byte[]> crls(List<X509Certificate> certificates);

    RevocationSource NONE = certificates -> List.of();
}
