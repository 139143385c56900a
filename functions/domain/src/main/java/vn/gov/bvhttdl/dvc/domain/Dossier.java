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
 * @param dueDate          the appointment date (ngày hẹn trả), set at receipt by the working calendar (moved by form 04)
 * @param processing       where the received dossier is in its process (step, unit, assignee, consultation); null before
 * @param reached          the units the dossier has actually been at, in order (from reception on: the one-stop desk,
 *                         then each unit a step brought it to); null for a dossier stored before this was recorded, whose
 *                         units the store reads from its audit trail ({@link #reachedFrom(List, Processing)})
 * @param facts            the facts the state counts ({@link Facts}), recorded move by move; null for a dossier stored
 *                         before they were recorded, whose facts the store reads from its audit trail ({@link Facts#fromTrail})
 * @param version          optimistic-locking version; the store only writes a change made from the version it read
 */
public record Dossier(String id, String code, String procedureCode, int procedureVersion, String agencyCode,
                      String unitCode, String ownerId, Applicant applicant, Map<String, String> form,
                      DossierStatus status, String statusReason, Instant createdAt, Instant updatedAt,
                      Instant submittedAt, Instant receivedAt, LocalDate dueDate, Processing processing,
                      List<String> reached, Facts facts, long version) {

    public Dossier {
        form = form == null ? Map.of() : Map.copyOf(form);
        reached = reached == null ? null : List.copyOf(reached);
    }

    /** A dossier stored before its facts were recorded (the store derives them from the trail). */
    public Dossier(String id, String code, String procedureCode, int procedureVersion, String agencyCode,
                   String unitCode, String ownerId, Applicant applicant, Map<String, String> form,
                   DossierStatus status, String statusReason, Instant createdAt, Instant updatedAt,
                   Instant submittedAt, Instant receivedAt, LocalDate dueDate, Processing processing,
                   List<String> reached, long version) {
        this(id, code, procedureCode, procedureVersion, agencyCode, unitCode, ownerId, applicant, form, status,
                statusReason, createdAt, updatedAt, submittedAt, receivedAt, dueDate, processing, reached, null, version);
    }

    /** The same dossier with {@code f} as its facts. */
    public Dossier withFacts(Facts f) {
        return new Dossier(id, code, procedureCode, procedureVersion, agencyCode, unitCode, ownerId, applicant, form, status,
                statusReason, createdAt, updatedAt, submittedAt, receivedAt, dueDate, processing, reached, f, version);
    }

    /** The identifier the applicant is known by and its type (enterprise code for a business, else the personal ID). */
    public Facts.OwnerId ownerIdentifier() { return Facts.OwnerId.of(applicant); }

    /** The same dossier with {@code p} as its processing (the units reached unchanged). */
    public Dossier withProcessing(Processing p) {
        return new Dossier(id, code, procedureCode, procedureVersion, agencyCode, unitCode, ownerId, applicant, form, status,
                statusReason, createdAt, updatedAt, submittedAt, receivedAt, dueDate, p, reached, facts, version);
    }

    /** The same dossier with {@code units} as the units it has reached. */
    public Dossier withReached(List<String> units) {
        return new Dossier(id, code, procedureCode, procedureVersion, agencyCode, unitCode, ownerId, applicant, form, status,
                statusReason, createdAt, updatedAt, submittedAt, receivedAt, dueDate, processing, units, facts, version);
    }

    /**
     * The units a dossier stored before {@code reached} was recorded has been at, read from its audit trail: the unit
     * of every official who moved it (a consulted unit's answer excepted: it saw only what was sent to it) and the
     * unit that holds it now. A dossier moves on from a unit only by a move of that unit's officials, so no unit it
     * was at is missed.
     */
    public static List<String> reachedFrom(List<AuditEvent> history, Processing now) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (AuditEvent e : history) {
            if (e.role() == Role.OFFICIAL && !"answer-consultation".equals(e.action()) && e.details().get("unit") != null) {
                out.add(e.details().get("unit"));
            }
        }
        if (now != null && now.unit() != null) out.add(now.unit());
        return List.copyOf(out);
    }

    /** A dossier and the audit event of the change that produced it. */
    public record Change(Dossier dossier, AuditEvent event) {}

    /** Starts a draft for {@code procedure} on this portal, with no verified identity recorded. */
    public static Change draft(String id, Procedure procedure, String ownerId, Applicant applicant,
                               Map<String, String> form, Instant now) {
        return draft(id, procedure, ownerId, applicant, form, now, Facts.Intake.portal(null));
    }

    /**
     * Starts a draft for {@code procedure}; {@code intake} says where it was submitted and which national identity
     * verified the applicant, the first facts it records.
     */
    public static Change draft(String id, Procedure procedure, String ownerId, Applicant applicant,
                               Map<String, String> form, Instant now, Facts.Intake intake) {
        checkInput(procedure, applicant, form);
        Workflow.Transition t = Workflow.standard().transitions().stream()
                .filter(x -> x.action().equals("create")).findFirst()
                .orElseThrow(() -> new IllegalStateException("workflow data has no create action"));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("procedureCode", procedure.code());
        details.put("procedureVersion", Integer.toString(procedure.version()));
        details.put("origin", intake.origin().name());
        if (intake.verifiedBy() != null) details.put("verifiedBy", intake.verifiedBy());
        if (intake.representative() != null) {
            if (intake.representative().name() != null) details.put("representativeName", intake.representative().name());
            details.put("representativeId", intake.representative().idNumber());
        }
        if (intake.nationalCode() != null) details.put("nationalCode", intake.nationalCode());
        AuditEvent created = new AuditEvent(id, now, ownerId, Role.CITIZEN, "create", null, t.to(), null, details);
        Dossier d = new Dossier(id, null, procedure.code(), procedure.version(), procedure.agencyCode(),
                procedure.receivingUnitCode(), ownerId, applicant, form, t.to(), null, now, now, null, null, null, null,
                List.of(), Facts.NONE.after(created), 1);
        return new Change(d, created);
    }

    /**
     * Makes the move {@code command} as {@code actor} at {@code at}: the workflow says whether this actor's role may
     * make it from the current status; the result is the next state and its audit entry.
     */
    public Change handle(Command command, Actor actor, Instant at) {
        Workflow.Transition t = Workflow.standard().require(status, command.action(), actor.role());
        DossierStatus to = t.target(status);
        String newCode = code;
        Instant received = receivedAt;
        LocalDate due = dueDate;
        Processing p = processing;
        String owner = ownerId;
        Map<String, String> details = new LinkedHashMap<>(command.details());
        switch (command) {
            case Command.Claim c -> {
                if (!ownerId.startsWith(Command.Claim.UNCLAIMED)) throw new IllegalStateException("dossier " + id + " is not waiting to be claimed");
                owner = c.owner();
            }
            case Command.Receive r -> {
                if (code != null) throw new IllegalStateException("dossier " + id + " already has code " + code);
                newCode = r.code();
                received = at;
                due = r.dueDate();
                p = Processing.at(r.step(), r.unit(), at, r.stepDue(), null);
            }
            case Command.ReceiveSupplement r -> {
                if (code == null) throw new IllegalStateException("dossier " + id + " has no code yet: use receive");
                due = r.dueDate();
                p = Processing.at(r.step(), r.unit(), at, r.stepDue(), processing == null ? null : processing.consultation());
            }
            case Command.StartProcessing f -> p = Processing.at(f.step(), f.unit(), at, f.stepDue(), consultation());
            case Command.Forward f -> p = Processing.at(f.step(), f.unit(), at, f.stepDue(), consultation());
            case Command.Return r -> p = Processing.at(r.step(), r.unit(), at, r.stepDue(), consultation());
            case Command.Assign a -> p = current().assignedTo(a.assignee(), a.assigneeName());
            case Command.Consult c -> p = current().with(new Processing.Consultation(c.agency(), c.unit(), c.question(),
                    c.files(), at, actor.subject(), c.due(), null, null, null));
            case Command.AnswerConsultation a -> {
                if (processing == null || !processing.consulting()) throw new IllegalStateException("dossier " + id + " has no open consultation");
                p = processing.with(processing.consultation().answered(a.answer(), actor.subject(), at));
            }
            case Command.Extend e -> {
                if (dueDate != null) details.put("previousDueDate", dueDate.toString());
                due = e.newDue();
                p = processing == null ? null : processing.flagged(null);
            }
            case Command.MarkDeadline m -> p = processing == null ? new Processing(null, null, at, null, null, null, null, m.flag())
                    : processing.flagged(m.flag());
            default -> { }
        }
        if (to != DossierStatus.IN_PROCESSING && to != DossierStatus.RECEIVED && to != DossierStatus.AWAITING_PAYMENT
                && to != DossierStatus.PAUSED && p != null && p.step() != null && !(command instanceof Command.Receive)
                && !(command instanceof Command.ReceiveSupplement)) {
            // decided, stopped, withdrawn or waiting for the applicant: the dossier leaves its step (the consultation stays on record)
            p = new Processing(null, null, at, null, null, null, p.consultation(), null);
        }
        if (processing != null && processing.step() != null) details.putIfAbsent("step", processing.step());
        if (p != null && p.step() != null && (processing == null || !p.step().equals(processing.step()))) details.put("toStep", p.step());
        if (actor.unit() != null) details.put("unit", actor.unit());
        if (actor.post() != null) details.put("post", actor.post().name());
        // who made it by name (form 06 names the handlers) and, for a letter, on whose behalf they sign (KT./TL.)
        if (actor.role() == Role.OFFICIAL) Signature.details(actor).forEach(details::putIfAbsent);
        // the reason becomes the dossier's status reason when it is addressed to the applicant (a new status, a new date)
        // (the leader's approval note is internal: it is on the trail, never the applicant's "reason" nor on the result)
        String why = command instanceof Command.Approve ? null
                : to != status || command instanceof Command.Extend ? command.reason() : statusReason;
        Instant submitted = to == DossierStatus.SUBMITTED ? at : submittedAt;
        // where it has been: every unit a step brings it to joins the units reached, never to leave them
        List<String> nowReached = reached == null ? List.of() : reached;
        if (p != null && p.unit() != null && !nowReached.contains(p.unit())) {
            nowReached = new ArrayList<>(nowReached);
            nowReached.add(p.unit());
        }
        AuditEvent event = new AuditEvent(id, at, actor.subject(), actor.role(), command.action(), status, to,
                command.reason(), details);
        // the facts the state counts, as they happen (a dossier stored without them gets them from its trail when read)
        Facts nextFacts = facts == null ? null : facts.after(event);
        Dossier next = new Dossier(id, newCode, procedureCode, procedureVersion, agencyCode, unitCode, owner, applicant,
                form, to, why, createdAt, at, submitted, received, due, p, nowReached, nextFacts, version + 1);
        return new Change(next, event);
    }

    private Processing current() {
        if (processing == null) throw new IllegalStateException("dossier " + id + " is not at a step of its process");
        return processing;
    }

    private Processing.Consultation consultation() { return processing == null ? null : processing.consultation(); }

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
                newApplicant, newForm, status, statusReason, createdAt, at, submittedAt, receivedAt, dueDate, processing, reached,
                facts, version + 1);
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
