package vn.gov.bvhttdl.dvc.application;

import org.junit.jupiter.api.Test;
import vn.gov.bvhttdl.dvc.application.fakes.BundledRules;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryDossiers;
import vn.gov.bvhttdl.dvc.application.fakes.InMemoryWorkQueues;
import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Applicant;
import vn.gov.bvhttdl.dvc.domain.AuditEvent;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Process;
import vn.gov.bvhttdl.dvc.domain.ProcedureCatalogue;
import vn.gov.bvhttdl.dvc.domain.Processing;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The hourly deadline watch on the in-memory ports, across Tết 2026 and a swapped Saturday. */
class WatchDeadlinesTest {
    final InMemoryDossiers dossiers = new InMemoryDossiers();
    final Rules rules = new BundledRules();
    final WorkingCalendar cal = rules.calendar();

    /** A DL-002 dossier (5 working days) received at {@code at} by the system, its appointment counted on the calendar. */
    String receivedAt(Instant at) {
        var p = ProcedureCatalogue.load().find("BVHTTDL-DL-002").orElseThrow();
        Dossier.Change c = Dossier.draft("d-" + System.nanoTime(), p, "owner", new Applicant("A", "001099000111", null, null, "0912000111", null), Map.of(), at);
        dossiers.create(c);
        Dossier.Change s = c.dossier().handle(new Command.Submit("{}", 0), Actor.citizen("owner"), at);
        dossiers.save(s);
        Process.Stage first = Process.of(p).first();
        LocalDate due = cal.appointment(at, p.timeLimit(), List.of()).dueDate();
        dossiers.save(s.dossier().handle(new Command.Receive("000.00.12.G17-260211-0001", due, first.code(), first.unit(),
                cal.appointment(at, first.budget(), List.of()).dueDate()), Actor.system("v"), at));
        return c.dossier().id();
    }

    WatchDeadlines.Result runAt(String isoInstant) {
        return new WatchDeadlines(dossiers, new InMemoryWorkQueues(dossiers), rules, Clock.fixed(Instant.parse(isoInstant), ZoneOffset.UTC)).run();
    }

    String flag(String id) { return dossiers.find(id).orElseThrow().processing().deadline(); }

    @Test
    void acrossTetTheDossierIsDueSoonThenOverdueMarkedOnceEachAndUnmarkedByAnExtension() {
        // Wed 11 Feb 2026, 10:00: 5 working days over Tết (14–22 Feb, no swap): 12, 13, 23, 24, 25 Feb
        String id = receivedAt(Instant.parse("2026-02-11T03:00:00Z"));
        Dossier d = dossiers.find(id).orElseThrow();
        assertEquals(LocalDate.of(2026, 2, 25), d.dueDate());
        assertEquals(LocalDate.of(2026, 2, 12), d.processing().stepDue(), "the desk has one working day");
        OfficialMoves moves = new OfficialMoves(dossiers, dossiers, rules, Clock.fixed(Instant.parse("2026-02-12T02:00:00Z"), ZoneOffset.UTC));
        moves.startProcessing(Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP), id); // specialist: 3 working days: 13, 23, 24 Feb
        assertEquals(LocalDate.of(2026, 2, 24), dossiers.find(id).orElseThrow().processing().stepDue());

        // Fri 13 Feb: the next working day is Mon 23 Feb (Tết between): nothing is near yet
        assertEquals(0, runAt("2026-02-13T02:00:00Z").dueSoon());
        assertNull(flag(id));
        // Mon 23 Feb: the step ends tomorrow: due soon; the same hour again writes nothing
        var first = runAt("2026-02-23T02:00:00Z");
        assertEquals(1, first.dueSoon());
        assertEquals(Processing.DUE_SOON, flag(id));
        int entries = dossiers.history(id).size();
        var again = runAt("2026-02-23T03:00:00Z");
        assertEquals(0, again.dueSoon() + again.overdue() + again.cleared(), "idempotent");
        assertEquals(entries, dossiers.history(id).size());
        // Wed 25 Feb: the step's date has passed
        assertEquals(1, runAt("2026-02-25T02:00:00Z").overdue());
        assertEquals(Processing.OVERDUE, flag(id));
        AuditEvent mark = dossiers.history(id).get(dossiers.history(id).size() - 1);
        assertEquals("mark-deadline", mark.action());
        assertEquals("OVERDUE", mark.details().get("deadline"));
        assertEquals("deadline-watch", mark.actor());

