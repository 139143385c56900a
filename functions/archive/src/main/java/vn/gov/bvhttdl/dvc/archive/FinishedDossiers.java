package vn.gov.bvhttdl.dvc.archive;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import vn.gov.bvhttdl.dvc.adapters.StreamItems;
import vn.gov.bvhttdl.dvc.domain.Dossier;

import java.util.Optional;

/** A stream record of a dossier's own item as the archive reads it, by the table's own layout ({@link StreamItems}). */
final class FinishedDossiers {
    private FinishedDossiers() {}

    /** The dossier the new image is, or empty for another item. */
    static Optional<Dossier> of(DynamodbEvent.DynamodbStreamRecord r) {
        return StreamItems.storedDossier(r.getDynamodb().getNewImage());
    }
}
