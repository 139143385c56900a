package vn.gov.bvhttdl.dvc.bench;

import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.Provisioner;
import vn.gov.bvhttdl.dvc.local.emulators.Template;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Cold start of each function against its floor, interleaved (A B A B …) so that ratios hold on a noisy machine.
 * Each sample is a fresh JVM pinned to one CPU with C1 only, against dynoxide; fresh data per sample so that every
 * invocation does its real work. Usage: {@code local/bench [runs]}, or {@code ColdStartBench runs Name1,Name2} for
 * some functions only (their logical ids in template.yaml); writes bench/results.md.
 */
public final class ColdStartBench {
    record Sample(double wallMs, long initMs, long invokeMs, long rssKb) {}

    /** A function, its floor, the sample of each invocation, and a check after each (that the sample did its work). */
    record Case(String name, String handler, String jar, String floor, Function<DossierStore, String> event, Runnable check) {
        Case(String name, String handler, String jar, String floor, Function<DossierStore, String> event) {
            this(name, handler, jar, floor, event, () -> {});
        }
    }

    private ColdStartBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        java.util.Set<String> only = args.length > 1 ? java.util.Set.of(args[1].split(",")) : null;
        Path root = Emulators.repoRoot();
        Template template = Template.read(root.resolve("template.yaml"));
        try (Emulators e = Emulators.start(null); NationalSeed.Portal portal = new NationalSeed.Portal(); NationalSeed.Portal taxAuthority = new NationalSeed.Portal()) {
            Provisioner.Resources r = Provisioner.provision(template, e);
            e.sdkSystemProperties().forEach(System::setProperty);
            Map<String, String> env = new LinkedHashMap<>(e.sdkEnvironment());
            for (Template.Function f : template.functions()) {
                r.environment(f).forEach((k, v) -> { if (!k.equals("JAVA_TOOL_OPTIONS")) env.put(k, v); });
            }
            env.putAll(e.offlineOverrides());
            env.put("SWEEP_AFTER_MINUTES", "0"); // the sweep finds the bench's submitted dossiers and hands them over
            // as the runner does: the verification address of receipts and results, the development signer
            env.put("PUBLIC_BASE_URL", "http://127.0.0.1:3000");
            env.put("SIGNER", "local");
            env.put("LOCAL_SIGNING_DIR", Files.createTempDirectory("dvc-bench-signing").toString());
            // the providers: the committed sandbox settings, no sandbox behind them (a provider call fails at once, in both)
            env.put("PAYMENT_SECRETS_FILE", root.resolve("local/sandbox/payments.json").toString());
            env.put("PAYMENT_SANDBOX_BASE", "http://127.0.0.1:9");
            // the national portal: a stand-in in this JVM that answers success; its credentials from the committed
            // sandbox file, as the runner gives them (the function reads the file before the secret dvc/national-portal)
            env.put("NATIONAL_PORTAL_URL", portal.url());
            env.put("NATIONAL_INBOX_URL", portal.url());
            env.put("NATIONAL_PORTAL_SECRETS_FILE", root.resolve("local/sandbox/national-portal.json").toString());
            // the tax authority (issue #22): another such stand-in, the committed sandbox credentials
            env.put("TAX_AUTHORITY_URL", taxAuthority.url());
            env.put("TAX_AUTHORITY_SECRETS_FILE", root.resolve("local/sandbox/tax-authority.json").toString());
            env.forEach(System::setProperty);
            DossierStore store = DossierStore.fromSettings();
            vn.gov.bvhttdl.dvc.adapters.PaymentStore payments = vn.gov.bvhttdl.dvc.adapters.Table.of(store).payments();
            String bucket = r.of("UploadsBucket");

            Map<String, Template.Function> fns = new LinkedHashMap<>();
            template.functions().forEach(f -> fns.put(f.logicalId(), f));
            List<Case> all = List.of(
                    new Case("PublicApiFunction", fns.get("PublicApiFunction").handler(), fns.get("PublicApiFunction").codeUri(),
                            Floors.PublicApi.class.getName(), s -> read(root, "public-api-list-procedures.json")),
                    new Case("OfficialApiFunction", fns.get("OfficialApiFunction").handler(), fns.get("OfficialApiFunction").codeUri(),
                            Floors.OfficialApi.class.getName(), s -> officialEvent(root, s)),
                    new Case("AdminApiFunction", fns.get("AdminApiFunction").handler(), fns.get("AdminApiFunction").codeUri(),
                            Floors.AdminApi.class.getName(), s -> read(root, "admin-api-publications.json")),
                    new Case("CitizenApiFunction", fns.get("CitizenApiFunction").handler(), fns.get("CitizenApiFunction").codeUri(),
                            Floors.Api.class.getName(), s -> apiEvent(root, s)),
                    new Case("ValidationFunction", fns.get("ValidationFunction").handler(), fns.get("ValidationFunction").codeUri(),
                            Floors.Validation.class.getName(), s -> sqsEvent(root, s)),
                    new Case("UploadScanFunction", fns.get("UploadScanFunction").handler(), fns.get("UploadScanFunction").codeUri(),
                            Floors.Upload.class.getName(), s -> s3Event(root, s, bucket)),
                    new Case("MalwareVerdictFunction", fns.get("MalwareVerdictFunction").handler(), fns.get("MalwareVerdictFunction").codeUri(),
                            Floors.MalwareVerdict.class.getName(), s -> malwareVerdictEvent(root, s, bucket)),
                    new Case("SubmissionSweepFunction", fns.get("SubmissionSweepFunction").handler(), fns.get("SubmissionSweepFunction").codeUri(),
                            Floors.Sweep.class.getName(), s -> {
                                seed(s, true); // one more lost submission for each run to find
                                return read(root, "submission-sweep-scheduled.json");
                            }),
                    new Case("DeadlineWatchFunction", fns.get("DeadlineWatchFunction").handler(), fns.get("DeadlineWatchFunction").codeUri(),
                            Floors.Deadlines.class.getName(), s -> read(root, "deadline-watch-scheduled.json")),
                    new Case("PaymentCallbackFunction", fns.get("PaymentCallbackFunction").handler(), fns.get("PaymentCallbackFunction").codeUri(),
                            Floors.PaymentCallback.class.getName(), s -> PaymentSeed.event(root, PaymentSeed.seed(s, payments))),
                    new Case("PaymentReconcileFunction", fns.get("PaymentReconcileFunction").handler(), fns.get("PaymentReconcileFunction").codeUri(),
                            Floors.PaymentReconcile.class.getName(), s -> read(root, "payment-reconcile-scheduled.json")),
                    new Case("StatusNotifyFunction", fns.get("StatusNotifyFunction").handler(), fns.get("StatusNotifyFunction").codeUri(),
                            Floors.StatusNotify.class.getName(), s -> NoticeSeed.streamEvent(root, s)),
                    new Case("QualitySurveyFunction", fns.get("QualitySurveyFunction").handler(), fns.get("QualitySurveyFunction").codeUri(),
                            Floors.QualitySurvey.class.getName(), s -> NoticeSeed.surveyEvent(root, s)),
                    new Case("EmailFeedbackFunction", fns.get("EmailFeedbackFunction").handler(), fns.get("EmailFeedbackFunction").codeUri(),
                            Floors.EmailFeedback.class.getName(), s -> read(root, "email-feedback-bounce.json")
                                    .replace("REPLACED-BY-TEST", "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.vn")),
                    new Case("NoticeResendFunction", fns.get("NoticeResendFunction").handler(), fns.get("NoticeResendFunction").codeUri(),
                            Floors.NoticeResend.class.getName(), s -> read(root, "notice-resend-scheduled.json")),
                    new Case("StatusCountsFunction", fns.get("StatusCountsFunction").handler(), fns.get("StatusCountsFunction").codeUri(),
                            Floors.Counts.class.getName(), s -> read(root, "status-counts-stream.json")
                                    .replace("REPLACED-BY-TEST", UUID.randomUUID().toString())),
                    new Case("NationalOutboxFunction", fns.get("NationalOutboxFunction").handler(), fns.get("NationalOutboxFunction").codeUri(),
                            Floors.NationalOutbox.class.getName(), s -> NationalSeed.outboxEvent(root, s)),
                    new Case("NationalSyncFunction", fns.get("NationalSyncFunction").handler(), fns.get("NationalSyncFunction").codeUri(),
                            Floors.NationalSync.class.getName(), s -> NationalSeed.syncEvent(root, s, portal), portal::check),
                    new Case("NationalInboxFunction", fns.get("NationalInboxFunction").handler(), fns.get("NationalInboxFunction").codeUri(),
                            Floors.NationalInbox.class.getName(), s -> NationalSeed.inboxEvent(root, portal), portal::check),
                    new Case("TaxOutboxFunction", fns.get("TaxOutboxFunction").handler(), fns.get("TaxOutboxFunction").codeUri(),
                            Floors.TaxOutbox.class.getName(), s -> TaxSeed.outboxEvent(root)),
                    new Case("TaxHandoverFunction", fns.get("TaxHandoverFunction").handler(), fns.get("TaxHandoverFunction").codeUri(),
                            Floors.TaxHandover.class.getName(), s -> TaxSeed.handOverEvent(root, s, taxAuthority), taxAuthority::check),
                    // issue 26: a new refused dossier's id each time (the sample's image; its record and package made once)
                    new Case("ArchiveFunction", fns.get("ArchiveFunction").handler(), fns.get("ArchiveFunction").codeUri(),
                            Floors.Archive.class.getName(), s -> read(root, "archive-stream.json").replace("REPLACED-BY-TEST", UUID.randomUUID().toString())),
                    new Case("ArchiveHandoverFunction", fns.get("ArchiveHandoverFunction").handler(), fns.get("ArchiveHandoverFunction").codeUri(),
                            Floors.ArchiveHandover.class.getName(), s -> read(root, "archive-handover-scheduled.json")),
                    new Case("DraftExpiryFunction", fns.get("DraftExpiryFunction").handler(), fns.get("DraftExpiryFunction").codeUri(),
                            Floors.DraftExpiry.class.getName(), s -> read(root, "draft-expiry-scheduled.json")));
            List<Case> cases = all.stream().filter(c -> only == null || only.contains(c.name())).toList();
            if (cases.isEmpty()) throw new IllegalArgumentException("no function named " + only);
            // BENCH_AGAINST=<another checkout, built>: each function also from that checkout's jar, interleaved with
            // this one's and the same floor, so that two commits are compared in one run (the floor moves between runs)
            String against = System.getenv("BENCH_AGAINST");
            if (against != null && !against.isBlank()) {
                Path other = Path.of(against).toAbsolutePath();
                List<Case> both = new ArrayList<>();
                for (Case c : cases) {
                    both.add(c);
                    Path jar = other.resolve(c.jar());
                    if (!Files.isRegularFile(jar)) throw new IllegalArgumentException("BENCH_AGAINST: no " + jar + " (build that checkout first)");
                    both.add(new Case(c.name() + " @ " + other.getFileName(), c.handler(), jar.toString(), c.floor(), c.event(), c.check()));
                }
                cases = both;
            }

            String benchCp = root.resolve("bench/target/classes") + File.pathSeparator
                    + Files.readString(root.resolve("bench/target/classpath.txt")).trim();
            String invokerCp = invokerClasspath(root);

            Map<String, List<Sample>> fnSamples = new LinkedHashMap<>();
            Map<String, List<Sample>> floorSamples = new LinkedHashMap<>();
            // one warm-up pair each (disk cache), not counted
            for (Case c : cases) {
                run(root.resolve(c.jar()) + File.pathSeparator + invokerCp, c.handler(), c.event().apply(store), env);
                c.check().run();
                run(benchCp, c.floor(), c.event().apply(store), env);
                c.check().run();
            }
            for (int i = 0; i < runs; i++) {
                for (Case c : cases) {
                    fnSamples.computeIfAbsent(c.name(), k -> new ArrayList<>())
                            .add(run(root.resolve(c.jar()) + File.pathSeparator + invokerCp, c.handler(), c.event().apply(store), env));
                    c.check().run();
                    floorSamples.computeIfAbsent(c.name(), k -> new ArrayList<>())
                            .add(run(benchCp, c.floor(), c.event().apply(store), env));
                    c.check().run();
                }
                System.out.println("run " + (i + 1) + "/" + runs + " done");
            }

            StringBuilder md = new StringBuilder();
            md.append("Measured ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                    .append("-core machine, JDK ").append(Runtime.version().feature()).append(", ").append(runs)
                    .append(" interleaved runs (median), each a fresh JVM pinned to one CPU (`taskset -c 0`, ")
                    .append("`-XX:ActiveProcessorCount=1 -XX:TieredStopAtLevel=1 -XX:+UseSerialGC`), against dynoxide.\n\n");
            md.append("| function | package MiB | cold start ms (function) | cold start ms (floor) | ratio | init ms fn / floor | first invoke ms fn / floor | peak RSS MiB fn / floor |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Case c : cases) {
                List<Sample> a = fnSamples.get(c.name());
                List<Sample> b = floorSamples.get(c.name());
                double wa = median(a.stream().mapToDouble(Sample::wallMs).toArray());
                double wb = median(b.stream().mapToDouble(Sample::wallMs).toArray());
                md.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f | %.0f | %.2f× | %.0f / %.0f | %.0f / %.0f | %.0f / %.0f |%n",
                        c.name(), Files.size(root.resolve(c.jar())) / 1048576.0, wa, wb, wa / wb,
                        median(a.stream().mapToDouble(Sample::initMs).toArray()), median(b.stream().mapToDouble(Sample::initMs).toArray()),
                        median(a.stream().mapToDouble(Sample::invokeMs).toArray()), median(b.stream().mapToDouble(Sample::invokeMs).toArray()),
                        median(a.stream().mapToDouble(Sample::rssKb).toArray()) / 1024, median(b.stream().mapToDouble(Sample::rssKb).toArray()) / 1024));
            }
            Files.writeString(root.resolve("bench/results.md"), md.toString());
            System.out.println(md);
        }
    }

    private static Sample run(String classpath, String handler, String eventJson, Map<String, String> env) throws Exception {
        Path event = Files.createTempFile("event", ".json");
        Files.writeString(event, eventJson);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>();
        if (new File("/usr/bin/taskset").canExecute()) cmd.addAll(List.of("/usr/bin/taskset", "-c", "0"));
        cmd.addAll(List.of(java, "-XX:ActiveProcessorCount=1", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", classpath, LambdaSim.class.getName(), handler, event.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        String result = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                    break;
                }
                all.append(line).append('\n');
            }
        }
        double wall = (System.nanoTime() - t0) / 1e6;
        p.waitFor();
        Files.deleteIfExists(event);
        if (result == null) throw new IllegalStateException(handler + " failed:\n" + all);
        Map<String, Long> v = new LinkedHashMap<>();
        for (String kv : result.substring(7).split(" ")) v.put(kv.split("=")[0], Long.parseLong(kv.split("=")[1]));
        return new Sample(wall, v.get("init_ms"), v.get("invoke_ms"), v.get("rss_kb"));
    }

    /** What the Lambda runtime brings around a function's jar: the invoker, the runtime's serializers, the bench's simulators. */
    static String invokerClasspath(Path root) {
        return jarOf("vn/gov/bvhttdl/dvc/local/invoker/Invoker.class") + File.pathSeparator
                + jarOf("com/amazonaws/services/lambda/runtime/serialization/PojoSerializer.class") + File.pathSeparator
                + root.resolve("bench/target/classes");
    }

    private static String jarOf(String resource) {
        String s = ColdStartBench.class.getClassLoader().getResource(resource).toString();
        if (s.startsWith("jar:file:")) return s.substring(9, s.indexOf("!/"));
        return s.substring(5, s.length() - resource.length());
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static final Applicant APPLICANT = new Applicant("Bench Nguyễn", "001099000999", null, null, "0900000999", null);

    private static Dossier seed(DossierStore store, boolean submit) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, "bench-owner", APPLICANT,
                Map.of("companyName", "Công ty Bench", "scope", "inbound"), Instant.now());
        store.create(c);
        if (!submit) return c.dossier();
        for (var comp : p.components()) { // accepted files, so that validation receives it and issues the receipt
            vn.gov.bvhttdl.dvc.domain.Attachment a = pending(c.dossier().id(), comp.code(), 100);
            vn.gov.bvhttdl.dvc.adapters.Table.of(store).attachments().authoriseUpload(a);
            vn.gov.bvhttdl.dvc.adapters.Table.of(store).attachments().recordVerdict(a.scanned(vn.gov.bvhttdl.dvc.domain.Attachment.Status.ACCEPTED, null, "pdf", "00", 1, Instant.now()));
        }
        Dossier.Change s = c.dossier().handle(new vn.gov.bvhttdl.dvc.domain.Command.Submit("{}", 0), vn.gov.bvhttdl.dvc.domain.Actor.citizen("bench-owner"), Instant.now());
        store.save(s);
        return s.dossier();
    }

    /** The desk reads a submitted dossier (GET /api/official/dossiers/{id}), as the officials' sample event signs in. */
    @SuppressWarnings("unchecked")
    private static String officialEvent(Path root, DossierStore store) {
        Dossier d = seed(store, true);
        Map<String, Object> e = (Map<String, Object>) Json.parse(read(root, "official-api-queue.json"));
        e.put("rawPath", "/api/official/dossiers/" + d.id());
        e.put("rawQueryString", "");
        e.remove("queryStringParameters");
        Map<String, Object> http = (Map<String, Object>) ((Map<String, Object>) e.get("requestContext")).get("http");
        http.put("path", "/api/official/dossiers/" + d.id());
        return Json.write(e);
    }

    @SuppressWarnings("unchecked")
    private static String apiEvent(Path root, DossierStore store) {
        Dossier d = seed(store, false);
        Map<String, Object> e = (Map<String, Object>) Json.parse(read(root, "citizen-api-create-dossier.json"));
        e.put("rawPath", "/api/dossiers/" + d.id());
        e.put("routeKey", "ANY /api/dossiers/{proxy+}");
        e.remove("body");
        Map<String, Object> ctx = (Map<String, Object>) e.get("requestContext");
        Map<String, Object> http = (Map<String, Object>) ctx.get("http");
        http.put("method", "GET");
        http.put("path", "/api/dossiers/" + d.id());
        Map<String, Object> claims = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ctx.get("authorizer")).get("jwt")).get("claims");
        claims.put("sub", "bench-owner");
        return Json.write(e);
    }

    private static String sqsEvent(Path root, DossierStore store) {
        return read(root, "validation-submission.json").replace("REPLACED-BY-TEST", seed(store, true).id());
    }

    private static vn.gov.bvhttdl.dvc.domain.Attachment pending(String dossierId, String component, long size) {
        return new vn.gov.bvhttdl.dvc.domain.Attachment(dossierId, "dossiers/" + dossierId + "/" + component + "/" + UUID.randomUUID(),
                component, component.toLowerCase() + ".pdf", "application/pdf", size, vn.gov.bvhttdl.dvc.domain.Attachment.Status.PENDING,
                null, null, null, null, Instant.now(), null);
    }

    /** A dossier with an authorised upload whose bytes (a real 2-page PDF) are in the uploads bucket. */
    private static String s3Event(Path root, DossierStore store, String bucket) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.openpdf.text.Document doc = new org.openpdf.text.Document();
        org.openpdf.text.pdf.PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new org.openpdf.text.Paragraph("Don de nghi"));
        doc.newPage();
        doc.add(new org.openpdf.text.Paragraph("Trang 2"));
        doc.close();
        byte[] pdf = out.toByteArray();
        Dossier d = seed(store, false);
        vn.gov.bvhttdl.dvc.domain.Attachment a = pending(d.id(), "DON", pdf.length);
        vn.gov.bvhttdl.dvc.adapters.Table.of(store).attachments().authoriseUpload(a);
        vn.gov.bvhttdl.dvc.adapters.AwsClients.s3().putObject(b -> b.bucket(bucket).key(a.key()),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(pdf));
        return read(root, "upload-scan-object-created.json").replace("dossiers/REPLACED-BY-TEST/DON/0b5f3c2e-8d1a-4c7e-9f21-6a4b3c2d1e0f", a.key())
                .replace("\"uploadsbucket\"", "\"" + bucket + "\"");
    }

    /** A file uploaded and authorised (like {@link #s3Event}), and GuardDuty's THREATS_FOUND on it (events/ sample, no version). */
    private static String malwareVerdictEvent(Path root, DossierStore store, String bucket) {
        byte[] bytes = "%PDF-1.4 bench".getBytes(StandardCharsets.UTF_8);
        Dossier d = seed(store, false);
        vn.gov.bvhttdl.dvc.domain.Attachment a = pending(d.id(), "DON", bytes.length);
        vn.gov.bvhttdl.dvc.adapters.Table.of(store).attachments().authoriseUpload(a);
        vn.gov.bvhttdl.dvc.adapters.AwsClients.s3().putObject(b -> b.bucket(bucket).key(a.key()),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(bytes));
        return read(root, "malware-verdict-threats-found.json").replace("dossiers/REPLACED-BY-TEST/DON/0b5f3c2e-8d1a-4c7e-9f21-6a4b3c2d1e0f", a.key())
                .replace("\\\"versionId\\\":\\\"REPLACED-BY-TEST-VERSION\\\",", "")
                .replace("\\\"bucketName\\\":\\\"uploadsbucket\\\"", "\\\"bucketName\\\":\\\"" + bucket + "\\\"");
    }

    private static String read(Path root, String event) {
        try {
            return Files.readString(root.resolve("events").resolve(event));
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
