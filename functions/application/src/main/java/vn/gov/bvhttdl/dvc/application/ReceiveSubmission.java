package vn.gov.bvhttdl.dvc.application;

import vn.gov.bvhttdl.dvc.domain.Actor;
import vn.gov.bvhttdl.dvc.domain.Attachment;
import vn.gov.bvhttdl.dvc.domain.Command;
import vn.gov.bvhttdl.dvc.domain.Completeness;
import vn.gov.bvhttdl.dvc.domain.Dossier;
import vn.gov.bvhttdl.dvc.domain.DossierCode;
import vn.gov.bvhttdl.dvc.domain.DossierStatus;
import vn.gov.bvhttdl.dvc.domain.Procedure;
import vn.gov.bvhttdl.dvc.domain.Text;
import vn.gov.bvhttdl.dvc.domain.WorkingCalendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Reception of a submitted dossier by the system: checks it again (the same checklist the applicant saw) and
 * either receives it — the dossier code, the appointment date counted from the submission on the legal calendar,
 * the look-up key and the receipt (form 01) — or asks for everything missing at once (form 02). A supplemented
 * dossier keeps its code and key, and the waiting time is not counted. Handling the same submission twice changes
 * nothing.
 */
public final class ReceiveSubmission {
    public static final Actor ACTOR = Actor.system("validation-function");

    /** What happened to one submission. */
    public enum Outcome { RECEIVED, SUPPLEMENT_REQUESTED, ALREADY_HANDLED }


    private final Dossiers dossiers;
    private final Attachments attachments;
    private final Sequences sequences;
    private final LookupKeys lookupKeys;
    private final Rules rules;
    private final Receipts receipts;
    private final Clock clock;
    private final ReuseFromWarehouse reuse;

    public ReceiveSubmission(Dossiers dossiers, Attachments attachments, Sequences sequences, LookupKeys lookupKeys, Rules rules, Receipts receipts, Clock clock) {
        this(dossiers, attachments, sequences, lookupKeys, rules, receipts, clock, null);
    }

    /**
     * @param reuse the documents taken from a warehouse, checked again at reception: one revoked, replaced or expired
     *              since the submission is asked for in the supplement request, named (null: none are checked)
     */
    public ReceiveSubmission(Dossiers dossiers, Attachments attachments, Sequences sequences, LookupKeys lookupKeys, Rules rules, Receipts receipts, Clock clock,
                             ReuseFromWarehouse reuse) {
        this.reuse = reuse;
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.sequences = sequences;
        this.lookupKeys = lookupKeys;
        this.rules = rules;
        this.receipts = receipts;
        this.clock = clock;
    }

    /** Eight characters of an unambiguous alphabet: 40 bits, printed on the receipt beside the code. */
    public static String newLookupKey() {
        return Codes.draw(8);
    }

