package vn.gov.bvhttdl.dvc.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The evaluation of one dossier's resolution ({@code rules/survey.json}): the criteria the system computes from the
 * record, each 2 / 1 / 0, and the applicant's own rating; when the survey opens and how long the answer may change.
 */
public final class Survey {
    /**
     * A computed criterion; {@code countsFaults} for indicator 3, whose faults' supplement requests count
     * ({@code faultWhenNotRecorded} for a request stored before the fault was recorded); empty for the others.
     */
    public record Criterion(String code, Text name, Map<String, String> scores, Set<String> countsFaults, String faultWhenNotRecorded) {
        public Criterion(String code, Text name, Map<String, String> scores) { this(code, name, scores, Set.of(), null); }

        public Criterion {
            countsFaults = countsFaults == null ? Set.of() : Set.copyOf(countsFaults);
        }
    }

    /** A moment the survey opens at: the move that makes it, and its name. */
    public record Moment(String move, Text name) {}

    public record Rating(String code, int score, Text label) {}

    /** A criterion's score for one dossier, with what it was computed from. */
    public record Score(String code, Text name, int score, String because) {}

    public record Rules(List<Criterion> criteria, Map<String, Rating> ratings, List<Moment> opensAt, Citation opensAtBasis, Duration editWindow,
                        List<Citation> basis) {
        /** Whether {@code move} is a moment the survey opens (or opens again) at. */
        public boolean opensAt(String move) { return opensAt.stream().anyMatch(m -> m.move().equals(move)); }
    }

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Rules STANDARD = read(Json.obj(Json.resource("/rules/survey.json")));

    private Survey() {}

    public static Rules rules() { return STANDARD; }

    static Rules read(Map<String, Object> m) {
        List<Criterion> criteria = Json.list(m.get("criteria")).stream().map(Json::obj).map(c -> {
            Map<String, String> scores = new LinkedHashMap<>();
            Json.obj(c.get("scores")).forEach((k, v) -> scores.put(k, String.valueOf(v)));
            Set<String> faults = c.get("countsFaults") == null ? Set.of()
                    : Json.list(c.get("countsFaults")).stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
            return new Criterion(Json.str(c, "code"), Json.text(c, "name"), Map.copyOf(scores), faults, Json.str(c, "faultWhenNotRecorded"));
        }).toList();
        Map<String, Rating> ratings = new LinkedHashMap<>();
        Json.obj(m.get("ratings")).forEach((k, v) -> {
            Map<String, Object> r = Json.obj(v);
            ratings.put(k, new Rating(k, ((Number) r.get("score")).intValue(), Json.text(r, "label")));
        });
        List<Moment> opens = Json.list(m.get("opensAt")).stream().map(Json::obj).map(o -> new Moment(Json.str(o, "move"), Json.text(o, "moment"))).toList();
        for (Moment o : opens) {
            if (Workflow.standard().move(o.move()).isEmpty()) throw new IllegalStateException("survey.json: opensAt names no move of the workflow: " + o.move());
        }
        List<Citation> basis = Json.list(m.get("basis")).stream().map(Json::obj).map(Citation::of).toList();
        return new Rules(criteria, Map.copyOf(ratings), opens, Citation.of(Json.obj(m.get("opensAtBasis"))),
                Duration.ofDays(((Number) m.get("editDays")).longValue()), basis);
    }

    /** When the dossier's survey opened (the first of the moments it opens at: the receipt, a supplement request...), or null. */
    public static Instant openedAt(List<AuditEvent> history) {
        for (AuditEvent e : history) if (STANDARD.opensAt(e.action())) return e.at();
        return null;
    }

    /** The latest moment the survey opened (again) at, from which the answer may change for the edit window; or null. */
    public static Instant lastOpenedAt(List<AuditEvent> history) {
        Instant last = null;
        for (AuditEvent e : history) if (STANDARD.opensAt(e.action())) last = e.at();
        return last;
    }

