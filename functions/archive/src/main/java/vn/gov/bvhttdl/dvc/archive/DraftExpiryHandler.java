package vn.gov.bvhttdl.dvc.archive;

import vn.gov.bvhttdl.dvc.lambda.EventFunction;
import jakarta.inject.Inject;
import vn.gov.bvhttdl.dvc.application.ExpireDrafts;

import java.util.Map;

/**
 * The daily run of the drafts' lifecycle ({@link ExpireDrafts}): a notice in the citizen's inbox for a draft left
 * untouched, then, still untouched after the notice's days, the draft's expiry (DynamoDB TTL, its uploads tagged).
 */
public class DraftExpiryHandler extends EventFunction<Map<String, Object>, Map<String, Object>> {
    @Inject
    ExpireDrafts drafts;

    @Override
    public Map<String, Object> execute(Map<String, Object> scheduledEvent) {
        ExpireDrafts.Result r = drafts.run();
        return Map.of("idle", r.idle(), "noticed", r.noticed(), "expired", r.expired());
    }
}
