package vn.gov.bvhttdl.dvc.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The common problems are data: one slug, one kind, one wording in each language, placeholders filled and clipped. */
class ProblemTextsTest {
    @Test
    void aProblemIsRaisedFromItsSlugWithItsKindAndBothTexts() {
        DomainException e = DomainException.of("dossier-not-found", "ref", "01ABC");
        assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
        assertEquals(404, e.kind().status());
        assertEquals("dossier-not-found", e.problem());
        assertEquals("Không tìm thấy hồ sơ \"01ABC\".", e.text().vi());
        assertEquals("No dossier \"01ABC\" was found.", e.text().en());
        assertFalse(e.race());
    }

    @Test
    void aValueIsClippedAndQuotedAsIsEvenWithDollarsAndBraces() {
        String hostile = "$1{ref}\n" + "x".repeat(500);
        Text t = DomainException.of("dossier-not-found", "ref", hostile).text();
        assertTrue(t.vi().startsWith("Không tìm thấy hồ sơ \"$1{ref}?x"), t.vi());
        assertTrue(t.vi().length() < 200, t.vi());
    }

    @Test
    void anotherWordingKeepsItsProblemsSlug() {
        DomainException e = DomainException.of("dossier-not-found.code-and-key");
        assertEquals("dossier-not-found", e.problem());
        assertTrue(e.text().en().contains("Check both on the receipt"), e.text().en());
    }

    @Test
    void aMissingPlaceholderOrAnUnknownSlugIsAProgrammingMistake() {
        assertThrows(IllegalArgumentException.class, () -> DomainException.of("dossier-not-found"));
        assertThrows(IllegalArgumentException.class, () -> DomainException.of("no-such-problem"));
        // a lost race is never raised by name: only an adapter's ConcurrentChange is one
        assertThrows(IllegalArgumentException.class, () -> DomainException.of("changed-meanwhile"));
        // nor what only the router answers
        assertThrows(IllegalArgumentException.class, () -> DomainException.of("no-such-resource"));
    }

    @Test
    void aLostRaceIsItsOwnKindNeverARefusal() {
        ConcurrentChange c = new ConcurrentChange("dossier 01ABC");
        assertEquals(DomainException.Kind.RACE, c.kind());
        assertTrue(c.race());
        assertEquals("changed-meanwhile", c.problem());
        assertEquals(409, c.kind().status());
        assertTrue(c.text().vi().contains("tải lại"), c.text().vi());
        assertFalse(c.text().vi().contains("01ABC"), "what changed is for the log, not the user");
        assertNotEquals(DomainException.Kind.REFUSED, c.kind());
    }

    @Test
    void everyEntryHasBothTextsAndAStatus() {
        assertTrue(ProblemTexts.standard().entries().size() >= 15);
        ProblemTexts.standard().entries().forEach((slug, e) -> {
            assertFalse(e.vi().isBlank(), slug);
            assertFalse(e.en().isBlank(), slug);
            assertNotEquals(e.vi(), e.en(), slug + ": the Vietnamese text is not a copy of the English");
            assertTrue(e.status() >= 400 && e.status() < 600, slug);
        });
        for (String common : new String[]{"dossier-not-found", "attachment-not-found", "result-not-found", "payment-not-found",
                "officials-only", "citizens-only", "malformed-body", "body-too-large", "unstorable-text", "changed-meanwhile"}) {
            assertNotNull(ProblemTexts.standard().entry(common), common);
        }
    }
}
