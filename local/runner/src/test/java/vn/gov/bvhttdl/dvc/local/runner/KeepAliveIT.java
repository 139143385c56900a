package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A refusal answered before the request's body was read (401, 404, 405, a page that takes no body) leaves the
 * kept-alive connection usable: the runner reads or discards the body first, so the client's next request on the
 * same connection is answered.
 */
class KeepAliveIT {
    static LocalRunner runner;

    @BeforeAll
    static void start() throws Exception {
        runner = LocalRunner.start(new LocalRunner.Options(0, null, 0));
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    static String body(int size) {
        char[] c = new char[size];
        Arrays.fill(c, 'x');
        return "{\"procedureCode\":\"" + new String(c) + "\"}";
    }

    @Test
    void aClientsNextRequestAfterARefusedPostWithABodySucceeds() throws Exception {
        String token = runner.devToken("Phạm Thị Lan", "001088000903", "lan@example.vn", "citizens");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        // each refusal, then a request that is not retried by the client (a POST) on the kept-alive connection
        for (String[] refused : List.of(
                new String[]{"/api/dossiers", "401"},            // an authorised route without a token
                new String[]{"/api/no-such-route", "404"},       // no route
                new String[]{"/sandbox/vnpay/no-such-page", "404"},
                new String[]{"/openapi.yml", "200"},             // pages that take no body
                new String[]{"/dev/jwks.json", "200"},
                new String[]{"/index.html", "200"},
                new String[]{"/no-such-file.html", "404"})) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + refused[0])).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body(512 * 1024))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(Integer.parseInt(refused[1]), r.statusCode(), refused[0] + ": " + r.body());
            HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/api/dossiers")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"procedureCode\":\"BVHTTDL-DL-003\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, next.statusCode(), "after " + refused[0] + ": " + next.body());
        }
    }

    /** One response read off the socket: status and headers (lower case), body by its length. */
    record Answer(int status, Map<String, String> headers, String body) {}

    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] h = head.toByteArray();
            if (h.length >= 4 && h[h.length - 4] == '\r' && h[h.length - 3] == '\n' && h[h.length - 2] == '\r' && h[h.length - 1] == '\n') break;
        }
        if (b < 0) throw new IOException("connection closed by the server: " + head.toString(StandardCharsets.ISO_8859_1));
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }

    @Test
    void theSameConnectionCarriesTheNextRequestAfterA401() throws Exception {
        byte[] payload = body(48 * 1024).getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket("127.0.0.1", runner.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(("POST /api/dossiers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + payload.length
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            Answer refused = read(in);
            assertEquals(401, refused.status(), refused.body());
            assertNotEquals("close", refused.headers().getOrDefault("connection", "").toLowerCase(Locale.ROOT), "the connection is kept");
            out.write("GET /api/procedures HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Answer next = read(in);
            assertEquals(200, next.status(), "the second request on the same connection is answered: " + next.body());
        }
    }
}
