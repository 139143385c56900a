package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.NotificationRules;

import java.util.Map;

/** Port: a message drawn from its template and the dossier's fields (a template library, not string concatenation). */
public interface MessageRenderer {
    record Rendered(String subject, String text, String html, String sms) {}

    /** {@code smsCapacity}: the characters the SMS may take (unaccented, GSM-7). */
    Rendered render(NotificationRules.Template template, Map<String, Object> model, int smsCapacity);
}
