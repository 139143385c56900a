package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Organisation;
import vn.gov.bvhttdl.dvc.domain.Processing;
import vn.gov.bvhttdl.dvc.domain.SupplementWindow;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The hourly deadline watch: every dossier whose clock runs, in every unit's queue (one Query a page, no Scan), is
 * marked {@code OVERDUE} once its appointment or its step's due date has passed, {@code DUE_SOON} when one of them
 * is today or the next working day, {@code SUPPLEMENT_WINDOW_PASSED} when it still waits at reception for the desk's
 * decision after the time a rule gives to ask for a supplement ({@link SupplementWindow}: 8 working hours for an
 * online dossier under Resolution 66.7/2025/NQ-CP; overdue comes first), and unmarked when none holds any more (an extension, a new step). Only a
 * change is written, with its audit entry: a second run in the same hour writes nothing. A dossier another writer
 * is moving at that moment is left for the next run.
 */
public final class WatchDeadlines {
    public static final Actor ACTOR = Actor.system("deadline-watch");

    /** The statuses in which the time limit runs. */
    public static final List<DossierStatus> WATCHED = List.of(DossierStatus.RECEIVED, DossierStatus.IN_PROCESSING, DossierStatus.AWAITING_PAYMENT);

    /** What one run did: dossiers looked at, newly marked due soon or overdue, unmarked, left because busy. */
    public record Result(int checked, int dueSoon, int overdue, int cleared, int busy, int supplementLate) {
        public Result(int checked, int dueSoon, int overdue, int cleared, int busy) { this(checked, dueSoon, overdue, cleared, busy, 0); }
    }

    private static final int PAGE = 100;

    private final Dossiers dossiers;
    private final WorkQueues queues;
    private final Rules rules;
    private final Clock clock;

    public WatchDeadlines(Dossiers dossiers, WorkQueues queues, Rules rules, Clock clock) {
        this.dossiers = dossiers;
        this.queues = queues;
        this.rules = rules;
        this.clock = clock;
    }

    /** The flag {@code d} should carry on {@code today}: from the earlier of its appointment and its step's due date. */
    public static String flag(Dossier d, LocalDate today, LocalDate soon) {
        LocalDate due = d.dueDate();
        Processing p = d.processing();
        if (p != null && p.step() != null && p.stepDue() != null && (due == null || p.stepDue().isBefore(due))) due = p.stepDue();
        if (due == null) return null;
        if (due.isBefore(today)) return Processing.OVERDUE;
        if (!due.isAfter(soon)) return Processing.DUE_SOON;
        return null;
    }

    /**
     * The flag {@code d} should carry at {@code now}: overdue first, then a passed supplement window, then due soon
     * (the dates as {@link #flag(Dossier, LocalDate, LocalDate)}).
     */
    public static String flag(Dossier d, Instant now, WorkingCalendar calendar) {
        LocalDate today = now.atZone(calendar.zone()).toLocalDate();
        String byDate = flag(d, today, calendar.nextWorkingDay(today));
        if (Processing.OVERDUE.equals(byDate)) return byDate;
        boolean late = SupplementWindow.standard().of(d, now, calendar).map(SupplementWindow.Window::passed).orElse(false);
        return late ? Processing.SUPPLEMENT_WINDOW_PASSED : byDate;
    }

    public Result run() {
        Instant now = clock.instant();
        WorkingCalendar calendar = rules.calendar();
        int checked = 0, dueSoon = 0, overdue = 0, cleared = 0, busy = 0, supplementLate = 0;
        for (Organisation.Agency agency : Organisation.standard().agencies().values()) {
            for (Organisation.Unit unit : agency.units()) {
                for (DossierStatus status : WATCHED) {
                    String after = null;
                    do {
                        WorkQueues.Page page = queues.byHolder(agency.code(), unit.code(), status, PAGE, after);
                        for (Dossier d : page.items()) {
                            checked++;
                            String want = flag(d, now, calendar);
                            String has = d.processing() == null ? null : d.processing().deadline();
                            if (java.util.Objects.equals(want, has)) continue;
                            try {
                                dossiers.save(d.handle(new Command.MarkDeadline(want), ACTOR, now));
                                if (want == null) cleared++;
                                else if (want.equals(Processing.OVERDUE)) overdue++;
                                else if (want.equals(Processing.SUPPLEMENT_WINDOW_PASSED)) supplementLate++;
                                else dueSoon++;
                            } catch (vn.gov.bvhttdl.dvc.domain.ConcurrentChange moving) {
                                busy++; // an official is moving it right now: the next run sees the new state
                            }
                        }
                        after = page.next();
                    } while (after != null);
                }
            }
        }
        return new Result(checked, dueSoon, overdue, cleared, busy, supplementLate);
    }
}
