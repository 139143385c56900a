package vn.gov.bvhttdl.dvc.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The letters a dossier's trail issued (forms 02–05 of Circular 03/2025/TT-VPCP, each by the move that names it in
 * {@code rules/dossier-workflow.json}) and the address each letter's QR code holds: its public verification page,
 * {@code /verify/letters/<dossier id>/<form>/<second of issue>} — no personal data, no identification number. The
 * control slip (06) is drawn at a moment, and its address carries that moment.
 */
public final class Letters {
    /** The forms addressed to the applicant. */
    public static final List<String> TO_APPLICANT = List.of("02", "03", "04", "05");
    /** The forms whose QR code opens a letter's verification page (the letters and the control slip). */
    public static final List<String> VERIFIABLE = List.of("02", "03", "04", "05", "06");

    private Letters() {}

    /** The latest entry of the trail that issued each letter (by the form number its move records). */
    public static Map<String, AuditEvent> issued(List<AuditEvent> history) {
        Map<String, AuditEvent> out = new LinkedHashMap<>();
        for (AuditEvent e : history) {
            String n = e.details().get("template");
            if (n == null) n = Workflow.standard().move(e.action()).map(Workflow.Transition::form).orElse(null);
            if (n != null && TO_APPLICANT.contains(n)) out.put(n, e);
        }
        return out;
    }

    /** The path under {@code /verify/} of form {@code number} of dossier {@code dossierId} issued (or drawn) at {@code at}. */
    public static String verifyPath(String dossierId, String number, Instant at) {
        return "letters/" + dossierId + "/" + number + "/" + at.getEpochSecond();
    }

    /** The path under {@code /verify/} of a unit's tracking book (form 07) for a period, drawn at {@code at}. */
    public static String bookPath(String agency, String unit, java.time.LocalDate from, java.time.LocalDate to, Instant at) {
        return "books/" + agency + "/" + unit + "/" + from + "/" + to + "/" + at.getEpochSecond();
    }

    /** The entry that issued letter {@code number} at second {@code epochSecond}, if the trail has it. */
    public static Optional<AuditEvent> issuedAt(List<AuditEvent> history, String number, long epochSecond) {
        AuditEvent found = null;
        for (AuditEvent e : history) {
            String n = e.details().get("template");
            if (n == null) n = Workflow.standard().move(e.action()).map(Workflow.Transition::form).orElse(null);
            if (number.equals(n) && e.at().getEpochSecond() == epochSecond) found = e;
        }
        return Optional.ofNullable(found);
    }
}
