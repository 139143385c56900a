package vn.gov.bvhttdl.dvc.local.runner;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the citizens were sent, offline: the email read back from the SMTP server (GreenMail) and the SMS from the
 * outbox in the table, at {@code /dev/outbox} (HTML) and {@code /dev/outbox.json} (to, channel, subject, text,
 * sentAt, dossier code), oldest first.
 */
final class DevOutbox {
    private final com.icegreen.greenmail.util.GreenMail mail;
    private final DynamoDbClient ddb;
    private final String table;

    DevOutbox(com.icegreen.greenmail.util.GreenMail mail, DynamoDbClient ddb, String table) {
        this.mail = mail;
        this.ddb = ddb;
        this.table = table;
    }

    List<Map<String, Object>> messages() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            try {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("channel", "email");
                e.put("to", m.getAllRecipients() == null ? "" : m.getAllRecipients()[0].toString());
                e.put("subject", m.getSubject());
                e.put("text", text(m.getContent()));
                e.put("sentAt", (m.getSentDate() == null ? Instant.now() : m.getSentDate().toInstant()).toString());
                String[] code = m.getHeader("X-DVC-Dossier");
                e.put("dossierCode", code == null ? "" : code[0]);
                String[] key = m.getHeader("X-DVC-Message");
                e.put("key", key == null ? "" : key[0]);
                out.add(e);
            } catch (Exception unreadable) {
                out.add(Map.of("channel", "email", "error", String.valueOf(unreadable)));
            }
        }
        var page = ddb.query(b -> b.tableName(table).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("OUTBOX#sms"))));
        for (var i : page.items()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("channel", "sms");
            e.put("to", i.get("to").s());
            e.put("subject", "");
            e.put("text", i.get("text").s());
            e.put("sentAt", i.get("sentAt").s());
            e.put("dossierCode", i.get("dossierCode").s());
            String sk = i.get("SK").s();
            e.put("key", sk.substring(sk.indexOf('#') + 1));
            out.add(e);
        }
        out.sort(Comparator.comparing(e -> String.valueOf(e.get("sentAt"))));
        return out;
    }

    private static String text(Object content) throws Exception {
        if (content instanceof String s) return s;
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart p = mp.getBodyPart(i);
                if (p.isMimeType("text/plain")) return String.valueOf(p.getContent());
            }
            return text(mp.getBodyPart(0).getContent());
        }
        return String.valueOf(content);
    }

    String json() { return Json.write(messages()); }

    String html() {
        StringBuilder b = new StringBuilder("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>Hộp thư đi (thử nghiệm) – Outbox</title><link rel=\"stylesheet\" href=\"/styles.css\"></head><body><main id=\"main\" class=\"narrow\">"
                + "<h1>Hộp thư đi <span lang=\"en\">/ Outbox</span></h1><p class=\"muted\">Thư điện tử và tin nhắn hệ thống đã gửi, trên máy này (môi trường phát triển). "
                + "<a href=\"/dev/outbox.json\">JSON</a></p><table class=\"data\" id=\"outbox\"><thead><tr><th scope=\"col\">Lúc / At</th><th scope=\"col\">Kênh / Channel</th>"
                + "<th scope=\"col\">Đến / To</th><th scope=\"col\">Hồ sơ / Dossier</th><th scope=\"col\">Tiêu đề / Subject</th><th scope=\"col\">Nội dung / Text</th></tr></thead><tbody>");
        for (Map<String, Object> m : messages()) {
            b.append("<tr><td>").append(esc(m.get("sentAt"))).append("</td><td>").append(esc(m.get("channel"))).append("</td><td>").append(esc(m.get("to")))
                    .append("</td><td>").append(esc(m.get("dossierCode"))).append("</td><td>").append(esc(m.get("subject"))).append("</td><td><pre>")
                    .append(esc(m.get("text"))).append("</pre></td></tr>");
        }
        return b.append("</tbody></table></main></body></html>").toString();
    }

    private static String esc(Object o) {
        return vn.gov.bvhttdl.dvc.domain.Html.escape(o == null ? "" : String.valueOf(o));
    }
}
