package vn.gov.bvhttdl.dvc.resend;

import io.micronaut.context.annotation.Factory;
import vn.gov.bvhttdl.dvc.lambda.EventFunction;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.application.ResendNotices;
import vn.gov.bvhttdl.dvc.notifications.Notifier;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The resend of notices whose delivery failed after the stream's retries (the SMTP server down for a while): every
 * 15 minutes (template.yaml; the offline runner ticks it too) each still-failed delivery is sent again, once; a
 * channel still down leaves it listed for the next run ({@code notices-still-failing} WARN for an alarm).
 */
public class NoticeResendHandler extends EventFunction<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(NoticeResendHandler.class);

    @Inject
    ResendNotices resend;

    @Override
    public Map<String, Object> execute(Map<String, Object> scheduledEvent) {
        ResendNotices.Result r = resend.run();
        if (r.stillFailing() > 0) LOG.warn("notices-still-failing {}", r.stillFailing());
        LOG.info("resend: {}", r);
        return Map.of("tried", r.tried(), "sent", r.sent(), "stillFailing", r.stillFailing());
    }

    @Factory
    static final class Beans {
        @Singleton
        ResendNotices resend() {
            Table table = Table.primedFromSettings("notice-resend", null);
            String quiet = System.getenv().getOrDefault("RESEND_QUIET_SECONDS", System.getProperty("RESEND_QUIET_SECONDS", ""));
            return new ResendNotices(table.dossiers(), table.notices(), Notifier.fromSettings(table), Clock.systemUTC(),
                    quiet.isBlank() ? ResendNotices.QUIET : Duration.ofSeconds(Long.parseLong(quiet)));
        }
    }
}
