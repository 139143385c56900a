package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The history generator on the offline stack (issue #23, "Done when"): 40 dossiers over the past months through the
 * use cases; once the stream's consumers have settled, every measured indicator of the Decision-766 scorecard
 * ({@code GET /api/admin/scorecard}, as an administrator), for each agency and each month, quarter and year with
 * dossiers, in the agency's, each unit's and each procedure's lines, equals what this test counts from the dossiers
 * themselves — read back from the table, their audit trail, and counted here by rules written out below, one method
 * per indicator, without the domain's {@code Decision766}. A measured indicator with no method here fails the test.
 */
class HistoryIT {
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int N = 40;
    static final long SEED = 7;

    /** A dossier as the test reads it back: its scope, and its moves from the audit trail. */
    record Facts(String id, String agency, String unit, String procedure, String origin, Instant receivedAt, Instant endedAt,
                 String endedBy, LocalDate due, int supplementsAfterReceipt, boolean withdrawn, boolean paidOnline, boolean surveyed) {}

    /** One indicator counted from the dossiers: the date that places a dossier in a period (null: not counted), numerator. */
    record Rule(Function<Facts, Instant> placedBy, Function<Facts, Boolean> counts) {}

    /** 2.1: handling ended (approve, refuse, stop) on or before the appointment (Vietnam date), at most one supplement request after receipt; of the dossiers ended, placed by the end. */
    static Rule indicator21() {
        return new Rule(Facts::endedAt, f -> !f.endedAt().atZone(VN).toLocalDate().isAfter(f.due()) && f.supplementsAfterReceipt() <= 1);
    }

    /** 3.3: received online (this portal or the national one), of all received; placed by the receipt. */
    static Rule indicator33() {
        return new Rule(Facts::receivedAt, f -> f.origin().equals("MINISTRY_PORTAL") || f.origin().equals("NATIONAL_PORTAL"));
    }

    static final String UNCOUNTED = "the scorecard measures ";

    /** The methods by indicator code: a measured indicator of the scorecard not here fails the test. */
    static final Map<String, Rule> RULES = Map.of("2.1", indicator21(), "3.3", indicator33());

    static Facts read(Table table, String id) {
        Dossier d = table.dossiers().find(id).orElseThrow();
        List<AuditEvent> trail = new ArrayList<>(table.dossiers().history(id));
        trail.sort(Comparator.comparing(AuditEvent::at));
        String origin = "MINISTRY_PORTAL";
        Instant received = null, ended = null;
        String endedBy = null;
        int after = 0;
        boolean withdrawn = false;
        for (AuditEvent e : trail) {
            switch (e.action()) {
                case "create" -> origin = e.details().getOrDefault("origin", "MINISTRY_PORTAL");
                case "receive" -> { if (received == null) received = e.at(); }
                case "request-supplement" -> { if (received != null) after++; }
                case "approve", "refuse", "stop" -> {
                    if (ended == null) {
                        ended = e.at();
                        endedBy = e.action();
                    }
                }
                case "withdraw" -> withdrawn = true;
                default -> { }
            }
        }
        boolean paid = table.payments().ofDossier(id).stream().anyMatch(p -> p.status().received());
        boolean surveyed = table.surveys().find(id).isPresent();
        return new Facts(id, d.agencyCode(), d.unitCode(), d.procedureCode(), origin, received, ended, endedBy, d.dueDate(), after,
                withdrawn, paid, surveyed);
    }

    static List<String> periods(Instant at) {
        LocalDate d = at.atZone(VN).toLocalDate();
        return List.of("%d-%02d".formatted(d.getYear(), d.getMonthValue()), d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1),
                Integer.toString(d.getYear()));
    }

    /** Expected: period → agency → scope ("agency", "unit:X", "procedure:Y") → indicator → {numerator, denominator}. */
    static Map<String, Map<String, Map<String, Map<String, long[]>>>> expected(List<Facts> dossiers) {
        Map<String, Map<String, Map<String, Map<String, long[]>>>> m = new TreeMap<>();
        for (Facts f : dossiers) {
            for (var r : RULES.entrySet()) {
                Instant at = r.getValue().placedBy().apply(f);
                if (at == null) continue;
                boolean yes = r.getValue().counts().apply(f);
                for (String p : periods(at)) {
                    for (String scope : List.of("agency", "unit:" + f.unit(), "procedure:" + f.procedure())) {
                        long[] t = m.computeIfAbsent(p, k -> new TreeMap<>()).computeIfAbsent(f.agency(), k -> new TreeMap<>())
                                .computeIfAbsent(scope, k -> new TreeMap<>()).computeIfAbsent(r.getKey(), k -> new long[2]);
                        if (yes) t[0]++;
                        t[1]++;
                    }
                }
            }
        }
        return m;
    }

    @Test
    void everyMeasuredIndicatorEqualsWhatTheDossiersThemselvesSay() throws Exception {
        try (LocalRunner runner = LocalRunner.start(new LocalRunner.Options(0, null, null))) {
            HttpClient http = HttpClient.newHttpClient();
            long t0 = System.nanoTime();
            HttpResponse<String> gen = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/dev/history?n=" + N + "&seed=" + SEED))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, gen.statusCode(), gen.body());
            Map<String, Object> report = Json.obj(Json.parse(gen.body()));
            System.out.printf("history of %d dossiers in %.1f s%n", N, (System.nanoTime() - t0) / 1e9);
            assertEquals(List.of(), report.get("problems"), "every planned move was made");
            List<String> ids = Json.list(report.get("ids")).stream().map(String::valueOf).toList();
            assertEquals(N, ids.size());

            Table table = Table.fromSettings();
            List<Facts> dossiers = ids.stream().map(id -> read(table, id)).toList();
            LocalDate today = LocalDate.now(VN);

            // the coverage is real: each kind is there, as the dossiers themselves say
            assertTrue(dossiers.stream().anyMatch(f -> f.endedAt() != null && f.endedBy().equals("approve")
                    && !f.endedAt().atZone(VN).toLocalDate().isAfter(f.due()) && f.supplementsAfterReceipt() == 0), "approved on time");
            assertTrue(dossiers.stream().anyMatch(f -> f.endedAt() != null && f.endedAt().atZone(VN).toLocalDate().isAfter(f.due())), "ended late");
            assertTrue(dossiers.stream().anyMatch(f -> f.endedAt() != null && f.supplementsAfterReceipt() == 1
                    && !f.endedAt().atZone(VN).toLocalDate().isAfter(f.due())), "supplemented once and on time");
            assertTrue(dossiers.stream().anyMatch(f -> f.endedAt() != null && f.supplementsAfterReceipt() == 2
                    && !f.endedAt().atZone(VN).toLocalDate().isAfter(f.due())), "supplemented twice: on time by the date, late by the rule");
            assertTrue(dossiers.stream().anyMatch(f -> "refuse".equals(f.endedBy())), "refused");
            assertTrue(dossiers.stream().anyMatch(f -> "stop".equals(f.endedBy())), "stopped");
            assertTrue(dossiers.stream().anyMatch(Facts::withdrawn), "withdrawn");
            assertTrue(dossiers.stream().anyMatch(Facts::paidOnline), "paid online");
            assertTrue(dossiers.stream().anyMatch(Facts::surveyed), "surveyed");
            assertTrue(dossiers.stream().anyMatch(f -> f.endedAt() == null && !f.withdrawn() && f.due().isBefore(today)), "open and overdue");
            assertEquals(Set.of("MINISTRY_PORTAL", "NATIONAL_PORTAL", "ONE_STOP_DESK", "POST"),
                    new TreeSet<>(dossiers.stream().map(Facts::origin).toList()), "every channel");
            assertTrue(dossiers.stream().map(Facts::agency).distinct().count() >= 3, "several agencies");
            assertTrue(dossiers.stream().map(Facts::receivedAt).allMatch(r -> r != null && r.isBefore(Instant.now().minusSeconds(86_400 * 7))),
                    "received in the past months");

            var expected = expected(dossiers);
            String admin = runner.devToken("Quản trị", "001080000001", "qt@example.vn", "admins");
            // the consumers settle: the scorecard's consumer has had nothing new for three seconds; then the scorecard is read
            // until it agrees or two minutes have passed, and what still differs is the failure
            long t1 = System.nanoTime();
            for (long seen = -1, quietSince = System.currentTimeMillis(), until = quietSince + 120_000;
                 System.currentTimeMillis() - quietSince < 3_000 && System.currentTimeMillis() < until; Thread.sleep(250)) {
                long now = runner.streamDeliveries("StatusCountsFunction");
                if (now != seen) {
                    seen = now;
                    quietSince = System.currentTimeMillis();
                }
            }
            long deadline = System.currentTimeMillis() + 120_000;
            List<String> differences;
            do {
                differences = compare(http, runner, admin, expected);
                // an indicator measured that this test cannot count will not go away by waiting
                if (differences.isEmpty() || differences.stream().anyMatch(d -> d.startsWith(UNCOUNTED))) break;
                Thread.sleep(1_000);
            } while (System.currentTimeMillis() < deadline);
            long cells = expected.values().stream().flatMap(a -> a.values().stream()).flatMap(s -> s.values().stream()).mapToLong(Map::size).sum();
            System.out.printf("scorecard settled and compared in %.1f s: %d periods, %d (period, agency, scope, indicator) figures%n",
                    (System.nanoTime() - t1) / 1e9, expected.size(), cells);
            assertEquals(List.of(), differences, "the scorecard against the dossiers");
            assertTrue(expected.size() >= 6, "several months, quarters and years: " + expected.keySet());
            assertTrue(expected.values().stream().flatMap(a -> a.values().stream()).map(s -> s.get("agency")).filter(java.util.Objects::nonNull)
                    .anyMatch(i -> i.containsKey("2.1") && i.get("2.1")[0] > 0 && i.get("2.1")[0] < i.get("2.1")[1]),
                    "a period where some but not all ended on time: the comparison is not of zeros or of all-ones");
        }
    }

    private static List<String> compare(HttpClient http, LocalRunner runner, String admin,
                                        Map<String, Map<String, Map<String, Map<String, long[]>>>> expected) throws Exception {
        List<String> diffs = new ArrayList<>();
        for (var byPeriod : expected.entrySet()) {
            for (var byAgency : byPeriod.getValue().entrySet()) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/api/admin/scorecard?period="
                        + byPeriod.getKey() + "&agency=" + byAgency.getKey())).header("Authorization", "Bearer " + admin).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    diffs.add(byPeriod.getKey() + " " + byAgency.getKey() + ": HTTP " + r.statusCode() + " " + r.body());
                    continue;
                }
                Map<String, Object> page = Json.obj(Json.parse(r.body()));
                Map<String, Map<String, long[]>> actual = new HashMap<>();
                List<Map<String, Object>> sections = new ArrayList<>();
                sections.add(Json.obj(page.get("total")));
                Json.list(page.get("units")).forEach(s -> sections.add(Json.obj(s)));
                Json.list(page.get("procedures")).forEach(s -> sections.add(Json.obj(s)));
                for (Map<String, Object> s : sections) {
                    String kind = String.valueOf(s.get("kind"));
                    String scope = kind.equals("agency") ? "agency" : kind + ":" + s.get("code");
                    for (Object o : Json.list(s.get("lines"))) {
                        Map<String, Object> line = Json.obj(o);
                        if (!Boolean.TRUE.equals(line.get("measured"))) continue;
                        String code = String.valueOf(line.get("indicator"));
                        if (!RULES.containsKey(code)) {
                            diffs.add(UNCOUNTED + code + ", which this test has no method to count (add one to RULES)");
                            continue;
                        }
                        actual.computeIfAbsent(scope, k -> new TreeMap<>()).put(code, new long[]{num(line.get("numerator")), num(line.get("denominator"))});
                    }
                }
                Set<String> scopes = new TreeSet<>(actual.keySet());
                scopes.addAll(byAgency.getValue().keySet());
                for (String scope : scopes) {
                    for (String code : RULES.keySet()) {
                        long[] want = byAgency.getValue().getOrDefault(scope, Map.of()).getOrDefault(code, new long[2]);
                        long[] got = actual.getOrDefault(scope, Map.of()).getOrDefault(code, new long[2]);
                        if (want[0] != got[0] || want[1] != got[1]) {
                            diffs.add(byPeriod.getKey() + " " + byAgency.getKey() + " " + scope + " " + code + ": scorecard "
                                    + got[0] + "/" + got[1] + ", dossiers " + want[0] + "/" + want[1]);
                        }
                    }
                }
            }
        }
        return diffs.stream().distinct().toList();
    }

    private static long num(Object o) { return o == null ? 0 : ((Number) o).longValue(); }
}
