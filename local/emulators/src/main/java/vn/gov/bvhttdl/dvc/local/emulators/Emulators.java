package vn.gov.bvhttdl.dvc.local.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the open-source servers that speak the AWS wire protocols: dynoxide (DynamoDB), ElasticMQ (SQS) and
 * S3Proxy (S3, with SigV4 auth on), each as its own process on 127.0.0.1 and the port it bound (port 0, read back),
 * and GreenMail (SMTP) in this JVM the same way.
 * With a data folder, DynamoDB items and S3 objects survive restarts; without one everything is transient.
 */
public final class Emulators implements AutoCloseable {
    /** Credentials the local servers accept. S3Proxy checks signatures, so they must match. */
    public static final String ACCESS_KEY = "local-access-key";
    public static final String SECRET_KEY = "local-secret-key-0123456789";
    public static final String REGION = "ap-southeast-1";

    private final Path repoRoot;
    private final List<Process> processes = new ArrayList<>();
    private final Path logDir;
    private int dynamoPort;
    private int smtpPort;
    private com.icegreen.greenmail.util.GreenMail greenMail;
    private int sqsPort;
    private int s3Port;

    private Emulators(Path repoRoot, Path logDir) {
        this.repoRoot = repoRoot;
        this.logDir = logDir;
    }

