package vn.gov.bvhttdl.dvc.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The process of one procedure version as data: its steps in order, each with the unit that holds the dossier, the
 * posts that act there, the moves allowed there and its share of the time limit. Built from the catalogue's steps
 * (versioned with the procedure: a dossier keeps the version it was created under), the kinds of step in
 * {@code rules/process-steps.json} and the agency's units in {@code rules/organisation.json}.
 */
public final class Process {
    /** One step: its position, kind, name, budget, the unit that holds the dossier and who does what there. */
    public record Stage(int index, String code, Text name, Period budget, String unit, Set<Post> posts,
                        List<String> moves, boolean assignable) {}

    /** A kind of step (rules/process-steps.json). */
    public record Kind(String code, Text name, String unitRole, Set<Post> posts, List<String> moves, boolean assignable) {}

    private record Rules(Map<String, Kind> kinds, Set<Post> consultationPosts, int consultationDays, int consultationMaxDays,
                         List<Map<String, Object>> defaults, Citation basis) {}

    private static final Rules RULES = read();

    /** The kinds of step a procedure's steps may name. */
    public static Set<String> kinds() { return RULES.kinds().keySet(); }

    public static Kind kind(String code) { return RULES.kinds().get(code); }

    public static Citation basis() { return RULES.basis(); }

    /** The posts that answer a consultation sent to their unit. */
    public static Set<Post> consultationPosts() { return RULES.consultationPosts(); }

    public static int consultationMaxDays() { return RULES.consultationMaxDays(); }

    private final String procedureCode;
    private final int procedureVersion;
    private final String agency;
    private final String oneStopUnit;
    private final List<Stage> stages;
    private final boolean defaulted;

    private Process(String procedureCode, int procedureVersion, String agency, String oneStopUnit, List<Stage> stages, boolean defaulted) {
        this.procedureCode = procedureCode;
        this.procedureVersion = procedureVersion;
        this.agency = agency;
        this.oneStopUnit = oneStopUnit;
        this.stages = stages;
        this.defaulted = defaulted;
    }

    /** The process of {@code p}, with the units of its agency. */
    public static Process of(Procedure p) { return of(p, Organisation.standard()); }

    public static Process of(Procedure p, Organisation org) {
        Organisation.Agency a = org.agency(p.agencyCode()).orElseThrow(() -> new IllegalStateException(
                "procedure " + p.code() + " belongs to agency " + p.agencyCode() + ", which rules/organisation.json does not list"));
        String oneStop = a.oneStop().code();
        String processing = a.processingUnitFor(p.code());
        List<Procedure.Step> steps = p.steps().isEmpty() ? defaults(p.timeLimit()) : p.steps();
        List<Stage> out = new ArrayList<>();
        for (Procedure.Step s : steps) {
            Kind k = RULES.kinds().get(s.code());
            if (k == null) throw new IllegalStateException("procedure " + p.code() + " names step " + s.code() + ", not one of " + kinds());
            String unit = "one-stop".equals(k.unitRole()) ? oneStop : processing;
            out.add(new Stage(out.size(), k.code(), s.name() == null ? k.name() : s.name(), s.budget(), unit, k.posts(), k.moves(), k.assignable()));
        }
        return new Process(p.code(), p.version(), p.agencyCode(), oneStop, List.copyOf(out), p.steps().isEmpty());
    }

    /** The default steps for a time limit whose procedure lists none (marked unconfirmed in the data). */
    static List<Procedure.Step> defaults(Period limit) {
        int fixed = 0;
        for (Map<String, Object> s : RULES.defaults()) if (s.get("days") != null) fixed += ((Number) s.get("days")).intValue();
        List<Procedure.Step> out = new ArrayList<>();
        for (Map<String, Object> s : RULES.defaults()) {
            String code = Json.str(s, "code");
            int days = Boolean.TRUE.equals(s.get("rest")) ? Math.max(0, limit.days() - fixed) : ((Number) s.get("days")).intValue();
            out.add(new Procedure.Step(code, RULES.kinds().get(code).name(), new Period(days, limit.unit())));
        }
        return out;
    }

