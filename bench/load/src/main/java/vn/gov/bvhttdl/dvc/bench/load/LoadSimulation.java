package vn.gov.bvhttdl.dvc.bench.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * The whole offline stack under a realistic mix (issue #28 item 3), Gatling's Java DSL. One "dossier journey" is a
 * citizen who signs in, browses the catalogue, creates a DL-002 dossier (replacement of an international travel
 * licence: its e-form and three PDF files, each put through the presigned link straight into S3), waits until the scan
 * has accepted them, submits, waits for the fee to be asked, pays it on the VNPay sandbox (whose signed IPN is the
 * payment callback), waits for the reception, reads the dossier and the list; then the officials work it through
 * their queues — the one-stop desk starts processing, a specialist takes and forwards it, the leader approves (which
 * issues the signed result) — and the citizen downloads the result (which returns it online) and looks the dossier up
 * publicly by code and key. Beside the journeys (per journey started): 3 visitors browsing the catalogue, 1 official reading their queue
 * and counts. Waits are polls of the dossier every 300 ms, as the web pages poll.
 *
 * <p>System properties: {@code load.base} (the stack), {@code load.rate} (journeys started per second),
 * {@code load.seconds} (how long arrivals go on), {@code load.journeys} (a fixed number of journeys instead, and
 * nothing else: the cost run), {@code load.firstCitizen} (ID numbers of this run's citizens start there).
 */
public class LoadSimulation extends Simulation {
    static final String BASE = System.getProperty("load.base", "http://127.0.0.1:3000");
    static final double RATE = Double.parseDouble(System.getProperty("load.rate", "0.2"));
    static final int SECONDS = Integer.getInteger("load.seconds", 30);
    static final int JOURNEYS = Integer.getInteger("load.journeys", 0);
    static final AtomicInteger CITIZENS = new AtomicInteger(Integer.getInteger("load.firstCitizen", 1));
    /** Journeys that ended, by how (completed, or the step they were stuck at): read by the harness. */
    static final ConcurrentHashMap<String, AtomicInteger> OUTCOMES = new ConcurrentHashMap<>();
    private static final Pattern TXN_REF = Pattern.compile("[?&]vnp_TxnRef=([^&]+)");
    private static final byte[] PDF = pdf();

    static void outcome(String what) {
        OUTCOMES.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptHeader("application/json")
            .disableFollowRedirect().shareConnections().userAgentHeader("dvc-load");

    /** Signs in at the runner's development sign-in (the stand-in for Cognito) and keeps the token as {@code key}. */
    private static ChainBuilder signIn(String key, String name, String idNumber, String email, String role, String unit, String post) {
        return exec(http("sign-in (dev)").post("/dev/sign-in")
                .formParam("name", name).formParam("idNumber", idNumber).formParam("email", email).formParam("role", role)
                .formParam("unit", unit).formParam("post", post).formParam("redirect", "/")
                .check(status().is(303), header("Location").transform(l -> URLDecoder.decode(l.substring(l.indexOf("id_token=") + 9),
                        StandardCharsets.UTF_8)).saveAs(key))).exitHereIfFailed();
    }

    /** Polls the citizen's dossier until its status is {@code status} (at most {@code times} reads, 300 ms apart). */
    private static ChainBuilder awaitStatus(String status, int times) {
        return exec(session -> session.set("status", "").set("polls", 0))
                .asLongAs(s -> !status.equals(s.getString("status")) && s.getInt("polls") < times).on(
                        exec(http("citizen: poll dossier").get("/api/dossiers/#{id}").header("Authorization", "Bearer #{citizen}")
                                .check(status().is(200), jsonPath("$.status").saveAs("status")))
                                .exec(s -> s.set("polls", s.getInt("polls") + 1))
                                .exitHereIfFailed()
                                .doIf(s -> !status.equals(s.getString("status"))).then(pause(Duration.ofMillis(300))))
                .exec(s -> {
                    if (status.equals(s.getString("status"))) return s;
                    outcome("stuck before " + status + " (was " + s.getString("status") + ")");
                    return s.markAsFailed();
                })
                .exitHereIfFailed();
    }

    private static ChainBuilder move(String who, String token, String move, String body) {
        return exec(http(who + ": " + move).post("/api/official/dossiers/#{id}/" + move).header("Authorization", "Bearer #{" + token + "}")
                .header("Content-Type", "application/json").body(StringBody(body)).check(status().is(200)));
    }

    private final ScenarioBuilder journey = scenario("dossier journey")
            .exec(session -> {
                int n = CITIZENS.getAndIncrement();
                return session.set("idNumber", String.format("00209%07d", n)).set("n", n);
            })
            .exec(signIn("citizen", "Công dân Tải #{n}", "#{idNumber}", "cd#{n}@example.vn", "citizen", "", ""))
            .exec(http("catalogue: list").get("/api/procedures").check(status().is(200)))
            .exec(http("catalogue: procedure").get("/api/procedures/BVHTTDL-DL-002").check(status().is(200)))
            .exec(http("citizen: create").post("/api/dossiers").header("Authorization", "Bearer #{citizen}")
                    .header("Content-Type", "application/json")
                    .body(StringBody("{\"procedureCode\":\"BVHTTDL-DL-002\",\"applicant\":{\"phone\":\"0987000111\",\"email\":\"cd#{n}@example.vn\"},"
                            + "\"form\":{\"licenceNumber\":\"01-789/2021/TCDL-GP\",\"reason\":\"scope-change\"}}"))
                    .check(status().is(201), jsonPath("$.id").saveAs("id")))
            .exitHereIfFailed()
            .foreach(List.of("DON", "GPCU", "THAYDOI"), "component").on(
                    exec(http("citizen: upload link").post("/api/dossiers/#{id}/attachments").header("Authorization", "Bearer #{citizen}")
                            .header("Content-Type", "application/json")
                            .body(StringBody("{\"componentCode\":\"#{component}\",\"fileName\":\"#{component}.pdf\",\"size\":" + PDF.length + "}"))
                            .check(status().is(201), jsonPath("$.uploadUrl").saveAs("uploadUrl")))
                            .exec(http("s3: presigned put").put("#{uploadUrl}").header("Content-Type", "application/pdf").header("If-None-Match", "*")
                                    .body(ByteArrayBody(PDF)).check(status().is(200))))
            .exitHereIfFailed()
            .exec(session -> session.set("complete", false).set("polls", 0))
            .asLongAs(s -> !s.getBoolean("complete") && s.getInt("polls") < 100).on(
                    exec(http("citizen: poll checklist").get("/api/dossiers/#{id}/checklist").header("Authorization", "Bearer #{citizen}")
                            .check(status().is(200), jsonPath("$.complete").ofBoolean().saveAs("complete")))
                            .exec(s -> s.set("polls", s.getInt("polls") + 1))
                            .exitHereIfFailed()
                            .doIf(s -> !s.getBoolean("complete")).then(pause(Duration.ofMillis(300))))
            .exec(http("citizen: submit").post("/api/dossiers/#{id}/submit").header("Authorization", "Bearer #{citizen}")
                    .check(status().in(200, 202)))
            .exitHereIfFailed()
            .exec(awaitStatus("AWAITING_PAYMENT", 200))
            .exec(http("citizen: pay").post("/api/dossiers/#{id}/payments").header("Authorization", "Bearer #{citizen}")
                    .header("Content-Type", "application/json").body(StringBody("{\"provider\":\"vnpay\"}"))
                    .check(status().in(200, 201), jsonPath("$.redirectUrl").saveAs("payUrl")))
            .exitHereIfFailed()
            .exec(session -> {
                Matcher m = TXN_REF.matcher(session.getString("payUrl"));
                return m.find() ? session.set("txnRef", URLDecoder.decode(m.group(1), StandardCharsets.UTF_8)) : session.markAsFailed();
            })
            .exec(http("sandbox: VNPay page").get("#{payUrl}").check(status().is(200)))
            .exec(http("sandbox: VNPay pay (→ signed IPN)").post("/sandbox/decide").formParam("key", "vnpay:#{txnRef}").formParam("choice", "pay")
                    .check(status().in(302, 303)))
            .exitHereIfFailed()
            .exec(awaitStatus("RECEIVED", 200))
            .exec(http("citizen: read dossier").get("/api/dossiers/#{id}").header("Authorization", "Bearer #{citizen}")
                    .check(status().is(200), jsonPath("$.code").saveAs("code"), jsonPath("$.lookupKey").optional().saveAs("lookupKey")))
            .exec(http("citizen: my dossiers").get("/api/dossiers").header("Authorization", "Bearer #{citizen}").check(status().is(200)))
            // the officials work it through their queues
            .exec(signIn("desk", "Cán bộ Một cửa", "001080000999", "motcua@example.vn", "official", "CDLQG/MOTCUA", "ONE_STOP"))
            .exec(http("desk: queue").get("/api/official/dossiers/queue?status=RECEIVED").header("Authorization", "Bearer #{desk}").check(status().is(200)))
            .exec(move("desk", "desk", "start-processing", "{}"))
            .exec(signIn("specialist", "Chuyên viên Lữ hành", "001080000888", "luhanh@example.vn", "official", "CDLQG/LUHANH", "SPECIALIST"))
            .exec(http("specialist: open").get("/api/official/dossiers/#{id}").header("Authorization", "Bearer #{specialist}").check(status().is(200)))
            .exec(move("specialist", "specialist", "assign", "{}"))
            .exec(move("specialist", "specialist", "forward", "{\"note\":\"Đủ điều kiện\"}"))
            .exec(signIn("leader", "Lãnh đạo phòng Lữ hành", "001080000555", "lanhdao@example.vn", "official", "CDLQG/LUHANH", "LEADER"))
            .exec(move("leader", "leader", "approve", "{\"note\":\"Đồng ý\"}"))
            .exitHereIfFailed()
            // approving issues the signed result; the citizen downloads it, which returns it online
            .exec(awaitStatus("RESULT_READY", 200))
            .exec(http("citizen: read dossier").get("/api/dossiers/#{id}").header("Authorization", "Bearer #{citizen}")
                    .check(status().is(200), jsonPath("$.results[0].number").saveAs("result")))
            .exitHereIfFailed()
            .exec(http("citizen: download result").get("/api/dossiers/#{id}/results/#{result}").header("Authorization", "Bearer #{citizen}")
                    .header("Accept", "*/*").check(status().is(303), header("Location").saveAs("resultUrl")))
            .exitHereIfFailed()
            .exec(http("s3: presigned get (result)").get("#{resultUrl}").header("Accept", "*/*").check(status().is(200)))
            .doIf(s -> s.contains("lookupKey")).then(
                    exec(http("public: look-up").get("/api/track/#{code}?key=#{lookupKey}").check(status().is(200))))
            .exec(s -> {
                if (!s.isFailed()) outcome("completed");
                return s;
            });

    private final ScenarioBuilder browse = scenario("catalogue visitor")
            .exec(http("catalogue: list").get("/api/procedures").check(status().is(200)))
            .exec(http("catalogue: procedure").get("/api/procedures/BVHTTDL-DL-001").check(status().is(200)))
            .exec(http("catalogue: calendar").get("/api/calendar/2026").check(status().is(200)));

    private final ScenarioBuilder official = scenario("official at the queue")
            .exec(signIn("desk", "Cán bộ Một cửa", "001080000999", "motcua@example.vn", "official", "CDLQG/MOTCUA", "ONE_STOP"))
            .exec(http("desk: counts").get("/api/official/dossiers/counts").header("Authorization", "Bearer #{desk}").check(status().is(200)))
            .exec(http("desk: queue").get("/api/official/dossiers/queue?status=RECEIVED").header("Authorization", "Bearer #{desk}").check(status().is(200)));

    /** The journeys' outcomes into {@code load.outcomes} (a file), for the harness (LoadBench), which runs this in another JVM. */
    @Override
    public void after() {
        String file = System.getProperty("load.outcomes");
        if (file == null) return;
        StringBuilder b = new StringBuilder();
        OUTCOMES.forEach((k, v) -> b.append(k).append('\t').append(v.get()).append('\n'));
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(file), b.toString());
        } catch (java.io.IOException e) {
            System.err.println("outcomes not written: " + e);
        }
    }

    {
        List<PopulationBuilder> populations = new ArrayList<>();
        if (JOURNEYS > 0) {
            // the cost run: a fixed number of journeys, a few at a time, nothing else
            populations.add(journey.injectOpen(rampUsers(JOURNEYS).during(Duration.ofSeconds(Math.max(1, SECONDS)))));
        } else {
            populations.add(journey.injectOpen(steady(RATE)));
            populations.add(browse.injectOpen(steady(3 * RATE)));
            populations.add(official.injectOpen(steady(RATE)));
        }
        setUp(populations).protocols(protocol);
    }

    private static OpenInjectionStep steady(double perSecond) {
        return constantUsersPerSec(perSecond).during(Duration.ofSeconds(SECONDS));
    }

    private static byte[] pdf() {
        String content = "BT 50 780 Td (Ho so tai) Tj ET";
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
