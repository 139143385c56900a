package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.api.admin.AdminApiHandler;
import vn.gov.bvhttdl.dvc.api.citizen.CitizenApiHandler;
import vn.gov.bvhttdl.dvc.api.official.OfficialApiHandler;
import vn.gov.bvhttdl.dvc.api.pub.PublicApiHandler;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static vn.gov.bvhttdl.dvc.api.CitizenApiHandlerIT.*;

/** Each API function's handler (template.yaml's Handler) fed its sample event from events/. */
class SampleEventsIT {
    @Test
    @SuppressWarnings("unchecked")
    void eachApiFunctionAnswersItsSample() {
        TestStack.get();
        try (var pub = new PublicApiHandler()) {
            APIGatewayV2HTTPResponse r = pub.handleRequest(sample("public-api-list-procedures.json"), null);
            assertEquals(200, r.getStatusCode(), r.getBody());
            assertFalse(((List<?>) json(r).get("items")).isEmpty(), "the catalogue is listed");
        }
        try (var citizen = new CitizenApiHandler()) {
            APIGatewayV2HTTPResponse r = citizen.handleRequest(sample("citizen-api-create-dossier.json"), null);
            assertEquals(201, r.getStatusCode(), r.getBody());
            assertEquals("DRAFT", json(r).get("status"));
        }
        try (var official = new OfficialApiHandler()) {
            APIGatewayV2HTTPResponse r = official.handleRequest(sample("official-api-queue.json"), null);
            assertEquals(200, r.getStatusCode(), r.getBody());
            Map<String, Object> page = json(r);
            assertEquals("RECEIVED", page.get("status"));
            assertEquals("MOTCUA", page.get("unit"));
        }
        try (var admin = new AdminApiHandler()) {
            APIGatewayV2HTTPResponse r = admin.handleRequest(sample("admin-api-publications.json"), null);
            assertEquals(200, r.getStatusCode(), r.getBody());
            assertInstanceOf(List.class, Json.parseList(r.getBody()));
        }
    }

    /** The body as a JSON array. */
    static final class Json {
        static Object parseList(String body) { return vn.gov.bvhttdl.dvc.domain.Json.parse(body); }
    }
}
