package vn.gov.bvhttdl.dvc.local.runner;

import com.sun.net.httpserver.HttpExchange;
import vn.gov.bvhttdl.dvc.documents.LocalKeySigner;
import vn.gov.bvhttdl.dvc.documents.LocalTimestampAuthority;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The time-stamping authority offline (issue #26): RFC 3161 over HTTP at {@code POST /sandbox/tsa} ({@code
 * application/timestamp-query} in, {@code application/timestamp-reply} out), answered by the development TSA whose
 * certificate the development CA issued ({@code documents.LocalTimestampAuthority}). The functions get its address
 * as {@code TSA_URL}. Development only.
 */
final class TimestampSandbox {
    static final String BASE = "/sandbox/tsa";

    private final LocalTimestampAuthority tsa;
    private final AtomicInteger stamps = new AtomicInteger();

    TimestampSandbox(LocalKeySigner dev) {
        this.tsa = dev.tsa(Clock.systemUTC());
    }

    boolean handles(String path) { return path.equals(BASE); }

    /** How many timestamps it gave. */
    int stamps() { return stamps.get(); }

    void handle(HttpExchange ex) throws IOException {
        if (!ex.getRequestMethod().equalsIgnoreCase("POST")) {
            LocalRunner.problem(ex, 405, "method-not-allowed", "Chỉ nhận POST (RFC 3161).", "POST only (RFC 3161).");
            return;
        }
        byte[] request = ex.getRequestBody().readNBytes(64 * 1024);
        byte[] reply;
        try {
            reply = tsa.respond(request);
        } catch (IllegalStateException e) {
            LocalRunner.problem(ex, 400, "bad-timestamp-request", "Yêu cầu dấu thời gian không hợp lệ.", "Not a valid timestamp request.");
            return;
        }
        stamps.incrementAndGet();
        ex.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
        Exchanges.sendHeaders(ex, 200, reply.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(reply);
        }
    }
}
