package vn.gov.bvhttdl.dvc.deadlines;

import io.micronaut.context.annotation.Factory;
import vn.gov.bvhttdl.dvc.lambda.EventFunction;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.adapters.Table;
import vn.gov.bvhttdl.dvc.application.WatchDeadlines;

import java.time.Clock;
import java.util.Map;

/**
 * The hourly deadline watch (EventBridge Scheduler on AWS, the offline runner's schedule; both from template.yaml).
 * The event carries nothing the watch needs; the answer says what it did. Running it twice changes nothing twice.
 */
public class DeadlineWatchHandler extends EventFunction<Map<String, Object>, Map<String, Object>> {
    @Inject
    WatchDeadlines watch;

    @Override
    public Map<String, Object> execute(Map<String, Object> scheduledEvent) {
        WatchDeadlines.Result r = watch.run();
        return Map.of("checked", r.checked(), "dueSoon", r.dueSoon(), "overdue", r.overdue(), "cleared", r.cleared(), "busy", r.busy(),
                "supplementLate", r.supplementLate());
    }

    @Factory
    static final class Beans {
        @Singleton
        Table table() { return Table.primedFromSettings("deadline-watch", null); }

        @Singleton
        RulesStore rules(Table table) { return table.rules(); }

        @Singleton
        WatchDeadlines watch(Table table, RulesStore rules) { return new WatchDeadlines(table.dossiers(), table.workQueues(), rules, Clock.systemUTC()); }
    }
}
