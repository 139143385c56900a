package vn.gov.bvhttdl.dvc.uploadscan;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** The clamd client against a socket that answers as clamd does (the INSTREAM exchange), for one scan each. */
class ClamdScannerTest {
    static String serveOnce(ServerSocket server, AtomicReference<byte[]> received, String reply) {
        new Thread(() -> {
            try (Socket s = server.accept()) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] cmd = new byte[10];
                in.readFully(cmd);
                assertEquals("zINSTREAM\0", new String(cmd, StandardCharsets.US_ASCII));
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                for (int n; (n = in.readInt()) > 0; ) data.write(in.readNBytes(n));
                received.set(data.toByteArray());
                s.getOutputStream().write((reply + "\0").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).start();
        return "127.0.0.1";
    }

    @Test
    void streamsTheBytesAndReadsTheVerdict() throws Exception {
        byte[] big = new byte[200_000];
        big[199_999] = 7;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            AtomicReference<byte[]> got = new AtomicReference<>();
            MalwareScanner clean = new MalwareScanner.Clamd(serveOnce(server, got, "stream: OK"), server.getLocalPort());
            assertNull(clean.scan(big));
            assertArrayEquals(big, got.get(), "sent in chunks, received whole");
            MalwareScanner infected = new MalwareScanner.Clamd(serveOnce(server, got, "stream: Eicar-Test-Signature FOUND"), server.getLocalPort());
            assertEquals("Eicar-Test-Signature", infected.scan("X5O!P%@AP".getBytes(StandardCharsets.US_ASCII)));
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0)) { closed = s.getLocalPort(); }
        int port = closed;
        assertThrows(IOException.class, () -> new MalwareScanner.Clamd("127.0.0.1", port).scan(new byte[]{1}),
                "an unreachable scanner fails the scan instead of passing the file");
    }
}
