package vn.gov.bvhttdl.dvc.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Port: what the notifications keep (DynamoDB on AWS and offline): one delivery record per event and channel (claimed
 * with a conditional write before the message is sent, then marked sent), the portal inbox, and each applicant's
 * choices (channels per kind of notice, language).
 */
public interface NoticeStore {
    /**
     * Claims the delivery of {@code eventKey} on {@code channel}: true when this caller is to send it (new, or an
     * earlier attempt failed, or an attempt was left unfinished for longer than a lease); false when it was sent, or
     * another caller is sending it now.
     */
    boolean claim(String eventKey, String channel, String dossierId, Instant at);

    void sent(String eventKey, String channel, String dossierId, Instant at, String to, String subject);

    /**
     * The event's channel was decided without sending (no address known when the event was handled): the decision
     * stands, so a replay of the event later, when an address is known, sends nothing old.
     */
    void skipped(String eventKey, String channel, String dossierId, Instant at, String why);

    /**
     * The attempt failed: the next delivery of the event may claim it again, and it is listed for the resend
     * ({@code action}, {@code eventAt}: which audit entry it was).
     */
    void failed(String eventKey, String channel, String dossierId, Instant at, String why, String action, Instant eventAt);

    /** A delivery that failed and was not sent since. */
    record Failed(String eventKey, String channel, String dossierId, String action, Instant eventAt, Instant failedAt) {}

    /** The deliveries that failed and are still unsent, oldest first. */
    List<Failed> failedDeliveries(int limit);

    /** A message in the applicant's portal inbox (written once per id). */
    record InboxMessage(String ownerId, String id, String dossierId, String dossierCode, String kind, String subject, String text,
                        Instant at, boolean read) {}

    void deliver(InboxMessage m);

    /** The newest first. */
    List<InboxMessage> inbox(String ownerId, int limit);

    void markRead(String ownerId, String id);

    /** The applicant's choices: channel → on/off (missing: the rules' default) and language ("vi" unless chosen). */
    record Choices(Map<String, Boolean> channels, String language) {
        public Choices {
            channels = channels == null ? Map.of() : Map.copyOf(channels);
            language = language == null || language.isBlank() ? "vi" : language;
        }
    }

    Choices choices(String ownerId);

    void choose(String ownerId, Choices choices);

    /**
     * Keeps the e-mail of the applicant's signed-in account (the verified identity's {@code email} claim) in their
     * profile, apart from their choices: the address of the notices of a dossier that names none.
     */
    void rememberAccountEmail(String ownerId, String email);

    /** The e-mail of the applicant's account, if one was kept. */
    java.util.Optional<String> accountEmail(String ownerId);

    /** One delivery, for the officials' view of a dossier. */
    record Delivery(String eventKey, String channel, String state, String to, String subject, Instant at, String why) {}

    List<Delivery> deliveries(String dossierId);

    /** The email provider said this address bounced for good or its owner complained: no more email to it. */
    void suppress(String address, String why, Instant at);

    boolean suppressed(String address);
}
