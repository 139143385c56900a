package vn.gov.bvhttdl.dvc.national.inbox;

import io.micronaut.context.annotation.Factory;
import vn.gov.bvhttdl.dvc.lambda.EventFunction;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.adapters.S3InboundFiles;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.adapters.SubmissionQueue;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.adapters.national.DvcqgInbox;
import vn.gov.bvhttdl.dvc.application.ReceiveFromNationalPortal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The national portal's inbox, every five minutes (EventBridge on AWS, the offline runner's schedule; both from
 * template.yaml): one {@link ReceiveFromNationalPortal} run over the dossiers waiting there. The event carries nothing
 * it needs; the answer counts what it did. With no {@code NATIONAL_INBOX_URL} (the parameter {@code NationalInboxUrl}
 * left blank: no contract yet) it does nothing and says so. A dossier that cannot be taken is logged by its national
 * code and reason (no personal data) and left waiting there; a portal that cannot be reached fails the run (Lambda's
 * two retries, then the dead-letter queue; the next tick asks again).
 */
public class NationalInboxHandler extends EventFunction<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(NationalInboxHandler.class);

    /** One run of the use case, or nothing when the inbox is not configured (the factory decides). */
    interface Inbox {
        java.util.Optional<ReceiveFromNationalPortal.Result> run();
    }

    @Inject
    Inbox inbox;

    @Override
    public Map<String, Object> execute(Map<String, Object> scheduledEvent) {
        var run = inbox.run();
        if (run.isEmpty()) {
            LOG.info("national-inbox: NATIONAL_INBOX_URL is not set, nothing to do");
            return Map.of("skipped", "NATIONAL_INBOX_URL is not set");
        }
        ReceiveFromNationalPortal.Result r = run.get();
        Map<String, Object> out = new LinkedHashMap<>(r.counts());
        out.put("waiting", r.taken().size());
        LOG.info("national-inbox: {}", out);
        return out;
    }

    @Factory
    static final class Beans {
        /** A blank NATIONAL_INBOX_URL (no contract yet) makes the run a no-op; the use case is built on the first real run. */
        @Singleton
        Inbox inbox(jakarta.inject.Provider<ReceiveFromNationalPortal> receive) {
            return () -> Settings.get("NATIONAL_INBOX_URL").isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(receive.get().run());
        }

        @Singleton
        ReceiveFromNationalPortal receive() {
            Table table = Table.primedFromSettings("national-inbox", null);
            // the inbox's address is read at each call (offline: the runner's sandbox, known once it is bound)
            DvcqgInbox inbox = new DvcqgInbox(() -> URI.create(Settings.require("NATIONAL_INBOX_URL")), DvcqgInbox.Paths.DEFAULT,
                    Beans::secret, Duration.ofSeconds(Settings.get("NATIONAL_PORTAL_TIMEOUT_SECONDS").map(Integer::parseInt).orElse(10)));
            return new ReceiveFromNationalPortal(inbox, table.dossiers(), table.attachments(), new S3InboundFiles(), table.rules(),
                    SubmissionQueue.fromSettings(), Clock.systemUTC(),
                    t -> LOG.warn("national-inbox-not-taken {} {} {}", t.nationalCode(), t.outcome(), t.reason()));
        }

        /** The credentials: the secret dvc/national-portal on AWS (the outbound sync's), the committed sandbox file offline. */
        static String secret() {
            var file = Settings.get("NATIONAL_PORTAL_SECRETS_FILE");
            if (file.isPresent()) {
                try {
                    return Files.readString(Path.of(file.get()));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read the national portal's settings file", e);
                }
            }
            String id = Settings.require("NATIONAL_PORTAL_SECRET_ID");
            try (var sm = software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder()
                    .httpClient(vn.gov.bvhttdl.dvc.adapters.AwsClients.HTTP)
                    .credentialsProvider(vn.gov.bvhttdl.dvc.adapters.AwsClients.credentials()).build()) {
                return sm.getSecretValue(b -> b.secretId(id)).secretString();
            }
        }
    }
}
