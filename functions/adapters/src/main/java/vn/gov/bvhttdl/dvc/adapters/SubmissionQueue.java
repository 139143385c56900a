package vn.gov.bvhttdl.dvc.adapters;

import software.amazon.awssdk.services.sqs.SqsClient;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.util.Map;

/**
 * Hands a submitted dossier to the validation function through the submission queue. Used by the API (at
 * submission) and by the submission sweep (again, for a dossier whose message was lost); the SQS client is an
 * optional dependency of this module, declared by the functions that send.
 */
public final class SubmissionQueue implements vn.gov.bvhttdl.dvc.application.SubmissionQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SubmissionQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public static SubmissionQueue fromSettings() {
        return new SubmissionQueue(SqsClient.builder().httpClient(AwsClients.HTTP).credentialsProvider(AwsClients.credentials()).build(),
                Settings.require("SUBMISSION_QUEUE_URL"));
    }

    /** The message the validation function reads: {@code {"dossierId": …, "version": …}}. */
    @Override
    public void send(String dossierId, long version) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl)
                .messageBody(Json.write(Map.of("dossierId", dossierId, "version", version))));
    }
}
