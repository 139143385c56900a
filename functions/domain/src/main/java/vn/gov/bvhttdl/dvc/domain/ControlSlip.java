package vn.gov.bvhttdl.dvc.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The processing-control slip (form 06 of Circular 03/2025/TT-VPCP): each step the dossier went through, the unit,
 * when it arrived and left, the time used against the step's budget, and each consultation against its own budget.
 * Read from the audit trail, so it is the record, live.
 */
public final class ControlSlip {
    /**
     * One line: a step, a consultation or a pause (waiting for the applicant's supplement: not counted), with its unit,
     * its budget and its use; {@code left} null while it runs; {@code handlers} the officials who worked the step, by
     * name (as their sign-in gave it to the trail).
     */
    public record Line(String kind, String step, Text name, String agency, String unit, Period budget, Instant arrived,
                       Instant left, LocalDate due, int usedWorkingDays, boolean late, List<String> handlers) {
        public Line {
            handlers = handlers == null ? List.of() : List.copyOf(handlers);
        }

        public Line(String kind, String step, Text name, String agency, String unit, Period budget, Instant arrived,
                    Instant left, LocalDate due, int usedWorkingDays, boolean late) {
            this(kind, step, name, agency, unit, budget, arrived, left, due, usedWorkingDays, late, List.of());
        }
    }

    /** What the pause while the applicant completes the dossier is called on the slip. */
    public static final Text PAUSE = new Text("Tạm dừng: chờ tổ chức, cá nhân bổ sung hồ sơ (không tính vào thời hạn)",
            "Paused: waiting for the applicant's supplement (not counted)");

    private ControlSlip() {}

    /** The step running now: where it sits among the lines, since when, its due date, the days paused, its handlers. */
    private static final class Open {
        final String step;
        final Instant since;
        final LocalDate due;
        final int at;
        int paused;
        final java.util.LinkedHashSet<String> handlers = new java.util.LinkedHashSet<>();

        Open(String step, Instant since, LocalDate due, int at) {
            this.step = step;
            this.since = since;
            this.due = due;
            this.at = at;
        }
    }

    public static List<Line> of(Process process, Dossier d, List<AuditEvent> history, WorkingCalendar cal, Instant now) {
        List<Line> out = new ArrayList<>();
        Open open = null;
        Open paused = null;
        Instant pauseSince = null;
        AuditEvent consult = null;
        for (AuditEvent e : history) {
            String to = e.details().get("toStep");
            boolean receipt = e.action().equals("receive") || e.action().equals("receive-supplement");
            var move = Workflow.standard().move(e.action());
            boolean pauses = move.map(Workflow.Transition::pausesClock).orElse(false);
            boolean resumes = move.map(Workflow.Transition::resumesClock).orElse(false);
            if (open != null) handler(open, e);
            boolean leaves = open != null && (to != null || receipt || (e.to() != null && e.to() != e.from()
                    && e.to() != DossierStatus.IN_PROCESSING && e.to() != DossierStatus.RECEIVED));
            if (leaves) {
                Line l = line(process, open, e.at(), cal, now, d.agencyCode());
                if (open.at < 0) out.add(l); else out.add(open.at, l);
                if (pauses) {
                    // the step waits for the supplement: it resumes as the same line when the dossier is back
                    paused = open;
                    pauseSince = e.at();
                }
                open = null;
            } else if (pauses && pauseSince == null) {
                pauseSince = e.at();
            }
            if ((resumes || receipt) && pauseSince != null) {
                out.add(pause(pauseSince, e.at(), cal, d.agencyCode()));
                if (paused != null) paused.paused += Math.max(0, cal.workingDaysBetween(pauseSince.atZone(cal.zone()).toLocalDate(),
                        e.at().atZone(cal.zone()).toLocalDate()));
                pauseSince = null;
            }
            if (receipt) {
                String first = process.first().code();
                if (paused != null && paused.step.equals(first)) {
                    // the same step, once: its line is taken back and runs on from where it stood
                    int at = -1;
                    for (int i = 0; i < out.size(); i++) {
                        if (out.get(i).kind().equals("step") && out.get(i).arrived().equals(paused.since)) at = i;
                    }
                    if (at >= 0) out.remove(at);
                    Open again = new Open(paused.step, paused.since, paused.due, at);
                    again.paused = paused.paused;
                    again.handlers.addAll(paused.handlers);
                    open = again;
                } else {
                    LocalDate due = date(e.details().get("stepDue"));
                    if (due == null) due = cal.appointment(e.at(), process.first().budget(), List.of()).dueDate();
                    open = new Open(first, e.at(), due, -1);
                }
                paused = null;
            } else if (to != null) {
                open = new Open(to, e.at(), date(e.details().get("stepDue")), -1);
                paused = null;
            }
            if (e.action().equals("consult")) consult = e;
            if (e.action().equals("answer-consultation") && consult != null) {
                out.add(consultation(consult, e.at(), cal, now));
                consult = null;
            }
        }
        if (open != null) {
            Line l = line(process, open, null, cal, now, d.agencyCode());
            if (open.at < 0) out.add(l); else out.add(open.at, l);
        }
        if (pauseSince != null) out.add(pause(pauseSince, null, cal, d.agencyCode()));
        if (consult != null) out.add(consultation(consult, null, cal, now));
        return out;
    }

