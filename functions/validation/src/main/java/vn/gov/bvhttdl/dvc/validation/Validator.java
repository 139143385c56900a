package vn.gov.bvhttdl.dvc.validation;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.bvhttdl.dvc.adapters.DossierStore;
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
@Singleton
public final class Validator {
    private static final Logger LOG = LoggerFactory.getLogger(Validator.class);
    static final String ACTOR = "validation-function";

    /** What happened to one message. */
    public enum Outcome { RECEIVED, SUPPLEMENT_REQUESTED, ALREADY_HANDLED }

    private final DossierStore store;
    private final RulesStore rules;
    private final Clock clock;

    public Validator(DossierStore store, RulesStore rules, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.clock = clock;
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
        // the version the dossier was created under, even if a newer one is in force now
        Optional<Procedure> procedure = rules.catalogue().version(d.procedureCode(), d.procedureVersion());
        List<Text> missing = procedure.map(d::missing).orElse(List.of(new Text(
                "Thủ tục " + d.procedureCode() + " không có trong danh mục.",
                "Procedure " + d.procedureCode() + " is not in the catalogue.")));
        if (!missing.isEmpty()) {
            String reason = missing.stream().map(Text::vi).collect(Collectors.joining(" "));
            store.save(d.apply("request-supplement", ACTOR, Role.SYSTEM, now, reason,
                    Map.of("items", Integer.toString(missing.size()))));
            return Outcome.SUPPLEMENT_REQUESTED;
        }
        DossierCode rule = DossierCode.standard();
        String dayKey = rule.dayKey(rule.day(now));
        // the appointment counts from the citizen's submission, not from when this function got to it
        WorkingCalendar.Appointment appointment = rules.calendar().appointment(
                d.submittedAt() == null ? now : d.submittedAt(), procedure.get().processingWorkingDays(), List.of());
        long seq = store.nextSequence(d.unitCode(), dayKey);
        String code = rule.format(d.unitCode(), rule.day(now), seq);
        store.save(d.receive(code, ACTOR, now, appointment.dueDate()));
        LOG.info("dossier {} received as {}, due {}", d.id(), code, appointment.dueDate());
        return Outcome.RECEIVED;
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
    }
}
