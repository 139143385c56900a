package vn.gov.bvhttdl.dvc.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A move on a dossier, with the data it carries. The workflow data still decides which moves exist from which
 * status and who may make them ({@code rules/dossier-workflow.json}); a command names its move once, here, so no
 * other code spells action names.
 */
public sealed interface Command {
    /** The workflow action this command is. */
    String action();

    /** The details recorded in the audit entry. */
    default Map<String, String> details() { return Map.of(); }

    /** The reason recorded on the dossier and in the audit entry (null when the move has none). */
    default String reason() { return null; }

    /**
     * The applicant submits a draft: the form as submitted and the number of files go into the history, with how many
     * of them were taken by reference from this system's warehouse ({@code reused}) and from the national portal's
     * ({@code fromWarehouse}) — the facts of Decision 766's group 4 ({@link Facts#reused()}).
     */
    record Submit(String sortedFormJson, int files, int reused, int fromWarehouse) implements Command {
        public Submit(String sortedFormJson, int files) { this(sortedFormJson, files, 0, 0); }
        public String action() { return "submit"; }
        public Map<String, String> details() { return submission(sortedFormJson, files, reused, fromWarehouse); }
    }

    /** The applicant submits again after a supplement request (same code). */
    record Resubmit(String sortedFormJson, int files, int reused, int fromWarehouse) implements Command {
        public Resubmit(String sortedFormJson, int files) { this(sortedFormJson, files, 0, 0); }
        public String action() { return "resubmit"; }
        public Map<String, String> details() { return submission(sortedFormJson, files, reused, fromWarehouse); }
    }

    /** A (re)submission's details: the warehouse counts only when there are any (older entries have none). */
    private static Map<String, String> submission(String form, int files, int reused, int fromWarehouse) {
        if (reused <= 0 && fromWarehouse <= 0) return Map.of("form", form, "files", Integer.toString(files));
        return Map.of("form", form, "files", Integer.toString(files), "reused", Integer.toString(Math.max(0, reused)),
                "fromWarehouse", Integer.toString(Math.max(0, fromWarehouse)));
    }

    /** The applicant withdraws the dossier, saying why. */
    record Withdraw(String reason) implements Command {
        public String action() { return "withdraw"; }
    }

    /**
     * Everything missing or wrong, at once (form 02 of Circular 03/2025): by an official, or by the validation
     * function when its own check fails.
     */
    /**
     * A supplement request (form 02) listing everything missing at once; {@code fault} whose fault it is that the
     * dossier has to be completed (the applicant's by default: it lacked something; the agency's when, say, it asks a
     * second time for what it could have asked the first), which the survey's indicator 3 reads (rules/survey.json).
     */
    record RequestSupplement(List<String> items, Fault fault) implements Command {
        /** Whose fault it is that the applicant has to come back to complete the dossier. */
        public enum Fault { APPLICANT, AGENCY }

        public RequestSupplement {
            if (items == null || items.isEmpty()) throw new IllegalArgumentException("a supplement request lists its items");
            items = List.copyOf(items);
            fault = fault == null ? Fault.APPLICANT : fault;
        }

        /** A request because the dossier lacked something (the applicant's fault, the default). */
        public RequestSupplement(List<String> items) { this(items, Fault.APPLICANT); }

        public String action() { return "request-supplement"; }

        public String reason() { return String.join("\n", items); }

        public Map<String, String> details() { return Map.of("items", Integer.toString(items.size()), "template", "02", "fault", fault.name()); }
    }

    /** Reception: the dossier code is given and the appointment date set (form 01); the dossier is at its first step. */
    record Receive(String code, LocalDate dueDate, String step, String unit, LocalDate stepDue) implements Command {
        public String action() { return "receive"; }

        public Map<String, String> details() {
            return dueDate == null ? Map.of("code", code) : Map.of("code", code, "dueDate", dueDate.toString());
        }
    }

    /** Reception of a supplemented dossier: the same code, a new appointment date, back at the first step. */
    record ReceiveSupplement(String code, LocalDate dueDate, String step, String unit, LocalDate stepDue) implements Command {
        public String action() { return "receive-supplement"; }

        public Map<String, String> details() { return Map.of("code", code, "dueDate", dueDate.toString()); }
    }

    /** The one-stop desk sends a received dossier on to the unit that resolves it (its next step). */
    record StartProcessing(String step, String unit, LocalDate stepDue) implements Command {
        public String action() { return "start-processing"; }

        public Map<String, String> details() { return stepDetails(unit, stepDue); }
    }

    /** The dossier goes on to the next step of its process, held by {@code unit} until {@code stepDue}. */
    record Forward(String step, String unit, LocalDate stepDue, String note) implements Command {
        public String action() { return "forward"; }

        public String reason() { return note == null || note.isBlank() ? null : note.strip(); }

        public Map<String, String> details() { return stepDetails(unit, stepDue); }
    }

    /** The dossier goes back to the previous step, with the reason. */
    record Return(String step, String unit, LocalDate stepDue, String reason) implements Command {
        public Return {
            if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a return gives its reason");
        }

        public String action() { return "return"; }

        public Map<String, String> details() { return stepDetails(unit, stepDue); }
    }

    /** An official of the step's unit is given the dossier (by the unit's leader, or takes it themself). */
    record Assign(String assignee, String assigneeName) implements Command {
        public Assign {
            if (assignee == null || assignee.isBlank()) throw new IllegalArgumentException("an assignment names the official");
        }

