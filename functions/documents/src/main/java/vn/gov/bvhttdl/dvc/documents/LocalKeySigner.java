package vn.gov.bvhttdl.dvc.documents;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.gov.bvhttdl.dvc.application.Signer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The development signer: a development CA and a unit certificate it issued, created on first use in a folder (the
 * offline stack's data folder) and kept there in a PKCS#12 file; the CA's certificate is also written as
 * {@code ca.pem} so that anyone can check a result against it. Never used on AWS, where KMS holds the key.
 */
public final class LocalKeySigner implements Signer {
    static final String STORE = "unit-signing.p12";
    static final String CA_PEM = "ca.pem";
    private static final char[] PASSWORD = "dev-only".toCharArray();

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    private LocalKeySigner(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = chain;
    }

    /** The signer kept in {@code dir}, created there (CA, unit key and certificate) if it is not there yet. */
    public static synchronized LocalKeySigner in(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(STORE);
            if (!Files.exists(file)) create(dir, file);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                ks.load(in, PASSWORD);
            }
            Certificate[] certs = ks.getCertificateChain("unit");
            List<X509Certificate> chain = java.util.Arrays.stream(certs).map(c -> (X509Certificate) c).toList();
            return new LocalKeySigner((PrivateKey) ks.getKey("unit", PASSWORD), chain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("development signing key in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The development CA's certificate as PEM (what the runner publishes at /dev/ca.pem). */
    public String caPem() {
        return pem(chain.get(chain.size() - 1));
    }

    private static void create(Path dir, Path file) throws GeneralSecurityException, IOException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(3072, new SecureRandom());
        KeyPair ca = gen.generateKeyPair();
        KeyPair unit = gen.generateKeyPair();
        Instant now = Instant.now();
        X500Name caName = new X500Name("CN=DVC Development CA (offline only),O=Bo Van hoa The thao va Du lich (dev),C=VN");
        X500Name unitName = new X500Name("CN=Cuc Du lich Quoc gia Viet Nam (dev),O=Bo Van hoa The thao va Du lich (dev),C=VN");
        X509Certificate caCert = certificate(caName, caName, ca.getPublic(), ca.getPrivate(), now, Duration.ofDays(3650), true);
        X509Certificate unitCert = certificate(unitName, caName, unit.getPublic(), ca.getPrivate(), now, Duration.ofDays(1825), false);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("unit", unit.getPrivate(), PASSWORD, new Certificate[]{unitCert, caCert});
        Path tmp = dir.resolve(STORE + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ks.store(out, PASSWORD);
        }
        Files.writeString(dir.resolve(CA_PEM), pem(caCert));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static X509Certificate certificate(X500Name subject, X500Name issuer, java.security.PublicKey key, PrivateKey issuerKey,
                                               Instant from, Duration life, boolean ca) throws GeneralSecurityException {
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                    Date.from(from.minus(Duration.ofMinutes(5))), Date.from(from.plus(life)), subject, key);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.cert.CertIOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    static String pem(X509Certificate c) {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter p = new JcaPEMWriter(w)) {
            p.writeObject(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    @Override
    public List<X509Certificate> chain() { return chain; }

    @Override
    public String algorithm() { return "SHA256withRSA"; }

    @Override
    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance(algorithm());
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
