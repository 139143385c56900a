package vn.gov.bvhttdl.dvc.signing;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import vn.gov.bvhttdl.dvc.application.RevocationSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The revocation data on AWS: the CRLs at the HTTP addresses of the certificates' CRL distribution points (RFC 5280
 * §4.2.1.13), fetched when a result is signed. A CRL that cannot be had is left out (the signature is still made,
 * B-LT then carries what there is); OCSP is not asked.
 */
public final class HttpRevocation implements RevocationSource {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Override
    public List<byte[]> crls(List<X509Certificate> certificates) {
        Set<String> urls = new LinkedHashSet<>();
        for (X509Certificate c : certificates) urls.addAll(distributionPoints(c));
        List<byte[]> out = new ArrayList<>();
        for (String u : urls) {
            try {
                HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(u)).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() == 200) out.add(r.body());
                else System.err.println("[signing] CRL " + u + ": HTTP " + r.statusCode());
            } catch (Exception e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                System.err.println("[signing] CRL " + u + ": " + e.getClass().getSimpleName());
            }
        }
        return out;
    }

    static List<String> distributionPoints(X509Certificate c) {
        byte[] ext = c.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (ext == null) return List.of();
        List<String> out = new ArrayList<>();
        CRLDistPoint dp = CRLDistPoint.getInstance(ASN1OctetString.getInstance(ext).getOctets());
        for (DistributionPoint p : dp.getDistributionPoints()) {
            if (p.getDistributionPoint() == null || p.getDistributionPoint().getType() != DistributionPointName.FULL_NAME) continue;
            for (GeneralName n : org.bouncycastle.asn1.x509.GeneralNames.getInstance(p.getDistributionPoint().getName()).getNames()) {
                if (n.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    String u = n.getName().toString();
                    if (u.startsWith("http://") || u.startsWith("https://")) out.add(u);
                }
            }
        }
        return out;
    }
}
