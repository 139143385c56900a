package vn.gov.bvhttdl.dvc.application;

/** Port: hands a submitted dossier to reception (SQS on AWS and offline). */
public interface SubmissionQueue {
    void send(String dossierId, long version);
}
