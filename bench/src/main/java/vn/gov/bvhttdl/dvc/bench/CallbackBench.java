package vn.gov.bvhttdl.dvc.bench;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.PaymentStore;
import vn.gov.bvhttdl.dvc.application.PaymentGateway;
import vn.gov.bvhttdl.dvc.application.ReceivePaymentCallback;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.Provisioner;
import vn.gov.bvhttdl.dvc.local.emulators.Template;
import vn.gov.bvhttdl.dvc.payments.Gateways;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Payment callbacks per second on the offline stack (issue #12): the payment-callback function's own code path —
 * the VNPay adapter's signature check, the ReceivePaymentCallback use case, PaymentStore and DossierStore on the
 * URL-connection client — against dynoxide, fed signed IPNs for {@code n} pending payments with 30 % of them
 * delivered twice (in random order, the copies racing). Run with 1 worker (one Lambda container: invocations one at a
 * time) and 8 (eight containers at once). Reports callbacks per second, p50/p99 latency per callback, and the
 * DynamoDB capacity units per payment, computed from every request by DynamoDB's published sizing rules (dynoxide does
 * not meter): a consistent read 1 RCU per 4 KB, a write 1 WCU per 1 KB, transactional items twice.
 * Usage: local/bench callbacks [payments]
 */
public final class CallbackBench {
    /** Capacity of every request, by DynamoDB's rules. */
    static final class Meter implements ExecutionInterceptor {
        final DoubleAdder rcu = new DoubleAdder();
        final DoubleAdder wcu = new DoubleAdder();

        static long size(Map<String, AttributeValue> item) {
            long n = 0;
            for (var e : item.entrySet()) {
                n += e.getKey().getBytes(StandardCharsets.UTF_8).length;
                AttributeValue v = e.getValue();
                if (v.s() != null) n += v.s().getBytes(StandardCharsets.UTF_8).length;
                else if (v.n() != null) n += (v.n().length() + 1) / 2 + 1;
                else n += 1;
            }
            return n;
        }

        static double units(long bytes, long per) { return Math.max(1, (bytes + per - 1) / per); }

        @Override
        public void afterExecution(Context.AfterExecution c, ExecutionAttributes a) {
            Object req = c.request();
            Object res = c.response();
            if (res instanceof GetItemResponse g) rcu.add(units(g.hasItem() ? size(g.item()) : 1, 4096));
            else if (res instanceof QueryResponse q) {
                long bytes = q.items().stream().mapToLong(Meter::size).sum();
                rcu.add(units(bytes, 4096) * (Boolean.TRUE.equals(((software.amazon.awssdk.services.dynamodb.model.QueryRequest) req).consistentRead()) ? 1 : 0.5));
            } else if (req instanceof PutItemRequest p) wcu.add(units(size(p.item()), 1024));
            else if (req instanceof UpdateItemRequest) wcu.add(1);
            else if (req instanceof TransactWriteItemsRequest t) {
                for (var i : t.transactItems()) {
                    long bytes = i.put() != null ? size(i.put().item()) : 1;
                    wcu.add(2 * units(bytes, 1024));
                }
            }
        }
    }

    record Run(int workers, int payments, int callbacks, double seconds, double p50ms, double p99ms, double rcu, double wcu, long credited) {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        Path root = Emulators.repoRoot();
        Template template = Template.read(root.resolve("template.yaml"));
        try (Emulators e = Emulators.start(null)) {
            Provisioner.Resources r = Provisioner.provision(template, e);
            e.sdkSystemProperties().forEach(System::setProperty);
            System.setProperty("PAYMENT_SECRETS_FILE", root.resolve("local/sandbox/payments.json").toString());
            String table = r.of("DossierTable");
            DossierStore seeding = new DossierStore(AwsClients.dynamo(), table);
            PaymentStore seedPayments = vn.gov.bvhttdl.dvc.adapters.Table.of(seeding).payments();
            List<Run> runs = new ArrayList<>();
            for (int workers : new int[]{1, 8}) {
                for (int warm = 0; warm < 2; warm++) {
                    Meter meter = new Meter();
                    DynamoDbClient metered = DynamoDbClient.builder().httpClient(AwsClients.HTTP).credentialsProvider(AwsClients.credentials())
                            .overrideConfiguration(o -> o.addExecutionInterceptor(meter)).build();
                    DossierStore store = new DossierStore(metered, table);
                    PaymentStore payments = vn.gov.bvhttdl.dvc.adapters.Table.of(store).payments();
                    ReceivePaymentCallback callbacks = new ReceivePaymentCallback(payments, store, Gateways.fromEnvironment(Clock.systemUTC()), Clock.systemUTC());
                    int count = warm == 0 ? Math.max(20, n / 10) : n; // a first, smaller round warms the JIT; the second is measured
                    List<Map<String, String>> deliveries = new ArrayList<>();
                    List<String> refs = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        String ref = PaymentSeed.seed(seeding, seedPayments);
                        refs.add(ref);
                        Map<String, String> ipn = PaymentSeed.ipn(root, ref, Long.toString(20_000_000L + workers * 1_000_000L + warm * 100_000L + i));
                        deliveries.add(ipn);
                        if (i % 10 < 3) deliveries.add(ipn); // 30 % delivered twice
                    }
                    Collections.shuffle(deliveries, new java.util.Random(42));
                    ExecutorService pool = Executors.newFixedThreadPool(workers);
                    List<Future<Double>> fs = new ArrayList<>();
                    long t0 = System.nanoTime();
                    for (Map<String, String> q : deliveries) {
                        fs.add(pool.submit(() -> {
                            long s = System.nanoTime();
                            var a = callbacks.handle("vnpay", new PaymentGateway.Request("GET", q, null), "GET /api/payments/vnpay/ipn?" + q);
                            String code = (String) Json.obj(Json.parse(a.body())).get("RspCode");
                            if (!code.equals("00") && !code.equals("02")) throw new IllegalStateException("answered " + code);
                            return (System.nanoTime() - s) / 1e6;
                        }));
                    }
                    List<Double> latencies = new ArrayList<>();
                    for (Future<Double> f : fs) latencies.add(f.get());
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    pool.shutdown();
                    long credited = refs.stream().filter(ref -> seedPayments.find(ref).orElseThrow().status() == vn.gov.bvhttdl.dvc.domain.Payment.Status.PAID).count();
                    Collections.sort(latencies);
                    if (warm == 1) {
                        runs.add(new Run(workers, count, deliveries.size(), seconds, latencies.get(latencies.size() / 2),
                                latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1), meter.rcu.sum(), meter.wcu.sum(), credited));
                    }
                    metered.close();
                }
            }
            StringBuilder md = new StringBuilder();
            md.append("Measured ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                    .append("-core machine, JDK ").append(Runtime.version().feature()).append(", one JVM, against dynoxide; ")
                    .append("each payment's signed VNPay IPN once, 30 % of them twice, shuffled.\n\n");
            md.append("| workers | payments | callbacks | callbacks/s | p50 ms | p99 ms | credited | RCU per payment | WCU per payment |\n");
            md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Run x : runs) {
                md.append(String.format(Locale.ROOT, "| %d | %d | %d | %.0f | %.1f | %.1f | %d | %.1f | %.1f |%n", x.workers(), x.payments(), x.callbacks(),
                        x.callbacks() / x.seconds(), x.p50ms(), x.p99ms(), x.credited(), x.rcu() / x.payments(), x.wcu() / x.payments()));
            }
            Files.writeString(root.resolve("bench/callback-results.md"), md.toString());
            System.out.println(md);
        }
    }
}
