package vn.gov.bvhttdl.dvc.local.runner;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.Template;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The filter criteria of template.yaml's stream mapping, as the runner applies them (as Lambda does). */
class StreamFilterTest {
    final StreamFilter filter = new StreamFilter(Template.read(Emulators.repoRoot().resolve("template.yaml")).functions().stream()
            .filter(f -> f.logicalId().equals("StatusCountsFunction")).findFirst().orElseThrow().streams().get(0).filterPatterns());

    static Map<String, Object> record(String event, String pk, String sk, String status) {
        String image = "{\"PK\":{\"S\":\"" + pk + "\"},\"SK\":{\"S\":\"" + sk + "\"}" + (status == null ? "" : ",\"status\":{\"S\":\"" + status + "\"}") + "}";
        return Json.obj(Json.parse("{\"eventName\":\"" + event + "\",\"dynamodb\":{\"Keys\":{\"PK\":{\"S\":\"" + pk + "\"},\"SK\":{\"S\":\"" + sk + "\"}},"
                + "\"NewImage\":" + image + "}}"));
    }

    @Test
    void onlyTheDossiersOwnItemsWithAStatusPass() {
        assertTrue(filter.matches(record("MODIFY", "DOSSIER#1", "META", "RECEIVED")));
        assertTrue(filter.matches(record("INSERT", "DOSSIER#1", "META", "DRAFT")));
        assertFalse(filter.matches(record("REMOVE", "DOSSIER#1", "META", "DRAFT")), "eventName");
        assertFalse(filter.matches(record("MODIFY", "DOSSIER#1", "AUDIT#2026", "RECEIVED")), "an audit entry");
        assertFalse(filter.matches(record("MODIFY", "COUNTS", "META", "RECEIVED")), "prefix");
        assertFalse(filter.matches(record("MODIFY", "DOSSIER#1", "META", null)), "exists");
    }

    @Test
    void aSurveyAnswerWithItsAgencyPasses() {
        String answer = "{\"eventName\":\"MODIFY\",\"dynamodb\":{\"Keys\":{\"PK\":{\"S\":\"DOSSIER#1\"},\"SK\":{\"S\":\"SURVEY\"}},"
                + "\"NewImage\":{\"PK\":{\"S\":\"DOSSIER#1\"},\"SK\":{\"S\":\"SURVEY\"},\"rating\":{\"S\":\"SATISFIED\"}%s}}}";
        assertTrue(filter.matches(Json.obj(Json.parse(answer.formatted(",\"agency\":{\"S\":\"CDLQG\"}")))));
        assertFalse(filter.matches(Json.obj(Json.parse(answer.formatted("")))), "an answer stored without its agency");
        assertFalse(filter.matches(record("MODIFY", "DOSSIER#1", "SURVEY#X", "RECEIVED")), "another sort key");
    }

    @Test
    void anythingButAndNoPatterns() {
        StreamFilter but = new StreamFilter(List.of("{\"dynamodb\": {\"NewImage\": {\"status\": {\"S\": [{\"anything-but\": [\"DRAFT\"]}]}}}}"));
        assertTrue(but.matches(record("MODIFY", "DOSSIER#1", "META", "RECEIVED")));
        assertFalse(but.matches(record("MODIFY", "DOSSIER#1", "META", "DRAFT")));
        assertTrue(new StreamFilter(List.of()).matches(record("REMOVE", "X", "Y", null)));
    }
}
