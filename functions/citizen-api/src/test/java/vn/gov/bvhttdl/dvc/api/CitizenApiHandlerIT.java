package vn.gov.bvhttdl.dvc.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The citizen API handler, fed the sample events in events/, against the real protocol servers. */
class CitizenApiHandlerIT {
    static APIGatewayV2HTTPEventFunction handler;
    static TestStack.Stack stack;

    @BeforeAll
    static void start() {
        stack = TestStack.get();
        handler = new APIGatewayV2HTTPEventFunction();
    }

    @AfterAll
    static void stop() {
        handler.close();
    }

    static APIGatewayV2HTTPEvent sample(String name) {
        return EventLoader.loadApiGatewayHttpEvent(Emulators.repoRoot().resolve("events").resolve(name).toString());
    }

    static APIGatewayV2HTTPEvent request(String method, String path, String body, Map<String, String> claims) {
        APIGatewayV2HTTPEvent e = sample("citizen-api-create-dossier.json");
        e.setRawPath(path);
        e.getRequestContext().getHttp().setMethod(method);
        e.getRequestContext().getHttp().setPath(path);
        e.setBody(body);
        if (claims == null) e.getRequestContext().setAuthorizer(null);
        else e.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        return e;
    }

    static Map<String, String> citizen(String sub, String name, String idNumber) {
        Map<String, String> c = new HashMap<>();
        c.put("sub", sub);
        c.put("name", name);
        c.put("custom:id_number", idNumber);
        c.put("email", sub + "@example.vn");
        return c;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(APIGatewayV2HTTPResponse r) {
        return (Map<String, Object>) Json.parse(r.getBody());
    }

    static String contentType(APIGatewayV2HTTPResponse r) {
        return r.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("content-type"))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }

