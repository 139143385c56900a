package vn.gov.bvhttdl.dvc.documents;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import vn.gov.bvhttdl.dvc.application.TimestampAuthority;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The development time-stamping authority (RFC 3161) with BouncyCastle: its key and certificate (extended key usage
 * time stamping, issued by the development CA) live with the development signer. The runner answers
 * {@code /sandbox/tsa} with it ({@link #respond}); tests use it directly. Development only.
 */
public final class LocalTimestampAuthority implements TimestampAuthority {
    /** The development TSA's policy (under 2.999, the example arc: not a real policy). */
    public static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.999.26.1");

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    LocalTimestampAuthority(PrivateKey key, List<X509Certificate> chain, Clock clock) {
        this.key = key;
        this.chain = chain;
        this.clock = clock;
    }

    public List<X509Certificate> chain() { return chain; }

    /** The DER of a TimeStampResp answering the DER of a TimeStampReq (what an RFC 3161 service over HTTP answers). */
    public byte[] respond(byte[] request) {
        try {
            TimeStampRequest req = new TimeStampRequest(request);
            TimeStampResponseGenerator gen = new TimeStampResponseGenerator(generator(),
                    Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384, TSPAlgorithms.SHA512));
            return gen.generate(req, new BigInteger(64, random), Date.from(clock.instant())).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("development TSA: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] timestamp(byte[] sha256) {
        try {
            TimeStampRequestGenerator rg = new TimeStampRequestGenerator();
            rg.setCertReq(true);
            TimeStampRequest req = rg.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, random));
            return generator().generate(req, new BigInteger(64, random), Date.from(clock.instant())).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("development TSA: " + e.getMessage(), e);
        }
    }

    private TimeStampTokenGenerator generator() throws Exception {
        var digests = new JcaDigestCalculatorProviderBuilder().build();
        TimeStampTokenGenerator gen = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", key, chain.get(0)),
                digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), POLICY);
        gen.addCertificates(new JcaCertStore(chain));
        return gen;
    }
}
