package vn.gov.bvhttdl.dvc.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the applicant's answer to a dossier's survey, one per dossier, and the agency's quality figures kept with it
 * (answers, points against the maximum, ratings, per month) — DynamoDB on AWS and offline.
 */
public interface SurveyAnswers {
    record Answer(String rating, String comment, Instant at, long version) {}

    Optional<Answer> find(String dossierId);

    /**
     * One answer and what it adds to its agency's month: {@code points} of {@code max}; a changed answer replaces the
     * {@code previous} one (its points and rating taken out); {@code unit} and {@code procedure}: the dossier's, kept
     * on the answer with its agency for the Decision-766 counters (5.4).
     */
    record Scored(String agency, String month, Answer answer, int points, int max, Answer previous, int previousPoints, String unit, String procedure) {
        /** Without the dossier's unit and procedure. */
        public Scored(String agency, String month, Answer answer, int points, int max, Answer previous, int previousPoints) {
            this(agency, month, answer, points, max, previous, previousPoints, null, null);
        }
    }

    /**
     * Stores the answer if it is still at {@code answer.version() - 1} (0: there was none), and moves the agency's
     * figures in the same transaction.
     *
     * @throws vn.gov.bvhttdl.dvc.domain.ConcurrentChange when another answer came first
     */
    void save(String dossierId, String ownerId, Scored s);

    /** An agency's figures for one month: answers, points and maximum, answers per rating. */
    record Quality(String month, long answers, long points, long max, Map<String, Long> ratings) {}

    /** The agency's months from {@code fromMonth} to {@code toMonth} (yyyy-MM, both included), oldest first. */
    List<Quality> quality(String agency, String fromMonth, String toMonth);
}