    /**
     * The computed indicators of one dossier (Circular 01/2018/TT-VPCP Art 14: indicators 1, 2, 3, 4, 6 and 7).
     * {@code slip}: the control slip's lines (each unit's time); {@code procedure}: the procedure version the dossier
     * was made under as the public catalogue shows it (null when it is not there). The agency-level rates of Decision
     * 766 (online payment, electronic results) are not scored here.
     */
    public static List<Score> score(Dossier d, List<AuditEvent> history, List<ControlSlip.Line> slip, Procedure procedure) {
        Map<String, Criterion> c = new LinkedHashMap<>();
        for (Criterion x : STANDARD.criteria()) c.put(x.code(), x);
        List<Score> out = new ArrayList<>();
        // 1 total time: the day it was decided against the appointment date
        Instant decided = history.stream().filter(e -> e.to() == DossierStatus.RESULT_READY || e.to() == DossierStatus.REFUSED
                || e.to() == DossierStatus.STOPPED).map(AuditEvent::at).findFirst().orElse(null);
        LocalDate day = decided == null ? null : decided.atZone(VN).toLocalDate();
        int timing = day == null || d.dueDate() == null ? 1 : day.isBefore(d.dueDate()) ? 2 : day.isEqual(d.dueDate()) ? 1 : 0;
        String when = day == null || d.dueDate() == null ? "no decision or appointment on record" : "decided " + day + ", appointment " + d.dueDate();
        if (c.containsKey("total-time")) out.add(new Score("total-time", c.get("total-time").name(), timing, when));
        // 2 each body's time
        if (c.containsKey("unit-time")) {
            List<ControlSlip.Line> steps = slip.stream().filter(l -> l.left() != null && l.due() != null).toList();
            boolean late = slip.stream().anyMatch(ControlSlip.Line::late);
            boolean early = !steps.isEmpty() && steps.stream().allMatch(l -> l.left().atZone(VN).toLocalDate().isBefore(l.due()));
            out.add(new Score("unit-time", c.get("unit-time").name(), late ? 0 : early ? 2 : 1,
                    steps.size() + " steps" + (late ? ", one over its budget" : early ? ", all before their due dates" : ", within their budgets")));
        }
        // 3 contacts with the desk to complete the dossier: the supplement requests sent, those of the faults that count
        // (not the applicant's own: the dossier lacked something)
        if (c.containsKey("completion-contacts")) {
            Criterion k = c.get("completion-contacts");
            List<AuditEvent> requests = history.stream().filter(e -> e.action().equals("request-supplement")).toList();
            long supplements = requests.stream().map(e -> e.details().get("fault") != null ? e.details().get("fault") : k.faultWhenNotRecorded())
                    .filter(f -> f != null && k.countsFaults().contains(f)).count();
            out.add(new Score("completion-contacts", k.name(), supplements == 0 ? 2 : supplements == 1 ? 1 : 0,
                    supplements + " of " + requests.size() + " supplement requests counted (fault " + String.join("/", new java.util.TreeSet<>(k.countsFaults())) + ")"));
        }
        // 4 bodies the applicant had to contact: none when everything was online, else the one-stop desk only (other
        // agencies are consulted by the agency, not by the applicant)
        if (c.containsKey("contacted-bodies")) {
            Facts f = d.facts() != null ? d.facts() : Facts.fromTrail(history);
            boolean cameIn = f.origin().channel() != Facts.Channel.ONLINE;
            boolean collected = f.returnChannel() != null && !"online".equals(f.returnChannel());
            out.add(new Score("contacted-bodies", c.get("contacted-bodies").name(), cameIn || collected ? 1 : 2,
                    "submitted " + f.origin().channel().name().toLowerCase() + (f.returnChannel() == null ? "" : ", result " + f.returnChannel())));
        }
        // 6 publicity of the procedure
        if (c.containsKey("publicity")) {
            int s = procedure == null ? 0 : procedure.legalBasis() == null || procedure.legalBasis().isEmpty() ? 1 : 2;
            out.add(new Score("publicity", c.get("publicity").name(), s,
                    procedure == null ? "not in the public catalogue" : procedure.code() + " v" + procedure.version() + " in the public catalogue"
                            + (s == 2 ? " with its legal basis" : " without its legal basis")));
        }
        // 7 officials' conduct: no complaint is recorded, so the decision's timing
        if (c.containsKey("conduct")) out.add(new Score("conduct", c.get("conduct").name(), timing, when + "; no complaint recorded"));
        return List.copyOf(out);
    }
}
