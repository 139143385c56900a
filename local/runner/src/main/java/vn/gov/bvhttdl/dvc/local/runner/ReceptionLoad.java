package vn.gov.bvhttdl.dvc.local.runner;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many dossiers submitted at once to a running stack, as citizens do at a deadline (issue #28 item 2): each by a
 * citizen of their own, prepared through the API as the browser does (created with its e-form, its one required
 * file uploaded through the presigned link and scanned), then every submission sent at the same moment; when the
 * submission queue is empty, each dossier is read back once through the API. What the stack did (each dossier's
 * history, code and the moment of its reception, from its audit trail) is for {@code ConcurrentReceptionIT} to check
 * and for the bench ({@code local/bench receptions}) to measure. Offline only: it drives the runner's API.
 */
public final class ReceptionLoad {
    /** A dossier ready to submit, with its applicant's token. */
    public record Prepared(String id, String token) {}

    /**
     * One dossier after the load: when its submission was sent (the client's clock, this JVM's), the answer's status,
     * and what the API shows afterwards (its status, code, history actions and the moment of its {@code receive}).
     */
    public record Reception(String id, Instant sent, int submitStatus, String status, String code, List<String> actions,
                            Instant received) {
        /** From sending the submission to the reception recorded in the audit trail, or -1 if not received. */
        public long millis() { return received == null ? -1 : Duration.between(sent, received).toMillis(); }
    }

    /** The whole run: every dossier, and how long the queue took to be empty after the first submission was sent. */
    public record Result(List<Reception> receptions, double drainSeconds) {
        /** Receptions per second: the dossiers received over the time from the first submission sent to the last reception. */
        public double perSecond() {
            Instant first = receptions.stream().map(Reception::sent).min(Instant::compareTo).orElseThrow();
            Instant last = receptions.stream().map(Reception::received).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(first);
            long received = receptions.stream().filter(r -> r.received() != null).count();
            double s = Math.max(1, Duration.between(first, last).toMillis()) / 1000.0;
            return received / s;
        }

        /** The {@code p}-th percentile (0–100) of submit → received, in milliseconds (nearest rank). */
        public long percentile(double p) {
            long[] ms = receptions.stream().mapToLong(Reception::millis).filter(m -> m >= 0).sorted().toArray();
            if (ms.length == 0) return -1;
            int rank = (int) Math.ceil(p / 100.0 * ms.length);
            return ms[Math.max(0, Math.min(ms.length - 1, rank - 1))];
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String FORM = "\"form\":{\"companyName\":\"Công ty TNHH Lữ hành Sen\",\"licenceNumber\":\"01-123/2019/TCDL-GP LHQT\","
            + "\"licenceIssuedOn\":\"2019-05-02\",\"reason\":\"lost\"}";

    private final LocalRunner runner;

    public ReceptionLoad(LocalRunner runner) {
        this.runner = runner;
    }

    /**
     * {@code n} dossiers of the re-issue BVHTTDL-DL-003 (one required file), each by its own citizen (ID numbers from
     * {@code firstCitizen}), ready to submit; prepared {@code threads} at a time.
     */
    public List<Prepared> prepare(int n, int firstCitizen, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Prepared>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int citizen = firstCitizen + i;
                futures.add(pool.submit(() -> prepareOne(citizen)));
            }
            List<Prepared> out = new ArrayList<>();
            for (Future<Prepared> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    private Prepared prepareOne(int citizen) throws Exception {
        String idNumber = String.format("0010990%05d", citizen);
        String token = runner.devToken("Công dân Thử " + citizen, idNumber, "cd" + citizen + "@example.vn", "citizens");
        HttpResponse<String> created = call("POST", "/api/dossiers", token,
                "{\"procedureCode\":\"BVHTTDL-DL-003\",\"applicant\":{\"phone\":\"09120" + String.format("%05d", citizen % 100_000) + "\"}," + FORM + "}");
        expect(201, created);
        String id = (String) json(created).get("id");
        byte[] file = pdf("DON " + citizen);
        HttpResponse<String> up = call("POST", "/api/dossiers/" + id + "/attachments", token,
                "{\"componentCode\":\"DON\",\"fileName\":\"don.pdf\",\"size\":" + file.length + "}");
        expect(201, up);
        Map<String, Object> link = json(up);
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create((String) link.get("uploadUrl"))).timeout(Duration.ofSeconds(60));
        ((Map<String, String>) link.get("headers")).forEach(put::header);
        HttpResponse<String> sent = HTTP.send(put.PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
        expect(200, sent);
        runner.flushS3Notifications();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Boolean.TRUE.equals(json(call("GET", "/api/dossiers/" + id + "/checklist", token, null)).get("complete"))) {
            if (System.currentTimeMillis() > deadline) throw new IllegalStateException("dossier " + id + ": its file was never accepted");
            Thread.sleep(100);
            runner.flushS3Notifications();
        }
        return new Prepared(id, token);
    }

    /**
     * Sends every submission at the same moment (one thread each, released together), waits until the submission
     * queue is empty (every message deleted or dead-lettered, or {@code timeout}), then reads each dossier back once.
     */
    public Result submitAtOnce(List<Prepared> dossiers, Duration timeout) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object[]>> sends = new ArrayList<>();
        Instant firstSent;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Prepared d : dossiers) {
                sends.add(pool.submit(() -> {
                    go.await();
                    Instant at = Instant.now();
                    HttpResponse<String> r = call("POST", "/api/dossiers/" + d.id() + "/submit", d.token(), null);
                    return new Object[]{at, r.statusCode()};
                }));
            }
            firstSent = Instant.now();
            go.countDown();
            for (Future<Object[]> f : sends) f.get();
        }
        double drained = awaitEmptyQueue(firstSent, timeout);
        List<Reception> out = new ArrayList<>();
        for (int i = 0; i < dossiers.size(); i++) out.add(readBack(dossiers.get(i), (Instant) sends.get(i).get()[0], (Integer) sends.get(i).get()[1]));
        return new Result(out, drained);
    }

    private double awaitEmptyQueue(Instant from, Duration timeout) throws InterruptedException {
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY));
        try (SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(creds)
                .region(Region.of(Emulators.REGION)).endpointOverride(URI.create(runner.emulators().sqsEndpoint())).build()) {
            String queue = runner.resources().of("SubmissionQueue");
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
                long left = a.values().stream().mapToLong(Long::parseLong).sum();
                if (left == 0) return Duration.between(from, Instant.now()).toMillis() / 1000.0;
                Thread.sleep(25);
            }
            return -1;
        }
    }

    @SuppressWarnings("unchecked")
    private Reception readBack(Prepared d, Instant sent, int submitStatus) throws Exception {
        Map<String, Object> view = json(call("GET", "/api/dossiers/" + d.id(), d.token(), null));
        List<Map<String, Object>> history = (List<Map<String, Object>>) view.getOrDefault("history", List.of());
        List<String> actions = history.stream().map(h -> (String) h.get("action")).filter(a -> a != null && !a.startsWith("attachment-")).toList();
        Instant received = history.stream().filter(h -> "receive".equals(h.get("action"))).map(h -> Instant.parse((String) h.get("at")))
                .findFirst().orElse(null);
        return new Reception(d.id(), sent, submitStatus, (String) view.get("status"), (String) view.get("code"), actions, received);
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(runner.baseUrl() + path)).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) b.header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, HttpResponse<String> r) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.uri().getPath() + ": " + r.statusCode() + " " + r.body());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> r) {
        return (Map<String, Object>) Json.parse(r.body());
    }

    /** A real one-page PDF with a correct cross-reference table. */
    static byte[] pdf(String text) {
        String content = "BT 50 780 Td (" + text + ") Tj ET";
        List<String> objs = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
        StringBuilder out = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objs.size(); i++) {
            offsets.add(out.length());
            out.append(i + 1).append(" 0 obj\n").append(objs.get(i)).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objs.size() + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) out.append(String.format("%010d 00000 n \n", o));
        out.append("trailer\n<< /Size ").append(objs.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
