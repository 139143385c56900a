package vn.gov.bvhttdl.dvc.counts;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import io.micronaut.context.annotation.Factory;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.lambda.Batches;

import java.util.Map;

/**
 * A consumer of the table's stream (template.yaml filters it to dossiers' own items with a status): each change of
 * status moves one dossier between two counters of its agency, exactly once per version. The consumers' one loop
 * ({@link Batches}): a record that can never be counted (no readable version) goes to the dead-letter queue at once,
 * the shard goes on; one that fails otherwise is reported (ReportBatchItemFailures) so the stream retries from it;
 * after the retries the mapping sends the batch's description to the on-failure queue (the same queue).
 */
public class StatusCountsHandler extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(StatusCountsHandler.class);

    /** Moves one dossier between two counters, once per version (the table's counters, wired in {@link Beans}). */
    @FunctionalInterface
    interface Counter {
        boolean count(String dossierId, String agency, String from, String to, String fromHolder, String toHolder, long version);
    }

    @Inject
    Counter counts;

    private static String s(Map<String, AttributeValue> image, String name) {
        AttributeValue v = image == null ? null : image.get(name);
        return v == null ? null : v.getS() != null ? v.getS() : v.getN();
    }

    @Inject
    Batches.DeadLetters deadLetters;

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        return Batches.stream(event, this::count, () -> deadLetters);
    }

    private void count(DynamodbEvent.DynamodbStreamRecord r) {
        var ddb = r.getDynamodb();
        Map<String, AttributeValue> now = ddb.getNewImage();
        String pk = s(now, "PK");
        String to = s(now, "status");
        if (pk == null || !pk.startsWith("DOSSIER#") || !"META".equals(s(now, "SK")) || to == null) return;
        String from = s(ddb.getOldImage(), "status");
        String fromHolder = s(ddb.getOldImage(), "GSI4PK");
        String toHolder = s(now, "GSI4PK");
        // an edit that moved the dossier neither to another status nor to another unit's queue
        if (to.equals(from) && java.util.Objects.equals(fromHolder, toHolder)) return;
        long version;
        try {
            version = Long.parseLong(String.valueOf(s(now, "version")));
        } catch (NumberFormatException e) {
            throw DomainException.of("unreadable-message", "why", pk + " has no version");
        }
        boolean counted = counts.count(pk.substring("DOSSIER#".length()), s(now, "agencyCode"), from, to, fromHolder, toHolder, version);
        LOG.info("dossier {} {} -> {} v{}: {}", pk, from, to, version, counted ? "counted" : "already counted");
    }

    @Factory
    static final class Beans {
        /** This function's DLQ, for the records that can never be handled (STATUS_COUNTS_DLQ_URL). */
        @Singleton
        Batches.DeadLetters deadLetters() { return vn.gov.bvhttdl.dvc.adapters.DeadLetterQueue.named("STATUS_COUNTS_DLQ_URL")::send; }

        @Singleton
        Counter counts() {
            return Table.primedFromSettings("status-counts", null).counts()::count;
        }
    }
}
