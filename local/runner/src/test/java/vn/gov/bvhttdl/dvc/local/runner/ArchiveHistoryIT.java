package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Exception;
import vn.gov.bvhttdl.dvc.adapters.ArchiveStore;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.application.ArchiveRecords;
import vn.gov.bvhttdl.dvc.domain.ArchiveRecord;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Organisation;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The archive on generated history (issue #26, "Done when"): a history of dossiers created in 2020 and all ended
 * ({@code POST /dev/history?year=2020}), archived by {@code ArchiveFunction} from the table's stream; then, as an
 * administrator over HTTP: the hand-over package of 2020 of an agency — its manifest's hashes against the ZIP's files
 * (computed here), its records counted against the generator's plan; the expired fixed-term records (withdrawn: 5
 * years under rules/retention.json, so a 2020 one is past its action date of 31 Dec 2025) against the plan;
 * destruction refused without a recorded decision and for a permanent record (the heritage excavation licence
 * returned); a decision recorded and carried out: the dossiers' items, their uploads and packages gone, the
 * certificate kept, the steps in the archive's trail.
 */
class ArchiveHistoryIT {
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int N = 14;
    static final long SEED = 26;
    static final int YEAR = 2020;

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    static HttpResponse<String> send(HttpClient http, LocalRunner runner, String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(runner.baseUrl() + path)).header("Authorization", "Bearer " + token)
                .header("Accept-Language", "en");
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertProblem(HttpResponse<String> r, int status, String type) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        assertTrue(String.valueOf(Json.obj(Json.parse(r.body())).get("type")).endsWith(type), r.body());
    }

    @Test
    void theYearlyHandOverAndARecordedDestructionWorkOnGeneratedHistory() throws Exception {
        try (LocalRunner runner = LocalRunner.start(new LocalRunner.Options(0, null, null))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> gen = http.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/dev/history?n=" + N + "&seed=" + SEED + "&year=" + YEAR))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, gen.statusCode(), gen.body());
            Map<String, Object> report = Json.obj(Json.parse(gen.body()));
            assertEquals(List.of(), report.get("problems"), "every planned move was made");
            List<String> ids = Json.list(report.get("ids")).stream().map(String::valueOf).toList();
            assertEquals(N, ids.size());

            // the plan, made again here with the same seed: what each dossier is, independently of what was stored
            LocalDate today = LocalDate.now(VN);
            HistoryPlan plan = HistoryPlan.of(N, SEED, today, YEAR);
            Table table = Table.fromSettings();
            Map<String, String> agencyOf = new LinkedHashMap<>();
            for (HistoryPlan.Item i : plan.items())
                agencyOf.put(ids.get(i.index()), table.rules().catalogue().history(i.procedure()).getFirst().agencyCode());

            // the archive records exist (ArchiveFunction, from the stream)
            ArchiveStore store = new ArchiveStore(DossierStore.fromSettings(), Organisation.standard(), keys -> {});
            long until = System.currentTimeMillis() + 180_000;
            while (ids.stream().anyMatch(id -> store.ofDossier(id).isEmpty()) && System.currentTimeMillis() < until) Thread.sleep(500);
            for (String id : ids) {
                ArchiveRecord r = store.ofDossier(id).orElseThrow(() -> new AssertionError("no archive record for " + id));
                assertEquals(YEAR, r.end().getYear(), "the work ended in " + YEAR + ": " + r.archiveCode());
                assertTrue(r.archiveCode().startsWith(agencyOf.get(id) + "." + YEAR + "."), r.archiveCode());
            }

            String admin = runner.devToken("Quản trị", "001080000001", "qt@example.vn", "admins");
            String citizen = runner.devToken("Nguyễn Văn An", "001099012345", "an@example.vn", "citizens");

            // the withdrawn dossier of the plan's fixed kinds: its agency's hand-over and expired records
            HistoryPlan.Item withdrawnItem = plan.items().stream().filter(i -> i.outcome() == HistoryPlan.Outcome.WITHDRAWN).findFirst().orElseThrow();
            String agency = agencyOf.get(ids.get(withdrawnItem.index()));
            long expectedRecords = agencyOf.values().stream().filter(agency::equals).count();

            assertEquals(403, send(http, runner, citizen, "POST", "/api/admin/archive/handover/" + agency + "/" + YEAR, null).statusCode(),
                    "a citizen cannot build a hand-over");
            HttpResponse<String> ho = send(http, runner, admin, "POST", "/api/admin/archive/handover/" + agency + "/" + YEAR, null);
            assertEquals(200, ho.statusCode(), ho.body());
            Map<String, Object> built = Json.obj(Json.parse(ho.body()));
            assertEquals(expectedRecords, ((Number) built.get("records")).longValue(), "every record of the agency's " + YEAR + " handed over: " + ho.body());
            byte[] zip = AwsClients.s3().getObjectAsBytes(b -> b.bucket(Settings.require("ARCHIVE_BUCKET")).key(String.valueOf(built.get("key")))).asByteArray();
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) entries.put(e.getName(), in.readAllBytes());
            }
            String manifest = new String(entries.remove("manifest-sha256.txt"), StandardCharsets.UTF_8);
            Map<String, String> listed = new LinkedHashMap<>();
            for (String line : manifest.split("\n")) {
                if (line.isBlank()) continue;
                listed.put(line.substring(line.indexOf("  ") + 2), line.substring(0, line.indexOf("  ")));
            }
            assertEquals(new TreeSet<>(entries.keySet()), new TreeSet<>(listed.keySet()), "the manifest lists every file of the ZIP and no other");
            for (var e : entries.entrySet()) assertEquals(listed.get(e.getKey()), sha256(e.getValue()), "hash of " + e.getKey());
            assertEquals(expectedRecords, entries.keySet().stream().filter(n -> n.endsWith("/record.json")).count(), "one record.json per record");
            assertEquals(sha256(manifest.getBytes(StandardCharsets.UTF_8)), built.get("manifestSha256"));
            // the documents the system made (results, receipts) are archived as PDF/A: each validates as it did when it was signed
            List<String> made = entries.keySet().stream().filter(n -> n.matches(".*/(results/[^/]+\\.pdf|receipt\\.pdf)")).sorted().toList();
            assertFalse(made.isEmpty(), "no result or receipt in the hand-over: " + entries.keySet());
            for (String n : made) assertEquals(List.of(), vn.gov.bvhttdl.dvc.documents.PdfAValidation.problems(entries.get(n)), n + " as PDF/A");

            // expired: the withdrawn ones of the agency (5 years from 2020: action date 31 Dec 2025), and nothing else
            Set<String> expiredExpected = plan.items().stream()
                    .filter(i -> i.outcome() == HistoryPlan.Outcome.WITHDRAWN && agency.equals(agencyOf.get(ids.get(i.index()))))
                    .map(i -> store.ofDossier(ids.get(i.index())).orElseThrow().archiveCode()).collect(Collectors.toCollection(TreeSet::new));
            HttpResponse<String> ex = send(http, runner, admin, "GET", "/api/admin/archive/expired?agency=" + agency, null);
            assertEquals(200, ex.statusCode(), ex.body());
            Set<String> expired = Json.list(Json.obj(Json.parse(ex.body())).get("records")).stream()
                    .map(o -> String.valueOf(Json.obj(o).get("archiveCode"))).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expiredExpected, expired);
            assertFalse(expired.isEmpty());

            // destruction refused: without a recorded decision, for a permanent record
            assertProblem(send(http, runner, admin, "POST", "/api/admin/archive/decisions/no-such-decision/destroy", null), 404, "destruction-decision-not-found");
            HistoryPlan.Item permanentItem = plan.items().stream()
                    .filter(i -> i.procedure().equals("BVHTTDL-DS-001") && i.outcome() == HistoryPlan.Outcome.ON_TIME).findFirst().orElseThrow();
            ArchiveRecord permanent = store.ofDossier(ids.get(permanentItem.index())).orElseThrow();
            assertTrue(permanent.permanent(), "the excavation licence returned is kept permanently");
            assertNull(permanent.actionDate());
            String decidedOn = today.toString();
            HttpResponse<String> refused = send(http, runner, admin, "POST", "/api/admin/archive/decisions", Json.write(Map.of(
                    "agency", agencyOf.get(permanent.dossierId()), "members", List.of("Chủ tịch HĐ", "Lưu trữ viên", "Chuyên viên pháp chế"),
                    "minutes", "BB-01/" + today.getYear(), "decidedOn", decidedOn, "archiveCodes", List.of(permanent.archiveCode()))));
            assertProblem(refused, 409, "permanent-record");
            assertTrue(store.ofDossier(permanent.dossierId()).isPresent());

            // the decision recorded and carried out
            Map<String, List<String>> uploads = new LinkedHashMap<>();
            for (String code : expired) {
                String id = store.byCode(code).orElseThrow().dossierId();
                uploads.put(id, table.attachments().attachments(id).stream().map(Attachment::key).toList());
                assertFalse(uploads.get(id).isEmpty(), "the dossier had uploads");
            }
            HttpResponse<String> dec = send(http, runner, admin, "POST", "/api/admin/archive/decisions", Json.write(Map.of(
                    "agency", agency, "members", List.of("Chủ tịch HĐ", "Lưu trữ viên", "Chuyên viên pháp chế"),
                    "minutes", "BB-02/" + today.getYear(), "decidedOn", decidedOn, "archiveCodes", new ArrayList<>(expired))));
            assertEquals(201, dec.statusCode(), dec.body());
            String decision = String.valueOf(Json.obj(Json.parse(dec.body())).get("id"));
            assertEquals(403, send(http, runner, citizen, "POST", "/api/admin/archive/decisions/" + decision + "/destroy", null).statusCode());
            HttpResponse<String> done = send(http, runner, admin, "POST", "/api/admin/archive/decisions/" + decision + "/destroy", null);
            assertEquals(200, done.statusCode(), done.body());
            assertEquals(expired.size(), Json.list(Json.obj(Json.parse(done.body())).get("destroyed")).size(), done.body());
            assertProblem(send(http, runner, admin, "POST", "/api/admin/archive/decisions/" + decision + "/destroy", null), 409, "destruction-already-done");

            String archiveBucket = Settings.require("ARCHIVE_BUCKET");
            for (var e : uploads.entrySet()) {
                String id = e.getKey();
                assertTrue(table.dossiers().find(id).isEmpty(), "the dossier's items are gone: " + id);
                assertTrue(table.attachments().attachments(id).isEmpty(), "its uploads' items are gone: " + id);
                assertTrue(store.ofDossier(id).isEmpty(), "its archive record is gone: " + id);
                for (String key : e.getValue()) {
                    S3Exception gone = assertThrows(S3Exception.class, () -> AwsClients.s3().headObject(b -> b.bucket(Settings.require("UPLOADS_BUCKET")).key(key)));
                    assertEquals(404, gone.statusCode(), key);
                }
                assertEquals(0, AwsClients.s3().listObjectsV2(b -> b.bucket(archiveBucket).prefix("records/" + agency + "/" + YEAR + "/" + id + "/")).keyCount(),
                        "its package is gone: " + id);
            }
            ArchiveRecords.Certificate cert = store.certificate(decision).orElseThrow(() -> new AssertionError("no certificate"));
            assertEquals(expired.size(), cert.destroyed().size());
            byte[] certFile = AwsClients.s3().getObjectAsBytes(b -> b.bucket(archiveBucket).key("destruction/" + agency + "/" + decision + "/certificate.json")).asByteArray();
            assertTrue(new String(certFile, StandardCharsets.UTF_8).contains(decision), "the certificate kept in the archive bucket");
            // the records not decided on stay: the agency's other dossiers of the year
            agencyOf.entrySet().stream().filter(e -> e.getValue().equals(agency) && !uploads.containsKey(e.getKey()))
                    .forEach(e -> assertTrue(store.ofDossier(e.getKey()).isPresent(), "kept: " + e.getKey()));

            List<String> steps = store.trail(agency).stream().map(ArchiveRecords.Event::action).toList();
            assertTrue(steps.contains("handover-built"), steps.toString());
            assertTrue(steps.contains("destruction-decision-recorded"), steps.toString());
            assertEquals(expired.size(), steps.stream().filter("record-destroyed"::equals).count(), steps.toString());
            assertTrue(steps.contains("destruction-certified"), steps.toString());
        }
    }
}
