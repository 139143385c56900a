package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;
import static vn.gov.bvhttdl.dvc.api.CitizenApiHandlerIT.*;

/**
 * Who may read and act on a dossier, through the API: every actor (the applicant, another citizen, the one-stop desk,
 * the resolving unit's specialist and leader, another unit of the agency, a consulted unit, another agency's unit, an
 * administrator) × every route that names a dossier × a dossier in every state (draft, submitted, received, in
 * processing, consulting another agency, refused at the desk, withdrawn at the desk, decided and returned). A cell is
 * allowed (200) exactly when the rule says so and refused (404, or 403 for a caller of the wrong kind) otherwise; the
 * work queue lists the dossier exactly to the units that may read it. Every wrong cell is listed at once.
 */
class AccessMatrixIT {
    static ApiHandler handler;
    static final String OWNER = "matrix-owner-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        TestStack.get();
        handler = new ApiHandler();
    }

    @AfterAll
    static void stop() { handler.close(); }

    record Who(String name, Map<String, String> claims) {}

    static Map<String, String> admin() {
        Map<String, String> m = citizen("matrix-admin", "Quản trị", "001099000777");
        m.put("cognito:groups", "[admins]");
        return m;
    }

    static final List<Who> ACTORS = List.of(
            new Who("applicant", citizen(OWNER, "Nguyễn Văn An", "001099012345")),
            new Who("other-citizen", citizen("matrix-other", "Trần Thị Bình", "001099054321")),
            new Who("desk", PortalApiIT.official("matrix-desk", "CDLQG", "MOTCUA", "ONE_STOP")),
            new Who("unit-specialist", PortalApiIT.official("matrix-lh", "CDLQG", "LUHANH", "SPECIALIST")),
            new Who("unit-leader", PortalApiIT.official("matrix-lh-lead", "CDLQG", "LUHANH", "LEADER")),
            new Who("other-unit", PortalApiIT.official("matrix-lt", "CDLQG", "LUUTRU", "LEADER")),
            new Who("consulted", PortalApiIT.official("matrix-ds", "CDSVH", "CHUYENMON", "SPECIALIST")),
            new Who("other-agency", PortalApiIT.official("matrix-ds-mc", "CDSVH", "MOTCUA", "ONE_STOP")),
            new Who("admin", admin()));

    static final Set<String> OFFICIALS = Set.of("desk", "unit-specialist", "unit-leader", "other-unit", "consulted", "other-agency");

    /** A DL-001 dossier of CDLQG walked to {@code state} through the domain's moves, stored as the use cases leave it. */
    static Dossier walk(String state) {
        DossierStore store = DossierStore.fromSettings();
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow();
        Instant now = Instant.now();
        LocalDate due = LocalDate.now().plusDays(20);
        Actor owner = Actor.citizen(OWNER);
        Actor system = Actor.system("validation");
        Actor desk = Actor.official("matrix-desk", "CDLQG", "MOTCUA", Post.ONE_STOP);
        Actor specialist = Actor.official("matrix-lh", "CDLQG", "LUHANH", Post.SPECIALIST);
        Actor leader = Actor.official("matrix-lh-lead", "CDLQG", "LUHANH", Post.LEADER);
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, OWNER,
                new Applicant("Nguyễn Văn An", "001099012345", null, "Hà Nội", "0912345678", null), Map.of(), now);
        store.create(c);
        List<Function<Dossier, Dossier.Change>> moves = new ArrayList<>();
        if (!state.equals("draft")) moves.add(d -> d.handle(new Command.Submit("{}", 0), owner, now));
        String code = PortalApiIT.randomCode(LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")));
        if (!Set.of("draft", "submitted").contains(state)) {
            moves.add(d -> d.handle(new Command.Receive(code, due, "reception", "MOTCUA", due), system, now));
        }
        switch (state) {
            case "refused-at-desk" -> moves.add(d -> d.handle(new Command.Refuse("Không thuộc thẩm quyền"), desk, now));
            case "withdrawn-at-desk" -> moves.add(d -> d.handle(new Command.Withdraw("Không cần nữa"), owner, now));
            case "in-processing", "consulting", "returned" -> {
                moves.add(d -> d.handle(new Command.StartProcessing("specialist", "LUHANH", due), desk, now));
                moves.add(d -> d.handle(new Command.Assign("matrix-lh", "Cán bộ"), specialist, now));
                if (state.equals("consulting")) {
                    moves.add(d -> d.handle(new Command.Consult("CDSVH", "CHUYENMON", "Ý kiến?", List.of(), due), specialist, now));
                }
                if (state.equals("returned")) {
                    moves.add(d -> d.handle(new Command.Forward("signing", "LUHANH", due, null), specialist, now));
                    moves.add(d -> d.handle(new Command.Approve("Đủ điều kiện"), leader, now));
                    moves.add(d -> d.handle(new Command.ReturnResult("counter"), desk, now));
                }
            }
            default -> { }
        }
        Dossier d = c.dossier();
        for (var m : moves) {
            Dossier.Change next = m.apply(d);
            store.save(next);
            d = next.dossier();
        }
        return d;
    }

    static final List<String> STATES = List.of("draft", "submitted", "received", "in-processing", "consulting",
            "refused-at-desk", "withdrawn-at-desk", "returned");

    /** Who reads the dossier through the officials' routes in each state (the rule, written out). */
    static Set<String> officialsWhoSee(String state) {
        return switch (state) {
            case "draft" -> Set.of();
            case "submitted", "received", "refused-at-desk", "withdrawn-at-desk" -> Set.of("desk");
            default -> Set.of("desk", "unit-specialist", "unit-leader");
        };
    }

    /** A certificate chain the digitisation routes can read (the development CA's own, no official's), as JSON. */
    static String certificates() {
        try {
            var ca = vn.gov.bvhttdl.dvc.documents.LocalKeySigner.in(java.nio.file.Path.of(vn.gov.bvhttdl.dvc.adapters.Settings.require("LOCAL_SIGNING_DIR")));
            List<String> out = new ArrayList<>();
            for (var c : ca.chain()) out.add("\"" + java.util.Base64.getEncoder().encodeToString(c.getEncoded()) + "\"");
            return "[" + String.join(",", out) + "]";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyActorEveryRouteEveryState() {
        final String CERTIFICATES = certificates();
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (String state : STATES) {
            Dossier d = walk(state);
            String id = d.id();
            Map<String, String> routes = new LinkedHashMap<>();
            // the applicant's
            routes.put("citizen", "/api/dossiers/" + id);
            routes.put("citizen-checklist", "/api/dossiers/" + id + "/checklist");
            routes.put("citizen-results", "/api/dossiers/" + id + "/results");
            routes.put("citizen-payments", "/api/dossiers/" + id + "/payments");
            routes.put("citizen-reads", "/api/dossiers/" + id + "/reads");
            // the officials'
            routes.put("official", "/api/official/dossiers/" + id);
            routes.put("official-notifications", "/api/official/dossiers/" + id + "/notifications");
            routes.put("official-payments", "/api/official/dossiers/" + id + "/payments");
            routes.put("official-results", "/api/official/dossiers/" + id + "/results");
            if (d.code() != null) {
                routes.put("official-by-code", "/api/official/dossiers/by-code/" + d.code());
                routes.put("official-slip", "/api/official/dossiers/" + id + "/forms/06");
            }
            routes.put("consultation", "/api/official/dossiers/consultations/" + id);
            for (Who who : ACTORS) {
                for (var r : routes.entrySet()) {
                    boolean allowed = switch (r.getKey()) {
                        case "citizen", "citizen-checklist", "citizen-results", "citizen-payments", "citizen-reads" -> who.name().equals("applicant");
                        case "consultation" -> state.equals("consulting") && who.name().equals("consulted");
                        default -> officialsWhoSee(state).contains(who.name());
                    };
                    APIGatewayV2HTTPResponse res = handler.handleRequest(request("GET", r.getValue(), null, who.claims()), null);
                    int s = res.getStatusCode();
                    boolean ok = allowed ? s == 200 : (s == 404 || s == 403);
                    cells++;
                    if (!ok) wrong.add(state + " × " + who.name() + " × " + r.getKey() + ": " + s + (allowed ? " (should be 200)" : " (should be refused)"));
                }
                // a move by an official out of scope is refused as if there were no dossier
                if (OFFICIALS.contains(who.name()) && !officialsWhoSee(state).contains(who.name())) {
                    int s = handler.handleRequest(request("POST", "/api/official/dossiers/" + id + "/refuse", "{\"reason\":\"x\"}", who.claims()), null).getStatusCode();
                    cells++;
                    if (s != 404) wrong.add(state + " × " + who.name() + " × refuse: " + s + " (should be 404)");
                }
                // digitising a paper of the dossier at the desk (issue #25): an official in scope gets past the dossier
                // (the request has no scan and a certificate that is not theirs: a problem about those, never a
                // refusal), any other official the same 404 as for no dossier, a citizen or an administrator the
                // officials' refusal
                {
                    var dig = handler.handleRequest(request("POST", "/api/official/digitisation/components/prepare",
                            "{\"dossierId\":\"" + id + "\",\"component\":\"DON\",\"chain\":" + CERTIFICATES + "}", who.claims()), null);
                    int s = dig.getStatusCode();
                    boolean inScope = officialsWhoSee(state).contains(who.name());
                    boolean ok = inScope ? s >= 400 && s < 500 && s != 403 && s != 404
                            : OFFICIALS.contains(who.name()) ? s == 404 : (s == 403 || s == 404);
                    cells++;
                    if (!ok) wrong.add(state + " × " + who.name() + " × digitise: " + s + " " + dig.getBody());
                }
                // attaching a warehouse document to the dossier (issue #25): anyone but the applicant is refused as if
                // there were no dossier; the applicant, naming a document the warehouse does not hold, gets a problem
                {
                    var reuse = handler.handleRequest(request("POST", "/api/dossiers/" + id + "/attachments/from-warehouse",
                            "{\"componentCode\":\"DON\",\"documentId\":\"matrix-no-such-document\"}", who.claims()), null);
                    int s = reuse.getStatusCode();
                    boolean ok = who.name().equals("applicant") ? s >= 400 && s < 500 && s != 403 : (s == 403 || s == 404);
                    cells++;
                    if (!ok) wrong.add(state + " × " + who.name() + " × from-warehouse: " + s + " " + reuse.getBody());
                }
                // the work queue of the official's unit lists it exactly when they may read it
                if (OFFICIALS.contains(who.name()) && !state.equals("draft")) {
                    Map<String, Object> q = json(handler.handleRequest(PortalApiIT.signedGet("/api/official/dossiers/queue",
                            "status=" + d.status().name() + "&size=100", who.claims()), null));
                    @SuppressWarnings("unchecked")
                    boolean listed = ((List<Map<String, Object>>) q.getOrDefault("items", List.of())).stream().anyMatch(i -> id.equals(i.get("id")));
                    boolean holder = officialsWhoSee(state).contains(who.name());
                    cells++;
                    if (listed && !holder) wrong.add(state + " × " + who.name() + " × queue: listed (should not be)");
                }
            }
        }
        assertTrue(cells > 500, "the matrix was walked: " + cells + " cells");
        assertEquals(List.of(), wrong, wrong.size() + " wrong cells of " + cells);
    }

    /**
     * The procedure codes' report against the national database (issue #20): administrators only. The administrator's
     * answer is the report or the national database's own problem (503 not configured, 502 out of reach: which one
     * depends on the test's settings), never a refusal.
     */
    @Test
    void onlyAdministratorsReadTheProcedureCodesReport() {
        List<String> wrong = new ArrayList<>();
        for (Who who : ACTORS) {
            APIGatewayV2HTTPResponse res = handler.handleRequest(request("GET", "/api/admin/national/procedure-codes", null, who.claims()), null);
            int s = res.getStatusCode();
            boolean ok = who.name().equals("admin") ? (s == 200 || s == 502 || s == 503) && !res.getBody().contains("admin-only") : s == 403;
            if (!ok) wrong.add(who.name() + ": " + s);
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * The Decision-766 scorecard (issue #23): administrators read any agency; a leader their own agency only (CDLQG's
     * unit leaders); every other actor is refused. Bad input is a problem, never a 5xx.
     */
    @Test
    void theScorecardIsForAdministratorsAndLeadersOfTheirOwnAgency() {
        List<String> wrong = new ArrayList<>();
        for (Who who : ACTORS) {
            for (String agency : List.of("CDLQG", "CDSVH")) {
                var req = scorecardGet("period=2026-11&agency=" + agency, who.claims());
                int s = handler.handleRequest(req, null).getStatusCode();
                boolean leader = who.name().equals("unit-leader") || who.name().equals("other-unit");
                int expected = who.name().equals("admin") || (leader && agency.equals("CDLQG")) ? 200 : 403;
                if (s != expected) wrong.add(who.name() + " " + agency + ": " + s + " (expected " + expected + ")");
            }
        }
        assertEquals(List.of(), wrong);
        Map<String, Integer> bad = new LinkedHashMap<>();
        bad.put("period=2099-01&agency=CDLQG", 422);
        bad.put("period=2099&agency=CDLQG", 422);
        bad.put("period=2026-13&agency=CDLQG", 400);
        bad.put("period=abc&agency=CDLQG", 400);
        bad.put("agency=CDLQG", 400);
        bad.put("period=2026-11&agency=NOPE", 404);
        bad.put("period=2026-11", 400);
        bad.forEach((query, status) -> {
            var req = scorecardGet(query, admin());
            APIGatewayV2HTTPResponse res = handler.handleRequest(req, null);
            if (res.getStatusCode() != status || !res.getHeaders().getOrDefault("Content-Type", res.getHeaders().getOrDefault("content-type", "")).contains("problem+json")) {
                wrong.add(query + ": " + res.getStatusCode() + " " + res.getHeaders());
            }
        });
        assertEquals(List.of(), wrong);
        var req = scorecardGet("period=2026-Q4&agency=CDLQG", admin());
        APIGatewayV2HTTPResponse ok = handler.handleRequest(req, null);
        assertEquals(200, ok.getStatusCode(), ok.getBody());
        Map<String, Object> page = json(ok);
        assertEquals("2026-Q4", page.get("period"));
        List<?> lines = (List<?>) ((Map<?, ?>) page.get("total")).get("lines");
        Map<?, ?> warehouse = lines.stream().map(l -> (Map<?, ?>) l).filter(l -> "4.4".equals(l.get("indicator"))).findFirst().orElseThrow();
        assertEquals(false, warehouse.get("measured"));
        assertNull(warehouse.get("score"), "not yet measured, never 0");
        Map<?, ?> onTime = lines.stream().map(l -> (Map<?, ?>) l).filter(l -> "2.1".equals(l.get("indicator"))).findFirst().orElseThrow();
        assertEquals(true, onTime.get("measured"));
    }

    /** The drill-down to the dossiers behind a number: the scorecard's access rules; bad input a problem, never a 5xx. */
    @Test
    void theDossiersBehindANumberFollowTheScorecardsRules() {
        List<String> wrong = new ArrayList<>();
        for (Who who : ACTORS) {
            for (String agency : List.of("CDLQG", "CDSVH")) {
                var req = scorecardGet("/api/admin/scorecard/dossiers", "period=2026-11&agency=" + agency + "&indicator=2.1", who.claims());
                int s = handler.handleRequest(req, null).getStatusCode();
                boolean leader = who.name().equals("unit-leader") || who.name().equals("other-unit");
                int expected = who.name().equals("admin") || (leader && agency.equals("CDLQG")) ? 200 : 403;
                if (s != expected) wrong.add(who.name() + " " + agency + ": " + s + " (expected " + expected + ")");
            }
        }
        assertEquals(List.of(), wrong);
        Map<String, Integer> bad = new LinkedHashMap<>();
        bad.put("period=2099-01&agency=CDLQG&indicator=2.1", 422);
        bad.put("period=2026-13&agency=CDLQG&indicator=2.1", 400);
        bad.put("period=2026-11&agency=NOPE&indicator=2.1", 404);
        bad.put("period=2026-11&agency=CDLQG&indicator=9.9", 404);
        bad.put("period=2026-11&agency=CDLQG", 404);
        bad.put("period=2026-11&agency=CDLQG&indicator=4.4", 422);
        bad.put("period=2026-11&agency=CDLQG&indicator=2.1&scope=U:CDSVH/X", 400);
        bad.put("period=2026-11&agency=CDLQG&indicator=2.1&scope=nonsense", 400);
        bad.put("period=2026-11&agency=CDLQG&indicator=2.1&size=0", 400);
        bad.put("period=2026-11&agency=CDLQG&indicator=2.1&size=1000", 400);
        bad.put("period=2026-11&agency=CDLQG&indicator=2.1&size=abc", 400);
        bad.forEach((query, status) -> {
            APIGatewayV2HTTPResponse res = handler.handleRequest(scorecardGet("/api/admin/scorecard/dossiers", query, admin()), null);
            if (res.getStatusCode() != status || !res.getHeaders().getOrDefault("Content-Type", res.getHeaders().getOrDefault("content-type", "")).contains("problem+json")) {
                wrong.add(query + ": " + res.getStatusCode() + " " + res.getHeaders());
            }
        });
        assertEquals(List.of(), wrong);
        APIGatewayV2HTTPResponse ok = handler.handleRequest(scorecardGet("/api/admin/scorecard/dossiers",
                "period=2026-11&agency=CDLQG&indicator=2.1&scope=U:CDLQG/LUHANH&size=5&after=zzz", admin()), null);
        assertEquals(200, ok.getStatusCode(), ok.getBody());
        Map<String, Object> page = json(ok);
        assertEquals("U:CDLQG/LUHANH", page.get("scope"));
        assertEquals("2.1", page.get("indicator"));
        assertTrue(page.get("items") instanceof List<?>);
        assertTrue(page.get("overdue") instanceof List<?>);
    }

    /** {@code GET /api/admin/scorecard?query} signed in with {@code claims}. */
    static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent scorecardGet(String query, Map<String, String> claims) {
        return scorecardGet("/api/admin/scorecard", query, claims);
    }

    /** {@code GET path?query} signed in with {@code claims}. */
    static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent scorecardGet(String path, String query, Map<String, String> claims) {
        var e = request("GET", path, null, claims);
        e.setRawQueryString(query);
        Map<String, String> params = new java.util.HashMap<>();
        for (String kv : query.split("&")) params.put(kv.split("=")[0], kv.split("=", 2)[1]);
        e.setQueryStringParameters(params);
        return e;
    }

    /**
     * The periodic report of form II.06a (issue #23): the scorecard's access, in each format; bad input is a
     * problem, never a 5xx.
     */
    @Test
    void theReportIsForAdministratorsAndLeadersOfTheirOwnAgency() {
        List<String> wrong = new ArrayList<>();
        for (Who who : ACTORS) {
            for (String agency : List.of("CDLQG", "CDSVH")) {
                for (String format : List.of("json", "xlsx", "pdf")) {
                    var req = get("/api/admin/reports/ii06a", "period=2026-11&agency=" + agency + "&format=" + format, who.claims());
                    var res = handler.handleRequest(req, null);
                    boolean leader = who.name().equals("unit-leader") || who.name().equals("other-unit");
                    int expected = who.name().equals("admin") || (leader && agency.equals("CDLQG")) ? 200 : 403;
                    if (res.getStatusCode() != expected) wrong.add(who.name() + " " + agency + " " + format + ": " + res.getStatusCode() + " (expected " + expected + ")");
                    if (expected == 200 && !format.equals("json")) {
                        String disposition = res.getHeaders().getOrDefault("Content-Disposition", "");
                        if (!disposition.contains("attachment; filename=\"bao-cao-II06a-" + agency + "-2026-11." + format + "\"") || !res.getIsBase64Encoded()) {
                            wrong.add(who.name() + " " + agency + " " + format + ": " + res.getHeaders() + " base64 " + res.getIsBase64Encoded());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        Map<String, Integer> bad = new LinkedHashMap<>();
        bad.put("period=2099-01&agency=CDLQG", 422);
        bad.put("period=2026-13&agency=CDLQG", 400);
        bad.put("period=abc&agency=CDLQG&format=xlsx", 400);
        bad.put("period=2026-11&agency=CDLQG&format=docx", 400);
        bad.put("period=2026-11&agency=NOPE&format=pdf", 404);
        bad.put("period=2026-11", 400);
        bad.forEach((query, status) -> {
            APIGatewayV2HTTPResponse res = handler.handleRequest(get("/api/admin/reports/ii06a", query, admin()), null);
            if (res.getStatusCode() != status || !res.getHeaders().getOrDefault("Content-Type", res.getHeaders().getOrDefault("content-type", "")).contains("problem+json")) {
                wrong.add(query + ": " + res.getStatusCode() + " " + res.getHeaders());
            }
        });
        assertEquals(List.of(), wrong);
    }

    /** {@code GET path?query} signed in with {@code claims}. */
    static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent get(String path, String query, Map<String, String> claims) {
        var e = request("GET", path, null, claims);
        e.setRawQueryString(query);
        Map<String, String> params = new java.util.HashMap<>();
        for (String kv : query.split("&")) params.put(kv.split("=")[0], kv.split("=", 2)[1]);
        e.setQueryStringParameters(params);
        return e;
    }


    /** Each audience: the actors above and a caller with no sign-in. */
    static final List<Who> AUDIENCE = java.util.stream.Stream.concat(ACTORS.stream(), java.util.stream.Stream.of(new Who("anonymous", null))).toList();

    /** Who a route is for: any official, administrators, anyone signed in (their own data), everyone (public pages). */
    enum For { OFFICIALS, ADMINS, SIGNED_IN, EVERYONE }

    /** What a caller of the route's audience gets: {@code expected} when given, else any answer that is not a refusal nor a 5xx. */
    record Route(String name, String method, String path, String query, String body, For audience, Integer expected) {}

    static boolean admits(For audience, Who who) {
        return switch (audience) {
            case OFFICIALS -> OFFICIALS.contains(who.name());
            case ADMINS -> who.name().equals("admin");
            case SIGNED_IN -> who.claims() != null;
            case EVERYONE -> true;
        };
    }

    /**
     * The routes the matrix above does not walk (the officials' search, the administrators' accounts, archive,
     * previews and calendar changes, the public verification pages of letters and tracking books, and the citizen's own
     * data): each audience is admitted and everyone else refused — 401 with no sign-in, 403 for a caller of the wrong
     * kind; a public page answers everyone alike, never 401 or 403. Every wrong cell is listed at once.
     */
    @Test
    void theOtherRoutesAdmitTheirAudienceAndRefuseEveryoneElse() {
        Dossier received = walk("received");
        String letterAt = Long.toString(received.receivedAt().getEpochSecond());
        String bookAt = Long.toString(Instant.now().minusSeconds(3600).getEpochSecond());
        String year = Integer.toString(LocalDate.now().getYear() + 1);
        List<Route> routes = List.of(
                new Route("official-search", "GET", "/api/official/dossiers/search", "q=" + received.code(), null, For.OFFICIALS, 200),
                new Route("admin-officials", "GET", "/api/admin/officials", null, null, For.ADMINS, 200),
                new Route("admin-official-unknown", "GET", "/api/admin/officials/no-such-" + UUID.randomUUID(), null, null, For.ADMINS, 404),
                new Route("admin-official-assign", "PUT", "/api/admin/officials/no-such-" + UUID.randomUUID() + "/assignment",
                        null, "{\"version\":1,\"agency\":\"CDLQG\",\"unit\":\"MOTCUA\",\"role\":\"DESK\"}", For.ADMINS, null),
                new Route("admin-official-deactivate", "POST", "/api/admin/officials/no-such-" + UUID.randomUUID() + "/deactivate",
                        null, "{\"version\":1}", For.ADMINS, null),
                new Route("admin-archive-expired", "GET", "/api/admin/archive/expired", "agency=CDLQG&from=2020", null, For.ADMINS, 200),
                new Route("admin-archive-destroy", "POST", "/api/admin/archive/decisions/no-such-" + UUID.randomUUID() + "/destroy", null, null, For.ADMINS, 404),
                new Route("admin-archive-decide", "POST", "/api/admin/archive/decisions", null, "{}", For.ADMINS, null),
                new Route("admin-version-preview", "POST", "/api/admin/procedures/BVHTTDL-DL-001/versions/preview", null, "{}", For.ADMINS, null),
                new Route("admin-calendar-changes", "POST", "/api/admin/calendar/" + year + "/changes", null, "{}", For.ADMINS, null),
                new Route("verify-letter", "GET", "/verify/letters/" + received.id() + "/06/" + letterAt, null, null, For.EVERYONE, 200),
                new Route("verify-letter-unknown", "GET", "/verify/letters/no-such/06/" + letterAt, null, null, For.EVERYONE, 404),
                new Route("verify-book", "GET", "/verify/books/CDLQG/MOTCUA/2026-01-01/2026-01-31/" + bookAt, null, null, For.EVERYONE, 200),
                new Route("verify-book-unknown", "GET", "/verify/books/CDLQG/NOPE/2026-01-01/2026-01-31/" + bookAt, null, null, For.EVERYONE, 404),
                new Route("my-data", "GET", "/api/me/data", null, null, For.SIGNED_IN, 200),
                new Route("my-data-reads", "GET", "/api/me/data/reads", "size=5", null, For.SIGNED_IN, 200),
                new Route("my-data-export", "POST", "/api/me/data/export", null, null, For.SIGNED_IN, 200),
                new Route("my-data-delete-draft-unknown", "DELETE", "/api/me/data/drafts/no-such-" + UUID.randomUUID(), null, null, For.SIGNED_IN, 404),
                new Route("my-data-delete-document-unknown", "DELETE", "/api/me/data/warehouse/no-such-" + UUID.randomUUID(), null, null, For.SIGNED_IN, 404));
        List<String> wrong = new ArrayList<>();
        int cells = 0, address = 0;
        for (Route r : routes) {
            Map<Integer, Integer> publicAnswers = new LinkedHashMap<>();
            for (Who who : AUDIENCE) {
                var e = request(r.method(), r.path(), r.body(), who.claims());
                if (r.query() != null) {
                    e.setRawQueryString(r.query());
                    Map<String, String> params = new java.util.HashMap<>();
                    for (String kv : r.query().split("&")) params.put(kv.split("=")[0], kv.split("=", 2)[1]);
                    e.setQueryStringParameters(params);
                }
                // each its own address: the public pages' per-address limit is not what is tested here
                e.getRequestContext().getHttp().setSourceIp("198.51.100." + (++address % 250 + 1));
                APIGatewayV2HTTPResponse res = handler.handleRequest(e, null);
                int s = res.getStatusCode();
                cells++;
                boolean ok;
                if (admits(r.audience(), who)) {
                    ok = r.expected() != null ? s == r.expected() : s != 401 && s != 403 && s < 500;
                    publicAnswers.merge(s, 1, Integer::sum);
                } else {
                    ok = s == (who.claims() == null ? 401 : 403);
                }
                if (!ok) wrong.add(r.name() + " × " + who.name() + ": " + s + (admits(r.audience(), who)
                        ? " (should be " + (r.expected() == null ? "admitted" : r.expected()) + ")" : " (should be refused)") + " " + clip(res.getBody()));
            }
            if (r.audience() == For.EVERYONE && publicAnswers.size() != 1) wrong.add(r.name() + ": not the same answer for everyone " + publicAnswers);
        }
        assertTrue(cells >= routes.size() * AUDIENCE.size());
        assertEquals(List.of(), wrong, wrong.size() + " wrong cells of " + cells);
    }

    static String clip(String s) { return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s; }

    /**
     * The citizen's own data is their own: another citizen's (or an official's) page, reads and archive hold nothing of
     * the applicant's dossiers, and their deletion of the applicant's draft is the 404 of no draft (the draft stays);
     * the applicant sees their draft and deletes it, and a submitted dossier is refused (409), not deleted.
     */
    @Test
    void myDataIsTheCallersOwn() {
        Dossier draft = walk("draft");
        Dossier submitted = walk("received");
        List<String> wrong = new ArrayList<>();
        for (Who who : ACTORS) {
            if (who.name().equals("applicant")) continue;
            String page = handler.handleRequest(request("GET", "/api/me/data", null, who.claims()), null).getBody();
            if (page.contains(draft.id())) wrong.add(who.name() + " sees the applicant's draft");
            int s = handler.handleRequest(request("DELETE", "/api/me/data/drafts/" + draft.id(), null, who.claims()), null).getStatusCode();
            if (s != 404) wrong.add(who.name() + " deleting the applicant's draft: " + s);
        }
        assertEquals(List.of(), wrong);
        assertTrue(DossierStore.fromSettings().find(draft.id()).isPresent(), "the draft stays");
        Map<String, String> applicant = ACTORS.get(0).claims();
        assertTrue(handler.handleRequest(request("GET", "/api/me/data", null, applicant), null).getBody().contains(draft.id()));
        APIGatewayV2HTTPResponse refused = handler.handleRequest(request("DELETE", "/api/me/data/drafts/" + submitted.id(), null, applicant), null);
        assertEquals(409, refused.getStatusCode(), refused.getBody());
        assertTrue(refused.getBody().contains("my-data-not-a-draft"));
        APIGatewayV2HTTPResponse deleted = handler.handleRequest(request("DELETE", "/api/me/data/drafts/" + draft.id(), null, applicant), null);
        assertEquals(200, deleted.getStatusCode(), deleted.getBody());
        assertTrue(DossierStore.fromSettings().find(draft.id()).isEmpty());
        assertTrue(handler.handleRequest(request("GET", "/api/me/data", null, applicant), null).getBody().contains("\"ref\":\"" + draft.id() + "\""),
                "the deletion is on the applicant's trail");

        // the archives, fetched through their links: the applicant's holds the dossier; the other citizen's nothing of it
        String mine = archive(applicant);
        assertTrue(mine.contains("ho-so/" + submitted.code() + "/ho-so.json") && mine.contains("Nguyễn Văn An"), "the applicant's dossier is in their archive");
        String theirs = archive(ACTORS.get(1).claims());
        for (String x : List.of(submitted.code(), submitted.id(), draft.id(), "Nguyễn Văn An", "001099012345", OWNER)) {
            assertFalse(theirs.contains(x), "another person's " + x + " is in the other citizen's archive");
        }
    }

    /** The caller's "download everything" archive, fetched through the link answered: each entry's name and text. */
    @SuppressWarnings("unchecked")
    static String archive(Map<String, String> claims) {
        APIGatewayV2HTTPResponse res = handler.handleRequest(request("POST", "/api/me/data/export", null, claims), null);
        assertEquals(200, res.getStatusCode(), res.getBody());
        String link = (String) json(res).get("link");
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            var got = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(link)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, got.statusCode(), "the link opens the archive");
            StringBuilder all = new StringBuilder();
            try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(got.body()), java.nio.charset.StandardCharsets.UTF_8)) {
                for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    all.append(e.getName()).append('\n').append(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).append('\n');
                }
            }
            assertTrue(all.indexOf("README.txt") >= 0, "a zip with its README");
            return all.toString();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("the archive's link could not be read", e);
        }
    }
}
