package vn.gov.bvhttdl.dvc.national.outbox;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.annotation.Factory;
import vn.gov.bvhttdl.dvc.lambda.EventFunction;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.lambda.Batches;

/**
 * The national portal's outbox, fed by the table's stream (template.yaml filters it to the dossiers' own items): each
 * new version of a dossier is one event, put on the FIFO queue grouped by dossier and deduplicated by
 * {@code <dossier id>#<version>} ({@link Versions}); a change of the item that leaves its version as it was (an
 * index attribute, a flag) is no event. The stream is in order per dossier, so the queue is too. A record that can
 * never be read goes to the dead-letter queue at once; one that fails otherwise (SQS unreachable) is reported, and
 * the stream retries from it ({@link Batches}).
 */
public class NationalOutboxHandler extends EventFunction<DynamodbEvent, StreamsEventResponse> {
    @Inject
    Versions.Outbox outbox;

    @Inject
    Batches.DeadLetters deadLetters;

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        return Batches.stream(event, this::put, () -> deadLetters);
    }

    private void put(DynamodbEvent.DynamodbStreamRecord r) {
        Versions.of(r).ifPresent(e -> outbox.put(e.dossierId(), e.version()));
    }

    @Factory
    static final class Beans {
        /** This function's DLQ, for the records that can never be read (NATIONAL_OUTBOX_DLQ_URL). */
        @Singleton
        Batches.DeadLetters deadLetters() { return vn.gov.bvhttdl.dvc.adapters.DeadLetterQueue.named("NATIONAL_OUTBOX_DLQ_URL")::send; }

        @Singleton
        Versions.Outbox outbox() { return Versions.Outbox.fromSettings(); }
    }
}