    public String procedureCode() { return procedureCode; }

    public int procedureVersion() { return procedureVersion; }

    public String agency() { return agency; }

    public String oneStopUnit() { return oneStopUnit; }

    public List<Stage> stages() { return stages; }

    /** The procedure lists no steps: the default split of the time limit is used (unconfirmed). */
    public boolean defaulted() { return defaulted; }

    public Stage first() { return stages.get(0); }

    public Optional<Stage> stage(String code) { return stages.stream().filter(s -> s.code().equals(code)).findFirst(); }

    public Optional<Stage> next(Stage s) { return s.index() + 1 < stages.size() ? Optional.of(stages.get(s.index() + 1)) : Optional.empty(); }

    public Optional<Stage> previous(Stage s) { return s.index() > 0 ? Optional.of(stages.get(s.index() - 1)) : Optional.empty(); }

    /** The budget of a consultation: the process's inter-agency step if it has one, else the default of the rules. */
    public Period consultationBudget() {
        return stage("inter-agency").map(Stage::budget).orElse(Period.workingDays(RULES.consultationDays()));
    }

    /**
     * The step {@code d} is at: its recorded step, or reception for a dossier at the one-stop desk that has none
     * (submitted, awaiting a supplement, or received before steps were recorded); empty once decided.
     */
    public Optional<Stage> current(Dossier d) {
        if (d.processing() != null && d.processing().step() != null) return stage(d.processing().step());
        return switch (d.status()) {
            case SUBMITTED, AWAITING_SUPPLEMENT, RECEIVED -> Optional.of(first());
            default -> Optional.empty();
        };
    }

    /** The unit whose work {@code d} is now: its step's unit, the one-stop desk before and after (result), none for a draft. */
    public String holder(Dossier d) {
        if (d.status() == DossierStatus.DRAFT) return null;
        return current(d).map(Stage::unit).orElse(oneStopUnit);
    }

    /**
     * The units that have had {@code d} so far, whose officials see it: none for a dossier never submitted (a draft
     * is the applicant's alone); the one-stop desk from submission on; and every unit a step actually brought it to
     * ({@code reached}: {@link Dossier#reached()}).
     * A unit a refused or withdrawn dossier never got to does not see it.
     */
    public Set<String> unitsReached(Dossier d, List<String> reached) {
        Set<String> out = new java.util.LinkedHashSet<>();
        if (d.submittedAt() == null && d.receivedAt() == null) return out;
        out.add(oneStopUnit);
        if (reached != null) out.addAll(reached);
        return out;
    }

    /** The moves officials make through the officials' API, in the order the pages show them. */
    public static final List<String> OFFICIAL_MOVES = List.of("start-processing", "assign", "forward", "consult",
            "answer-consultation", "request-supplement", "return", "approve", "issue-result", "return-result", "extend", "stop", "refuse");

