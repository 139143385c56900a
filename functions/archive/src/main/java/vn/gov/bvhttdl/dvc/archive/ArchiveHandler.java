package vn.gov.bvhttdl.dvc.archive;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import vn.gov.bvhttdl.dvc.lambda.EventFunction;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.application.ArchiveDossier;
import vn.gov.bvhttdl.dvc.lambda.Batches;

/**
 * A consumer of the table's stream (template.yaml filters it to dossiers' own items returned, refused, stopped or
 * withdrawn; the record read by {@link FinishedDossiers}): each finished dossier's archive record and package, once ({@link ArchiveDossier}: the package, then the
 * record with its {@code ARCHIVED} marker in one conditional write). A record that can never be read goes to the
 * dead-letter queue at once; one that fails otherwise is reported and the stream retries from it ({@link Batches}).
 */
public class ArchiveHandler extends EventFunction<DynamodbEvent, StreamsEventResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveHandler.class);

    @Inject
    ArchiveDossier archive;

    @Inject
    @Named("archive")
    Batches.DeadLetters deadLetters;

    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        return Batches.stream(event, r -> FinishedDossiers.of(r).ifPresent(d -> {
            ArchiveDossier.Outcome o = archive.archive(d);
            LOG.info("dossier {} {}: {}", d.id(), d.status(), o);
        }), () -> deadLetters);
    }
}