        public String action() { return "assign"; }

        public Map<String, String> details() {
            return assigneeName == null ? Map.of("assignee", assignee) : Map.of("assignee", assignee, "assigneeName", assigneeName);
        }
    }

    /** A question to another agency or unit, with the files shared with it and the date it answers by. */
    record Consult(String agency, String unit, String question, List<String> files, LocalDate due) implements Command {
        public Consult {
            if (question == null || question.isBlank()) throw new IllegalArgumentException("a consultation asks a question");
            files = files == null ? List.of() : List.copyOf(files);
        }

        public String action() { return "consult"; }

        public String reason() { return question; }

        public Map<String, String> details() {
            return Map.of("consultedAgency", agency, "consultedUnit", unit, "consultationDue", due.toString(),
                    "files", Integer.toString(files.size()));
        }
    }

    /** The consulted agency or unit answers. */
    record AnswerConsultation(String answer) implements Command {
        public AnswerConsultation {
            if (answer == null || answer.isBlank()) throw new IllegalArgumentException("an answer says something");
        }

        public String action() { return "answer-consultation"; }

        public String reason() { return answer; }
    }

    /** Resolution stops, with the reason (form 05). */
    record Stop(String reason) implements Command {
        public Stop {
            if (reason == null || reason.isBlank()) throw new IllegalArgumentException("stopping gives its reason");
        }

        public String action() { return "stop"; }

        public Map<String, String> details() { return Map.of("template", "05"); }
    }

    /** A late dossier: the apology, the reason for the delay and the new date (form 04); the appointment moves. */
    record Extend(String reason, LocalDate newDue) implements Command {
        public Extend {
            if (reason == null || reason.isBlank()) throw new IllegalArgumentException("an extension gives the reason for the delay");
            if (newDue == null) throw new IllegalArgumentException("an extension gives the new date");
        }

        public String action() { return "extend"; }

        public Map<String, String> details() { return Map.of("template", "04", "dueDate", newDue.toString()); }
    }

    /**
     * A dossier received from the National Public Service Portal, held under its applicant's verified identifier
     * ({@link #unclaimed}) until its applicant signs in here with the national identity, passes to that account
     * ({@code owner}, the sign-in's subject). Only the system makes it, once; the status does not change.
     */
    record Claim(String owner) implements Command {
        /** The prefix of the owner of a dossier nobody has claimed yet; no sign-in's subject starts with it. */
        public static final String UNCLAIMED = "unclaimed#";

        /** The owner of an unclaimed dossier whose verified applicant is {@code applicantId}. */
        public static String unclaimed(String applicantId) { return UNCLAIMED + applicantId; }

        public String action() { return "claim"; }
    }

    /** The hourly watch marks a dossier due soon or overdue (null: neither any more). */
    record MarkDeadline(String flag) implements Command {
        public String action() { return "mark-deadline"; }

        public Map<String, String> details() { return flag == null ? Map.of() : Map.of("deadline", flag); }
    }

    private static Map<String, String> stepDetails(String unit, LocalDate due) {
        return due == null ? Map.of("toUnit", unit) : Map.of("toUnit", unit, "stepDue", due.toString());
    }

    /** The signed electronic result {@code number} is issued (its address on the verification page: {@code resultId}). */
    record IssueResult(String number, String resultId) implements Command {
        public String action() { return "issue-result"; }

        public Map<String, String> details() { return Map.of("result", number, "resultId", resultId); }
    }

    /** An authorised official revokes the result {@code number}, with the reason. */
    record RevokeResult(String number, String reason) implements Command {
        public RevokeResult {
            if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a revocation gives its reason");
        }

        public String action() { return "revoke-result"; }

        public Map<String, String> details() { return Map.of("result", number); }
    }

    /** The result reached the applicant: downloaded online, or handed over at the counter or by post. */
    record ReturnResult(String channel) implements Command {
        public String action() { return "return-result"; }

        public Map<String, String> details() { return Map.of("channel", channel); }
    }

    /**
     * The dossier waits for its fees to be paid online: the total and the number of fee lines (rules/payments.json);
     * a total of 0 when the fee depends on the case and the applicant chooses its item of the tariff when paying.
     */
    record RequestPayment(long amountVnd, int lines) implements Command {
        public String action() { return "request-payment"; }

        public Map<String, String> details() {
            return amountVnd > 0 ? Map.of("amountVnd", Long.toString(amountVnd), "lines", Integer.toString(lines))
                    : Map.of("tariff", "true", "lines", Integer.toString(lines));
        }
    }

    /** A provider's verified notice credited payment {@code reference}: the dossier goes on. */
    record ConfirmPayment(String reference, String provider, String transaction, long amountVnd) implements Command {
        public String action() { return "confirm-payment"; }

        public Map<String, String> details() {
            return Map.of("payment", reference, "provider", provider, "transaction", transaction == null ? "" : transaction,
                    "amountVnd", Long.toString(amountVnd));
        }
    }

    /** The competent official approves: the result is ready. */
    record Approve(String note) implements Command {
        public String action() { return "approve"; }

        public String reason() { return note == null || note.isBlank() ? null : note.strip(); }
    }

    /** An official refuses to receive or resolve the dossier, with the reason (form 03). */
    record Refuse(String reason) implements Command {
        public Refuse {
            if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a refusal gives its reason");
        }

        public String action() { return "refuse"; }

        public Map<String, String> details() { return Map.of("template", "03"); }
    }
}
