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
    /** One line: a step (or a consultation) with its unit, its budget and its use; {@code left} null while it runs. */
    public record Line(String kind, String step, Text name, String agency, String unit, Period budget, Instant arrived,
                       Instant left, LocalDate due, int usedWorkingDays, boolean late) {}

    private ControlSlip() {}

    public static List<Line> of(Process process, Dossier d, List<AuditEvent> history, WorkingCalendar cal, Instant now) {
        List<Line> out = new ArrayList<>();
        String step = null;
        Instant since = null;
        LocalDate due = null;
        AuditEvent consult = null;
        for (AuditEvent e : history) {
            String to = e.details().get("toStep");
            boolean receipt = e.action().equals("receive") || e.action().equals("receive-supplement");
            boolean leaves = step != null && (to != null || receipt || (e.to() != null && e.to() != e.from()
                    && e.to() != DossierStatus.IN_PROCESSING && e.to() != DossierStatus.RECEIVED));
            if (leaves) {
                out.add(line(process, step, since, e.at(), due, cal, now, d.agencyCode()));
                step = null;
            }
            if (receipt) {
                step = process.first().code();
                since = e.at();
                due = date(e.details().get("stepDue"));
                if (due == null) due = cal.appointment(e.at(), process.first().budget(), List.of()).dueDate();
            } else if (to != null) {
                step = to;
                since = e.at();
                due = date(e.details().get("stepDue"));
            }
            if (e.action().equals("consult")) consult = e;
            if (e.action().equals("answer-consultation") && consult != null) {
                out.add(consultation(consult, e.at(), cal, now));
                consult = null;
            }
        }
        if (step != null) out.add(line(process, step, since, null, due, cal, now, d.agencyCode()));
        if (consult != null) out.add(consultation(consult, null, cal, now));
        return out;
    }

    private static Line line(Process process, String code, Instant since, Instant left, LocalDate due, WorkingCalendar cal,
                             Instant now, String agency) {
        Process.Stage s = process.stage(code).orElse(process.first());
        LocalDate end = (left == null ? now : left).atZone(cal.zone()).toLocalDate();
        int used = cal.workingDaysBetween(since.atZone(cal.zone()).toLocalDate(), end);
        boolean late = due != null && end.isAfter(due);
        return new Line("step", s.code(), s.name(), agency, s.unit(), s.budget(), since, left, due, used, late);
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