    /** Finds the repository (the folder holding template.yaml) from the working directory upwards. */
    public static Path repoRoot() {
        String prop = System.getProperty("dvc.repo.root");
        if (prop != null) return Path.of(prop).toAbsolutePath();
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.exists(p.resolve("template.yaml")) && Files.isDirectory(p.resolve("functions")))) {
            p = p.getParent();
        }
        if (p == null) throw new IllegalStateException("cannot find the repository root (template.yaml) above " + Path.of("").toAbsolutePath());
        return p;
    }

    /**
     * Starts all three servers.
     *
     * @param dataDir where to keep data across restarts, or null for a transient stack (tests)
     */
    public static Emulators start(Path dataDir) {
        Path root = repoRoot();
        try {
            Path logs = dataDir != null ? dataDir.resolve("logs") : Files.createTempDirectory("dvc-emulators");
            Files.createDirectories(logs);
            Emulators e = new Emulators(root, logs);
            Runtime.getRuntime().addShutdownHook(new Thread(e::close, "emulators-stop"));
            e.startAll(dataDir);
            return e;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Every server binds port 0 itself and the port it got is read back from it: nothing picks a "free" port
     * and hands it over later, so another process (or another stack) can never take a port between the pick and the
     * bind. Each port is then checked to answer the protocol expected there, from the process that reported it.
     */
    private void startAll(Path dataDir) throws IOException {
        Path dynoxide = ensureDynoxide();
        startMail();

        String java = ProcessHandle.current().info().command().orElse("java");
        Process sqs = launch("elasticmq", List.of(java, "-Xss1m", "-XX:TieredStopAtLevel=1", "-cp", classpath("local/elasticmq"),
                "vn.gov.bvhttdl.dvc.local.sqs.ElasticMqMain", "0"));

        Path props = logDir.resolve("s3proxy.properties");
        String store = dataDir == null
                ? "jclouds.provider=transient\n"
                : "jclouds.provider=filesystem-nio2\njclouds.filesystem.basedir=" + Files.createDirectories(dataDir.resolve("s3")) + "\n";
        Files.writeString(props, "s3proxy.endpoint=http://127.0.0.1:0\n"
                + "s3proxy.authorization=aws-v2-or-v4\n"
                + "s3proxy.identity=" + ACCESS_KEY + "\n"
                + "s3proxy.credential=" + SECRET_KEY + "\n"
                + "s3proxy.cors-allow-all=true\n"
                + store);
        Process s3 = launch("s3proxy", List.of(java, "-XX:TieredStopAtLevel=1", "-cp", classpath("local/s3proxy"),
                "vn.gov.bvhttdl.dvc.local.s3.S3ProxyMain", props.toString(), s3Events().toString()));

        dynamoPort = startDynoxide(dynoxide, dataDir);
        sqsPort = reportedPort("elasticmq", sqs, "READY sqs http://127.0.0.1:");
        s3Port = reportedPort("s3proxy", s3, "READY s3 http://127.0.0.1:");
        expect("elasticmq", sqsPort, Probe.SQS);
        expect("s3proxy", s3Port, Probe.S3);
    }

    /**
     * dynoxide (a native binary) binds port 0 when asked but prints the port it was given, not the one it got: the
     * port is read back from the kernel's table of the process's own listening sockets ({@code /proc/<pid>/net/tcp}).
     * Where there is no {@code /proc}, a port is picked and the start is retried on a clash (the process exits
     * with "already in use"), at most five times; either way the port must answer DynamoDB from this process.
     */
    private int startDynoxide(Path dynoxide, Path dataDir) throws IOException {
        List<String> db = new ArrayList<>();
        if (dataDir != null) {
            Files.createDirectories(dataDir);
            db.addAll(List.of("--db-path", dataDir.resolve("dynamodb.sqlite").toString()));
        }
        boolean procfs = Files.isReadable(Path.of("/proc/self/net/tcp"));
        for (int attempt = 1; ; attempt++) {
            int wanted = procfs ? 0 : pickPort();
            List<String> cmd = new ArrayList<>(List.of(dynoxide.toString(), "serve", "--host", "127.0.0.1", "--port", String.valueOf(wanted)));
            cmd.addAll(db);
            Process p = launch("dynoxide", cmd);
            try {
                int port = procfs ? listeningPort("dynoxide", p) : awaitOwnPort("dynoxide", p, wanted);
                expect("dynoxide", port, Probe.DYNAMODB);
                if (!p.isAlive()) throw new IllegalStateException("dynoxide exited; see " + logDir.resolve("dynoxide.log"));
                return port;
            } catch (IllegalStateException clash) {
                stop(p);
                if (procfs || attempt >= 5) throw clash;
                System.err.println("[emulators] dynoxide could not use port " + wanted + " (" + clash.getMessage() + "); trying another");
            }
        }
    }

    /** A port free at this moment: only for the fallback above, whose start is checked and retried. */
    private static int pickPort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 0, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** Fallback without /proc: {@code port} answers while {@code p} is still alive a moment later (not someone else's). */
    private int awaitOwnPort(String name, Process p, int port) {
        await(name, p, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return port;
            } catch (IOException notYet) {
                return null;
            }
        });
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!p.isAlive()) throw new IllegalStateException(name + " exited (port " + port + " taken?)");
        return port;
    }

    /** The TCP port {@code p} itself listens on, from /proc: its socket inodes matched against its net namespace's table. */
    private int listeningPort(String name, Process p) {
        return await(name, p, () -> {
            try {
                java.util.Set<String> inodes = new java.util.HashSet<>();
                try (var fds = Files.list(Path.of("/proc", Long.toString(p.pid()), "fd"))) {
                    for (Path fd : (Iterable<Path>) fds::iterator) {
                        try {
                            String target = Files.readSymbolicLink(fd).toString();
                            if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
                        } catch (IOException closed) {
                            // gone while listing
                        }
                    }
                }
                for (String table : List.of("tcp", "tcp6")) {
                    Path t = Path.of("/proc", Long.toString(p.pid()), "net", table);
                    if (!Files.isReadable(t)) continue;
                    for (String line : Files.readAllLines(t)) {
                        String[] f = line.trim().split("\\s+");
                        // sl local_address rem_address st ... inode (field 9); st 0A = LISTEN
                        if (f.length > 9 && f[3].equals("0A") && inodes.contains(f[9])) {
                            return Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
                        }
                    }
                }
                return null;
            } catch (IOException notYet) {
                return null;
            }
        });
    }

    /** The port {@code p} printed on its ready line ({@code prefix<port>}) in its log. */
    private int reportedPort(String name, Process p, String prefix) {
        Path log = logDir.resolve(name + ".log");
        return await(name, p, () -> {
            try {
                if (!Files.exists(log)) return null;
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    if (line.startsWith(prefix)) return Integer.parseInt(line.substring(prefix.length()).trim());
                }
                return null;
            } catch (IOException | java.io.UncheckedIOException notYet) {
                return null; // e.g. a line half written
            }
        });
    }

    /** Polls {@code probe} until it gives a value, for 60 s, failing at once if {@code p} exits. */
    private <T> T await(String name, Process p, java.util.function.Supplier<T> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) return value;
            if (!p.isAlive()) throw new IllegalStateException(name + " exited early (code " + p.exitValue() + "); see " + logDir.resolve(name + ".log"));
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " did not report its port within 60 s; see " + logDir);
    }

    /** What each server must answer on its port: a request that only that protocol's server answers so. */
    enum Probe {
        DYNAMODB, SQS, S3, SMTP
    }

    /** Checks that {@code port} answers {@code probe}'s protocol (the server that reported it, not another one). */
    void expect(String name, int port, Probe probe) {
        String seen;
        try {
            seen = switch (probe) {
                case SMTP -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                        s.setSoTimeout(5000);
                        String banner = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                        yield banner != null && banner.startsWith("220") ? null : banner;
                    }
                }
                // unsigned, DynamoDB refuses with its own JSON error type (a server that is not DynamoDB would not)
                case DYNAMODB -> http(port, "POST", "/", Map.of("X-Amz-Target", "DynamoDB_20120810.ListTables",
                        "Content-Type", "application/x-amz-json-1.0"), "{}", "com.amazon.coral.service#");
                case SQS -> http(port, "GET", "/?Action=ListQueues&Version=2012-11-05", Map.of(), null, "ListQueuesResponse");
                // S3Proxy refuses an unsigned request with S3's XML error document
                case S3 -> http(port, "GET", "/", Map.of(), null, "<Error><Code>");
            };
        } catch (IOException e) {
            seen = e.toString();
        }
        if (seen != null) throw new IllegalStateException(name + " on port " + port + " does not answer as " + probe + ": " + seen);
    }

    /** null when the answer holds {@code expected}, else what was seen. */
    private static String http(int port, String method, String path, Map<String, String> headers, String body, String expected) throws IOException {
        var c = (java.net.HttpURLConnection) java.net.URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(10_000);
        c.setRequestMethod(method);
        headers.forEach(c::setRequestProperty);
        if (body != null) {
            c.setDoOutput(true);
            c.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = c.getResponseCode();
        var in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        c.disconnect();
        return answer.contains(expected) ? null : status + " " + (answer.length() > 300 ? answer.substring(0, 300) : answer);
    }

    private Path ensureDynoxide() throws IOException {
        Path bin = repoRoot.resolve("node_modules/@dynoxide/linux-x64/dynoxide");
        if (!Files.isExecutable(bin)) {
            run(List.of("npm", "install", "--no-audit", "--no-fund"), "npm install (dynoxide)");
        }
        if (!Files.isExecutable(bin)) throw new IllegalStateException("dynoxide is not installed at " + bin + "; run npm install in " + repoRoot);
        return bin;
    }

    private void run(List<String> cmd, String what) {
        try {
            Process p = new ProcessBuilder(cmd).directory(repoRoot.toFile()).inheritIO().start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) throw new IllegalStateException(what + " failed");
        } catch (IOException e) {
            throw new UncheckedIOException(what + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }

    private String classpath(String module) throws IOException {
        Path dir = repoRoot.resolve(module);
        Path cp = dir.resolve("target/classpath.txt");
        if (!Files.exists(cp)) {
            throw new IllegalStateException(cp + " is missing: build first (mvn -DskipTests install from the repository root)");
        }
        return dir.resolve("target/classes") + java.io.File.pathSeparator + Files.readString(cp, StandardCharsets.UTF_8).trim();
    }

    private synchronized Process launch(String name, List<String> cmd) throws IOException {
        Path log = logDir.resolve(name + ".log");
        Process p = new ProcessBuilder(cmd).directory(repoRoot.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        processes.add(p);
        return p;
    }

    private synchronized void stop(Process p) {
        processes.remove(p);
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * GreenMail in this JVM: a real SMTP server on the port it binds (0: the system's choice, read back once bound),
     * every message kept in memory (the outbox reads them back).
     */
    private void startMail() {
        var probe = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1", "smtp"));
        probe.start();
        int port = probe.getSmtp().getPort();
        probe.stop();
        // the functions are given this port: a server stopped and started again (a test's outage) must come back on
        // it, so the one kept is set up with the port itself (retried should another process take it meanwhile)
        for (int attempt = 0; ; attempt++) {
            try {
                greenMail = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
                greenMail.start();
                break;
            } catch (RuntimeException clash) {
                if (attempt >= 4) throw clash;
                probe = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1", "smtp"));
                probe.start();
                port = probe.getSmtp().getPort();
                probe.stop();
            }
        }
        smtpPort = greenMail.getSmtp().getPort();
        expect("greenmail", smtpPort, Probe.SMTP);
    }

    public int smtpPort() { return smtpPort; }

    /**
     * What differs offline from the functions' environment in template.yaml, applied after it: the SMTP server is
     * GreenMail (no TLS, no SES credentials), SMS go to the outbox in the table.
     */
    public Map<String, String> offlineOverrides() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("SMTP_HOST", "127.0.0.1");
        m.put("SMTP_PORT", Integer.toString(smtpPort));
        m.put("SMTP_STARTTLS", "false");
        m.put("SMTP_SECRET_ID", "");
        m.put("SMS_CHANNEL", "outbox");
        return m;
    }

    /** The SMTP server (tests stop and start it to see deliveries retried; the runner's outbox reads what it received). */
    public com.icegreen.greenmail.util.GreenMail mail() { return greenMail; }

    public String dynamoEndpoint() { return "http://127.0.0.1:" + dynamoPort; }

    public String sqsEndpoint() { return "http://127.0.0.1:" + sqsPort; }

    public String s3Endpoint() { return "http://127.0.0.1:" + s3Port; }

    public Path logDir() { return logDir; }

    /** The journal of completed S3 writes that S3Proxy appends to (see local/s3proxy S3ProxyMain), one line each. */
    public Path s3Events() { return logDir.resolve("s3-events.log"); }

    /**
     * The settings a function reads on Lambda from its environment, as JVM system properties for functions run
     * in-process. The AWS SDK reads {@code aws.endpointUrlDynamoDb} etc. the same way it reads
     * {@code AWS_ENDPOINT_URL_DYNAMODB} on Lambda: only the endpoint and credentials differ.
     */
    public Map<String, String> sdkSystemProperties() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("aws.region", REGION);
        m.put("aws.accessKeyId", ACCESS_KEY);
        m.put("aws.secretAccessKey", SECRET_KEY);
        m.put("aws.endpointUrlDynamoDb", dynamoEndpoint());
        m.put("aws.endpointUrlSqs", sqsEndpoint());
        m.put("aws.endpointUrlS3", s3Endpoint());
        m.put("SMTP_HOST", "127.0.0.1");
        m.put("SMTP_PORT", Integer.toString(smtpPort));
        return m;
    }

    /** The same settings as environment variables, for functions started in a child process (benchmarks). */
    public Map<String, String> sdkEnvironment() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("AWS_REGION", REGION);
        m.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        m.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        m.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint());
        m.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint());
        m.put("AWS_ENDPOINT_URL_S3", s3Endpoint());
        m.put("SMTP_HOST", "127.0.0.1");
        m.put("SMTP_PORT", Integer.toString(smtpPort));
        return m;
    }

    @Override
    public synchronized void close() {
        if (greenMail != null) greenMail.stop();
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }
}
