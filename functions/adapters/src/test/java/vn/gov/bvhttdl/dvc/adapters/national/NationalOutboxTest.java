package vn.gov.bvhttdl.dvc.adapters.national;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.domain.DomainException;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

/** The outbox's message and the backoff of a message that failed for now. */
class NationalOutboxTest {
    @Test
    void theBackoffDoublesWithTheReceiveCountUpToItsCeiling() {
        List<Integer> delays = IntStream.rangeClosed(1, 8).map(n -> NationalOutbox.backoff(n, 10, 300)).boxed().toList();
        assertEquals(List.of(10, 20, 40, 80, 160, 300, 300, 300), delays);
        // twenty receives ride out well over ten minutes of outage
        int total = IntStream.rangeClosed(1, 19).map(n -> NationalOutbox.backoff(n, 10, 300)).sum();
        assertTrue(total > 600, "waits before the 20th receive: " + total + " s");
        assertEquals(43_200, NationalOutbox.backoff(60, 10, 1_000_000), "SQS's ceiling of 12 hours");
        assertEquals(1, NationalOutbox.backoff(0, 0, 2));
    }

    @Test
    void aMessageIsReadOrRefusedForGood() {
        assertEquals(new NationalOutbox.Event("d1", 3), NationalOutbox.read("{\"dossierId\":\"d1\",\"version\":3}"));
        assertEquals("d1#3", NationalOutbox.read("{\"dossierId\":\"d1\",\"version\":3}").key());
        for (String bad : List.of("not json", "{\"dossierId\": 42}", "{\"dossierId\":\"d1\"}", "{\"dossierId\":\"d1\",\"version\":0}", "[]")) {
            DomainException e = assertThrows(DomainException.class, () -> NationalOutbox.read(bad), bad);
            assertEquals("unreadable-message", e.problem());
        }
    }
}
