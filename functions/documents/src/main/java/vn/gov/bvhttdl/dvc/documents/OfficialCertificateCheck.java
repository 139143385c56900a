package vn.gov.bvhttdl.dvc.documents;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import vn.gov.bvhttdl.dvc.application.OfficialCertificates;
import vn.gov.bvhttdl.dvc.domain.Actor;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The {@link OfficialCertificates} port: the chain the browser's signing step presents must lead, certificate by
 * certificate, to one of the trusted CAs (offline the development CA; on AWS the CA certificates of the trust
 * parameter, the Government Cipher Committee's), every certificate valid at the time, the signer's allowed to sign
 * (digitalSignature or nonRepudiation), and the signer's bound to the official: its subject's {@code UID} attribute is
 * the official's account subject (what the development CA writes; a deployment binds the Committee's certificate to
 * the account the same way, or replaces this check by a register of the officials' certificates — docs/signing.md).
 */
public final class OfficialCertificateCheck implements OfficialCertificates {
    private final List<X509Certificate> anchors;

    public OfficialCertificateCheck(List<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    @Override
    public String refusal(Actor official, List<X509Certificate> chain, Instant at) {
        if (chain == null || chain.isEmpty()) return "no certificate";
        Date when = Date.from(at);
        try {
            for (X509Certificate c : chain) c.checkValidity(when);
        } catch (Exception e) {
            return "a certificate of the chain is not valid now";
        }
        X509Certificate leaf = chain.get(0);
        boolean[] usage = leaf.getKeyUsage();
        if (usage != null && !(usage[0] || usage[1])) return "the certificate may not sign";
        for (int i = 0; i + 1 < chain.size(); i++) {
            if (!signedBy(chain.get(i), chain.get(i + 1))) return "the chain is broken";
        }
        X509Certificate top = chain.get(chain.size() - 1);
        boolean trusted = anchors.stream().anyMatch(a -> a.equals(top) || signedBy(top, a));
        if (!trusted) return "not issued under a trusted CA";
        if (!official.subject().equals(uid(leaf))) return "the certificate is not the signed-in official's";
        return null;
    }

    private static boolean signedBy(X509Certificate c, X509Certificate issuer) {
        try {
            if (!c.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) return false;
            c.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The subject's UID attribute (0.9.2342.19200300.100.1.1), or null. */
    static String uid(X509Certificate c) {
        RDN[] rdns = X500Name.getInstance(c.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.UID);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}
