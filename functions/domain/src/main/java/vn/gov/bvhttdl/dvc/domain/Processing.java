package vn.gov.bvhttdl.dvc.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a received dossier is in its process ({@link Process}): the step, the unit that holds it, since when and
 * until when (the step's budget on the legal calendar), the official it is assigned to, the latest consultation of
 * another agency or unit, and the deadline flag the hourly watch keeps ({@code DUE_SOON}, {@code OVERDUE}, {@code SUPPLEMENT_WINDOW_PASSED} or null).
 */
public record Processing(String step, String unit, Instant since, LocalDate stepDue, String assignee, String assigneeName,
                         Consultation consultation, String deadline) {

    public static final String DUE_SOON = "DUE_SOON";
    public static final String OVERDUE = "OVERDUE";
    /**
     * Received, and the time to ask for a supplement ({@link SupplementWindow}) passed without the desk's decision
     * (neither a request, nor processing started, nor a refusal).
     */
    public static final String SUPPLEMENT_WINDOW_PASSED = "SUPPLEMENT_WINDOW_PASSED";

    /**
     * A question sent to another agency or unit, with the files shared with it; it answers by {@code due} (its own
     * budget). Only the part sent is visible to it.
     */
    public record Consultation(String agency, String unit, String question, List<String> files, Instant askedAt,
                               String askedBy, LocalDate due, String answer, String answeredBy, Instant answeredAt) {
        public Consultation {
            files = files == null ? List.of() : List.copyOf(files);
        }

        public boolean open() { return answeredAt == null; }

        Consultation answered(String text, String by, Instant at) {
            return new Consultation(agency, unit, question, files, askedAt, askedBy, due, text, by, at);
        }
    }

    /** The dossier arrives at {@code step}, held by {@code unit} until {@code due}; nobody has it yet. */
    public static Processing at(String step, String unit, Instant since, LocalDate due, Consultation consultation) {
        return new Processing(step, unit, since, due, null, null, consultation, null);
    }

    public Processing assignedTo(String subject, String name) {
        return new Processing(step, unit, since, stepDue, subject, name, consultation, deadline);
    }

    public Processing with(Consultation c) {
        return new Processing(step, unit, since, stepDue, assignee, assigneeName, c, deadline);
    }

    public Processing flagged(String flag) {
        return new Processing(step, unit, since, stepDue, assignee, assigneeName, consultation, flag);
    }

    public boolean consulting() { return consultation != null && consultation.open(); }
}
