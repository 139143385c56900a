package vn.gov.bvhttdl.dvc.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The evaluation of one dossier's resolution ({@code rules/survey.json}): the criteria the system computes from the
 * record, each 2 / 1 / 0, and the applicant's own rating; when the survey opens and how long the answer may change.
 */
public final class Survey {
    public record Criterion(String code, Text name, Map<String, String> scores) {}

    public record Rating(String code, int score, Text label) {}

    /** A criterion's score for one dossier, with what it was computed from. */
    public record Score(String code, Text name, int score, String because) {}

    public record Rules(List<Criterion> criteria, Map<String, Rating> ratings, Set<DossierStatus> opensWhen, Duration editWindow, List<Citation> basis) {}

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Rules STANDARD = read(Json.obj(Json.resource("/rules/survey.json")));

    private Survey() {}

    public static Rules rules() { return STANDARD; }

    static Rules read(Map<String, Object> m) {
        List<Criterion> criteria = Json.list(m.get("criteria")).stream().map(Json::obj).map(c -> {
            Map<String, String> scores = new LinkedHashMap<>();
            Json.obj(c.get("scores")).forEach((k, v) -> scores.put(k, String.valueOf(v)));
            return new Criterion(Json.str(c, "code"), Json.text(c, "name"), Map.copyOf(scores));
        }).toList();
        Map<String, Rating> ratings = new LinkedHashMap<>();
        Json.obj(m.get("ratings")).forEach((k, v) -> {
            Map<String, Object> r = Json.obj(v);
            ratings.put(k, new Rating(k, ((Number) r.get("score")).intValue(), Json.text(r, "label")));
        });
        Set<DossierStatus> opens = Json.list(m.get("opensWhen")).stream().map(String::valueOf).map(DossierStatus::valueOf).collect(Collectors.toUnmodifiableSet());
        List<Citation> basis = Json.list(m.get("basis")).stream().map(Json::obj).map(Citation::of).toList();
        return new Rules(criteria, Map.copyOf(ratings), opens, Duration.ofDays(((Number) m.get("editDays")).longValue()), basis);
    }

    /** When the dossier's survey opened (its first move into a status that opens it), or null. */
    public static Instant openedAt(List<AuditEvent> history) {
        for (AuditEvent e : history) if (e.to() != null && STANDARD.opensWhen().contains(e.to())) return e.at();
        return null;
    }

    /**
     * The computed criteria. {@code slip}: the control slip's lines (each unit's time); {@code paidOnline}: the
     * dossier's fees were all paid online (true also when it had none to pay); {@code electronicResult}: a signed
     * result was issued; {@code returnedOnline}: it reached the applicant online.
     */
    public static List<Score> score(Dossier d, List<AuditEvent> history, List<ControlSlip.Line> slip, boolean feesDue, boolean paidOnline,
                                    boolean electronicResult, boolean returnedOnline) {
        Map<String, Criterion> c = new LinkedHashMap<>();
        for (Criterion x : STANDARD.criteria()) c.put(x.code(), x);
        List<Score> out = new ArrayList<>();
        // total time: the day it was decided against the appointment date
        Instant decided = history.stream().filter(e -> e.to() == DossierStatus.RESULT_READY || e.to() == DossierStatus.REFUSED
                || e.to() == DossierStatus.STOPPED).map(AuditEvent::at).findFirst().orElse(null);
        if (c.containsKey("total-time")) {
            int s;
            String why;
            if (decided == null || d.dueDate() == null) {
                s = 1;
                why = "no decision or appointment on record";
            } else {
                LocalDate day = decided.atZone(VN).toLocalDate();
                s = day.isBefore(d.dueDate()) ? 2 : day.isEqual(d.dueDate()) ? 1 : 0;
                why = "decided " + day + ", appointment " + d.dueDate();
            }
            out.add(new Score("total-time", c.get("total-time").name(), s, why));
        }
        if (c.containsKey("unit-time")) {
            List<ControlSlip.Line> steps = slip.stream().filter(l -> l.left() != null && l.due() != null).toList();
            boolean late = slip.stream().anyMatch(ControlSlip.Line::late);
            boolean early = !steps.isEmpty() && steps.stream().allMatch(l -> l.left().atZone(VN).toLocalDate().isBefore(l.due()));
            out.add(new Score("unit-time", c.get("unit-time").name(), late ? 0 : early ? 2 : 1,
                    steps.size() + " steps" + (late ? ", one over its budget" : early ? ", all before their due dates" : ", within their budgets")));
        }
        long supplements = history.stream().filter(e -> e.action().equals("request-supplement")).count();
        if (c.containsKey("supplements")) {
            out.add(new Score("supplements", c.get("supplements").name(), supplements == 0 ? 2 : supplements == 1 ? 1 : 0, supplements + " requests"));
        }
        long contacts = history.stream().filter(e -> e.action().equals("return-result") && !"online".equals(e.details().get("channel"))).count();
        if (c.containsKey("contacts")) {
            out.add(new Score("contacts", c.get("contacts").name(), contacts == 0 ? 2 : contacts == 1 ? 1 : 0, contacts + " in person"));
        }
        Set<String> agencies = new LinkedHashSet<>();
        agencies.add(d.agencyCode());
        for (AuditEvent e : history) if (e.action().equals("consult") && e.details().get("consultedAgency") != null) agencies.add(e.details().get("consultedAgency"));
        if (c.containsKey("agencies")) {
            out.add(new Score("agencies", c.get("agencies").name(), agencies.size() <= 1 ? 2 : agencies.size() == 2 ? 1 : 0, String.join(", ", agencies)));
        }
        if (c.containsKey("online-payment")) {
            out.add(new Score("online-payment", c.get("online-payment").name(), !feesDue || paidOnline ? 2 : 0,
                    !feesDue ? "no fee paid online for this procedure" : paidOnline ? "paid online" : "not paid online"));
        }
        if (c.containsKey("electronic-result")) {
            out.add(new Score("electronic-result", c.get("electronic-result").name(), electronicResult ? (returnedOnline ? 2 : 1) : 0,
                    electronicResult ? (returnedOnline ? "signed result downloaded" : "signed result, collected in person") : "no electronic result"));
        }
        return List.copyOf(out);
    }
}
