package vn.gov.bvhttdl.dvc.local.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
 * S3Proxy (S3, with SigV4 auth on), each as its own process on 127.0.0.1 and a free port.
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

    private void startAll(Path dataDir) throws IOException {
        Path dynoxide = ensureDynoxide();
        dynamoPort = freePort();
        sqsPort = freePort();
        s3Port = freePort();

        List<String> dyn = new ArrayList<>(List.of(dynoxide.toString(), "serve", "--host", "127.0.0.1", "--port", String.valueOf(dynamoPort)));
        if (dataDir != null) {
            Files.createDirectories(dataDir);
            dyn.addAll(List.of("--db-path", dataDir.resolve("dynamodb.sqlite").toString()));
        }
        launch("dynoxide", dyn);
        startMail();

        String java = ProcessHandle.current().info().command().orElse("java");
        launch("elasticmq", List.of(java, "-Xss1m", "-XX:TieredStopAtLevel=1", "-cp", classpath("local/elasticmq"),
                "vn.gov.bvhttdl.dvc.local.sqs.ElasticMqMain", String.valueOf(sqsPort)));

        Path props = logDir.resolve("s3proxy.properties");
        String store = dataDir == null
                ? "jclouds.provider=transient\n"
                : "jclouds.provider=filesystem-nio2\njclouds.filesystem.basedir=" + Files.createDirectories(dataDir.resolve("s3")) + "\n";
        Files.writeString(props, "s3proxy.endpoint=http://127.0.0.1:" + s3Port + "\n"
                + "s3proxy.authorization=aws-v2-or-v4\n"
                + "s3proxy.identity=" + ACCESS_KEY + "\n"
                + "s3proxy.credential=" + SECRET_KEY + "\n"
                + "s3proxy.cors-allow-all=true\n"
                + store);
        launch("s3proxy", List.of(java, "-XX:TieredStopAtLevel=1", "-cp", classpath("local/s3proxy"),
                "vn.gov.bvhttdl.dvc.local.s3.S3ProxyMain", props.toString(), s3Events().toString()));

        waitForPort("dynoxide", dynamoPort);
        waitForPort("elasticmq", sqsPort);
        waitForPort("s3proxy", s3Port);
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

    private void launch(String name, List<String> cmd) throws IOException {
        Path log = logDir.resolve(name + ".log");
        Process p = new ProcessBuilder(cmd).directory(repoRoot.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        processes.add(p);
    }

    private void waitForPort(String name, int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                for (Process p : processes) {
                    if (!p.isAlive()) throw new IllegalStateException(name + " (or another emulator) exited early; see logs in " + logDir);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException(name + " did not open port " + port + " within 60 s; see " + logDir);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** GreenMail in this JVM: a real SMTP server on a free port, every message kept in memory (the outbox reads them back). */
    private void startMail() throws IOException {
        smtpPort = freePort();
        greenMail = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        greenMail.start();
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
