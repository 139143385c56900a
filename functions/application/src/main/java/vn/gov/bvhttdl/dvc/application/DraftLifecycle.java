package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Dossier;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the drafts a citizen left (the table's {@code ByAgencyStatus} index on AWS and offline), the notice that one
 * will expire (marker {@code DOSSIER#id / EXPIRY}) and its expiry: a TTL on the draft's items, so DynamoDB deletes
 * them, and its uploads tagged for the uploads bucket's lifecycle rule.
 */
public interface DraftLifecycle {
    /** The drafts not changed since {@code before}. */
    List<Dossier> idleDrafts(Instant before);

    /** The notice sent about a draft: when, and the draft's last change it was about. */
    record Notice(Instant at, Instant draftUpdatedAt) {}

    Optional<Notice> notice(String dossierId);

    void recordNotice(String dossierId, Notice n);

    /** Sets the TTL on the draft's items (only if it is still the draft of {@code updatedAt}); false when it changed. */
    boolean expire(Dossier draft, Instant at);
}
