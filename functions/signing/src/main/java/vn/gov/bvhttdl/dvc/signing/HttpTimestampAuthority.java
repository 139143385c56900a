package vn.gov.bvhttdl.dvc.signing;

import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import vn.gov.bvhttdl.dvc.application.TimestampAuthority;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * An RFC 3161 time-stamping authority over HTTP (RFC 3161 §3.4): POST of a TimeStampReq ({@code
 * application/timestamp-query}: a SHA-256 imprint, a nonce, the TSA's certificate asked for), a TimeStampResp back
 * ({@code application/timestamp-reply}), checked against the request (status granted, the same imprint and nonce)
 * before its token is used. On AWS the TSA the stack's parameter names; offline the runner's {@code /sandbox/tsa}.
 */
public final class HttpTimestampAuthority implements TimestampAuthority {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;
    private final SecureRandom random = new SecureRandom();

    public HttpTimestampAuthority(String url) {
        this.url = URI.create(url);
    }

    @Override
    public byte[] timestamp(byte[] sha256) {
        try {
            TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
            gen.setCertReq(true);
            TimeStampRequest req = gen.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, random));
            HttpResponse<byte[]> res = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(req.getEncoded())).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (res.statusCode() != 200) throw new IllegalStateException("the TSA answered HTTP " + res.statusCode());
            TimeStampResponse response = new TimeStampResponse(res.body());
            response.validate(req); // granted, the same imprint, nonce and policy asked
            if (response.getTimeStampToken() == null) throw new IllegalStateException("the TSA gave no token: " + response.getStatusString());
            return response.getTimeStampToken().getEncoded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the TSA call was interrupted", e);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("timestamp from " + url.getHost() + ": " + e.getMessage(), e);
        }
    }
}
