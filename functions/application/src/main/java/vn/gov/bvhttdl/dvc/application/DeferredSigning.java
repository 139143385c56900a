package vn.gov.bvhttdl.dvc.application;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Port of the {@link Signer} family for a signature made <em>outside</em> the server, in two phases (issue #25 item 3):
 * officials sign with their own certificate of the Government Cipher Committee, on a token or through a remote-signing
 * service, never with a key the server holds. {@link #prepare} draws the signature box and reserves the signature's
 * place, and answers the digest the official's device must sign (PAdES: the SHA-256 of the CMS signed attributes);
 * {@link #complete} embeds the signature that came back and checks it. {@code documents.DeferredPades} implements it.
 */
public interface DeferredSigning {
    /**
     * A PDF ready for the official's signature.
     *
     * @param pdf    the file with the signature's place reserved (kept by the server until the signature comes back)
     * @param digest what the official's device signs: SHA-256 of the DER of the CMS signed attributes
     */
    record Prepared(byte[] pdf, byte[] digest) {}

    /** Whether {@code bytes} are a PDF that can be opened (a scan that is not one is refused). */
    boolean isPdf(byte[] bytes);

    /**
     * Prepares {@code pdf} for the signature of the certificate {@code chain} (signer first): a visible box at the top
     * left of the first page with {@code signerName} and the time {@code at}, the signature dictionary (its {@code M}
     * is {@code at}) and the digest to sign.
     *
     * @throws vn.gov.bvhttdl.dvc.domain.DomainException INVALID {@code not-a-pdf} when {@code pdf} is not one
     */
    Prepared prepare(byte[] pdf, List<X509Certificate> chain, String signerName, Instant at, String reason);

    /**
     * Embeds {@code signature} (made by the device over {@code digest}) into {@code prepared} and checks the result
     * verifies: a signature over another digest, or by another certificate than the one prepared for, is refused.
     *
     * @throws vn.gov.bvhttdl.dvc.domain.DomainException INVALID {@code signature-mismatch} when it does not verify
     */
    byte[] complete(byte[] prepared, List<X509Certificate> chain, byte[] signature, byte[] digest);
}
