package vn.gov.bvhttdl.dvc.application;

import java.time.Instant;
import java.util.Optional;

/** Port: the applicant's answer to a dossier's survey, one per dossier (DynamoDB on AWS and offline). */
public interface SurveyAnswers {
    record Answer(String rating, String comment, Instant at, long version) {}

    Optional<Answer> find(String dossierId);

    /**
     * Stores {@code a} if the answer is still at {@code a.version() - 1} (0: there was none).
     *
     * @throws vn.gov.bvhttdl.dvc.domain.DomainException CONFLICT when another answer came first
     */
    void save(String dossierId, String ownerId, Answer a, int computedScore);
}
