package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The process of every procedure in the catalogue, from the data. */
class ProcessTest {
    @Test
    void everyProcedureHasAProcessFromTheDeskToTheLeaderWithinItsTimeLimit() {
        for (Procedure p : ProcedureCatalogue.load().all()) {
            Process process = Process.of(p);
            List<Process.Stage> stages = process.stages();
            assertEquals("reception", stages.get(0).code(), p.code());
            assertEquals("signing", stages.get(stages.size() - 1).code(), p.code());
            assertEquals(Organisation.standard().agency(p.agencyCode()).orElseThrow().oneStop().code(), stages.get(0).unit());
            for (Process.Stage s : stages) {
                assertTrue(Organisation.standard().hasUnit(p.agencyCode(), s.unit()), p.code() + " " + s.code() + " " + s.unit());
                assertFalse(s.posts().isEmpty());
                for (String move : s.moves()) assertTrue(Workflow.standard().move(move).isPresent(), move);
            }
            // the steps in the time limit's unit add up to it (a step counted otherwise is a budget of its own)
            int sum = stages.stream().filter(s -> s.budget().unit() == p.timeLimit().unit()).mapToInt(s -> s.budget().days()).sum();
            if (stages.stream().allMatch(s -> s.budget().unit() == p.timeLimit().unit())) assertEquals(p.timeLimit().days(), sum, p.code());
            assertTrue(stages.stream().filter(s -> s.moves().contains("approve")).allMatch(s -> s.posts().equals(java.util.Set.of(Post.LEADER))),
                    "only a leader approves");
        }
    }

    @Test
    void aProcedureWithoutStepsGetsTheDefaultSplitMarkedAsSuch() {
        Procedure mt001 = ProcedureCatalogue.load().find("BVHTTDL-MT-001").orElseThrow();
        assertTrue(mt001.steps().isEmpty());
        Process p = Process.of(mt001);
        assertTrue(p.defaulted());
        assertEquals(List.of(1, 5, 1), p.stages().stream().map(s -> s.budget().days()).toList(), "7 working days: 1 + 5 + 1");
        assertFalse(Process.of(ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow()).defaulted());
    }

    @Test
    void theTourismAuthorityResolvesStarRatingsInItsAccommodationUnit() {
        assertEquals("LUUTRU", Process.of(ProcedureCatalogue.load().find("BVHTTDL-DL-004").orElseThrow()).stages().get(1).unit());
        assertEquals("LUHANH", Process.of(ProcedureCatalogue.load().find("BVHTTDL-DL-001").orElseThrow()).stages().get(1).unit());
    }

    @Test
    void aPublishedVersionNamingAnUnknownStepIsRefused() {
        var data = (java.util.Map<String, Object>) Json.parse("""
                {"code":"X-1","name":{"vi":"a","en":"a"},"agencyCode":"CDLQG","receivingUnitCode":"000.00.12.G17",
                 "timeLimit":{"days":2,"unit":"WORKING_DAYS"},"steps":[{"code":"reception","budget":{"days":1}},{"code":"lunch","budget":{"days":1}}],
                 "components":[{"code":"A","name":{"vi":"a","en":"a"},"mandatory":true,"formats":["pdf"]}],
                 "legalBasis":[{"document":"x"}]}""");
        DomainException e = assertThrows(DomainException.class, () -> Procedure.of(data));
        assertEquals("steps", e.errors().get(0).field());
    }
}
