package vn.gov.bvhttdl.dvc.notifications;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import vn.gov.bvhttdl.dvc.application.MessageRenderer;
import vn.gov.bvhttdl.dvc.domain.NotificationRules;

import java.io.StringReader;
import java.io.StringWriter;
import java.text.Normalizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages from their Mustache templates (mustache.java). The email's text is the template's text as is (no HTML
 * escaping: it is plain text); its HTML part is the same text escaped and in paragraphs, links made links. The SMS is
 * the SMS template, unaccented (Vietnamese letters to their base letter, đ to d) and cut to the capacity of its
 * segments, the link kept whole.
 */
public final class MustacheRenderer implements MessageRenderer {
    /** Plain text: Mustache's own HTML escaping off. */
    private static final MustacheFactory FACTORY = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, java.io.Writer writer) {
            try {
                writer.write(value);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    };
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

    private String fill(String template, Map<String, Object> model) {
        if (template == null) return "";
        Mustache m = compiled.computeIfAbsent(template, t -> FACTORY.compile(new StringReader(t), "t" + t.hashCode()));
        StringWriter w = new StringWriter();
        m.execute(w, model);
        return w.toString();
    }

    @Override
    public Rendered render(NotificationRules.Template template, Map<String, Object> model, int smsCapacity) {
        String subject = fill(template.subject(), model).replaceAll("[\\r\\n]+", " ").strip();
        String text = fill(template.text(), model);
        return new Rendered(subject, text, html(subject, text), sms(fill(template.sms(), model), smsCapacity));
    }

    static String escape(String s) { return vn.gov.bvhttdl.dvc.domain.Html.escape(s); }

    static String html(String subject, String text) {
        StringBuilder b = new StringBuilder("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(subject)).append("</title></head><body style=\"font-family:Arial,sans-serif;line-height:1.5;color:#1b1b1b\">");
        for (String para : text.split("\\n\\s*\\n")) {
            String p = escape(para.strip()).replace("\n", "<br>");
            p = p.replaceAll("(https?://[^\\s<]+)", "<a href=\"$1\">$1</a>");
            b.append("<p>").append(p).append("</p>");
        }
        b.append("<p style=\"color:#555;font-size:12px\">Cổng Dịch vụ công – Bộ Văn hóa, Thể thao và Du lịch. Thư tự động, vui lòng không trả lời.</p></body></html>");
        return b.toString();
    }

    /** Unaccented, GSM-7-safe, at most {@code capacity} characters; a link at the end is kept whole. */
    static String sms(String s, int capacity) {
        String plain = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        plain = plain.replaceAll("[^\\x20-\\x7E]", " ").replaceAll("\\s+", " ").strip();
        if (plain.length() <= capacity) return plain;
        int link = plain.lastIndexOf("http");
        if (link > 0 && plain.length() - link < capacity - 10) {
            String tail = plain.substring(link);
            return plain.substring(0, capacity - tail.length() - 2).strip() + "… ".replace('…', '.') + tail;
        }
        return plain.substring(0, capacity);
    }
}
