package vn.gov.bvhttdl.dvc.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dossier (hồ sơ). Immutable: every move goes through {@link #handle} with a typed {@link Command}, which checks the workflow and returns
 * the next state together with the audit event that records it; adapters store both atomically.
 *
 * @param procedureVersion the catalogue version of the procedure the dossier was created under (it keeps it)
 * @param dueDate          the appointment date (ngày hẹn trả), set at receipt by the working calendar
 * @param version          optimistic-locking version; the store only writes a change made from the version it read
 */
public record Dossier(String id, String code, String procedureCode, int procedureVersion, String agencyCode,
                      String unitCode, String ownerId, Applicant applicant, Map<String, String> form,
                      DossierStatus status, String statusReason, Instant createdAt, Instant updatedAt,
                      Instant submittedAt, Instant receivedAt, LocalDate dueDate, long version) {

    public Dossier {
        form = form == null ? Map.of() : Map.copyOf(form);
    }

    /** A dossier and the audit event of the change that produced it. */
    public record Change(Dossier dossier, AuditEvent event) {}

    /** Starts a draft for {@code procedure}. */
    public static Change draft(String id, Procedure procedure, String ownerId, Applicant applicant,
                               Map<String, String> form, Instant now) {
        checkInput(procedure, applicant, form);
        Workflow.Transition t = Workflow.standard().transitions().stream()
                .filter(x -> x.action().equals("create")).findFirst()
                .orElseThrow(() -> new IllegalStateException("workflow data has no create action"));
        Dossier d = new Dossier(id, null, procedure.code(), procedure.version(), procedure.agencyCode(),
                procedure.receivingUnitCode(), ownerId, applicant, form, t.to(), null, now, now, null, null, null, 1);
        return new Change(d, new AuditEvent(id, now, ownerId, Role.CITIZEN, "create", null, t.to(), null,
                Map.of("procedureCode", procedure.code(), "procedureVersion", Integer.toString(procedure.version()))));
    }

    /**
     * Makes the move {@code command} as {@code actor} at {@code at}: the workflow says whether this actor's role may
     * make it from the current status; the result is the next state and its audit entry.
     */
    public Change handle(Command command, Actor actor, Instant at) {
        return switch (command) {
            case Command.Receive r -> receive(r.code(), actor, at, r.dueDate());
            case Command.ReceiveSupplement r -> receiveSupplement(actor, at, r.dueDate());
            default -> apply(command.action(), actor.subject(), actor.role(), at, command.reason(), command.details());
        };
    }

    private Change apply(String action, String actor, Role role, Instant at, String reason, Map<String, String> details) {
        Workflow.Transition t = Workflow.standard().require(status, action, role);
        Instant submitted = t.to() == DossierStatus.SUBMITTED ? at : submittedAt;
        Dossier next = new Dossier(id, code, procedureCode, procedureVersion, agencyCode, unitCode, ownerId, applicant,
                form, t.to(), reason, createdAt, at, submitted, receivedAt, dueDate, version + 1);
        return new Change(next, new AuditEvent(id, at, actor, role, action, status, t.to(), reason, details));
    }

    /**
     * Receipt by the one-stop office: the code is given, the clock starts and the appointment date is set
     * (structure of Circular 01/2018 Art 19, see rules/dossier-code.json; form 01 of Circular 03/2025).
     */
    private Change receive(String newCode, Actor actor, Instant at, LocalDate due) {
        if (code != null) throw new IllegalStateException("dossier " + id + " already has code " + code);
        Command.Receive command = new Command.Receive(newCode, due);
        Change c = apply(command.action(), actor.subject(), actor.role(), at, null, command.details());
        Dossier d = c.dossier();
        return new Change(new Dossier(d.id, newCode, d.procedureCode, d.procedureVersion, d.agencyCode, d.unitCode,
                d.ownerId, d.applicant, d.form, d.status, d.statusReason, d.createdAt, d.updatedAt, d.submittedAt, at,
                due, d.version), c.event());
    }

    /** Receipt of a supplemented dossier: same code, new appointment date (the waiting time not counted). */
    private Change receiveSupplement(Actor actor, Instant at, LocalDate due) {
        if (code == null) throw new IllegalStateException("dossier " + id + " has no code yet: use receive");
        Command.ReceiveSupplement command = new Command.ReceiveSupplement(code, due);
        Change c = apply(command.action(), actor.subject(), actor.role(), at, null, command.details());
        Dossier d = c.dossier();
        return new Change(new Dossier(d.id, d.code, d.procedureCode, d.procedureVersion, d.agencyCode, d.unitCode,
                d.ownerId, d.applicant, d.form, d.status, d.statusReason, d.createdAt, d.updatedAt, d.submittedAt,
                receivedAt, due, d.version), c.event());
    }

    /**
     * The periods the clock stood still: from each supplement request to the resubmission that answered it
     * (Decree 45/2020 Art 12), read from the dossier's audit trail.
     */
    public static List<WorkingCalendar.Pause> pauses(List<AuditEvent> history) {
        List<WorkingCalendar.Pause> out = new ArrayList<>();
        Instant since = null;
        for (AuditEvent e : history) {
            var move = Workflow.standard().move(e.action());
            // the clock only runs after receipt: a request made at the validation of a submission pauses nothing
            if (move.map(Workflow.Transition::pausesClock).orElse(false) && e.from() != DossierStatus.SUBMITTED) since = e.at();
            if (move.map(Workflow.Transition::resumesClock).orElse(false) && since != null) {
                out.add(new WorkingCalendar.Pause(since, e.at()));
                since = null;
            }
        }
        return out;
    }

    /** Replaces the applicant's data and the form of an editable dossier, checked against {@code procedure}'s e-form. */
    public Change editDraft(Procedure procedure, Applicant newApplicant, Map<String, String> newForm, Instant at) {
        if (!editable()) {
            Workflow.standard().require(status, "edit", Role.CITIZEN); // throws with a clear message
        }
        checkInput(procedure, newApplicant, newForm);
        Dossier next = new Dossier(id, code, procedureCode, procedureVersion, agencyCode, unitCode, ownerId,
                newApplicant, newForm, status, statusReason, createdAt, at, submittedAt, receivedAt, dueDate, version + 1);
        return new Change(next, new AuditEvent(id, at, ownerId, Role.CITIZEN, "edit", status, status, null,
                Map.of("fields", String.valueOf(newForm == null ? 0 : newForm.size()))));
    }

    /**
     * What is missing before this dossier can be received: one list, all at once, as an official must give it
     * (Decree 45/2020 Art 12; the one-time guidance rule).
     */
    public List<Text> missing(Procedure procedure) {
        List<Text> out = new ArrayList<>();
        if (applicant == null || blank(applicant.fullName())) {
            out.add(new Text("Thiếu họ tên người nộp hồ sơ.", "The applicant's full name is missing.").at("applicant.fullName"));
        }
        if (applicant == null || (blank(applicant.idNumber()) && blank(applicant.enterpriseCode()))) {
            out.add(new Text("Thiếu số định danh cá nhân hoặc mã số doanh nghiệp.",
                    "The personal identification number or enterprise code is missing.").at("applicant.idNumber"));
        }
        out.addAll(Limits.applicantProblems(applicant));
        if (applicant == null || (blank(applicant.email()) && blank(applicant.phone()))) {
            out.add(new Text("Cần ít nhất một cách liên lạc (thư điện tử hoặc số điện thoại).",
                    "At least one contact (email or phone) is required.").at("applicant.phone"));
        }
        if (!procedure.code().equals(procedureCode)) {
            out.add(new Text("Hồ sơ không thuộc thủ tục này.", "The dossier does not belong to this procedure."));
        }
        return out;
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }

    /** The applicant's data and the form as typed: every format or size problem at once (422), before anything is stored. */
    private static void checkInput(Procedure procedure, Applicant applicant, Map<String, String> form) {
        List<Text> problems = new ArrayList<>(Limits.applicantProblems(applicant));
        List<Text> shape = Limits.formProblems(form);
        problems.addAll(shape);
        if (shape.isEmpty() && procedure != null) problems.addAll(procedure.formProblems(form, false));
        DomainException.requireNone("invalid-input", problems);
    }

    /** The applicant may still change the data and the files (a draft, or a dossier awaiting a supplement). */
    public boolean editable() {
        return status == DossierStatus.DRAFT || status == DossierStatus.AWAITING_SUPPLEMENT;
    }

    /**
     * What {@code role} may do with this dossier now, for the pages to show as buttons: the workflow's moves from
     * this status for that role, and for the applicant the editing that an editable dossier allows and the receipt
     * once there is a code. The browser never decides this itself.
     */
    public List<String> allowedActions(Role role) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        if (role == Role.CITIZEN && editable()) {
            out.add("edit");
            out.add("attach");
            out.add("remove-attachment");
        }
        for (Workflow.Transition t : Workflow.standard().transitions()) {
            if (t.from().contains(status) && t.roles().contains(role)) out.add(t.action());
        }
        if (role == Role.CITIZEN && code != null) out.add("download-receipt");
        return List.copyOf(out);
    }

    /** Ordered copy of the form (stable output for stores and APIs). */
    public Map<String, String> sortedForm() {
        Map<String, String> m = new LinkedHashMap<>();
        form.keySet().stream().sorted().forEach(k -> m.put(k, form.get(k)));
        return m;
    }
}
