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
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.StatusCounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A consumer of the table's stream (template.yaml filters it to dossiers' own items with a status): each change of
 * status moves one dossier between two counters of its agency, exactly once per version. A record that fails is
 * reported (ReportBatchItemFailures) so the stream retries from it; after the retries the mapping sends the batch's
 * description to the on-failure queue.
 */
public class StatusCountsHandler extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(StatusCountsHandler.class);

    @Inject
    StatusCounts counts;

    private static String s(Map<String, AttributeValue> image, String name) {
        AttributeValue v = image == null ? null : image.get(name);
        return v == null ? null : v.getS() != null ? v.getS() : v.getN();
    }

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        if (event == null || event.getRecords() == null) return new StreamsEventResponse(failures);
        for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
            var ddb = r.getDynamodb();
            try {
                Map<String, AttributeValue> now = ddb.getNewImage();
                String pk = s(now, "PK");
                String to = s(now, "status");
                if (pk == null || !pk.startsWith("DOSSIER#") || !"META".equals(s(now, "SK")) || to == null) continue;
                String from = s(ddb.getOldImage(), "status");
                String fromHolder = s(ddb.getOldImage(), "GSI4PK");
                String toHolder = s(now, "GSI4PK");
                // an edit that moved the dossier neither to another status nor to another unit's queue
                if (to.equals(from) && java.util.Objects.equals(fromHolder, toHolder)) continue;
                boolean counted = counts.count(pk.substring("DOSSIER#".length()), s(now, "agencyCode"), from, to, fromHolder, toHolder,
                        Long.parseLong(s(now, "version")));
                LOG.info("dossier {} {} -> {} v{}: {}", pk, from, to, s(now, "version"), counted ? "counted" : "already counted");
            } catch (RuntimeException e) {
                LOG.warn("record {} failed: {}", ddb.getSequenceNumber(), e.toString());
                failures.add(new StreamsEventResponse.BatchItemFailure(ddb.getSequenceNumber()));
                break; // the stream retries from here, in order
            }
        }
        return new StreamsEventResponse(failures);
    }

    @Factory
    static final class Beans {
        @Singleton
        StatusCounts counts() {
            DossierStore store = DossierStore.primedFromSettings("status-counts", null);
            return new StatusCounts(store.client(), store.tableName());
        }
    }
}
