package vn.gov.bvhttdl.dvc.domain;

import java.time.LocalDate;
import java.util.Map;

/**
 * When the apology and new date (form 04) may be issued ({@code rules/extension-window.json}): once the dossier's
 * appointment has passed, or when it is at most {@code workingDaysBeforeDue} working days away. A dossier without an
 * appointment is never due.
 */
public record ExtensionWindow(int workingDaysBeforeDue, Text label, Citation basis) {
    private static final ExtensionWindow STANDARD = of(Json.obj(Json.resource("/rules/extension-window.json")));

    public static ExtensionWindow standard() { return STANDARD; }

    static ExtensionWindow of(Map<String, Object> m) {
        int days = ((Number) m.get("workingDaysBeforeDue")).intValue();
        if (days < 0) throw new IllegalStateException("extension-window.json: workingDaysBeforeDue < 0");
        return new ExtensionWindow(days, Json.text(m, "label"), Citation.of(Json.obj(m.get("basis"))));
    }

    /** Whether form 04 may be issued for {@code d} on {@code today}: late, or due within the window. */
    public boolean open(Dossier d, LocalDate today, WorkingCalendar calendar) {
        LocalDate due = d.dueDate();
        if (due == null) return false;
        LocalDate last = today;
        for (int i = 0; i < workingDaysBeforeDue; i++) last = calendar.nextWorkingDay(last);
        return !due.isAfter(last);
    }

    /** Whether {@code d}'s appointment has passed on {@code today}. */
    public static boolean late(Dossier d, LocalDate today) {
        return d.dueDate() != null && d.dueDate().isBefore(today);
    }
}
