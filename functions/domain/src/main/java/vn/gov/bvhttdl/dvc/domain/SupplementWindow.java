package vn.gov.bvhttdl.dvc.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long after the system received a dossier the agency may still ask for a supplement, while a rule fixes it
 * ({@code rules/supplement-window.json}: Resolution 66.7/2025/NQ-CP Art 8(1), 8 working hours for an online dossier,
 * in force 1 Jan 2026 – 28 Feb 2027). The hours are the office sessions of the {@link WorkingCalendar} on its working
 * days. The window concerns a dossier while it waits at reception for the desk's decision ({@code RECEIVED}); it runs
 * from the system's receipt there (the step's start: a resubmitted dossier received again starts a new window).
 */
public final class SupplementWindow {
    /** One rule: the channel it covers, its length in working hours, the days of receipt it applies to, its basis. */
    public record Rule(String id, Facts.Channel channel, Duration workingHours, LocalDate validFrom, LocalDate validTo, Text label, Citation basis) {
        /** Whether a dossier of {@code c} received on {@code day} falls under this rule. */
        public boolean applies(Facts.Channel c, LocalDate day) {
            return channel == c && !day.isBefore(validFrom) && !day.isAfter(validTo);
        }
    }

    /** A dossier's window: the rule, when it started, its deadline and whether it had passed at the time asked. */
    public record Window(Rule rule, Instant from, Instant deadline, boolean passed) {}

    private static final SupplementWindow STANDARD = new SupplementWindow(Json.list(Json.obj(Json.resource("/rules/supplement-window.json")).get("windows"))
            .stream().map(Json::obj).map(SupplementWindow::rule).toList());

    private final List<Rule> rules;

    private SupplementWindow(List<Rule> rules) { this.rules = List.copyOf(rules); }

    public static SupplementWindow standard() { return STANDARD; }

    public List<Rule> rules() { return rules; }

    private static Rule rule(Map<String, Object> m) {
        return new Rule(Json.str(m, "id"), Facts.Channel.valueOf(Json.str(m, "channel")), Duration.ofHours(((Number) m.get("workingHours")).longValue()),
                LocalDate.parse(Json.str(m, "validFrom")), LocalDate.parse(Json.str(m, "validTo")), Json.text(m, "label"),
                Citation.of(Json.obj(m.get("basis"))));
    }

    /** The rule for a dossier of {@code channel} received at {@code receivedAt}, if one is in force that day. */
    public Optional<Rule> ruleFor(Facts.Channel channel, Instant receivedAt, WorkingCalendar calendar) {
        LocalDate day = receivedAt.atZone(calendar.zone()).toLocalDate();
        return rules.stream().filter(r -> r.applies(channel, day)).findFirst();
    }

    /** The deadline of a supplement request for a dossier of {@code channel} received at {@code receivedAt}, if a rule sets one. */
    public Optional<Instant> deadline(Facts.Channel channel, Instant receivedAt, WorkingCalendar calendar) {
        return ruleFor(channel, receivedAt, calendar).map(r -> calendar.plusWorkingHours(receivedAt, r.workingHours()));
    }

    /**
     * The window of {@code d} as it stands at {@code now}: only while the dossier waits at reception for the desk's
     * decision (received, not yet in processing, asked to supplement, refused or withdrawn), from the system's
     * receipt there; empty otherwise or when no rule covers it.
     */
    public Optional<Window> of(Dossier d, Instant now, WorkingCalendar calendar) {
        if (d.status() != DossierStatus.RECEIVED || d.processing() == null || d.receivedAt() == null) return Optional.empty();
        // while received, the step's start is the system's latest receipt (a resubmission's receipt moves it; payments do not)
        Instant from = d.processing().since() != null ? d.processing().since() : d.receivedAt();
        Facts.Channel channel = d.facts() == null ? null : d.facts().channel();
        if (channel == null) return Optional.empty();
        return ruleFor(channel, from, calendar).map(r -> {
            Instant deadline = calendar.plusWorkingHours(from, r.workingHours());
            return new Window(r, from, deadline, now.isAfter(deadline));
        });
    }
}
