package vn.gov.bvhttdl.dvc.counts;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.annotation.Factory;
import vn.gov.bvhttdl.dvc.lambda.EventFunction;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.application.CountIndicators;
import vn.gov.bvhttdl.dvc.domain.Decision766;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.lambda.Batches;

import java.util.Map;

/**
 * A consumer of the table's stream (template.yaml filters it to dossiers' own items with a status, and their survey
 * answers, which move only the satisfaction indicator 5.4): each change of
 * status moves one dossier between two counters of its agency, exactly once per version; every version also moves the
 * Decision-766 counters by what it changes ({@link CountIndicators}, docs/scorecard.md), once per version. The consumers' one loop
 * ({@link Batches}): a record that can never be counted (no readable version) goes to the dead-letter queue at once,
 * the shard goes on; one that fails otherwise is reported (ReportBatchItemFailures) so the stream retries from it;
 * after the retries the mapping sends the batch's description to the on-failure queue (the same queue).
 */
public class StatusCountsHandler extends EventFunction<DynamodbEvent, StreamsEventResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(StatusCountsHandler.class);

    /** Moves one dossier between two counters, once per version (the table's counters, wired in {@link Beans}). */
    @FunctionalInterface
    interface Counter {
        boolean count(String dossierId, String agency, String from, String to, String fromHolder, String toHolder, long version);
    }

    @Inject
    Counter counts;

    @Inject
    Batches.DeadLetters deadLetters;

    /** The Decision-766 counters: a version's difference applied once (the table's, wired in {@link Beans}). */
    @Inject
    CountIndicators indicators;

    /** The business metrics of a counted move, from the images before and after (wired in {@link Beans}). */
    @FunctionalInterface
    interface MoveMetrics {
        void moved(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> oldImage,
                   Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> newImage);
    }

    @Inject
    MoveMetrics metrics;

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        return Batches.stream(event, this::count, () -> deadLetters);
    }

    /** The status counts first, then the Decision-766 counters (each once per version: a retried record repeats neither). */
    private void count(DynamodbEvent.DynamodbStreamRecord r) {
        var ddb = r.getDynamodb();
        // a survey answer (the stream's second filter): the satisfaction indicator only, once per version of the answer
        DossierMoves.Answers answer = DossierMoves.answers(ddb.getNewImage(), ddb.getOldImage());
        if (answer != null) {
            CountIndicators.Outcome o = indicators.count(answer.before(), answer.now());
            if (o != CountIndicators.Outcome.NOTHING_CHANGED) LOG.info("survey answer of {} v{}: {}", answer.now().dossierId(), answer.now().version(), o);
            return;
        }
        statuses(ddb);
        indicators(ddb.getNewImage(), ddb.getOldImage());
    }

    private void statuses(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord ddb) {
        DossierMoves.Move m = DossierMoves.of(ddb.getNewImage(), ddb.getOldImage());
        if (m == null) return;
        String from = m.from(), to = m.to(), fromHolder = m.fromHolder(), toHolder = m.toHolder();
        // an edit that moved the dossier neither to another status nor to another unit's queue
        if (to.equals(from) && java.util.Objects.equals(fromHolder, toHolder)) return;
        if (m.version() == null) throw DomainException.of("unreadable-message", "why", "dossier " + m.dossierId() + " has no version");
        long version = m.version();
        boolean counted = counts.count(m.dossierId(), m.agency(), from, to, fromHolder, toHolder, version);
        LOG.info("dossier {} {} -> {} v{}: {}", m.dossierId(), from, to, version, counted ? "counted" : "already counted");
        // once per version, as the counters: the stream's redelivery of a counted move emits nothing again
        if (counted) metrics.moved(ddb.getOldImage(), ddb.getNewImage());
    }

    /** The Decision-766 counters move with every version whose facts change them (a move of neither status nor unit included). */
    private void indicators(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> newImage,
                            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> oldImage) {
        DossierMoves.Versions v = DossierMoves.versions(newImage, oldImage);
        if (v == null) return;
        Dossier now = v.now();
        if (now.facts() != null && now.version() <= 0) throw DomainException.of("unreadable-message", "why", "dossier " + now.id() + " has no version");
        CountIndicators.Outcome o = indicators.count(v.before(), now);
        if (o != CountIndicators.Outcome.NOTHING_CHANGED) LOG.info("dossier {} v{} indicators: {}", now.id(), now.version(), o);
    }

    @Factory
    static final class Beans {
        /** This function's DLQ, for the records that can never be handled (STATUS_COUNTS_DLQ_URL). */
        @Singleton
        Batches.DeadLetters deadLetters() { return vn.gov.bvhttdl.dvc.adapters.DeadLetterQueue.named("STATUS_COUNTS_DLQ_URL")::send; }

        /** The move's business metrics (issue 23), in EMF on standard output; never fails the count. */
        @Singleton
        MoveMetrics metrics() {
            vn.gov.bvhttdl.dvc.application.ServiceMetrics emf = vn.gov.bvhttdl.dvc.adapters.EmfServiceMetrics.lambda();
            return (before, after) -> {
                try {
                    emf.count(vn.gov.bvhttdl.dvc.application.DossierMetrics.between(
                            vn.gov.bvhttdl.dvc.adapters.StreamItems.storedDossier(before).orElse(null),
                            vn.gov.bvhttdl.dvc.adapters.StreamItems.storedDossier(after).orElse(null)));
                } catch (RuntimeException e) {
                    LOG.warn("metrics of a move not emitted: {}", e.toString());
                }
            };
        }

        @Singleton
        Table table() { return Table.primedFromSettings("status-counts", null); }

        @Singleton
        Counter counts(Table table) {
            return table.counts()::count;
        }

        @Singleton
        CountIndicators indicators(Table table) { return new CountIndicators(table.scorecard(), Decision766.standard()); }
    }
}
