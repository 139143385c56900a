package vn.gov.bvhttdl.dvc.local.runner;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;

/**
 * The one way the runner's handlers start a response. A request's body is read (or, what no handler read, read and
 * discarded) before the answer, on every path — a refusal (401, 404, 405, 413), a page that takes no body, an
 * error — so that a kept-alive connection is left at the start of the client's next request and stays usable. A
 * body too large to discard in reason is left unread and the answer says {@code Connection: close}.
 */
final class Exchanges {
    /** The most left unread by a handler that is read and discarded before answering (a 413's body included). */
    static final long MAX_DISCARD = 16L * 1024 * 1024;

    private Exchanges() {}

    /** Reads and discards what is left of the request's body (bounded); if it cannot, asks for the connection to close. */
    static void discardBody(HttpExchange ex) {
        try {
            InputStream in = ex.getRequestBody();
            byte[] buffer = new byte[16 * 1024];
            long discarded = 0;
            int n = 0;
            while (discarded <= MAX_DISCARD && (n = in.read(buffer)) >= 0) discarded += n;
            if (n >= 0) ex.getResponseHeaders().set("Connection", "close");
        } catch (IOException unreadable) {
            ex.getResponseHeaders().set("Connection", "close");
        }
    }

    /** {@link HttpExchange#sendResponseHeaders}, once the request's body is consumed. */
    static void sendHeaders(HttpExchange ex, int status, long length) throws IOException {
        discardBody(ex);
        SecurityHeaders.applyIfMarked(ex);
        ex.sendResponseHeaders(status, length);
    }
}
