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
 * {@code ca.pem} so that anyone can check a result against it. The same CA issues the development TSA's certificate
 * ({@link #tsa}) and publishes a CRL ({@link #crl}). Never used on AWS, where KMS holds the key.
 */
public final class LocalKeySigner implements Signer {
    static final String STORE = "unit-signing.p12";
    static final String CA_PEM = "ca.pem";
    private static final char[] PASSWORD = "dev-only".toCharArray();

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final PrivateKey caKey;
    private final PrivateKey tsaKey;
    private final List<X509Certificate> tsaChain;

    private LocalKeySigner(PrivateKey key, List<X509Certificate> chain, PrivateKey caKey, PrivateKey tsaKey, List<X509Certificate> tsaChain) {
        this.key = key;
        this.chain = chain;
        this.caKey = caKey;
        this.tsaKey = tsaKey;
        this.tsaChain = tsaChain;
    }

    /** The signer kept in {@code dir}, created there (CA, unit key and certificate) if it is not there yet. */
    public static synchronized LocalKeySigner in(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(STORE);
            if (!Files.exists(file)) create(dir, file);
            KeyStore ks = load(file);
            if (!ks.containsAlias("tsa")) {
                // a store made before the development TSA (issue #26) has no CA key to issue it with: made anew,
                // the old one kept beside it (results signed with it no longer verify offline — development only)
                Files.move(file, dir.resolve(STORE + ".old"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                create(dir, file);
                ks = load(file);
            }
            return new LocalKeySigner((PrivateKey) ks.getKey("unit", PASSWORD), chain(ks, "unit"), (PrivateKey) ks.getKey("ca", PASSWORD),
                    (PrivateKey) ks.getKey("tsa", PASSWORD), chain(ks, "tsa"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("development signing key in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASSWORD);
        }
        return ks;
    }

    private static List<X509Certificate> chain(KeyStore ks, String alias) throws GeneralSecurityException {
        return java.util.Arrays.stream(ks.getCertificateChain(alias)).map(c -> (X509Certificate) c).toList();
    }

    /** The development TSA (RFC 3161), its certificate issued by the development CA; what the runner's /sandbox/tsa answers with. */
    public LocalTimestampAuthority tsa(java.time.Clock clock) {
        return new LocalTimestampAuthority(tsaKey, tsaChain, clock);
    }

    /** The development CA's CRL (DER): no certificate revoked, valid for a week from now. */
    public byte[] crl() {
        try {
            X509Certificate ca = chain.get(chain.size() - 1);
            Instant now = Instant.now();
            var b = new org.bouncycastle.cert.X509v2CRLBuilder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), Date.from(now));
            b.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
            b.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.valueOf(now.getEpochSecond())));
            return b.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey)).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The revocation data offline: the development CA's CRL (it issued every certificate here). */
    public vn.gov.bvhttdl.dvc.application.RevocationSource revocation() {
        return certificates -> List.of(crl());
    }

    /** For tests: a signer under the same development CA whose certificate is valid only from {@code from} to {@code to}. */
    LocalKeySigner shortLived(Instant from, Instant to) throws GeneralSecurityException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048, new SecureRandom());
        KeyPair unit = gen.generateKeyPair();
        X509Certificate ca = chain.get(chain.size() - 1);
        X509Certificate cert = certificate(new X500Name("CN=Short-lived test signer (dev),C=VN"), X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                unit.getPublic(), caKey, from.plus(Duration.ofMinutes(5)), Duration.between(from, to).minusMinutes(5), false); // certificate() back-dates by 5 minutes
        return new LocalKeySigner(unit.getPrivate(), List.of(cert, ca), caKey, tsaKey, tsaChain);
    }

    /**
     * The development token of one official (issue #25): a key and a certificate the development CA issued to that
     * official — subject {@code CN=<name> (dev), UID=<subject>} — created on first use in {@code officials/} beside the
     * CA and kept there. Offline it plays the official's personal certificate of the Government Cipher Committee on
     * a token: the runner's signing sandbox signs digests with it for the signed-in official.
     */
    public synchronized DevelopmentToken officialToken(Path dir, String subject, String name) {
        try {
            Path folder = dir.resolve("officials");
            Files.createDirectories(folder);
            String file = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(subject.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 32) + ".p12";
            Path path = folder.resolve(file);
            X509Certificate ca = chain.get(chain.size() - 1);
            if (Files.exists(path)) {
                KeyStore ks = load(path);
                List<X509Certificate> c = chain(ks, "official");
                if (c.get(c.size() - 1).equals(ca)) return new DevelopmentToken((PrivateKey) ks.getKey("official", PASSWORD), c);
            }
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048, new SecureRandom());
            KeyPair pair = gen.generateKeyPair();
            var subjectName = new org.bouncycastle.asn1.x500.X500NameBuilder(org.bouncycastle.asn1.x500.style.BCStyle.INSTANCE)
                    .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.CN, (name == null || name.isBlank() ? subject : name) + " (dev)")
                    .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.UID, subject)
                    .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.O, "Bo Van hoa The thao va Du lich (dev)")
                    .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.C, "VN").build();
            X509Certificate cert = certificate(subjectName, X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), pair.getPublic(), caKey,
                    Instant.now(), Duration.ofDays(1095), false);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("official", pair.getPrivate(), PASSWORD, new Certificate[]{cert, ca});
            Path tmp = folder.resolve(file + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, PASSWORD);
            }
            Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new DevelopmentToken(pair.getPrivate(), List.of(cert, ca));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("development token: " + e.getMessage(), e);
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
        KeyPair tsa = gen.generateKeyPair();
        Instant now = Instant.now();
        X500Name caName = new X500Name("CN=DVC Development CA (offline only),O=Bo Van hoa The thao va Du lich (dev),C=VN");
        X500Name unitName = new X500Name("CN=Cuc Du lich Quoc gia Viet Nam (dev),O=Bo Van hoa The thao va Du lich (dev),C=VN");
        X509Certificate caCert = certificate(caName, caName, ca.getPublic(), ca.getPrivate(), now, Duration.ofDays(3650), true);
        X509Certificate unitCert = certificate(unitName, caName, unit.getPublic(), ca.getPrivate(), now, Duration.ofDays(1825), false);
        X509Certificate tsaCert = certificate(new X500Name("CN=DVC Development TSA (offline only),O=Bo Van hoa The thao va Du lich (dev),C=VN"),
                caName, tsa.getPublic(), ca.getPrivate(), now, Duration.ofDays(3650), null);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("unit", unit.getPrivate(), PASSWORD, new Certificate[]{unitCert, caCert});
        ks.setKeyEntry("ca", ca.getPrivate(), PASSWORD, new Certificate[]{caCert});
        ks.setKeyEntry("tsa", tsa.getPrivate(), PASSWORD, new Certificate[]{tsaCert, caCert});
        Path tmp = dir.resolve(STORE + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ks.store(out, PASSWORD);
        }
        Files.writeString(dir.resolve(CA_PEM), pem(caCert));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static X509Certificate certificate(X500Name subject, X500Name issuer, java.security.PublicKey key, PrivateKey issuerKey,
                                               Instant from, Duration life, Boolean ca) throws GeneralSecurityException {
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                    Date.from(from.minus(Duration.ofMinutes(5))), Date.from(from.plus(life)), subject, key);
            boolean isCa = Boolean.TRUE.equals(ca);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(isCa ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : ca == null ? KeyUsage.digitalSignature : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            if (ca == null) { // a time-stamping authority (RFC 3161 §2.3: the extended key usage, critical, time stamping only)
                b.addExtension(Extension.extendedKeyUsage, true, new org.bouncycastle.asn1.x509.ExtendedKeyUsage(
                        org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_timeStamping));
            }
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
