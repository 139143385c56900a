package vn.gov.bvhttdl.dvc.sweep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.adapters.SequenceStore;
import vn.gov.bvhttdl.dvc.adapters.WorkQueueStore;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.adapters.SubmissionQueue;
import vn.gov.bvhttdl.dvc.domain.Dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Makes a submission durable end to end. The API stores the SUBMITTED state and then sends the message; if the
 * message is lost after the state was stored (the process dies between the two, or a queue server without
 * persistence restarts), the dossier would wait for ever. This sweep, run on a schedule, finds dossiers that have
 * been SUBMITTED for longer than the queue's own retries take and hands each to the validation function again —
 * safe, because validation does nothing to a dossier that is no longer SUBMITTED. Each submitted version is handed
 * over at most {@link #MAX_HANDOVERS} times; after that it is left to the dead-letter queue and an official, with
 * one ERROR line ({@code submission-stuck}) that an alarm can watch.
 */
public final class SubmissionSweep {
    private static final Logger LOG = LoggerFactory.getLogger(SubmissionSweep.class);

    /** Hand-overs per submitted version before the sweep gives up on it. */
    public static final int MAX_HANDOVERS = 3;
    /** Dossiers looked at per agency and run (the rest wait for the next run). */
    static final int BATCH = 200;

    /** What one run did. */
    public record Result(int checked, int handedOver, int givenUp) {}

    private final WorkQueueStore store;
    private final SequenceStore counters;
    private final RulesStore rules;
    private final Supplier<SubmissionQueue> queue;
    private final Clock clock;
    private final Duration after;
    private final vn.gov.bvhttdl.dvc.application.ServiceMetrics metrics;

    /**
     * @param after how long a dossier may stay SUBMITTED before it counts as lost: longer than the queue's retries
     *              (visibility timeout × maxReceiveCount), so that a message still being retried is not doubled
     */
    public SubmissionSweep(WorkQueueStore store, SequenceStore counters, RulesStore rules, Supplier<SubmissionQueue> queue, Clock clock, Duration after) {
        this(store, counters, rules, queue, clock, after, vn.gov.bvhttdl.dvc.application.ServiceMetrics.NONE);
    }

    /** With {@code metrics}, where each submitted version given up on is counted once ({@code SubmissionStuck}, by agency). */
    public SubmissionSweep(WorkQueueStore store, SequenceStore counters, RulesStore rules, Supplier<SubmissionQueue> queue, Clock clock, Duration after,
                           vn.gov.bvhttdl.dvc.application.ServiceMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.counters = counters;
        this.rules = rules;
        this.queue = queue;
        this.clock = clock;
        this.after = after;
    }

    public Result run() {
        Instant cutoff = clock.instant().minus(after);
        int checked = 0, handed = 0, givenUp = 0;
        for (String agency : rules.catalogue().agencyCodes()) {
            for (Dossier d : store.submittedBefore(agency, cutoff, BATCH)) {
                checked++;
                long n = counters.countSweep(d.id(), d.version());
                if (n <= MAX_HANDOVERS) {
                    queue.get().send(d.id(), d.version());
                    handed++;
                    LOG.warn("submission-requeued dossier {} (version {}) submitted {} was not received; handed to validation again ({} of {})",
                            d.id(), d.version(), d.submittedAt(), n, MAX_HANDOVERS);
                } else {
                    givenUp++;
                    if (n == MAX_HANDOVERS + 1) {
                        LOG.error("submission-stuck dossier {} (version {}) submitted {} is still not received after {} hand-overs; "
                                + "see the submission dead-letter queue", d.id(), d.version(), d.submittedAt(), MAX_HANDOVERS);
                        metrics.count(vn.gov.bvhttdl.dvc.application.ServiceMetrics.Count.of(
                                vn.gov.bvhttdl.dvc.application.ServiceMetrics.SUBMISSION_STUCK, d.agencyCode()));
                    }
                }
            }
        }
        Result r = new Result(checked, handed, givenUp);
        LOG.info("sweep before {}: {}", cutoff, r);
        return r;
    }
}
