package vn.gov.bvhttdl.dvc.application;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Port: the competent unit's signing key (an AWS KMS asymmetric key on AWS — the private key never leaves KMS — and
 * a development key under a development CA offline). The results are signed through it.
 */
public interface Signer {
    /** The signer's certificate first, then the certificates of its issuers up to the root. */
    List<X509Certificate> chain();

    /** The JCA name of the signature algorithm, e.g. {@code SHA256withRSA}. */
    String algorithm();

    /** The signature of {@code data} (the key hashes it with SHA-256 as {@link #algorithm()} says). */
    byte[] sign(byte[] data);
}
