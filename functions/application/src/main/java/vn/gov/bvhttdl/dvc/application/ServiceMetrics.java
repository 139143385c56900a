package vn.gov.bvhttdl.dvc.application;

import java.util.List;
import java.util.Map;

/**
 * The service's business metrics, counted where things happen (issue 23): one port, so that the use cases and the
 * functions say what happened and only the adapter ({@code adapters.EmfServiceMetrics}, CloudWatch Embedded Metric
 * Format written by {@code adapters.Emf}) knows how it reaches CloudWatch. Dimensions are low-cardinality only
 * (the agency's code, the channel a dossier came in by): never a dossier, a person or any other personal data.
 *
 * <p>The names are the constants below: the template's dashboards and alarms may name no other metric of
 * {@link #NAMESPACE} (checked by {@code MetricNamesTest}).
 */
@FunctionalInterface
public interface ServiceMetrics {

    /** The CloudWatch namespace of every metric here. */
    String NAMESPACE = "DVC/Service";

    /** Dimension: the agency's code (a dozen values). */
    String AGENCY = "Agency";
    /** Dimension: the channel a dossier came in by ({@code ONLINE}, {@code DIRECT}, {@code POSTAL}). */
    String CHANNEL = "Channel";
    /** Dimension: the channel a notice went out on ({@code email}, {@code sms}, {@code inbox}). */
    String NOTICE_CHANNEL = "NoticeChannel";
    /** Dimension: the survey's rating (three values, rules/survey.json). */
    String RATING = "Rating";
    /** Dimension of {@link #COLD_START} only: the Lambda function's name (one per function of the template). */
    String FUNCTION_NAME = "FunctionName";

    /** A dossier submitted for the first time (a resubmission after a supplement request is not counted). */
    String DOSSIER_SUBMITTED = "DossierSubmitted";
    /** A dossier received (given its receipt and appointment) for the first time; dimension {@link #CHANNEL}. */
    String DOSSIER_RECEIVED = "DossierReceived";
    /** A supplement requested. */
    String SUPPLEMENT_REQUESTED = "SupplementRequested";
    /** A dossier refused. */
    String DOSSIER_REFUSED = "DossierRefused";
    /** A dossier's handling stopped (form 05). */
    String DOSSIER_STOPPED = "DossierStopped";
    /** A dossier withdrawn by its applicant. */
    String DOSSIER_WITHDRAWN = "DossierWithdrawn";
    /** A dossier approved: its result issued (status {@code RESULT_READY}). */
    String RESULT_ISSUED = "ResultIssued";
    /** A payment confirmed online by its provider. */
    String PAID_ONLINE = "PaidOnline";
    /** A notice sent on one channel; dimension {@link #NOTICE_CHANNEL}. */
    String NOTICE_SENT = "NoticeSent";
    /** An attempt to send an event's notices that failed (the stream tries it again). */
    String NOTICE_FAILED = "NoticeFailed";
    /** A satisfaction survey answered (its first answer); dimension {@link #RATING}. */
    String SURVEY_ANSWERED = "SurveyAnswered";
    /** An upload rejected by the scan (wrong type, malware, unreadable). */
    String UPLOAD_REJECTED = "UploadRejected";
    /** A file accepted earlier that GuardDuty's late second opinion found malware in (issue #27): quarantined, the desk told. */
    String UPLOAD_THREAT_FOUND = "UploadThreatFound";
    /**
     * A dossier's handling ended (approved, refused or stopped) no later than its appointment, by Decision 766's
     * indicator 2.1 rule ({@code Decision766.onTime}: Vietnam time, at most one supplement request after receipt).
     */
    String DECIDED_ON_TIME = "DecidedOnTime";
    /** A dossier's handling ended after its appointment (or with a second supplement request after receipt). */
    String DECIDED_LATE = "DecidedLate";
    /**
     * A submission the sweep gave up on: still SUBMITTED (never received by validation) after its last hand-over
     * (once per submitted version); what the stuck-submissions alarm reads.
     */
    String SUBMISSION_STUCK = "SubmissionStuck";
    /**
     * Technical, not a port count: a function's execution environment handling its first invocation (after a cold
     * init or a SnapStart restore), dimension {@link #FUNCTION_NAME}. Written by {@code lambda-support}'s
     * {@code ColdStart}, which every function has, not through this port (see there why not Powertools').
     */
    String COLD_START = "ColdStart";

