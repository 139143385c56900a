package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Defect 10 of issue #7: a dossier acknowledged as SUBMITTED when the stack died, its message lost with the queue
 * server's memory, is received after the restart without the citizen doing anything — the scheduled sweep of
 * template.yaml hands it to validation again, once, and a received dossier is left alone.
 */
class DurableSubmissionIT {
    static final HttpClient http = HttpClient.newHttpClient();
    LocalRunner runner;

    @AfterEach
    void stop() {
        if (runner != null) runner.close();
        System.clearProperty("SWEEP_AFTER_MINUTES");
    }

    HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return LocalRunnerIT.call(runner.baseUrl(), method, path, token, body);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> r) {
        return (Map<String, Object>) Json.parse(r.body());
    }

    @SuppressWarnings("unchecked")
    void upload(String token, String id, String component) throws Exception {
        byte[] bytes = LocalRunnerIT.pdf(component);
        HttpResponse<String> r = call("POST", "/api/dossiers/" + id + "/attachments", token,
                "{\"componentCode\":\"" + component + "\",\"fileName\":\"" + component.toLowerCase() + ".pdf\",\"size\":" + bytes.length + "}");
        assertEquals(201, r.statusCode(), r.body());
        Map<String, Object> up = json(r);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create((String) up.get("uploadUrl")));
        ((Map<String, String>) up.get("headers")).forEach(b::header);
        assertEquals(200, http.send(b.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    String status(String id, String token) throws Exception {
        return (String) json(call("GET", "/api/dossiers/" + id, token, null)).get("status");
    }

    @Test
    void aSubmissionWhoseMessageDiedWithTheStackIsReceivedAfterTheRestart(@TempDir Path data) throws Exception {
        Map<String, String> noDelay = Map.of("SWEEP_AFTER_MINUTES", "0");
        runner = LocalRunner.start(new LocalRunner.Options(0, data, 0, noDelay));
        String token = runner.devToken("Lương Thị Hạnh", "001088000901", "hanh@example.vn", "citizens");
        HttpResponse<String> created = call("POST", "/api/dossiers", token,
                "{\"procedureCode\":\"BVHTTDL-DL-001\",\"applicant\":{\"phone\":\"0912000901\"},\"form\":{\"companyName\":\"Công ty Hạnh Phúc\",\"scope\":\"inbound\"}}");
        assertEquals(201, created.statusCode(), created.body());
        String id = (String) json(created).get("id");
        for (String c : List.of("DON", "DKDN", "KYQUY", "NGUOIPT")) upload(token, id, c);
        runner.flushS3Notifications();
        assertEquals(Boolean.TRUE, json(call("GET", "/api/dossiers/" + id + "/checklist", token, null)).get("complete"));

        // the message is accepted by the queue but never delivered: then the whole stack stops, queue server included
        runner.stopQueueDelivery();
        assertEquals(202, call("POST", "/api/dossiers/" + id + "/submit", token, null).statusCode());
        assertEquals("SUBMITTED", status(id, token));
        runner.close();

        runner = LocalRunner.start(new LocalRunner.Options(0, data, 0, noDelay));
        token = runner.devToken("Lương Thị Hạnh", "001088000901", "hanh@example.vn", "citizens");
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY));
        try (SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(creds)
                .region(Region.of(Emulators.REGION)).endpointOverride(URI.create(runner.emulators().sqsEndpoint())).build()) {
            String queue = runner.resources().of("SubmissionQueue");
            assertEquals("0", sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES), "the message was lost with the queue server");
        }
        Thread.sleep(1500);
        assertEquals("SUBMITTED", status(id, token), "nothing else would ever receive it");

        // the schedule's next tick
        assertEquals(List.of("ArchiveHandoverFunction", "DeadlineWatchFunction", "DraftExpiryFunction", "NationalInboxFunction", "NoticeResendFunction",
                        "PaymentReconcileFunction", "SubmissionSweepFunction"),
                runner.scheduledFunctions().stream().sorted().toList(),
                "seven schedules in template.yaml: the sweep, the deadline watch, the payment reconciliation, the notices' resend, the national portal's inbox, the archive's hand-over and the drafts' expiry");
        List<String> answers = runner.fireSchedule("SubmissionSweepFunction");
        assertEquals(1, answers.size());
        assertEquals(1, ((Number) ((Map<?, ?>) Json.parse(answers.get(0))).get("handedOver")).intValue(), answers.get(0));
        long deadline = System.currentTimeMillis() + 20_000;
        // DL-001 is level 4 with a fee: received, it then waits for its fee (rules/payments.json)
        while (!"AWAITING_PAYMENT".equals(status(id, token)) && System.currentTimeMillis() < deadline) Thread.sleep(100);
        Map<String, Object> received = json(call("GET", "/api/dossiers/" + id, token, null));
        assertEquals("AWAITING_PAYMENT", received.get("status"));
        assertNotNull(received.get("code"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) received.get("history");
        assertEquals(List.of("create", "submit", "receive", "request-payment"), history.stream().map(h -> (String) h.get("action"))
                .filter(a -> !a.startsWith("attachment-")).toList(), "received once, by the validation function");
        LocalRunnerIT.paidAtReception(runner.baseUrl(), id, token);

        // a received dossier is not SUBMITTED any more: the next tick has nothing to do
        Map<?, ?> again = (Map<?, ?>) Json.parse(runner.fireSchedule("SubmissionSweepFunction").get(0));
        assertEquals(0, ((Number) again.get("handedOver")).intValue(), again.toString());
        assertEquals(0, ((Number) again.get("checked")).intValue(), again.toString());

        // the deadline watch, played from the template's hourly schedule: it looks at the received dossier, twice the same
        Map<?, ?> watch = (Map<?, ?>) Json.parse(runner.fireSchedule("DeadlineWatchFunction").get(0));
        assertTrue(((Number) watch.get("checked")).intValue() >= 1, watch.toString());
        Map<?, ?> watchAgain = (Map<?, ?>) Json.parse(runner.fireSchedule("DeadlineWatchFunction").get(0));
        assertEquals(0, ((Number) watchAgain.get("dueSoon")).intValue() + ((Number) watchAgain.get("overdue")).intValue()
                + ((Number) watchAgain.get("cleared")).intValue(), "the second run changes nothing: " + watchAgain);
    }
}
