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

    /** The applicant submits a draft: the form as submitted and the number of files go into the history. */
    record Submit(String sortedFormJson, int files) implements Command {
        public String action() { return "submit"; }
        public Map<String, String> details() { return Map.of("form", sortedFormJson, "files", Integer.toString(files)); }
    }

    /** The applicant submits again after a supplement request (same code). */
    record Resubmit(String sortedFormJson, int files) implements Command {
        public String action() { return "resubmit"; }
        public Map<String, String> details() { return Map.of("form", sortedFormJson, "files", Integer.toString(files)); }
    }

    /** The applicant withdraws the dossier, saying why. */
    record Withdraw(String reason) implements Command {
        public String action() { return "withdraw"; }
    }

    /**
     * Everything missing or wrong, at once (form 02 of Circular 03/2025): by an official, or by the validation
     * function when its own check fails.
     */
    record RequestSupplement(List<String> items) implements Command {
        public RequestSupplement {
            if (items == null || items.isEmpty()) throw new IllegalArgumentException("a supplement request lists its items");
            items = List.copyOf(items);
        }

        public String action() { return "request-supplement"; }

        public String reason() { return String.join("\n", items); }

        public Map<String, String> details() { return Map.of("items", Integer.toString(items.size()), "template", "02"); }
    }

    /** Reception: the dossier code is given and the appointment date set (form 01). */
    record Receive(String code, LocalDate dueDate) implements Command {
        public String action() { return "receive"; }

        public Map<String, String> details() {
            return dueDate == null ? Map.of("code", code) : Map.of("code", code, "dueDate", dueDate.toString());
        }
    }

    /** Reception of a supplemented dossier: the same code, a new appointment date. */
    record ReceiveSupplement(String code, LocalDate dueDate) implements Command {
        public String action() { return "receive-supplement"; }

        public Map<String, String> details() { return Map.of("code", code, "dueDate", dueDate.toString()); }
    }

    /** An official takes a received dossier into processing. */
    record StartProcessing() implements Command {
        public String action() { return "start-processing"; }
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