    /**
     * Why {@code official} may not make {@code action} on {@code d} now, or empty when they may: the workflow allows
     * the move from the status (else REFUSED); at the dossier's step the move is allowed and the official holds
     * the step's post in the step's unit, and at a step worked by one assignee it is theirs or they lead the unit
     * (else FORBIDDEN); the step has a next or previous one, and no consultation is waiting (else REFUSED). An
     * answer to a consultation is for the consulted agency and unit.
     */
    public Optional<DomainException> refusal(Dossier d, Actor official, String action) {
        if (official.role() != Role.OFFICIAL) return Optional.of(forbidden("not-an-official",
                new Text("Chỉ công chức được thực hiện thao tác này.", "Only an official may do this.")));
        if (Workflow.standard().find(d.status(), action, Role.OFFICIAL).isEmpty()) {
            try {
                Workflow.standard().require(d.status(), action, Role.OFFICIAL);
            } catch (DomainException e) {
                return Optional.of(e);
            }
        }
        Processing p = d.processing();
        if ("answer-consultation".equals(action)) {
            Processing.Consultation c = p == null ? null : p.consultation();
            if (c == null || !c.open()) return Optional.of(refused("no-open-consultation",
                    new Text("Hồ sơ không có yêu cầu xin ý kiến đang chờ trả lời.", "The dossier has no consultation waiting for an answer.")));
            if (!c.agency().equals(official.agency()) || !c.unit().equals(official.unit())) return Optional.of(forbidden("not-consulted",
                    new Text("Yêu cầu xin ý kiến gửi đơn vị " + c.unit() + " (" + c.agency() + ").",
                            "The consultation is addressed to unit " + c.unit() + " (" + c.agency() + ").")));
            if (!consultationPosts().contains(official.post())) return Optional.of(forbidden("wrong-post",
                    new Text("Chức danh của bạn không trả lời xin ý kiến.", "Your post does not answer consultations.")));
            return Optional.empty();
        }
        if ("issue-result".equals(action) || "return-result".equals(action) || "revoke-result".equals(action)) {
            // after the approval: the signing step's leader issues the result; the one-stop desk records its return
            Stage last = stages.get(stages.size() - 1);
            boolean leader = !"return-result".equals(action);
            String unit = leader ? last.unit() : oneStopUnit;
            if (!agency.equals(official.agency()) || !unit.equals(official.unit())
                    || (leader ? official.post() != Post.LEADER : official.post() != Post.ONE_STOP)) {
                return Optional.of(forbidden("not-your-unit", new Text(leader ? "Lãnh đạo đơn vị giải quyết ban hành kết quả."
                        : "Bộ phận Một cửa ghi nhận việc trả kết quả.", leader ? "The resolving unit's leader issues the result."
                        : "The one-stop desk records the return of the result.")));
            }
            return Optional.empty();
        }
        Optional<Stage> at = current(d);
        if (at.isEmpty()) return Optional.of(refused("not-at-a-step",
                new Text("Hồ sơ không ở bước xử lý nào.", "The dossier is not at a step of its process.")));
        Stage s = at.get();
        Text stepName = s.name();
        if (!s.moves().contains(action)) return Optional.of(forbidden("not-at-this-step",
                new Text("Không thực hiện thao tác này ở bước \"" + stepName.vi() + "\".",
                        "This move is not made at the step \"" + stepName.en() + "\".")));
        if (!agency.equals(official.agency()) || !s.unit().equals(official.unit())) return Optional.of(forbidden("not-your-unit",
                new Text("Bước \"" + stepName.vi() + "\" do đơn vị " + s.unit() + " xử lý.",
                        "The step \"" + stepName.en() + "\" is handled by unit " + s.unit() + ".")));
        if (!s.posts().contains(official.post())) return Optional.of(forbidden("wrong-post",
                new Text("Bước \"" + stepName.vi() + "\" do " + postsLabel(s, true) + " thực hiện.",
                        "The step \"" + stepName.en() + "\" is for: " + postsLabel(s, false) + ".")));
        String assignee = p == null ? null : p.assignee();
        if (s.assignable() && !"assign".equals(action)) {
            if (assignee == null) return Optional.of(refused("not-assigned",
                    new Text("Hồ sơ chưa được phân công: nhận xử lý hoặc phân công trước.", "Nobody has the dossier yet: take it or assign it first.")));
            if (!assignee.equals(official.subject()) && official.post() != Post.LEADER) return Optional.of(forbidden("assigned-to-another",
                    new Text("Hồ sơ đã phân công cho công chức khác.", "The dossier is assigned to another official.")));
        }
        if ("assign".equals(action) && official.post() != Post.LEADER && assignee != null) {
            return Optional.of(refused(assignee.equals(official.subject()) ? "already-yours" : "assigned-to-another",
                    new Text("Hồ sơ đã được phân công; lãnh đạo đơn vị phân công lại.", "The dossier is assigned; the unit's leader reassigns it.")));
        }
        if (p != null && p.consulting() && List.of("forward", "approve", "consult", "start-processing").contains(action)) {
            return Optional.of(refused("consultation-open", new Text("Đang chờ ý kiến của " + p.consultation().unit() + " (" + p.consultation().agency() + ").",
                    "Waiting for the answer of " + p.consultation().unit() + " (" + p.consultation().agency() + ").")));
        }
        if (List.of("forward", "start-processing").contains(action) && next(s).isEmpty()) return Optional.of(refused("last-step",
                new Text("Đây là bước cuối của quy trình.", "This is the last step of the process.")));
        if ("return".equals(action) && previous(s).isEmpty()) return Optional.of(refused("first-step",
                new Text("Đây là bước đầu của quy trình.", "This is the first step of the process.")));
        return Optional.empty();
    }

