package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.DeferredSigning;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * The DeferredSigning port without PDF or CMS (documents.DeferredPades is tested with both): "prepared" is the file
 * with a line naming the certificate, the digest its SHA-256, and a device's "signature" {@link #sign} — the SHA-256
 * of the certificate's key and the digest — which {@link #complete} checks like a real one: over that digest, by that
 * certificate.
 */
public final class FakeDeferredSigning implements DeferredSigning {
    @Override
    public boolean isPdf(byte[] bytes) {
        return bytes != null && bytes.length > 8 && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-");
    }

    @Override
    public Prepared prepare(byte[] pdf, List<X509Certificate> chain, String signerName, Instant at, String reason) {
        if (!isPdf(pdf)) throw new DomainException(DomainException.Kind.INVALID, "not-a-pdf", new Text("không PDF", "not a PDF"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(pdf);
        out.writeBytes(("\n%prepared for " + chain.get(0).getSerialNumber() + " by " + signerName + " at " + at + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] prepared = out.toByteArray();
        return new Prepared(prepared, sha256(prepared));
    }

    /** What the device of the holder of {@code cert} answers for {@code digest}. */
    public static byte[] sign(X509Certificate cert, byte[] digest) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(cert.getPublicKey().getEncoded());
        b.writeBytes(digest);
        return sha256(b.toByteArray());
    }

    @Override
    public byte[] complete(byte[] prepared, List<X509Certificate> chain, byte[] signature, byte[] digest) {
        if (!MessageDigest.isEqual(sha256(prepared), digest) || !MessageDigest.isEqual(sign(chain.get(0), digest), signature)) {
            throw new DomainException(DomainException.Kind.INVALID, "signature-mismatch", new Text("không khớp", "mismatch"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prepared);
        out.writeBytes(("%signed " + java.util.HexFormat.of().formatHex(signature) + "\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
