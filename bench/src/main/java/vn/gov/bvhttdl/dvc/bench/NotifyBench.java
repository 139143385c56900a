package vn.gov.bvhttdl.dvc.bench;

import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.StreamItems;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.adapters.NoticeTable;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.application.NotifyApplicant;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.Provisioner;
import vn.gov.bvhttdl.dvc.local.emulators.Template;
import vn.gov.bvhttdl.dvc.notifications.MustacheRenderer;
import vn.gov.bvhttdl.dvc.notifications.SmtpChannel;

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

/**
 * Notification events per second on the offline stack (issue #13): the status-notify function's own code path —
 * NotifyApplicant with the NoticeTable on dynoxide, the Mustache renderer and the SMTP channel to GreenMail — for
 * {@code n} received dossiers (each event: inbox and email), 30 % of the events delivered twice (the stream's
 * redelivery), shuffled, with 1 worker (one shard's consumer) and 4. Reports events per second, p50/p99, and checks
 * that GreenMail received exactly one email per event. Usage: local/bench notify [events]
 */
public final class NotifyBench {
    record Run(int workers, int events, int deliveries, double seconds, double p50, double p99, int emails) {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path root = Emulators.repoRoot();
        Template template = Template.read(root.resolve("template.yaml"));
        try (Emulators e = Emulators.start(null)) {
            Provisioner.Resources r = Provisioner.provision(template, e);
            e.sdkSystemProperties().forEach(System::setProperty);
            e.offlineOverrides().forEach(System::setProperty);
            String table = r.of("DossierTable");
            System.setProperty("TABLE_NAME", table);
            Table tables = new Table(AwsClients.dynamo(), table);
            DossierStore store = tables.dossiers();
            NotifyApplicant notify = new NotifyApplicant(store, tables.rules(), tables.notices(),
                    Map.of("email", SmtpChannel.fromSettings()), new MustacheRenderer(), () -> "http://127.0.0.1:3000", Clock.systemUTC());
            List<Run> runs = new ArrayList<>();
            for (int workers : new int[]{1, 4}) {
                for (int warm = 0; warm < 2; warm++) {
                    int count = warm == 0 ? Math.max(20, n / 10) : n;
                    List<String[]> keys = new ArrayList<>();
                    List<AuditEvent> events = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        AuditEvent ev = NoticeSeed.received(store, "bench-notify-" + workers + "-" + warm, "bench" + i + "@example.vn");
                        events.add(ev);
                    }
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        order.add(i);
                        if (i % 10 < 3) order.add(i);
                    }
                    Collections.shuffle(order, new java.util.Random(7));
                    int before = e.mail().getReceivedMessages().length;
                    ExecutorService pool = Executors.newFixedThreadPool(workers);
                    List<Future<Double>> fs = new ArrayList<>();
                    long t0 = System.nanoTime();
                    for (int i : order) {
                        AuditEvent ev = events.get(i);
                        fs.add(pool.submit(() -> {
                            long s = System.nanoTime();
                            notify.handle(ev, ev.dossierId() + "/" + StreamItems.auditSortKey(ev.at()));
                            return (System.nanoTime() - s) / 1e6;
                        }));
                    }
                    List<Double> lat = new ArrayList<>();
                    for (Future<Double> f : fs) lat.add(f.get());
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    pool.shutdown();
                    Collections.sort(lat);
                    int emails = e.mail().getReceivedMessages().length - before;
                    if (warm == 1) runs.add(new Run(workers, count, order.size(), seconds, lat.get(lat.size() / 2),
                            lat.get((int) Math.ceil(lat.size() * 0.99) - 1), emails));
                }
            }
            StringBuilder md = new StringBuilder();
            md.append("Measured ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                    .append("-core machine, JDK ").append(Runtime.version().feature()).append(", one JVM, against dynoxide and GreenMail; ")
                    .append("each event (a dossier received: inbox and email) once, 30 % of them twice, shuffled.\n\n");
            md.append("| workers | events | deliveries | events/s | p50 ms | p99 ms | emails received |\n|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Run x : runs) {
                md.append(String.format(Locale.ROOT, "| %d | %d | %d | %.0f | %.1f | %.1f | %d |%n", x.workers(), x.events(), x.deliveries(),
                        x.deliveries() / x.seconds(), x.p50(), x.p99(), x.emails()));
            }
            Files.writeString(root.resolve("bench/notify-results.md"), md.toString());
            System.out.println(md);
        }
    }
}
