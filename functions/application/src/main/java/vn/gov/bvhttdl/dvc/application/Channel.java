package vn.gov.bvhttdl.dvc.application;

/** Port: a way to reach the applicant outside the portal (email: SMTP to SES on AWS, GreenMail offline; SMS). */
public interface Channel {
    String name();

    /** One message: {@code key} identifies it (the provider's de-duplication header where it has one). */
    record Message(String key, String to, String subject, String text, String html, String dossierCode) {}

    /**
     * Sends it.
     *
     * @throws RuntimeException when it could not be handed over (the delivery is retried)
     */
    void send(Message m);
}
