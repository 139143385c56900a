package vn.gov.bvhttdl.dvc.signing;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import vn.gov.bvhttdl.dvc.application.Signer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The unit's signing key in AWS KMS (an asymmetric RSA key, {@code SIGN_VERIFY}): the data is hashed here and KMS
 * signs the digest ({@code RSASSA_PKCS1_V1_5_SHA_256}, message type DIGEST), so the private key never leaves KMS.
 * The certificate chain issued for the key's public key is read from an SSM parameter (PEM, the unit's first).
 */
public final class KmsSigner implements Signer {
    private final KmsClient kms;
    private final String keyId;
    private final List<X509Certificate> chain;

    public KmsSigner(KmsClient kms, String keyId, String chainPem) {
        this.kms = kms;
        this.keyId = keyId;
        this.chain = parse(chainPem);
    }

    static List<X509Certificate> parse(String pem) {
        try {
            return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(c -> (X509Certificate) c).toList();
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException("the signing certificate chain is not PEM certificates: " + e.getMessage(), e);
        }
    }

    @Override
    public List<X509Certificate> chain() { return chain; }

    @Override
    public String algorithm() { return "SHA256withRSA"; }

    @Override
    public byte[] sign(byte[] data) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return kms.sign(b -> b.keyId(keyId).message(SdkBytes.fromByteArray(digest)).messageType(MessageType.DIGEST)
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256)).signature().asByteArray();
    }
}
