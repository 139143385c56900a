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
import java.time.YearMonth;
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
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The history generator on the offline stack (issue #23, "Done when"): 40 dossiers over the past months through the
 * use cases; once the stream's consumers have settled, every measured indicator of the Decision-766 scorecard
 * ({@code GET /api/admin/scorecard}, as an administrator), for each agency and each month, quarter and year with
 * dossiers, in the agency's, each unit's and each procedure's lines, equals what this test counts from the dossiers
 * themselves — read back from the table, their audit trail, and counted here by rules written out below, one method
 * per indicator, without the domain's {@code Decision766}. A measured indicator with no method here fails the test.
 * Then, in the same stack run, the periodic report II.06a ({@code GET /api/admin/reports/ii06a}) of every agency for
 * each reporting month from its first receipt to the running one and one quarter: its total and procedure rows against
 * what this test counts from the same dossiers under docs/reports.md's rules, without the domain's {@code ReportII06a}.
 */
class HistoryIT {
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int N = 40;
    static final long SEED = 7;

    /**
     * A dossier as the test reads it back: its scope, and its moves from the audit trail — the first receipt, the end
     * (first approve/refuse/stop) and by what, the supplement requests after receipt, the withdrawal, the first
     * {@code request-payment} with the amount it asked, the {@code confirm-payment}s with the sum of their amounts,
     * whether a result was issued ({@code issue-result}), the files of the latest {@code submit}/{@code resubmit} — and
     * its survey answer (the latest version: rating and date), read from the answer item.
     */
    record Facts(String id, String agency, String unit, String procedure, String origin, Instant receivedAt, Instant endedAt,
                 String endedBy, LocalDate due, int supplementsAfterReceipt, Instant withdrawnAt, Instant feeAskedAt, long askedVnd,
                 int confirmedPayments, long paidVnd, boolean resultIssued, int files, String rating, Instant answeredAt) {
        boolean withdrawn() { return withdrawnAt != null; }
        boolean paidOnline() { return confirmedPayments > 0; }
        boolean surveyed() { return rating != null; }
        boolean online() { return origin.equals("MINISTRY_PORTAL") || origin.equals("NATIONAL_PORTAL"); }
        boolean approved() { return "approve".equals(endedBy); }
        /** 2.1's test: ended on or before the appointment (Vietnam date), at most one supplement request after receipt. */
        boolean endedOnTime() { return !endedAt.atZone(VN).toLocalDate().isAfter(due) && supplementsAfterReceipt <= 1; }
    }

    /** One indicator counted from the dossiers: the date that places a dossier in a period (null: not counted), what it adds above and below the line. */
    record Rule(Function<Facts, Instant> placedBy, ToLongFunction<Facts> numerator, ToLongFunction<Facts> denominator) {
        static Rule ofDossiers(Function<Facts, Instant> placedBy, Predicate<Facts> counts) {
            return new Rule(placedBy, f -> counts.test(f) ? 1 : 0, f -> 1);
        }
    }

    /** 2.1: handling ended (approve, refuse, stop) on or before the appointment (Vietnam date), at most one supplement request after receipt; of the dossiers ended, placed by the end. */
    static Rule indicator21() { return Rule.ofDossiers(Facts::endedAt, Facts::endedOnTime); }

    /** 3.3: received online (this portal or the national one), of all received; placed by the receipt. */
    static Rule indicator33() { return Rule.ofDossiers(Facts::receivedAt, Facts::online); }

    /** 3.5: of the dossiers asked to pay through this system (a {@code request-payment}), those paid online (a {@code confirm-payment}); placed by the first request. */
    static Rule indicator35() { return Rule.ofDossiers(Facts::feeAskedAt, Facts::paidOnline); }

    /** 3.6: đồng paid online (the {@code confirm-payment}s' amounts) of đồng due (max of the amount asked and the amount paid; 0 due counts nothing); placed by the first request. */
    static Rule indicator36() { return new Rule(Facts::feeAskedAt, Facts::paidVnd, f -> Math.max(f.askedVnd(), f.paidVnd())); }

    /** 4.1: of the approved dossiers (ended by an approval), those with a result issued ({@code issue-result}, whenever); placed by the end. */
    static Rule indicator41() { return Rule.ofDossiers(f -> f.approved() ? f.endedAt() : null, Facts::resultIssued); }

    /** 4.2: of the dossiers received at the desk or by post, those whose latest submission carried a file; placed by the receipt. */
    static Rule indicator42() { return Rule.ofDossiers(f -> f.online() ? null : f.receivedAt(), f -> f.files() >= 1); }

    /** 5.4: of the survey answers (one per dossier, its latest), those rated very satisfied or satisfied; placed by the answer's date. */
    static Rule indicator54() { return Rule.ofDossiers(Facts::answeredAt, f -> f.rating().equals("VERY_SATISFIED") || f.rating().equals("SATISFIED")); }

    static final String UNCOUNTED = "the scorecard measures ";

    /** The methods by indicator code: a measured indicator of the scorecard not here fails the test. */
    static final Map<String, Rule> RULES = Map.of("2.1", indicator21(), "3.3", indicator33(), "3.5", indicator35(), "3.6", indicator36(),
            "4.1", indicator41(), "4.2", indicator42(), "5.4", indicator54());

    static Facts read(Table table, String id) {
        Dossier d = table.dossiers().find(id).orElseThrow();
        List<AuditEvent> trail = new ArrayList<>(table.dossiers().history(id));
        trail.sort(Comparator.comparing(AuditEvent::at));
        String origin = "MINISTRY_PORTAL";
        Instant received = null, ended = null, withdrawn = null, asked = null;
        String endedBy = null;
        int after = 0, confirmed = 0, files = 0;
        long askedVnd = 0, paidVnd = 0;
        boolean issued = false;
        for (AuditEvent e : trail) {
            switch (e.action()) {
                case "create" -> origin = e.details().getOrDefault("origin", "MINISTRY_PORTAL");
                case "submit", "resubmit" -> files = Integer.parseInt(e.details().getOrDefault("files", "0"));
                case "receive" -> { if (received == null) received = e.at(); }
                case "request-supplement" -> { if (received != null) after++; }
                case "approve", "refuse", "stop" -> {
                    if (ended == null) {
                        ended = e.at();
                        endedBy = e.action();
                    }
                }
                case "withdraw" -> withdrawn = e.at();
                case "request-payment" -> {
                    if (asked == null) {
                        asked = e.at();
                        askedVnd = Long.parseLong(e.details().getOrDefault("amountVnd", "0"));
                    }
                }
                case "confirm-payment" -> {
                    confirmed++;
                    paidVnd += Long.parseLong(e.details().getOrDefault("amountVnd", "0"));
                }
                case "issue-result" -> issued = true;
                default -> { }
            }
        }
        var answer = table.surveys().find(id);
        return new Facts(id, d.agencyCode(), d.unitCode(), d.procedureCode(), origin, received, ended, endedBy, d.dueDate(), after,
                withdrawn, asked, askedVnd, confirmed, paidVnd, issued, files, answer.map(a -> a.rating()).orElse(null),
                answer.map(a -> a.at()).orElse(null));
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
                long num = r.getValue().numerator().applyAsLong(f), den = r.getValue().denominator().applyAsLong(f);
                if (den <= 0) continue; // nothing due: counts nothing above or below the line
                for (String p : periods(at)) {
                    for (String scope : List.of("agency", "unit:" + f.unit(), "procedure:" + f.procedure())) {
                        long[] t = m.computeIfAbsent(p, k -> new TreeMap<>()).computeIfAbsent(f.agency(), k -> new TreeMap<>())
                                .computeIfAbsent(scope, k -> new TreeMap<>()).computeIfAbsent(r.getKey(), k -> new long[2]);
                        t[0] += num;
                        t[1] += den;
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
            assertEquals(Set.of("VERY_SATISFIED", "SATISFIED", "DISSATISFIED"), dossiers.stream().map(Facts::rating)
                    .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()), "surveyed with each rating");
            assertTrue(dossiers.stream().anyMatch(f -> f.feeAskedAt() != null && !f.paidOnline()), "asked to pay and not paid");
            assertTrue(dossiers.stream().anyMatch(f -> f.feeAskedAt() != null && f.paidOnline() && f.paidVnd() > 0), "asked to pay and paid");
            assertTrue(dossiers.stream().anyMatch(f -> f.approved() && f.resultIssued()), "approved with an electronic result");
            assertTrue(dossiers.stream().anyMatch(f -> f.approved() && !f.resultIssued()), "approved without an electronic result");
            assertTrue(dossiers.stream().anyMatch(f -> !f.online() && f.files() >= 1), "a paper dossier digitised");
            // a desk or post dossier without a file cannot be had through the use cases: reception (ReceiveSubmission's
            // completeness check) sends a dossier missing a required component's file back for a supplement, so 4.2
            // counts every received one here; its method is still compared figure by figure
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
            for (String code : List.of("3.5", "3.6", "4.1", "5.4")) {
                assertTrue(expected.values().stream().flatMap(a -> a.values().stream()).map(s -> s.get("agency")).filter(java.util.Objects::nonNull)
                        .anyMatch(i -> i.containsKey(code) && i.get(code)[0] < i.get(code)[1]), code + ": a period where not all count");
            }

            // the periodic report II.06a, counted in the same transactions: per agency, every reporting month from its
            // first receipt to the running one, and one quarter
            long t2 = System.nanoTime();
            var expectedReports = expectedReports(dossiers, today);
            List<String> reportDifferences;
            long reportDeadline = System.currentTimeMillis() + 30_000;
            do {
                reportDifferences = compareReports(http, runner, admin, expectedReports);
                if (reportDifferences.isEmpty()) break;
                Thread.sleep(1_000);
            } while (System.currentTimeMillis() < reportDeadline);
            long reportFigures = expectedReports.values().stream().flatMap(a -> a.values().stream()).mapToLong(rows -> rows.size() * (long) REPORT_KEYS.size()).sum();
            System.out.printf("report II.06a compared in %.1f s: %d (agency, period) reports, %d (row, column) figures%n",
                    (System.nanoTime() - t2) / 1e9, expectedReports.values().stream().mapToLong(Map::size).sum(), reportFigures);
            assertEquals(List.of(), reportDifferences, "the report II.06a against the dossiers");
            var totals = expectedReports.values().stream().flatMap(a -> a.values().stream()).map(rows -> rows.get("total")).toList();
            for (String key : List.of("carriedOver", "online", "directPostal", "early", "onTime", "late", "withinDeadline", "pastDeadline", "withdrawn")) {
                int k = REPORT_KEYS.indexOf(key);
                assertTrue(totals.stream().anyMatch(v -> v[k] > 0), "the report's " + key + " is not only zeros");
            }
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

    /** The report's columns (and the one outside the form), in this order in the expected rows. */
    static final List<String> REPORT_KEYS = List.of("receivedTotal", "carriedOver", "online", "directPostal", "handledTotal", "early", "onTime",
            "late", "inProgressTotal", "withinDeadline", "pastDeadline", "withdrawn");

    /** The reporting month a day falls in under the cut-off of the 15th (rules/report-ii06a.json): the 15th of M−1 to the 14th of M is M. */
    static YearMonth reportMonth(LocalDate d) {
        YearMonth m = YearMonth.from(d);
        return d.getDayOfMonth() >= 15 ? m.plusMonths(1) : m;
    }

    /** A report's first and last day: month M from the 15th of M−1 to the 14th of M; a quarter from the 15th of the month before it to the 14th of its last month. */
    static LocalDate[] reportBounds(String period) {
        if (period.contains("-Q")) {
            YearMonth last = YearMonth.of(Integer.parseInt(period.substring(0, 4)), 3 * Integer.parseInt(period.substring(6)));
            return new LocalDate[]{last.minusMonths(3).atDay(15), last.atDay(14)};
        }
        YearMonth m = YearMonth.parse(period);
        return new LocalDate[]{m.minusMonths(1).atDay(15), m.atDay(14)};
    }

    private static LocalDate date(Instant at) { return at == null ? null : at.atZone(VN).toLocalDate(); }

    /**
     * What one dossier adds to the report of [from, to] (docs/reports.md), in {@link #REPORT_KEYS}' order: carried over
     * (received before {@code from}, neither ended nor withdrawn before it), received in the period online or at the
     * desk/by post, ended in the period early / on time / late (2.1's test, before / on the appointment day), withdrawn
     * in the period, and in progress at the end of {@code to} (received, neither ended nor withdrawn by then) within or
     * past the deadline (appointment on or after / before {@code to}).
     */
    static long[] reportValues(Facts f, LocalDate from, LocalDate to) {
        long[] v = new long[REPORT_KEYS.size()];
        if (f.receivedAt() == null) return v;
        LocalDate r = date(f.receivedAt()), e = date(f.endedAt()), w = date(f.withdrawnAt());
        java.util.function.Predicate<LocalDate> in = x -> x != null && !x.isBefore(from) && !x.isAfter(to);
        if (r.isBefore(from) && (e == null || !e.isBefore(from)) && (w == null || !w.isBefore(from))) v[1] = 1;
        if (in.test(r)) v[f.online() ? 2 : 3] = 1;
        if (in.test(e)) v[!f.endedOnTime() ? 7 : e.isBefore(f.due()) ? 5 : 6] = 1;
        if (in.test(w) && e == null) v[11] = 1;
        if (!r.isAfter(to) && (e == null || e.isAfter(to)) && (w == null || w.isAfter(to))) v[f.due() != null && f.due().isBefore(to) ? 10 : 9] = 1;
        v[0] = v[1] + v[2] + v[3];
        v[4] = v[5] + v[6] + v[7];
        v[8] = v[9] + v[10];
        return v;
    }

    /** Expected reports: agency → period → row ("total" or a procedure's code) → values; every reporting month from the agency's first receipt to today's, and the quarter of 120 days ago. */
    static Map<String, Map<String, Map<String, long[]>>> expectedReports(List<Facts> dossiers, LocalDate today) {
        Map<String, Map<String, Map<String, long[]>>> m = new TreeMap<>();
        YearMonth now = reportMonth(today);
        YearMonth q = reportMonth(today.minusDays(120));
        String quarter = q.getYear() + "-Q" + ((q.getMonthValue() - 1) / 3 + 1);
        for (String agency : new TreeSet<>(dossiers.stream().map(Facts::agency).toList())) {
            List<Facts> mine = dossiers.stream().filter(f -> f.agency().equals(agency) && f.receivedAt() != null).toList();
            YearMonth first = mine.stream().map(f -> reportMonth(date(f.receivedAt()))).min(Comparator.naturalOrder()).orElse(now);
            List<String> periods = new ArrayList<>();
            for (YearMonth x = first; !x.isAfter(now); x = x.plusMonths(1)) periods.add(x.toString());
            periods.add(quarter);
            for (String period : periods) {
                LocalDate[] b = reportBounds(period);
                Map<String, long[]> rows = m.computeIfAbsent(agency, k -> new TreeMap<>()).computeIfAbsent(period, k -> new TreeMap<>());
                rows.put("total", new long[REPORT_KEYS.size()]);
                for (Facts f : mine) {
                    long[] v = reportValues(f, b[0], b[1]);
                    for (String row : List.of("total", f.procedure())) {
                        long[] t = rows.computeIfAbsent(row, k -> new long[REPORT_KEYS.size()]);
                        for (int i = 0; i < v.length; i++) t[i] += v[i];
                    }
                }
            }
        }
        return m;
    }

    private static List<String> compareReports(HttpClient http, LocalRunner runner, String admin,
                                               Map<String, Map<String, Map<String, long[]>>> expected) throws Exception {
        List<String> diffs = new ArrayList<>();
        for (var byAgency : expected.entrySet()) {
            for (var byPeriod : byAgency.getValue().entrySet()) {
                String where = byPeriod.getKey() + " " + byAgency.getKey();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/api/admin/reports/ii06a?period="
                        + byPeriod.getKey() + "&agency=" + byAgency.getKey())).header("Authorization", "Bearer " + admin).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    diffs.add(where + ": HTTP " + r.statusCode() + " " + r.body());
                    continue;
                }
                Map<String, Object> page = Json.obj(Json.parse(r.body()));
                LocalDate[] b = reportBounds(byPeriod.getKey());
                if (!b[0].toString().equals(page.get("from")) || !b[1].toString().equals(page.get("to"))) {
                    diffs.add(where + ": report from " + page.get("from") + " to " + page.get("to") + ", expected " + b[0] + " to " + b[1]);
                }
                Map<String, Map<String, Object>> actual = new TreeMap<>();
                actual.put("total", Json.obj(Json.obj(page.get("total")).get("values")));
                for (Object field : Json.list(page.get("fields"))) {
                    for (Object row : Json.list(Json.obj(field).get("procedures"))) {
                        actual.put(String.valueOf(Json.obj(row).get("code")), Json.obj(Json.obj(row).get("values")));
                    }
                }
                Set<String> rows = new TreeSet<>(actual.keySet());
                rows.addAll(byPeriod.getValue().keySet());
                for (String row : rows) {
                    long[] want = byPeriod.getValue().getOrDefault(row, new long[REPORT_KEYS.size()]);
                    Map<String, Object> got = actual.getOrDefault(row, Map.of());
                    for (int i = 0; i < REPORT_KEYS.size(); i++) {
                        long g = num(got.get(REPORT_KEYS.get(i)));
                        if (g != want[i]) diffs.add(where + " " + row + " " + REPORT_KEYS.get(i) + ": report " + g + ", dossiers " + want[i]);
                    }
                }
            }
        }
        return diffs;
    }

    private static long num(Object o) { return o == null ? 0 : ((Number) o).longValue(); }
}
