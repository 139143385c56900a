package vn.gov.bvhttdl.dvc.archive;

import vn.gov.bvhttdl.dvc.lambda.EventFunction;
import jakarta.inject.Inject;
import vn.gov.bvhttdl.dvc.application.BuildHandover;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The yearly hand-over (a daily schedule on AWS and in the offline runner, template.yaml): each agency's package of
 * the year before, built by the first run of the year ({@link BuildHandover#yearBefore}). The answer says what it built.
 */
public class HandoverHandler extends EventFunction<Map<String, Object>, Map<String, Object>> {
    @Inject
    BuildHandover handover;

    @Override
    public Map<String, Object> execute(Map<String, Object> scheduledEvent) {
        List<BuildHandover.Result> built = handover.yearBefore();
        Map<String, Object> out = new LinkedHashMap<>();
        for (BuildHandover.Result r : built) out.put(r.agency(), Map.of("year", r.year(), "records", r.records(), "files", r.files(), "key", r.key()));
        return out;
    }
}
