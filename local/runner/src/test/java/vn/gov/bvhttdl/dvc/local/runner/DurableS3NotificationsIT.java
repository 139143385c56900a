package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * An upload whose write completed while the runner was not announcing S3's notifications (it had died, the S3
 * server still took the PUT) is judged once the runner is back on the same data folder: the notifications go on
 * from where they had reached in the journal, not from its end.
 */
class DurableS3NotificationsIT {
    LocalRunner runner;

    @AfterEach
    void stop() {
        if (runner != null) runner.close();
    }

    HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return LocalRunnerIT.call(runner.baseUrl(), method, path, token, body);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> r) {
        return (Map<String, Object>) Json.parse(r.body());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> attachment(String token, String id, String key) throws Exception {
        List<Map<String, Object>> files = (List<Map<String, Object>>) json(call("GET", "/api/dossiers/" + id, token, null)).get("attachments");
        return files.stream().filter(f -> key.equals(f.get("key"))).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUploadWrittenWhileTheRunnerWasDownIsAnnouncedAfterTheRestart(@TempDir Path data) throws Exception {
        runner = LocalRunner.start(new LocalRunner.Options(0, data, 0));
        String token = runner.devToken("Trần Văn Bình", "001088000902", "binh@example.vn", "citizens");
        String id = (String) json(call("POST", "/api/dossiers", token, "{\"procedureCode\":\"BVHTTDL-DL-003\"}")).get("id");
        // one file written and judged while all is up: the journal has a line already announced
        byte[] first = LocalRunnerIT.pdf("Don de nghi", 1500);
        HttpResponse<String> r = call("POST", "/api/dossiers/" + id + "/attachments", token,
                "{\"componentCode\":\"DON\",\"fileName\":\"don.pdf\",\"size\":" + first.length + "}");
        assertEquals(201, r.statusCode(), r.body());
        Map<String, Object> up = json(r);
        String firstKey = (String) ((Map<String, Object>) up.get("attachment")).get("key");
        assertEquals(200, LocalRunnerIT.put(up, first).statusCode());
        runner.flushS3Notifications();
        assertEquals("ACCEPTED", attachment(token, id, firstKey).get("status"));

        // a second file authorised, then the runner dies before its bytes arrive
        byte[] second = LocalRunnerIT.pdf("Giay to khac", 1800);
        r = call("POST", "/api/dossiers/" + id + "/attachments", token,
                "{\"componentCode\":\"DON\",\"fileName\":\"don-2.pdf\",\"size\":" + second.length + "}");
        assertEquals(201, r.statusCode(), r.body());
        String secondKey = (String) ((Map<String, Object>) json(r).get("attachment")).get("key");
        String uploads = runner.resources().of("UploadsBucket");
        runner.close();
        runner = null;

        // the S3 server alone takes the PUT (the write completes, the journal records it); nobody announces it
        try (Emulators alone = Emulators.start(data);
             S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(Emulators.ACCESS_KEY, Emulators.SECRET_KEY)))
                     .region(Region.of(Emulators.REGION)).endpointOverride(URI.create(alone.s3Endpoint())).forcePathStyle(true).build()) {
            s3.putObject(b -> b.bucket(uploads).key(secondKey).contentType("application/pdf"), RequestBody.fromBytes(second));
        }

        runner = LocalRunner.start(new LocalRunner.Options(0, data, 0));
        token = runner.devToken("Trần Văn Bình", "001088000902", "binh@example.vn", "citizens");
        long deadline = System.currentTimeMillis() + 20_000;
        while (!"ACCEPTED".equals(attachment(token, id, secondKey).get("status")) && System.currentTimeMillis() < deadline) Thread.sleep(100);
        assertEquals("ACCEPTED", attachment(token, id, secondKey).get("status"), "the write made while the runner was down is judged");
        assertEquals("ACCEPTED", attachment(token, id, firstKey).get("status"), "the one judged before is still accepted");
    }
}
