package vn.gov.bvhttdl.dvc.local.runner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.Provisioner;
import vn.gov.bvhttdl.dvc.local.emulators.Template;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.jar.JarFile;

/**
 * The whole system on one machine, without a cloud account: the AWS-protocol servers, the resources of
 * template.yaml, each function from its deployment jar, and the AWS parts around them (HTTP API with its JWT
 * authorizer, SQS event sources, S3 notifications), plus the development sign-in and the web site.
 */
public final class LocalRunner implements AutoCloseable {
    /**
     * How to start. {@code dataDir} null keeps nothing (tests); {@code sqsRetryDelaySeconds} null is AWS behaviour;
     * {@code settings} override the functions' environment of template.yaml (tests: e.g. a sweep with no delay).
     */
    public record Options(int port, Path dataDir, Integer sqsRetryDelaySeconds, Map<String, String> settings) {
        public Options(int port, Path dataDir, Integer sqsRetryDelaySeconds) {
            this(port, dataDir, sqsRetryDelaySeconds, Map.of());
        }
    }

    private final Path root;
    private final Emulators emulators;
    private final Provisioner.Resources resources;
    private final Map<String, FunctionHost> hosts = new LinkedHashMap<>();
    private final List<SqsEventSource> queues = new ArrayList<>();
    private final List<S3Notifications> buckets = new ArrayList<>();
    private final List<ScheduleEventSource> schedules = new ArrayList<>();
    private final List<StreamEventSource> streams = new ArrayList<>();
    private final software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient streamsClient;
    private final HttpServer server;
    private final ExecutorService pool;
    private final DevIdentity identity;
    private final HttpApiGateway gateway;
    private final SqsClient sqs;
    private final S3Client s3;
    private final String openApi;
    private final java.nio.file.Path signingDir;
    private final vn.gov.bvhttdl.dvc.documents.LocalKeySigner devSigner;
    // issue #26: the time-stamping authority (RFC 3161) as a sandbox
    private final TimestampSandbox tsa;
    private final PaymentSandboxes sandboxes;
    // issue #20: the national portal's sandbox
    private final NationalPortalSandbox nationalPortal;
    // issue #20 (part 4): the national database of administrative procedures, for the procedure codes' report
    private final NationalCatalogueSandbox nationalCatalogue;
    private final NationalInboxSandbox nationalInbox;
    private final EnterpriseRegistrySandbox enterpriseRegistry;
    private final NationalSso nationalSso;
    // issue #22: the tax authority's sandbox (the e-receipts' data)
    private final TaxAuthoritySandbox taxAuthority;
    private final DevFederation federation;
    // issue #27: CloudFront's response headers policy of template.yaml, served offline on the portal's answers
    private final SecurityHeaders securityHeaders;
    private DevOutbox outbox;
    private DevAccounts devAccounts;
    // issue 23: the metrics the functions print and the runner sees, for /dev/dashboard
    private final MetricStore metrics = new MetricStore();
    private final java.io.PrintStream stdoutBeforeCapture;
    private final List<Dashboards.Dashboard> dashboards;