    /** The moves of {@link #OFFICIAL_MOVES} that {@code official} may make on {@code d} now. */
    public List<String> allowed(Dossier d, Actor official) {
        return OFFICIAL_MOVES.stream().filter(m -> refusal(d, official, m).isEmpty()).toList();
    }

    /** Throws the refusal, if any. */
    public void require(Dossier d, Actor official, String action) {
        Optional<DomainException> no = refusal(d, official, action);
        if (no.isPresent()) throw no.get();
    }

    private static String postsLabel(Stage s, boolean vi) {
        return String.join(vi ? ", " : ", ", s.posts().stream().map(p -> vi ? Organisation.standard().label(p).vi()
                : Organisation.standard().label(p).en()).toList());
    }

    private static DomainException forbidden(String slug, Text t) { return new DomainException(DomainException.Kind.FORBIDDEN, slug, t); }

    private static DomainException refused(String slug, Text t) { return new DomainException(DomainException.Kind.REFUSED, slug, t); }

    private static Rules read() {
        Map<String, Object> root = Json.obj(Json.resource("/rules/process-steps.json"));
        Map<String, Kind> kinds = new LinkedHashMap<>();
        Json.obj(root.get("steps")).forEach((code, v) -> {
            Map<String, Object> k = Json.obj(v);
            List<String> moves = Json.list(k.get("moves")).stream().map(Object::toString).toList();
            for (String m : moves) {
                if (Workflow.standard().move(m).isEmpty()) throw new IllegalStateException("step " + code + " allows move " + m + ", which the workflow does not define");
            }
            String unit = Json.str(k, "unit");
            if (!"one-stop".equals(unit) && !"processing".equals(unit)) throw new IllegalStateException("step " + code + ": unit is one-stop or processing");
            kinds.put(code, new Kind(code, Json.text(k, "name"), unit, posts(k.get("posts")), moves, Boolean.TRUE.equals(k.get("assignable"))));
        });
        Map<String, Object> c = Json.obj(root.get("consultation"));
        Map<String, Object> def = Json.obj(root.get("default"));
        List<Map<String, Object>> defaults = Json.list(def.get("steps")).stream().map(Json::obj).toList();
        for (Map<String, Object> s : defaults) {
            if (!kinds.containsKey(Json.str(s, "code"))) throw new IllegalStateException("default step " + s.get("code") + " is not a kind of step");
        }
        return new Rules(java.util.Collections.unmodifiableMap(kinds), posts(c.get("posts")), ((Number) c.get("defaultDays")).intValue(),
                ((Number) c.get("maxDays")).intValue(), defaults, Citation.of(Json.obj(root.get("basis"))));
    }

    private static Set<Post> posts(Object list) {
        Set<Post> out = EnumSet.noneOf(Post.class);
        Json.list(list).forEach(p -> out.add(Post.valueOf(p.toString())));
        return java.util.Collections.unmodifiableSet(out);
    }
}
