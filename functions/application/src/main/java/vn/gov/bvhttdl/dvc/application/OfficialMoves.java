package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.ExtensionWindow;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.Limits;
import vn.gov.bvhttdl.dvc.domain.Organisation;
import vn.gov.bvhttdl.dvc.domain.Period;
import vn.gov.bvhttdl.dvc.domain.Post;
import vn.gov.bvhttdl.dvc.domain.Process;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The moves officials make on a dossier, one method per move: send it from the one-stop desk to the unit that
 * resolves it, take or assign it, forward it to the next step or return it to the previous one, consult another
 * agency or unit and answer such a consultation, apologise and extend the time limit (form 04), stop resolving it
 * (form 05), approve it, refuse it (form 03). The workflow data says from which status each move is allowed; the
 * process data says at which step, for which post in which unit ({@link Process#refusal}). A dossier the official
 * may not see does not exist for them; two officials moving the same dossier at once: one wins, the other gets
 * a ConcurrentChange (409 changed-meanwhile) with nothing stored.
 */
public final class OfficialMoves {
    private final Dossiers dossiers;
    private final Attachments attachments;
    private final Rules rules;
    private final Clock clock;
    private final IssueResult results;
    private final Results issued;

    public OfficialMoves(Dossiers dossiers, Attachments attachments, Rules rules, Clock clock) {
        this(dossiers, attachments, rules, clock, null, null);
    }

    /** With the results: the approval issues the signed result at once ({@code issueResult} null: it does not). */
    public OfficialMoves(Dossiers dossiers, Attachments attachments, Rules rules, Clock clock, IssueResult issueResult, Results issued) {
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.rules = rules;
        this.clock = clock;
        this.results = issueResult;
        this.issued = issued;
    }

    /** The one-stop desk sends a received dossier on to the next step (the unit that resolves it). */
    public Dossier startProcessing(Actor official, String id) {
        return toNext(official, id, "start-processing", null);
    }

    /** The dossier goes on to the next step of its process, with an optional note for the next unit. */
    public Dossier forward(Actor official, String id, String note) {
        return toNext(official, id, "forward", limited(note, "forward.note"));
    }

    /** The dossier goes back to the previous step; the reason is required. */
    public Dossier returnToPrevious(Actor official, String id, String reason) {
        String why = required(reason, "return.reason", new Text("Nêu lý do trả lại bước trước.", "Give the reason for returning it."));
        At at = at(official, id, "return");
        Process.Stage back = at.process.previous(at.process.current(at.dossier).orElseThrow()).orElseThrow();
        return save(at, official, new Command.Return(back.code(), back.unit(), due(back.budget()), why));
    }

    /**
     * The dossier is given to {@code assignee} (a subject of the step's unit): the unit's leader assigns anyone, a
     * specialist takes it for themself ({@code assignee} null or their own subject).
     */
    public Dossier assign(Actor official, String id, String assignee, String assigneeName) {
        String who = assignee == null || assignee.isBlank() ? official.subject() : assignee.strip();
        if (who.length() > 128) throw invalid("assign.assignee", new Text("Mã công chức quá dài.", "The official's identifier is too long."));
        At at = at(official, id, "assign");
        if (!who.equals(official.subject()) && official.post() != Post.LEADER) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "leader-assigns",
                    new Text("Chỉ lãnh đạo đơn vị phân công cho người khác; bạn có thể nhận xử lý.",
                            "Only the unit's leader assigns to others; you can take it yourself."));
        }
        String name = who.equals(official.subject()) && assigneeName == null ? null : limited(assigneeName, "assign.assigneeName");
        return save(at, official, new Command.Assign(who, name));
    }

    /**
     * A question to another agency or unit (of the organisation data, not the asker's own), sharing the accepted
     * files named in {@code files} (all accepted files when null); it answers within {@code days} working days (the
     * process's consultation budget when null).
     */
    public Dossier consult(Actor official, String id, String agency, String unit, String question, List<String> files, Integer days) {
        String q = required(question, "consult.question", new Text("Nêu nội dung cần xin ý kiến.", "Say what you are asking."));
        if (agency == null || unit == null || !Organisation.standard().hasUnit(agency, unit)) {
            throw invalid("consult.unit", new Text("Chọn cơ quan, đơn vị được xin ý kiến trong danh sách.", "Choose the agency and unit to consult from the list."));
        }
        if (agency.equals(official.agency()) && unit.equals(official.unit())) {
            throw invalid("consult.unit", new Text("Không xin ý kiến chính đơn vị mình.", "You cannot consult your own unit."));
        }
        if (days != null && (days < 1 || days > Process.consultationMaxDays())) {
            throw invalid("consult.days", new Text("Thời hạn trả lời từ 1 đến " + Process.consultationMaxDays() + " ngày làm việc.",
                    "The answer is due within 1 to " + Process.consultationMaxDays() + " working days."));
        }
        At at = at(official, id, "consult");
        List<String> accepted = attachments.attachments(id).stream().filter(a -> a.status() == Attachment.Status.ACCEPTED)
                .map(Attachment::uploadId).toList();
        List<String> shared = files == null ? accepted : files.stream().distinct().toList();
        if (!accepted.containsAll(shared)) {
            throw invalid("consult.files", new Text("Chỉ chia sẻ các tệp đã được chấp nhận của hồ sơ.", "Share only accepted files of the dossier."));
        }
        Period budget = days == null ? at.process.consultationBudget() : Period.workingDays(days);
        return save(at, official, new Command.Consult(agency, unit, q, shared, due(budget)));
    }

    /** The consulted agency or unit answers. */
    public Dossier answer(Actor official, String id, String answer) {
        String text = required(answer, "answer-consultation.answer", new Text("Nhập nội dung trả lời.", "Write the answer."));
        Dossier d = Access.consulted(dossiers, official, id);
        Process process = Access.requireProcess(rules, d);
        process.require(d, official, "answer-consultation");
        return save(new At(d, process), official, new Command.AnswerConsultation(text));
    }

    /** Resolution stops, with the reason (form 05). */
    public Dossier stop(Actor official, String id, String reason) {
        String why = required(reason, "stop.reason", new Text("Nêu rõ lý do dừng giải quyết (mẫu 05).", "Give the reason for stopping (form 05)."));
        return save(at(official, id, "stop"), official, new Command.Stop(why));
    }

    /** What form 04 proposes for a dossier: a reason to edit, and a new date (today plus the budgets of the steps left). */
    public record ExtensionDraft(String reason, LocalDate newDue, LocalDate dueDate) {}

    public ExtensionDraft extensionDraft(Actor official, String id) {
        At at = at(official, id, "extend");
        int left = at.process.stages().stream().filter(s -> s.index() >= at.process.current(at.dossier).map(Process.Stage::index).orElse(0))
                .mapToInt(s -> s.budget().days()).sum();
        LocalDate proposed = due(Period.workingDays(Math.max(1, left)));
        String reason = "Hồ sơ " + at.dossier.code() + " chưa được giải quyết xong trong thời hạn hẹn ngày "
                + (at.dossier.dueDate() == null ? "" : at.dossier.dueDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))) + " do ";
        return new ExtensionDraft(reason, proposed, at.dossier.dueDate());
    }

    /** The apology and the new date (form 04): the applicant's appointment becomes {@code newDue}. */
    public Dossier extend(Actor official, String id, String reason, LocalDate newDue) {
        String why = required(reason, "extend.reason", new Text("Nêu lý do chậm giải quyết (mẫu 04).", "Give the reason for the delay (form 04)."));
        At at = at(official, id, "extend");
        LocalDate today = clock.instant().atZone(rules.calendar().zone()).toLocalDate();
        if (newDue == null || !newDue.isAfter(today) || (at.dossier.dueDate() != null && !newDue.isAfter(at.dossier.dueDate()))
                || newDue.isAfter(today.plusYears(1))) {
            throw invalid("extend.newDue", new Text("Ngày hẹn mới phải sau hôm nay và sau ngày hẹn cũ (trong vòng một năm).",
                    "The new date must be after today and after the old date (within a year)."));
        }
        if (!rules.calendar().isWorkingDay(newDue)) {
            throw invalid("extend.newDue", new Text("Ngày hẹn mới phải là ngày làm việc.", "The new date must be a working day."));
        }
        return save(at, official, new Command.Extend(why, newDue));
    }

    /** The approval; with the results configured, the signed result is issued with it (its note stays internal). */
    public Dossier approve(Actor official, String id, String note) {
        String n = limited(note, "approve.note");
        At at = at(official, id, "approve");
        Dossier approved = save(at, official, new Command.Approve(n));
        // level 4: the result is signed and issued with the approval; level 3: the leader issues it (issue-result)
        boolean online = rules.catalogue().version(approved.procedureCode(), approved.procedureVersion()).map(p -> p.serviceLevel() == 4).orElse(false);
        if (results == null || !online) return approved;
        // the approval note stays on the trail: it is not printed on the result
        results.issue(approved, official, null);
        return dossiers.find(id).orElseThrow();
    }

    /**
     * The result of an approved dossier whose issue did not complete with the approval (the signer was not
     * reachable): the signing step's leader issues it. REFUSED when it has a valid result already.
     */
    public Dossier issueResult(Actor official, String id) {
        At at = at(official, id, "issue-result");
        if (!available("issue-result")) throw new IllegalStateException("results are not configured");
        results.issue(at.dossier, official, null);
        return dossiers.find(id).orElseThrow();
    }

    /**
     * The signing unit's leader revokes the valid result {@code number}, with the reason: the record says revoked
     * (the verification page shows it), and the revocation is in the dossier's trail.
     */
    public vn.gov.bvhttdl.dvc.domain.IssuedResult revokeResult(Actor official, String id, String number, String reason) {
        String why = required(reason, "revoke.reason", new Text("Nêu lý do thu hồi.", "Give the reason for revoking."));
        At at = at(official, id, "revoke-result");
        if (!available("revoke-result")) throw new IllegalStateException("results are not configured");
        var r = validResult(id, number);
        var revoked = r.revoked(why, clock.instant());
        issued.update(revoked, vn.gov.bvhttdl.dvc.domain.IssuedResult.Status.VALID);
        save(at, official, new Command.RevokeResult(number, why));
        if (results != null && results.warehouse() != null) results.warehouse().revoked(revoked, at.dossier);
        return revoked;
    }

    /**
     * A correction: the signing unit's leader issues the next number for the dossier, with the reason, and the valid
     * result {@code number} becomes REPLACED by it (its page says so and names the new one).
     */
    public vn.gov.bvhttdl.dvc.domain.IssuedResult correctResult(Actor official, String id, String number, String reason) {
        String why = required(reason, "correct.reason", new Text("Nêu nội dung đính chính.", "Say what is corrected."));
        At at = at(official, id, "correct-result");
        if (!available("correct-result")) throw new IllegalStateException("results are not configured");
        var old = validResult(id, number);
        var next = results.issue(at.dossier, official, "Đính chính " + number + ": " + why);
        var replaced = old.replacedBy(next.number(), why, clock.instant());
        issued.update(replaced, vn.gov.bvhttdl.dvc.domain.IssuedResult.Status.VALID);
        if (results.warehouse() != null) results.warehouse().replaced(replaced, next, at.dossier, why);
        return next;
    }

    /** The dossier's result {@code number}, still valid (NOT_FOUND, REFUSED otherwise). */
    private vn.gov.bvhttdl.dvc.domain.IssuedResult validResult(String id, String number) {
        var r = issued.ofDossier(id).stream().filter(x -> x.number().equals(number)).findFirst().orElseThrow(() ->
                DomainException.of("result-not-found", "ref", number));
        if (r.status() != vn.gov.bvhttdl.dvc.domain.IssuedResult.Status.VALID) {
            throw new DomainException(DomainException.Kind.REFUSED, "result-not-valid", new Text("Kết quả không còn hiệu lực.", "The result is no longer valid."));
        }
        return r;
    }

    /** The desk records that the result was handed over at the counter or sent by post. */
    public Dossier returnResult(Actor official, String id, String channel) {
        if (!"counter".equals(channel) && !"post".equals(channel)) {
            throw invalid("return-result.channel", new Text("Trả tại quầy (counter) hoặc qua bưu chính (post).", "At the counter or by post."));
        }
        return save(at(official, id, "return-result"), official, new Command.ReturnResult(channel));
    }

    public Dossier refuse(Actor official, String id, String reason) {
        String why = required(reason, "refuse.reason", new Text("Nêu rõ lý do từ chối (mẫu 03).", "Give the reason for the refusal (form 03)."));
        return save(at(official, id, "refuse"), official, new Command.Refuse(why));
    }

    /**
     * What the process alone allows {@code official} on {@code d} now (none for a dossier out of their scope), without
     * the dossier's results: {@link #offered(Dossier, Actor)} is what the use cases accept.
     */
    public static List<String> offered(Rules rules, Dossier d, Actor official) {
        if (!Access.inScope(rules, official, d) && !Access.consulted(official, d)) return List.of();
        return Access.process(rules, d).map(p -> p.allowed(d, official)).orElse(List.of());
    }

    /** The moves offered to officials: the process's, then revoking and correcting a result. */
    public static final List<String> MOVES = Stream.concat(Process.OFFICIAL_MOVES.stream(), Stream.of("revoke-result", "correct-result")).toList();

    /**
     * The moves of {@link #MOVES} {@code official} may make on {@code d} now: exactly those the use cases accept (none
     * for a dossier out of their scope). Revoking and correcting need a valid result, issuing one needs none.
     */
    public List<String> offered(Dossier d, Actor official) {
        if (!Access.inScope(rules, official, d) && !Access.consulted(official, d)) return List.of();
        Process process = Access.process(rules, d).orElse(null);
        if (process == null) return List.of();
        return MOVES.stream().filter(m -> available(m) && refusal(d, process, official, m).isEmpty()).toList();
    }

    /** The guard of the process a move answers to: a correction is guarded as a revocation (the signing unit's leader, the same statuses). */
    private static String guard(String move) {
        return "correct-result".equals(move) ? "revoke-result" : move;
    }

    /** Whether this instance can make {@code move} at all (the moves on results need the results configured). */
    private boolean available(String move) {
        return switch (move) {
            case "issue-result", "correct-result" -> results != null && issued != null;
            case "revoke-result" -> issued != null;
            default -> true;
        };
    }

    /**
     * Why {@code official} may not make {@code move} on {@code d} now, or empty when they may: the process's guard
     * ({@link Process#refusal}), then for the moves on results the dossier's results (issue: no valid result yet;
     * revoke, correct: a valid result to act on). The one rule of both the offer and the use cases.
     */
    private Optional<DomainException> refusal(Dossier d, Process process, Actor official, String move) {
        Optional<DomainException> no = process.refusal(d, official, guard(move));
        if (no.isPresent()) return no;
        // form 04 only once the dossier is late or its appointment is within the rule's window (rules/extension-window.json)
        if ("extend".equals(move) && !ExtensionWindow.standard().open(d, clock.instant().atZone(rules.calendar().zone()).toLocalDate(), rules.calendar())) {
            return Optional.of(DomainException.of("extend-not-due"));
        }
        if (issued == null) return no;
        boolean valid = switch (move) {
            case "issue-result", "revoke-result", "correct-result" -> issued.ofDossier(d.id()).stream()
                    .anyMatch(r -> r.status() == vn.gov.bvhttdl.dvc.domain.IssuedResult.Status.VALID);
            default -> false;
        };
        if ("issue-result".equals(move) && valid) return Optional.of(new DomainException(DomainException.Kind.REFUSED, "result-issued",
                new Text("Hồ sơ đã có kết quả còn hiệu lực.", "The dossier already has a valid result.")));
        if (("revoke-result".equals(move) || "correct-result".equals(move)) && !valid) return Optional.of(new DomainException(
                DomainException.Kind.REFUSED, "no-valid-result", new Text("Hồ sơ không có kết quả còn hiệu lực.", "The dossier has no valid result.")));
        return Optional.empty();
    }

    private Dossier toNext(Actor official, String id, String action, String note) {
        At at = at(official, id, action);
        Process.Stage next = at.process.next(at.process.current(at.dossier).orElseThrow()).orElseThrow();
        LocalDate due = due(next.budget());
        return save(at, official, "start-processing".equals(action) ? new Command.StartProcessing(next.code(), next.unit(), due)
                : new Command.Forward(next.code(), next.unit(), due, note));
    }

    private record At(Dossier dossier, Process process) {}

    private At at(Actor official, String id, String action) {
        Dossier d = Access.inScope(dossiers, rules, official, id);
        Process process = Access.requireProcess(rules, d);
        Optional<DomainException> no = refusal(d, process, official, action);
        if (no.isPresent()) throw no.get();
        return new At(d, process);
    }

    private Dossier save(At at, Actor official, Command command) {
        Dossier.Change c = at.dossier.handle(command, official, clock.instant());
        dossiers.save(c);
        return c.dossier();
    }

    /** The date a budget that starts now ends on the legal calendar. */
    private LocalDate due(Period budget) {
        Instant now = clock.instant();
        return rules.calendar().appointment(now, budget, List.of()).dueDate();
    }

    private static String required(String text, String field, Text missing) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) throw new DomainException(DomainException.Kind.INVALID, "reason-required", missing.at(field), List.of(missing.at(field)));
        if (s.length() > Limits.MAX_REASON) throw tooLong(field);
        return s;
    }

    private static String limited(String text, String field) {
        if (text == null || text.isBlank()) return null;
        if (text.strip().length() > Limits.MAX_REASON) throw tooLong(field);
        return text.strip();
    }

    private static DomainException invalid(String field, Text t) {
        return new DomainException(DomainException.Kind.INVALID, "invalid-move", t.at(field), List.of(t.at(field)));
    }

    private static DomainException tooLong(String field) {
        Text t = new Text("Tối đa " + Limits.MAX_REASON + " ký tự.", "At most " + Limits.MAX_REASON + " characters.").at(field);
        return new DomainException(DomainException.Kind.INVALID, "text-too-long", t, List.of(t));
    }
}
