package vn.gov.bvhttdl.dvc.lambda;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.ConcurrentChange;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The one problem+json shape: both languages, the slug in the type, no member written as null. */
class ProblemJsonTest {
    @SuppressWarnings("unchecked")
    static void assertNoNull(Object json, String where) {
        if (json == null) fail("null at " + where);
        if (json instanceof Map<?, ?> m) m.forEach((k, v) -> assertNoNull(v, where + "." + k));
        if (json instanceof List<?> l) for (int i = 0; i < l.size(); i++) assertNoNull(l.get(i), where + "[" + i + "]");
    }

    @Test
    void aRefusalWithoutFieldsOrPathHasNoNullMember() {
        String written = ProblemJson.write(ProblemJson.body(DomainException.of("dossier-not-found", "ref", "x1"), null));
        assertFalse(written.contains("null"), written);
        Map<String, Object> p = Json.obj(Json.parse(written));
        assertNoNull(p, "$");
        assertEquals(ProblemJson.BASE + "dossier-not-found", p.get("type"));
        assertEquals(404, ((Number) p.get("status")).intValue());
        assertEquals("Not Found", p.get("title"));
        assertEquals(Map.of("vi", "Không tìm thấy hồ sơ \"x1\".", "en", "No dossier \"x1\" was found."), p.get("message"));
        assertFalse(p.containsKey("errors"));
        assertFalse(p.containsKey("instance"));
    }

    @Test
    void errorsNameTheirFieldOnlyWhenTheyAreAboutOne() {
        Text one = new Text("Thiếu tên.", "The name is missing.").at("applicant.fullName");
        Text whole = new Text("Cần một cách liên lạc.", "One way of contact is needed.");
        Map<String, Object> p = Json.obj(Json.parse(ProblemJson.write(ProblemJson.body(
                new DomainException(DomainException.Kind.INVALID, "invalid-dossier", one, List.of(one, whole)), "/api/dossiers"))));
        assertNoNull(p, "$");
        List<?> errors = (List<?>) p.get("errors");
        assertEquals(Map.of("vi", "Thiếu tên.", "en", "The name is missing.", "field", "applicant.fullName"), errors.get(0));
        assertEquals(Map.of("vi", "Cần một cách liên lạc.", "en", "One way of contact is needed."), errors.get(1));
        assertFalse(((Map<?, ?>) p.get("message")).containsKey("field"), "the message is about the whole");
        assertEquals("/api/dossiers", p.get("instance"));
        assertEquals(422, ((Number) p.get("status")).intValue());
    }

    @Test
    void aRaceLostForGoodIsAConflictToReloadNotAFailure() {
        Map<String, Object> r = ProblemJson.response(new ConcurrentChange("dossier x1 is no longer at version 3"), "/api/x");
        assertEquals(409, r.get("statusCode"));
        assertEquals(Map.of("Content-Type", "application/problem+json", "Cache-Control", "no-store"), r.get("headers"));
        Map<String, Object> p = Json.obj(Json.parse((String) r.get("body")));
        assertEquals(ProblemJson.BASE + "changed-meanwhile", p.get("type"));
        assertTrue(((String) ((Map<?, ?>) p.get("message")).get("vi")).contains("tải lại"));
        assertFalse(((String) r.get("body")).contains("version 3"), "what changed is for the log only");
    }

    @Test
    void theTextsOfTheCatalogueAndAnIncidentForTheUnexpected() {
        Map<String, Object> p = ProblemJson.body("method-not-allowed", "/x", "method", "PATCH");
        assertEquals(405, p.get("status"));
        assertEquals("Method PATCH is not allowed here.", p.get("detail"));
        var incident = ProblemJson.internalError("/y".repeat(200));
        assertEquals(500, incident.getValue().get("status"));
        assertTrue(((String) incident.getValue().get("detail")).contains(incident.getKey()));
        assertFalse(incident.getValue().containsKey("instance"), "a long path is not echoed");
    }
}
