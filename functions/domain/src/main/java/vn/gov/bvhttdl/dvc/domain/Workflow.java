package vn.gov.bvhttdl.dvc.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The dossier state machine, read from {@code /rules/dossier-workflow.json}. */
public final class Workflow {
    /**
     * One allowed move: {@code action} by one of {@code roles} takes a dossier from any of {@code from} to {@code to}
     * (null: the status stays, the move is between the steps of the process); {@code internal}: the applicant sees
     * that it happened, not its reason and details;
     * {@code form} is the number ("01"…"07") of the standard form the move issues, if any.
     */
    public record Transition(String action, Set<DossierStatus> from, DossierStatus to, Set<Role> roles,
                             Text label, Citation basis, String form, String clock, boolean internal) {
        /** The status after this move from {@code from}: its {@code to}, or the same status for a move within the process. */
        public DossierStatus target(DossierStatus from) { return to == null ? from : to; }

        /** This move stops the clock (waiting for the applicant). */
        public boolean pausesClock() { return "pause".equals(clock); }

        /** This move starts the stopped clock again. */
        public boolean resumesClock() { return "resume".equals(clock); }
    }

    /** A standard form of the one-stop mechanism (Circular 03/2025/TT-VPCP, Annex I): its number, name and basis. */
    public record Form(String number, Text name, Citation basis) {
        /** "Mẫu số 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ" / "Form 02: …". */
        public Text title() {
            return new Text("Mẫu số " + number + ": " + name.vi(), "Form " + number + ": " + name.en());
        }
    }

    private final Map<DossierStatus, Text> labels;
    private final List<Transition> transitions;
    private final Map<String, Form> forms;

    private Workflow(Map<DossierStatus, Text> labels, List<Transition> transitions, Map<String, Form> forms) {
        this.labels = labels;
        this.transitions = transitions;
        this.forms = forms;
    }

    private static final Workflow STANDARD = read();

    public static Workflow standard() { return STANDARD; }

    private static Workflow read() {
        Map<String, Object> root = Json.obj(Json.resource("/rules/dossier-workflow.json"));
        Map<DossierStatus, Text> labels = new EnumMap<>(DossierStatus.class);
        Json.obj(root.get("statuses")).forEach((k, v) -> labels.put(DossierStatus.valueOf(k), Json.text(Json.obj(v), "label")));
        for (DossierStatus s : DossierStatus.values()) {
            if (!labels.containsKey(s)) throw new IllegalStateException("workflow data has no label for " + s);
        }
        Map<String, Form> forms = new java.util.TreeMap<>();
        Json.obj(root.get("forms")).forEach((number, v) -> {
            Map<String, Object> f = Json.obj(v);
            forms.put(number, new Form(number, Json.text(f, "name"), Citation.of(Json.obj(f.get("basis")))));
        });
        List<Transition> ts = Json.list(root.get("transitions")).stream().map(Json::obj).map(m -> {
            Set<DossierStatus> from = EnumSet.noneOf(DossierStatus.class);
            Json.list(m.get("from")).forEach(s -> from.add(DossierStatus.valueOf(s.toString())));
            Set<Role> roles = EnumSet.noneOf(Role.class);
            Json.list(m.get("roles")).forEach(r -> roles.add(Role.valueOf(r.toString())));
            return new Transition(Json.str(m, "action"), from, m.get("to") == null ? null : DossierStatus.valueOf(Json.str(m, "to")), roles,
                    Json.text(m, "label"), m.get("basis") == null ? null : Citation.of(Json.obj(m.get("basis"))),
                    Json.str(m, "form"), Json.str(m, "clock"), "officials".equals(m.get("audience")));
        }).toList();
        for (Transition t : ts) {
            if (t.form() != null && !forms.containsKey(t.form())) {
                throw new IllegalStateException("transition " + t.action() + " names form " + t.form() + ", which the data does not define");
            }
        }
        return new Workflow(labels, ts, java.util.Collections.unmodifiableMap(forms));
    }

    /** The move named {@code action}, whatever its status and role (its data: labels, form, clock). */
    public Optional<Transition> move(String action) {
        return transitions.stream().filter(t -> t.action().equals(action)).findFirst();
    }

    /** The standard forms by number ("01"…"07"). */
    public Map<String, Form> forms() { return forms; }

    public Form form(String number) {
        Form f = forms.get(number);
        if (f == null) throw new IllegalArgumentException("no form " + number);
        return f;
    }

    public Text label(DossierStatus s) { return labels.get(s); }

    public List<Transition> transitions() { return transitions; }

    /** The move {@code action} from {@code status} by {@code role}, if the rules allow it. */
    public Optional<Transition> find(DossierStatus status, String action, Role role) {
        return transitions.stream()
                .filter(t -> t.action().equals(action) && t.from().contains(status) && t.roles().contains(role))
                .findFirst();
    }

    public Transition require(DossierStatus status, String action, Role role) {
        return find(status, action, role).orElseThrow(() -> new DomainException(DomainException.Kind.REFUSED,
                "illegal-transition",
                new Text("Không thể thực hiện thao tác \"" + action + "\" khi hồ sơ đang ở trạng thái \""
                        + label(status).vi() + "\".",
                        "Action \"" + action + "\" is not allowed while the dossier is \"" + label(status).en() + "\".")));
    }
}
