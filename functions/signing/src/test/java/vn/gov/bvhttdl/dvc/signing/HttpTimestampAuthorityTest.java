package vn.gov.bvhttdl.dvc.signing;

import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.gov.bvhttdl.dvc.documents.LocalKeySigner;
import vn.gov.bvhttdl.dvc.documents.Pades;
import vn.gov.bvhttdl.dvc.documents.SignatureCheck;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** The RFC 3161 client over HTTP, against the development TSA served as the runner serves it. */
class HttpTimestampAuthorityTest {
    @TempDir
    Path dir;

    HttpServer server;
    final AtomicReference<String> contentType = new AtomicReference<>();

    String serve(java.util.function.Function<byte[], byte[]> answer) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", ex -> {
            contentType.set(ex.getRequestHeaders().getFirst("Content-Type"));
            byte[] reply = answer.apply(ex.getRequestBody().readAllBytes());
            ex.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            ex.sendResponseHeaders(200, reply.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(reply);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    @Test
    void aTokenOverTheDigestFromTheDevelopmentTsaAndALongTermSignatureMadeWithIt() throws Exception {
        LocalKeySigner dev = LocalKeySigner.in(dir);
        var tsa = dev.tsa(Clock.systemUTC());
        String url = serve(tsa::respond);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("the signature value".getBytes(StandardCharsets.UTF_8));
        TimeStampToken token = new TimeStampToken(new CMSSignedData(new HttpTimestampAuthority(url).timestamp(digest)));
        assertEquals("application/timestamp-query", contentType.get());
        assertArrayEquals(digest, token.getTimeStampInfo().getMessageImprintDigest());
        assertFalse(token.getTimeStampInfo().getGenTime().toInstant().isBefore(Instant.now().minusSeconds(60)));
        assertEquals(tsa.chain().get(0).getSerialNumber(), token.getSID().getSerialNumber(), "by the development TSA");

        // a result signed through the HTTP TSA: B-LTA, valid under the development CA
        byte[] pdf = minimalPdf();
        byte[] signed = Pades.sign(pdf, dev, Pades.LongTerm.archival(new HttpTimestampAuthority(url), dev.revocation()), Instant.now(), "test", "Hà Nội");
        SignatureCheck.Verdict v = SignatureCheck.check(signed, List.of(dev.chain().get(1)), Instant.now());
        assertTrue(v.valid(), v.reason());
        assertEquals("B-LTA", v.level());
    }

    @Test
    void anAnswerThatIsNotATimestampResponseIsRefused() throws Exception {
        String url = serve(request -> "not a timestamp".getBytes(StandardCharsets.US_ASCII));
        assertThrows(IllegalStateException.class, () -> new HttpTimestampAuthority(url).timestamp(new byte[32]));
    }

    @Test
    void aTokenForAnotherRequestIsRefused() throws Exception {
        LocalKeySigner dev = LocalKeySigner.in(dir);
        var tsa = dev.tsa(Clock.systemUTC());
        // the TSA answers every request with a response to another (other imprint and nonce)
        byte[] other = tsa.respond(new org.bouncycastle.tsp.TimeStampRequestGenerator().generate(
                org.bouncycastle.tsp.TSPAlgorithms.SHA256, new byte[32], java.math.BigInteger.ONE).getEncoded());
        String url = serve(request -> other);
        assertThrows(IllegalStateException.class, () -> new HttpTimestampAuthority(url).timestamp(MessageDigest.getInstance("SHA-256").digest(new byte[]{1})));
    }

    @Test
    void theCrlDistributionPointsOfACertificateWithoutThemAreNone() throws Exception {
        LocalKeySigner dev = LocalKeySigner.in(dir);
        assertEquals(List.of(), HttpRevocation.distributionPoints(dev.chain().get(0)));
        assertEquals(List.of(), new HttpRevocation().crls(dev.chain()));
    }

    static byte[] minimalPdf() throws Exception {
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            var out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
