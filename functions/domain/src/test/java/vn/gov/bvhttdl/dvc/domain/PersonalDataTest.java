package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** rules/personal-data.json: each of the subject's rights has its basis, what was not read says so, the bounds are set. */
class PersonalDataTest {
    @Test
    void everyRightHasItsBasisAndWhatWasNotReadIsMarked() {
        PersonalData p = PersonalData.standard();
        for (String right : List.of("know", "access", "erase", "keep")) {
            assertFalse(p.basis(right).isEmpty(), right);
            for (Citation c : p.basis(right)) assertNotNull(c.document(), right);
        }
        assertTrue(p.basis("erase").stream().anyMatch(c -> c.confirmed() && c.document().contains("91/2025/QH15") && c.article().startsWith("Điều 14")));
        assertTrue(p.basis("keep").stream().anyMatch(c -> !c.confirmed() && c.document().contains("356/2025")), "the decree, not read, is marked");
        assertEquals(100, p.maxDossiers());
        assertEquals(50L * 1024 * 1024, p.maxBytes());
        assertTrue(p.linkMinutes() > 0 && p.linkMinutes() <= 60);
        assertEquals(50, p.maxReadPage());
    }

    @Test
    void aRightWithoutBasisIsRefused() {
        Map<String, Object> root = Map.of("rights", Map.of("know", List.of(Map.of("document", "x"))),
                "export", Map.of("maxDossiers", 1, "maxBytes", 1, "linkMinutes", 1), "reads", Map.of("maxPage", 1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PersonalData.load(root));
        assertTrue(e.getMessage().contains("access"), e.getMessage());
    }
}
