package vn.gov.bvhttdl.dvc.documents;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * An official's development token (offline only, {@link LocalKeySigner#officialToken}): like a USB token or a
 * remote-signing service it signs a SHA-256 digest it is given (RSA PKCS#1 v1.5 over the DigestInfo) and tells its
 * certificate chain; the private key never leaves it.
 */
public final class DevelopmentToken {
    private final PrivateKey key;
    private final List<X509Certificate> chain;

    DevelopmentToken(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    /** The official's certificate first, then the development CA's. */
    public List<X509Certificate> chain() { return chain; }

    /** The signature over {@code sha256} (32 bytes), as a token's "sign hash" call makes it. */
    public byte[] signDigest(byte[] sha256) {
        if (sha256 == null || sha256.length != 32) throw new IllegalArgumentException("a SHA-256 digest");
        try {
            byte[] info = new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE), sha256).getEncoded("DER");
            Signature s = Signature.getInstance("NONEwithRSA");
            s.initSign(key);
            s.update(info);
            return s.sign();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
