package vn.gov.bvhttdl.dvc.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which moves the applicant is told of, on which channels, which notices cannot be switched off, and the messages'
 * templates per kind and language: data ({@code rules/notifications.json}, {@code rules/notification-templates.json}).
 */
public record NotificationRules(Map<String, Event> events, List<String> channels, Map<String, Boolean> defaults,
                                Map<String, Map<String, Template>> templates, int smsSegments, List<Citation> basis) {

    /** What a move is, for the applicant: its kind and whether the notice is required (cannot be switched off). */
    public record Event(String action, String kind, boolean required) {}

    /** One message's templates (Mustache): the email's subject and text, the SMS (unaccented). */
    public record Template(String subject, String text, String sms) {}

    public static final String INBOX = "inbox", EMAIL = "email", SMS = "sms";

    private static final NotificationRules STANDARD = read(Json.obj(Json.resource("/rules/notifications.json")),
            Json.obj(Json.resource("/rules/notification-templates.json")));

    public static NotificationRules standard() { return STANDARD; }

    static NotificationRules read(Map<String, Object> m, Map<String, Object> t) {
        Map<String, Event> events = new LinkedHashMap<>();
        Json.obj(m.get("events")).forEach((action, v) -> {
            Map<String, Object> e = Json.obj(v);
            if (Workflow.standard().move(action).isEmpty()) throw new IllegalArgumentException("notifications.json: no move " + action);
            events.put(action, new Event(action, Json.str(e, "kind"), Boolean.TRUE.equals(e.get("required"))));
        });
        Map<String, Map<String, Template>> templates = new LinkedHashMap<>();
        t.forEach((kind, v) -> {
            if (kind.equals("about")) return;
            Map<String, Template> byLang = new LinkedHashMap<>();
            Json.obj(v).forEach((lang, x) -> {
                Map<String, Object> tt = Json.obj(x);
                byLang.put(lang, new Template(Json.str(tt, "subject"), Json.str(tt, "text"), Json.str(tt, "sms")));
            });
            templates.put(kind, Map.copyOf(byLang));
        });
        for (Event e : events.values()) {
            Map<String, Template> byLang = templates.get(e.kind());
            if (byLang == null || !byLang.containsKey("vi") || !byLang.containsKey("en")) {
                throw new IllegalArgumentException("notification-templates.json: " + e.kind() + " needs vi and en");
            }
        }
        Map<String, Boolean> defaults = new LinkedHashMap<>();
        Json.obj(m.get("defaults")).forEach((k, v) -> defaults.put(k, Boolean.TRUE.equals(v)));
        List<String> channels = Json.list(m.get("channels")).stream().map(String::valueOf).toList();
        int segments = ((Number) Json.obj(m.get("sms")).get("maxSegments")).intValue();
        List<Citation> basis = Json.list(m.get("basis")).stream().map(Json::obj).map(Citation::of).toList();
        return new NotificationRules(Map.copyOf(events), channels, Map.copyOf(defaults), Map.copyOf(templates), segments, basis);
    }

    /** The notice a move calls for, if any. */
    public Optional<Event> event(String action) { return Optional.ofNullable(events.get(action)); }

    public Template template(String kind, String language) {
        Map<String, Template> byLang = templates.get(kind);
        if (byLang == null) throw new IllegalArgumentException("no template for " + kind);
        return byLang.getOrDefault(language, byLang.get("vi"));
    }

    /**
     * Whether {@code channel} carries {@code event} for someone whose choices are {@code chosen} (channel → on/off;
     * missing: the default). A required notice always goes to the inbox and by email.
     */
    public boolean sends(Event event, String channel, Map<String, Boolean> chosen) {
        if (event.required() && (channel.equals(INBOX) || channel.equals(EMAIL))) return true;
        Boolean c = chosen == null ? null : chosen.get(channel);
        return c != null ? c : defaults.getOrDefault(channel, false);
    }

    /** GSM-7 characters a message of {@code segments} segments holds (160 alone, 153 each when concatenated). */
    public static int smsCapacity(int segments) { return segments <= 1 ? 160 : 153 * segments; }
}
