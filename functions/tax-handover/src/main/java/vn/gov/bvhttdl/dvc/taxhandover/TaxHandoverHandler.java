package vn.gov.bvhttdl.dvc.taxhandover;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.annotation.Factory;
import vn.gov.bvhttdl.dvc.lambda.EventFunction;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import io.micronaut.context.annotation.Prototype;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.adapters.tax.TaxAuthorityApi;
import vn.gov.bvhttdl.dvc.application.HandOverReceipts;
import vn.gov.bvhttdl.dvc.lambda.Batches;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The e-receipts' hand-over to the tax authority, fed by the standard queue {@code TaxHandOverQueue} (one message per
 * receipt recorded): each message is one {@link HandOverReceipts} call, exactly once per receipt. A transient failure
 * (the tax authority down, slow or answering 5xx, another consumer sending the same receipt) makes the message
 * visible again after a delay that doubles with its receive count and reports it; after the queue's maxReceiveCount
 * receives the redrive moves it to {@code TaxHandOverDLQ}. A permanent one (a message that names no receipt, a
 * receipt that does not exist, the tax authority's refusal) goes to the dead-letter queue at once with its reason
 * ({@link Batches#sqs}). With no tax authority address configured nothing is sent: one WARN line per container,
 * then one INFO line per receipt, and the message is done with.
 */
public class TaxHandoverHandler extends EventFunction<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(TaxHandoverHandler.class);
    private static final AtomicBoolean SAID = new AtomicBoolean();

    @Inject
    HandOverReceipts handOver;

    @Inject
    Receipts.Retry retry;

    // the module's two functions share one context: each names its own dead-letter queue
    @Inject
    @Named("tax-handover")
    Batches.DeadLetters deadLetters;

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return Batches.sqs(event, this::handOver, () -> deadLetters);
    }

    private void handOver(SQSEvent.SQSMessage m) {
        String id = Receipts.read(m.getBody());
        try {
            HandOverReceipts.Result r = handOver.handle(id);
            switch (r.outcome()) {
                case SENT -> {
                    if (r.late()) LOG.warn("e-receipt-handed-over-late {}: after its day of issue (Decree 254/2026 Art 27(3))", r.designation());
                    else LOG.info("e-receipt {} handed over", r.designation());
                }
                // the receipt's id is its verification address: not logged
                case ALREADY -> LOG.info("message {}: its e-receipt was handed over already", m.getMessageId());
                case NOT_CONFIGURED -> {
                    if (SAID.compareAndSet(false, true)) {
                        LOG.warn("tax-authority-not-configured: TAX_AUTHORITY_URL is blank, e-receipts are not handed over (docs/payments.md)");
                    }
                    LOG.info("message {}: its e-receipt is not handed over (no tax authority address)", m.getMessageId());
                }
            }
        } catch (RuntimeException failed) {
            if (!Batches.permanent(failed)) retry.later(m);
            throw failed;
        }
    }

    /** This function's beans: prototypes, made only when this function's handler is injected ({@link TaxOutboxHandler.Beans}). */
    @Factory
    static final class Beans {
        /** This function's DLQ, for the receipts that can never be handed over as they are (TAX_HANDOVER_DLQ_URL). */
        @Prototype
        @Named("tax-handover")
        Batches.DeadLetters deadLetters() { return vn.gov.bvhttdl.dvc.adapters.DeadLetterQueue.named("TAX_HANDOVER_DLQ_URL")::send; }

        @Prototype
        Receipts.Retry retry() { return Receipts.Retry.fromSettings(); }

        @Prototype
        HandOverReceipts handOver() {
            Table table = Table.primedFromSettings("tax-handover", null);
            // the address is read at each call (offline: the runner's sandbox, known once it is bound); blank: not configured
            TaxAuthorityApi api = new TaxAuthorityApi(() -> Settings.get("TAX_AUTHORITY_URL").orElse(""), Beans::secret,
                    Duration.ofSeconds(Settings.get("TAX_AUTHORITY_TIMEOUT_SECONDS").map(Integer::parseInt).orElse(10)));
            return new HandOverReceipts(table.payments(), api, table.taxHandOver(), Clock.systemUTC(), Duration.ofMinutes(2));
        }

        /** The credentials: the secret dvc/tax-authority on AWS, the committed sandbox file offline (development only). */
        static String secret() {
            var file = Settings.get("TAX_AUTHORITY_SECRETS_FILE");
            if (file.isPresent()) {
                try {
                    return Files.readString(Path.of(file.get()));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read the tax authority's settings file", e);
                }
            }
            String id = Settings.require("TAX_AUTHORITY_SECRET_ID");
            try (var sm = software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder()
                    .httpClient(vn.gov.bvhttdl.dvc.adapters.AwsClients.HTTP)
                    .credentialsProvider(vn.gov.bvhttdl.dvc.adapters.AwsClients.credentials()).build()) {
                return sm.getSecretValue(b -> b.secretId(id)).secretString();
            }
        }
    }
}
