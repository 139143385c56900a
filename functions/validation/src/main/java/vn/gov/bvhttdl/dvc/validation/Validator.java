package vn.gov.bvhttdl.dvc.validation;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import vn.gov.bvhttdl.dvc.adapters.Table;
import software.amazon.awssdk.services.s3.S3Client;
import vn.gov.bvhttdl.dvc.application.ReceiveSubmission;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Json;

import java.time.Clock;
import java.util.Map;

/**
 * The validation function's use of {@link ReceiveSubmission}: reads the submission message and hands the dossier to
 * reception; the PDF receipt goes to the documents bucket ({@link S3Receipts}). A message that can never be processed
 * (not JSON, no dossier id, no such dossier) is a {@code DomainException}: the handler's loop sends it to the DLQ at once.
 */
public final class Validator {
    private static final Logger LOG = LoggerFactory.getLogger(Validator.class);
    static final String ACTOR = ReceiveSubmission.ACTOR.subject();

    /** What happened to one message. */
    public enum Outcome { RECEIVED, SUPPLEMENT_REQUESTED, ALREADY_HANDLED }

    private final ReceiveSubmission reception;

    public Validator(Table table, Clock clock, S3Client s3, String documentsBucket) {
        this.reception = new ReceiveSubmission(table.dossiers(), table.attachments(), table.sequences(), table.lookupKeys(), table.rules(), new S3Receipts(s3, documentsBucket, table.results(),
                () -> vn.gov.bvhttdl.dvc.adapters.Settings.require("PUBLIC_BASE_URL")), clock,
                // the documents taken from the applicant's warehouse, checked again at reception (issue #25)
                new vn.gov.bvhttdl.dvc.application.ReuseFromWarehouse(table.dossiers(), table.attachments(), table.rules(), table.warehouse(),
                        vn.gov.bvhttdl.dvc.application.WarehouseMatching.standard(), clock));
    }

    /**
     * @throws DomainException  {@code unreadable-message} or {@code dossier-not-found}: a message that can never be processed
     * @throws vn.gov.bvhttdl.dvc.domain.ConcurrentChange when another writer got there first (retried)
     */
    public Outcome handle(String body) {
        String dossierId = dossierId(body);
        ReceiveSubmission.Outcome o = reception.receive(dossierId);
        LOG.info("dossier {}: {}", dossierId, o);
        return Outcome.valueOf(o.name());
    }

    private static String dossierId(String body) {
        Object parsed;
        try {
            parsed = Json.parse(body == null ? "" : body);
        } catch (IllegalArgumentException e) {
            throw DomainException.of("unreadable-message", "why", "not JSON");
        }
        if (parsed instanceof Map<?, ?> m && m.get("dossierId") instanceof String id && !id.isBlank()) return id;
        throw DomainException.of("unreadable-message", "why", "no dossierId");
    }

    @Factory
    static final class Beans {
        @Singleton
        Table table() { return Table.primedFromSettings("validation", null); }

        @Singleton
        Clock clock() { return Clock.systemUTC(); }

        /** The submission DLQ, for what can never be processed (SUBMISSION_DLQ_URL). */
        @Singleton
        vn.gov.bvhttdl.dvc.lambda.Batches.DeadLetters deadLetters() { return vn.gov.bvhttdl.dvc.adapters.DeadLetterQueue.named("SUBMISSION_DLQ_URL")::send; }

        @Singleton
        Validator validator(Table table, Clock clock) {
            return new Validator(table, clock, AwsClients.s3(), Settings.require("DOCUMENTS_BUCKET"));
        }
    }
}
