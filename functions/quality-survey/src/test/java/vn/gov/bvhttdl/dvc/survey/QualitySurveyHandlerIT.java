package vn.gov.bvhttdl.dvc.survey;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The survey function fed the sample answer of events/ (the applicant's PUT through the HTTP API with its JWT claims),
 * against dynoxide: the answer is stored with the computed criteria; a bad rating is a 422 problem; a dossier not yet
 * received is a 409 (the survey opens at the receipt: rules/survey.json opensAt); someone else's dossier a 404.
 */
class QualitySurveyHandlerIT {
    static DossierStore store;

    @BeforeAll
    static void start() {
        TestStack.get();
        store = DossierStore.fromSettings();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> sample(String dossierId) throws Exception {
        return (Map<String, Object>) Json.parse(Files.readString(Emulators.repoRoot().resolve("events/quality-survey-answer.json"))
                .replace("REPLACED-BY-TEST", dossierId));
    }

    @SuppressWarnings("unchecked")
    static String owner(Map<String, Object> event) {
        return (String) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) event.get("requestContext"))
                .get("authorizer")).get("jwt")).get("claims")).get("sub");
    }

    /** A dossier submitted, not yet received: its survey has not opened. */
    static String submitted(String owner) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-003").orElseThrow();
        Instant now = Instant.now();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, owner, new Applicant("Phí Văn Sơn", "001099000777", null, null, "0911000777", null), Map.of(), now);
        store.create(c);
        store.save(c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen(owner), now));
        return c.dossier().id();
    }

    static String refused(String owner, boolean decided) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-003").orElseThrow();
        Instant now = Instant.now();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, owner, new Applicant("Phí Văn Sơn", "001099000777", null, null, "0911000777", null), Map.of(), now);
        store.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen(owner), now);
        store.save(s);
        Dossier.Change r = s.dossier().handle(new Command.Receive("000.00.12.G17-261201-" + (3000 + (int) (Math.random() * 6000)), LocalDate.now().plusDays(7),
                "reception", "MOTCUA", LocalDate.now().plusDays(1)), Actor.system("validation"), now);
        store.save(r);
        if (decided) store.save(r.dossier().handle(new Command.Refuse("Không thuộc thẩm quyền"), Actor.official("mc", "CDLQG", "MOTCUA", null), now));
        return c.dossier().id();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSampleAnswerIsStoredWithTheComputedCriteria() throws Exception {
        String probe = owner(sample("x"));
        String id = refused(probe, true);
        try (QualitySurveyHandler handler = new QualitySurveyHandler()) {
            Map<String, Object> r = handler.handleRequest(sample(id), null);
            assertEquals(200, r.get("statusCode"), String.valueOf(r.get("body")));
            Map<String, Object> v = Json.obj(Json.parse((String) r.get("body")));
            assertEquals("VERY_SATISFIED", Json.obj(v.get("answer")).get("rating"));
            assertEquals(6, ((List<Object>) v.get("criteria")).size()); // indicators 1, 2, 3, 4, 6, 7 (rules/survey.json)
            assertEquals(((Number) v.get("computed")).intValue() + 2, ((Number) v.get("total")).intValue());
            // the agency's month moved in the same transaction
            String month = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString().substring(0, 7);
            var q = vn.gov.bvhttdl.dvc.adapters.Table.of(store).surveys().quality("CDLQG", month, month);
            assertEquals(1, q.size(), q.toString());
            assertTrue(q.get(0).answers() >= 1 && q.get(0).ratings().getOrDefault("VERY_SATISFIED", 0L) >= 1, q.toString());

            Map<String, Object> bad = sample(id);
            bad.put("body", "{\"rating\":\"5 stars\"}");
            Map<String, Object> refusedAnswer = handler.handleRequest(bad, null);
            assertEquals(422, refusedAnswer.get("statusCode"));
            assertTrue(((String) refusedAnswer.get("body")).contains("invalid-rating"));
            assertEquals("application/problem+json", ((Map<String, Object>) refusedAnswer.get("headers")).get("Content-Type"));

            assertEquals(409, handler.handleRequest(sample(submitted(probe)), null).get("statusCode"), "not yet received: not open");
            assertEquals(200, handler.handleRequest(sample(refused(probe, false)), null).get("statusCode"), "received, undecided: open (Art 12(2))");
            assertEquals(404, handler.handleRequest(sample(refused("someone-else", true)), null).get("statusCode"), "not the caller's dossier");
            Map<String, Object> garbage = sample(id);
            garbage.put("body", "{not json");
            assertEquals(400, handler.handleRequest(garbage, null).get("statusCode"));
        }
    }
}
