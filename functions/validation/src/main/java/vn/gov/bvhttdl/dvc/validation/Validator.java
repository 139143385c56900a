package vn.gov.bvhttdl.dvc.validation;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.adapters.AwsClients;
import vn.gov.bvhttdl.dvc.adapters.Documents;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
import vn.gov.bvhttdl.dvc.adapters.Settings;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Completeness;
import java.time.LocalDate;
import vn.gov.bvhttdl.dvc.adapters.RulesStore;
import vn.gov.bvhttdl.dvc.domain.DomainException;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierCode;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Json;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;
import vn.gov.bvhttdl.dvc.domain.Role;
import vn.gov.bvhttdl.dvc.domain.Text;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a submitted dossier again on the server and records the outcome: received (with its dossier code) or
 * awaiting a supplement (with everything missing, in one list). Processing the same message twice changes nothing.
 */
public final class Validator {
    private static final Logger LOG = LoggerFactory.getLogger(Validator.class);
    static final String ACTOR = "validation-function";

    /** What happened to one message. */
    public enum Outcome { RECEIVED, SUPPLEMENT_REQUESTED, ALREADY_HANDLED }

    private final DossierStore store;
    private final RulesStore rules;
    private final Clock clock;
    private final S3Client s3;
    private final String documentsBucket;

    public Validator(DossierStore store, RulesStore rules, Clock clock, S3Client s3, String documentsBucket) {
        this.store = store;
        this.rules = rules;
        this.clock = clock;
        this.s3 = s3;
        this.documentsBucket = documentsBucket;
    }

    /**
     * @throws IllegalArgumentException for a message that can never be processed (it goes to the DLQ after retries)
     * @throws DomainException          CONFLICT when another writer got there first (retried)
     */
    public Outcome handle(String body) {
        String dossierId = dossierId(body);
        Dossier d = store.find(dossierId).orElseThrow(() -> new IllegalArgumentException("no dossier " + dossierId));
        if (d.status() != DossierStatus.SUBMITTED) {
            LOG.info("dossier {} is {}, nothing to do", d.id(), d.status());
            return Outcome.ALREADY_HANDLED;
        }
        Instant now = clock.instant();
        Optional<Procedure> procedure = rules.catalogue().version(d.procedureCode(), d.procedureVersion());
        List<Attachment> files = store.attachments(d.id());
        // the same checklist the citizen saw, checked again here: all that is missing, in one request
        List<Text> missing = procedure.map(p -> Completeness.check(p, d, files, now).problems()).orElse(List.of(new Text(
                "Thủ tục " + d.procedureCode() + " không có trong danh mục.",
                "Procedure " + d.procedureCode() + " is not in the catalogue.")));
        if (!missing.isEmpty()) {
            String reason = missing.stream().map(Text::vi).collect(Collectors.joining("\n"));
            store.save(d.apply("request-supplement", ACTOR, Role.SYSTEM, now, reason,
                    Map.of("items", Integer.toString(missing.size()))));
            return Outcome.SUPPLEMENT_REQUESTED;
        }
        Procedure p = procedure.get();
        Dossier.Change change;
        if (d.code() == null) {
            // the appointment counts from the citizen's submission, not from when this function got to it
            LocalDate due = rules.calendar().appointment(d.submittedAt() == null ? now : d.submittedAt(),
                    p.timeLimit(), List.of()).dueDate();
            DossierCode rule = DossierCode.standard();
            long seq = store.nextSequence(d.unitCode(), rule.dayKey(rule.day(now)));
            change = d.receive(rule.format(d.unitCode(), rule.day(now), seq), ACTOR, now, due);
        } else {
            // a supplemented dossier keeps its code; the days spent waiting for the supplement are not counted
            List<WorkingCalendar.Pause> pauses = Dossier.pauses(store.history(d.id()));
            LocalDate due = rules.calendar().appointment(d.receivedAt(), p.timeLimit(), pauses).dueDate();
            change = d.receiveSupplement(ACTOR, now, due);
        }
        Dossier received = change.dossier();
        // the receipt first: if storing the state fails, the retry issues it again; it is never missing
        // the key for looking the dossier up without signing in: kept for the code (a supplemented dossier's new
        // receipt prints the same one), written before the receipt that prints it
        String key = store.lookup(received.code()).map(DossierStore.Lookup::key).orElseGet(Validator::newLookupKey);
        store.putLookup(received.code(), received.id(), key);
        byte[] pdf = ReceiptPdf.render(received, p, files.stream().filter(f -> f.status() == Attachment.Status.ACCEPTED).toList(),
                received.receivedAt(), received.dueDate(), now, key);
        s3.putObject(b -> b.bucket(documentsBucket).key(Documents.receiptKey(received.code())).contentType("application/pdf")
                .metadata(Map.of("dossier-id", received.id())), RequestBody.fromBytes(pdf));
        store.save(change);
        LOG.info("dossier {} received as {}, due {}", d.id(), received.code(), received.dueDate());
        return Outcome.RECEIVED;
    }

    private static final String KEY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** Eight characters of an unambiguous alphabet: 40 bits, printed on the receipt beside the code. */
    static String newLookupKey() {
        StringBuilder b = new StringBuilder(8);
        for (int i = 0; i < 8; i++) b.append(KEY_ALPHABET.charAt(RANDOM.nextInt(KEY_ALPHABET.length())));
        return b.toString();
    }

    private static String dossierId(String body) {
        Object parsed;
        try {
            parsed = Json.parse(body == null ? "" : body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("message body is not JSON", e);
        }
        if (parsed instanceof Map<?, ?> m && m.get("dossierId") instanceof String id && !id.isBlank()) return id;
        throw new IllegalArgumentException("message body has no dossierId");
    }

    @Factory
    static final class Beans {
        @Singleton
        DossierStore store() { return DossierStore.primedFromSettings("validation", null); }

        @Singleton
        RulesStore rules(DossierStore store) { return RulesStore.fromSettings(store.client()); }

        @Singleton
        Clock clock() { return Clock.systemUTC(); }

        @Singleton
        Validator validator(DossierStore store, RulesStore rules, Clock clock) {
            return new Validator(store, rules, clock, AwsClients.s3(), Settings.require("DOCUMENTS_BUCKET"));
        }
    }
}