    /** An official's name on the step's line: who acted at it, and whom it was assigned to. */
    private static void handler(Open open, AuditEvent e) {
        if (e.role() != Role.OFFICIAL) return;
        String name = e.details().get("actorName");
        if (name != null && !name.isBlank()) open.handlers.add(name.strip());
        String assignee = e.details().get("assigneeName");
        if (assignee != null && !assignee.isBlank()) open.handlers.add(assignee.strip());
    }

    private static Line line(Process process, Open open, Instant left, WorkingCalendar cal, Instant now, String agency) {
        Process.Stage s = process.stage(open.step).orElse(process.first());
        LocalDate end = (left == null ? now : left).atZone(cal.zone()).toLocalDate();
        int used = Math.max(0, cal.workingDaysBetween(open.since.atZone(cal.zone()).toLocalDate(), end) - open.paused);
        boolean late = open.due != null && end.isAfter(open.due);
        return new Line("step", s.code(), s.name(), agency, s.unit(), s.budget(), open.since, left, open.due, used, late,
                List.copyOf(open.handlers));
    }

    private static Line pause(Instant since, Instant until, WorkingCalendar cal, String agency) {
        LocalDate start = since.atZone(cal.zone()).toLocalDate();
        int days = until == null ? 0 : cal.workingDaysBetween(start, until.atZone(cal.zone()).toLocalDate());
        return new Line("pause", null, PAUSE, agency, null, Period.workingDays(0), since, until, null, Math.max(0, days), false, List.of());
    }

    private static Line consultation(AuditEvent asked, Instant answered, WorkingCalendar cal, Instant now) {
        LocalDate due = date(asked.details().get("consultationDue"));
        LocalDate start = asked.at().atZone(cal.zone()).toLocalDate();
        LocalDate end = (answered == null ? now : answered).atZone(cal.zone()).toLocalDate();
        int budget = due == null ? 0 : cal.workingDaysBetween(start, due);
        return new Line("consultation", asked.details().get("step"),
                new Text("Xin ý kiến " + asked.details().get("consultedUnit") + " (" + asked.details().get("consultedAgency") + ")",
                        "Consultation of " + asked.details().get("consultedUnit") + " (" + asked.details().get("consultedAgency") + ")"),
                asked.details().get("consultedAgency"), asked.details().get("consultedUnit"), Period.workingDays(budget),
                asked.at(), answered, due, cal.workingDaysBetween(start, end), due != null && end.isAfter(due));
    }

    private static LocalDate date(String s) { return s == null ? null : LocalDate.parse(s); }
}
