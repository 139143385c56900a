package vn.gov.bvhttdl.dvc.sweep;

import io.micronaut.context.annotation.Factory;
import vn.gov.bvhttdl.dvc.lambda.EventFunction;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.adapters.SubmissionQueue;
import vn.gov.bvhttdl.dvc.adapters.Table;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The scheduled function (EventBridge Scheduler / the offline runner's schedule, both from template.yaml). The
 * event carries nothing the sweep needs; the answer says what it did.
 */
public class SubmissionSweepHandler extends EventFunction<Map<String, Object>, Map<String, Object>> {
    @Inject
    SubmissionSweep sweep;

    @Override
    public Map<String, Object> execute(Map<String, Object> scheduledEvent) {
        SubmissionSweep.Result r = sweep.run();
        return Map.of("checked", r.checked(), "handedOver", r.handedOver(), "givenUp", r.givenUp());
    }

    @Factory
    static final class Beans {
        @Singleton
        Table table() { return Table.primedFromSettings("submission-sweep", null); }

        @Singleton
        RulesStore rules(Table table) { return table.rules(); }

        @Singleton
        SubmissionSweep sweep(Table table, RulesStore rules) {
            SubmissionQueue queue = SubmissionQueue.fromSettings();
            return new SubmissionSweep(table.workQueues(), table.sequences(), rules, () -> queue, Clock.systemUTC(),
                    Duration.ofMinutes(Long.parseLong(Settings.require("SWEEP_AFTER_MINUTES"))), vn.gov.bvhttdl.dvc.adapters.EmfServiceMetrics.lambda());
        }
    }
}
