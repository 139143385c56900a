package vn.gov.bvhttdl.dvc.api;

import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.Settings;

import software.amazon.awssdk.services.sqs.SqsClient;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.util.Map;

/** Hands a submitted dossier to the validation function through the submission queue. */
public final class SubmissionQueue {
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
    public void send(String dossierId, long version) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl)
                .messageBody(Json.write(Map.of("dossierId", dossierId, "version", version))));
    }
}
