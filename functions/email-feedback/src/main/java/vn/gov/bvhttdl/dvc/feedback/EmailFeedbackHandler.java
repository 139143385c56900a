package vn.gov.bvhttdl.dvc.feedback;

import vn.gov.bvhttdl.dvc.lambda.EventFunction;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.application.NoticeStore;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SES's feedback on the notifications' email (the configuration set publishes bounces and complaints to an SNS topic
 * this function is subscribed to): a permanent bounce or a complaint is recorded on the address, and the
 * notifications send it no more email (the portal inbox still gets every notice). A transient bounce changes nothing.
 * A message that is not SES feedback is logged and skipped; a failure to record is thrown (SNS retries, then the DLQ).
 * The adapters are wired in {@link EmailFeedbackBeans}.
 */
public class EmailFeedbackHandler extends EventFunction<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(EmailFeedbackHandler.class);

    @Inject
    NoticeStore notices;

    @Override
    public Map<String, Object> execute(Map<String, Object> event) {
        int suppressed = 0, ignored = 0;
        for (Object rec : Json.list(event.get("Records"))) {
            Map<String, Object> sns = Json.obj(Json.obj(rec).getOrDefault("Sns", Map.of()));
            Object message = sns.get("Message");
            Map<String, Object> m;
            try {
                m = message == null ? Map.of() : Json.obj(Json.parse(String.valueOf(message)));
            } catch (RuntimeException notJson) {
                LOG.warn("feedback message is not JSON: skipped");
                ignored++;
                continue;
            }
            String type = String.valueOf(m.getOrDefault("notificationType", m.getOrDefault("eventType", "")));
            Instant at = Instant.now();
            if (type.equals("Bounce")) {
                Map<String, Object> b = Json.obj(m.getOrDefault("bounce", Map.of()));
                if (!"Permanent".equals(b.get("bounceType"))) { ignored++; continue; }
                for (Object r : Json.list(b.get("bouncedRecipients"))) {
                    String address = String.valueOf(Json.obj(r).get("emailAddress"));
                    notices.suppress(address, "Permanent bounce: " + b.getOrDefault("bounceSubType", ""), at);
                    suppressed++;
                }
            } else if (type.equals("Complaint")) {
                Map<String, Object> c = Json.obj(m.getOrDefault("complaint", Map.of()));
                for (Object r : Json.list(c.get("complainedRecipients"))) {
                    notices.suppress(String.valueOf(Json.obj(r).get("emailAddress")), "Complaint: " + c.getOrDefault("complaintFeedbackType", ""), at);
                    suppressed++;
                }
            } else {
                ignored++;
            }
        }
        LOG.info("email feedback: {} addresses suppressed, {} messages ignored", suppressed, ignored);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("suppressed", suppressed);
        out.put("ignored", ignored);
        return out;
    }
}