    /** Every metric this port may emit. */
    List<String> NAMES = List.of(DOSSIER_SUBMITTED, DOSSIER_RECEIVED, SUPPLEMENT_REQUESTED, DOSSIER_REFUSED, DOSSIER_STOPPED,
            DOSSIER_WITHDRAWN, RESULT_ISSUED, DECIDED_ON_TIME, DECIDED_LATE, PAID_ONLINE, NOTICE_SENT, NOTICE_FAILED, SURVEY_ANSWERED,
            UPLOAD_REJECTED, SUBMISSION_STUCK, UPLOAD_THREAT_FOUND);

    /** The metrics of {@link #NAMESPACE} written elsewhere than through this port (the template may name them too). */
    List<String> TECHNICAL = List.of(COLD_START);

    /** Every dimension name this port may use. */
    List<String> DIMENSIONS = List.of(AGENCY, CHANNEL, NOTICE_CHANNEL, RATING);

    /**
     * The dimensions each metric (of {@link #NAMES} and {@link #TECHNICAL}) is emitted with besides the total (no
     * dimension): a dashboard or alarm may name a metric with no dimension or with exactly these.
     */
    Map<String, java.util.Set<String>> DIMENSIONS_OF = Map.ofEntries(
            Map.entry(DOSSIER_SUBMITTED, java.util.Set.of(AGENCY)),
            Map.entry(DOSSIER_RECEIVED, java.util.Set.of(AGENCY, CHANNEL)),
            Map.entry(SUPPLEMENT_REQUESTED, java.util.Set.of(AGENCY)),
            Map.entry(DOSSIER_REFUSED, java.util.Set.of(AGENCY)),
            Map.entry(DOSSIER_STOPPED, java.util.Set.of(AGENCY)),
            Map.entry(DOSSIER_WITHDRAWN, java.util.Set.of(AGENCY)),
            Map.entry(RESULT_ISSUED, java.util.Set.of(AGENCY)),
            Map.entry(PAID_ONLINE, java.util.Set.of(AGENCY)),
            Map.entry(NOTICE_SENT, java.util.Set.of(NOTICE_CHANNEL)),
            Map.entry(NOTICE_FAILED, java.util.Set.of()),
            Map.entry(SURVEY_ANSWERED, java.util.Set.of(AGENCY, RATING)),
            Map.entry(UPLOAD_REJECTED, java.util.Set.of(AGENCY)),
            Map.entry(DECIDED_ON_TIME, java.util.Set.of(AGENCY)),
            Map.entry(DECIDED_LATE, java.util.Set.of(AGENCY)),
            Map.entry(SUBMISSION_STUCK, java.util.Set.of(AGENCY)),
            Map.entry(UPLOAD_THREAT_FOUND, java.util.Set.of(AGENCY)),
            Map.entry(COLD_START, java.util.Set.of(FUNCTION_NAME)));

    /** One occurrence of a metric. */
    record Count(String name, Map<String, String> dimensions) {
        public Count {
            if (!NAMES.contains(name)) throw new IllegalArgumentException("unknown metric " + name);
            dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
            if (!DIMENSIONS_OF.get(name).containsAll(dimensions.keySet())) {
                throw new IllegalArgumentException(name + " has no dimension among " + dimensions.keySet());
            }
        }

        /** {@code name} once, for {@code agency} (none when null). */
        public static Count of(String name, String agency) {
            return new Count(name, agency == null || agency.isBlank() ? Map.of() : Map.of(AGENCY, agency));
        }

        /** This count with one more dimension (none when {@code value} is null). */
        public Count with(String dimension, String value) {
            if (value == null || value.isBlank()) return this;
            var m = new java.util.HashMap<>(dimensions);
            m.put(dimension, value);
            return new Count(name, m);
        }
    }

    /**
     * Counts each of {@code counts} once. Each is emitted with its dimensions and also without any, so that a
     * dashboard or an alarm reads the service's total without adding the agencies up. Never throws: a metric lost is
     * better than a move retried.
     */
    void count(List<Count> counts);

    /** One count. */
    default void count(Count c) { count(List.of(c)); }

    /** The metrics that go nowhere (tests, tools). */
    ServiceMetrics NONE = counts -> {};
}