    @Test
    void listsProceduresWithoutSignIn() {
        APIGatewayV2HTTPResponse r = handler.handleRequest(sample("citizen-api-list-procedures.json"), null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        List<Object> list = (List<Object>) Json.parse(r.getBody());
        assertTrue(list.stream().map(o -> ((Map<?, ?>) o).get("code")).toList().contains("BVHTTDL-DL-001"));
    }

    @Test
    void sampleEventCreatesADraftPrefilledFromTheSignedInProfile() {
        APIGatewayV2HTTPResponse r = handler.handleRequest(sample("citizen-api-create-dossier.json"), null);
        assertEquals(201, r.getStatusCode(), r.getBody());
        Map<String, Object> d = json(r);
        assertEquals("DRAFT", d.get("status"));
        Map<String, Object> applicant = (Map<String, Object>) d.get("applicant");
        assertEquals("Nguyễn Văn An", applicant.get("fullName"));
        assertEquals("001099012345", applicant.get("idNumber"));
        assertEquals("0912345678", applicant.get("phone"));
        assertEquals("Công ty TNHH Du lịch Sen Vàng", ((Map<String, Object>) d.get("form")).get("companyName"));
        assertEquals("Đang soạn", ((Map<String, Object>) d.get("statusLabel")).get("vi"));
    }

    @Test
    void submitQueuesTheDossierForValidationAndIsSafeToRepeat() {
        Map<String, String> me = citizen("sub-submit-" + System.nanoTime(), "Lê Thị Cúc", "079188000123");
        Map<String, Object> draft = json(handler.handleRequest(request("POST", "/api/dossiers",
                "{\"procedureCode\":\"BVHTTDL-NT-001\",\"applicant\":{\"phone\":\"0987654321\"}}", me), null));
        String id = (String) draft.get("id");
        String queue = stack.resources().of("SubmissionQueue");
        try (SqsClient sqs = SqsClient.builder().httpClient(AwsClients.HTTP).credentialsProvider(AwsClients.credentials()).build()) {
            sqs.purgeQueue(b -> b.queueUrl(queue));
            APIGatewayV2HTTPResponse r = handler.handleRequest(request("POST", "/api/dossiers/" + id + "/submit", null, me), null);
            assertEquals(202, r.getStatusCode(), r.getBody());
            assertEquals("SUBMITTED", json(r).get("status"));
            // a double click: still 202, the same dossier, sent again for the (idempotent) validation
            APIGatewayV2HTTPResponse again = handler.handleRequest(request("POST", "/api/dossiers/" + id + "/submit", null, me), null);
            assertEquals(202, again.getStatusCode(), again.getBody());
            var bodies = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages().stream().map(m -> m.body()).collect(Collectors.toList());
            assertFalse(bodies.isEmpty());
            assertTrue(bodies.stream().allMatch(b -> b.contains(id)), bodies.toString());
            List<Object> history = (List<Object>) json(again).get("history");
            assertEquals(List.of("create", "submit"), history.stream().map(h -> ((Map<?, ?>) h).get("action")).toList());
        }
    }

    @Test
    void aCitizenCannotSeeOrSubmitAnotherCitizensDossier() {
        Map<String, String> owner = citizen("sub-owner-" + System.nanoTime(), "Phạm Văn Dũng", "001080000111");
        Map<String, String> other = citizen("sub-other-" + System.nanoTime(), "Hoàng Thị Em", "001080000222");
        String id = (String) json(handler.handleRequest(request("POST", "/api/dossiers",
                "{\"procedureCode\":\"BVHTTDL-DL-002\",\"applicant\":{\"phone\":\"0900000000\"}}", owner), null)).get("id");

        for (APIGatewayV2HTTPEvent e : List.of(request("GET", "/api/dossiers/" + id, null, other),
                request("POST", "/api/dossiers/" + id + "/submit", null, other),
                request("PUT", "/api/dossiers/" + id, "{\"form\":{\"x\":\"y\"}}", other))) {
            APIGatewayV2HTTPResponse r = handler.handleRequest(e, null);
            assertEquals(404, r.getStatusCode(), r.getBody());
            assertEquals(Problem.MEDIA_TYPE, contentType(r));
        }
        List<Object> theirs = (List<Object>) Json.parse(handler.handleRequest(request("GET", "/api/dossiers", null, other), null).getBody());
        assertTrue(theirs.isEmpty());
        APIGatewayV2HTTPResponse mine = handler.handleRequest(request("GET", "/api/dossiers/" + id, null, owner), null);
        assertEquals(200, mine.getStatusCode());
    }

    @Test
    void badInputGetsBilingualProblemsNeverA5xx() {
        Map<String, String> me = citizen("sub-bad-" + System.nanoTime(), "Vũ Văn Giang", "001070000333");
        record Case(APIGatewayV2HTTPEvent event, int status, String type) {}
        String draftId = (String) json(handler.handleRequest(request("POST", "/api/dossiers",
                "{\"procedureCode\":\"BVHTTDL-DL-001\",\"applicant\":{\"fullName\":\"\",\"idNumber\":\"12\"}}",
                Map.of("sub", me.get("sub"))), null)).get("id");
        List<Case> cases = List.of(
                new Case(request("POST", "/api/dossiers", "{not json", me), 400, "malformed-body"),
                new Case(request("POST", "/api/dossiers", "{\"procedureCode\":\"NO-SUCH\"}", me), 422, "unknown-procedure"),
                new Case(request("POST", "/api/dossiers", "{}", me), 422, "procedure-required"),
                new Case(request("POST", "/api/dossiers", "{\"procedureCode\":\"BVHTTDL-DL-001\",\"form\":{\"../x\":\"1\"}}", me), 422, "form-field-name"),
                new Case(request("GET", "/api/dossiers", null, null), 401, "sign-in-required"),
                new Case(request("GET", "/api/dossiers/by-code/not-a-code", null, me), 400, "malformed-dossier-code"),
                new Case(request("GET", "/api/dossiers/by-code/000.00.12.G17-260115-9999", null, me), 404, "dossier-not-found"),
                new Case(request("GET", "/api/nothing-here", null, me), 404, "no-such-resource"),
                new Case(request("POST", "/api/dossiers/" + draftId + "/submit", null, Map.of("sub", me.get("sub"))), 422, "dossier-incomplete"));
        for (Case c : cases) {
            APIGatewayV2HTTPResponse r = handler.handleRequest(c.event(), null);
            String what = c.event().getRequestContext().getHttp().getMethod() + " " + c.event().getRawPath() + " -> " + r.getBody();
            assertEquals(c.status(), r.getStatusCode(), what);
            assertEquals(Problem.MEDIA_TYPE, contentType(r), what);
            Map<String, Object> p = json(r);
            assertEquals(Problem.BASE + c.type(), p.get("type"), what);
            Map<String, Object> message = (Map<String, Object>) p.get("message");
            assertFalse(((String) message.get("vi")).isBlank(), what);
            assertFalse(((String) message.get("en")).isBlank(), what);
        }
        // the incomplete submission lists every missing item at once
        Map<String, Object> incomplete = json(handler.handleRequest(request("POST", "/api/dossiers/" + draftId + "/submit", null,
                Map.of("sub", me.get("sub"))), null));
        assertEquals(3, ((List<Object>) incomplete.get("errors")).size(), incomplete.toString());
    }
}