        // form 04: the apology with a new date; the flag goes with it, and the next run leaves it off (new date far enough)
        Actor specialist = Actor.official("lh", "CDLQG", "LUHANH", Post.SPECIALIST);
        OfficialMoves later = new OfficialMoves(dossiers, dossiers, rules, Clock.fixed(Instant.parse("2026-02-25T03:00:00Z"), ZoneOffset.UTC));
        later.assign(specialist, id, null, null);
        later.extend(specialist, id, "Chờ xác minh của cơ quan công an", LocalDate.of(2026, 3, 10));
        assertNull(flag(id));
        // the step's own date (24 Feb) is still behind it: the watch says so again — the unit is late, even if the applicant has a new date
        assertEquals(1, runAt("2026-02-25T04:00:00Z").overdue());
    }

    @Test
    void theSwappedSaturdayIsAWorkingDay() {
        // Sat 10 Jan 2026 is worked (VPCP 12729/VPCP-KGVX): on Fri 9 Jan it is the next working day
        Dossier d = dossiers.find(receivedAt(Instant.parse("2026-01-05T03:00:00Z"))).orElseThrow();
        assertEquals(LocalDate.of(2026, 1, 10), d.dueDate(), "Mon 5 Jan + 5 working days: 6, 7, 8, 9, Sat 10");
        LocalDate fri = LocalDate.of(2026, 1, 9);
        assertEquals(LocalDate.of(2026, 1, 10), cal.nextWorkingDay(fri));
        Dossier atDesk = new Dossier(d.id(), d.code(), d.procedureCode(), d.procedureVersion(), d.agencyCode(), d.unitCode(), d.ownerId(),
                d.applicant(), d.form(), d.status(), d.statusReason(), d.createdAt(), d.updatedAt(), d.submittedAt(), d.receivedAt(),
                d.dueDate(), new Processing("reception", "MOTCUA", d.receivedAt(), LocalDate.of(2026, 1, 30), null, null, null, null), d.reached(), d.version());
        assertEquals(Processing.DUE_SOON, WatchDeadlines.flag(atDesk, fri, cal.nextWorkingDay(fri)));
        assertEquals(Processing.DUE_SOON, WatchDeadlines.flag(atDesk, LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 12)), "due today");
        assertEquals(Processing.OVERDUE, WatchDeadlines.flag(atDesk, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 13)));
        assertNull(WatchDeadlines.flag(atDesk, LocalDate.of(2026, 1, 7), LocalDate.of(2026, 1, 8)));
    }

    @Test
    void aDecidedDossierIsNotWatched() {
        String id = receivedAt(Instant.parse("2026-02-11T03:00:00Z"));
        new OfficialMoves(dossiers, dossiers, rules, Clock.fixed(Instant.parse("2026-02-12T02:00:00Z"), ZoneOffset.UTC))
                .refuse(Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP), id, "Không thuộc thẩm quyền");
        var r = runAt("2026-03-30T02:00:00Z");
        assertEquals(0, r.checked());
        assertNull(dossiers.find(id).orElseThrow().processing().deadline());
    }
    @Test
    void anOnlineDossierStillAtTheDeskAfterEightWorkingHoursIsMarkedUntilTheDeskDecides() {
        // Fri 20 Nov 2026 16:00 (09:00Z): 1 h on Friday, 7 h on Monday → Mon 23 Nov 16:30 (Resolution 66.7/2025/NQ-CP Art 8(1))
        String id = receivedAt(Instant.parse("2026-11-20T09:00:00Z"));
        var r = runAt("2026-11-23T09:00:00Z"); // Mon 16:00: within the window
        assertEquals(0, r.supplementLate());
        assertEquals(Processing.DUE_SOON, flag(id), "the desk's step (one working day) ends today");
        var late = runAt("2026-11-23T09:31:00Z"); // Mon 16:31: passed, and the appointment still far
        assertEquals(1, late.supplementLate());
        assertEquals(Processing.SUPPLEMENT_WINDOW_PASSED, flag(id));
        AuditEvent mark = dossiers.history(id).getLast();
        assertEquals("SUPPLEMENT_WINDOW_PASSED", mark.details().get("deadline"));
        int entries = dossiers.history(id).size();
        assertEquals(0, runAt("2026-11-23T09:45:00Z").supplementLate(), "idempotent");
        assertEquals(entries, dossiers.history(id).size());
        // the desk decides (processing starts): the mark goes with the reception
        new OfficialMoves(dossiers, dossiers, rules, Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC))
                .startProcessing(Actor.official("mc", "CDLQG", "MOTCUA", Post.ONE_STOP), id);
        var after = runAt("2026-11-23T10:30:00Z");
        assertEquals(0, after.supplementLate());
        assertNotEquals(Processing.SUPPLEMENT_WINDOW_PASSED, flag(id));
    }

    @Test
    void theWindowDoesNotRunAcrossTheHolidayAndOverdueComesFirst() {
        // Mon 23 Nov 2026 16:00: Tue 24 Nov is Culture Day, so the window ends Wed 25 Nov 16:30
        String id = receivedAt(Instant.parse("2026-11-23T09:00:00Z"));
        Dossier d = dossiers.find(id).orElseThrow();
        assertEquals(Processing.DUE_SOON, WatchDeadlines.flag(d, Instant.parse("2026-11-24T09:00:00Z"), cal), "the holiday counts for nothing");
        assertEquals(Processing.DUE_SOON, WatchDeadlines.flag(d, Instant.parse("2026-11-25T09:30:00Z"), cal), "the desk's step, not yet the window");
        assertEquals(Processing.SUPPLEMENT_WINDOW_PASSED, WatchDeadlines.flag(d, Instant.parse("2026-11-25T09:31:00Z"), cal));
        // once the appointment itself has passed, overdue is the mark
        assertEquals(Processing.OVERDUE, WatchDeadlines.flag(d, d.dueDate().plusDays(1).atStartOfDay(cal.zone()).toInstant().plusSeconds(3600 * 9), cal));
    }
}
