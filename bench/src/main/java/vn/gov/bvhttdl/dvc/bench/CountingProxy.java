package vn.gov.bvhttdl.dvc.bench;

import vn.gov.bvhttdl.dvc.domain.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A counting HTTP/1.1 proxy in front of one AWS-protocol emulator (dynoxide, ElasticMQ or S3Proxy), for the cost
 * model (bench/README.md, issue #28 item 4). It relays each request and answer byte for byte (the Host header too, so
 * that S3Proxy's signature checks and presigned links still hold) and counts what AWS would bill:
 * <ul>
 * <li>DynamoDB: requests per operation, and read and write units by the published sizing rules, from the items in the
 * JSON bodies (a write 1 unit per 1 KB of the item, rounded up; a read 1 unit per 4 KB, rounded up over the items a
 * query or scan returns; an eventually consistent read half; transactional items twice). The size of an item after an
 * update is read back from the emulator with a consistent GetItem of its key (not counted);</li>
 * <li>S3: requests by price class (PUT, COPY, POST, LIST; GET and the rest) and bytes in and out;</li>
 * <li>SQS: requests per action and messages sent.</li>
 * </ul>
 * The upstream address may be given after the proxy has started ({@link #target(String)}): the runner learns its
 * emulators' ports only as it starts them.
 */
public final class CountingProxy implements AutoCloseable {
    public enum Kind { DYNAMODB, S3, SQS }

    private final Kind kind;
    private final ServerSocket server;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private volatile URI target;
    private volatile boolean counting = true;

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> units = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> bytes = new ConcurrentHashMap<>();

    public CountingProxy(Kind kind) throws IOException {
        this.kind = kind;
        this.server = new ServerSocket(0, 200, InetAddress.getByName("127.0.0.1"));
        Thread t = new Thread(this::accept, "proxy-" + kind);
        t.setDaemon(true);
        t.start();
    }

    public String endpoint() { return "http://127.0.0.1:" + server.getLocalPort(); }

    public void target(String endpoint) { this.target = URI.create(endpoint); }

    /** Counting on or off (off: relayed only, e.g. while the stack starts). */
    public void counting(boolean on) { this.counting = on; }

    public void reset() {
        requests.clear();
        units.clear();
        bytes.clear();
    }

    /** Requests per operation (DynamoDB, SQS) or price class (S3). */
    public Map<String, Long> requests() {
        Map<String, Long> out = new TreeMap<>();
        requests.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** DynamoDB: "read" and "write" units (by table as "read:table"); SQS: "messages". */
    public Map<String, Double> units() {
        Map<String, Double> out = new TreeMap<>();
        units.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** S3: "in" and "out" bytes (bodies only); "stored" the bytes of objects put. */
    public Map<String, Long> bytes() {
        Map<String, Long> out = new TreeMap<>();
        bytes.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private void count(Map<String, LongAdder> m, String key, long n) {
        m.computeIfAbsent(key, k -> new LongAdder()).add(n);
    }

    private void unit(String key, double n) {
        units.computeIfAbsent(key, k -> new DoubleAdder()).add(n);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                pool.submit(() -> serve(client));
            } catch (IOException e) {
                if (server.isClosed()) return;
            }
        }
    }

    /** One HTTP/1.1 message: its head (request or status line and headers, raw) and its body. */
    private record Message(String head, byte[] rawHead, Map<String, String> headers, byte[] body, byte[] rawBody) {
        String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }
        String firstLine() { return head.substring(0, head.indexOf("\r\n")); }
    }

    private void serve(Socket client) {
        Socket upstream = null;
        try (client) {
            InputStream cin = client.getInputStream();
            OutputStream cout = client.getOutputStream();
            InputStream uin = null;
            OutputStream uout = null;
            while (true) {
                Message req = read(cin, false, false);
                if (req == null) return;
                while (target == null) Thread.sleep(20);
                if (upstream == null || upstream.isClosed()) {
                    upstream = new Socket(target.getHost(), target.getPort());
                    uin = upstream.getInputStream();
                    uout = upstream.getOutputStream();
                }
                uout.write(req.rawHead());
                uout.write(req.rawBody());
                uout.flush();
                boolean head = req.firstLine().startsWith("HEAD ");
                Message res;
                // a 100 Continue first (S3 puts with Expect): relayed, then the real answer
                do {
                    res = read(uin, true, head);
                    if (res == null) throw new IOException("upstream closed");
                    cout.write(res.rawHead());
                    cout.write(res.rawBody());
                    cout.flush();
                } while (res.firstLine().contains(" 100 "));
                if (counting) {
                    try {
                        account(req, res);
                    } catch (RuntimeException e) {
                        count(requests, "unaccounted", 1);
                    }
                }
                if ("close".equalsIgnoreCase(res.header("connection")) || "close".equalsIgnoreCase(req.header("connection"))) return;
            }
        } catch (Exception e) {
            // the client or the upstream went away: nothing to count
        } finally {
            if (upstream != null) {
                try {
                    upstream.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }
    }

    /** Reads one message; null at a clean end of stream before it. */
    private static Message read(InputStream in, boolean response, boolean headRequest) throws IOException {
        ByteArrayOutputStream h = new ByteArrayOutputStream(512);
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                if (h.size() == 0) return null;
                throw new IOException("truncated head");
            }
            h.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) ? state + 1 : (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        byte[] rawHead = h.toByteArray();
        String head = new String(rawHead, StandardCharsets.ISO_8859_1);
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            if (c > 0) headers.put(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim());
        }
        int status = response ? Integer.parseInt(lines[0].split(" ")[1]) : 0;
        boolean noBody = response && (headRequest || status / 100 == 1 || status == 204 || status == 304);
        byte[] body = new byte[0];
        byte[] raw = new byte[0];
        if (!noBody) {
            String te = headers.get("transfer-encoding");
            String cl = headers.get("content-length");
            if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
                ByteArrayOutputStream r = new ByteArrayOutputStream(), d = new ByteArrayOutputStream();
                while (true) {
                    String sizeLine = line(in, r);
                    int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                    if (size == 0) {
                        // trailers up to the empty line
                        while (!line(in, r).isEmpty()) { /* skip */ }
                        break;
                    }
                    byte[] chunk = in.readNBytes(size);
                    r.write(chunk);
                    d.write(chunk);
                    line(in, r);
                }
                raw = r.toByteArray();
                body = d.toByteArray();
            } else if (cl != null) {
                body = in.readNBytes(Integer.parseInt(cl));
                raw = body;
            } else if (response) {
                body = in.readAllBytes();
                raw = body;
            }
        }
        return new Message(head, rawHead, headers, body, raw);
    }

    private static String line(InputStream in, ByteArrayOutputStream raw) throws IOException {
        ByteArrayOutputStream l = new ByteArrayOutputStream();
        int prev = -1;
        while (true) {
            int b = in.read();
            if (b < 0) throw new IOException("truncated chunk");
            raw.write(b);
            if (prev == '\r' && b == '\n') break;
            if (prev >= 0) l.write(prev);
            prev = b;
        }
        return l.toString(StandardCharsets.ISO_8859_1);
    }

    // ------------------------------------------------------------------ what each request costs

    private void account(Message req, Message res) {
        int status = Integer.parseInt(res.firstLine().split(" ")[1]);
        switch (kind) {
            case S3 -> s3(req, res, status);
            case SQS -> sqs(req);
            case DYNAMODB -> dynamo(req, res, status);
        }
    }

    private void s3(Message req, Message res, int status) {
        String[] first = req.firstLine().split(" ");
        String method = first[0];
        String path = first[1];
        int q = path.indexOf('?');
        String query = q < 0 ? "" : path.substring(q + 1);
        String resource = q < 0 ? path : path.substring(0, q);
        // a listing: the bucket itself (path style: one segment), or a query that lists versions or uploads
        boolean list = method.equals("GET") && (resource.matches("^/[^/]+/?$") || query.startsWith("versions") || query.contains("&versions")
                || query.startsWith("uploads") || query.contains("&uploads"));
        boolean copy = method.equals("PUT") && req.header("x-amz-copy-source") != null;
        String cls = method.equals("PUT") || method.equals("POST") || list || copy ? "PUT/COPY/POST/LIST" : method.equals("DELETE") ? "DELETE" : "GET/HEAD/other";
        count(requests, cls, 1);
        count(requests, cls + " " + method, 1);
        String decoded = req.header("x-amz-decoded-content-length");
        long in = decoded != null ? Long.parseLong(decoded) : req.body().length;
        count(bytes, "in", in);
        if (method.equals("PUT") && !copy && status / 100 == 2) count(bytes, "stored", in);
        if (method.equals("GET") && status / 100 == 2) count(bytes, "out", res.body().length);
    }

    private void sqs(Message req) {
        String target = req.header("x-amz-target");
        String action;
        Map<String, Object> body = Map.of();
        if (target != null) {
            action = target.substring(target.indexOf('.') + 1);
            if (req.body().length > 0) body = Json.obj(Json.parse(new String(req.body(), StandardCharsets.UTF_8)));
        } else {
            String form = new String(req.body(), StandardCharsets.UTF_8);
            action = "unknown";
            for (String p : form.split("&")) if (p.startsWith("Action=")) action = p.substring(7);
        }
        // each 64 KB of a request's payload is billed as one request
        long chunks = Math.max(1, (req.body().length + 65535) / 65536);
        count(requests, action, chunks);
        count(requests, "all", chunks);
        if (action.equals("SendMessage")) unit("messages", 1);
        if (action.equals("SendMessageBatch") && body.get("Entries") instanceof List<?> l) unit("messages", l.size());
    }

    private void dynamo(Message req, Message res, int status) {
        String target = req.header("x-amz-target");
        String op = target == null ? "unknown" : target.substring(target.indexOf('.') + 1);
        count(requests, op, 1);
        count(requests, "all", 1);
        if (status / 100 != 2) {
            count(requests, "failed " + op, 1);
        }
        Map<String, Object> in = Json.obj(Json.parse(new String(req.body(), StandardCharsets.UTF_8)));
        Map<String, Object> out = res.body().length == 0 ? Map.of() : Json.obj(Json.parse(new String(res.body(), StandardCharsets.UTF_8)));
        String table = (String) in.get("TableName");
        // by table (CloudTrail data events are billed per item-level request on the dossier table)
        if (table != null) count(requests, "table " + table, 1);
        else if (in.get("RequestItems") instanceof Map<?, ?> m) m.keySet().forEach(t -> count(requests, "table " + t, 1));
        else if (in.get("TransactItems") instanceof List<?> l) {
            for (Object o : l) for (Object v : Json.obj(o).values()) {
                if (v instanceof Map<?, ?> item && item.get("TableName") != null) count(requests, "table " + item.get("TableName"), 1);
            }
        }
        boolean consistent = Boolean.TRUE.equals(in.get("ConsistentRead"));
        switch (op) {
            case "GetItem" -> read(table, size(out.get("Item")), consistent, 1);
            case "PutItem" -> write(table, Math.max(size(in.get("Item")), size(out.get("Attributes"))), 1);
            case "UpdateItem" -> write(table, status / 100 == 2 ? sizeNow(table, in.get("Key")) : 1, 1);
            case "DeleteItem" -> write(table, Math.max(1, size(out.get("Attributes"))), 1);
            case "Query", "Scan" -> {
                long total = 0;
                if (out.get("Items") instanceof List<?> items) for (Object item : items) total += size(item);
                read(table, total, consistent, 1);
            }
            case "BatchGetItem" -> {
                if (out.get("Responses") instanceof Map<?, ?> byTable) {
                    Map<String, Object> ask = Json.obj(in.get("RequestItems"));
                    byTable.forEach((t, items) -> {
                        boolean c = Boolean.TRUE.equals(Json.obj(ask.get(t)).get("ConsistentRead"));
                        for (Object item : (List<?>) items) read((String) t, size(item), c, 1);
                    });
                }
            }
            case "BatchWriteItem" -> Json.obj(in.get("RequestItems")).forEach((t, list) -> {
                for (Object w : (List<?>) list) {
                    Map<String, Object> r = Json.obj(w);
                    if (r.get("PutRequest") != null) write(t, size(Json.obj(r.get("PutRequest")).get("Item")), 1);
                    else write(t, 1, 1);
                }
            });
            case "TransactWriteItems" -> {
                if (status / 100 != 2) break;
                for (Object o : (List<?>) in.get("TransactItems")) {
                    Map<String, Object> ti = Json.obj(o);
                    if (ti.get("Put") != null) {
                        Map<String, Object> p = Json.obj(ti.get("Put"));
                        write((String) p.get("TableName"), size(p.get("Item")), 2);
                    } else if (ti.get("Update") != null) {
                        Map<String, Object> u = Json.obj(ti.get("Update"));
                        write((String) u.get("TableName"), sizeNow((String) u.get("TableName"), u.get("Key")), 2);
                    } else if (ti.get("Delete") != null) {
                        write((String) Json.obj(ti.get("Delete")).get("TableName"), 1, 2);
                    } else if (ti.get("ConditionCheck") != null) {
                        // a condition check in a transaction: billed as a transactional write of the item (assumed 1 KB)
                        write((String) Json.obj(ti.get("ConditionCheck")).get("TableName"), 1, 2);
                    }
                }
            }
            case "TransactGetItems" -> {
                if (out.get("Responses") instanceof List<?> items) {
                    for (Object r : items) read("transact", size(Json.obj(r).get("Item")), true, 2);
                }
            }
            default -> { /* DescribeTable, streams, etc.: requests only */ }
        }
    }

    private void read(String table, long size, boolean consistent, int factor) {
        double u = Math.max(1, Math.ceil(size / 4096.0)) * (consistent ? 1 : 0.5) * factor;
        unit("read", u);
        unit("read:" + table, u);
    }

    private void write(String table, long size, int factor) {
        double u = Math.max(1, Math.ceil(size / 1024.0)) * factor;
        unit("write", u);
        unit("write:" + table, u);
    }

    /** The item's size now (after the write this request made), read with a consistent GetItem (not counted). */
    private long sizeNow(String table, Object key) {
        try {
            String body = Json.write(Map.of("TableName", table, "Key", key, "ConsistentRead", true));
            var conn = (java.net.HttpURLConnection) target.resolve("/").toURL().openConnection();
            conn.setRequestMethod("POST");
            conn.setDoOutput(true);
            conn.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
            conn.setRequestProperty("X-Amz-Target", "DynamoDB_20120810.GetItem");
            conn.setRequestProperty("X-Amz-Date", "20260101T000000Z");
            conn.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=local-access-key/20260101/ap-southeast-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
            try (OutputStream o = conn.getOutputStream()) {
                o.write(body.getBytes(StandardCharsets.UTF_8));
            }
            try (InputStream i = conn.getInputStream()) {
                return Math.max(1, size(Json.obj(Json.parse(new String(i.readAllBytes(), StandardCharsets.UTF_8))).get("Item")));
            }
        } catch (Exception e) {
            count(requests, "size-unknown", 1);
            return 1;
        }
    }

    /** An item's size by DynamoDB's rules: attribute names plus values (numbers approximated by their digits). */
    static long size(Object item) {
        if (!(item instanceof Map<?, ?> m)) return 0;
        long s = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) s += utf8(String.valueOf(e.getKey())) + valueSize(e.getValue());
        return s;
    }

    private static long valueSize(Object v) {
        if (!(v instanceof Map<?, ?> typed) || typed.isEmpty()) return 0;
        Map.Entry<?, ?> e = typed.entrySet().iterator().next();
        String type = String.valueOf(e.getKey());
        Object val = e.getValue();
        return switch (type) {
            case "S" -> utf8((String) val);
            case "N" -> numberSize((String) val);
            case "B" -> Base64.getDecoder().decode((String) val).length;
            case "BOOL", "NULL" -> 1;
            case "SS" -> ((List<?>) val).stream().mapToLong(x -> utf8((String) x)).sum();
            case "NS" -> ((List<?>) val).stream().mapToLong(x -> numberSize((String) x)).sum();
            case "BS" -> ((List<?>) val).stream().mapToLong(x -> Base64.getDecoder().decode((String) x).length).sum();
            case "L" -> 3 + ((List<?>) val).stream().mapToLong(x -> 1 + valueSize(x)).sum();
            case "M" -> 3 + ((Map<?, ?>) val).entrySet().stream().mapToLong(x -> 1 + utf8(String.valueOf(x.getKey())) + valueSize(x.getValue())).sum();
            default -> 0;
        };
    }

    private static long numberSize(String n) {
        String digits = n.replaceAll("[^0-9]", "").replaceFirst("^0+(?=.)", "");
        return 1 + (digits.length() + 1) / 2;
    }

    private static long utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