    /**
     * @throws vn.gov.bvhttdl.dvc.domain.DomainException {@code dossier-not-found}: a message that can never be processed
     * @throws vn.gov.bvhttdl.dvc.domain.ConcurrentChange when another writer got there first (retried)
     */
    public Outcome receive(String dossierId) {
        Dossier d = dossiers.find(dossierId).orElseThrow(() -> vn.gov.bvhttdl.dvc.domain.DomainException.of("dossier-not-found", "ref", dossierId));
        if (d.status() == DossierStatus.RECEIVED && d.code() != null) {
            // a redelivery after the reception was stored but before the payment was requested: request it now
            return requestPayment(d, clock.instant(), true) ? Outcome.RECEIVED : Outcome.ALREADY_HANDLED;
        }
        if (d.status() != DossierStatus.SUBMITTED) return Outcome.ALREADY_HANDLED;
        Instant now = clock.instant();
        Optional<Procedure> procedure = rules.catalogue().version(d.procedureCode(), d.procedureVersion());
        List<Attachment> files = attachments.attachments(d.id());
        // the same checklist the citizen saw, checked again here: all that is missing, in one request
        List<Text> missing = procedure.map(p -> Completeness.check(p, d, files, now).problems()).orElse(List.of(new Text(
                "Thủ tục " + d.procedureCode() + " không có trong danh mục.",
                "Procedure " + d.procedureCode() + " is not in the catalogue.")));
        if (reuse != null) {
            List<Text> unusable = reuse.problems(d, files);
            if (!unusable.isEmpty()) missing = java.util.stream.Stream.concat(missing.stream(), unusable.stream()).toList();
        }
        if (!missing.isEmpty()) {
            dossiers.save(d.handle(new Command.RequestSupplement(missing.stream().map(Text::vi).toList()), ACTOR, now));
            return Outcome.SUPPLEMENT_REQUESTED;
        }
        Procedure p = procedure.get();
        // the dossier starts at the first step of its process (the one-stop desk), with that step's budget
        vn.gov.bvhttdl.dvc.domain.Process.Stage first = vn.gov.bvhttdl.dvc.domain.Process.of(p).first();
        LocalDate stepDue = rules.calendar().appointment(now, first.budget(), List.of()).dueDate();
        Dossier.Change change;
        if (d.code() == null) {
            // the appointment counts from the citizen's submission, not from when this function got to it
            LocalDate due = rules.calendar().appointment(d.submittedAt() == null ? now : d.submittedAt(), p.timeLimit(), List.of()).dueDate();
            DossierCode rule = DossierCode.standard();
            long seq = sequences.nextSequence(d.unitCode(), rule.dayKey(rule.day(now)));
            change = d.handle(new Command.Receive(rule.format(d.unitCode(), rule.day(now), seq), due, first.code(), first.unit(), stepDue), ACTOR, now);
        } else {
            List<WorkingCalendar.Pause> pauses = Dossier.pauses(dossiers.history(d.id()));
            LocalDate due = rules.calendar().appointment(d.receivedAt(), p.timeLimit(), pauses).dueDate();
            change = d.handle(new Command.ReceiveSupplement(d.code(), due, first.code(), first.unit(), stepDue), ACTOR, now);
        }
        Dossier received = change.dossier();
        // the key and the receipt first: if storing the state fails, the retry issues them again; never missing
        String key = lookupKeys.lookupKey(received.code()).orElseGet(ReceiveSubmission::newLookupKey);
        lookupKeys.putLookupKey(received.code(), received.id(), key);
        receipts.issue(received, p, files.stream().filter(f -> f.status() == Attachment.Status.ACCEPTED).toList(), key, now);
        dossiers.save(change);
        // a supplemented dossier was asked (and paid) at its first reception: not asked again
        requestPayment(received, now, d.code() != null);
        return Outcome.RECEIVED;
    }

    /**
     * A level-4 dossier whose fees are paid online (amounts, or a tariff to choose from) waits for payment at the step the payment rules name
     * (rules/payments.json): the system requests it as soon as the dossier is there. Once per dossier: not again
     * after it was paid (the history says so).
     */
    private boolean requestPayment(Dossier d, Instant now, boolean checkHistory) {
        var p = rules.catalogue().version(d.procedureCode(), d.procedureVersion());
        if (p.isEmpty() || d.processing() == null) return false;
        var payment = vn.gov.bvhttdl.dvc.domain.PaymentRules.standard();
        if (!payment.waitAt().equals(d.processing().step())) return false;
        var lines = payment.linesFor(p.get(), StartPayment.day(d));
        // a fee that depends on the case: the applicant chooses its item of the tariff when paying (total 0 here)
        if (!payment.dueAtReception(p.get(), StartPayment.day(d))) return false;
        if (checkHistory && dossiers.history(d.id()).stream().anyMatch(e -> e.action().equals("request-payment"))) return false;
        long total = lines.stream().mapToLong(vn.gov.bvhttdl.dvc.domain.Payment.Line::amountVnd).sum();
        dossiers.save(d.handle(new Command.RequestPayment(total, Math.max(1, lines.size())), ACTOR, now));
        return true;
    }
}
