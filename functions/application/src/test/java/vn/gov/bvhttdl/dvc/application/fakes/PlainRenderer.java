package vn.gov.bvhttdl.dvc.application.fakes;

import vn.gov.bvhttdl.dvc.application.MessageRenderer;
import vn.gov.bvhttdl.dvc.domain.NotificationRules;

import java.util.Map;

/** For the use-case tests: {{field}} replaced by its value, sections dropped (the real one is Mustache, tested on its own). */
public final class PlainRenderer implements MessageRenderer {
    static String fill(String t, Map<String, Object> m) {
        if (t == null) return "";
        String s = t.replaceAll("\\{\\{[#/][a-zA-Z]+}}", "");
        for (var e : m.entrySet()) s = s.replace("{{" + e.getKey() + "}}", String.valueOf(e.getValue()));
        return s;
    }

    @Override
    public Rendered render(NotificationRules.Template t, Map<String, Object> model, int smsCapacity) {
        String text = fill(t.text(), model);
        return new Rendered(fill(t.subject(), model), text, "<p>" + text + "</p>", fill(t.sms(), model));
    }
}
