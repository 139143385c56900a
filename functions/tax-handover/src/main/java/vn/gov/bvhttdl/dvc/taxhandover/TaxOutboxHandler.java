package vn.gov.bvhttdl.dvc.taxhandover;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.annotation.Factory;
import vn.gov.bvhttdl.dvc.lambda.EventFunction;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import io.micronaut.context.annotation.Prototype;
import vn.gov.bvhttdl.dvc.lambda.Batches;

/**
 * The e-receipts' outbox, fed by the table's stream (template.yaml filters it to new {@code ERECEIPT#} items, written
 * in the transaction that credits a payment): each receipt recorded is one message on the standard queue
 * {@code TaxHandOverQueue} ({@link Receipts.Outbox}). A record that can never be read goes to the dead-letter queue at
 * once; one that fails otherwise (SQS unreachable) is reported, and the stream retries from it ({@link Batches}).
 */
public class TaxOutboxHandler extends EventFunction<DynamodbEvent, StreamsEventResponse> {
    @Inject
    Receipts.Outbox outbox;

    // the module's two functions share one context: each names its own dead-letter queue
    @Inject
    @Named("tax-outbox")
    Batches.DeadLetters deadLetters;

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        return Batches.stream(event, r -> Receipts.of(r).ifPresent(outbox::put), () -> deadLetters);
    }

    /**
     * This function's beans. The module's jar holds two functions and their context sees both factories; the context
     * makes every singleton at start, so what only one function injects is a prototype: made when that function's
     * handler is injected, never in the other function (the outbox made the hand-over's table, DynamoDB client and
     * priming read, for which its role has no permission: issue #28, bench/README.md "Cold start").
     */
    @Factory
    static final class Beans {
        /** This function's DLQ, for the records that can never be read (TAX_OUTBOX_DLQ_URL). */
        @Prototype
        @Named("tax-outbox")
        Batches.DeadLetters deadLetters() { return vn.gov.bvhttdl.dvc.adapters.DeadLetterQueue.named("TAX_OUTBOX_DLQ_URL")::send; }

        @Prototype
        Receipts.Outbox outbox() { return Receipts.Outbox.fromSettings(); }
    }
}
