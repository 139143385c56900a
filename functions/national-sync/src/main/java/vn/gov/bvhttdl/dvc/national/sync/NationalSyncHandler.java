package vn.gov.bvhttdl.dvc.national.sync;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.annotation.Factory;
import vn.gov.bvhttdl.dvc.lambda.EventFunction;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.adapters.national.DvcqgNationalPortal;
import vn.gov.bvhttdl.dvc.application.SyncToNationalPortal;
import vn.gov.bvhttdl.dvc.lambda.Batches;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The national portal's synchronisation, fed by the FIFO outbox (one message per dossier event, in order per
 * dossier): each message is one {@link SyncToNationalPortal} call, exactly once per event. A transient failure (the
 * portal down, slow or answering 5xx) makes the message visible again after a delay that doubles with its receive
 * count ({@code NATIONAL_SYNC_RETRY_BASE_SECONDS}, at most {@code NATIONAL_SYNC_RETRY_MAX_SECONDS}) and reports it,
 * so that the dossier's later events wait behind it; after the queue's maxReceiveCount receives the redrive moves it
 * to the FIFO dead-letter queue. A permanent one (a message that is not an event, a dossier that does not exist, the
 * portal's refusal) goes to the dead-letter queue at once with its reason ({@link Batches#sqsInOrder}).
 */
public class NationalSyncHandler extends EventFunction<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(NationalSyncHandler.class);

    @Inject
    SyncToNationalPortal sync;

    @Inject
    Messages.Retry retry;

    @Inject
    Batches.DeadLetters deadLetters;

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return Batches.sqsInOrder(event, this::send, () -> deadLetters);
    }

    private void send(SQSEvent.SQSMessage m) {
        Messages.Event e = Messages.read(m.getBody());
        try {
            SyncToNationalPortal.Result r = sync.handle(e.dossierId(), e.version());
            LOG.info("dossier {} version {}: {}{}", e.dossierId(), e.version(), r.outcome(), r.status() == null ? "" : " (status " + r.status() + ")");
        } catch (RuntimeException failed) {
            if (!Batches.permanent(failed)) retry.later(m);
            throw failed;
        }
    }

    @Factory
    static final class Beans {
        /** This function's DLQ, for the messages that can never be sent (NATIONAL_SYNC_DLQ_URL; FIFO). */
        @Singleton
        Batches.DeadLetters deadLetters() { return vn.gov.bvhttdl.dvc.adapters.DeadLetterQueue.named("NATIONAL_SYNC_DLQ_URL")::send; }

        @Singleton
        Messages.Retry retry() { return Messages.Retry.fromSettings(); }

        @Singleton
        SyncToNationalPortal sync() {
            Table table = Table.primedFromSettings("national-sync", null);
            // the portal's address is read at each call (offline: the runner's sandbox, known once it is bound)
            DvcqgNationalPortal portal = new DvcqgNationalPortal(() -> URI.create(Settings.require("NATIONAL_PORTAL_URL")),
                    DvcqgNationalPortal.Paths.DEFAULT, Beans::secret,
                    Duration.ofSeconds(Settings.get("NATIONAL_PORTAL_TIMEOUT_SECONDS").map(Integer::parseInt).orElse(10)));
            return new SyncToNationalPortal(table.dossiers(), table.attachments(), table.payments(), table.results(),
                    vn.gov.bvhttdl.dvc.adapters.S3FileLinks.fromSettings(vn.gov.bvhttdl.dvc.adapters.AwsClients.presigner()),
                    table.rules(), portal, table.nationalSync(), table.warehouse());
        }

        /** The credentials: the secret dvc/national-portal on AWS, the committed sandbox file offline (development only). */
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