    private LocalRunner(Options o) throws Exception {
        root = Emulators.repoRoot();
        Template template = Template.read(root.resolve("template.yaml"));
        dashboards = Dashboards.read(template, Emulators.REGION, "dvc-local");
        emulators = Emulators.start(o.dataDir());
        resources = Provisioner.provision(template, emulators);
        emulators.sdkSystemProperties().forEach(System::setProperty);
        for (Template.Function f : template.functions()) {
            resources.environment(f).forEach((k, v) -> {
                if (!k.equals("JAVA_TOOL_OPTIONS")) System.setProperty(k, v);
            });
        }
        emulators.offlineOverrides().forEach(System::setProperty);
        // offline the results are signed by a development CA's unit key kept in the data folder (KMS on AWS)
        signingDir = o.dataDir() != null ? o.dataDir().resolve("signing") : java.nio.file.Files.createTempDirectory("dvc-signing");
        devSigner = vn.gov.bvhttdl.dvc.documents.LocalKeySigner.in(signingDir);
        System.setProperty("SIGNER", "local");
        System.setProperty("LOCAL_SIGNING_DIR", signingDir.toString());
        tsa = new TimestampSandbox(devSigner);
        server = httpServer(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), o.port()));
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        // offline the payment providers are the runner's sandboxes; their development secrets are committed
        System.setProperty("PAYMENT_SECRETS_FILE", root.resolve("local/sandbox/payments.json").toString());
        sandboxes = new PaymentSandboxes(root.resolve("local/sandbox/payments.json"), this::baseUrl);
        // issue #20: offline the national portal is the runner's sandbox; its development credentials are committed
        System.setProperty("NATIONAL_PORTAL_SECRETS_FILE", root.resolve("local/sandbox/national-portal.json").toString());
        nationalPortal = new NationalPortalSandbox(root.resolve("local/sandbox/national-portal.json"));
        nationalCatalogue = new NationalCatalogueSandbox(root.resolve("local/sandbox/national-portal.json"));
        nationalInbox = new NationalInboxSandbox(root.resolve("local/sandbox/national-portal.json"), this::baseUrl);
        // issue #20 part 5: the national enterprise database as a sandbox; its development credentials are committed
        System.setProperty("ENTERPRISE_REGISTRY_SECRETS_FILE", root.resolve("local/sandbox/enterprise-registry.json").toString());
        enterpriseRegistry = new EnterpriseRegistrySandbox(root.resolve("local/sandbox/enterprise-registry.json"));
        // issue #22: offline the tax authority is the runner's sandbox; its development credentials are committed
        System.setProperty("TAX_AUTHORITY_SECRETS_FILE", root.resolve("local/sandbox/tax-authority.json").toString());
        taxAuthority = new TaxAuthoritySandbox(root.resolve("local/sandbox/tax-authority.json"));
        o.settings().forEach(System::setProperty);
        identity = new DevIdentity(o.dataDir(), base + "/dev");
        // the national portal's SSO (VNeID) as a sandbox, federated into the stand-in for Cognito with the identity
        // provider's attribute mapping of template.yaml (docs/national-portal.md, "Sign-in")
        federation = new DevFederation(identity, DevFederation.Provider.from(template), this::baseUrl, () -> nationalSso().issuer());
        nationalSso = new NationalSso(this::baseUrl, () -> List.of(federation.idpResponse()));

        // the EMF lines the functions print (standard output, as on Lambda) are read into the dashboard's metrics
        stdoutBeforeCapture = EmfCapture.install(metrics);
        for (Template.Function f : template.functions()) {
            // as many invocations at once as the function's reserved concurrency, or the runner's default (FunctionHost)
            FunctionHost host = new FunctionHost(f.logicalId(), root.resolve(f.codeUri()), f.handler(), f.memoryMb(), f.timeoutSeconds(),
                    f.reservedConcurrency() != null ? f.reservedConcurrency() : FunctionHost.defaultConcurrency());
            host.reportTo(metrics);
            hosts.put(f.logicalId(), host);
        }
        gateway = new HttpApiGateway(template.functions(), hosts, identity);
        securityHeaders = SecurityHeaders.from(template, emulators.s3Endpoint());
        openApi = findOpenApi(template);

        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY));
        sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(creds)
                .region(Region.of(Emulators.REGION)).endpointOverride(URI.create(emulators.sqsEndpoint())).build();
        s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(creds)
                .region(Region.of(Emulators.REGION)).endpointOverride(URI.create(emulators.s3Endpoint())).forcePathStyle(true).build();
        streamsClient = software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient.builder().httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(creds).region(Region.of(Emulators.REGION)).endpointOverride(URI.create(emulators.dynamoEndpoint())).build();
        for (Template.Function f : template.functions()) {
            for (Template.SqsTrigger t : f.queues()) {
                queues.add(new SqsEventSource(sqs, resources.of(t.queueLogicalId()), resources.queueArns().get(t.queueLogicalId()),
                        t.batchSize(), t.maximumBatchingWindowSeconds(), t.reportBatchItemFailures(), hosts.get(f.logicalId()), o.sqsRetryDelaySeconds()));
            }
            for (Template.S3Trigger t : f.buckets()) {
                // where this trigger's notifications reached in the journal, kept so that a restart goes on from there
                Path position = o.dataDir() == null ? null
                        : o.dataDir().resolve("s3-notifications").resolve(f.logicalId() + "." + t.bucketLogicalId() + ".offset");
                buckets.add(new S3Notifications(emulators.s3Events(), position, sqs, resources.of(t.bucketLogicalId()), t.prefix() == null ? "" : t.prefix(),
                        hosts.get(f.logicalId()), f.deadLetterQueue() == null ? null : resources.of(f.deadLetterQueue())));
            }
            for (Template.StreamTrigger t : f.streams()) {
                streams.add(new StreamEventSource(streamsClient, sqs, resources.queueArns().get(t.tableLogicalId() + ".StreamArn"),
                        t.startingPosition(), t.batchSize(), t.maximumRetryAttempts(), t.reportBatchItemFailures(), t.filterPatterns(),
                        t.onFailureQueueLogicalId() == null ? null : resources.of(t.onFailureQueueLogicalId()), t.parallelizationFactor(),
                        hosts.get(f.logicalId())));
            }
            for (Template.ScheduleTrigger t : f.schedules()) {
                if (t.enabled()) schedules.add(new ScheduleEventSource(t.name(), t.expression(), hosts.get(f.logicalId()), sqs,
                        f.deadLetterQueue() == null ? null : resources.of(f.deadLetterQueue())));
            }
        }

        // the HTTP server's threads: requests are served at once, each API invocation in a free instance of its function
        // (FunctionHost); a request waiting for one holds its thread, and an invocation may call back into the runner
        // (the sandboxes), so the pool grows rather than queueing behind the waiting ones
        pool = new java.util.concurrent.ThreadPoolExecutor(16, 256, 60, java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.SynchronousQueue<>(), new java.util.concurrent.ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(pool);
        server.createContext("/", this::route);
        server.start();
        // the results' QR codes point at this runner's verification page (the port is known once the server is bound)
        if (!o.settings().containsKey("PUBLIC_BASE_URL")) System.setProperty("PUBLIC_BASE_URL", baseUrl());
        System.setProperty("PAYMENT_SANDBOX_BASE", baseUrl());
        if (!o.settings().containsKey("NATIONAL_PORTAL_URL")) System.setProperty("NATIONAL_PORTAL_URL", baseUrl() + NationalPortalSandbox.BASE);
        if (!o.settings().containsKey("NATIONAL_CATALOGUE_URL")) System.setProperty("NATIONAL_CATALOGUE_URL", baseUrl() + NationalCatalogueSandbox.BASE);
        if (!o.settings().containsKey("NATIONAL_INBOX_URL")) System.setProperty("NATIONAL_INBOX_URL", baseUrl() + NationalInboxSandbox.BASE);
        if (!o.settings().containsKey("ENTERPRISE_REGISTRY_URL")) System.setProperty("ENTERPRISE_REGISTRY_URL", baseUrl() + EnterpriseRegistrySandbox.BASE);
        if (!o.settings().containsKey("TAX_AUTHORITY_URL")) System.setProperty("TAX_AUTHORITY_URL", baseUrl() + TaxAuthoritySandbox.BASE);
        if (!o.settings().containsKey("TSA_URL")) System.setProperty("TSA_URL", baseUrl() + TimestampSandbox.BASE);
        queues.forEach(SqsEventSource::start);
        buckets.forEach(S3Notifications::start);
        schedules.forEach(ScheduleEventSource::start);
        streams.forEach(StreamEventSource::start);
    }

    /**
     * Jetty behind the JDK's HttpServer API. Whatever Jetty refuses before a handler runs (a path with a malformed
     * percent escape, an ambiguous URI, an oversized header) is answered by the error handler here: problem+json
     * like every other refusal of the runner, never an HTML page.
     */
    private static HttpServer httpServer(InetSocketAddress address) throws IOException {
        org.eclipse.jetty.server.Server jetty = new org.eclipse.jetty.server.Server(
                new org.eclipse.jetty.http.spi.DelegatingThreadPool(new org.eclipse.jetty.util.thread.QueuedThreadPool(64, 4)));
        jetty.setHandler(new org.eclipse.jetty.server.handler.ContextHandlerCollection());
        jetty.setErrorHandler((request, response, callback) -> {
            int status = response.getStatus() >= 400 ? response.getStatus() : 400;
            String en = status == 400 ? "The request cannot be read (for example a malformed percent escape in the address)."
                    : status == 431 ? "The request headers are too large." : "The request was refused.";
            String vi = status == 400 ? "Không đọc được yêu cầu (ví dụ mã thoát phần trăm sai trong địa chỉ)."
                    : status == 431 ? "Phần đầu của yêu cầu quá lớn." : "Yêu cầu bị từ chối.";
            String body = vn.gov.bvhttdl.dvc.domain.Json.write(Map.of("type", "https://dichvucong.bvhttdl.gov.vn/problems/"
                    + (status == 400 ? "malformed-request" : "request-refused"), "status", status, "detail", en, "message", Map.of("vi", vi, "en", en)));
            response.setStatus(status);
            response.getHeaders().put("Content-Type", "application/problem+json");
            response.write(true, java.nio.ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        });
        org.eclipse.jetty.server.HttpConfiguration config = new org.eclipse.jetty.server.HttpConfiguration();
        config.setSendServerVersion(false);
        HttpServer server = new org.eclipse.jetty.http.spi.JettyHttpServer(jetty, false, config);
        server.bind(address, 64);
        return server;
    }

    public static LocalRunner start(Options options) throws Exception {
        return new LocalRunner(options);
    }

    public int port() { return server.getAddress().getPort(); }

    public String baseUrl() { return "http://127.0.0.1:" + port(); }

    public Provisioner.Resources resources() { return resources; }

    public Emulators emulators() { return emulators; }

    /** The security headers the runner adds to the portal's answers (template.yaml's response headers policy, offline). */
    public Map<String, String> securityHeaders() { return securityHeaders.headers(); }

    /**
     * Signs in a development user as a script names them (not an account: the APIs take such a token as its claims
     * say, like a token issued before accounts were kept), for tests and scripts; group: citizens, officials or admins.
     * The sign-in page offers officials and administrators only accounts ({@link #accountToken}).
     */
    public String devToken(String name, String idNumber, String email, String group) throws Exception {
        return identity.issue(name, idNumber, email, group);
    }

    /** The same for an official of {@code agency} at its one-stop desk. */
    public String devToken(String name, String idNumber, String email, String group, String agency) throws Exception {
        return identity.issue(name, idNumber, email, group, agency, "MOTCUA", "ONE_STOP");
    }

    /** The same for an official of {@code agency} and {@code unit} holding {@code post} (ONE_STOP, SPECIALIST, LEADER). */
    public String devToken(String name, String idNumber, String email, String group, String agency, String unit, String post) throws Exception {
        return identity.issue(name, idNumber, email, group, agency, unit, post);
    }

    /** The token of the account {@code subject} (what choosing it on the sign-in page gives); empty if none or deactivated. */
    public java.util.Optional<String> accountToken(String subject) throws Exception {
        var account = devAccounts().find(subject).filter(vn.gov.bvhttdl.dvc.application.OfficialAccounts.Account::active);
        return account.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(identity.issue(account.get()));
    }

    /** The officials' accounts in this runner's table, for the development sign-in. */
    synchronized DevAccounts devAccounts() {
        if (devAccounts == null) {
            var ddb = software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY)))
                    .region(Region.of(Emulators.REGION)).endpointOverride(URI.create(emulators.dynamoEndpoint())).build();
            devAccounts = new DevAccounts(new vn.gov.bvhttdl.dvc.adapters.Table(ddb, resources.of("DossierTable")).officialAccounts());
        }
        return devAccounts;
    }

    private NationalSso nationalSso() { return nationalSso; }

    /** The issuer address of the sandbox national SSO (VNeID through the national portal). */
    public String nationalSsoIssuer() { return nationalSso.issuer(); }

    /** Delivers an ObjectCreated notification for {@code key} as S3 would (for tests of what happens next). */
    public void notifyS3(String bucket, String key, long size) {
        buckets.stream().filter(b -> b.bucket().equals(bucket)).forEach(b -> b.notifyCreated(
                new S3Notifications.Write("ObjectCreated:Put", bucket, size, "0", null, key)));
    }

    /** Runs every schedule of template.yaml once now (what its next tick would do); returns each function's answer. */
    public List<String> fireSchedules() {
        return schedules.stream().map(ScheduleEventSource::fire).toList();
    }

    private synchronized DevOutbox outbox() {
        if (outbox == null) {
            outbox = new DevOutbox(emulators.mail(), software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY)))
                    .region(Region.of(Emulators.REGION)).endpointOverride(URI.create(emulators.dynamoEndpoint())).build(), resources.of("DossierTable"));
        }
        return outbox;
    }

    /**
     * Generates a history of {@code n} dossiers for {@code seed} over the past months through the use cases with a
     * controlled clock ({@link HistoryGenerator}, issue #23 item 7), on this runner's table; the stream feeds the
     * counters, the scorecard and the other consumers as it does for moves made now.
     */
    public synchronized HistoryGenerator.Report generateHistory(int n, long seed) { return generateHistory(n, seed, null); }

    /** As {@link #generateHistory(int, long)}, the dossiers created in the past {@code year} (null: the past months) and all ended, for the archive (issue #26). */
    public synchronized HistoryGenerator.Report generateHistory(int n, long seed, Integer year) {
        if (historyGenerator == null) historyGenerator = HistoryGenerator.fromSettings();
        java.time.LocalDate today = java.time.LocalDate.now(vn.gov.bvhttdl.dvc.domain.WorkingCalendar.standard().zone());
        return historyGenerator.run(HistoryPlan.of(n, seed, today, year));
    }

    private HistoryGenerator historyGenerator;

    /** {@code POST /dev/history?n=200&seed=7[&year=2020]}: the generator's report as JSON (offline only). */
    private void history(HttpExchange ex, String rawQuery) throws IOException {
        if (!ex.getRequestMethod().equals("POST")) {
            problem(ex, 405, "method-not-allowed", "Dùng POST.", "Use POST.");
            return;
        }
        Map<String, String> q = PaymentSandboxes.form(rawQuery);
        int n;
        long seed;
        Integer year;
        try {
            n = Integer.parseInt(q.getOrDefault("n", "200"));
            seed = Long.parseLong(q.getOrDefault("seed", "7"));
            year = q.get("year") == null ? null : Integer.valueOf(q.get("year"));
        } catch (NumberFormatException e) {
            problem(ex, 400, "invalid-history", "n, seed và year phải là số.", "n, seed and year must be numbers.");
            return;
        }
        if (year != null && (year < 2000 || year >= java.time.LocalDate.now(vn.gov.bvhttdl.dvc.domain.WorkingCalendar.standard().zone()).getYear())) {
            problem(ex, 400, "invalid-history", "year là một năm đã qua (từ 2000).", "year is a past year (2000 or later).");
            return;
        }
        if (n < 1 || n > 2000) {
            problem(ex, 400, "invalid-history", "n từ 1 đến 2000.", "n is 1 to 2000.");
            return;
        }
        send(ex, 200, "application/json", vn.gov.bvhttdl.dvc.domain.Json.write(generateHistory(n, seed, year).json()));
    }

    /** Replays the table's stream to {@code function} from its starting position (every record again). */
    public void replayStream(String function) {
        streams.stream().filter(s -> s.functionName().equals(function)).forEach(StreamEventSource::rewind);
    }

    /** How many stream records that passed its filter were handed to {@code function} so far. */
    public long streamDeliveries(String function) {
        return streams.stream().filter(s -> s.functionName().equals(function)).mapToLong(StreamEventSource::delivered).sum();
    }

    /** What was sent to citizens (email read back from the SMTP server, SMS from the outbox), oldest first. */
    public List<Map<String, Object>> outboxMessages() { return outbox().messages(); }

    /** The functions with a schedule in template.yaml, one entry per schedule (nothing is fired). */
    public List<String> scheduledFunctions() {
        return schedules.stream().map(ScheduleEventSource::functionName).toList();
    }

    /** The next tick of {@code function}'s schedules now (tests: one function's schedule, whatever the others). */
    public List<String> fireSchedule(String function) {
        return schedules.stream().filter(s -> s.functionName().equals(function)).map(ScheduleEventSource::fire).toList();
    }

    /** How many instances of {@code function} exist now (created on demand up to its concurrency). */
    public int functionInstances(String function) { return hosts.get(function).instances(); }

    /** The most invocations of {@code function} that ran at once so far. */
    public int peakConcurrency(String function) { return hosts.get(function).peakConcurrency(); }

    /** How many invocations of {@code function} may run at once (its reserved concurrency, or the runner's default). */
    public int concurrency(String function) { return hosts.get(function).concurrency(); }

    /** Stops delivering queue messages to functions (tests: a message that stays in the queue when the stack dies). */
    public void stopQueueDelivery() {
        queues.forEach(SqsEventSource::stop);
    }

    /** The national portal's sandbox (issue #20): what it took, per dossier; tests tell it to be down, slow or time out. */
    public Map<String, Object> nationalPortal() { return nationalPortal.snapshot(); }

    /** The national portal's inbox sandbox (issue #20, inbound): the dossiers waiting there and those taken. */
    public Map<String, Object> nationalInbox() { return nationalInbox.snapshot(); }

    /** Submits a dossier on the sandbox national portal ({@code procedureCode}, {@code name}, {@code idNumber}, {@code kind}…); its national code. */
    public String submitOnNationalPortal(Map<String, String> dossier) { return nationalInbox.submit(dossier); }

    /** Sets the national portal sandbox's mode: {@code up}, {@code down}, {@code timeout} or {@code slow} (with {@code delayMs}). */
    public void nationalPortalMode(String mode, long delayMs) {
        nationalPortal.set(NationalPortalSandbox.Mode.valueOf(mode.toUpperCase(Locale.ROOT)), delayMs);
    }

    /** Sets the enterprise database sandbox's mode: {@code up}, {@code down} or {@code timeout} (with {@code delayMs}). */
    public void enterpriseRegistryMode(String mode, long delayMs) {
        enterpriseRegistry.set(EnterpriseRegistrySandbox.Mode.valueOf(mode.toUpperCase(Locale.ROOT)), delayMs);
    }

    /** The enterprise codes the enterprise database sandbox was asked for, oldest first. */
    public List<String> enterpriseRegistryLookups() { return enterpriseRegistry.asked(); }

    /** The tax authority's sandbox (issue #22): the e-receipts it took, in order; tests tell it to be down, slow or time out. */
    public Map<String, Object> taxAuthority() { return taxAuthority.snapshot(); }

    /** How many timestamps the TSA sandbox gave (issue #26). */
    public int timestamps() { return tsa.stamps(); }

    /** Sets the tax authority sandbox's mode: {@code up}, {@code down}, {@code timeout} or {@code slow} (with {@code delayMs}). */
    public void taxAuthorityMode(String mode, long delayMs) {
        taxAuthority.set(TaxAuthoritySandbox.Mode.valueOf(mode.toUpperCase(Locale.ROOT)), delayMs);
    }

    /**
     * Plays GuardDuty Malware Protection's late verdict on an object of the uploads bucket (issue #27): the event
     * "GuardDuty Malware Protection Object Scan Result" as EventBridge's rule puts it on {@code MalwareVerdictQueue}
     * (the envelope, the verdict in {@code detail}), which the runner's SQS source hands to MalwareVerdictFunction.
     *
     * @param result {@code THREATS_FOUND}, {@code NO_THREATS_FOUND}, {@code UNSUPPORTED}, {@code ACCESS_DENIED} or {@code FAILED}
     */
    public void guardDutyVerdict(String key, String versionId, String result, List<String> threats) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("bucketName", resources.of("UploadsBucket"));
        object.put("objectKey", key);
        object.put("eTag", "local");
        if (versionId != null) object.put("versionId", versionId);
        object.put("s3Throttled", false);
        Map<String, Object> scan = new LinkedHashMap<>();
        scan.put("scanResultStatus", result);
        if ("THREATS_FOUND".equals(result)) scan.put("threats", threats.stream().map(t -> Map.of("name", t)).toList());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("schemaVersion", "1.0");
        detail.put("scanStatus", "COMPLETED");
        detail.put("resourceType", "S3_OBJECT");
        detail.put("s3ObjectDetails", object);
        detail.put("scanResultDetails", scan);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", java.util.UUID.randomUUID().toString());
        event.put("detail-type", "GuardDuty Malware Protection Object Scan Result");
        event.put("source", "aws.guardduty");
        event.put("account", "000000000000");
        event.put("time", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        event.put("region", Emulators.REGION);
        event.put("resources", List.of());
        event.put("detail", detail);
        String body = vn.gov.bvhttdl.dvc.domain.Json.write(event);
        sqs.sendMessage(b -> b.queueUrl(resources.of("MalwareVerdictQueue")).messageBody(body));
    }

    /** {@code POST /dev/guardduty} {"key", "versionId"?, "result", "threats"?}: {@link #guardDutyVerdict}, answered 202. */
    @SuppressWarnings("unchecked")
    private void guardDuty(HttpExchange ex) throws IOException {
        if (!ex.getRequestMethod().equalsIgnoreCase("POST")) {
            problem(ex, 405, "method-not-allowed", "Chỉ nhận POST.", "POST only.");
            return;
        }
        Object parsed;
        try {
            parsed = vn.gov.bvhttdl.dvc.domain.Json.parse(new String(ex.getRequestBody().readNBytes(16_384), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            parsed = null;
        }
        if (!(parsed instanceof Map<?, ?> m) || !(m.get("key") instanceof String key) || !(m.get("result") instanceof String result)
                || !List.of("THREATS_FOUND", "NO_THREATS_FOUND", "UNSUPPORTED", "ACCESS_DENIED", "FAILED").contains(result)) {
            problem(ex, 400, "malformed-request", "Cần {\"key\", \"result\"} (THREATS_FOUND, NO_THREATS_FOUND, UNSUPPORTED…).",
                    "Expected {\"key\", \"result\"} (THREATS_FOUND, NO_THREATS_FOUND, UNSUPPORTED…).");
            return;
        }
        List<String> threats = new ArrayList<>();
        if (m.get("threats") instanceof List<?> l) for (Object t : l) threats.add(String.valueOf(t));
        if (threats.isEmpty()) threats.add("EICAR-Test-File (not a virus)");
        guardDutyVerdict(key, m.get("versionId") instanceof String v ? v : null, result, threats);
        send(ex, 202, "application/json", "{\"queued\":true}");
    }

    /** Delivers pending S3 notifications now instead of at the next poll. */
    public void flushS3Notifications() {
        buckets.forEach(S3Notifications::scan);
    }

    private void route(HttpExchange ex) throws IOException {
        try {
            java.net.URI uri;
            try {
                uri = ex.getRequestURI();
            } catch (IllegalArgumentException malformed) { // e.g. a bad percent escape in the query
                problem(ex, 400, "malformed-request", "Không đọc được địa chỉ của yêu cầu (mã thoát phần trăm sai).",
                        "The request's address cannot be read (a malformed percent escape).");
                return;
            }
            String path = uri.getRawPath();
            // the portal's own answers (what CloudFront serves: the site, the API) and the development sign-in page
            // carry the template's security headers; the outside parties' sandboxes do not (SecurityHeaders)
            if (gateway.handles(path) || path.equals("/dev/sign-in") || !(path.startsWith("/sandbox/") || path.startsWith("/dev/"))) {
                securityHeaders.mark(ex);
            }
            if (gateway.handles(path)) {
                gateway.handle(ex);
            } else if (nationalInbox.handles(path)) { // before the portal's /sandbox/national-portal
                nationalInbox.handle(ex);
            } else if (nationalPortal.handles(path)) { // before the payment sandboxes' /sandbox/
                nationalPortal.handle(ex);
            } else if (nationalCatalogue.handles(path)) { // before the payment sandboxes' /sandbox/
                nationalCatalogue.handle(ex);
            } else if (enterpriseRegistry.handles(path)) {
                enterpriseRegistry.handle(ex);
            } else if (taxAuthority.handles(path)) { // before the payment sandboxes' /sandbox/
                taxAuthority.handle(ex);
            } else if (tsa.handles(path)) { // before the payment sandboxes' /sandbox/
                tsa.handle(ex);
            } else if (nationalSso.handles(path)) {
                nationalSso.handle(ex);
            } else if (federation.handles(path)) {
                federation.handle(ex);
            } else if (sandboxes.handles(path)) {
                sandboxes.handle(ex);
            } else if (path.equals("/openapi.yml")) {
                send(ex, 200, "application/yaml; charset=utf-8", openApi);
            } else if (path.equals("/dev/sign-in")) {
                signIn(ex);
            } else if (path.equals("/dev/guardduty")) {
                guardDuty(ex);
            } else if (path.equals("/dev/outbox")) {
                send(ex, 200, "text/html; charset=utf-8", outbox().html());
            } else if (path.equals("/dev/outbox.json")) {
                send(ex, 200, "application/json", outbox().json());
            } else if (path.equals("/dev/dashboard")) {
                send(ex, 200, "text/html; charset=utf-8", dashboardPage());
            } else if (path.equals("/dev/dashboard/data")) {
                send(ex, 200, "application/json", vn.gov.bvhttdl.dvc.domain.Json.write(dashboardData()));
            } else if (path.equals("/dev/dashboard/echarts.min.js")) {
                // the charting library, from the repository's node_modules (npm install; a development dependency)
                Path lib = root.resolve("node_modules/echarts/dist/echarts.min.js");
                if (!Files.isRegularFile(lib)) {
                    problem(ex, 404, "no-such-resource", "Chưa cài echarts (npm install).", "echarts is not installed (npm install).");
                } else {
                    byte[] bytes = Files.readAllBytes(lib);
                    ex.getResponseHeaders().add("Content-Type", "text/javascript; charset=utf-8");
                    ex.getResponseHeaders().add("Cache-Control", "max-age=3600");
                    Exchanges.sendHeaders(ex, 200, bytes.length);
                    ex.getResponseBody().write(bytes);
                    ex.close();
                }
            } else if (path.equals("/dev/history")) {
                history(ex, uri.getRawQuery());
            } else if (path.equals("/dev/ca.pem")) {
                // the development CA: anyone can check a result signed offline against it
                send(ex, 200, "application/x-pem-file", devSigner.caPem());
            } else if (path.equals("/dev/jwks.json") || path.equals("/.well-known/jwks.json")) {
                send(ex, 200, "application/json", identity.jwks());
            } else if (path.equals("/config.js")) {
                send(ex, 200, "text/javascript; charset=utf-8", "window.DVC_CONFIG = {apiBase: '', signInUrl: '/dev/sign-in', "
                        + "national: {authorizeUrl: '/dev/oauth2/authorize', tokenUrl: '/dev/oauth2/token', clientId: '" + DevIdentity.AUDIENCE
                        + "', provider: '" + federation.provider().name() + "'}, "
                        + "environment: 'local', hotline: '1900 0000 (số thử nghiệm / test number)'};\n");
            } else {
                staticFile(ex, path);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            problem(ex, 500, "internal-error", "Lỗi của trình chạy cục bộ.", "The local runner hit an error.");
        }
    }

    private static String dashboardPage() throws IOException {
        try (InputStream in = LocalRunner.class.getResourceAsStream("/dev/dashboard.html")) {
            if (in == null) throw new IllegalStateException("dev/dashboard.html is missing from the runner");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The template's dashboards computed from the metrics kept (issue 23): what {@code /dev/dashboard} draws. The
     * dead-letter and work queues' depth (AWS/SQS {@code ApproximateNumberOfMessagesVisible}) is sampled from
     * ElasticMQ when asked, for each queue a widget names.
     */
    public Map<String, Object> dashboardData() {
        long now = System.currentTimeMillis();
        for (Map<String, String> dims : Dashboards.named(dashboards, "AWS/SQS", "ApproximateNumberOfMessagesVisible")) {
            String queue = dims.get("QueueName");
            if (queue == null || !resources.physical().containsKey(queue)) continue;
            try {
                String n = sqs.getQueueAttributes(b -> b.queueUrl(resources.of(queue))
                        .attributeNames(software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                        .attributes().get(software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
                if (n != null) metrics.add(new MetricStore.Point("AWS/SQS", "ApproximateNumberOfMessagesVisible", Map.of("QueueName", queue), now, Double.parseDouble(n)));
            } catch (RuntimeException e) {
                // a queue the emulator does not answer for: no point
            }
        }
        Map<String, Object> out = new LinkedHashMap<>(Dashboards.data(dashboards, metrics.points(), now));
        out.put("store", metrics.counters());
        return out;
    }

    /** The runner's own refusals, as problem+json like the API's (the gateway's {"message"} bodies aside). */
    static void problem(HttpExchange ex, int status, String slug, String vi, String en) throws IOException {
        send(ex, status, "application/problem+json", vn.gov.bvhttdl.dvc.domain.Json.write(Map.of(
                "type", "https://dichvucong.bvhttdl.gov.vn/problems/" + slug, "status", status, "detail", en,
                "message", Map.of("vi", vi, "en", en))));
    }

    private void staticFile(HttpExchange ex, String rawPath) throws IOException {
        Path web = root.resolve("web").toAbsolutePath().normalize();
        String path = decodeOrEmpty(rawPath);
        if (path.endsWith("/")) path += "index.html";
        Path file = null;
        if (path.startsWith("/") && path.indexOf('\0') < 0) {
            try {
                file = web.resolve(path.substring(1)).normalize();
            } catch (java.nio.file.InvalidPathException notAPath) {
                file = null;
            }
        }
        if (file == null || !file.startsWith(web) || !Files.isRegularFile(file) || file.getFileName().toString().startsWith(".")
                || file.startsWith(web.resolve("test")) || file.startsWith(web.resolve("node_modules"))) {
            problem(ex, 404, "no-such-resource", "Không có tài nguyên tại địa chỉ này.", "There is nothing at this address.");
            return;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".js") ? "text/javascript; charset=utf-8"
                : name.endsWith(".css") ? "text/css; charset=utf-8" : name.endsWith(".svg") ? "image/svg+xml"
                : name.endsWith(".png") ? "image/png" : name.endsWith(".json") ? "application/json" : "application/octet-stream";
        byte[] bytes = Files.readAllBytes(file);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.getResponseHeaders().add("Cache-Control", "no-cache");
        // compressed as CloudFront compresses the site (template.yaml: Compress: true; text of 1,000 bytes to 10 MB),
        // so the first load measured offline (bench/web-first-load.mjs) moves the bytes a visitor's browser would
        // (CloudFront answers Brotli where the browser takes it, a little smaller still; gzip is what the JDK has)
        String accepts = ex.getRequestHeaders().getFirst("Accept-Encoding");
        boolean text = type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("image/svg");
        if (text && bytes.length >= 1000 && accepts != null && accepts.toLowerCase(Locale.ROOT).contains("gzip")) {
            java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream(bytes.length / 3);
            try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
                gz.write(bytes);
            }
            bytes = zipped.toByteArray();
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        ex.getResponseHeaders().add("Vary", "Accept-Encoding");
        Exchanges.sendHeaders(ex, 200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private void signIn(HttpExchange ex) throws IOException {
        if (ex.getRequestMethod().equalsIgnoreCase("POST")) {
            Map<String, String> form = new LinkedHashMap<>();
            // the rest of a longer body is discarded before the answer (Exchanges)
            for (String pair : new String(ex.getRequestBody().readNBytes(16_384), StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) form.put(decodeOrEmpty(pair.substring(0, eq)), decodeOrEmpty(pair.substring(eq + 1)).strip());
            }
            String redirect = DevPages.sameOriginPath(form.getOrDefault("redirect", "/"));
            String token;
            try {
                if (form.containsKey("account")) {
                    // an official's or administrator's account: the token says what the account says
                    var account = devAccounts().find(form.get("account")).filter(vn.gov.bvhttdl.dvc.application.OfficialAccounts.Account::active);
                    if (account.isEmpty()) {
                        send(ex, 403, "text/html; charset=utf-8", DevPages.signIn(redirect,
                                "Tài khoản không tồn tại hoặc đã bị vô hiệu hóa. / No such account, or it was deactivated.", form, devAccounts().active()));
                        return;
                    }
                    token = identity.issue(account.get());
                } else {
                    String name = form.getOrDefault("name", "");
                    String id = form.getOrDefault("idNumber", "");
                    String email = form.getOrDefault("email", "");
                    if (name.isBlank() || !id.matches("\\d{12}")) {
                        send(ex, 400, "text/html; charset=utf-8", DevPages.signIn(redirect,
                                "Vui lòng nhập họ tên và số định danh cá nhân 12 chữ số. / Enter a name and a 12-digit ID number.", form, devAccounts().active()));
                        return;
                    }
                    // scripts (web/test/e2e.mjs's devToken) may still post a role, unit and post: a token as claimed,
                    // without an account (devToken); the page offers officials and administrators accounts only
                    String role = form.getOrDefault("role", "citizen");
                    String group = role.equals("official") ? DevIdentity.OFFICIALS : role.equals("admin") ? DevIdentity.ADMINS : DevIdentity.CITIZENS;
                    String unitRef = group.equals(DevIdentity.OFFICIALS) ? form.getOrDefault("unit", "") : "";
                    int slash = unitRef.indexOf('/');
                    String agency = slash > 0 ? unitRef.substring(0, slash) : null;
                    String unit = slash > 0 ? unitRef.substring(slash + 1) : null;
                    if (agency != null && !vn.gov.bvhttdl.dvc.domain.Organisation.standard().hasUnit(agency, unit)) agency = unit = null;
                    vn.gov.bvhttdl.dvc.domain.Post post = agency == null ? null : vn.gov.bvhttdl.dvc.domain.Post.parse(form.get("post"));
                    token = identity.issue(name, id, email, group, agency, unit, post == null ? null : post.name());
                }
                ex.getResponseHeaders().add("Location", redirect + "#id_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
                Exchanges.sendHeaders(ex, 303, -1);
                ex.close();
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        String query = ex.getRequestURI().getRawQuery();
        String redirect = "/";
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("redirect=")) redirect = DevPages.sameOriginPath(decodeOrEmpty(pair.substring(9)));
            }
        }
        send(ex, 200, "text/html; charset=utf-8", DevPages.signIn(redirect, null, Map.of(), devAccounts().active()));
    }

    /** A form or query value; a malformed percent escape makes it empty rather than an error. */
    private static String decodeOrEmpty(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    /**
     * The OpenAPI document of the whole HTTP API: each API function's jar carries the document generated from its
     * controllers (META-INF/swagger); their paths and schemas are put together, as the HTTP API routes them together.
     */
    @SuppressWarnings("unchecked")
    private String findOpenApi(Template template) throws IOException {
        Map<String, Object> merged = null;
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml();
        for (Template.Function f : template.functions()) {
            if (f.routes().isEmpty()) continue;
            try (JarFile jar = new JarFile(root.resolve(f.codeUri()).toFile())) {
                var entry = jar.stream().filter(e -> e.getName().startsWith("META-INF/swagger/") && e.getName().endsWith(".yml")).findFirst();
                if (entry.isEmpty()) continue;
                Map<String, Object> doc;
                try (InputStream in = jar.getInputStream(entry.get())) {
                    doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                if (merged == null) {
                    merged = new java.util.LinkedHashMap<>(doc);
                    Map<String, Object> info = new java.util.LinkedHashMap<>((Map<String, Object>) merged.getOrDefault("info", Map.of()));
                    info.put("title", "dvc-api");
                    merged.put("info", info);
                    continue;
                }
                for (String section : List.of("paths")) {
                    Map<String, Object> into = new java.util.TreeMap<>((Map<String, Object>) merged.getOrDefault(section, Map.of()));
                    into.putAll((Map<String, Object>) doc.getOrDefault(section, Map.of()));
                    merged.put(section, into);
                }
                Map<String, Object> components = new java.util.LinkedHashMap<>((Map<String, Object>) merged.getOrDefault("components", Map.of()));
                ((Map<String, Object>) doc.getOrDefault("components", Map.of())).forEach((k, v) -> {
                    Map<String, Object> into = new java.util.TreeMap<>((Map<String, Object>) components.getOrDefault(k, Map.of()));
                    into.putAll((Map<String, Object>) v);
                    components.put(k, into);
                });
                merged.put("components", components);
            }
        }
        return merged == null ? "# no OpenAPI document was generated\n" : yaml.dump(merged);
    }

    static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        Exchanges.sendHeaders(ex, status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        EmfCapture.uninstall(stdoutBeforeCapture);
        queues.forEach(SqsEventSource::stop);
        buckets.forEach(S3Notifications::stop);
        schedules.forEach(ScheduleEventSource::stop);
        streams.forEach(StreamEventSource::stop);
        server.stop(0);
        sandboxes.stop();
        pool.shutdownNow();
        for (FunctionHost h : hosts.values()) {
            try {
                h.close();
            } catch (Exception e) {
                System.err.println("closing " + h.name + ": " + e);
            }
        }
        sqs.close();
        s3.close();
        streamsClient.close();
        emulators.close();
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "3000"));
        Path data = Path.of(System.getenv().getOrDefault("DVC_DATA_DIR", Emulators.repoRoot().resolve(".local-data").toString()));
        LocalRunner runner = start(new Options(port, data, null));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nĐang dừng… / stopping…");
            runner.close();
        }, "runner-stop"));
        String base = runner.baseUrl();
        System.out.printf("""

                Cổng Dịch vụ công (offline) sẵn sàng sau %.1f s / ready.
                  Web:        %s/
                  Đăng nhập:  %s/#/sign-in  (VNeID qua hộp cát Cổng DVC quốc gia / national portal sandbox)
                  Phát triển: %s/dev/sign-in  (tài khoản cán bộ, quản trị / officials, administrators: development)
                  API:        %s/api/procedures
                  Cổng QG:    %s/dev/national-inbox  (nộp hồ sơ trên Cổng DVC quốc gia / submit on the national portal sandbox)
                  OpenAPI:    %s/openapi.yml
                  Bảng đo:    %s/dev/dashboard  (CloudWatch dashboards offline)   Thư đi / outbox: %s/dev/outbox
                  DynamoDB:   %s   SQS: %s   S3: %s
                  Dữ liệu / data: %s
                Ctrl-C để dừng / to stop.
                """, (System.nanoTime() - t0) / 1e9, base, base, base, base, base, base, base, base,
                runner.emulators.dynamoEndpoint(), runner.emulators.sqsEndpoint(), runner.emulators.s3Endpoint(), data);
        // local/run --history N [seed [year]]: a history of N dossiers over the past months (issue #23 item 7), or
        // created in a past year and all ended, for the archive (issue #26)
        if (args.length >= 2 && args[0].equals("--history")) {
            int n = Integer.parseInt(args[1]);
            long seed = args.length >= 3 ? Long.parseLong(args[2]) : 7;
            Integer year = args.length >= 4 ? Integer.valueOf(args[3]) : null;
            long g0 = System.nanoTime();
            HistoryGenerator.Report r = runner.generateHistory(n, seed, year);
            System.out.printf("Lịch sử / history: %d hồ sơ / dossiers (seed %d) in %.1f s; %s%n", r.dossierIds().size(), seed,
                    (System.nanoTime() - g0) / 1e9, r.problems().isEmpty() ? "no problem" : r.problems().size() + " problems: " + r.problems());
        }
        Thread.currentThread().join();
    }
}
