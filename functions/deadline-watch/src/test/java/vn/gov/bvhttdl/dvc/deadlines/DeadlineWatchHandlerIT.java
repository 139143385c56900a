package vn.gov.bvhttdl.dvc.deadlines;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Processing;
import vn.gov.bvhttdl.dvc.local.emulators.Emulators;
import vn.gov.bvhttdl.dvc.local.emulators.TestStack;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The deadline watch, fed the sample scheduled event of events/, against dynoxide (the ByHolder index). */
class DeadlineWatchHandlerIT {
    static DossierStore store;

    @BeforeAll
    static void start() {
        TestStack.get();
        store = DossierStore.fromSettings();
    }

    /** A received DL-003 dossier at the tourism authority's desk, due on {@code due}. */
    static String received(LocalDate due, LocalDate stepDue) { return received(due, stepDue, Instant.now()); }

    /** The same, received online by the system at {@code now}. */
    static String received(LocalDate due, LocalDate stepDue, Instant now) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-003").orElseThrow();
        Dossier.Change c = Dossier.draft(UUID.randomUUID().toString(), p, "owner-w",
                new Applicant("Lê Văn Hạn", "001099000432", null, null, "0911000432", null), Map.of(), now);
        store.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner-w"), now);
        store.save(s);
        store.save(s.dossier().handle(new Command.Receive("000.00.12.G17-200101-" + (1000 + (int) (Math.random() * 8999)), due,
                "reception", "MOTCUA", stepDue), Actor.system("validation"), now));
        return c.dossier().id();
    }

    @Test
    void theSampleEventMarksALateDossierOnceAndLeavesAnOnTimeOneAlone() throws Exception {
        String late = received(LocalDate.of(2020, 1, 10), LocalDate.of(2020, 1, 3));
        String onTime = received(LocalDate.now().plusYears(1), LocalDate.now().plusMonths(6));
        // received online Tue 1 Dec 2026 09:00 and still at the desk: its 8 working hours (Resolution 66.7/2025/NQ-CP
        // Art 8(1)) ended Wed 2 Dec 09:30 without a supplement request or a decision
        String unanswered = received(LocalDate.now().plusYears(1), LocalDate.now().plusMonths(6), Instant.parse("2026-12-01T02:00:00Z"));
        @SuppressWarnings("unchecked")
        Map<String, Object> scheduled = (Map<String, Object>) Json.parse(Files.readString(Emulators.repoRoot().resolve("events/deadline-watch-scheduled.json")));
        assertEquals("Scheduled Event", scheduled.get("detail-type"));
        try (DeadlineWatchHandler handler = new DeadlineWatchHandler()) {
            Map<String, Object> first = handler.handleRequest(scheduled, null);
            assertTrue(((Number) first.get("overdue")).intValue() >= 1, first.toString());
            assertEquals(Processing.OVERDUE, store.find(late).orElseThrow().processing().deadline());
            assertNull(store.find(onTime).orElseThrow().processing().deadline());
            assertTrue(((Number) first.get("supplementLate")).intValue() >= 1, first.toString());
            assertEquals(Processing.SUPPLEMENT_WINDOW_PASSED, store.find(unanswered).orElseThrow().processing().deadline());
            int entries = store.history(late).size();
            assertEquals("mark-deadline", store.history(late).get(entries - 1).action());
            Map<String, Object> second = handler.handleRequest(scheduled, null);
            assertEquals(0, ((Number) second.get("overdue")).intValue(), "the second run marks nothing again: " + second);
            assertEquals(0, ((Number) second.get("supplementLate")).intValue(), "nor the window again: " + second);
            assertEquals(entries, store.history(late).size(), "and writes nothing");
        }
    }
}
