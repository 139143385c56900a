package vn.gov.bvhttdl.dvc.counts;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import vn.gov.bvhttdl.dvc.adapters.StreamItems;

import java.util.Map;

/** A stream record of a dossier's own item as the counts see it, read by the table's own layout ({@link StreamItems}). */
final class DossierMoves {
    private DossierMoves() {}

    /** The dossier's status and queue before ({@code from}, null for a new dossier) and after; {@code version} null when unreadable. */
    record Move(String dossierId, String agency, String from, String to, String fromHolder, String toHolder, Long version) {}

    /** The move the images show, or null when the new image is not a dossier's own item with a status. */
    static Move of(Map<String, AttributeValue> newImage, Map<String, AttributeValue> oldImage) {
        StreamItems.DossierState now = StreamItems.dossier(newImage).orElse(null);
        if (now == null) return null;
        StreamItems.DossierState before = StreamItems.dossier(oldImage).orElse(null);
        return new Move(now.dossierId(), now.agency(), before == null ? null : before.status(), now.status(),
                before == null ? null : before.holder(), now.holder(), now.version());
    }

    /** The dossier as the old and the new image show it (before null for a new dossier), or null when the new image is not a dossier's own item. */
    record Versions(vn.gov.bvhttdl.dvc.domain.Dossier before, vn.gov.bvhttdl.dvc.domain.Dossier now) {}

    static Versions versions(Map<String, AttributeValue> newImage, Map<String, AttributeValue> oldImage) {
        var now = StreamItems.storedDossier(newImage).orElse(null);
        if (now == null) return null;
        return new Versions(StreamItems.storedDossier(oldImage).orElse(null), now);
    }

    /** A survey answer as the old and the new image show it (before null for a first answer). */
    record Answers(vn.gov.bvhttdl.dvc.domain.Decision766.Answer before, vn.gov.bvhttdl.dvc.domain.Decision766.Answer now) {}

    /** The survey answer of the record, or null when the new image is not a dossier's survey answer. */
    static Answers answers(Map<String, AttributeValue> newImage, Map<String, AttributeValue> oldImage) {
        var now = StreamItems.surveyAnswer(newImage).orElse(null);
        if (now == null) return null;
        return new Answers(StreamItems.surveyAnswer(oldImage).orElse(null), now);
    }
}
